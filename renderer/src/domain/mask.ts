// The one way personal numbers are masked on screens and papers (docs/security.md: personal data is
// masked in lists and on receipts, full values only where the task needs them). Enough is left
// for a clerk to recognise a number the applicant reads out, not enough to reuse it.
//
// ID numbers keep the first four and last four characters (4101**********1234), as
// docs/security.md shows and the receipts have always printed: four digits name only the city, not
// the district. Values too short to be a real number are starred whole: with so little, any
// character kept would be a large share of the secret.

/** Removes what clerks and scanners add around a number (spaces, a lower-case x). */
const clean = (s: string) => s.replace(/\s+/g, '').toUpperCase();

/** 410108199001011234 → 4101**********1234; 15-character legacy numbers the same way. */
export function maskIdNumber(s: string): string {
  const v = clean(s);
  if (v.length <= 8) return '*'.repeat(v.length);
  return `${v.slice(0, 4)}${'*'.repeat(v.length - 8)}${v.slice(-4)}`;
}

// A mainland mobile, optionally written with the country code (+86 or 86).
const MOBILE = /^(\+?86)?(1\d{10})$/;

/**
 * 13812345678 → 138****5678 (the carrier prefix and the last four, as banks and couriers show
 * them). Landlines and anything else keep only their last four characters: an area code with
 * the exchange digits would narrow a landline down to a building.
 */
export function maskPhone(s: string): string {
  const v = s.replace(/\s+/g, '');
  const m = MOBILE.exec(v);
  if (m) {
    const mobile = m[2] as string;
    return `${m[1] ?? ''}${mobile.slice(0, 3)}****${mobile.slice(7)}`;
  }
  if (v.length <= 4) return '*'.repeat(v.length);
  return `${'*'.repeat(v.length - 4)}${v.slice(-4)}`;
}

/**
 * A party's code as a list or receipt shows it. A 统一社会信用代码 is public (it is on the
 * business licence and the national registry), so only a person's ID number is masked.
 */
export function maskPartyCode(kind: 'enterprise' | 'person', code: string): string {
  return kind === 'person' ? maskIdNumber(code) : code;
}
