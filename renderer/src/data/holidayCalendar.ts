// The working-day calendar of a station: the holiday years the bureau has entered, kept in the
// Dexie `settings` table (backed up and restored with the station). The shipped 2025–2026 data is
// used until an administrator saves the station's own. Only an administrator changes it — checked
// here against the stored user, not only by hiding the button — and every change is an event.
// Deadlines are computed from the calendar when read; the due dates stored on case rows for
// sorting are re-projected in the same transaction, and every open case whose deadlines moved
// gets an entry on its timeline saying so.
import {
  deadlinesOf,
  dueDateOf,
  rectificationDue,
  coveredYears,
  defaultCalendar,
  toLocalDate,
  validateCalendar,
  validateCalendarYear,
  yearOf,
  type CalendarProblem,
  type CalendarYear,
  type CaseDeadlines,
  type CaseState,
  type HolidayCalendar,
} from '../domain';
import type { LedgerRow, OneWindowDb } from './db';
import { FOLLOW_UP_KIND, type RatingFollowUp } from './followUps';
import type { EventActor } from './eventTypes';
import { appendBatches } from './log';
import { DEADLINE_STATUSES } from './projection';
import { saveStationSetting } from './stationSettings';

export const CALENDAR_KEY = 'station.calendar';

/** Who keeps the calendar: the administrator (it decides legal deadlines for everyone). */
export const CALENDAR_SETTERS: readonly string[] = ['admin'];

/** The stream of a case's deadline notes (calendar changes), beside its workflow stream. */
export const deadlineStream = (caseId: string) => `case-deadlines:${caseId}`;

export interface LoadedCalendar {
  calendar: HolidayCalendar;
  /** The station saved its own; false while the shipped years are in use. */
  configured: boolean;
  /** A stored calendar that failed its checks: the shipped one is used, and the screen says so. */
  damaged: boolean;
}

const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

function isCalendarShape(x: unknown): x is HolidayCalendar {
  if (!isRecord(x) || !Array.isArray(x.years)) return false;
  return x.years.every(
    (y) =>
      isRecord(y) &&
      typeof y.year === 'number' &&
      Array.isArray(y.makeUpWorkdays) &&
      y.makeUpWorkdays.every((d) => typeof d === 'string') &&
      Array.isArray(y.holidays) &&
      y.holidays.every(
        (h) =>
          isRecord(h) &&
          typeof h.name === 'string' &&
          typeof h.nameEn === 'string' &&
          typeof h.from === 'string' &&
          typeof h.to === 'string',
      ),
  );
}

// One object per stored value: the domain caches working days per calendar object, so a screen
// that reads the same calendar twice must get the same object (and the cache stays warm).
const memo = new Map<string, LoadedCalendar>();
const SHIPPED: LoadedCalendar = { calendar: defaultCalendar, configured: false, damaged: false };

/** The calendar a stored settings value stands for; checked as read. */
export function calendarFromStored(value: unknown): LoadedCalendar {
  if (value === undefined) return SHIPPED;
  const key = JSON.stringify(value);
  const hit = memo.get(key);
  if (hit) return hit;
  const ok = isCalendarShape(value) && validateCalendar(value).length === 0;
  const loaded: LoadedCalendar = ok
    ? { calendar: value, configured: true, damaged: false }
    : { calendar: defaultCalendar, configured: false, damaged: true };
  if (memo.size > 8) memo.clear();
  memo.set(key, loaded);
  return loaded;
}

export async function loadCalendar(db: OneWindowDb): Promise<LoadedCalendar> {
  return calendarFromStored((await db.settings.get(CALENDAR_KEY))?.value);
}

/** The calendar with one year put in (added or replacing the year of the same number). */
export function withYear(calendar: HolidayCalendar, year: CalendarYear): HolidayCalendar {
  const clean: CalendarYear = {
    year: year.year,
    holidays: [...year.holidays]
      .map((h) => ({ ...h, name: h.name.trim(), nameEn: h.nameEn.trim() || h.name.trim() }))
      .sort((a, b) => a.from.localeCompare(b.from)),
    makeUpWorkdays: [...new Set(year.makeUpWorkdays)].sort(),
  };
  const years = calendar.years.filter((y) => y.year !== year.year);
  return { years: [...years, clean].sort((a, b) => a.year - b.year) };
}

export const withoutYear = (calendar: HolidayCalendar, year: number): HolidayCalendar => ({
  years: calendar.years.filter((y) => y.year !== year),
});

