// Read-side queries for the screens. Each goes through an index: nothing here scans the cases
// table, so a station with 100,000 cases answers as fast as one with a hundred.
import Dexie from 'dexie';
import { isValidIdNumber, normaliseCode } from '../domain/ids';
import { addWorkingDays, defaultCalendar, type HolidayCalendar } from '../domain/calendar';
import { loadCalendar } from './holidayCalendar';
import { readScannedCode } from '../domain/scanCode';
import { defaultLightThresholds } from '../domain/deadlines';
import type { CaseRow, OneWindowDb } from './db';
import { matchesAll, queryPlan } from './search';

/**
 * Exact lookup by case number: what a scanner types before pressing Enter — the receipt's
 * barcode (the number) or its QR code (`OW-CASE:<number>`), read by domain/scanCode — or a number
 * the case had before its station was re-coded.
 */
export async function caseByNumber(db: OneWindowDb, caseNo: string): Promise<CaseRow | undefined> {
  const scanned = readScannedCode(caseNo);
  const wanted = scanned?.kind === 'case' ? scanned.caseNo : caseNo.trim().toUpperCase();
  if (!wanted) return undefined;
  // A paper handed out before its station was re-coded carries the former number
  // (data/join/joinRecode.ts): the case is found by it too.
  return (
    (await db.cases.where('caseNo').equals(wanted).first()) ??
    db.cases.where('formerNumbers').equals(wanted).first()
  );
}

/**
 * Every case a number names: the one that has it now, then any that had it before its station
 * was re-coded. Two PCs that once ran under one code gave the same numbers; after one of them was
 * re-coded, a paper with such a number may be either's, so both are listed.
 */
export async function casesByNumber(db: OneWindowDb, caseNo: string): Promise<CaseRow[]> {
  const scanned = readScannedCode(caseNo);
  const wanted = scanned?.kind === 'case' ? scanned.caseNo : caseNo.trim().toUpperCase();
  if (!wanted) return [];
  const [now, before] = await Promise.all([
    db.cases.where('caseNo').equals(wanted).toArray(),
    db.cases.where('formerNumbers').equals(wanted).toArray(),
  ]);
  return [...now, ...before.filter((c) => !now.some((n) => n.id === c.id))];
}

/**
 * Which of these case numbers a case has now or had before its station was re-coded
 * (data/join/joinRecode.ts; the `formerNumbers` index, Dexie v11). A clerk types the number
 * from the applicant's paper, which may carry the former one: it links, and is kept as typed.
 */
export async function knownCaseNumbers(
  db: OneWindowDb,
  numbers: readonly string[],
): Promise<Set<string>> {
  const [now, before] = await Promise.all([
    db.cases.where('caseNo').anyOf(numbers).toArray(),
    db.cases.where('formerNumbers').anyOf(numbers).toArray(),
  ]);
  return new Set([...now.map((c) => c.caseNo), ...before.flatMap((c) => c.formerNumbers ?? [])]);
}

/**
 * Substring search on applicant and project names. Picks the rarest of the query's bigrams by
 * counting index entries (cheap, no rows read), loads only rows carrying that bigram, and checks
 * the whole substring on them. One character: the index range of the terms it starts.
 */
export async function searchByName(db: OneWindowDb, query: string, limit = 50): Promise<CaseRow[]> {
  const plan = queryPlan(query);
  if (!plan) return [];
  let candidates;
  if ('prefix' in plan) {
    // A row carries several terms starting with the character when it occurs more than once.
    candidates = db.cases.where('terms').startsWith(plan.prefix).distinct();
  } else {
    const terms = plan.bigrams;
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
    candidates = db.cases.where('terms').equals(rarest);
  }
  const out: CaseRow[] = [];
  await candidates
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
  if (readScannedCode(raw)) return 'caseNo';
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
      const hits = await casesByNumber(db, raw);
      // A scanned code names a case: nothing else can match it.
      if (readScannedCode(raw)) return hits;
      return hits.length > 0 ? hits : searchByName(db, raw);
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
    db.cases.where('status').equals('supplementRequested').count(),
    db.cases.where('dueDate').below(today).count(),
  ]);
  return { takenToday, awaitingSupplement, overdue };
}

// ---- The case desk and today's counter dashboard (issue 6) ----

/** Statuses of a case that waits on the applicant's supplement or on the intake decision after it. */
export const WAITING_STATUSES = ['supplementRequested', 'intakePending'] as const;

/** One tile of the dashboard: how many, and the first few to show under the number. */
export interface DeskList {
  count: number;
  cases: CaseRow[];
}

export interface DeskDashboard {
  takenToday: DeskList;
  awaitingSupplement: DeskList;
  dueSoon: DeskList;
  overdue: DeskList;
  greenChannel: DeskList;
  /** Last day counted as "due soon" (yellow), or null when the calendar has no data for it. */
  dueSoonUntil: string;
}

