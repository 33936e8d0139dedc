// What a disabled user did (issue 17 item 2). Disabling a user reaches every station at its next
// sync; a station that was offline meanwhile may still have let that user work (a session open
// before, a sign-in while it did not know yet). Those actions are kept — the log never drops an
// event — and flagged here for the administrator: every event by a user that comes after the
// user's disabling in the hall order (data/sync/order.ts: confirmed events by gseq, then this
// station's own pending ones), until the user is enabled again. Deterministic: every station
// that holds the same events lists the same actions. Sign-in attempts (auth.*) are not actions:
// the refused ones are the disabling working. Each entry carries both station clocks (the
// action's and the disabling's), so the administrator sees an action written before the
// disabling on a clock that was right but reached the hall after it.
//
// The same walk checks every case decision against the hall's users (issue 16 item 5: the fold
// never trusts a role a station claims): a case event whose actor is no user the hall knows at
// that point of the hall order (`unknown_user`), or who held another role then (`role_mismatch`:
// the station claimed 审查员 for a user the hall has as 窗口受理员), is flagged too. The event
// stays in the log and in the fold — a signed station wrote it — and the administrator checks it.
import type { OneWindowDb } from './db';
import type { StoredEvent } from './eventTypes';
import { hallOrder } from './sync/order';

export type FlagReason = 'disabled' | 'unknown_user' | 'role_mismatch';

export interface FlaggedAction {
  reason: FlagReason;
  eventId: string;
  streamId: string;
  type: string;
  stationId: string;
  /** The station clock of the action (shown, never used to order). */
  at: string;
  gseq: number | null;
  user: { id: string; name: string };
  /** `disabled`: the disabling the action came after. */
  disabling: { eventId: string; at: string; by: string; stationId: string } | null;
  /** `unknown_user` / `role_mismatch`: the role the event claims, and the one the hall held. */
  claimedRole: string;
  heldRole: string | null;
}

export type FlaggedResult =
  { ok: true; actions: FlaggedAction[] } | { ok: false; code: 'forbidden' };

const CHUNK = 2000;
const TOGGLES = new Set(['user.disabled', 'user.enabled']);
const ROLE_EVENTS = new Set(['user.created', 'user.role_changed']);
const isCaseEvent = (e: StoredEvent) => e.streamId.startsWith('case:');

/** The flagged actions, oldest first in the hall order. Only an administrator, as stored. */
export async function flaggedActions(
  db: OneWindowDb,
  actor: { id: string },
): Promise<FlaggedResult> {
  return db.transaction('r', [db.users, db.events], async (): Promise<FlaggedResult> => {
    const me = await db.users.get(actor.id);
    if (!me || me.disabled === 1 || me.role !== 'admin') return { ok: false, code: 'forbidden' };
    const users = await db.users.toArray();
    const streams = await Promise.all(
      users.map((u) => db.events.where('streamId').equals(`user:${u.id}`).toArray()),
    );
    const toggles = streams.flat().filter((e) => TOGGLES.has(e.type));
    const everDisabled = new Set(
      toggles.filter((e) => e.type === 'user.disabled').map((e) => e.streamId.slice(5)),
    );
    const acts: StoredEvent[] = [];
    const roleEvents: StoredEvent[] = [];
    for (let last = 0; ;) {
      const chunk = await db.events.where('pos').above(last).limit(CHUNK).toArray();
      for (const e of chunk) {
        if (ROLE_EVENTS.has(e.type)) roleEvents.push(e);
        else if (isCaseEvent(e)) acts.push(e);
        else if (
          everDisabled.has(e.actor.id) &&
          !e.type.startsWith('auth.') &&
          !TOGGLES.has(e.type)
        )
          acts.push(e);
      }
      if (chunk.length < CHUNK) break;
      last = chunk[chunk.length - 1]!.pos!;
    }
    const disabledBy = new Map<string, StoredEvent>();
    const actions: FlaggedAction[] = [];
    const roles = new Map<string, string>();
    const flag = (e: StoredEvent, reason: FlagReason, d: StoredEvent | null) =>
      actions.push({
        reason,
        eventId: e.id,
        streamId: e.streamId,
        type: e.type,
        stationId: e.stationId,
        at: e.at,
        gseq: e.gseq ?? null,
        user: { id: e.actor.id, name: e.actor.name },
        disabling: d && { eventId: d.id, at: d.at, by: d.actor.name, stationId: d.stationId },
        claimedRole: e.actor.role,
        heldRole: roles.get(e.actor.id) ?? null,
      });
    for (const e of [...toggles, ...roleEvents, ...acts].sort(hallOrder)) {
      const id = e.streamId.slice(5);
      if (e.type === 'user.created') {
        roles.set(String(e.payload['id'] ?? id), String(e.payload['role']));
        continue;
      }
      if (e.type === 'user.role_changed') {
        roles.set(id, String(e.payload['to']));
        continue;
      }
      if (TOGGLES.has(e.type)) {
        if (e.type === 'user.disabled') disabledBy.set(id, e);
        else disabledBy.delete(id);
        continue;
      }
      const d = disabledBy.get(e.actor.id);
      if (d) flag(e, 'disabled', d);
      else if (!isCaseEvent(e)) continue;
      else if (!roles.has(e.actor.id)) flag(e, 'unknown_user', null);
      else if (roles.get(e.actor.id) !== e.actor.role) flag(e, 'role_mismatch', null);
    }
    return { ok: true, actions };
  });
}
