// A building-permit case driven through the pure domain (decide + evolve) to an issued, a voided
// and a reissued certificate — real states, no database.
import {
  decide,
  evolve,
  type Actor,
  type CaseState,
  type Command,
} from '../../../../renderer/src/domain';
import { NOW, acceptOf, actors } from '../domain/workflowFixtures';

export function run(steps: [Command, Actor][], start: CaseState | null = null): CaseState {
  let state = start;
  for (const [cmd, actor] of steps) {
    const d = decide(state, cmd, actor, NOW);
    if (!d.ok) throw new Error(`${cmd.type} refused: ${JSON.stringify(d.refusal)}`);
    for (const e of d.events) state = evolve(state, e);
  }
  return state as CaseState;
}

const c = { caseId: 'c1' };
export const FIRST = '建字第410108202600007号';
export const SECOND = '建字第410108202600008号';

export function issuedCase(number = FIRST): CaseState {
  return run([
    [acceptOf(), actors.clerk],
    [{ type: 'review', ...c, opinion: '符合规划条件' }, actors.reviewer],
    [{ type: 'verify', ...c, opinion: '同意' }, actors.chief],
    [{ type: 'approve', ...c, opinion: '同意核发' }, actors.director],
    [{ type: 'certificateIssued', ...c, number, external: false, seq: 7 }, actors.clerk],
  ]);
}

export const voidedCase = (): CaseState =>
  run([[{ type: 'certificateVoided', ...c, reason: '打印错误' }, actors.chief]], issuedCase());

export const reissuedCase = (): CaseState =>
  run(
    [
      [
        { type: 'certificateReissued', ...c, number: SECOND, external: false, seq: 8 },
        actors.clerk,
      ],
    ],
    voidedCase(),
  );
