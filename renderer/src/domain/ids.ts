// Validators for the codes typed at the counter: 统一社会信用代码 (GB 32100-2015), resident ID
// (GB 11643-1999), 投资项目代码 (GB/T 40058-2021, shape only), mobile numbers;
// generators of valid codes for tests and demo data.
import { isLocalDate } from './dates';

export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const CREDIT_RE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';
const ID_RE = /^\d{17}[\dX]$/;

/** Trims and upper-cases what a clerk typed (lower-case x and spaces are common). */
export function normaliseCode(s: string): string {
  return s.replace(/\s+/g, '').toUpperCase();
}

/** Check character for the first 17 characters of a credit code, or null if they are not valid. */
export function creditCodeCheckChar(first17: string): string | null {
  if (!/^[0-9A-HJ-NPQRTUWXY]{17}$/.test(first17)) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    sum += CREDIT_CODE_CHARSET.indexOf(first17[i] as string) * (CREDIT_WEIGHTS[i] as number);
  }
  const c = 31 - (sum % 31);
  return CREDIT_CODE_CHARSET[c === 31 ? 0 : c] as string;
}

/** Exact GB 32100 check. Expects upper case: normalise input first. */
export function isValidCreditCode(s: string): boolean {
  if (!CREDIT_RE.test(s)) return false;
  return creditCodeCheckChar(s.slice(0, 17)) === s[17];
}

export type CreditCodeKind =
  | 'enterprise'
  | 'individualBusiness'
  | 'farmersCooperative'
  | 'organ'
  | 'publicInstitution'
  | 'socialOrganisation'
  | 'other';

const CREDIT_KINDS: Record<string, CreditCodeKind> = {
  '91': 'enterprise',
  '92': 'individualBusiness',
  '93': 'farmersCooperative',
  '11': 'organ',
  '12': 'publicInstitution',
  '51': 'socialOrganisation',
  '52': 'socialOrganisation',
  '53': 'socialOrganisation',
};

export interface CreditCodeParts {
  /** Position 1: registration authority. */
  authority: string;
  /** Positions 1–2, e.g. '91'. */
  typeCode: string;
  kind: CreditCodeKind;
  /** Positions 3–8: administrative division. */
  division: string;
  /** Positions 9–17: organisation code. */
  organisationCode: string;
  checkChar: string;
  /** Whether the check character fits; a failing code may still be real (early pilots). */
  checkOk: boolean;
}

/** The parts of an 18-character credit code for display, or null if it is not even shaped like one. */
export function describeCreditCode(s: string): CreditCodeParts | null {
  if (!CREDIT_RE.test(s)) return null;
  const typeCode = s.slice(0, 2);
  return {
    authority: s.slice(0, 1),
    typeCode,
    kind: CREDIT_KINDS[typeCode] ?? 'other',
    division: s.slice(2, 8),
    organisationCode: s.slice(8, 17),
    checkChar: s.slice(17),
    checkOk: isValidCreditCode(s),
  };
}

/** Check character for the first 17 digits of an ID number, or null if they are not digits. */
export function idNumberCheckChar(first17: string): string | null {
  if (!/^\d{17}$/.test(first17)) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (ID_WEIGHTS[i] as number);
  return ID_CHECK[sum % 11] as string;
}

export interface IdNumberParts {
  division: string;
  birthDate: string;
  sex: 'male' | 'female';
  sequence: string;
  checkChar: string;
  checkOk: boolean;
}

/**
 * GB 11643 check: shape, a real birth date (1900 or later; and not after `today` when given),
 * and the check character. Expects upper-case X: normalise input first.
 */
export function isValidIdNumber(s: string, today?: string): boolean {
  const parts = describeIdNumber(s);
  if (!parts || !parts.checkOk) return false;
  if (parts.birthDate < '1900-01-01') return false;
  return today === undefined || parts.birthDate <= today;
}

/** Parts of an 18-character ID number for display, or null if it has no real birth date. */
export function describeIdNumber(s: string): IdNumberParts | null {
  if (!ID_RE.test(s)) return null;
  const birthDate = `${s.slice(6, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}`;
  if (!isLocalDate(birthDate)) return null;
  const sequence = s.slice(14, 17);
  return {
    division: s.slice(0, 6),
    birthDate,
    sex: Number(sequence) % 2 === 1 ? 'male' : 'female',
    sequence,
    checkChar: s.slice(17),
    checkOk: idNumberCheckChar(s.slice(0, 17)) === s[17],
  };
}

const PROJECT_CODE_RE = /^(\d{4})-(\d{6})-(\d{2})-(\d{2})-(\d{6})$/;

/** 投资项目代码 shape `YYYY-XXXXXX-XX-XX-XXXXXX`; the check algorithm is unconfirmed, so shape only. */
export function isValidProjectCode(s: string): boolean {
  const m = PROJECT_CODE_RE.exec(s);
  if (!m) return false;
  const year = Number(m[1]);
  // The online approval platform's codes started in 2014.
  return year >= 2014 && year <= 2099;
}

/** Mainland mobile numbers: 11 digits starting 13–19. */
export function isValidMobile(s: string): boolean {
  return /^1[3-9]\d{9}$/.test(s);
}

/** A valid credit code from its first 17 characters (for tests and demo data). */
export function makeCreditCode(first17: string): string {
  const c = creditCodeCheckChar(first17);
  if (c === null) throw new RangeError(`Not a credit-code body: ${first17}`);
  return first17 + c;
}

/** A valid ID number from its parts (for tests and demo data). */
export function makeIdNumber(division: string, birthDate: string, sequence: number): string {
  if (!/^\d{6}$/.test(division) || !isLocalDate(birthDate) || sequence < 0 || sequence > 999) {
    throw new RangeError('makeIdNumber: bad parts');
  }
  const body = `${division}${birthDate.replace(/-/g, '')}${String(sequence).padStart(3, '0')}`;
  return body + (idNumberCheckChar(body) as string);
}
