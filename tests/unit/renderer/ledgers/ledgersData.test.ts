// The ledger write path: role checks in the data function, validation, the event and the row
// written together, a legacy issue opening its supervision item, and the enterprise view.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../../renderer/src/data/dispatch';
import { verifyLog } from '../../../../renderer/src/data/integrity';
import type { OneWindowDb } from '../../../../renderer/src/data/db';
import {
  addMeeting,
  addProgress,
  addReturnCall,
  recordComplaint,
  recordCommendation,
  recordLegacyIssue,
  recordSupervision,
  weekOf,
  type LegacyIssueInput,
} from '../../../../renderer/src/data/ledgers';
import {
  enterpriseView,
  ledgerItems,
  supervisionLedger,
} from '../../../../renderer/src/data/ledgersQueries';
import { loadStatsCases } from '../../../../renderer/src/data/ledgersStats';
import { makeCreditCode, type Command } from '../../../../renderer/src/domain';
import { acceptOf, actors } from '../domain/workflowFixtures';
import { stationDb } from '../data/helpers';

let db: OneWindowDb;
const now = new Date('2026-03-02T02:00:00Z');
const code = makeCreditCode('91410108MA44XY123');

beforeEach(async () => {
  db = await stationDb(now);
});
afterEach(() => db.close());

function issueOf(overrides: Partial<LegacyIssueInput> = {}): LegacyIssueInput {
  return {
    creditCode: code,
    enterpriseName: '郑州某某置业有限公司',
    projectName: '某某小区二期',
    history: '2015年取得土地，规划条件未落实',
    obstacle: '用地红线与道路规划冲突',
    responsible: '赵科长',
    department: '规划管理科',
    dueDate: '2026-04-30',
    caseNumbers: [],
    meetings: [],
    ...overrides,
  };
}

async function acceptCase(): Promise<string> {
  const r = await dispatch(
    db,
    { ...(acceptOf() as Extract<Command, { type: 'accept' }>), caseId: 'c1', caseNo: '' },
    { actor: actors.clerk, now },
  );
  if (!r.ok || !r.caseNo) throw new Error('accept failed');
  return r.caseNo;
}

