// Loading what the monthly figures need: the case states that can touch the month, each with the
// clerk who took it in. The clerk is not part of the case state (the domain folds payloads, not
// envelopes), so it is read from the actor of the case's intake decision in the event log.
import type { CaseState } from '../domain';
import type { StatsCase } from '../domain/stats';
import { monthRange } from '../domain/stats';
import type { OneWindowDb } from './db';

const INTAKE_EVENTS = new Set(['caseAccepted', 'supplementRequested', 'caseRefused']);

/** Whether a case can add anything to the month (cheap test before reading its events). */
function touchesMonth(s: CaseState, first: string, last: string): boolean {
  if (s.ratings.some((r) => r.on >= first && r.on <= last)) return true;
  if (s.acceptedOn === null || s.acceptedOn > last) return false;
  const endedOn = s.decision?.on ?? s.withdrawal?.on ?? null;
  return endedOn === null || endedOn >= first || s.suspensions.some((p) => p.to === null);
}

export async function loadStatsCases(db: OneWindowDb, month: string): Promise<StatsCase[]> {
  const { first, last } = monthRange(month);
  const rows = await db.cases.where('receivedDate').belowOrEqual(last).toArray();
  const states = rows
    .map((r) => r.state as CaseState | null)
    .filter((s): s is CaseState => s !== null && touchesMonth(s, first, last));
  const clerks = new Map<string, { id: string; name: string }>();
  const streams = states.map((s) => `case:${s.caseId}`);
  // The last intake decision wins: a supplement taken by one clerk and accepted by another is
  // the accepting clerk's case.
  await db.events
    .where('streamId')
    .anyOf(streams)
    .each((e) => {
      if (!INTAKE_EVENTS.has(e.type)) return;
      const caseId = e.streamId.slice('case:'.length);
      const prev = clerks.get(caseId);
      if (!prev || e.type === 'caseAccepted')
        clerks.set(caseId, { id: e.actor.id, name: e.actor.name });
    });
  return states.map((state) => ({ state, clerk: clerks.get(state.caseId) ?? null }));
}
