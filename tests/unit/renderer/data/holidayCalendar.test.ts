// The working-day calendar as station data: only an administrator (as stored) saves or deletes a
// year; each change is an event; open cases' stored due dates follow, and their timelines say so;
// and while a year is missing, nothing the counter does is refused for it.
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../../renderer/src/data/dispatch';
import {
  CALENDAR_KEY,
  deadlineStream,
  deleteCalendarYear,
  loadCalendar,
  missingYearAround,
  saveCalendarYear,
} from '../../../../renderer/src/data/holidayCalendar';
import { verifyLog } from '../../../../renderer/src/data/integrity';
import { exportBackup, restoreBackup } from '../../../../renderer/src/data/backup';
import type { OneWindowDb } from '../../../../renderer/src/data/db';
import {
  caseDeadlines,
  clockOf,
  defaultCalendar,
  type CalendarYear,
  type CaseState,
  type Command,
} from '../../../../renderer/src/domain';
import { parseHolidayNotice } from '../../../../renderer/src/domain/holidayNotice';
import { TEST_NOTICE_2027 } from '../../../fixtures/holidayNotice2027';
import { acceptOf, actors } from '../domain/workflowFixtures';
import { freshDb, stationWithStaff } from './helpers';

let db: OneWindowDb | null = null;
afterEach(() => db?.close());

/** The invented 2027 arrangement of the test fixture, read by the notice parser. */
function year2027(): CalendarYear {
  const r = parseHolidayNotice(TEST_NOTICE_2027);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.year;
}

// Thursday 2026-12-10, 10:00 in the hall.
const dec10 = new Date('2026-12-10T02:00:00Z');

async function acceptedOn(now: Date, id = 'c1') {
  const cmd = { ...(acceptOf() as Extract<Command, { type: 'accept' }>), caseId: id, caseNo: '' };
  const r = await dispatch(db!, cmd, { actor: actors.clerk, now });
  if (!r.ok) throw new Error(JSON.stringify(r.refusal));
  return r.state as CaseState;
}

describe('who keeps the calendar', () => {
  it('only the administrator as stored saves a year; others are refused and nothing is written', async () => {
    const s = await stationWithStaff(dec10);
    db = s.db;
    const events = await db.events.count();
    for (const who of [s.director, s.chief, s.clerk]) {
      expect(await saveCalendarYear(db, who, year2027(), dec10)).toEqual({
        ok: false,
        code: 'forbidden_role',
      });
    }
    // A screen that still believes its user is an administrator does not make them one.
    expect(await saveCalendarYear(db, { ...s.clerk, role: 'admin' }, year2027(), dec10)).toEqual({
      ok: false,
      code: 'forbidden_role',
    });
    expect(await db.settings.get(CALENDAR_KEY)).toBeUndefined();
    expect(await db.events.count()).toBe(events);
    expect(await loadCalendar(db)).toMatchObject({ configured: false, damaged: false });
  });

  it('saves a year as an event with what it replaced, and the shipped years stay', async () => {
    const s = await stationWithStaff(dec10);
    db = s.db;
    expect(await saveCalendarYear(db, s.admin, year2027(), dec10)).toEqual({ ok: true, moved: 0 });
    const loaded = await loadCalendar(db);
    expect(loaded.configured).toBe(true);
    expect(loaded.calendar.years.map((y) => y.year)).toEqual([2025, 2026, 2027]);
    const e = (await db.events.where('streamId').equals('station').toArray()).at(-1)!;
    expect(e.type).toBe('settings.calendarChanged');
    expect(e.payload).toMatchObject({ action: 'saved', year: 2027, previous: null });
    expect((e.payload['data'] as CalendarYear).holidays[0]).toMatchObject({
      name: '元旦',
      from: '2027-01-01',
      to: '2027-01-03',
    });
    expect(e.actor).toMatchObject({ id: s.admin.id, role: 'admin' });
    // Editing the year again records the earlier version as `previous`.
    const edited = { ...year2027(), makeUpWorkdays: [...year2027().makeUpWorkdays, '2027-10-09'] };
    expect((await saveCalendarYear(db, s.admin, edited, dec10)).ok).toBe(true);
    const e2 = (await db.events.where('streamId').equals('station').toArray()).at(-1)!;
    expect((e2.payload['previous'] as CalendarYear).makeUpWorkdays).not.toContain('2027-10-09');
    expect((await verifyLog(db, dec10)).ok).toBe(true);
  });

  it('refuses an invalid year by field, and stores nothing', async () => {
    const s = await stationWithStaff(dec10);
    db = s.db;
    const bad: CalendarYear = {
      year: 2027,
      holidays: [
        { name: '元旦', nameEn: '', from: '2027-01-01', to: '2027-01-03' },
        { name: '', nameEn: '', from: '2027-01-03', to: '2027-01-02' },
      ],
      makeUpWorkdays: ['2027-01-06'],
    };
    const r = await saveCalendarYear(db, s.admin, bad, dec10);
    expect(r.ok).toBe(false);
    if (r.ok || r.code !== 'invalid') throw new Error('expected invalid');
    expect(r.problems.map((p) => `${p.field}:${p.code}`)).toEqual([
      'holidays.1.name:required',
      'holidays.1.to:reversed',
      'makeUp.0:not_weekend',
    ]);
    expect(await db.settings.get(CALENDAR_KEY)).toBeUndefined();
  });
});

