// The case desk's queries on a real (fake-indexeddb) Dexie database: cases are taken in through
// dispatch, as the intake screen does, so the rows are the projection's own, not hand-made.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DBCoreQuery } from 'dexie';
import { dispatch } from '../../../../renderer/src/data/dispatch';
import {
  deskDashboard,
  deskList,
  dueSoonUntil,
  findCases,
  projectCases,
} from '../../../../renderer/src/data/queries';
import { setupStation } from '../../../../renderer/src/data/station';
import { termsOf } from '../../../../renderer/src/data/search';
import type { CaseRow, OneWindowDb } from '../../../../renderer/src/data/db';
import type { Command, IntakeDetails } from '../../../../renderer/src/domain';
import { actors, intakeOf, ticked } from '../domain/workflowFixtures';
import { freshDb } from './helpers';

let db: OneWindowDb;
/** Every query the cases table was asked, to prove the desk never scans it. */
let caseQueries: DBCoreQuery[];

// 2026-03-02 is a Monday with no holiday nearby: due dates are plain arithmetic.
const TODAY = '2026-03-02';
const at = (day: string) => new Date(`${day}T02:00:00Z`);

beforeEach(async () => {
  db = freshDb();
  caseQueries = [];
  db.use({
    stack: 'dbcore',
    name: 'scanGuard',
    create: (down) => ({
      ...down,
      table: (name) => {
        const t = down.table(name);
        if (name !== 'cases') return t;
        return {
          ...t,
          query: (req) => (caseQueries.push(req.query), t.query(req)),
          openCursor: (req) => (caseQueries.push(req.query), t.openCursor(req)),
          count: (req) => (caseQueries.push(req.query), t.count(req)),
        };
      },
    }),
  });
  await setupStation(
    db,
    {
      officeName: '郑州市惠济区自然资源和规划局',
      officeShortName: '惠济规划',
      divisionCode: '410108',
      stationCode: 'HJ01',
      admin: { username: 'admin', name: '管理员', password: 'Str0ng-enough-pass' },
    },
    { now: at('2026-02-20'), iterations: 1000 },
  );
});
afterEach(() => db.close());

/** Takes a case in through dispatch on `day`; the command type decides accept/supplement/refuse. */
async function takeIn(
  id: string,
  day: string,
  kind: 'accept' | 'requestSupplement' | 'refuse' = 'accept',
  over: Partial<IntakeDetails> = {},
) {
  const intake = intakeOf(over);
  const base = { caseId: id, caseNo: '', intake };
  const command: Command =
    kind === 'accept'
      ? { type: 'accept', ...base }
      : kind === 'requestSupplement'
        ? {
            type: 'requestSupplement',
            ...base,
            intake: { ...intake, materials: ticked('GCGH-JZ', intake.answers, ['topoMap']) },
            missing: [{ materialId: 'topoMap', name: '1:500 或 1:1000 地形图' }],
          }
        : { type: 'refuse', ...base, ground: 'noLicenceNeeded', detail: '无需办理规划许可' };
  const r = await dispatch(db, command, { actor: actors.clerk, now: at(day) });
  if (!r.ok) throw new Error(`seed ${id}: ${r.refusal.code}`);
  return r.caseNo!;
}

/** A normal day at the counter on Monday 03-02, with one case left over from the week before. */
async function seedDay() {
  // Accepted Tue 02-24 with a promise of 2 working days: due 02-26, overdue by 03-02.
  await takeIn('old', '2026-02-24');
  await takeIn('c1', TODAY); // due Wed 03-04: yellow (2 working days left)
  await takeIn('green', TODAY, 'accept', { greenChannel: true }); // due today
  await takeIn('supp', TODAY, 'requestSupplement');
  // A refused case has no due date: it must not count as overdue or due soon.
  await takeIn('ref', TODAY, 'refuse');
}

const ids = (rows: CaseRow[]) => rows.map((r) => r.id).sort();

