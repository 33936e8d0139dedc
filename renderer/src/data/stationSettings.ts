// Writing one of a station's own settings (ranking rules, departments …): kept in the Dexie
// `settings` table, so backed up and restored with the station; changed only by a role allowed
// to — checked here against the stored user, not only by hiding the button — and every change
// recorded in the event log, in the same transaction as the write.
import type { OneWindowDb } from './db';
import type { EventActor } from './eventTypes';
import { appendEvents } from './log';
import { getStation } from './station';

export type StationSettingRefusal = { ok: false; code: 'forbidden_role' | 'no_station' };

export interface StationSettingWrite<Invalid> {
  key: string;
  value: unknown;
  /** Roles that may write it. */
  roles: readonly string[];
  /** The event recorded with the write. */
  event: { type: string; payload: Record<string, unknown> };
  /** Checks that need what is stored now; run after the role check, in the transaction. */
  check?: () => Promise<Invalid | null>;
}

export async function saveStationSetting<Invalid>(
  db: OneWindowDb,
  actor: EventActor,
  write: StationSettingWrite<Invalid>,
  now: Date,
): Promise<{ ok: true } | StationSettingRefusal | Invalid> {
  return db.transaction('rw', [db.users, db.settings, db.events, db.meta], async () => {
    // The role as stored now, not as the screen remembers it.
    const user = await db.users.get(actor.id);
    if (!user || user.disabled === 1 || !write.roles.includes(user.role))
      return { ok: false, code: 'forbidden_role' } as const;
    const invalid = write.check ? await write.check() : null;
    if (invalid) return invalid;
    const station = await getStation(db);
    if (!station) return { ok: false, code: 'no_station' } as const;
    await db.settings.put({ key: write.key, value: write.value });
    await appendEvents(
      db,
      station,
      'station',
      [write.event],
      { id: user.id, name: user.name, role: user.role },
      now,
    );
    return { ok: true } as const;
  });
}