describe('backup', () => {
  it('a saved calendar travels with the station: restored, it is the one in use', async () => {
    const s = await stationWithStaff(dec10);
    db = s.db;
    await saveCalendarYear(db, s.admin, year2027(), dec10);
    const bytes = await exportBackup(db, { now: dec10 });
    const target = freshDb();
    try {
      await restoreBackup(target, bytes, { actor: s.admin });
      const loaded = await loadCalendar(target);
      expect(loaded.configured).toBe(true);
      expect(loaded.calendar.years.find((y) => y.year === 2027)).toEqual(
        (await loadCalendar(db)).calendar.years.find((y) => y.year === 2027),
      );
    } finally {
      target.close();
    }
  });

  it('a damaged stored calendar is not used: the shipped one is, and it says so', async () => {
    const s = await stationWithStaff(dec10);
    db = s.db;
    // A make-up day on a Wednesday cannot come from a save (the data layer checks): damage.
    await db.settings.put({
      key: CALENDAR_KEY,
      value: { years: [{ year: 2027, holidays: [], makeUpWorkdays: ['2027-01-06'] }] },
    });
    expect(await loadCalendar(db)).toEqual({
      calendar: defaultCalendar,
      configured: false,
      damaged: true,
    });
  });
});

describe('deleting a year', () => {
  it('refuses the current and earlier years, and a year cases depend on; deletes one nothing needs', async () => {
    const s = await stationWithStaff(dec10);
    db = s.db;
    await saveCalendarYear(db, s.admin, year2027(), dec10);
    expect(await deleteCalendarYear(db, s.admin, 2026, dec10)).toMatchObject({
      ok: false,
      code: 'in_use',
      reason: 'past',
    });
    // A case accepted on 12-10 with a 20-working-day limit is due in 2027.
    await acceptedOn(dec10);
    const dec11 = new Date('2026-12-11T02:00:00Z');
    expect(await deleteCalendarYear(db, s.admin, 2027, dec11)).toMatchObject({
      ok: false,
      code: 'in_use',
      reason: 'cases',
    });
    expect(await deleteCalendarYear(db, s.clerk, 2027, dec11)).toEqual({
      ok: false,
      code: 'forbidden_role',
    });
    expect(await deleteCalendarYear(db, s.admin, 2031, dec11)).toMatchObject({
      reason: 'missing',
    });
    // 2028: nothing is received or due in it.
    const y2028: CalendarYear = {
      year: 2028,
      holidays: [{ name: '元旦', nameEn: '', from: '2028-01-01', to: '2028-01-03' }],
      makeUpWorkdays: [],
    };
    expect((await saveCalendarYear(db, s.admin, y2028, dec11)).ok).toBe(true);
    expect(await deleteCalendarYear(db, s.admin, 2028, dec11)).toEqual({ ok: true, moved: 0 });
    expect((await loadCalendar(db)).calendar.years.map((y) => y.year)).toEqual([2025, 2026, 2027]);
  });
});

