// The order rules of the hall floor (docs/floor.md), pure: both floor stores (local Dexie,
// hall PostgreSQL) apply these inside their one transaction, so the two can never disagree on
// which ticket a window gets. Each rule takes the ticket(s) as read and returns the ticket as it
// must be written, or a refusal with a code and an English message (the screen words the code).
import { toLocalDate } from '../dates';
import {
  BUSINESS_LETTER,
  isBusinessType,
  type BusinessType,
  type FloorFailure,
  type FloorResult,
  type FloorSettings,
  type FloorWindow,
  type Ticket,
} from './types';

export const DEFAULT_MAX_CALLS = 3;
export const DEFAULT_FLOOR_SETTINGS: FloorSettings = { maxCalls: DEFAULT_MAX_CALLS, windows: [] };

/** Why a rule refused: the screen words the reason, the message is for maintainers. */
export type FloorRefusal =
  | 'unknown_window'
  | 'window_busy' // the window still has a called or serving ticket
  | 'not_at_window' // the ticket is not called to / served at this window
  | 'wrong_status'
  | 'too_few_calls' // skip before maxCalls calls
  | 'bad_transfer'
  | 'numbers_used_up' // 999 tickets of one letter in one day
  | 'bad_settings';

export type RuleFailure = FloorFailure & { reason?: FloorRefusal };
export type RuleResult<T> = { ok: true; value: T } | RuleFailure;

const refuse = (
  reason: FloorRefusal,
  message: string,
  code: FloorFailure['code'] = 'refused',
): RuleFailure => ({ ok: false, code, message, reason });

const ok = <T>(value: T): RuleResult<T> => ({ ok: true, value });

/** The hall day of an instant (Asia/Shanghai, whatever zone the PC is set to). */
export const floorDay = (at: Date | string): string => toLocalDate(at);

// ---- numbering -------------------------------------------------------------------------------

/** The three digits of a ticket number ('A023' → 23), or null if it is not one. */
export function ticketSeq(number: string): number | null {
  const m = /^[A-Z](\d{3})$/.exec(number);
  return m ? Number(m[1]) : null;
}

/**
 * The next number of a business's letter on a hall day: letter + three digits, from 001, one
 * past the highest of that letter among the day's tickets. Refused past 999.
 */
export function nextTicketNumber(
  business: BusinessType,
  day: string,
  tickets: readonly Pick<Ticket, 'number' | 'day'>[],
): RuleResult<string> {
  const letter = BUSINESS_LETTER[business];
  let high = 0;
  for (const t of tickets) {
    if (t.day !== day || t.number[0] !== letter) continue;
    high = Math.max(high, ticketSeq(t.number) ?? 0);
  }
  if (high >= 999) return refuse('numbers_used_up', `letter ${letter}: 999 tickets today`);
  return ok(`${letter}${String(high + 1).padStart(3, '0')}`);
}

export interface IssueInput {
  id: string;
  business: BusinessType;
  green: boolean;
  now: Date;
  kiosk: string;
  rev: number;
}

/** A new waiting ticket, numbered after the day's tickets. */
export function issue(input: IssueInput, tickets: readonly Ticket[]): RuleResult<Ticket> {
  if (!isBusinessType(input.business)) {
    return refuse('bad_transfer', 'unknown business type', 'bad_request');
  }
  const day = floorDay(input.now);
  const number = nextTicketNumber(input.business, day, tickets);
  if (!number.ok) return number;
  return ok({
    id: input.id,
    number: number.value,
    business: input.business,
    green: input.green,
    day,
    issuedAt: input.now.toISOString(),
    issuedBy: input.kiosk,
    status: 'waiting',
    calls: [],
    rev: input.rev,
  });
}

// ---- the queue -------------------------------------------------------------------------------

/** The business a ticket waits in now: its transfer's, else its own. */
export const queueBusiness = (t: Ticket): BusinessType => t.transferredTo?.business ?? t.business;

/**
 * Whether a window may take a waiting ticket: one transferred to a named window only there;
 * else a window serving its business, or — for a green-channel ticket — a green-channel window
 * (绿色通道窗口), which takes green tickets of every business.
 */
export function servesTicket(window: FloorWindow, t: Ticket): boolean {
  if (t.status !== 'waiting') return false;
  if (t.transferredTo?.window) return t.transferredTo.window === window.id;
  return window.businesses.includes(queueBusiness(t)) || (t.green && window.green);
}

/** Queue order: green channel first, then issue time (a transfer keeps it), then number. */
export function compareQueue(a: Ticket, b: Ticket): number {
  if (a.green !== b.green) return a.green ? -1 : 1;
  if (a.issuedAt !== b.issuedAt) return a.issuedAt < b.issuedAt ? -1 : 1;
  return a.number < b.number ? -1 : a.number > b.number ? 1 : 0;
}

/** The tickets waiting for a window, in the order it will call them. */
export function queueFor(window: FloorWindow, tickets: readonly Ticket[]): Ticket[] {
  return tickets.filter((t) => servesTicket(window, t)).sort(compareQueue);
}

