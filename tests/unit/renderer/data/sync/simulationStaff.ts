// User changes in the hall simulation (issue 17 item 2): stations' administrators create users,
// change their roles, disable and enable them (while their hall answers; refused otherwise, as
// on a real station), and the stations let those users act as they know them — a station cut
// off from the hall may still let a user work whom another station has disabled. After the heal
// every station must list the same flagged actions, and the actions flagged for a disabling must
// be exactly those a walk of the hall's order finds: every action of a user after that user's
// disabling and before an enabling. The users themselves must be alike on every station.
import type { OneWindowDb } from '../../../../../renderer/src/data/db';
import type { EventActor } from '../../../../../renderer/src/data/eventTypes';
import { flaggedActions } from '../../../../../renderer/src/data/flaggedActions';
import { changeRole, createUser, setDisabled } from '../../../../../renderer/src/data/users';
import type { Role } from '../../../../../renderer/src/domain/roles';
import type { HallModel } from './hallModel';
import { NOW } from './fixtures';

const ROLES: readonly Role[] = ['clerk', 'reviewer', 'chief', 'director'];
const opts = { now: NOW, iterations: 1000 };
/** Sim users' usernames start so: told apart from each station's own set-up admin. */
const PREFIX = 'sim';

/** The station's own administrator (made at set-up; the only user then). */
export async function ownAdmin(db: OneWindowDb): Promise<EventActor> {
  const u = (await db.users.toArray())[0]!;
  return { id: u.id, name: u.name, role: u.role };
}

/**
 * One user change by the station's administrator. Returns whether it was made (an offline
 * station, a user it does not know yet, refuse it like the screens do).
 */
export async function randomUserChange(
  db: OneWindowDb,
  admin: EventActor,
  rand: () => number,
  serial: () => number,
): Promise<boolean> {
  const known = (await db.users.toArray()).filter((u) => u.username.startsWith(PREFIX));
  const pick = rand();
  try {
    if (known.length === 0 || pick < 0.3) {
      const n = serial();
      await createUser(
        db,
        admin,
        {
          username: `${PREFIX}${n}`,
          name: `模拟用户${n}`,
          password: 'Sim-pass-2026-ok',
          role: ROLES[Math.floor(rand() * ROLES.length)]!,
        },
        opts,
      );
      return true;
    }
    const u = known[Math.floor(rand() * known.length)]!;
    if (pick < 0.7) await setDisabled(db, admin, u.id, u.disabled === 0, opts);
    else await changeRole(db, admin, u.id, ROLES[Math.floor(rand() * ROLES.length)]!, opts);
    return true;
  } catch {
    return false;
  }
}

/** Before the storm, on a station the hall answers: one user of each role. */
export async function seedUsers(db: OneWindowDb, admin: EventActor, serial: () => number) {
  for (const role of ROLES) {
    const n = serial();
    await createUser(
      db,
      admin,
      { username: `${PREFIX}${n}`, name: `模拟用户${n}`, password: 'Sim-pass-2026-ok', role },
      opts,
    );
  }
}

/** A user this station knows, enabled as far as it knows, in the role a command needs. */
export async function actingUser(db: OneWindowDb, role: string): Promise<EventActor | null> {
  const u = (await db.users.where('role').equals(role).toArray()).find(
    (x) => x.username.startsWith(PREFIX) && x.disabled === 0,
  );
  return u ? { id: u.id, name: u.name, role: u.role } : null;
}

/** The checks after the heal; returns how many actions were flagged for a disabling. */
export async function checkStaff(
  stations: { code: string; db: OneWindowDb; admin: EventActor }[],
  hall: HallModel,
  fail: (m: string) => void,
): Promise<number> {
  // The hall order walked on its own: who is disabled at each point, and what they did then.
  const disabled = new Set<string>();
  const expected: string[] = [];
  for (const { event: e } of hall.events) {
    if (e.type === 'user.disabled') disabled.add(e.streamId.slice(5));
    else if (e.type === 'user.enabled') disabled.delete(e.streamId.slice(5));
    else if (e.type === 'user.created' || e.type === 'user.role_changed') continue;
    else if (!e.type.startsWith('auth.') && disabled.has(e.actor.id)) expected.push(e.id);
  }
  let first: string | null = null;
  for (const s of stations) {
    const r = await flaggedActions(s.db, s.admin);
    if (!r.ok) {
      fail(`${s.code}: its administrator may not list flagged actions`);
      continue;
    }
    const listed = r.actions.map((f) => `${f.reason}:${f.eventId}`).join(' ');
    if (first === null) first = listed;
    else if (listed !== first) fail(`${s.code} flags other actions than ${stations[0]!.code}`);
    const flagged = r.actions.filter((f) => f.reason === 'disabled').map((f) => f.eventId);
    const missed = expected.filter((id) => !flagged.includes(id));
    const extra = flagged.filter((id) => !expected.includes(id));
    if (missed.length > 0) fail(`${s.code}: actions after a disabling not flagged: ${missed}`);
    if (extra.length > 0) fail(`${s.code}: flagged without a disabling before them: ${extra}`);
  }
  const usersOf = async (db: OneWindowDb) =>
    JSON.stringify(
      (await db.users.orderBy('id').toArray())
        .filter((u) => u.username.startsWith(PREFIX))
        .map((u) => [u.id, u.username, u.role, u.disabled]),
    );
  const users = await usersOf(stations[0]!.db);
  for (const s of stations.slice(1))
    if ((await usersOf(s.db)) !== users)
      fail(`${s.code}'s users differ from ${stations[0]!.code}'s`);
  return expected.length;
}
