import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ALLOWED_TRANSITIONS,
  CASE_STATUSES,
  INITIAL_STATUSES,
  ACTOR_ROLES,
  can,
  decide,
  evolve,
  foldEvents,
  makeIdNumber,
  type CaseState,
  type Command,
  type DomainEvent,
} from '../../../../renderer/src/domain';
import { acceptOf, intakeOf, ticked } from './workflowFixtures';

const c = { caseId: 'c1' };
const caseNo = 'HJ01-20260302-0001';
const id = makeIdNumber('410108', '1980-01-01', 11);

// A pool covering every command type, valid and invalid variants, so random sequences explore
// both the paths the workflow allows and the ones it must refuse.
const commands: Command[] = [
  acceptOf(),
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
  { type: 'certificateIssued', ...c, number: '建字第410108202600001号', external: false, seq: 1 },
  { type: 'certificateIssued', ...c, number: 'x', external: true },
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
  { type: 'certificateReissued', ...c, number: '建字第410108202600002号', external: false, seq: 2 },
  { type: 'ratingRecorded', ...c, ratingId: 'r1', channel: 'online', overall: 5 },
  { type: 'ratingRecorded', ...c, ratingId: 'r2', channel: 'counter', overall: 1 },
  { type: 'counsellingSaved', counsellingId: 'k1', matterCodes: ['GCGH-JZ'], answers: {} },
  { type: 'userCreated', userId: 'u9', username: 'w', name: '王', role: 'clerk' },
];

// Mostly a role that may issue the command (so sequences get deep into the workflow), sometimes
// any role (so forbidden_role keeps being exercised).
// Commands that end a case are drawn rarely, so most runs travel the whole workflow.
const TERMINAL: readonly string[] = ['deny', 'withdraw', 'refuse'];
const commandArb = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom(...commands.filter((x) => TERMINAL.includes(x.type))) },
  { weight: 12, arbitrary: fc.constantFrom(...commands.filter((x) => !TERMINAL.includes(x.type))) },
);

const step = commandArb.chain((command) =>
  fc.record({
    command: fc.constant(command),
    role: fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...ACTOR_ROLES.filter((r) => can(r, command.type))) },
      { weight: 1, arbitrary: fc.constantFrom(...ACTOR_ROLES) },
    ),
    dayOffset: fc.integer({ min: 0, max: 1 }),
  }),
);

describe('workflow properties', () => {
  it('no sequence of commands reaches a disallowed state, and no event is lost', () => {
    const reached = new Set<string>();
    const ends = ['delivered', 'issued', 'denied', 'withdrawn'];
    // 400 random runs reach 'delivered' about five times on average, so one batch now and then
    // reaches it none (CI saw it). Further batches run only while an end is still missing: the
    // check stays random and still fails if an end is unreachable, but not by bad luck.
    for (let batch = 0; batch < 5 && !ends.every((s) => reached.has(s)); batch++) {
      fc.assert(
        fc.property(fc.array(step, { minLength: 40, maxLength: 160, size: 'max' }), (steps) => {
          let state: CaseState | null = null;
          const log: DomainEvent[] = [];
          let day = 2;
          for (const { command, role, dayOffset } of steps) {
            day = Math.min(day + dayOffset, 31);
            const now = `2026-03-${String(day).padStart(2, '0')}T02:00:00Z`;
            const d = decide(state, command, { id: `u-${role}`, name: role, role }, now);
            if (!d.ok) {
              expect(typeof d.refusal.code).toBe('string');
              continue;
            }
            let next: CaseState | null = state;
            for (const e of d.events) next = evolve(next, e);
            const caseEvents = d.events.filter((e) => 'caseId' in e);
            log.push(...caseEvents);
            if (caseEvents.length === 0) {
              expect(next).toBe(state);
              continue;
            }
            const after = next as CaseState;
            expect(CASE_STATUSES).toContain(after.status);
            if (state === null) expect(INITIAL_STATUSES).toContain(after.status);
            else if (after.status !== state.status) {
              expect(ALLOWED_TRANSITIONS[state.status]).toContain(after.status);
            }
            // Invariants the screens rely on.
            expect(after.version).toBe(log.length);
            expect(after.suspendedFrom !== null).toBe(after.status === 'suspended');
            expect(after.suspensions.filter((s) => s.to === null).length).toBe(
              after.status === 'suspended' ? 1 : 0,
            );
            if (after.status === 'issued') expect(after.certificate).not.toBeNull();
            if (
              after.status === 'review' ||
              after.status === 'verify' ||
              after.status === 'approval'
            ) {
              expect(after.acceptedOn).not.toBeNull();
            }
            reached.add(after.status);
            state = after;
          }
          // Replaying the whole log gives the same state: nothing depends on how it was reached.
          expect(foldEvents(log)).toEqual(state);
        }),
        { numRuns: 400 },
      );
    }
    // The generator must actually reach the end of the workflow, or the property proves little.
    expect([...reached].sort()).toEqual(expect.arrayContaining(ends));
  });

  it('a refused command produces no events and leaves the state untouched', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 15 }), (steps) => {
        let state: CaseState | null = null;
        for (const { command, role } of steps) {
          const before = JSON.stringify(state);
          const d = decide(state, command, { id: 'u', name: 'n', role }, '2026-03-02T02:00:00Z');
          expect(JSON.stringify(state)).toBe(before);
          if (d.ok) for (const e of d.events) state = evolve(state, e);
          else expect('events' in d).toBe(false);
        }
      }),
      { numRuns: 200 },
    );
  });
});
