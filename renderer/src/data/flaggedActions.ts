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
import type { OneWindowDb } from './db';
import type { StoredEvent } from './eventTypes';
import { hallOrder } from './sync/order';

export interface FlaggedAction {
  eventId: string;
  streamId: string;
  type: string;
  stationId: string;
  /** The station clock of the action (shown, never used to order). */
  at: string;
  gseq: number | null;
  user: { id: string; name: string };
  disabling: { eventId: string; at: string; by: string; stationId: string };
}

export type FlaggedResult =
  { ok: true; actions: FlaggedAction[] } | { ok: false; code: 'forbidden' };

const CHUNK = 2000;
const TOGGLES = new Set(['user.disabled', 'user.enabled']);

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
    if (everDisabled.size === 0) return { ok: true, actions: [] };
    const acts: StoredEvent[] = [];
    for (let last = 0; ;) {
      const chunk = await db.events.where('pos').above(last).limit(CHUNK).toArray();
      for (const e of chunk)
        if (everDisabled.has(e.actor.id) && !e.type.startsWith('auth.') && !TOGGLES.has(e.type))
          acts.push(e);
      if (chunk.length < CHUNK) break;
      last = chunk[chunk.length - 1]!.pos!;
    }
    const disabledBy = new Map<string, StoredEvent>();
    const actions: FlaggedAction[] = [];
    for (const e of [...toggles, ...acts].sort(hallOrder)) {
      if (TOGGLES.has(e.type)) {
        const id = e.streamId.slice(5);
        if (e.type === 'user.disabled') disabledBy.set(id, e);
        else disabledBy.delete(id);
        continue;
      }
      const d = disabledBy.get(e.actor.id);
      if (!d) continue;
      actions.push({
        eventId: e.id,
        streamId: e.streamId,
        type: e.type,
        stationId: e.stationId,
        at: e.at,
        gseq: e.gseq ?? null,
        user: { id: e.actor.id, name: e.actor.name },
        disabling: { eventId: d.id, at: d.at, by: d.actor.name, stationId: d.stationId },
      });
    }
    return { ok: true, actions };
  });
}
