// The bureau's figures across stations (issue 17 item 6): two stations (each its own
// fake-indexeddb database) take in cases with different clerks and record complaints, and sync
// through the in-memory hall. Statistics, the 红黑榜 and its printed paper (through Chromium to
// PDF, read back with pdftotext), the desk's dashboard and the ledgers read the folded tables of
// every station's events — not the station's own chain or code — so both stations show and print
// the same, counting all cases. Before the sync each station counts only its own: the equality
// is the sync's doing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OneWindowDb } from '../../../../../renderer/src/data/db';
import { dispatch } from '../../../../../renderer/src/data/dispatch';
import { departmentOfSetup, loadDepartments } from '../../../../../renderer/src/data/departments';
import { loadCalendar } from '../../../../../renderer/src/data/holidayCalendar';
import { recordComplaint } from '../../../../../renderer/src/data/ledgers';
import { ledgerItems, supervisionLedger } from '../../../../../renderer/src/data/ledgersQueries';
import { loadStatsCases } from '../../../../../renderer/src/data/ledgersStats';
import { deskDashboard } from '../../../../../renderer/src/data/queries';
import { loadRankingRules, saveRankingRules } from '../../../../../renderer/src/data/rankingRules';
import { getStation } from '../../../../../renderer/src/data/station';
import { SyncEngine } from '../../../../../renderer/src/data/sync/engine';
import { monthlyFigures } from '../../../../../renderer/src/domain/stats';
import { defaultRankingRules, rank } from '../../../../../renderer/src/domain/statsRanking';
import { redBlackData } from '../../../../../renderer/src/features/stats/redBlackData';
import { renderDocument } from '../../../../../renderer/src/print/render';
import { templates } from '../../../../../renderer/src/print/templates';
import { htmlToPdf } from '../../../../print/chromium';
import { chromiumPageForTests } from '../../../../print/chromiumPage';
import { nodeFontSource } from '../../../../print/nodeFontSource';
import { pdfText, writeTemp } from '../../../../print/pdfTools';
import { actors } from '../../domain/workflowFixtures';
import { HallModel, ModelTransport } from './hallModel';
import { accept, NOW, review, stationNamed, takeIn } from './fixtures';

const MONTH = '2026-03';
const TODAY = '2026-03-02';
const clerkB = { id: 'u-clerk-b', name: '张受理', role: 'clerk' as const };
const letter = (complainant: string) => ({
  channel: 'mailbox' as const,
  receivedOn: TODAY,
  complainant,
  phone: '13812345678',
  creditCode: '',
  caseNumber: '',
  staff: '',
  content: '窗口排队时间长',
  dueDate: '2026-03-09',
});

const page = chromiumPageForTests();
let a: OneWindowDb;
let b: OneWindowDb;
let engines: SyncEngine[];

beforeEach(async () => {
  [a, b] = await Promise.all([stationNamed('HJ01'), stationNamed('HJ02')]);
  const hall = new HallModel();
  engines = [a, b].map(
    (db, i) =>
      new SyncEngine({ db, transport: new ModelTransport(hall, `HJ0${i + 1}`), now: () => NOW }),
  );
});
afterEach(() => {
  a.close();
  b.close();
});

async function sync() {
  for (let round = 0; round < 2; round++) {
    for (const e of engines) await e.pushAll();
    for (const e of engines)
      for (let r = await e.pullOnce(); r.kind === 'ok' && r.more;) r = await e.pullOnce();
  }
}

/** What a station's statistics page computes and prints for the month. */
async function bureauFigures(db: OneWindowDb) {
  const departments = await loadDepartments(db);
  const figures = monthlyFigures(await loadStatsCases(db, MONTH), {
    month: MONTH,
    today: TODAY,
    calendar: (await loadCalendar(db)).calendar,
    departmentOf: departmentOfSetup(departments.setup, 'zh-CN', '未分配科室'),
  });
  const ranking = rank(figures.byClerk, await loadRankingRules(db));
  const paper = redBlackData(await getStation(db), figures, ranking, TODAY, '未知经办人');
  const doc = renderDocument(templates.redBlackList, paper, { fontSource: nodeFontSource() });
  const printed = pdfText(writeTemp(await htmlToPdf(page(), doc), `red-black-${db.name}.pdf`));
  return { figures, ranking, paper, printed };
}

