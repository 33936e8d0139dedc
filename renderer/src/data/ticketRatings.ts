// Ratings of queue tickets served without a case (issue 18 item 4; domain/ticketRating.ts says
// the rules). Where they live: an entry of the `ledger` read table of kind 'ticketRating', id
// `ticketRating-<ratingId>` (the rating request's id), folded from its own events on stream
// `ledger:ticketRating-<ratingId>` — `ledger.ticket_rating_recorded`, `…_appealed`,
// `…_appeal_decided`. So it travels through the hall with the other ledger streams, is folded
// again by the pull and by the rebuild, and is backed up with the ledger; nothing is deleted.
// A bad one opens the same follow-up as a case's (`followUpOpened`, with the ticket instead of a
// case), in the same transaction. The rating is written only with the device as its actor (the
// local device's tap, or the asking counter's pickup of the hall's record); the appeal and its
// decision by the stored user's role.
import { toLocalDate, type Actor, type AppealOutcome } from '../domain';
import { monthRange } from '../domain/stats';
import {
  decideTicketRating,
  evolveTicketRating,
  ticketRatingId,
  type TicketRating,
  type TicketRatingCommand,
  type TicketRatingEvent,
} from '../domain/ticketRating';
import type { Refusal } from '../domain/refusals';
import type { LedgerRow, OneWindowDb } from './db';
import { openFollowUp } from './followUps';
import { append } from './log';
import { getStation } from './station';

export const TICKET_RATING_KIND = 'ticketRating';

/** What the ledger row's data holds: the rating as folded, and how many events made it. */
export interface TicketRatingEntry {
  version: number;
  rating: TicketRating;
}

/** The read row of a ticket's rating (the writer below and the fold of the log both use it). */
export const ticketRatingRowOf = (id: string, entry: TicketRatingEntry): LedgerRow => ({
  id,
  kind: TICKET_RATING_KIND,
  status: entry.rating.appeal?.decision?.outcome ?? (entry.rating.appeal ? 'appealed' : 'rated'),
  dueDate: entry.rating.on,
  data: entry,
});

/** The rating after an event, as the fold has it; null when the event does not fit. */
export function foldTicketRating(
  prev: TicketRatingEntry | null,
  e: TicketRatingEvent,
): TicketRatingEntry | null {
  const rating = evolveTicketRating(prev?.rating ?? null, e);
  return rating ? { version: (prev?.version ?? 0) + 1, rating } : null;
}

export type TicketRatingResult =
  | { ok: true; rating: TicketRating; followUpId?: string }
  | { ok: false; refusal: Refusal | { code: 'no_station' } | { code: 'no_user' } };

const TABLES = (db: OneWindowDb) => [db.events, db.meta, db.ledger, db.settings];

async function write(
  db: OneWindowDb,
  cmd: TicketRatingCommand,
  actor: Actor,
  now: Date,
): Promise<TicketRatingResult> {
  return db.transaction('rw', TABLES(db), async () => {
    const station = await getStation(db);
    if (!station) return { ok: false, refusal: { code: 'no_station' } };
    const id = ticketRatingId(cmd.ratingId);
    const row = await db.ledger.get(id);
    const prev = row?.kind === TICKET_RATING_KIND ? (row.data as TicketRatingEntry) : null;
    const decided = decideTicketRating(prev?.rating ?? null, cmd, actor, toLocalDate(now));
    if (!decided.ok) return decided;
    const next = foldTicketRating(prev, decided.event);
    if (!next) throw new Error(`decideTicketRating made ${decided.event.type}, not admitted`);
    await append(
      db,
      station,
      `ledger:${id}`,
      [
        {
          type: decided.event.type,
          payload: { ...decided.event, id, basedOn: prev?.version ?? 0 },
        },
      ],
      actor,
      now,
    );
    await db.ledger.put(ticketRatingRowOf(id, next));
    const r = next.rating;
    if (decided.event.type !== 'ledger.ticket_rating_recorded' || !r.bad)
      return { ok: true, rating: r };
    const followUpId = await openFollowUp(
      db,
      {
        caseNo: '',
        ratingId: r.ratingId,
        overall: r.overall,
        comment: '',
        applicantName: '',
        partyCode: '',
        ...(r.reasons && r.reasons.length > 0 ? { reasons: r.reasons } : {}),
        ...(r.place ? { window: r.place.window, clerkName: r.place.clerkName } : {}),
        ticketId: r.ticket.ticketId,
        ticketNumber: r.ticket.number,
        business: r.ticket.business,
      },
      actor,
      now,
    );
    return { ok: true, rating: r, followUpId };
  });
}

