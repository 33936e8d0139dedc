// Read-side queries for the screens. Each goes through an index: nothing here scans the cases
// table, so a station with 100,000 cases answers as fast as one with a hundred.
import Dexie from 'dexie';
import { isValidIdNumber, normaliseCode } from '../domain/ids';
import type { CaseRow, OneWindowDb } from './db';
import { matchesAll, queryTerms } from './search';

/** Exact lookup by case number: what a barcode scanner types before pressing Enter. */
export async function caseByNumber(db: OneWindowDb, caseNo: string): Promise<CaseRow | undefined> {
  const wanted = caseNo.trim().toUpperCase();
  if (!wanted) return undefined;
  return db.cases.where('caseNo').equals(wanted).first();
}

/**
 * Substring search on applicant and project names. Picks the rarest of the query's bigrams by
 * counting index entries (cheap, no rows read), loads only rows carrying that bigram, and checks
 * the whole substring on them.
 */
export async function searchByName(db: OneWindowDb, query: string, limit = 50): Promise<CaseRow[]> {
  const terms = queryTerms(query);
  if (terms.length === 0) return [];
  let rarest = terms[0]!;
  if (terms.length > 1) {
    const counts = await Promise.all(terms.map((t) => db.cases.where('terms').equals(t).count()));
    let best = Infinity;
    counts.forEach((c, i) => {
      if (c < best) {
        best = c;
        rarest = terms[i]!;
      }
    });
    if (best === 0) return [];
  }
  const out: CaseRow[] = [];
  await db.cases
    .where('terms')
    .equals(rarest)
    .until(() => out.length >= limit)
    .each((row) => {
      if (matchesAll([row.applicantName, row.projectName], query)) out.push(row);
    });
  return out;
}

export async function casesByPartyCode(db: OneWindowDb, code: string, limit = 200) {
  return db.cases.where('partyCode').equals(normaliseCode(code)).limit(limit).toArray();
}

export async function casesByProjectCode(db: OneWindowDb, code: string, limit = 200) {
  return db.cases.where('projectCode').equals(code.trim().toUpperCase()).limit(limit).toArray();
}

export async function casesOfProject(db: OneWindowDb, projectId: string) {
  return db.cases.where('projectId').equals(projectId).toArray();
}

/** A role's inbox, earliest deadline first; green-channel cases are due the same day anyway. */
export async function inbox(db: OneWindowDb, role: string, limit = 100): Promise<CaseRow[]> {
  return db.cases
    .where('[inboxRole+dueDate]')
    .between([role, Dexie.minKey], [role, Dexie.maxKey])
    .limit(limit)
    .toArray();
}

export async function inboxCount(db: OneWindowDb, role: string): Promise<number> {
  return db.cases
    .where('[inboxRole+dueDate]')
    .between([role, Dexie.minKey], [role, Dexie.maxKey])
    .count();
}

export type SearchKind = 'caseNo' | 'creditCode' | 'idNumber' | 'projectCode' | 'name';

/** What the one search box was given: decided by shape, so the clerk never picks a mode. */
export function classifyQuery(raw: string): SearchKind {
  const s = raw.trim().toUpperCase();
  if (/^\d{4}-[0-9A-Z]{6}-\d{2}-\d{2}-\d{6}$/.test(s)) return 'projectCode';
  // An ID number is also credit-code shaped: the ID check decides.
  if (/^\d{17}[\dX]$/.test(s) && isValidIdNumber(s)) return 'idNumber';
  if (/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(s)) return 'creditCode';
  if (/^[A-Z0-9]+(-[A-Z0-9]+){2,}$/.test(s)) return 'caseNo';
  return 'name';
}

/** The one search box. */
export async function findCases(db: OneWindowDb, raw: string): Promise<CaseRow[]> {
  const kind = classifyQuery(raw);
  switch (kind) {
    case 'caseNo': {
      const hit = await caseByNumber(db, raw);
      return hit ? [hit] : searchByName(db, raw);
    }
    case 'creditCode':
    case 'idNumber':
      return casesByPartyCode(db, raw);
    case 'projectCode':
      return casesByProjectCode(db, raw);
    case 'name':
      return searchByName(db, raw);
  }
}

/** Counts for the counter dashboard, all from indexes. */
export async function dashboardCounts(db: OneWindowDb, today: string) {
  const [takenToday, awaitingSupplement, overdue] = await Promise.all([
    db.cases.where('receivedDate').equals(today).count(),
    db.cases.where('status').equals('awaiting_supplement').count(),
    db.cases.where('dueDate').below(today).count(),
  ]);
  return { takenToday, awaitingSupplement, overdue };
}
