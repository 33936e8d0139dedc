// Ledger entries that name a case by the number a clerk typed (a complaint's and a supervision
// item's caseNumber, a legacy issue's caseNumbers) after the case's station was re-coded (issue 17
// item 4): what the clerk typed stays as typed, and the link resolves through the case's former
// numbers — the enterprise view lists the entries, the number opens the case, and a number typed
// from an old paper is not refused as unknown, here on the re-coded island and on the hall's
// other station once the cases arrived there.
import { describe, expect, it } from 'vitest';
import type { OneWindowDb } from '../../../../../renderer/src/data/db';
import { recodeAndEnrol } from '../../../../../renderer/src/data/join/joinRecodeFlow';
import { readJoin } from '../../../../../renderer/src/data/join/joinCheck';
import { settleClash } from '../../../../../renderer/src/data/join/joinSettle';
import {
  recordComplaint,
  recordLegacyIssue,
  recordSupervision,
} from '../../../../../renderer/src/data/ledgers';
import { enterpriseView, ledgerItems } from '../../../../../renderer/src/data/ledgersQueries';
import { caseByNumber } from '../../../../../renderer/src/data/queries';
import { makeCreditCode } from '../../../../../renderer/src/domain';
import { actors } from '../../domain/workflowFixtures';
import { NOW, takeIn } from './fixtures';
import { adminOf, engineOf, enrolWith, hallWithHJ09, station, syncAll } from './joinFixtures';
import { fakeHall } from './joinRecodeFixtures';

const OTHER = makeCreditCode('91410100MA45AB678');
const OLD1 = 'HJ09-20260302-0001';
const OLD2 = 'HJ09-20260302-0002';

const complaint = (caseNumber: string) => ({
  channel: 'complaint' as const,
  receivedOn: '2026-03-02',
  complainant: '李先生',
  phone: '13812345678',
  creditCode: '',
  caseNumber,
  staff: '',
  content: '补正告知不清楚',
  dueDate: '2026-03-09',
});
const routing = { department: '政务服务科', responsible: '周科长' };

const legacy = (caseNumbers: string[]) => ({
  creditCode: OTHER,
  enterpriseName: '郑州另一置业有限公司',
  projectName: '某某小区二期',
  history: '2015年取得土地，规划条件未落实',
  obstacle: '用地红线与道路规划冲突',
  responsible: '赵科长',
  department: '规划管理科',
  dueDate: '2026-04-30',
  caseNumbers,
  meetings: [],
});

const supervision = (caseNumber: string) => ({
  title: '督办：补正材料退回',
  source: 'keyProject' as const,
  creditCode: '',
  enterpriseName: '',
  caseNumber,
  department: '规划管理科',
  person: '赵科长',
  dueDate: '2026-03-20',
});

/** What each ledger of `db` says links to the enterprise of `code`, by ledger number and case. */
async function linked(db: OneWindowDb, code: string) {
  const v = await enterpriseView(db, code);
  return {
    complaints: v.complaints.map((c) => c.data.caseNumber),
    legacy: v.legacyIssues.map((i) => i.data.caseNumbers),
    supervision: v.supervision.map((s) => `${s.data.source} ${s.data.caseNumber}`).sort(),
  };
}

describe('ledger entries typed with a case number, after its station was re-coded', () => {
  it('keep the number as typed and link through the former numbers', async () => {
    const { hall, x, ex } = await hallWithHJ09();
    // Y ran alone as HJ09: two cases, and entries typed with the first case's number.
    const y = await station('HJ09', 'guanli');
    await takeIn(y, 'case-y1');
    await takeIn(y, 'case-y2');
    for (const r of [
      await recordComplaint(y, complaint(OLD1), routing, actors.clerk, NOW),
      await recordLegacyIssue(y, legacy([OLD1]), actors.chief, NOW),
      await recordSupervision(y, supervision(OLD1), actors.chief, NOW),
    ])
      if (!r.ok) throw new Error(JSON.stringify(r));
    const code = (await y.cases.get('case-y1'))!.partyCode!;
    const before = await linked(y, code);
    expect(before).toEqual({
      complaints: [OLD1],
      legacy: [[OLD1]],
      supervision: [`complaint ${OLD1}`, `keyProject ${OLD1}`, `legacyIssue ${OLD1}`],
    });

    const adminY = await adminOf(y);
    await enrolWith(y, adminY);
    const held = engineOf(y, hall, 'HJ09');
    expect(await held.pushAll()).toEqual({ kind: 'held' });
    const { host } = fakeHall(hall, 'HJ09');
    const r = await recodeAndEnrol(
      y,
      adminY,
      {
        newCode: 'HJ10',
        note: '本机改用 HJ10',
        enrolmentCode: 'abcd-efgh-jklm',
        label: '二号窗口',
      },
      host,
      () => NOW,
    );
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect((await y.cases.get('case-y1'))?.caseNo).toBe('HJ10-20260302-0001');

    // As typed, and still the enterprise's; the typed number opens the case.
    expect((await ledgerItems(y, 'complaint')).map((c) => c.data.caseNumber)).toEqual([OLD1]);
    expect(await linked(y, code)).toEqual(before);
    expect((await caseByNumber(y, OLD1))?.id).toBe('case-y1');
    // The enterprise of the legacy issue sees it by its own code too, as before.
    expect((await linked(y, OTHER)).legacy).toEqual([[OLD1]]);

    // Pushed: on X, where HJ09-20260302-0001 is X's own case now and case-y1's former number.
    const ey = engineOf(y, hall, 'HJ10');
    expect(await ey.pushAll()).toEqual({ kind: 'held' });
    for (const c of (await readJoin(y))!.clashes)
      await settleClash(
        y,
        adminY,
        { clashId: c.id, decision: 'recorded', note: '已交申请人' },
        NOW,
      );
    await syncAll(ey, ex);
    expect((await readJoin(y))?.status).toBe('clear');
    expect((await x.cases.get('case-y2'))?.formerNumbers).toEqual([OLD2]);
    expect(await linked(x, code)).toEqual(before);

    // A clerk on X types the number from the applicant's old receipt of case-y2: it links, as
    // typed; a number no case ever had is still refused, and only it is named.
    expect(
      await recordLegacyIssue(
        x,
        legacy([OLD2, 'HJ10-20260302-0001', 'HJ09-20260302-0009']),
        actors.chief,
        NOW,
      ),
    ).toEqual({
      ok: false,
      refusal: { code: 'unknownCases', caseNumbers: ['HJ09-20260302-0009'] },
    });
    const typed = await recordComplaint(x, complaint(OLD2), routing, actors.clerk, NOW);
    expect(typed.ok).toBe(true);
    expect((await ledgerItems(x, 'complaint')).map((c) => c.data.caseNumber).sort()).toEqual([
      OLD1,
      OLD2,
    ]);
    expect((await linked(x, code)).complaints.sort()).toEqual([OLD1, OLD2]);
  });
});
