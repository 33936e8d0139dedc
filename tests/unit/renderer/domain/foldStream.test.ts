// The fold of a case's stream as the log holds it: events decided on the version they meet
// apply; events decided on an older version apply (merged) when the state still admits them, and
// are parked — kept, listed in state.parked, without effect — when it does not; events of a type
// this version does not know, or in an envelope newer than it reads, are kept and skipped.
import { describe, expect, it } from 'vitest';
import {
  decide,
  foldStream,
  type Actor,
  type CaseEvent,
  type CaseState,
  type Command,
  type StreamEvent,
} from '../../../../renderer/src/domain';
import { acceptOf, actors, placeHJ02 } from './workflowFixtures';

const MAX = { maxSchema: 2 };
let seq = 0;

/** The event `command` makes on `state`, as a station would append it: basedOn = its version. */
function made(
  state: CaseState | null,
  command: Command,
  actor: Actor,
  at = '2026-03-03T02:00:00Z',
) {
  const d = decide(state, command, actor, at);
  if (!d.ok) throw new Error(`${command.type} refused: ${d.refusal.code}`);
  const e = { ...(d.events[0] as CaseEvent), basedOn: state?.version ?? 0 };
  seq += 1;
  return { id: `HJ01-${seq}`, schema: 2, type: e.type, payload: e } satisfies StreamEvent;
}

const fold = (events: StreamEvent[]) => foldStream(events, MAX);
const stateOf = (events: StreamEvent[]) => fold(events).state as CaseState;

// A case at 审核 (verify): accepted, reviewed. Version 2.
const accepted = made(null, acceptOf(), actors.clerk);
const reviewed = made(
  stateOf([accepted]),
  { type: 'review', caseId: 'c1', opinion: '符合' },
  actors.reviewer,
);
const atVerify = stateOf([accepted, reviewed]);

describe('foldStream', () => {
  it('applies events decided on the version they meet, in order', () => {
    const r = fold([accepted, reviewed]);
    expect(r.outcomes).toEqual([
      { eventId: accepted.id, outcome: 'applied' },
      { eventId: reviewed.id, outcome: 'applied' },
    ]);
    expect(r.state?.status).toBe('verify');
    expect(r.state?.version).toBe(2);
    expect(r.state?.parked).toBeUndefined();
  });

  it('merges a stale event the state still admits (a rating given at another station)', () => {
    // Both decided on version 2: the chief verified here, the rating device rated there.
    const verified = made(
      atVerify,
      { type: 'verify', caseId: 'c1', opinion: '同意' },
      actors.chief,
    );
    const rated = made(
      atVerify,
      {
        type: 'ratingRecorded',
        caseId: 'c1',
        ratingId: 'r1',
        channel: 'device',
        overall: 4,
        place: placeHJ02,
      },
      actors.device,
    );
    const r = fold([accepted, reviewed, verified, rated]);
    expect(r.outcomes.slice(2)).toEqual([
      { eventId: verified.id, outcome: 'applied' },
      { eventId: rated.id, outcome: 'merged' },
    ]);
    expect(r.state?.status).toBe('approval');
    expect(r.state?.ratings.map((x) => x.ratingId)).toEqual(['r1']);
    expect(r.state?.version).toBe(4);
  });

  it('parks a stale event the state no longer admits, and lists it in state.parked', () => {
    // Decided on version 2 at two stations: verified here, sent back to 审查 there.
    const verified = made(
      atVerify,
      { type: 'verify', caseId: 'c1', opinion: '同意' },
      actors.chief,
    );
    const returned = made(
      atVerify,
      { type: 'returnToPrevious', caseId: 'c1', reason: '补充说明' },
      actors.chief,
    );
    const r = fold([accepted, reviewed, verified, returned]);
    expect(r.outcomes[3]).toEqual({
      eventId: returned.id,
      outcome: 'parked',
      reason: 'not_admitted',
    });
    expect(r.state?.status).toBe('approval');
    expect(r.state?.version).toBe(3);
    expect(r.state?.returns).toEqual([]);
    expect(r.state?.parked).toEqual([
      {
        eventId: returned.id,
        type: 'caseReturned',
        basedOn: 2,
        version: 3,
        reason: 'not_admitted',
      },
    ]);
    // The next event decided on what this station sees (version 3) still applies.
    const approved = made(
      r.state,
      { type: 'approve', caseId: 'c1', opinion: '同意' },
      actors.director,
    );
    const after = fold([accepted, reviewed, verified, returned, approved]);
    expect(after.outcomes[4]).toEqual({ eventId: approved.id, outcome: 'applied' });
    expect(after.state?.status).toBe('approved');
    expect(after.state?.parked).toHaveLength(1);
  });

  it('keeps and skips an event of a type it does not know, never wiping the case', () => {
    const unknown = {
      id: 'HJ09-1',
      schema: 2,
      type: 'caseTeleported',
      payload: { caseId: 'c1', on: '2026-03-03', basedOn: 2 },
    };
    const r = fold([accepted, reviewed, unknown]);
    expect(r.outcomes[2]).toEqual({
      eventId: 'HJ09-1',
      outcome: 'skipped',
      reason: 'unknown_type',
    });
    expect(r.state).toEqual(atVerify);
    // Nor does one start a case.
    expect(fold([unknown])).toEqual({
      state: null,
      outcomes: [{ eventId: 'HJ09-1', outcome: 'skipped', reason: 'unknown_type' }],
    });
  });

  it('keeps and skips an event in a newer envelope, even of a type it knows', () => {
    const verified = made(
      atVerify,
      { type: 'verify', caseId: 'c1', opinion: '同意' },
      actors.chief,
    );
    const newer = { ...verified, schema: 3 };
    const r = fold([accepted, reviewed, newer]);
    expect(r.outcomes[2]).toEqual({
      eventId: newer.id,
      outcome: 'skipped',
      reason: 'newer_schema',
    });
    expect(r.state).toEqual(atVerify);
  });

  it('applies events written before basedOn was recorded as evolve always did', () => {
    const legacy = [accepted, reviewed].map((e) => {
      const { basedOn: _b, ...payload } = e.payload;
      return { id: e.id, type: e.type, payload };
    });
    const r = fold(legacy);
    expect(r.outcomes.map((o) => o.outcome)).toEqual(['applied', 'applied']);
    expect(r.state).toEqual(atVerify);
  });
});