/** The ticket a window has now (called or at the counter), if any. */
export const currentAt = (windowId: string, tickets: readonly Ticket[]): Ticket | undefined =>
  tickets.find((t) => t.window === windowId && (t.status === 'called' || t.status === 'serving'));

export function findWindow(settings: FloorSettings, id: string): FloorWindow | undefined {
  return settings.windows.find((w) => w.id === id);
}

export interface Act {
  window: string;
  clerkId: string;
  now: Date;
  rev: number;
}

/**
 * The ticket a window calls next, already marked called: the first of its queue, or null when
 * none waits. Refused while the window still has a called or serving ticket.
 */
export function callNext(
  settings: FloorSettings,
  tickets: readonly Ticket[],
  act: Act,
): RuleResult<Ticket | null> {
  const window = findWindow(settings, act.window);
  if (!window) return refuse('unknown_window', `window ${act.window} is not set up`, 'not_found');
  const busy = currentAt(window.id, tickets);
  if (busy)
    return refuse('window_busy', `window ${window.id} still has ${busy.number}`, 'conflict');
  const next = queueFor(window, tickets)[0];
  if (!next) return ok(null);
  return ok({
    ...next,
    status: 'called',
    window: window.id,
    clerkId: act.clerkId,
    calls: [...next.calls, { at: act.now.toISOString(), window: window.id, clerkId: act.clerkId }],
    rev: act.rev,
  });
}

const atWindow = (t: Ticket, windowId: string, ...statuses: Ticket['status'][]) => {
  if (t.window !== windowId) {
    return refuse('not_at_window', `${t.number} is not at window ${windowId}`, 'conflict');
  }
  if (!statuses.includes(t.status)) {
    return refuse('wrong_status', `${t.number} is ${t.status}`, 'conflict');
  }
  return null;
};

/** Calls since the ticket last went back into the queue (a transfer starts the count again). */
export const callsSinceTransfer = (t: Ticket): number =>
  t.transferredTo ? t.calls.filter((c) => c.at >= t.transferredTo!.at).length : t.calls.length;

/** Calls the called ticket once more. */
export function recall(t: Ticket, act: Act): RuleResult<Ticket> {
  const bad = atWindow(t, act.window, 'called');
  if (bad) return bad;
  const call = { at: act.now.toISOString(), window: act.window, clerkId: act.clerkId };
  return ok({ ...t, calls: [...t.calls, call], rev: act.rev });
}

/** Whether the window may skip the ticket as a no-show: called, maxCalls times at least. */
export const maySkip = (t: Ticket, settings: FloorSettings): boolean =>
  t.status === 'called' && callsSinceTransfer(t) >= settings.maxCalls;

export function skip(t: Ticket, settings: FloorSettings, act: Act): RuleResult<Ticket> {
  const bad = atWindow(t, act.window, 'called');
  if (bad) return bad;
  if (!maySkip(t, settings)) {
    return refuse(
      'too_few_calls',
      `${t.number} was called ${callsSinceTransfer(t)} of ${settings.maxCalls} times`,
    );
  }
  return ok({ ...t, status: 'noShow', finishedAt: act.now.toISOString(), rev: act.rev });
}

/**
 * Back into the queue for another business or one named window (exactly one of the two), keeping
 * its issue time. Only the window that has it may transfer it.
 */
export function transfer(
  t: Ticket,
  to: { business?: BusinessType; window?: string },
  settings: FloorSettings,
  act: Act,
): RuleResult<Ticket> {
  if (t.window !== act.window || (t.status !== 'called' && t.status !== 'serving')) {
    return refuse('not_at_window', `${t.number} is not at window ${act.window}`, 'conflict');
  }
  if ((to.business === undefined) === (to.window === undefined)) {
    return refuse('bad_transfer', 'transfer to a business or to a window', 'bad_request');
  }
  if (to.business !== undefined && !isBusinessType(to.business)) {
    return refuse('bad_transfer', 'unknown business type', 'bad_request');
  }
  if (to.window !== undefined) {
    if (!findWindow(settings, to.window)) {
      return refuse('unknown_window', `window ${to.window} is not set up`, 'not_found');
    }
    if (to.window === act.window) {
      return refuse('bad_transfer', 'a ticket cannot be transferred to its own window');
    }
  }
  const rest = { ...t };
  delete rest.window;
  delete rest.servingFrom;
  delete rest.clerkId;
  return ok({
    ...rest,
    status: 'waiting',
    transferredTo: { ...to, at: act.now.toISOString(), by: act.clerkId },
    rev: act.rev,
  });
}

/** The applicant is at the counter. Again for a ticket already served here: as it is. */
export function serve(t: Ticket, act: Act): RuleResult<Ticket> {
  if (t.status === 'serving' && t.window === act.window) return ok(t);
  const bad = atWindow(t, act.window, 'called');
  if (bad) return bad;
  return ok({
    ...t,
    status: 'serving',
    servingFrom: act.now.toISOString(),
    clerkId: act.clerkId,
    rev: act.rev,
  });
}