describe('a case taken in on 2026-12-10 with a 20-working-day limit', () => {
  it('is due on an estimate before 2027 exists, and on the exact date once it is entered', async () => {
    const s = await stationWithStaff(dec10);
    db = s.db;
    const state = await acceptedOn(dec10);
    const before = caseDeadlines(clockOf(state)!, '2026-12-10', defaultCalendar);
    // 15 working days left in December, then five weekdays of 2027 (01-01 counted: an estimate).
    expect(before.legalDueOn).toBe('2027-01-07');
    expect(before.estimated.legal).toBe(true);

    expect(await saveCalendarYear(db, s.admin, year2027(), dec10)).toEqual({ ok: true, moved: 1 });
    const calendar = (await loadCalendar(db)).calendar;
    const after = caseDeadlines(clockOf(state)!, '2026-12-10', calendar);
    // 2027-01-01…03 are the fixture's 元旦: the 20th working day is Friday 01-08.
    expect(after.legalDueOn).toBe('2027-01-08');
    expect(after.estimated.legal).toBe(false);

    // The timeline of the case says the calendar changed, who changed it, and what moved.
    const notes = await db.events.where('streamId').equals(deadlineStream('c1')).toArray();
    expect(notes).toHaveLength(1);
    expect(notes[0]!.type).toBe('deadline.calendarChanged');
    expect(notes[0]!.actor.id).toBe(s.admin.id);
    expect(notes[0]!.payload['legal']).toEqual({
      from: '2027-01-07',
      to: '2027-01-08',
      estimatedBefore: true,
      estimatedAfter: false,
    });
    // Its promised limit (2 working days, in December) did not move and is not recorded as moved.
    expect((notes[0]!.payload['promised'] as { from: string; to: string }).from).toBe(
      (notes[0]!.payload['promised'] as { from: string; to: string }).to,
    );
    expect((await verifyLog(db, dec10)).ok).toBe(true);
  });

  it('re-projects the stored due date the lists sort by (the promised one here)', async () => {
    const s = await stationWithStaff(dec10);
    db = s.db;
    // Accepted on 12-30: its 2-day promise is due on 2027-01-01 by the estimate.
    const dec30 = new Date('2026-12-30T02:00:00Z');
    await acceptedOn(dec30, 'c2');
    expect((await db.cases.get('c2'))!.dueDate).toBe('2027-01-01');
    await saveCalendarYear(db, s.admin, year2027(), dec30);
    // 01-01…03 are off: the second working day after 12-30 is Monday 01-04.
    expect((await db.cases.get('c2'))!.dueDate).toBe('2027-01-04');
  });
});

describe('with no 2027 in the calendar, nothing the counter does is refused for it', () => {
  it('accept, review, suspend and resume, verify (12-15), approve (12-18) and 补正 (12-28) all succeed', async () => {
    const s = await stationWithStaff(dec10);
    db = s.db;
    const dec15 = new Date('2026-12-15T02:00:00Z');
    await acceptedOn(dec15);
    const steps: [Command, keyof typeof actors][] = [
      [{ type: 'review', caseId: 'c1', opinion: '同意' }, 'reviewer'],
      [{ type: 'suspend', caseId: 'c1', kind: 'expertReview', reason: '专家论证' }, 'chief'],
      [{ type: 'resume', caseId: 'c1' }, 'chief'],
      [{ type: 'verify', caseId: 'c1', opinion: '同意' }, 'chief'],
    ];
    for (const [command, role] of steps) {
      const r = await dispatch(db, command, { actor: actors[role], now: dec15 });
      expect(r.ok ? r.state?.status : r.refusal).toBeTruthy();
    }
    const dec18 = new Date('2026-12-18T02:00:00Z');
    const approved = await dispatch(
      db,
      { type: 'approve', caseId: 'c1', opinion: '同意' },
      { actor: actors.director, now: dec18 },
    );
    expect(approved.ok).toBe(true);
    const row = (await db.cases.get('c1'))!;
    expect(row.status).toBe('approved');
    const d = caseDeadlines(clockOf(row.state as CaseState)!, '2026-12-18');
    // Art. 44's ten working days from 12-18 run into 2027: an estimate, and the row sorts by it.
    expect(d.issuanceDueOn).toBe('2027-01-01');
    expect(d.estimated.issuance).toBe(true);
    expect(row.dueDate).toBe('2027-01-01');

    // 补正 on 12-28 for materials received that day: the Art. 32 limit is in 2027.
    const dec28 = new Date('2026-12-28T02:00:00Z');
    const supplement: Command = {
      type: 'requestSupplement',
      caseId: 'c9',
      caseNo: '',
      intake: (acceptOf() as Extract<Command, { type: 'accept' }>).intake,
      missing: [{ name: '地形图' }],
    };
    const r = await dispatch(db, supplement, { actor: actors.clerk, now: dec28 });
    expect(r.ok).toBe(true);
  });

  it('warns from 1 November about next year, and always about the current year', () => {
    expect(missingYearAround(defaultCalendar, '2026-10-31')).toBeNull();
    expect(missingYearAround(defaultCalendar, '2026-11-01')).toBe(2027);
    expect(missingYearAround(defaultCalendar, '2027-02-01')).toBe(2027);
    const withNext = { years: [...defaultCalendar.years, year2027()] };
    expect(missingYearAround(withNext, '2026-11-15')).toBeNull();
  });
});
