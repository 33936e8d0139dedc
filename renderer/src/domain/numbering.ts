// Numbers that go on paper. All functions are pure: the data layer keeps the counters (last used
// sequence per key) inside the same transaction that appends the event, and passes them in.
import { isLocalDate } from './dates';

export type NumberResult =
  | { ok: true; number: string; seq: number }
  | {
      ok: false;
      code: 'invalid_station_code' | 'invalid_date' | 'sequence_exhausted' | 'invalid_rule';
    };

const STATION_RE = /^[A-Z0-9]{2,8}$/;
const CASE_SEQ_DIGITS = 4;

/** Counter key for case numbers: per station and local day. */
export function caseSequenceKey(stationCode: string, date: string): string {
  return `case:${stationCode}:${date}`;
}

/**
 * Case number `<station>-<YYYYMMDD>-<seq4>`, e.g. 'HJ01-20260302-0007'. The station code is part
 * of the number, so two stations working offline can never hand out the same one.
 */
export function nextCaseNumber(stationCode: string, date: string, lastSeq: number): NumberResult {
  if (!STATION_RE.test(stationCode)) return { ok: false, code: 'invalid_station_code' };
  if (!isLocalDate(date)) return { ok: false, code: 'invalid_date' };
  const seq = lastSeq + 1;
  if (seq >= 10 ** CASE_SEQ_DIGITS) return { ok: false, code: 'sequence_exhausted' };
  const ymd = date.replace(/-/g, '');
  return {
    ok: true,
    number: `${stationCode}-${ymd}-${String(seq).padStart(CASE_SEQ_DIGITS, '0')}`,
    seq,
  };
}

export function parseCaseNumber(
  s: string,
): { stationCode: string; date: string; seq: number } | null {
  const m = /^([A-Z0-9]{2,8})-(\d{4})(\d{2})(\d{2})-(\d{4})$/.exec(s);
  if (!m) return null;
  const date = `${m[2]}-${m[3]}-${m[4]}`;
  if (!isLocalDate(date)) return null;
  return { stationCode: m[1] as string, date, seq: Number(m[5]) };
}

/** Short type words of notices (受理 → 受, …); a bureau may change them. */
export const DOCUMENT_TYPE_WORDS = {
  acceptance: '受',
  supplement: '补',
  refusal: '不受',
  suspension: '特',
  resumption: '恢',
  extension: '延',
  denial: '不许',
  service: '送',
} as const;

export type DocumentType = keyof typeof DOCUMENT_TYPE_WORDS;

/** Counter key for document numbers: per type and year, across the office. */
export function documentSequenceKey(type: DocumentType, year: number): string {
  return `doc:${type}:${year}`;
}

/** '惠济规划受〔2026〕15号': office short name + type word + 〔year〕 + sequence + 号. */
export function nextDocumentNumber(
  officeShortName: string,
  type: DocumentType,
  year: number,
  lastSeq: number,
  typeWords: Readonly<Record<DocumentType, string>> = DOCUMENT_TYPE_WORDS,
): NumberResult {
  const seq = lastSeq + 1;
  return { ok: true, number: `${officeShortName}${typeWords[type]}〔${year}〕${seq}号`, seq };
}

/**
 * How certificate numbers are written. Tokens: {prefix} (the type's word, e.g. 建字),
 * {division} (6-digit code), {year}, {seq} (zero-padded to seqDigits).
 */
export interface CertificateNumberRule {
  template: string;
  seqDigits: number;
}

/** Old style: 建字第410108202600013号. */
export const defaultCertificateRule: CertificateNumberRule = {
  template: '{prefix}第{division}{year}{seq}号',
  seqDigits: 5,
};

/** Counter key for certificate numbers: gapless per certificate type and year. */
export function certificateSequenceKey(certificateType: string, year: number): string {
  return `cert:${certificateType}:${year}`;
}

export function nextCertificateNumber(
  input: { prefix: string; division: string; year: number; lastSeq: number },
  rule: CertificateNumberRule = defaultCertificateRule,
): NumberResult {
  if (!rule.template.includes('{seq}') || rule.seqDigits < 1)
    return { ok: false, code: 'invalid_rule' };
  const seq = input.lastSeq + 1;
  if (seq >= 10 ** rule.seqDigits) return { ok: false, code: 'sequence_exhausted' };
  const number = rule.template
    .replace('{prefix}', input.prefix)
    .replace('{division}', input.division)
    .replace('{year}', String(input.year))
    .replace('{seq}', String(seq).padStart(rule.seqDigits, '0'));
  return { ok: true, number, seq };
}

/**
 * A number assigned elsewhere (since 2024 the national supervision system's electronic number)
 * and typed in by hand. Its format is not published to us, so the check is deliberately loose:
 * 6–40 characters of letters, digits, CJK, hyphens and the brackets used in document numbers.
 */
export function isValidExternalNumber(s: string, pattern?: RegExp): boolean {
  if (pattern) return pattern.test(s);
  return /^[0-9A-Za-z\u4e00-\u9fa5〔〕()（）\-—]{6,40}$/.test(s);
}
