// What a scanner types into a search box when it reads one of our papers: the receipt's QR code
// (`OW-CASE:<case number>`, under "扫码查询办理进度") or its Code 128 barcode (the case number
// alone). One reader for every search box, so a scan opens the case wherever it is typed.
import { parseCaseNumber } from './numbering';

/** The receipt QR's prefix: what the code is about, so a phone page can tell it too. */
export const CASE_QR_PREFIX = 'OW-CASE:';

/** The text of the receipt's QR code for a case. */
export const caseQrPayload = (caseNo: string): string => `${CASE_QR_PREFIX}${caseNo}`;

// eslint-disable-next-line no-control-regex -- scanners' control characters are what we drop
const SCANNER_NOISE = /[\u0000-\u001f\u007f\s]/g;

export type ScannedCode =
  /** A case number, read from the QR code or the barcode (or typed). */
  | { kind: 'case'; caseNo: string }
  /** Our QR prefix, but what follows is no case number: a damaged or partial scan. */
  | { kind: 'badCase'; text: string };

/**
 * Reads a scanned (or typed) text as a code from our papers; null when it is not one (a name,
 * a credit code …), so the search box searches it as typed.
 *
 * A keyboard-emulating scanner behind a Chinese input method types full-width characters
 * (ＯＷ－ＣＡＳＥ：…) and may add CR, LF, Tab or spaces; caps lock turns it to lower case. NFKC
 * makes full-width ASCII, and case numbers contain no spaces or lower case.
 */
export function readScannedCode(raw: string): ScannedCode | null {
  const s = raw.normalize('NFKC').replace(SCANNER_NOISE, '').toUpperCase();
  const prefixed = s.startsWith(CASE_QR_PREFIX);
  const body = prefixed ? s.slice(CASE_QR_PREFIX.length) : s;
  if (parseCaseNumber(body)) return { kind: 'case', caseNo: body };
  return prefixed ? { kind: 'badCase', text: raw.trim() } : null;
}
