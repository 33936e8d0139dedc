// What the kiosk and the hall display show, from one FloorSnapshot: pure functions, tested in
// tests/unit/renderer/floor/screenModel.test.ts. No personal data exists on the floor to show.
import {
  BUSINESS_TYPES,
  type BusinessType,
  type FloorSnapshot,
  type FloorWindow,
  type Ticket,
} from '../../domain/floor/types';
import { followUrl } from '../../domain/floor/follow';
import { inBusinessQueue } from '../../domain/floor/rules';
import { hallDateTime } from '../../domain/dates';
import type { QueueTicketData } from '../../print/types';

/** One call of one ticket to one window, as the display lists it. */
export interface CallShown {
  /** ticket id + call time: a recall of the same ticket is a new call. */
  key: string;
  ticketId: string;
  number: string;
  business: BusinessType;
  green: boolean;
  window: string;
  at: string;
}

/** The business a ticket waits in now (a transfer moves it). */
export const waitingBusiness = (t: Ticket): BusinessType => t.transferredTo?.business ?? t.business;

/**
 * Tickets waiting per business (every business listed, 0 where none waits): those in the
 * business's queue (rules.ts inBusinessQueue) — as the printed ticket counts the people ahead, so
 * the kiosk's button and the paper agree. A ticket transferred to one named window is not counted.
 */
export function waitingByBusiness(tickets: readonly Ticket[]): Record<BusinessType, number> {
  const counts = Object.fromEntries(BUSINESS_TYPES.map((b) => [b, 0])) as Record<
    BusinessType,
    number
  >;
  for (const t of tickets) if (inBusinessQueue(t)) counts[waitingBusiness(t)] += 1;
  return counts;
}

/** Every call of the day, newest first (ties by ticket number, for a stable screen). */
export function allCalls(tickets: readonly Ticket[]): CallShown[] {
  const calls = tickets.flatMap((t) =>
    t.calls.map((c) => ({
      key: `${t.id}@${c.at}`,
      ticketId: t.id,
      number: t.number,
      business: t.business,
      green: t.green,
      window: c.window,
      at: c.at,
    })),
  );
  return calls.sort((a, b) => b.at.localeCompare(a.at) || a.number.localeCompare(b.number));
}

/**
 * The numbers being called now: per window, its latest call, while that ticket is still called
 * or at the counter (a finished, skipped or transferred ticket leaves the big panel). Newest first.
 */
export function callingNow(tickets: readonly Ticket[], max = 4): CallShown[] {
  const byId = new Map(tickets.map((t) => [t.id, t]));
  const seen = new Set<string>();
  const out: CallShown[] = [];
  for (const call of allCalls(tickets)) {
    if (seen.has(call.window)) continue;
    seen.add(call.window);
    const t = byId.get(call.ticketId);
    if (!t || (t.status !== 'called' && t.status !== 'serving') || t.window !== call.window)
      continue;
    out.push(call);
    if (out.length === max) break;
  }
  return out;
}

/** The last calls (a recall shows again), newest first. */
export const recentCalls = (tickets: readonly Ticket[], max = 8): CallShown[] =>
  allCalls(tickets).slice(0, max);

/**
 * Calls not seen before, oldest first (the order to announce them). The first snapshot a screen
 * sees only marks its calls seen: a display switched on mid-morning does not read out the day.
 */
export function newCalls(
  seen: ReadonlySet<string> | null,
  snapshot: FloorSnapshot,
): { fresh: CallShown[]; seen: Set<string> } {
  const calls = allCalls(snapshot.tickets);
  const next = new Set(calls.map((c) => c.key));
  if (seen === null) return { fresh: [], seen: next };
  return { fresh: calls.filter((c) => !seen.has(c.key)).reverse(), seen: next };
}

/** How a window is named: its number where the settings have one, else its station code. */
export type WindowName = { kind: 'number'; number: number } | { kind: 'code'; code: string };

export function windowName(windows: readonly FloorWindow[], id: string): WindowName {
  const w = windows.find((x) => x.id === id);
  return w ? { kind: 'number', number: w.number } : { kind: 'code', code: id };
}

/**
 * The follow-the-queue payload of the ticket's QR code (docs/floor.md), the ticket id only —
 * never personal data: the hall's public page `<publicUrl>/q/<id>` where the hall tells one
 * (serve --public-url); else the office's progress-query website with `?ticket=<id>` where one
 * is set (设置 › 办公信息); else null — no QR code and no caption are printed.
 */
export function ticketQrPayload(
  ticketId: string,
  where: { publicUrl?: string | undefined; website: string },
): string | null {
  const page = where.publicUrl ? followUrl(where.publicUrl, ticketId) : null;
  if (page) return page;
  const site = where.website.trim();
  if (/^https?:\/\/\S+$/i.test(site)) {
    const sep = site.includes('?') ? '&' : '?';
    return `${site}${sep}ticket=${encodeURIComponent(ticketId)}`;
  }
  return null;
}

/** A ticket as the kiosk's store answered it: the ticket and the people ahead of it. */
export interface IssuedTicket {
  ticket: Ticket;
  waitingAhead: number;
}

/** The ticket's paper; `publicUrl` is the hall's public address where the hall tells one. */
export function ticketData(
  issued: IssuedTicket,
  office: { name: string; website: string },
  publicUrl?: string,
): QueueTicketData {
  return {
    officeName: office.name,
    number: issued.ticket.number,
    business: issued.ticket.business,
    green: issued.ticket.green,
    waitingAhead: issued.waitingAhead,
    issuedAt: hallDateTime(issued.ticket.issuedAt),
    qrPayload: ticketQrPayload(issued.ticket.id, { publicUrl, website: office.website }),
  };
}
