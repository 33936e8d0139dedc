// Where a queue ticket meets its case (issue 18): the clerk links the ticket at the counter to
// the case opened or created for it, and finishing the ticket records `ticketServed` on that
// case — waiting (first call − issue) and serving (finish − serve) belong to the case. A retried
// finish records nothing twice (the case refuses a ticket it already has).
import type { Actor, TicketServedFacts } from '../domain';
import { servingSeconds, waitingSeconds } from '../domain/floor/rules';
import type { FloorPort, FloorResult, Ticket } from '../domain/floor/types';
import type { OneWindowDb } from './db';
import { dispatch } from './dispatch';

/** The facts of a finished ticket for its case, or null while it is not done. */
export function servedFacts(t: Ticket): TicketServedFacts | null {
  const waiting = waitingSeconds(t);
  const serving = servingSeconds(t);
  const first = t.calls[0];
  if (waiting === null || serving === null || !first || !t.servingFrom || !t.finishedAt) {
    return null;
  }
  return {
    ticketId: t.id,
    number: t.number,
    business: t.business,
    green: t.green,
    window: t.window ?? first.window,
    clerkId: t.clerkId ?? first.clerkId,
    issuedAt: t.issuedAt,
    firstCalledAt: first.at,
    servingFrom: t.servingFrom,
    finishedAt: t.finishedAt,
    calls: t.calls.length,
    waitingSeconds: waiting,
    servingSeconds: serving,
  };
}

export type FinishOutcome =
  | { ticket: Ticket; recorded: 'recorded' | 'already' | 'noCase' }
  | { ticket: Ticket; recorded: 'refused'; code: string };

/** Finishes the ticket at this window and records its times on its case, if it has one. */
export async function finishTicket(
  db: OneWindowDb,
  port: FloorPort,
  req: { ticketId: string; window: string; actor: Actor },
  now?: Date,
): Promise<FloorResult<FinishOutcome>> {
  const done = await port.finish({
    ticketId: req.ticketId,
    window: req.window,
    clerkId: req.actor.id,
  });
  if (!done.ok) return done;
  const ticket = done.value;
  const facts = servedFacts(ticket);
  if (!ticket.caseId || !facts) return { ok: true, value: { ticket, recorded: 'noCase' } };
  const r = await dispatch(
    db,
    { type: 'ticketServed', caseId: ticket.caseId, ticket: facts },
    { actor: req.actor, ...(now ? { now } : {}) },
  );
  if (r.ok) return { ok: true, value: { ticket, recorded: 'recorded' } };
  const code = r.refusal.code;
  if (code === 'ticket_already_served') return { ok: true, value: { ticket, recorded: 'already' } };
  return { ok: true, value: { ticket, recorded: 'refused', code } };
}
