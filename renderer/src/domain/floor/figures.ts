// The floor's figures for a month (issue 18 item 5), pure: waiting and serving time per business
// type, window and clerk, tickets per hour of the hall day, no-shows. Definitions:
// - issued: tickets issued in the month (by their hall day);
// - served: finished (done); no-shows: skipped after the set number of calls;
// - waiting (minutes): first call − issue, averaged over the tickets called at least once;
// - serving (minutes): finish − serve, averaged over the served tickets;
// - per window / clerk: the window and clerk of the ticket's last call (who served or skipped it);
//   tickets never called belong to no window or clerk;
// - per hour: tickets issued in each hour of the hall clock (Asia/Shanghai);
// - ratings (满意度): the device ratings of the month's tickets — of a ticket's case (the rating's
//   place names the ticket) and of a ticket served without a case — grouped as their ticket is;
//   bad = the lower two levels; a rating whose appeal was upheld is left out.
import { CHINA_TZ_OFFSET_MINUTES } from '../dates';
import { ratingCounts, type CaseRating } from '../rating';
import type { TicketRating } from '../ticketRating';
import { servingSeconds, waitingSeconds } from './rules';
import type { Ticket } from './types';

export interface QueueFigures {
  key: string;
  issued: number;
  called: number;
  served: number;
  noShows: number;
  /** Mean minutes from issue to first call, one decimal; null when none was called. */
  averageWaitingMinutes: number | null;
  /** Mean minutes from serve to finish, one decimal; null when none was served. */
  averageServingMinutes: number | null;
  /** Device ratings of these tickets (case or ticket ratings), and the bad ones among them. */
  ratings: number;
  badRatings: number;
  /** badRatings / ratings; null when none was rated. */
  badRatingRate: number | null;
}

/** A rating as the floor's figures count it: the ticket it was about, and whether it was bad. */
export interface FloorRating {
  ticketId: string;
  bad: boolean;
}

/**
 * The ratings that belong to tickets: a case's device ratings whose place names a ticket, and the
 * ratings of tickets served without a case — those whose appeal was upheld left out.
 */
export function ticketLinkedRatings(
  caseRatings: Iterable<readonly CaseRating[]>,
  ticketRatings: readonly TicketRating[],
): FloorRating[] {
  const out: FloorRating[] = [];
  for (const list of caseRatings)
    for (const r of list)
      if (r.place?.ticketId && ratingCounts(r))
        out.push({ ticketId: r.place.ticketId, bad: r.bad });
  for (const r of ticketRatings)
    if (ratingCounts(r)) out.push({ ticketId: r.ticket.ticketId, bad: r.bad });
  return out;
}

export interface FloorMonthFigures {
  total: QueueFigures;
  byBusiness: QueueFigures[];
  byWindow: QueueFigures[];
  byClerk: QueueFigures[];
  /** Tickets issued per hour of the hall day, only the hours that had any, in order. */
  perHour: { hour: number; issued: number }[];
}

const minutes = (sum: number, n: number) => (n === 0 ? null : Math.round(sum / n / 6) / 10);

type Rated = ReadonlyMap<string, { n: number; bad: number }>;

function figuresOf(key: string, tickets: readonly Ticket[], rated: Rated): QueueFigures {
  let ratings = 0;
  let badRatings = 0;
  for (const t of tickets) {
    const r = rated.get(t.id);
    ratings += r?.n ?? 0;
    badRatings += r?.bad ?? 0;
  }
  let waitSum = 0;
  let waitN = 0;
  let serveSum = 0;
  let serveN = 0;
  for (const t of tickets) {
    const w = waitingSeconds(t);
    if (w !== null) {
      waitSum += w;
      waitN += 1;
    }
    const s = servingSeconds(t);
    if (s !== null) {
      serveSum += s;
      serveN += 1;
    }
  }
  return {
    key,
    issued: tickets.length,
    called: waitN,
    served: tickets.filter((t) => t.status === 'done').length,
    noShows: tickets.filter((t) => t.status === 'noShow').length,
    averageWaitingMinutes: minutes(waitSum, waitN),
    averageServingMinutes: minutes(serveSum, serveN),
    ratings,
    badRatings,
    badRatingRate: ratings > 0 ? badRatings / ratings : null,
  };
}

function grouped(
  tickets: readonly Ticket[],
  keyOf: (t: Ticket) => string | null,
  rated: Rated,
): QueueFigures[] {
  const groups = new Map<string, Ticket[]>();
  for (const t of tickets) {
    const k = keyOf(t);
    if (k === null) continue;
    groups.set(k, [...(groups.get(k) ?? []), t]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, ts]) => figuresOf(k, ts, rated));
}

/** The hour of the hall clock (0–23) of an instant. */
export const hallHour = (iso: string): number =>
  new Date(Date.parse(iso) + CHINA_TZ_OFFSET_MINUTES * 60_000).getUTCHours();

/**
 * The figures of the tickets of one month ('YYYY-MM'); tickets of other months are left out, and
 * so are the ratings of tickets not in the month.
 */
export function floorFigures(
  all: readonly Ticket[],
  month: string,
  ratings: readonly FloorRating[] = [],
): FloorMonthFigures {
  const tickets = all.filter((t) => t.day.startsWith(`${month}-`));
  const rated = new Map<string, { n: number; bad: number }>();
  for (const r of ratings) {
    const was = rated.get(r.ticketId) ?? { n: 0, bad: 0 };
    rated.set(r.ticketId, { n: was.n + 1, bad: was.bad + (r.bad ? 1 : 0) });
  }
  const last = (t: Ticket) => t.calls.at(-1);
  const hours = new Map<number, number>();
  for (const t of tickets)
    hours.set(hallHour(t.issuedAt), (hours.get(hallHour(t.issuedAt)) ?? 0) + 1);
  return {
    total: figuresOf('', tickets, rated),
    byBusiness: grouped(tickets, (t) => t.business, rated),
    byWindow: grouped(tickets, (t) => last(t)?.window ?? null, rated),
    byClerk: grouped(tickets, (t) => last(t)?.clerkId ?? null, rated),
    perHour: [...hours.entries()]
      .sort(([a], [b]) => a - b)
      .map(([hour, issued]) => ({ hour, issued })),
  };
}
