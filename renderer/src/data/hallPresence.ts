// Whether this station may change the hall's users now (issue 17 item 2). Users, roles and
// password hashes are the hall's: on a station that has joined a hall, an administrator creates
// or changes a user only while the hall answers — so the change reaches the hall (and with it
// every station) at once, and two stations cut off from each other never hand out the same
// username or contradicting roles. A station that never joined a hall works as it always did.
//
// Joined: `hall:joined` in meta, written when the enrolment succeeds (hallEnrolment.ts) and at the
// sync engine's first session (a station enrolled before this was recorded). Answering: the sync
// engine's last exchange with the hall (a session, a push or a pull that the hall answered) is at
// most HALL_ONLINE_MS old — kept in memory, per database, since it means nothing after a restart.
import { AuthError } from './authErrors';
import type { OneWindowDb } from './db';

export const JOINED_KEY = 'hall:joined';
/** How old the last answer of the hall may be (the pull long-polls 25 s at a time). */
export const HALL_ONLINE_MS = 90_000;

const lastContact = new WeakMap<OneWindowDb, number>();

/** The sync engine heard from the hall at `at`. */
export function noteHallContact(db: OneWindowDb, at: Date): void {
  lastContact.set(db, at.getTime());
}

/** The sync engine could not reach the hall. */
export function noteHallLost(db: OneWindowDb): void {
  lastContact.delete(db);
}

/** Records that this station has joined a hall (idempotent; its own small write). */
export async function markHallJoined(db: OneWindowDb, at: Date): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    if (!(await db.meta.get(JOINED_KEY)))
      await db.meta.put({ key: JOINED_KEY, value: { at: at.toISOString() } });
  });
}

export type HallPresence = 'alone' | 'online' | 'offline';

export async function hallPresence(db: OneWindowDb, now: Date): Promise<HallPresence> {
  if (!(await db.meta.get(JOINED_KEY))) return 'alone';
  const at = lastContact.get(db);
  return at !== undefined && now.getTime() - at <= HALL_ONLINE_MS ? 'online' : 'offline';
}

/** Refuses user administration on a station of a hall that does not answer now. */
export async function requireHallOnline(db: OneWindowDb, now: Date): Promise<void> {
  if ((await hallPresence(db, now)) === 'offline') throw new AuthError('hall_offline');
}
