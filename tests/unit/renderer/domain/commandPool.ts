// Every case command type, valid and invalid variants, for one case: what random sequences draw
// from to reach the states of the workflow (admits and fold tests), and how they draw a step.
import fc from 'fast-check';
import { can, makeIdNumber, ACTOR_ROLES, type Command } from '../../../../renderer/src/domain';
import { intakeOf, placeHJ02 as place, ticked } from './workflowFixtures';

const id = makeIdNumber('410108', '1980-01-01', 11);

export function casePool(caseId: string, caseNo = `HJ01-20260302-${caseId}`): Command[] {
  const c = { caseId };
  return [
    { type: 'accept', ...c, caseNo, intake: intakeOf() },
    {
      type: 'accept',
      ...c,
      caseNo,
      intake: intakeOf({ applicant: { kind: 'person', name: '王某', idNumber: id } }),
    },
    {
      type: 'acceptWithDeficiencies',
      ...c,
      caseNo,
      intake: intakeOf({ materials: ticked('GCGH-JZ', intakeOf().answers, ['areaTable']) }),
      deficiencies: [{ materialId: 'areaTable', name: '建筑面积计算表' }],
      dueOn: '2026-03-20',
      commitment: '按期补交',
    },
    {
      type: 'requestSupplement',
      ...c,
      caseNo,
      intake: intakeOf(),
      missing: [{ materialId: 'topoMap', name: '地形图' }],
    },
    {
      type: 'refuse',
      ...c,
      caseNo,
      intake: intakeOf(),
      ground: 'outsideRemit',
      detail: '不属本机关',
      rightAgency: '市住建局',
    },
    { type: 'supplementReceived', ...c, items: ['topoMap'] },
    { type: 'supplementReceived', ...c, items: ['areaTable'] },
    { type: 'review', ...c, opinion: '符合' },
    { type: 'verify', ...c, opinion: '同意' },
    { type: 'approve', ...c, opinion: '同意' },
    { type: 'approve', ...c, opinion: ' ' },
    { type: 'returnToPrevious', ...c, reason: '补充' },
    { type: 'suspend', ...c, kind: 'hearing', reason: '听证' },
    { type: 'resume', ...c },
    { type: 'extend', ...c, reason: '复杂' },
    { type: 'deny', ...c, reason: '不符合规划' },
    { type: 'withdraw', ...c, reason: '申请人撤回' },
    { type: 'certificateIssued', ...c, number: `建字第${caseId}01号`, external: false, seq: 1 },
    { type: 'certificateIssued', ...c, number: `EXT-${caseId}`, external: true },
    {
      type: 'delivered',
      ...c,
      delivery: { method: 'pickup', recipientName: '张', recipientIdNumber: id, proxy: false },
    },
    {
      type: 'delivered',
      ...c,
      delivery: { method: 'post', carrier: 'EMS', trackingNo: 'E1', address: '郑州' },
    },
    { type: 'certificateVoided', ...c, reason: '错印' },
    { type: 'certificateReissued', ...c, number: `建字第${caseId}02号`, external: false, seq: 2 },
    {
      type: 'ratingRecorded',
      ...c,
      ratingId: `r1-${caseId}`,
      channel: 'device',
      overall: 5,
      place,
    },
    {
      type: 'ratingRecorded',
      ...c,
      ratingId: `r2-${caseId}`,
      channel: 'device',
      overall: 1,
      place,
      reasons: ['slow'],
    },
    // A clerk's counter rating: refused whoever sends it (only the device rates).
    { type: 'ratingRecorded', ...c, ratingId: `r3-${caseId}`, channel: 'counter', overall: 5 },
    { type: 'appealRating', ...c, ratingId: `r2-${caseId}`, reason: '申请人误触评价' },
    {
      type: 'decideRatingAppeal',
      ...c,
      ratingId: `r2-${caseId}`,
      outcome: 'upheld',
      reason: '查看录像属实',
    },
  ] as Command[];
}

const HAPPY = ['accept', 'review', 'verify', 'approve', 'certificateIssued', 'delivered'];
const TERMINAL = ['deny', 'withdraw', 'refuse'];

/**
 * One step of a random sequence over `pool`: a command, a role that may send it, a day offset
 * (0 to `maxDays`). The happy path is drawn `happy` times as often as terminal commands (others
 * 10 times), so sequences reach issue, delivery and voiding and cases do not end at once.
 */
export function commandStep(
  pool: Command[],
  o: { happy: number; maxDays: number },
): fc.Arbitrary<{ command: Command; role: (typeof ACTOR_ROLES)[number]; dayOffset: number }> {
  const drawn = (keep: (t: string) => boolean, weight: number) => ({
    weight,
    arbitrary: fc.constantFrom(...pool.filter((c) => keep(c.type))),
  });
  return fc
    .oneof(
      drawn((t) => TERMINAL.includes(t), 1),
      drawn((t) => HAPPY.includes(t), o.happy),
      drawn((t) => !TERMINAL.includes(t) && !HAPPY.includes(t), 10),
    )
    .chain((command) =>
      fc.record({
        command: fc.constant(command),
        role: fc.constantFrom(...ACTOR_ROLES.filter((r) => can(r, command.type))),
        dayOffset: fc.integer({ min: 0, max: o.maxDays }),
      }),
    );
}
