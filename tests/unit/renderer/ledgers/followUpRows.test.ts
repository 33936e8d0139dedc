// A bad rating's follow-up as a row of 每周督办: named by its kind and its case or ticket (never
// its row id `followUp-<uuid>`), its department from the case's matter, its responsible person
// the clerk the rating names; what it does not know said in words (未指定 …), never a blank. A
// case's follow-up, a ticket's, and a row in an old form; the words in zh-CN and en.
import i18next, { type TFunction } from 'i18next';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../../../renderer/src/app/i18n';
import type { OneWindowDb } from '../../../../renderer/src/data/db';
import { DEPARTMENTS_KEY, defaultDepartments } from '../../../../renderer/src/data/departments';
import { dispatch } from '../../../../renderer/src/data/dispatch';
import { recordRating } from '../../../../renderer/src/data/followUps';
import {
  followUpAsSupervision,
  followUpFacts,
  supervisionLedger,
  type SupervisionRow,
} from '../../../../renderer/src/data/ledgersQueries';
import type { Command } from '../../../../renderer/src/domain';
import { makeIdNumber } from '../../../../renderer/src/domain/ids';
import { supervisionCells } from '../../../../renderer/src/features/ledgers/supervisionCells';
import { supervisionLedgerData } from '../../../../renderer/src/features/ledgers/supervisionPaper';
import { acceptOf, actors, placeHJ02 } from '../domain/workflowFixtures';
import { stationDb } from '../data/helpers';

const RATING = '6f1c2a9e-5b7d-4e0a-9c1b-2d3e4f5a6b7c';
const building = {
  id: 'engineeringPermit',
  name: '建设工程规划科',
  nameEn: 'Building permits section',
};

const caseRow = {
  id: `followUp-${RATING}`,
  status: 'open',
  dueDate: '2026-03-23',
  data: {
    caseId: 'c1',
    caseNo: 'HJ01-20260302-0001',
    ratingId: RATING,
    overall: 1,
    comment: '',
    applicantName: '李秀英',
    partyCode: '4101**********0036',
    partyKind: 'person',
    ratedOn: '2026-03-02',
    rectifyDueOn: '2026-03-23',
    window: 'HJ02',
    clerkName: '王窗口',
    reasons: ['slow', 'attitude'],
  },
};
const ticketRow = {
  id: `followUp-${RATING}`,
  status: 'open',
  dueDate: '2026-12-22',
  data: {
    caseNo: '',
    ratingId: RATING,
    overall: 1,
    comment: '',
    applicantName: '',
    partyCode: '',
    ratedOn: '2026-12-01',
    window: 'HJ01',
    clerkName: '王窗口',
    ticketId: 't-3',
    ticketNumber: 'A003',
    business: 'counselling',
  },
};
// A follow-up written before there was a case number, a place or a department in it.
const oldRow = {
  id: `followUp-${RATING}`,
  status: 'open',
  dueDate: '2025-11-20',
  data: {
    ratingId: RATING,
    overall: 2,
    comment: '等了很久',
    partyCode: '',
    createdAt: '2025-10-30T02:00:00Z',
  },
};

const row = (
  r: typeof caseRow | typeof ticketRow | typeof oldRow,
  dept = null as typeof building | null,
): SupervisionRow => ({
  id: r.id,
  item: null,
  data: followUpAsSupervision(r, dept),
  followUp: followUpFacts(r, dept),
});

describe('followUpAsSupervision', () => {
  it("a case's follow-up: the case number, the matter's department, the clerk; no enterprise link", () => {
    const d = followUpAsSupervision(caseRow, building);
    expect(d).toMatchObject({
      number: 'HJ01-20260302-0001',
      caseNumber: 'HJ01-20260302-0001',
      enterpriseName: '李秀英',
      creditCode: '',
      department: '建设工程规划科',
      person: '王窗口',
      source: 'badRating',
      dueDate: '2026-03-23',
      status: 'open',
    });
    expect(JSON.stringify(d)).not.toContain(RATING);
    expect(followUpFacts(caseRow, building)).toEqual({
      ref: { kind: 'case', number: 'HJ01-20260302-0001' },
      party: 'person',
      department: building,
      clerk: { name: '王窗口', window: 'HJ02' },
      rating: { overall: 1, reasons: ['slow', 'attitude'], comment: '' },
    });
  });

  it("a ticket's follow-up: the ticket and its day, no department, the clerk", () => {
    const d = followUpAsSupervision(ticketRow);
    expect(d).toMatchObject({ number: 'A003', department: '', person: '王窗口', creditCode: '' });
    expect(followUpFacts(ticketRow)).toEqual({
      ref: { kind: 'ticket', number: 'A003', on: '2026-12-01' },
      party: 'ticket',
      department: null,
      clerk: { name: '王窗口', window: 'HJ01' },
      rating: { overall: 1, reasons: [], comment: '' },
    });
  });

  it('an old-form row: no number, no department, no person — never the row id', () => {
    const d = followUpAsSupervision(oldRow);
    expect(d).toMatchObject({
      number: '',
      caseNumber: '',
      department: '',
      person: '',
      title: '等了很久',
    });
    expect(JSON.stringify(d)).not.toContain(RATING);
    expect(followUpFacts(oldRow).ref).toEqual({ kind: 'unknown', on: '2025-10-30' });
  });
});