/** The next year the calendar lacks, counted from `today`'s year (the one to warn about). */
export function missingYearAround(calendar: HolidayCalendar, today: string): number | null {
  const have = new Set(coveredYears(calendar));
  const y = yearOf(today);
  if (!have.has(y)) return y;
  // From 1 November the next year's arrangement is due (published each autumn).
  if (today.slice(5) >= '11-01' && !have.has(y + 1)) return y + 1;
  return null;
}

export type CalendarRefusal =
  | { ok: false; code: 'forbidden_role' | 'no_station' }
  | { ok: false; code: 'invalid'; problems: CalendarProblem[] }
  /** Deleting a year deadlines were already counted in, or that open cases are due in. */
  | {
      ok: false;
      code: 'in_use';
      year: number;
      reason: 'past' | 'cases' | 'missing';
      count: number;
    };

export type CalendarChangeResult = { ok: true; moved: number } | CalendarRefusal;

interface DeadlineChange {
  caseId: string;
  before: CaseDeadlines;
  after: CaseDeadlines;
}

const FIELDS = ['promised', 'legal', 'issuance'] as const;
const DUE = { promised: 'promisedDueOn', legal: 'legalDueOn', issuance: 'issuanceDueOn' } as const;

function changed(before: CaseDeadlines, after: CaseDeadlines): boolean {
  return FIELDS.some(
    (f) => before[DUE[f]] !== after[DUE[f]] || before.estimated[f] !== after.estimated[f],
  );
}

/** What a case's timeline entry records: each deadline before and after, and whether estimated. */
function notePayload(c: DeadlineChange, year: number, action: 'saved' | 'deleted') {
  const dates = Object.fromEntries(
    FIELDS.filter((f) => c.before[DUE[f]] !== null).map((f) => [
      f,
      {
        from: c.before[DUE[f]],
        to: c.after[DUE[f]],
        estimatedBefore: c.before.estimated[f],
        estimatedAfter: c.after.estimated[f],
      },
    ]),
  );
  return { year, action, ...dates };
}

/**
 * Re-projects the stored due dates of open cases for the new calendar and notes on the timeline
 * of every case whose deadlines moved (or became exact). Runs inside the caller's transaction.
 */
async function reproject(
  db: OneWindowDb,
  before: HolidayCalendar,
  after: HolidayCalendar,
  note: { year: number; action: 'saved' | 'deleted' },
  station: { stationId: string },
  actor: EventActor,
  now: Date,
): Promise<number> {
  const today = toLocalDate(now);
  const rows = await db.cases.where('status').anyOf(DEADLINE_STATUSES).toArray();
  const changes: DeadlineChange[] = [];
  const puts = [];
  for (const row of rows) {
    const state = row.state as CaseState;
    const was = deadlinesOf(state, today, before);
    const will = deadlinesOf(state, today, after);
    if (!was || !will) continue;
    const c = { caseId: row.id, before: was, after: will };
    if (changed(c.before, c.after)) changes.push(c);
    const dueDate = dueDateOf(state, after);
    if (dueDate !== row.dueDate) puts.push({ ...row, dueDate });
  }
  // One request for every note: the door chains them onto the head in order, stream by stream.
  await Promise.all([
    db.cases.bulkPut(puts),
    reprojectFollowUps(db, after),
    appendBatches(
      db,
      station,
      changes.map((c) => ({
        streamId: deadlineStream(c.caseId),
        events: [
          { type: 'deadline.calendarChanged', payload: notePayload(c, note.year, note.action) },
        ],
      })),
      actor,
      now,
    ),
  ]);
  return changes.length;
}

/**
 * The stored due dates of open cases and follow-ups counted again on `calendar`, with no note: a
 * calendar that arrived from the hall (the station that changed it noted the moves of its cases).
 * Inside the caller's transaction over cases and ledger.
 */
export async function reprojectStoredDueDates(
  db: OneWindowDb,
  calendar: HolidayCalendar,
): Promise<void> {
  const rows = await db.cases.where('status').anyOf(DEADLINE_STATUSES).toArray();
  const puts = rows.flatMap((row) => {
    const dueDate = dueDateOf(row.state as CaseState, calendar);
    return dueDate !== row.dueDate ? [{ ...row, dueDate }] : [];
  });
  await Promise.all([db.cases.bulkPut(puts), reprojectFollowUps(db, calendar)]);
}