describe('deskDashboard', () => {
  it('counts and lists today, supplement, due soon, overdue and green channel', async () => {
    await seedDay();
    const d = await deskDashboard(db, TODAY);
    expect(d.takenToday.count).toBe(4);
    expect(ids(d.takenToday.cases)).toEqual(['c1', 'green', 'ref', 'supp']);
    expect(d.awaitingSupplement).toMatchObject({ count: 1 });
    expect(ids(d.awaitingSupplement.cases)).toEqual(['supp']);
    // Two working days ahead of Monday is Wednesday.
    expect(d.dueSoonUntil).toBe('2026-03-04');
    expect(ids(d.dueSoon.cases)).toEqual(['c1', 'green']);
    expect(d.overdue.count).toBe(1);
    expect(ids(d.overdue.cases)).toEqual(['old']);
    expect(d.greenChannel.count).toBe(1);
    expect(ids(d.greenChannel.cases)).toEqual(['green']);
  });

  it('moves with the calendar: on Thursday the Monday cases are overdue, none taken in', async () => {
    await seedDay();
    const d = await deskDashboard(db, '2026-03-05');
    expect(d.takenToday.count).toBe(0);
    expect(ids(d.overdue.cases)).toEqual(['c1', 'green', 'old']);
    expect(d.dueSoon.count).toBe(0);
    // An overdue green-channel case still shows in the green-channel list: it is still open.
    expect(ids(d.greenChannel.cases)).toEqual(['green']);
  });

  it('keeps the short lists short but the counts whole', async () => {
    for (let i = 0; i < 7; i++) await takeIn(`t${i}`, TODAY);
    const d = await deskDashboard(db, TODAY, 3);
    expect(d.takenToday.count).toBe(7);
    expect(d.takenToday.cases).toHaveLength(3);
    expect(await deskList(db, 'takenToday', TODAY)).toHaveLength(7);
  });

  it('never scans the cases table: every query goes through a bounded index range', async () => {
    await seedDay();
    caseQueries = [];
    await deskDashboard(db, TODAY);
    for (const key of [
      'takenToday',
      'awaitingSupplement',
      'dueSoon',
      'overdue',
      'greenChannel',
    ] as const) {
      await deskList(db, key, TODAY);
    }
    await projectCases(db, 'project:2026-410108-70-01-000123');
    expect(caseQueries.length).toBeGreaterThan(10);
    // DBCoreRangeType.Any (3) over the primary key is a whole-table scan.
    const scans = caseQueries.filter((q) => q.index.isPrimaryKey || q.range.type === 3);
    expect(scans).toEqual([]);
  });

  it('counts "due soon" by the weekday estimate in a year the calendar lacks', () => {
    // The shipped calendar covers 2025 and 2026 only: 2031-06-02 is a Monday.
    expect(dueSoonUntil('2031-06-02')).toBe('2031-06-04');
    expect(dueSoonUntil('2026-09-24')).toBe('2026-09-29'); // 09-25…09-27 are off
  });
});

describe('desk search and project lookups on dispatched cases', () => {
  it('a scanned case number finds exactly that case', async () => {
    await seedDay();
    const no = await takeIn('scan', TODAY);
    const hits = await findCases(db, no.toLowerCase());
    expect(hits.map((c) => c.id)).toEqual(['scan']);
  });

  it("the receipt's QR code (OW-CASE:<number>) finds exactly that case, and a near miss finds none", async () => {
    await seedDay();
    const no = await takeIn('qr', TODAY);
    expect((await findCases(db, `OW-CASE:${no}`)).map((c) => c.id)).toEqual(['qr']);
    // A scanner behind a Chinese input method: full-width, with the Enter's CR still on it.
    const fullWidth = `ＯＷ－ＣＡＳＥ：${no}\r`.replace(/[0-9A-Z-]/g, (c) =>
      String.fromCharCode(c.charCodeAt(0) + 0xfee0),
    );
    expect((await findCases(db, fullWidth)).map((c) => c.id)).toEqual(['qr']);
    // Another number under the QR prefix is not a name search: nothing.
    expect(await findCases(db, `OW-CASE:${no.slice(0, -1)}9`)).toEqual([]);
  });

  it("a project's cases come oldest first, with other projects' cases left out", async () => {
    await takeIn('late', TODAY);
    await takeIn('early', '2026-02-24');
    await takeIn('other', TODAY, 'accept', {
      projectName: '另一项目',
      projectCode: '2026-410108-70-01-000999',
    });
    const rows = await projectCases(db, 'project:2026-410108-70-01-000123');
    expect(rows.map((r) => r.id)).toEqual(['early', 'late']);
  });

  it('finds a case by a name fragment even when many others share a character', async () => {
    await seedDay();
    // Rows written directly: only the search terms matter here.
    const row = (id: string, applicantName: string): CaseRow => ({
      id,
      caseNo: `X-1-${id}`,
      version: 1,
      status: 'review',
      matterCode: 'GCGH-JZ',
      applicantId: null,
      projectId: null,
      applicantName,
      projectName: '',
      partyCode: '',
      projectCode: '',
      inboxRole: 'reviewer',
      dueDate: '2026-03-10',
      receivedDate: '2026-03-01',
      greenChannel: 0,
      terms: termsOf(applicantName),
      state: {},
    });
    await db.cases.bulkAdd([row('n1', '郑州绿城建设'), row('n2', '郑州城建集团')]);
    expect((await findCases(db, '绿城')).map((c) => c.id)).toEqual(['n1']);
  });
});
