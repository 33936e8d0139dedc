// The office as printed on every paper, from the station: one place, so every notice carries
// the same name, address and phone.
import type { Station } from '../../data/station';
import type { Office } from '../../print';

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