/**
 * Records the applicant's tap on a ticket served without a case. The actor must be the window's
 * rating device (data/ratingRequests.ts deviceActor): the domain refuses anyone else.
 */
export function recordTicketRating(
  db: OneWindowDb,
  cmd: Extract<TicketRatingCommand, { type: 'ratingRecorded' }>,
  options: { actor: Actor; now?: Date },
): Promise<TicketRatingResult> {
  return write(db, cmd, options.actor, options.now ?? new Date());
}

/** The appeal (section chief) and its decision (director), by the role of the stored user. */
export async function appealTicketRating(
  db: OneWindowDb,
  cmd:
    | { type: 'appealRating'; ratingId: string; reason: string }
    | { type: 'decideRatingAppeal'; ratingId: string; outcome: AppealOutcome; reason: string },
  userId: string,
  now: Date = new Date(),
): Promise<TicketRatingResult> {
  const user = await db.users.get(userId);
  if (!user || user.disabled === 1) return { ok: false, refusal: { code: 'no_user' } };
  const actor = { id: user.id, name: user.name, role: user.role } as Actor;
  return write(db, cmd, actor, now);
}

/** Every ticket rating given in the month ('YYYY-MM'), by the hall date it was given. */
export async function ticketRatingsOfMonth(
  db: OneWindowDb,
  month: string,
): Promise<TicketRating[]> {
  const { first, last } = monthRange(month);
  const rows = await db.ledger.where('kind').equals(TICKET_RATING_KIND).toArray();
  return rows
    .map((r) => (r.data as TicketRatingEntry).rating)
    .filter((r) => r.on >= first && r.on <= last);
}

/** The ticket ratings by rating id (the supervision ledger reads their appeals). */
export async function ticketRatingsById(
  db: OneWindowDb,
  ratingIds: readonly string[],
): Promise<Map<string, TicketRating>> {
  const rows = await db.ledger.bulkGet(ratingIds.map(ticketRatingId));
  const out = new Map<string, TicketRating>();
  for (const row of rows)
    if (row?.kind === TICKET_RATING_KIND) {
      const r = (row.data as TicketRatingEntry).rating;
      out.set(r.ratingId, r);
    }
  return out;
}

/** A ticket rating as 台账 › 取号评价 lists it: the rating, and when its record was written. */
export interface ListedTicketRating {
  rating: TicketRating;
  /**
   * The time (ISO, UTC) of its `ledger.ticket_rating_recorded` event: the device's tap on one PC,
   * the asking counter's pickup across the hall. null only if the event is not on this station.
   */
  recordedAt: string | null;
}

/** The month's ticket ratings, newest first (then by ticket number), for the list. */
export async function listTicketRatings(
  db: OneWindowDb,
  month: string,
): Promise<ListedTicketRating[]> {
  const ratings = await ticketRatingsOfMonth(db, month);
  const listed = await Promise.all(
    ratings.map(async (rating) => {
      const events = await db.events
        .where('streamId')
        .equals(`ledger:${ticketRatingId(rating.ratingId)}`)
        .toArray();
      const recorded = events.find((e) => e.type === 'ledger.ticket_rating_recorded');
      return { rating, recordedAt: recorded?.at ?? null };
    }),
  );
  const when = (x: ListedTicketRating) => x.recordedAt ?? `${x.rating.on}T00:00:00.000Z`;
  return listed.sort(
    (a, b) =>
      when(b).localeCompare(when(a)) ||
      a.rating.ticket.number.localeCompare(b.rating.ticket.number),
  );
}