describe('legacy issues', () => {
  it('records the issue and its supervision item with one event each, chain intact', async () => {
    const r = await recordLegacyIssue(db, issueOf(), actors.chief, now);
    expect(r.ok).toBe(true);
    const issues = await ledgerItems(db, 'legacyIssue');
    expect(issues).toHaveLength(1);
    expect(issues[0]?.data.number).toBe('YL20260001');
    const sup = await supervisionLedger(db);
    expect(sup.map((s) => [s.data.source, s.data.sourceId, s.data.person])).toEqual([
      ['legacyIssue', issues[0]?.id, '赵科长'],
    ]);
    const types = (await db.events.toArray()).map((e) => e.type);
    expect(types.slice(-2)).toEqual(['legacyIssueRecorded', 'supervisionOpened']);
    expect((await verifyLog(db, now)).ok).toBe(true);
  });

  it('is in progress from the start when recorded with its first meeting', async () => {
    const meeting = { date: '2026-03-02', participants: '局长、企业', decisions: '调整红线' };
    await recordLegacyIssue(db, issueOf({ meetings: [meeting] }), actors.chief, now);
    const [issue] = await ledgerItems(db, 'legacyIssue');
    expect(issue?.data.status).toBe('inProgress');
    expect(issue?.data.meetings).toEqual([meeting]);
  });

  it('refuses a clerk and the administrator, writing nothing', async () => {
    // Why: a hidden button is not a guard; the data function itself must say no.
    const before = await db.events.count();
    for (const actor of [actors.clerk, actors.admin]) {
      expect(await recordLegacyIssue(db, issueOf(), actor, now)).toEqual({
        ok: false,
        refusal: { code: 'forbidden' },
      });
    }
    expect(await db.events.count()).toBe(before);
    expect(await db.ledger.count()).toBe(0);
  });

  it('names every bad field: a credit code with a wrong check character, a bad date', async () => {
    const wrong = code.slice(0, 17) + (code[17] === '0' ? '1' : '0');
    const r = await recordLegacyIssue(
      db,
      issueOf({ creditCode: wrong, dueDate: '2026-02-30', obstacle: ' ' }),
      actors.chief,
      now,
    );
    expect(r).toEqual({
      ok: false,
      refusal: { code: 'invalid', fields: ['creditCode', 'obstacle', 'dueDate'] },
    });
  });

  it('links cases only by numbers that exist', async () => {
    const caseNo = await acceptCase();
    const bad = await recordLegacyIssue(
      db,
      issueOf({ caseNumbers: [caseNo, 'HJ01-20990101-0001'] }),
      actors.chief,
      now,
    );
    expect(bad).toEqual({
      ok: false,
      refusal: { code: 'unknownCases', caseNumbers: ['HJ01-20990101-0001'] },
    });
    expect(await db.ledger.count()).toBe(0);
    expect(
      (await recordLegacyIssue(db, issueOf({ caseNumbers: [caseNo] }), actors.chief, now)).ok,
    ).toBe(true);
  });

  it('adds a 一事一议 meeting with optimistic versions', async () => {
    const r = await recordLegacyIssue(db, issueOf(), actors.chief, now);
    if (!r.ok) throw new Error();
    const meeting = {
      date: '2026-03-05',
      participants: '局长、规划科、企业',
      decisions: '调整红线',
    };
    expect((await addMeeting(db, r.id, meeting, 1, actors.director, now)).ok).toBe(true);
    // Why: a second screen still holding version 1 must not overwrite the first meeting.
    expect(await addMeeting(db, r.id, meeting, 1, actors.director, now)).toEqual({
      ok: false,
      refusal: { code: 'stale' },
    });
    const [issue] = await ledgerItems(db, 'legacyIssue');
    expect(issue?.data.meetings).toEqual([meeting]);
    expect(issue?.data.status).toBe('inProgress');
    expect(issue?.version).toBe(2);
  });
});