describe('the words of the cells', () => {
  beforeAll(async () => {
    vi.stubGlobal('document', { documentElement: {} });
    await initI18n('zh-CN');
  });
  afterAll(() => vi.unstubAllGlobals());
  const cells = (lang: string, r: SupervisionRow) =>
    supervisionCells(i18next.getFixedT(lang, 'ledgers') as TFunction, r, lang);

  it('zh-CN', () => {
    expect(cells('zh-CN', row(caseRow, building))).toEqual({
      number: '差评回访 · HJ01-20260302-0001',
      numberKeep: 'HJ01-20260302-0001',
      title: '非常不满意（办事效率低、服务态度差）',
      applicant: '李秀英（个人）',
      department: '建设工程规划科',
      person: '王窗口（HJ02 窗口经办）',
    });
    expect(cells('zh-CN', row(ticketRow))).toEqual({
      number: '差评回访 · 排队号 A003（2026-12-01）',
      numberKeep: '2026-12-01',
      title: '非常不满意',
      applicant: '未登记（排队号，未立案）',
      department: '未指定科室（未立案）',
      person: '王窗口（HJ01 窗口经办）',
    });
    expect(cells('zh-CN', row(oldRow))).toEqual({
      number: '差评回访 · 未记录案件号（2025-10-30）',
      numberKeep: '2025-10-30',
      title: '不满意：“等了很久”',
      applicant: '未记录申请人',
      department: '未指定科室',
      person: '未指定责任人（由科室负责人指定）',
    });
  });

  it('en', () => {
    expect(cells('en', row(caseRow, building))).toEqual({
      number: 'Bad-rating follow-up · HJ01-20260302-0001',
      numberKeep: 'HJ01-20260302-0001',
      title: 'Very dissatisfied (Slow service, Poor attitude)',
      applicant: '李秀英 (person)',
      department: 'Building permits section',
      person: '王窗口 (served at window HJ02)',
    });
    expect(cells('en', row(oldRow))).toEqual({
      number: 'Bad-rating follow-up · no case number recorded (2025-10-30)',
      numberKeep: '2025-10-30',
      title: 'Dissatisfied: “等了很久”',
      applicant: 'No applicant recorded',
      department: 'No department assigned',
      person: 'No one assigned (Section chief to assign)',
    });
  });

  it('the weekly paper: the same words, in Chinese', () => {
    const data = supervisionLedgerData(
      [row(caseRow, building), row(oldRow)],
      '2026-03-02',
      { name: '某局', address: '', phone: '' },
      (s) => s,
      new Date('2026-03-02T02:00:00Z'),
    );
    expect(data.rows.map((r) => [r.caseNumber, r.matter, r.applicant, r.responsible])).toEqual([
      [
        '差评回访 · HJ01-20260302-0001',
        '非常不满意（办事效率低、服务态度差）',
        '李秀英（个人）',
        '建设工程规划科 王窗口（HJ02 窗口经办）',
      ],
      [
        '差评回访 · 未记录案件号（2025-10-30）',
        '不满意：“等了很久”',
        '未记录申请人',
        '未指定科室 未指定责任人（由科室负责人指定）',
      ],
    ]);
  });
});

describe('supervisionLedger', () => {
  let db: OneWindowDb;
  const now = new Date('2026-03-02T02:00:00Z');
  beforeEach(async () => {
    db = await stationDb(now);
  });
  afterEach(() => db.close());

  async function ratedCase() {
    const accept = acceptOf({
      applicant: {
        kind: 'person',
        name: '李秀英',
        idNumber: makeIdNumber('410108', '1985-03-12', 3),
      },
    }) as Extract<Command, { type: 'accept' }>;
    expect((await dispatch(db, accept, { actor: actors.clerk, now })).ok).toBe(true);
    const rating = {
      type: 'ratingRecorded',
      caseId: 'c1',
      ratingId: RATING,
      channel: 'device',
      overall: 1,
      place: placeHJ02,
      reasons: ['slow'],
    } as Extract<Command, { type: 'ratingRecorded' }>;
    expect((await recordRating(db, rating, { actor: actors.device, now })).followUpId).toBe(
      `followUp-${RATING}`,
    );
  }

  it("the row names the case, the matter's department and the clerk", async () => {
    await ratedCase();
    const [r] = await supervisionLedger(db);
    expect(r!.data).toMatchObject({
      number: 'HJ01-20260302-0001',
      department: '建设工程规划科',
      person: '王窗口',
    });
    expect(r!.followUp).toMatchObject({
      party: 'person',
      clerk: { name: '王窗口', window: 'HJ02' },
    });
  });

  it('the department as the station set it up, or none when no department has the matter', async () => {
    await ratedCase();
    const setup = defaultDepartments();
    const renamed = {
      ...setup,
      departments: setup.departments.map((d) =>
        d.id === 'engineeringPermit' ? { ...d, name: '规划管理科', nameEn: 'Planning section' } : d,
      ),
    };
    // As saveDepartments stores it (its role checks are tested in departments.test.ts).
    await db.settings.put({ key: DEPARTMENTS_KEY, value: renamed });
    expect((await supervisionLedger(db))[0]!.data.department).toBe('规划管理科');
    // A case whose matter no department has (the setup predates the matter): 未指定 on screen.
    await db.cases.update('c1', { matterCode: 'NO-SUCH' });
    const [r] = await supervisionLedger(db);
    expect(r!.data.department).toBe('');
    expect(r!.followUp!.department).toBeNull();
  });
});
