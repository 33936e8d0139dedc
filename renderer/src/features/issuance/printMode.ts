// How a certificate is printed: 套打 (only the values, onto the bureau's pre-printed, numbered
// stock) or 整页 (the whole certificate on plain A4). Pure rules, so the default, the remembered
// choice and the refusals are tested without a host, fonts or a screen.
import { z } from 'zod';
import type { Settings, SettingsPatch } from '../../../../electron/contract';
import type { CaseState } from '../../domain';
import type { PrintRecord } from '../../data/prints';
import type { CertificateKind } from '../../print/templates/Certificates';

export const printModeSchema = z.enum(['overlay', 'full']);
export type CertificatePrintMode = z.infer<typeof printModeSchema>;

/** What 套打 needs from the settings of this station, for one certificate. */
export interface OverlayReadiness {
  /**
   * An administrator saved field positions for this certificate. The built-in layout is only a
   * first guess on A4: printing it onto numbered official stock would waste forms.
   */
  layoutSetUp: boolean;
  /** A printer of its own is chosen for certificates (its calibration is the one applied). */
  printerSet: boolean;
}

export function overlayReadiness(s: Settings, kind: CertificateKind): OverlayReadiness {
  return {
    layoutSetUp: (s.overlayLayouts[kind]?.length ?? 0) > 0,
    printerSet: s.printers.certificate.trim() !== '',
  };
}

/**
 * The mode the screen starts with: without a layout 套打 is impossible, whatever was chosen
 * before; otherwise the clerk's last choice for this certificate; otherwise 套打 only when both
 * the layout and a certificate printer are set up.
 */
export function initialPrintMode(
  r: OverlayReadiness,
  remembered?: CertificatePrintMode,
): CertificatePrintMode {
  if (!r.layoutSetUp) return 'full';
  if (remembered) return remembered;
  return r.printerSet ? 'overlay' : 'full';
}

/** Why a certificate cannot be overlay-printed now, or null when it can. */
export type OverlayRefusal = 'noLayout' | 'voided' | 'noCertificate';

/**
 * The print path's gate for 套打 of certificate `number`: a voided number is never printed onto
 * official stock (a voided certificate printed on a fresh numbered form would look genuine).
 */
export function overlayRefusal(
  state: CaseState,
  number: string,
  r: OverlayReadiness,
): OverlayRefusal | null {
  if (state.voidedCertificates.some((v) => v.number === number)) return 'voided';
  if (!state.certificate || state.certificate.number !== number) return 'noCertificate';
  if (!r.layoutSetUp) return 'noLayout';
  return null;
}

export type RememberedModes = Settings['certificatePrintModes'];

/** The choices remembered in this station's settings. */
export const rememberedModesOf = (s: Settings): RememberedModes => s.certificatePrintModes ?? {};

/** The settings patch that remembers `mode` for `kind`, keeping the other certificates' choices. */
export function rememberPatch(
  s: Settings,
  kind: CertificateKind,
  mode: CertificatePrintMode,
): SettingsPatch {
  return { certificatePrintModes: { ...rememberedModesOf(s), [kind]: mode } };
}

const isCertificatePrint = (p: PrintRecord) =>
  p.docType === 'certificate' || p.docType.startsWith('certificate_overlay_');

/**
 * The prints of certificate `number`: the first one (what any later print is a reprint of,
 * whichever mode it was in) and the last full-page one (reprinted byte for byte in 整页).
 */
export function printsOfCertificate(prints: readonly PrintRecord[], number: string) {
  const mine = prints.filter((p) => isCertificatePrint(p) && p.title.includes(number));
  return {
    original: mine.find((p) => !p.reprintOf),
    lastFullPage: mine.filter((p) => p.docType === 'certificate').at(-1),
  };
}
