// How many minutes without input lock the screen: a station's security setting, kept with its
// data (backed up and restored with it), set only by an administrator — checked here against the
// stored user, not only by hiding the field — and every change recorded in the event log.
import type { OneWindowDb } from './db';
import type { EventActor } from './eventTypes';
import { saveStationSetting } from './stationSettings';

export const IDLE_LOCK_KEY = 'security.idleLockMinutes';

/** Until an administrator sets it: five minutes, what the desktop settings used as default. */
export const DEFAULT_IDLE_LOCK_MINUTES = 5;
export const IDLE_LOCK_MIN = 1;
export const IDLE_LOCK_MAX = 120;

/** Who sets it. */
export const IDLE_LOCK_SETTERS: readonly string[] = ['admin'];

export const validIdleLockMinutes = (n: unknown): n is number =>
  typeof n === 'number' && Number.isInteger(n) && n >= IDLE_LOCK_MIN && n <= IDLE_LOCK_MAX;

/**
 * The station's minutes; until an administrator sets them (or if the row is damaged), the
 * fallback — this machine's earlier setting, else five minutes.
 */
export async function loadIdleLockMinutes(
  db: OneWindowDb,
  fallback = DEFAULT_IDLE_LOCK_MINUTES,
): Promise<number> {
  const value = (await db.settings.get(IDLE_LOCK_KEY))?.value;
  return validIdleLockMinutes(value) ? value : fallback;
}

export type SaveIdleLockResult =
  { ok: true } | { ok: false; code: 'forbidden_role' | 'no_station' | 'invalid' };

export async function saveIdleLockMinutes(
  db: OneWindowDb,
  actor: EventActor,
  minutes: number,
  now = new Date(),
): Promise<SaveIdleLockResult> {
  if (!validIdleLockMinutes(minutes)) return { ok: false, code: 'invalid' };
  return saveStationSetting<never>(
    db,
    actor,
    {
      key: IDLE_LOCK_KEY,
      roles: IDLE_LOCK_SETTERS,
      decide: async () => ({
        value: minutes,
        event: { type: 'settings.idle_lock_changed', payload: { minutes } },
      }),
    },
    now,
  );
}
