// Reading certificates: the clerk's issuance queue and what the station knows about a number.
// Writes go through dispatch (certificateIssued / certificateVoided / certificateReissued).
import Dexie from 'dexie';
import type { CaseState } from '../domain';
import type { CaseRow, CertificateRow, OneWindowDb } from './db';

/** Statuses of the issuance desk: waiting for the certificate, for delivery, for a reissue. */
export const ISSUANCE_STATUSES = ['approved', 'issued', 'certificateVoided'] as const;

/** The clerk's cases of the issuance desk, soonest Art. 44 limit first (index range only). */
export async function issuanceQueue(db: OneWindowDb): Promise<CaseRow[]> {
  const rows = await db.cases
    .where('[inboxRole+dueDate]')
    .between(['clerk', Dexie.minKey], ['clerk', Dexie.maxKey])
    .toArray();
  return rows.filter((r) => (ISSUANCE_STATUSES as readonly string[]).includes(r.status));
}

/** Delivered cases with a certificate on record, newest first (for voiding after hand-over). */
export async function recentlyDelivered(db: OneWindowDb, limit = 20): Promise<CaseRow[]> {
  const rows = await db.cases.where('status').equals('delivered').toArray();
  return rows.sort((a, b) => b.caseNo.localeCompare(a.caseNo)).slice(0, limit);
}

export type CertificateStanding =
  | { kind: 'current'; row: CertificateRow; caseNo: string }
  | { kind: 'voided'; row: CertificateRow; caseNo: string; reason: string; voidedOn: string }
  | {
      kind: 'replaced';
      row: CertificateRow;
      caseNo: string;
      reason: string;
      voidedOn: string;
      replacedBy: string;
    }
  | { kind: 'unknown' };

/** What this station's records say about a certificate number. */
export async function certificateStanding(
  db: OneWindowDb,
  number: string,
): Promise<CertificateStanding> {
  const row = await db.certificates.where('number').equals(number.trim()).first();
  if (!row) return { kind: 'unknown' };
  const c = await db.cases.get(row.caseId);
  const state = c?.state as CaseState | undefined;
  const caseNo = c?.caseNo ?? '';
  if (row.status !== 'voided') return { kind: 'current', row, caseNo };
  const voided = state?.voidedCertificates.find((v) => v.number === row.number);
  const base = { row, caseNo, reason: voided?.reason ?? '', voidedOn: voided?.voidedOn ?? '' };
  const successor = state?.certificate;
  if (successor && successor.number !== row.number)
    return { kind: 'replaced', ...base, replacedBy: successor.number };
  return { kind: 'voided', ...base };
}