describe('supervision, complaints, commendations', () => {
  it('reports weekly progress from anyone doing casework, stamped with the week', async () => {
    await recordLegacyIssue(db, issueOf(), actors.chief, now);
    const [row] = await supervisionLedger(db);
    if (!row?.item) throw new Error();
    expect((await addProgress(db, row.id, '已约谈企业', false, 1, actors.clerk, now)).ok).toBe(
      true,
    );
    expect((await addProgress(db, row.id, 'x', false, 2, actors.admin, now)).ok).toBe(false);
    const [after] = await supervisionLedger(db);
    expect(after?.data.progress.map((p) => [p.week, p.note])).toEqual([
      ['2026-03-02', '已约谈企业'],
    ]);
    expect(weekOf('2026-03-08')).toBe('2026-03-02');
  });

  const letter = {
    channel: 'mailbox' as const,
    receivedOn: '2026-03-02',
    complainant: '李先生',
    phone: '13812345678',
    creditCode: '',
    caseNumber: '',
    staff: '',
    content: '窗口排队时间长',
    dueDate: '2026-03-09',
  };

  it('a complaint opens a supervision item for the person chosen; a return call closes it', async () => {
    const r = await recordComplaint(
      db,
      letter,
      { department: '政务服务科', responsible: '周科长' },
      actors.clerk,
      now,
    );
    if (!r.ok) throw new Error(JSON.stringify(r));
    const sup = await supervisionLedger(db);
    // The person chosen, not the clerk who typed the letter in.
    expect(sup[0]?.data).toMatchObject({
      source: 'complaint',
      sourceId: r.id,
      department: '政务服务科',
      person: '周科长',
    });
    const call = { date: '2026-03-03', result: '已电话回访，满意', satisfied: true };
    expect((await addReturnCall(db, r.id, call, true, 1, actors.clerk, now)).ok).toBe(true);
    const [c] = await ledgerItems(db, 'complaint');
    expect(c?.data.status).toBe('closed');
    expect(c?.data.returnCalls).toEqual([{ ...call, by: actors.clerk.name }]);
  });

  it('a complaint without a responsible person is refused, and nothing is written', async () => {
    const before = await db.events.count();
    const r = await recordComplaint(
      db,
      letter,
      { department: '政务服务科', responsible: '  ' },
      actors.clerk,
      now,
    );
    expect(r).toMatchObject({ ok: false, refusal: { code: 'invalid', fields: ['responsible'] } });
    expect(await db.events.count()).toBe(before);
    expect(await ledgerItems(db, 'complaint')).toEqual([]);
  });

  it('a supervision item by hand must name a source the form offers — never a bad rating', async () => {
    const before = await db.events.count();
    const item = {
      title: '重点项目周调度',
      creditCode: '',
      enterpriseName: '',
      caseNumber: '',
      department: '规划管理科',
      person: '赵科长',
      dueDate: '2026-03-31',
    };
    for (const source of ['badRating', 'whatever'] as const) {
      const r = await recordSupervision(
        db,
        { ...item, source: source as 'badRating' },
        actors.chief,
        now,
      );
      expect(r).toMatchObject({ ok: false, refusal: { code: 'invalid', fields: ['source'] } });
    }
    expect(await db.events.count()).toBe(before);
    expect(
      (await recordSupervision(db, { ...item, source: 'keyProject' }, actors.chief, now)).ok,
    ).toBe(true);
  });

  it('a commendation needs a case or a staff member', async () => {
    const base = {
      kind: 'banner' as const,
      receivedOn: '2026-03-02',
      from: '某公司',
      creditCode: '',
      note: '',
    };
    expect(
      await recordCommendation(db, { ...base, caseNumber: '', staff: '' }, actors.clerk, now),
    ).toEqual({
      ok: false,
      refusal: { code: 'invalid', fields: ['staff'] },
    });
    expect(
      (await recordCommendation(db, { ...base, caseNumber: '', staff: '陈静' }, actors.clerk, now))
        .ok,
    ).toBe(true);
  });

  it('shows bad-rating follow-ups in the supervision ledger', async () => {
    // Why: follow-ups are written by another module; the ledger must show them, read-only.
    await db.ledger.put({
      id: 'fu-1',
      kind: 'followUp',
      status: 'open',
      dueDate: '2026-03-20',
      data: { caseNo: 'HJ01-20260302-0001', applicantName: '某公司', comment: '态度差' },
    });
    const [row] = await supervisionLedger(db);
    expect(row).toMatchObject({ id: 'fu-1', item: null });
    expect(row?.data).toMatchObject({
      source: 'badRating',
      caseNumber: 'HJ01-20260302-0001',
      dueDate: '2026-03-20',
    });
  });
});

describe('enterprise view and stats loading', () => {
  it('gathers the cases, projects and ledger items of one enterprise', async () => {
    const caseNo = await acceptCase();
    await recordLegacyIssue(db, issueOf({ caseNumbers: [caseNo] }), actors.chief, now);
    // Why: another enterprise's issue must not leak into this view.
    await recordLegacyIssue(
      db,
      issueOf({ creditCode: makeCreditCode('91410100MA45AB678'), enterpriseName: '别家' }),
      actors.chief,
      now,
    );
    const v = await enterpriseView(db, code);
    expect(v.cases.map((c) => c.caseNo)).toEqual([caseNo]);
    expect(v.projects).toHaveLength(1);
    expect(v.legacyIssues.map((i) => i.data.enterpriseName)).toEqual(['郑州某某置业有限公司']);
    expect(v.supervision).toHaveLength(1);
  });

  it('loads the month’s cases with the clerk who took them in', async () => {
    await acceptCase();
    const cases = await loadStatsCases(db, '2026-03');
    expect(cases.map((c) => [c.state.caseId, c.clerk?.name])).toEqual([['c1', actors.clerk.name]]);
    expect(await loadStatsCases(db, '2026-02')).toEqual([]);
  });
});
