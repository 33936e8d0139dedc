// Document numbers of notices (惠济规划受〔2026〕15号). A number is allocated from a per-type,
// per-year counter by the dispatch of the decision whose notice it numbers
// (data/decisionRecords.ts), in the same transaction as the event that records which case it
// went to: every number on paper can be traced, two papers never share one, and a refused or
// failed decision consumes none. Papers read it here, from what was recorded.
import type { OneWindowDb } from './db';
import type { DocumentRow } from './documentRows';

export type { DocumentRow } from './documentRows';

/** Every document number issued for a case, oldest first. */
export async function documentsOfCase(db: OneWindowDb, caseId: string): Promise<DocumentRow[]> {
  const rows = await db.documents.where('caseId').equals(caseId).toArray();
  return rows.sort((a, b) => a.at.localeCompare(b.at) || a.seq - b.seq);
}

/**
 * The number of the given type a decision recorded: among `recorded` (what its dispatch returned)
 * first, else the newest of the case's rows. Throws when there is none — a paper never prints a
 * blank where its number goes.
 */
export async function recordedDocument(
  db: OneWindowDb,
  caseId: string,
  docType: string,
  recorded: readonly DocumentRow[] = [],
): Promise<DocumentRow> {
  const own = recorded.find((d) => d.docType === docType && d.caseId === caseId);
  if (own) return own;
  const stored = (await documentsOfCase(db, caseId)).filter((d) => d.docType === docType);
  const last = stored[stored.length - 1];
  if (!last) throw new Error(`no ${docType} document number recorded for case ${caseId}`);
  return last;
}
