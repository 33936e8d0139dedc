// A station that has been through every command the data layer takes: every case command through
// dispatch, a bad rating with its follow-up, counselling, every ledger, every setting, user
// administration and sign-in (with a lockout), papers printed and reprinted, attachments linked,
// personal data revealed, a document number, the office's contact. What the rebuild test folds.
import { expect } from 'vitest';
import { signIn } from '../../../../renderer/src/data/auth';
import type { OneWindowDb } from '../../../../renderer/src/data/db';
import { defaultDepartments, saveDepartments } from '../../../../renderer/src/data/departments';
import { dispatch } from '../../../../renderer/src/data/dispatch';
import { recordRating } from '../../../../renderer/src/data/followUps';
import { saveCalendarYear } from '../../../../renderer/src/data/holidayCalendar';
import { saveIdleLockMinutes } from '../../../../renderer/src/data/idleLock';
import {
  addMeeting,
  addProgress,
  addReturnCall,
  recordCommendation,
  recordComplaint,
  recordLegacyIssue,
  resolveLegacyIssue,
} from '../../../../renderer/src/data/ledgers';
import { supervisionLedger } from '../../../../renderer/src/data/ledgersQueries';
import { revealPersonalData } from '../../../../renderer/src/data/personalData';
import { recordPrint } from '../../../../renderer/src/data/prints';
import { saveRankingRules } from '../../../../renderer/src/data/rankingRules';
import { updateStationContact } from '../../../../renderer/src/data/station';
import {
  changeRole,
  createUser,
  resetPassword,
  setDisabled,
} from '../../../../renderer/src/data/users';
import {
  makeCreditCode,
  parseHolidayNotice,
  type Actor,
  type Command,
} from '../../../../renderer/src/domain';
import { defaultRankingRules } from '../../../../renderer/src/domain/statsRanking';
import { TEST_NOTICE_2027 } from '../../../fixtures/holidayNotice2027';
import { casePool } from '../domain/commandPool';
import { stationWithStaff } from './helpers';

const day = (n: number) => new Date(Date.parse('2026-03-02T02:00:00Z') + n * 86_400_000);
const code = makeCreditCode('91410108MA44XY123');

