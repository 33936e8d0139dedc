// The overlay parts of the settings, resolved: which printer certificates go to, its
// calibration, and the layout (stock size + field positions) of each certificate. Pure, so the
// rules are tested without a host or fonts.
import type { CertificateKindSetting, Settings } from '../../../../electron/contract';
import type { Calibration, OverlayField, OverlayLayout } from '../../print/overlay';
import { defaultOverlayLayouts } from '../../print/overlayLayouts';
import { certificatePaper, type Paper } from '../../print/paper';
import type { CertificateKind } from '../../print/templates/Certificates';

// The contract's enum and the templates' union must name the same certificates.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const kindsMatch: Same<CertificateKind, CertificateKindSetting> = true;
void kindsMatch;

export const NO_CALIBRATION: Calibration = { dxMm: 0, dyMm: 0 };

/** The printer certificates go to: its own setting, else the A4 printer ('' = system default). */
export const certificatePrinter = (s: Settings): string => s.printers.certificate || s.printers.a4;

export const calibrationOf = (s: Settings, printer: string): Calibration =>
  s.calibrations[printer] ?? NO_CALIBRATION;

/** The saved layout of a certificate: stock size from the settings, fields edited or built-in. */
export function overlayLayoutOf(s: Settings, kind: CertificateKind): OverlayLayout {
  return {
    paper: s.certificatePapers[kind],
    fields: s.overlayLayouts[kind] ?? defaultOverlayLayouts[kind].fields,
  };
}

/**
 * A layout to save. Saved as it is, even when it equals the built-in one: saving is the
 * administrator's word that the positions fit this station's stock and printer, which is what
 * lets the issuance screen offer 套打 (an unsaved built-in layout is only a first guess).
 */
export const layoutToSave = (fields: readonly OverlayField[]): OverlayField[] =>
  fields.map((f) => ({ ...f }));

/**
 * The paper of a full-page certificate (not the overlay): the stock size from the settings, for
 * renderDocument's `paper` option, e.g. `{ font, paper: certificatePaperOf(s, 'rural') }`.
 */
export function certificatePaperOf(s: Settings, kind: CertificateKind): Paper {
  const { widthMm, heightMm } = s.certificatePapers[kind];
  return certificatePaper(widthMm, heightMm);
}