export type DeskListKey = Exclude<keyof DeskDashboard, 'dueSoonUntil'>;

/** Cases taken in on a local date, in case-number order. */
export async function casesReceivedOn(db: OneWindowDb, day: string, limit = 200) {
  return db.cases.where('receivedDate').equals(day).limit(limit).toArray();
}

/** Waiting for a supplement (or for the decision after it), oldest receipt first: Art. 32 runs. */
export async function casesAwaitingSupplement(db: OneWindowDb, limit = 200) {
  const rows = await db.cases.where('status').anyOf(WAITING_STATUSES).limit(limit).toArray();
  return rows.sort(
    (a, b) => a.receivedDate.localeCompare(b.receivedDate) || a.caseNo.localeCompare(b.caseNo),
  );
}

/** Open cases due from `from` to `to` inclusive, earliest first. */
export async function casesDueBetween(db: OneWindowDb, from: string, to: string, limit = 200) {
  return db.cases.where('dueDate').between(from, to, true, true).limit(limit).toArray();
}

/** Open cases whose due date has passed, the longest overdue first. */
export async function casesOverdue(db: OneWindowDb, today: string, limit = 200) {
  return db.cases.where('dueDate').below(today).limit(limit).toArray();
}

/**
 * Green-channel cases of the day. There is no index on the flag, so the rows come from two
 * bounded index ranges instead of a scan: a green-channel case is due the day it is accepted, so
 * an open one has a due date of today or earlier; and the ones taken in today (incl. pending).
 */
export async function greenChannelCases(db: OneWindowDb, today: string, limit = 200) {
  const [due, received] = await Promise.all([
    db.cases
      .where('dueDate')
      .belowOrEqual(today)
      .filter((c) => c.greenChannel === 1)
      .toArray(),
    db.cases
      .where('receivedDate')
      .equals(today)
      .filter((c) => c.greenChannel === 1)
      .toArray(),
  ]);
  const byId = new Map<string, CaseRow>();
  for (const c of [...due, ...received]) byId.set(c.id, c);
  return [...byId.values()]
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.caseNo.localeCompare(b.caseNo))
    .slice(0, limit);
}

/**
 * The last day that counts as "due soon": the yellow light's threshold in working days (an
 * estimate in a year without holiday data, like the due dates it is compared with).
 */
export function dueSoonUntil(today: string, calendar: HolidayCalendar = defaultCalendar): string {
  return addWorkingDays(today, defaultLightThresholds.yellowAtDaysLeft, calendar);
}

/** Today's counter dashboard: counts from indexes, and the first `top` cases of each list. */
export async function deskDashboard(db: OneWindowDb, today: string, top = 5) {
  const soonUntil = dueSoonUntil(today, (await loadCalendar(db)).calendar);
  const list = async (count: Promise<number>, rows: Promise<CaseRow[]>): Promise<DeskList> => {
    const [n, cases] = await Promise.all([count, rows]);
    return { count: n, cases };
  };
  const green = await greenChannelCases(db, today);
  const [takenToday, awaitingSupplement, dueSoon, overdue] = await Promise.all([
    list(db.cases.where('receivedDate').equals(today).count(), casesReceivedOn(db, today, top)),
    list(
      db.cases.where('status').anyOf(WAITING_STATUSES).count(),
      casesAwaitingSupplement(db, top),
    ),
    list(
      db.cases.where('dueDate').between(today, soonUntil, true, true).count(),
      casesDueBetween(db, today, soonUntil, top),
    ),
    list(db.cases.where('dueDate').below(today).count(), casesOverdue(db, today, top)),
  ]);
  const dashboard: DeskDashboard = {
    takenToday,
    awaitingSupplement,
    dueSoon,
    overdue,
    greenChannel: { count: green.length, cases: green.slice(0, top) },
    dueSoonUntil: soonUntil,
  };
  return dashboard;
}

/** The whole list behind a dashboard tile (up to `limit`), for the desk's result list. */
export async function deskList(
  db: OneWindowDb,
  key: DeskListKey,
  today: string,
  limit = 500,
): Promise<CaseRow[]> {
  switch (key) {
    case 'takenToday':
      return casesReceivedOn(db, today, limit);
    case 'awaitingSupplement':
      return casesAwaitingSupplement(db, limit);
    case 'dueSoon': {
      const until = dueSoonUntil(today, (await loadCalendar(db)).calendar);
      return casesDueBetween(db, today, until, limit);
    }
    case 'overdue':
      return casesOverdue(db, today, limit);
    case 'greenChannel':
      return greenChannelCases(db, today, limit);
  }
}

/** A project's cases, oldest first (the order they went through the stages). */
export async function projectCases(db: OneWindowDb, projectId: string) {
  const rows = await casesOfProject(db, projectId);
  return rows.sort(
    (a, b) => a.receivedDate.localeCompare(b.receivedDate) || a.caseNo.localeCompare(b.caseNo),
  );
}
