// Writing one of a station's own settings (ranking rules, departments, the working-day calendar):
// kept in the Dexie `settings` table, so backed up and restored with the station; changed only by
// a role allowed to — checked here against the stored user, not only by hiding the button — and
// every change recorded in the event log, in the same transaction as the write.
import type { Table } from 'dexie';
import type { OneWindowDb } from './db';
import type { EventActor } from './eventTypes';
import { append, type NewEvent } from './log';
import { getStation, type Station } from './station';

export type StationSettingRefusal = { ok: false; code: 'forbidden_role' | 'no_station' };

/** What to store under the key and the event that records it. */
export interface SettingChange {
  value: unknown;
  event: NewEvent;
}

export interface StationSettingWrite<Invalid> {
  key: string;
  /** Roles that may write it. */
  roles: readonly string[];
  /** Tables the change touches besides users, settings, events and meta. */
  tables?: Table[];
  /**
   * The change, decided in the transaction after the role check — so on what is stored now — or
   * why it is refused.
   */
  decide: () => Promise<SettingChange | Invalid>;
  /** Further writes of the same change, in the same transaction, after the event. */
  after?: (station: Station, actor: EventActor) => Promise<void>;
}

const isChange = (x: unknown): x is SettingChange =>
  typeof x === 'object' && x !== null && 'event' in x && 'value' in x;

export async function saveStationSetting<Invalid>(
  db: OneWindowDb,
  actor: EventActor,
  write: StationSettingWrite<Invalid>,
  now: Date,
): Promise<{ ok: true } | StationSettingRefusal | Invalid> {
  const tables = [db.users, db.settings, db.events, db.meta, ...(write.tables ?? [])];
  return db.transaction('rw', tables, async () => {
    // The role as stored now, not as the screen remembers it.
    const user = await db.users.get(actor.id);
    if (!user || user.disabled === 1 || !write.roles.includes(user.role))
      return { ok: false, code: 'forbidden_role' } as const;
    const decided = await write.decide();
    if (!isChange(decided)) return decided;
    const station = await getStation(db);
    if (!station) return { ok: false, code: 'no_station' } as const;
    const by = { id: user.id, name: user.name, role: user.role };
    await db.settings.put({ key: write.key, value: decided.value });
    await append(db, station, 'station', [decided.event], by, now);
    if (write.after) await write.after(station, by);
    return { ok: true } as const;
  });
}