/** Links the case the clerk opened or created for the ticket at the counter. */
export function linkCase(t: Ticket, caseId: string, rev: number): RuleResult<Ticket> {
  if (t.status !== 'serving' && t.status !== 'done') {
    return refuse('wrong_status', `${t.number} is ${t.status}`, 'conflict');
  }
  if (t.caseId === caseId) return ok(t);
  return ok({ ...t, caseId, rev });
}

/** Served and done. Again for a ticket finished here: as it is (a retry records nothing new). */
export function finish(t: Ticket, act: Act): RuleResult<Ticket> {
  if (t.status === 'done' && t.window === act.window) return ok(t);
  const bad = atWindow(t, act.window, 'serving');
  if (bad) return bad;
  return ok({ ...t, status: 'done', finishedAt: act.now.toISOString(), rev: act.rev });
}

// ---- times -----------------------------------------------------------------------------------

const seconds = (from: string, to: string) =>
  Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 1000));

/** Waiting: first call − issue, in seconds; null before the first call. */
export const waitingSeconds = (t: Ticket): number | null =>
  t.calls[0] ? seconds(t.issuedAt, t.calls[0].at) : null;

/** Serving: finish − serve, in seconds; null until both are there. */
export const servingSeconds = (t: Ticket): number | null =>
  t.servingFrom && t.finishedAt && t.status === 'done'
    ? seconds(t.servingFrom, t.finishedAt)
    : null;

// ---- settings --------------------------------------------------------------------------------

/** Checks floor settings as the administrator saved them; the first problem found. */
export function checkSettings(s: FloorSettings): RuleResult<FloorSettings> {
  if (!Number.isInteger(s.maxCalls) || s.maxCalls < 1 || s.maxCalls > 9) {
    return refuse('bad_settings', 'maxCalls is 1 to 9', 'bad_request');
  }
  const ids = new Set<string>();
  const numbers = new Set<number>();
  for (const w of s.windows) {
    if (!/^[A-Z][A-Z0-9]{1,9}$/.test(w.id))
      return refuse('bad_settings', `window id ${w.id}`, 'bad_request');
    if (ids.has(w.id)) return refuse('bad_settings', `window ${w.id} twice`, 'bad_request');
    if (!Number.isInteger(w.number) || w.number < 1 || w.number > 99) {
      return refuse('bad_settings', `window ${w.id}: number 1 to 99`, 'bad_request');
    }
    if (numbers.has(w.number)) {
      return refuse('bad_settings', `window number ${w.number} twice`, 'bad_request');
    }
    if (w.businesses.length === 0 && !w.green) {
      return refuse('bad_settings', `window ${w.id} serves nothing`, 'bad_request');
    }
    if (!w.businesses.every(isBusinessType)) {
      return refuse('bad_settings', `window ${w.id}: unknown business`, 'bad_request');
    }
    ids.add(w.id);
    numbers.add(w.number);
  }
  return ok(s);
}

/** How many wait now for the businesses a window serves (its queue's length). */
export const waitingFor = (window: FloorWindow, tickets: readonly Ticket[]): number =>
  tickets.filter((t) => servesTicket(window, t)).length;

/**
 * How many wait ahead of a just-issued ticket in its business's queue (the kiosk prints it): the
 * waiting tickets of that business before it by compareQueue. A ticket transferred to one named
 * window is not in the business's queue — only that window calls it (servesTicket, queueFor) —
 * so it is not counted: no other window calls it, and the business's windows call the new ticket
 * as if it were not there.
 */
export function waitingAhead(t: Ticket, tickets: readonly Ticket[]): number {
  const b = queueBusiness(t);
  return tickets.filter(
    (o) => o.id !== t.id && inBusinessQueue(o) && queueBusiness(o) === b && compareQueue(o, t) < 0,
  ).length;
}

/**
 * Whether a ticket waits in its business's queue (queueBusiness) — not one transferred to a named
 * window, which waits for that window alone. The kiosk's count and its buttons' (and the
 * display's) waiting per business count these.
 */
export const inBusinessQueue = (t: Ticket): boolean =>
  t.status === 'waiting' && !t.transferredTo?.window;

export const isFailure = <T>(r: FloorResult<T> | RuleResult<T>): r is RuleFailure => !r.ok;

/**
 * How many will be called before a waiting ticket (the follow-the-queue page, docs/floor.md):
 * the kiosk's count (waitingAhead), so the phone counts down from the number on the paper — or,
 * for a ticket transferred to one window, that window's queue ahead of it (queueFor, the order
 * the window calls in). null when the ticket no longer waits.
 */
export function peopleAhead(
  t: Ticket,
  tickets: readonly Ticket[],
  settings: FloorSettings,
): number | null {
  if (t.status !== 'waiting') return null;
  const named = t.transferredTo?.window;
  const window = named ? findWindow(settings, named) : undefined;
  if (window) {
    const at = queueFor(window, tickets).findIndex((o) => o.id === t.id);
    if (at >= 0) return at;
  }
  return waitingAhead(t, tickets);
}
