// Following the queue from a phone (扫码查看排队进度, docs/floor.md): the hall server's public page
// `GET /q/<ticket id>` behind the ticket's QR code. Pure parts shared by the server (the page,
// the --public-url check) and the kiosk (the QR payload): what the page says of a ticket, the
// public address a phone can reach, and the shape of a ticket id. No personal data exists on a
// ticket; the page shows its number, business, status and the people ahead — nothing of a case.
import { findWindow, peopleAhead } from './rules';
import type { BusinessType, FloorSettings, Ticket } from './types';

/** The path of the page under the hall's public address. */
export const FOLLOW_PATH = '/q/';

/** Seconds between the page's own refreshes. */
export const FOLLOW_REFRESH_SECONDS = 15;

/**
 * A hall ticket id as the server makes it (server/db/floor.ts: `tk-` + a random UUID, 122 random
 * bits — unguessable, so the id itself is the page's key). Anything else is not looked up.
 */
export const FOLLOW_TICKET_ID = /^tk-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export type PublicUrlProblem = 'empty' | 'scheme' | 'query' | 'credentials' | 'malformed';

/**
 * The hall's public base address as the administrator typed it (`serve --public-url`): http or
 * https, a host, an optional path, no query, no fragment, no user or password. Answered without
 * a trailing slash, so `<url>/q/<id>` is the page.
 */
export function checkPublicUrl(
  text: string,
): { ok: true; url: string } | { ok: false; problem: PublicUrlProblem } {
  const s = text.trim();
  if (!s) return { ok: false, problem: 'empty' };
  if (!/^https?:\/\//i.test(s)) return { ok: false, problem: 'scheme' };
  if (/[\s<>"'`\\]/.test(s)) return { ok: false, problem: 'malformed' };
  if (s.includes('?') || s.includes('#')) return { ok: false, problem: 'query' };
  let u: URL;
  try {
    u = new URL(s);
  } catch {
    return { ok: false, problem: 'malformed' };
  }
  if (u.username || u.password) return { ok: false, problem: 'credentials' };
  if (!u.hostname) return { ok: false, problem: 'malformed' };
  return { ok: true, url: `${u.protocol}//${u.host}${u.pathname.replace(/\/+$/, '')}` };
}

/** The page of one ticket under a public address (checked; null when the address is not one). */
export function followUrl(publicUrl: string, ticketId: string): string | null {
  const base = checkPublicUrl(publicUrl);
  if (!base.ok) return null;
  return `${base.url}${FOLLOW_PATH}${encodeURIComponent(ticketId)}`;
}

/** How the page names a window: its number where the floor settings have one, else its code. */
export type FollowWindow = { number: number } | { code: string };

export type FollowStatus =
  | { kind: 'waiting'; ahead: number }
  | { kind: 'transferredBusiness'; business: BusinessType; ahead: number }
  | { kind: 'transferredWindow'; window: FollowWindow; ahead: number }
  | { kind: 'called'; window: FollowWindow }
  | { kind: 'serving'; window: FollowWindow }
  | { kind: 'done' }
  | { kind: 'noShow' }
  | { kind: 'cancelled' };

const windowOf = (settings: FloorSettings, id: string): FollowWindow => {
  const w = findWindow(settings, id);
  return w ? { number: w.number } : { code: id };
};

/** What the page says of a ticket, from the day's tickets and the floor settings. */
export function followStatus(
  t: Ticket,
  tickets: readonly Ticket[],
  settings: FloorSettings,
): FollowStatus {
  switch (t.status) {
    case 'waiting': {
      const ahead = peopleAhead(t, tickets, settings) ?? 0;
      const to = t.transferredTo;
      if (to?.window)
        return { kind: 'transferredWindow', window: windowOf(settings, to.window), ahead };
      if (to?.business && to.business !== t.business) {
        return { kind: 'transferredBusiness', business: to.business, ahead };
      }
      return { kind: 'waiting', ahead };
    }
    case 'called':
      return { kind: 'called', window: windowOf(settings, t.window ?? '') };
    case 'serving':
      return { kind: 'serving', window: windowOf(settings, t.window ?? '') };
    case 'done':
      return { kind: 'done' };
    case 'noShow':
      return { kind: 'noShow' };
    default:
      return { kind: 'cancelled' };
  }
}

/** A status the ticket never leaves: the page stops refreshing itself. */
export const isFinal = (s: FollowStatus): boolean =>
  s.kind === 'done' || s.kind === 'noShow' || s.kind === 'cancelled';
