// The certificate's 套打 print job, through the printing feature's overlayJob (admin layout,
// stock size, the certificate printer's calibration). Archived and recorded like every paper, by
// the one PrintDialog path.
import type { Settings } from '../../../../electron/contract';
import type { CaseState } from '../../domain';
import type { Station } from '../../data/station';
import type { PrintLocale } from '../../print/chineseDate';
import { formTextOf, overlayOutline } from '../../print/overlayOutline';
import { officeOf } from '../printing/office';
import { overlayJob } from '../printing/overlayJob';
import { calibrationOf, certificatePrinter, overlayLayoutOf } from '../printing/overlaySettings';
import type { PrintJob } from '../printing/printService';
import {
  certificateContent,
  holderOf,
  overlayValuesOf,
  printKindOfCase,
  qrPayloadFor,
  type CertificateValues,
} from './certificateData';
import { overlayReadiness, overlayRefusal, type OverlayRefusal } from './printMode';

export interface OverlayJobOptions {
  settings: Settings;
  title: string;
  locale?: PrintLocale;
  /** Show the form's outline behind the values in the preview (screen only, never printed). */
  outline?: boolean;
}

/**
 * The 套打 job of certificate `number` of the case, or why it cannot be printed. The number is
 * the recorded one — a reprint never allocates another.
 */
export async function overlayCertificateJob(
  state: CaseState,
  number: string,
  values: CertificateValues,
  station: Station,
  options: OverlayJobOptions,
): Promise<{ ok: true; job: PrintJob } | { ok: false; refusal: OverlayRefusal }> {
  const s = options.settings;
  const kind = printKindOfCase(state);
  const refusal = overlayRefusal(state, number, overlayReadiness(s, kind));
  if (refusal || !state.certificate) return { ok: false, refusal: refusal ?? 'noCertificate' };
  const cert = state.certificate;
  const qr = await qrPayloadFor(cert, holderOf(values, state));
  const content = certificateContent(cert, values, officeOf(station), qr);
  const backgroundImage = options.outline
    ? overlayOutline(
        overlayLayoutOf(s, kind),
        calibrationOf(s, certificatePrinter(s)),
        formTextOf(kind),
      )
    : undefined;
  const job = await overlayJob(kind, overlayValuesOf(content), {
    settings: s,
    caseId: state.caseId,
    title: options.title,
    locale: options.locale,
    backgroundImage,
  });
  return { ok: true, job };
}
