// admits() against decide(): over the states random command sequences reach, decide makes an
// event only where admits accepts it — and admits accepts an event (made on some other state)
// only where decide, given the same command on this state, would make one too. So admits holds
// exactly the preconditions decide checks on the state, and a fold can trust it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  admits,
  can,
  decide,
  evolve,
  ACTOR_ROLES,
  type Actor,
  type CaseEvent,
  type CaseState,
  type Command,
} from '../../../../renderer/src/domain';
import { fuzzOptions } from '../../security/fuzzConfig';
import { casePool, commandStep } from './commandPool';

const pool = casePool('c1');
const actorOf = (role: Actor['role']): Actor => ({ id: `u-${role}`, name: role, role });
const nowOf = (day: number) => `2026-03-${String(day).padStart(2, '0')}T02:00:00Z`;

// The happy path more often, so sequences reach issue, delivery and voiding; terminal rarely.
const step = commandStep(pool, { happy: 12, maxDays: 1 });

/** The states a sequence passes through (null first), each with the day it was reached on. */
function statesOf(steps: { command: Command; role: Actor['role']; dayOffset: number }[]) {
  const states: { state: CaseState | null; day: number }[] = [{ state: null, day: 2 }];
  let state: CaseState | null = null;
  let day = 2;
  for (const s of steps) {
    day = Math.min(day + s.dayOffset, 28);
    const d = decide(state, s.command, actorOf(s.role), nowOf(day));
    if (!d.ok) continue;
    for (const e of d.events) state = evolve(state, e);
    states.push({ state, day });
  }
  return states;
}

describe('admits against decide', () => {
  it('decide makes an event only where admits accepts it, for every command and reached state', () => {
    const seen = { decided: 0, statuses: new Set<string>() };
    fc.assert(
      fc.property(fc.array(step, { minLength: 20, maxLength: 120, size: 'max' }), (steps) => {
        for (const { state, day } of statesOf(steps)) {
          if (state) seen.statuses.add(state.status);
          for (const command of pool) {
            for (const role of ACTOR_ROLES.filter((r) => can(r, command.type))) {
              const d = decide(state, command, actorOf(role), nowOf(day));
              if (!d.ok) continue;
              seen.decided += 1;
              let s = state;
              for (const e of d.events as CaseEvent[]) {
                expect(admits(s, e), `${e.type} on ${s?.status ?? 'no case'}`).toBe(true);
                s = evolve(s, e);
              }
            }
          }
        }
      }),
      fuzzOptions(80),
    );
    expect(seen.decided).toBeGreaterThan(1000);
    expect([...seen.statuses]).toEqual(
      expect.arrayContaining(['review', 'approval', 'issued', 'delivered', 'certificateVoided']),
    );
  });

  it('admits accepts an event on a state only where decide would make it there', () => {
    let compared = 0;
    let refusedBoth = 0;
    fc.assert(
      fc.property(
        fc.array(step, { minLength: 10, maxLength: 60 }),
        fc.array(step, { minLength: 10, maxLength: 60 }),
        (a, b) => {
          // Events decided along one sequence, tried on every state of another.
          const made: { e: CaseEvent; command: Command; actor: Actor; now: string }[] = [];
          for (const { state, day } of statesOf(a)) {
            for (const command of pool) {
              const role = ACTOR_ROLES.find((r) => can(r, command.type))!;
              const d = decide(state, command, actorOf(role), nowOf(day));
              if (d.ok && d.events.length === 1)
                made.push({
                  e: d.events[0] as CaseEvent,
                  command,
                  actor: actorOf(role),
                  now: nowOf(day),
                });
            }
          }
          for (const { state } of statesOf(b)) {
            for (const m of made) {
              const ok = decide(state, m.command, m.actor, m.now).ok;
              const admitted = admits(state, m.e);
              compared += 1;
              if (!admitted && !ok) refusedBoth += 1;
              if (admitted) expect(ok, `${m.e.type} on ${state?.status ?? 'no case'}`).toBe(true);
            }
          }
        },
      ),
      fuzzOptions(25),
    );
    expect(compared).toBeGreaterThan(1000);
    expect(refusedBoth).toBeGreaterThan(100);
  });
});
