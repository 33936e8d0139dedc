// The pull's apply step for the hall's staff and settings (issue 17 item 2). Users are the hall's:
// the `user:<id>` streams an answer touched are folded again from their events in the hall order,
// with the password hashes kept beside the events (data/credentials.ts), and written to the users
// table — the lockout counters stay this station's own (kept from the stored row). Settings are
// the hall's too: when the `station` stream moved (every station writes its settings events
// there), the settings the log writes (the calendar, departments, ranking rules, idle lock) are
// folded again from every station's settings events in the hall order; a calendar that changed
// re-projects the stored due dates. The station row itself (meta `station`: code, office,
// contact) is never touched by another station's events: nothing here writes meta's station.
//
// A username held here by another user (two stations that created the same name before they
// joined a hall: issue 17 item 4's join check settles it) is not written over: the arriving user
// is left out and listed under `hall:userClashes` in meta, with both ids. The users screen shows
// the list to the administrator, who renames one of the two hall-wide (data/userClashes.ts); a
// listed user whose name is free again is written at the next apply and leaves the list.
import { canonicalJson } from '../../domain/audit';
import { credentialHashes } from '../credentials';
import type { OneWindowDb, UserRow } from '../db';
import { foldLog } from '../fold';
import { CALENDAR_KEY, calendarFromStored, reprojectStoredDueDates } from '../holidayCalendar';
import { FOLDED_SETTINGS } from '../rebuild';
import { hallOrder } from './order';

export const USER_CLASHES_KEY = 'hall:userClashes';

export interface UserClash {
  username: string;
  /** The user this station holds under the name. */
  heldId: string;
  /** The user from the hall that was left out. */
  arrivingId: string;
}

/** The tables the staff apply writes (besides events and meta). */
export const staffTables = (db: OneWindowDb) => [db.users, db.settings, db.cases, db.ledger];

/** The hall users this station left out (meta `hall:userClashes`), oldest first. */
export async function readUserClashes(db: OneWindowDb): Promise<UserClash[]> {
  return ((await db.meta.get(USER_CLASHES_KEY))?.value as UserClash[] | undefined) ?? [];
}

/**
 * Refolds the given user streams into the users table. Inside the pull's transaction. The users
 * listed as left out are folded again with them: one whose name is free now (it was renamed, or
 * the holder was renamed away or closed) is written and leaves the list.
 */
export async function applyUsers(db: OneWindowDb, streamIds: readonly string[]): Promise<void> {
  if (streamIds.length === 0) return;
  const before = await readUserClashes(db);
  const streams = [...new Set([...streamIds, ...before.map((c) => `user:${c.arrivingId}`)])];
  const lists = await Promise.all(
    streams.map((s) => db.events.where('streamId').equals(s).toArray()),
  );
  const events = lists.flat().sort(hallOrder);
  const ids = streams.map((s) => s.replace(/^user:/, ''));
  const [stored, credentials] = await Promise.all([
    db.users.bulkGet(ids),
    credentialHashes(db, events),
  ]);
  const users = new Map(stored.flatMap((u) => (u ? [[u.id, u] as [string, UserRow]] : [])));
  const fold = foldLog(events, { kept: { users, credentials } });
  // In the hall order of each user's creation (the fold lists its rows by id).
  const createdAt = new Map(
    events.flatMap((e, i) => (e.type === 'user.created' ? [[String(e.payload['id']), i]] : [])),
  );
  const rows = fold.tables.users
    .map((r) => r.row as UserRow)
    .sort((x, y) => (createdAt.get(x.id) ?? 0) - (createdAt.get(y.id) ?? 0));
  const nameOf = new Map(rows.map((r) => [r.id, r.username]));
  const holders = await db.users
    .where('username')
    .anyOf(rows.map((r) => r.username))
    .toArray();
  // A holder keeps its name (the station's own keeps signing in) unless its new row moves it away.
  const holderOf = new Map(
    holders
      .filter((u) => (nameOf.get(u.id) ?? u.username) === u.username)
      .map((u) => [u.username, u.id]),
  );
  const clashes: UserClash[] = [];
  // Of two arriving users with one name (two
  // stations set up with the same administrator's name, neither held here), the first is kept
  // and the second listed, as on every station — one bulkPut of both failed on the unique index.
  const puts = rows.filter((r) => {
    const held = holderOf.get(r.username);
    if (held === undefined) holderOf.set(r.username, r.id);
    else if (held !== r.id) {
      clashes.push({ username: r.username, heldId: held, arrivingId: r.id });
      return false;
    }
    return true;
  });
  // A stored user left out under its new name keeps its stored row, and with it the old name:
  // a row that would take that name is left out too (else the bulkPut fails for ever).
  for (let more = true; more;) {
    more = false;
    const stale = new Map(
      rows.flatMap((r) =>
        !puts.includes(r) && users.has(r.id) ? [[users.get(r.id)!.username, r.id]] : [],
      ),
    );
    for (const r of [...puts]) {
      const held = stale.get(r.username);
      if (held === undefined || held === r.id) continue;
      puts.splice(puts.indexOf(r), 1);
      clashes.push({ username: r.username, heldId: held, arrivingId: r.id });
      more = true;
    }
  }
  // A user renamed away from a name frees it only once its row is written (the puts of one
  // request go in one by one): the renamed ones first, then the ones that keep or take a name.
  const renamed = puts.filter((r) => users.has(r.id) && users.get(r.id)!.username !== r.username);
  await db.users.bulkPut(renamed);
  await db.users.bulkPut(puts.filter((r) => !renamed.includes(r)));
  // Every listed user was folded again: the list is what this fold left out, the old entries
  // first in their order.
  const now = new Map(clashes.map((c) => [c.arrivingId, c]));
  const next = [
    ...before.flatMap((c) => (now.has(c.arrivingId) ? [now.get(c.arrivingId)!] : [])),
    ...clashes.filter((c) => !before.some((b) => b.arrivingId === c.arrivingId)),
  ];
  if (canonicalJson(next) === canonicalJson(before)) return;
  if (next.length === 0) await db.meta.delete(USER_CLASHES_KEY);
  else await db.meta.put({ key: USER_CLASHES_KEY, value: next });
}

/** Refolds the settings from every station's settings events. Inside the pull's transaction. */
export async function applySettings(db: OneWindowDb): Promise<void> {
  const events = (await db.events.where('streamId').equals('station').toArray()).sort(hallOrder);
  const folded = foldLog(events).tables.settings.filter((r) => FOLDED_SETTINGS.includes(r.key));
  if (folded.length === 0) return;
  const stored = await db.settings.bulkGet(folded.map((r) => r.key));
  const changed = folded.filter(
    (r, i) => canonicalJson(stored[i] ?? null) !== canonicalJson(r.row),
  );
  if (changed.length === 0) return;
  await db.settings.bulkPut(changed.map((r) => r.row as { key: string; value: unknown }));
  const calendar = changed.find((r) => r.key === CALENDAR_KEY);
  if (calendar)
    await reprojectStoredDueDates(
      db,
      calendarFromStored((calendar.row as { value: unknown }).value).calendar,
    );
}
