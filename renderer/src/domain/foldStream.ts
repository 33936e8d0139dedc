// The fold of one case's stream as the log holds it: events in the order given (today the local
// log position; once stations share a hall, the hall's order), each told apart by what it was
// decided on. Pure: the same events in the same order give the same state and outcomes, on any
// day and any machine.
//
//   no basedOn (written before it was recorded) → applied, as evolve always did: those events were
//                                                  decided one after another on this station;
//   basedOn = version and admits                → applied;
//   basedOn ≠ version and admits                → merged: decided elsewhere or on an older
//                                                  version, and the state still allows it;
//                                                  listed in state.merged;
//   not admitted                                → parked: kept in the log, no effect on the
//                                                  state, listed in state.parked;
//   a type this version does not know           → skipped (unknown_type), never wiping a state;
//   an envelope newer than this version reads   → skipped (newer_schema), whatever its type.
import { admits } from './admits';
import type { CaseState, MergedEvent, ParkedEvent } from './caseState';
import { isCaseEventType, type CaseEvent } from './events';
import { evolve } from './evolve';

/** An event as the fold needs it: its id and envelope version, its type and payload. */
export interface StreamEvent {
  id: string;
  /** Envelope version; absent = 1. */
  schema?: number;
  type: string;
  payload: unknown;
}

export type FoldOutcome =
  | { eventId: string; outcome: 'applied' | 'merged' }
  | { eventId: string; outcome: 'parked'; reason: ParkedEvent['reason'] }
  | { eventId: string; outcome: 'skipped'; reason: 'unknown_type' | 'newer_schema' };

export interface StreamFold {
  state: CaseState | null;
  outcomes: FoldOutcome[];
}

export interface FoldOptions {
  /** The newest envelope version this app reads (the data layer's EVENT_SCHEMA). */
  maxSchema: number;
}

/** One step of the fold: the state after `event`, and what became of the event. */
export function stepStream(
  state: CaseState | null,
  event: StreamEvent,
  options: FoldOptions,
): { state: CaseState | null; outcome: FoldOutcome } {
  const eventId = event.id;
  if ((event.schema ?? 1) > options.maxSchema)
    return { state, outcome: { eventId, outcome: 'skipped', reason: 'newer_schema' } };
  if (!isCaseEventType(event.type))
    return { state, outcome: { eventId, outcome: 'skipped', reason: 'unknown_type' } };
  const e = { ...(event.payload as object), type: event.type } as CaseEvent;
  const version = state?.version ?? 0;
  if (e.basedOn === undefined)
    return { state: evolve(state, e), outcome: { eventId, outcome: 'applied' } };
  if (admits(state, e)) {
    if (e.basedOn === version)
      return { state: evolve(state, e), outcome: { eventId, outcome: 'applied' } };
    // Kept beside state.parked (for the conflict queue): a pure function of the stream, so every
    // station folds the same bytes.
    const next = evolve(state, e);
    const merged: MergedEvent = { eventId, type: e.type, basedOn: e.basedOn, version };
    return {
      state: next && { ...next, merged: [...(state?.merged ?? []), merged] },
      outcome: { eventId, outcome: 'merged' },
    };
  }
  const parked: ParkedEvent = {
    eventId,
    type: e.type,
    basedOn: e.basedOn,
    version,
    reason: 'not_admitted',
  };
  const outcome: FoldOutcome = { eventId, outcome: 'parked', reason: 'not_admitted' };
  // A case cannot be parked into existence: an event that does not start one finds no state.
  if (!state) return { state, outcome };
  return { state: { ...state, parked: [...(state.parked ?? []), parked] }, outcome };
}

/** The state of a case after its stream, with what became of each event, in order. */
export function foldStream(events: readonly StreamEvent[], options: FoldOptions): StreamFold {
  let state: CaseState | null = null;
  const outcomes: FoldOutcome[] = [];
  for (const event of events) {
    const step = stepStream(state, event, options);
    state = step.state;
    outcomes.push(step.outcome);
  }
  return { state, outcomes };
}
