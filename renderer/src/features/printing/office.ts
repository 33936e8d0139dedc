// The office as printed on every paper, from the station: one place, so every notice carries
// the same name, address, phone and remedies. A fact the administrator has not filled in is ''
// here; the templates then leave its sentence out (never a blank), and officeGaps() says which
// are missing so the print dialog and the settings can warn.
import { missingContact, type ContactField, type Station } from '../../data/station';
import type { Office, Remedies } from '../../print';

export const officeOf = (s: Station | null | undefined): Office => ({
  name: s?.officeName ?? '',
  address: s?.address ?? '',
  phone: s?.phone ?? '',
});

/** How applicants check their case: the office phone and website. */
export const progressQueryOf = (s: Station | null | undefined) => ({
  phone: s?.phone ?? '',
  website: s?.website ?? '',
});

/** The officer of a paper: the signed-in clerk, reachable at the office phone. */
export const officerOf = (name: string, s: Station | null | undefined) => ({
  name,
  phone: s?.phone ?? '',
});

/** 行政复议机关 and court as the administrator set them ('' → the general wording). */
export const remediesOf = (s: Station | null | undefined): Remedies => ({
  reviewAgency: s?.reviewBody ?? '',
  court: s?.court ?? '',
});

/** The office facts each kind of case paper would print, for the warning before printing. */
const USED_BY: Record<string, readonly ContactField[]> = {
  acceptanceNotice: ['phone', 'website'],
  refusalNotice: ['phone', 'reviewBody', 'court'],
  denialDecision: ['phone', 'reviewBody', 'court'],
};

/** The missing office facts these papers would have printed (empty: nothing to warn about). */
export function officeGaps(s: Station | null | undefined, docTypes: string[]): ContactField[] {
  const missing = new Set(missingContact(s));
  const used = new Set<ContactField>(['phone', ...docTypes.flatMap((d) => USED_BY[d] ?? [])]);
  return [...missing].filter((f) => used.has(f));
}
