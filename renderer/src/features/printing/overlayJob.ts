// Overlay printing (套打) with what the settings hold: the administrator's field positions (or
// the built-in layout), the certificate's stock size, and the calibration of the printer the
// certificate goes to. The issuance screen builds its job here; the settings screen previews
// with the same function, so what is previewed is what prints.
import type { Settings } from '../../../../electron/contract';
import { host } from '../../host';
import { useSettingsStore } from '../../app/stores/settingsStore';
import { prepareInlineFontSource } from '../../print/bundledFont';
import type { PrintLocale } from '../../print/chineseDate';
import { renderCalibrationPage } from '../../print/calibration';
import { renderOverlay } from '../../print/overlay';
import type { RenderedDocument } from '../../print/render';
import type { CertificateKind } from '../../print/templates/Certificates';
import type { PrintJob } from './printService';
import { calibrationOf, certificatePrinter, overlayLayoutOf } from './overlaySettings';

export interface OverlayRenderOptions {
  settings?: Settings;
  /** Defaults to the certificate printer of the settings. */
  printer?: string;
  locale?: PrintLocale;
  /** A scan of the blank stock, on screen only. */
  backgroundImage?: string;
}

/** The overlay as standalone HTML with the bundled font inlined (fit for a sandboxed preview). */
export async function renderOverlayFor(
  kind: CertificateKind,
  values: Readonly<Record<string, string>>,
  options: OverlayRenderOptions = {},
): Promise<RenderedDocument> {
  const s = options.settings ?? useSettingsStore.getState().settings;
  const printer = options.printer ?? certificatePrinter(s);
  const layout = overlayLayoutOf(s, kind);
  const calibration = calibrationOf(s, printer);
  const base = {
    locale: options.locale,
    font: s.printFont,
    backgroundImage: options.backgroundImage,
  };
  // Only the faces the values need: an overlay has no bold text.
  const fontSource = await prepareInlineFontSource(Object.values(values).join(''), '');
  return renderOverlay(layout, values, calibration, { ...base, fontSource });
}

export interface OverlayJob extends PrintJob {
  overlay: true;
  /** The system printer whose calibration was applied ('' = the system default). */
  deviceName: string;
}

/**
 * The print job of a certificate overlay: saved layout, stock size, and the calibration of the
 * certificate printer. Archive and print it like any other job; when sending it, pass
 * `overlay: true` and `deviceName` so the printer that was calibrated is the one that prints.
 */
export async function overlayJob(
  certType: CertificateKind,
  values: Readonly<Record<string, string>>,
  options: OverlayRenderOptions & { caseId?: string; title?: string } = {},
): Promise<OverlayJob> {
  const s = options.settings ?? useSettingsStore.getState().settings;
  const printer = options.printer ?? certificatePrinter(s);
  const doc = await renderOverlayFor(certType, values, { ...options, settings: s, printer });
  return {
    doc,
    docType: `certificate_overlay_${certType}`,
    title: options.title ?? `certificate ${values.certNumber ?? ''}`.trim(),
    caseId: options.caseId,
    kind: 'a4',
    overlay: true,
    deviceName: printer,
  };
}

/** The calibration page for one printer, shifted by its saved offsets (a second print checks them). */
export async function calibrationPageFor(
  s: Settings,
  printer: string,
  locale: PrintLocale = 'zh-CN',
): Promise<RenderedDocument> {
  const calibration = calibrationOf(s, printer);
  const draft = renderCalibrationPage(calibration, { locale, font: s.printFont });
  const fontSource = await prepareInlineFontSource(draft.html, draft.html);
  return renderCalibrationPage(calibration, { locale, font: s.printFont, fontSource });
}

/**
 * Sends an overlay (or a calibration page) to its printer: exact millimetres, no scaling, no
 * background (docs/printing.md). Throws HostError when the printer fails, so the caller can retry.
 */
export async function printOverlay(
  doc: RenderedDocument,
  deviceName: string,
  copies = 1,
): Promise<void> {
  await host.printPrint({
    html: doc.html,
    paper: { widthMm: doc.paper.widthMm, heightMm: doc.paper.heightMm },
    deviceName: deviceName || undefined,
    silent: false,
    copies,
    overlay: true,
  });
}
