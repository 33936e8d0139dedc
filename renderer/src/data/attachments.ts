// Scans stored through the host (content-addressed) and linked to a case: the link is a row in
// `files` plus an `attachmentsLinked` event, written by the intake decision's own dispatch
// (data/decisionRecords.ts), so a decision and its scans are recorded all or nothing.
import type { OneWindowDb } from './db';

export interface AttachmentMeta {
  id: string;
  name: string;
  size: number;
  mime: string;
}

/** A scan the host stored is named by its SHA-256: the event says so, for the hall's blobs. */
export const withContentHash = (a: AttachmentMeta) =>
  /^[0-9a-f]{64}$/.test(a.id) ? { ...a, sha256: a.id } : { ...a };

export async function attachmentsOfCase(db: OneWindowDb, caseId: string) {
  const rows = await db.files.where('caseId').equals(caseId).toArray();
  return rows.filter((r) => r.kind === 'attachment').map((r) => r.data as AttachmentMeta);
}