export async function fullStation() {
  const s = await stationWithStaff(day(0));
  const { db, admin, director, chief, clerk } = s;
  const reviewer = await (async () => {
    const u = await createUser(
      db,
      admin,
      { username: 'reviewer', name: '李审查', password: 'long enough pass', role: 'reviewer' },
      { iterations: 1000, now: day(0) },
    );
    return { id: u.id, name: u.name, role: u.role };
  })();
  const device = { id: 'rating-device:HJ02', name: 'HJ02', role: 'device' as const };
  const who = { clerk, reviewer, chief, director, admin, device };
  let n = 0;
  const send = async (caseId: string, type: string, role: keyof typeof who, pick = 0) => {
    const command = casePool(caseId, '').filter((c) => c.type === type)[pick] as Command;
    // c1's scans are linked with its acceptance, in the decision's own dispatch.
    const attachments =
      caseId === 'c1' && type === 'accept'
        ? [{ id: 'sha-1', name: '扫描件.pdf', size: 1024, mime: 'application/pdf' }]
        : undefined;
    const r = await dispatch(db, command, {
      actor: who[role] as Actor,
      now: day(n++ % 20),
      attachments,
    });
    expect(r.ok, `${caseId} ${type}: ${JSON.stringify(!r.ok && r.refusal)}`).toBe(true);
    return r;
  };
  // c1: the whole way, a certificate voided and reissued, two ratings (a bad one opens a follow-up).
  for (const [t, r] of [
    ['accept', 'clerk'],
    ['review', 'reviewer'],
    ['verify', 'chief'],
    ['returnToPrevious', 'director'],
    ['verify', 'chief'],
    ['approve', 'director'],
    ['certificateIssued', 'clerk'],
    ['delivered', 'clerk'],
    ['certificateVoided', 'chief'],
    ['certificateReissued', 'clerk'],
    ['ratingRecorded', 'device'],
  ] as const)
    await send('c1', t, r);
  const bad = await recordRating(
    db,
    {
      type: 'ratingRecorded',
      caseId: 'c1',
      ratingId: 'bad-1',
      channel: 'device',
      overall: 1,
      place: { window: 'HJ02', clerkId: clerk.id, clerkName: clerk.name },
      reasons: ['slow'],
    },
    { actor: device, now: day(21) },
  );
  expect(bad.followUpId).toBe('followUp-bad-1');
  // The chief appeals the bad rating, the director upholds it: two events on the case.
  for (const [command, actor] of [
    [{ type: 'appealRating', caseId: 'c1', ratingId: 'bad-1', reason: '申请人误触' }, chief],
    [
      {
        type: 'decideRatingAppeal',
        caseId: 'c1',
        ratingId: 'bad-1',
        outcome: 'upheld',
        reason: '录像属实',
      },
      director,
    ],
  ] as const) {
    const r = await dispatch(db, command as Command, { actor: actor as Actor, now: day(22) });
    expect(r.ok, JSON.stringify(!r.ok && r.refusal)).toBe(true);
  }
  // c2: 补正, then 容缺受理, a special procedure, an extension, a denial.
  await send('c2', 'requestSupplement', 'clerk');
  await send('c2', 'supplementReceived', 'clerk');
  await send('c2', 'acceptWithDeficiencies', 'clerk');
  await send('c2', 'supplementReceived', 'clerk', 1);
  await send('c2', 'suspend', 'reviewer');
  await send('c2', 'resume', 'reviewer');
  await send('c2', 'extend', 'director');
  await send('c2', 'deny', 'director');
  // c3 refused, c4 withdrawn while suspended, c5 waiting at 审查 (a person as applicant).
  await send('c3', 'refuse', 'clerk');
  await send('c4', 'accept', 'clerk');
  await send('c4', 'suspend', 'reviewer');
  await send('c4', 'withdraw', 'clerk');
  await send('c5', 'accept', 'clerk', 1);
  const counselled = await dispatch(
    db,
    { type: 'counsellingSaved', counsellingId: 'k1', matterCodes: ['GCGH-JZ'], answers: {} },
    { actor: clerk, now: day(3) },
  );
  expect(counselled.ok).toBe(true);

  // Every ledger.
  const issue = await recordLegacyIssue(
    db,
    {
      creditCode: code,
      enterpriseName: '郑州某某置业有限公司',
      projectName: '某某小区二期',
      history: '2015年取得土地',
      obstacle: '用地红线与道路规划冲突',
      responsible: '赵科长',
      department: '规划管理科',
      dueDate: '2026-04-30',
      caseNumbers: [],
      meetings: [],
    },
    chief,
    day(4),
  );
  if (!issue.ok) throw new Error(JSON.stringify(issue));
  const meeting = { date: '2026-03-05', participants: '局长、企业', decisions: '调整红线' };
  expect((await addMeeting(db, issue.id, meeting, 1, director, day(5))).ok).toBe(true);
  expect((await resolveLegacyIssue(db, issue.id, '已调整', 2, director, day(6))).ok).toBe(true);
  const sup = (await supervisionLedger(db)).find((r) => r.item);
  expect(
    (await addProgress(db, sup!.id, '已约谈', false, sup!.item!.version, clerk, day(6))).ok,
  ).toBe(true);
  const complaint = await recordComplaint(
    db,
    {
      channel: 'mailbox',
      receivedOn: '2026-03-02',
      complainant: '李先生',
      phone: '13812345678',
      creditCode: '',
      caseNumber: '',
      staff: '',
      content: '排队时间长',
      dueDate: '2026-03-09',
    },
    { department: '政务服务科', responsible: '周科长' },
    clerk,
    day(6),
  );
  if (!complaint.ok) throw new Error(JSON.stringify(complaint));
  const call = { date: '2026-03-03', result: '已回访', satisfied: true };
  expect((await addReturnCall(db, complaint.id, call, true, 1, clerk, day(7))).ok).toBe(true);
  const thanks = {
    kind: 'banner' as const,
    receivedOn: '2026-03-02',
    from: '某公司',
    creditCode: '',
  };
  expect(
    (
      await recordCommendation(
        db,
        { ...thanks, caseNumber: '', staff: '陈静', note: '' },
        clerk,
        day(7),
      )
    ).ok,
  ).toBe(true);

  // Every setting, then the calendar (which re-projects the open cases and the follow-up).
  expect(await saveDepartments(db, director, defaultDepartments(), day(8))).toEqual({ ok: true });
  expect(await saveRankingRules(db, admin, { ...defaultRankingRules }, day(8))).toEqual({
    ok: true,
  });
  expect(await saveIdleLockMinutes(db, admin, 12, day(8))).toEqual({ ok: true });
  const y2027 = parseHolidayNotice(TEST_NOTICE_2027);
  if (!y2027.ok) throw new Error('2027');
  expect((await saveCalendarYear(db, admin, y2027.year, day(9))).ok).toBe(true);

  // Users: a role change, disable and enable, a password reset; a lockout by failed sign-ins.
  expect((await changeRole(db, admin, reviewer.id, 'chief', { now: day(10) })).role).toBe('chief');
  await setDisabled(db, admin, clerk.id, true, { now: day(10) });
  await setDisabled(db, admin, clerk.id, false, { now: day(10) });
  await resetPassword(db, admin, director.id, 'another long pass', {
    now: day(10),
    iterations: 1000,
  });
  for (let i = 0; i < 5; i += 1) await signIn(db, 'chief', 'wrong password', { now: day(11) });
  expect((await db.users.get(chief.id))?.lockedUntil).not.toBeNull();
  expect((await signIn(db, 'admin', 'Str0ng-enough-pass', { now: day(11) })).ok).toBe(true);

  // Papers, attachments, personal data, a document number, the office's contact.
  const paper = {
    archiveId: 'a-1',
    sha256: 'f'.repeat(64),
    caseId: 'c1',
    docType: 'acceptanceNotice',
    title: '受理通知书',
    kind: 'a4' as const,
    html: '<html><body>受理通知书</body></html>',
    paper: { widthMm: 210, heightMm: 297 },
    reprintOf: null,
    printedAt: day(12).toISOString(),
    by: clerk,
    format: 'pdf' as const,
  };
  await recordPrint(db, paper, day(12));
  await recordPrint(db, { ...paper, archiveId: 'a-2', reprintOf: 'a-1' }, day(12));
  expect((await revealPersonalData(db, chief, 'c5', day(12))).ok).toBe(true);
  expect(
    (
      await updateStationContact(
        db,
        admin,
        { address: '郑州市惠济区江山路1号', phone: '0371-12345678', website: '' },
        day(13),
      )
    ).ok,
  ).toBe(true);
  return { ...s, reviewer, db: db as OneWindowDb };
}