const FEBRUARY = new Date('2026-02-02T02:00:00Z');

async function work() {
  // A case of each clerk taken in on 2 February and still open: overdue in March.
  await takeIn(a, 'a0', FEBRUARY);
  await takeIn(a, 'a1');
  await takeIn(a, 'a2');
  for (const [id, now] of [
    ['b0', FEBRUARY],
    ['b1', NOW],
    ['b2', NOW],
    ['b3', NOW],
  ] as const) {
    const r = await dispatch(b, accept(id), { actor: clerkB, now });
    expect(r.ok).toBe(true);
  }
  // The 红黑榜 rules are the hall's: set on A, used on B. One overdue case puts a clerk on it.
  const rules = {
    ...defaultRankingRules,
    black: { ...defaultRankingRules.black, overdueAtLeast: 1 },
  };
  const u = (await a.users.where('username').equals('admin').first())!;
  const admin = { id: u.id, name: u.name, role: u.role };
  expect(await saveRankingRules(a, admin, { ...rules, minCases: 2 }, NOW)).toEqual({ ok: true });
  const routing = { department: '政务服务科', responsible: '周科长' };
  expect((await recordComplaint(a, letter('李先生'), routing, actors.clerk, NOW)).ok).toBe(true);
  expect((await recordComplaint(b, letter('刘女士'), routing, clerkB, NOW)).ok).toBe(true);
}

describe("the bureau's figures on two stations", () => {
  it('count every station’s cases, and the monthly paper prints the same on both', async () => {
    await work();
    // Apart, each counts its own.
    expect((await bureauFigures(a)).figures.total.takenIn).toBe(2);
    expect((await bureauFigures(b)).figures.total.takenIn).toBe(3);
    await sync();
    // B reviews A's case: a decision across stations, folded alike on both.
    expect((await review(b, 'a1')).ok).toBe(true);
    await sync();

    const [fa, fb] = [await bureauFigures(a), await bureauFigures(b)];
    expect(fa.figures.total.takenIn).toBe(5);
    expect(fa.figures.total.overdue).toBe(2);
    expect(fa.ranking.black.map((r) => r.row.name).sort()).toEqual(['张受理', '王窗口']);
    expect(fa.figures).toEqual(fb.figures);
    expect(fa.ranking).toEqual(fb.ranking);
    expect(fa.paper).toEqual(fb.paper);
    expect(
      fa.figures.byClerk.map((r) => [r.name, r.takenIn]).sort((x, y) => (x[0]! < y[0]! ? -1 : 1)),
    ).toEqual([
      ['张受理', 3],
      ['王窗口', 2],
    ]);
    // The printed paper, read back from the PDF: the same text on both stations, both clerks in it.
    expect(fa.printed).toBe(fb.printed);
    expect(fa.printed).toContain('郑州市惠济区自然资源和规划局');
    expect(fa.printed).toContain('张受理');
    expect(fa.printed).toContain('王窗口');

    // The desk's dashboard: every station's cases taken in today.
    const [da, db_] = [await deskDashboard(a, TODAY), await deskDashboard(b, TODAY)];
    expect(da.takenToday.count).toBe(5);
    expect(da.overdue.count).toBe(2);
    expect(da).toEqual(db_);
    // The ledgers: both complaints and their supervision items on both stations.
    const complaints = async (db: OneWindowDb) =>
      (await ledgerItems(db, 'complaint')).map((c) => [c.id, c.data.complainant]).sort();
    expect((await complaints(a)).map((c) => c[1]).sort()).toEqual(['刘女士', '李先生']);
    expect(await complaints(a)).toEqual(await complaints(b));
    const supervision = async (db: OneWindowDb) =>
      (await supervisionLedger(db)).map((s) => s.id).sort();
    expect(await supervision(a)).toHaveLength(2);
    expect(await supervision(a)).toEqual(await supervision(b));
  }, 120_000);
});
