// The floor's figures for a month (issue 18 item 5), pure: waiting and serving time per business
// type, window and clerk, tickets per hour of the hall day, no-shows. Definitions:
// - issued: tickets issued in the month (by their hall day);
// - served: finished (done); no-shows: skipped after the set number of calls;
// - waiting (minutes): first call − issue, averaged over the tickets called at least once;
// - serving (minutes): finish − serve, averaged over the served tickets;
// - per window / clerk: the window and clerk of the ticket's last call (who served or skipped it);
//   tickets never called belong to no window or clerk;
// - per hour: tickets issued in each hour of the hall clock (Asia/Shanghai).
import { CHINA_TZ_OFFSET_MINUTES } from '../dates';
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

function figuresOf(key: string, tickets: readonly Ticket[]): QueueFigures {
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
  };
}

function grouped(tickets: readonly Ticket[], keyOf: (t: Ticket) => string | null): QueueFigures[] {
  const groups = new Map<string, Ticket[]>();
  for (const t of tickets) {
    const k = keyOf(t);
    if (k === null) continue;
    groups.set(k, [...(groups.get(k) ?? []), t]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, ts]) => figuresOf(k, ts));
}

/** The hour of the hall clock (0–23) of an instant. */
export const hallHour = (iso: string): number =>
  new Date(Date.parse(iso) + CHINA_TZ_OFFSET_MINUTES * 60_000).getUTCHours();

/** The figures of the tickets of one month ('YYYY-MM'); tickets of other months are left out. */
export function floorFigures(all: readonly Ticket[], month: string): FloorMonthFigures {
  const tickets = all.filter((t) => t.day.startsWith(`${month}-`));
  const last = (t: Ticket) => t.calls.at(-1);
  const hours = new Map<number, number>();
  for (const t of tickets)
    hours.set(hallHour(t.issuedAt), (hours.get(hallHour(t.issuedAt)) ?? 0) + 1);
  return {
    total: figuresOf('', tickets),
    byBusiness: grouped(tickets, (t) => t.business),
    byWindow: grouped(tickets, (t) => last(t)?.window ?? null),
    byClerk: grouped(tickets, (t) => last(t)?.clerkId ?? null),
    perHour: [...hours.entries()]
      .sort(([a], [b]) => a - b)
      .map(([hour, issued]) => ({ hour, issued })),
  };
}
