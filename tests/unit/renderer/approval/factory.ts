// Cases for the approval tests, driven through the real domain (decide + evolve) and projected
// to read rows the way the data layer does, so the inbox sees exactly what a station stores.
import {
  decide,
  evolve,
  type Actor,
  type CaseState,
  type Command,
  type IntakeDetails,
} from '../../../../renderer/src/domain';
import { projectCase } from '../../../../renderer/src/data/projection';
import type { CaseRow } from '../../../../renderer/src/data/db';
import { actors, intakeOf } from '../domain/workflowFixtures';

type Step = [command: Command, actor: Actor, at: string];

/** Runs commands in order, failing loudly on a refusal (a broken fixture, not a result). */
export function run(state: CaseState | null, steps: Step[]): CaseState {
  let s = state;
  for (const [cmd, actor, at] of steps) {
    const d = decide(s, cmd, actor, at);
    if (!d.ok) throw new Error(`${cmd.type} refused: ${d.refusal.code}`);
    for (const e of d.events) s = evolve(s, e);
  }
  if (!s) throw new Error('no state');
  return s;
}

let n = 0;
/** A case accepted at 10:00 Beijing time on `acceptedOn` (a local date). */
export function acceptedCase(
  acceptedOn = '2026-03-02',
  intake: Partial<IntakeDetails> = {},
): CaseState {
  n += 1;
  const caseId = `c${n}`;
  return run(null, [
    [
      {
        type: 'accept',
        caseId,
        caseNo: `HJ01-${acceptedOn.replaceAll('-', '')}-${String(n).padStart(4, '0')}`,
        intake: intakeOf(intake),
      },
      actors.clerk,
      `${acceptedOn}T02:00:00Z`,
    ],
  ]);
}

/** Moves a case on through the named steps, all on `at`. */
export function passed(state: CaseState, steps: ('review' | 'verify')[], at: string) {
  return run(
    state,
    steps.map((type) => [
      { type, caseId: state.caseId, opinion: '同意' },
      type === 'review' ? actors.reviewer : actors.chief,
      at,
    ]),
  );
}

export const rowOf = (state: CaseState): CaseRow => projectCase(state);

export { actors };