/** Open rating follow-ups: their rectification limit follows the calendar like a deadline. */
async function reprojectFollowUps(db: OneWindowDb, calendar: HolidayCalendar): Promise<void> {
  const rows = await db.ledger.where('kind').equals(FOLLOW_UP_KIND).toArray();
  const puts: LedgerRow[] = [];
  for (const row of rows) {
    const f = row.data as RatingFollowUp;
    if (row.status !== 'open' || f.rectification === 'done' || !f.ratedOn) continue;
    const due = rectificationDue(f.ratedOn, calendar);
    if (due.dueOn === f.rectifyDueOn && due.estimated === f.dueEstimated) continue;
    puts.push({
      ...row,
      dueDate: due.dueOn,
      data: { ...(row.data as object), rectifyDueOn: due.dueOn, dueEstimated: due.estimated },
    });
  }
  await db.ledger.bulkPut(puts);
}

async function change(
  db: OneWindowDb,
  actor: EventActor,
  now: Date,
  year: number,
  action: 'saved' | 'deleted',
  next: (current: HolidayCalendar) => Promise<HolidayCalendar | CalendarRefusal>,
): Promise<CalendarChangeResult> {
  let current: HolidayCalendar = defaultCalendar;
  let updated: HolidayCalendar = defaultCalendar;
  let moved = 0;
  const result = await saveStationSetting<CalendarRefusal>(
    db,
    actor,
    {
      key: CALENDAR_KEY,
      roles: CALENDAR_SETTERS,
      tables: [db.cases, db.ledger],
      decide: async () => {
        current = (await loadCalendar(db)).calendar;
        const n = await next(current);
        if ('ok' in n) return n;
        updated = n;
        const data = n.years.find((y) => y.year === year) ?? null;
        const previous = current.years.find((y) => y.year === year) ?? null;
        return {
          value: n,
          // The whole calendar after the change too, so the stored setting is a fold of the log
          // whatever years the app that folds it ships (data/fold.ts).
          event: {
            type: 'settings.calendarChanged',
            payload: { action, year, data, previous, calendar: n },
          },
        };
      },
      after: async (station, by) => {
        moved = await reproject(db, current, updated, { year, action }, station, by, now);
      },
    },
    now,
  );
  return result.ok ? { ok: true, moved } : result;
}

/** Adds a year, or replaces the year of the same number; validated against the other years. */
export async function saveCalendarYear(
  db: OneWindowDb,
  actor: EventActor,
  year: CalendarYear,
  now = new Date(),
): Promise<CalendarChangeResult> {
  return change(db, actor, now, year.year, 'saved', async (current) => {
    const next = withYear(current, year);
    const clean = next.years.find((y) => y.year === year.year) as CalendarYear;
    const problems = validateCalendarYear(clean, next.years);
    return problems.length > 0 ? { ok: false, code: 'invalid', problems } : next;
  });
}

/**
 * Cases that depend on a year: received in it, or open with a deadline counted into or across
 * it (by the calendar as stored). A year they depend on cannot be deleted.
 */
async function casesInYear(
  db: OneWindowDb,
  year: number,
  calendar: HolidayCalendar,
  today: string,
): Promise<number> {
  const [received, open] = await Promise.all([
    db.cases.where('receivedDate').between(`${year}-01-01`, `${year}-12-31`, true, true).count(),
    db.cases.where('status').anyOf(DEADLINE_STATUSES).toArray(),
  ]);
  const reaches = open.filter((row) => {
    const state = row.state as CaseState;
    const d = deadlinesOf(state, today, calendar);
    if (!d || !state.acceptedOn) return false;
    const last = [d.promisedDueOn, d.legalDueOn, d.issuanceDueOn ?? ''].sort().at(-1) ?? '';
    return yearOf(state.acceptedOn) <= year && yearOf(last) >= year;
  });
  return received + reaches.length;
}

/**
 * Deletes a year nothing depends on: not the current year or one before it (deadlines were
 * counted in it), and no case received or due in it.
 */
export async function deleteCalendarYear(
  db: OneWindowDb,
  actor: EventActor,
  year: number,
  now = new Date(),
): Promise<CalendarChangeResult> {
  return change(db, actor, now, year, 'deleted', async (current) => {
    if (!current.years.some((y) => y.year === year))
      return { ok: false, code: 'in_use', year, reason: 'missing', count: 0 };
    if (year <= yearOf(toLocalDate(now)))
      return { ok: false, code: 'in_use', year, reason: 'past', count: 0 };
    const count = await casesInYear(db, year, current, toLocalDate(now));
    if (count > 0) return { ok: false, code: 'in_use', year, reason: 'cases', count };
    return withoutYear(current, year);
  });
}
