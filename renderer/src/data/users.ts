// User administration: create, change role, disable/enable, reset password. Only an
// administrator may do any of it, and that is checked here, against the actor's role as stored
// (not the role a screen believes), so hiding a button is never the only guard.
// Every change is an event in the log (stream 'user:<id>'); no password or hash ever is: a new
// hash is kept beside its event (credentials.ts) and travels so beside it to the hall. Users are
// the hall's: on a station enrolled in a hall, only while the hall answers (hallPresence.ts).
import type { CommandType } from '../domain/commands';
import { can, isRole, type Role } from '../domain/roles';
import type { OneWindowDb, UserRow } from './db';
import { AuthError } from './authErrors';
import { hashPassword, isAcceptablePassword } from './authPassword';
import type { EventActor } from './eventTypes';
import type { EventType } from './eventRegistry';
import { recordCredential } from './credentials';
import { requireHallOnline } from './hallPresence';
import { append } from './log';
import {
  getStation,
  newUserId,
  newUserProblems,
  normaliseUsername,
  type NewUserInput,
  type Station,
} from './station';

/** A user as lists show it: never the hash. */
export interface UserSummary {
  id: string;
  username: string;
  name: string;
  role: Role;
  disabled: boolean;
  lockedUntil: string | null;
}

export const toSummary = (u: UserRow): UserSummary => ({
  id: u.id,
  username: u.username,
  name: u.name,
  role: u.role as Role,
  disabled: u.disabled === 1,
  lockedUntil: u.lockedUntil,
});

export interface UserCommandOptions {
  now?: Date;
  iterations?: number;
}

export async function listUsers(db: OneWindowDb): Promise<UserSummary[]> {
  const rows = await db.users.orderBy('username').toArray();
  return rows.map(toSummary);
}

/**
 * The actor as the database knows them, allowed to do `command` by the domain's permission
 * table — or a refusal. Password resets have no command of their own: they follow role changes.
 */
export async function requireAdmin(
  db: OneWindowDb,
  actor: EventActor,
  command: CommandType,
): Promise<UserRow> {
  const row = await db.users.get(actor.id);
  if (!row || row.disabled === 1 || !isRole(row.role) || !can(row.role, command)) {
    throw new AuthError('forbidden');
  }
  return row;
}

export async function requireStation(db: OneWindowDb): Promise<Station> {
  const station = await getStation(db);
  if (!station) throw new AuthError('not_set_up');
  return station;
}

async function activeAdminsOtherThan(db: OneWindowDb, userId: string): Promise<number> {
  const admins = await db.users.where('role').equals('admin').toArray();
  return admins.filter((u) => u.id !== userId && u.disabled === 0).length;
}

const actorOf = (u: UserRow): EventActor => ({ id: u.id, name: u.name, role: u.role });

export async function createUser(
  db: OneWindowDb,
  actor: EventActor,
  input: NewUserInput & { role: Role },
  options: UserCommandOptions = {},
): Promise<UserSummary> {
  const problems = newUserProblems(input);
  if (problems.length > 0) throw new AuthError('invalid', problems[0]);
  const now = options.now ?? new Date();
  // Checked before the slow hash too, so a refused caller costs nothing; and again inside.
  await requireAdmin(db, actor, 'userCreated');
  await requireHallOnline(db, now);
  const passwordHash = await hashPassword(input.password, { iterations: options.iterations });
  const user: UserRow = {
    id: newUserId(),
    username: normaliseUsername(input.username),
    name: input.name.trim(),
    role: input.role,
    disabled: 0,
    passwordHash,
    failedAttempts: 0,
    lockedUntil: null,
  };
  await db.transaction('rw', [db.events, db.meta, db.users], async () => {
    const station = await requireStation(db);
    const admin = await requireAdmin(db, actor, 'userCreated');
    await requireHallOnline(db, now);
    if (await db.users.where('username').equals(user.username).count()) {
      throw new AuthError('duplicate_username', 'username');
    }
    const [event] = await append(
      db,
      station,
      `user:${user.id}`,
      [
        {
          type: 'user.created',
          payload: { id: user.id, username: user.username, name: user.name, role: user.role },
        },
      ],
      actorOf(admin),
      now,
    );
    await recordCredential(db, event!, user.id, user.passwordHash);
    await db.users.add(user);
  });
  return toSummary(user);
}

/** Runs one admin change to one user inside a transaction, with the event it produces. */
async function changeUser(
  db: OneWindowDb,
  actor: EventActor,
  userId: string,
  command: CommandType,
  now: Date,
  change: (user: UserRow) => Promise<{
    next: UserRow;
    type: EventType;
    payload: Record<string, unknown>;
    /** The new password hash, kept beside the event (data/credentials.ts). */
    credential?: string;
  }>,
): Promise<UserSummary> {
  return db.transaction('rw', [db.events, db.meta, db.users], async () => {
    const station = await requireStation(db);
    const admin = await requireAdmin(db, actor, command);
    await requireHallOnline(db, now);
    const user = await db.users.get(userId);
    if (!user) throw new AuthError('not_found');
    const { next, type, payload, credential } = await change(user);
    const [event] = await append(
      db,
      station,
      `user:${user.id}`,
      [{ type, payload }],
      actorOf(admin),
      now,
    );
    if (credential) await recordCredential(db, event!, user.id, credential);
    await db.users.put(next);
    return toSummary(next);
  });
}

export async function changeRole(
  db: OneWindowDb,
  actor: EventActor,
  userId: string,
  role: Role,
  options: UserCommandOptions = {},
): Promise<UserSummary> {
  return changeUser(
    db,
    actor,
    userId,
    'userRoleChanged',
    options.now ?? new Date(),
    async (user) => {
      if (user.role === 'admin' && role !== 'admin' && user.disabled === 0) {
        if ((await activeAdminsOtherThan(db, user.id)) === 0) throw new AuthError('last_admin');
      }
      return {
        next: { ...user, role },
        type: 'user.role_changed',
        payload: { from: user.role, to: role },
      };
    },
  );
}

export async function setDisabled(
  db: OneWindowDb,
  actor: EventActor,
  userId: string,
  disabled: boolean,
  options: UserCommandOptions = {},
): Promise<UserSummary> {
  return changeUser(db, actor, userId, 'userDisabled', options.now ?? new Date(), async (user) => {
    if (disabled && user.role === 'admin' && user.disabled === 0) {
      if ((await activeAdminsOtherThan(db, user.id)) === 0) throw new AuthError('last_admin');
    }
    return {
      next: { ...user, disabled: disabled ? 1 : 0 },
      type: disabled ? 'user.disabled' : 'user.enabled',
      payload: {},
    };
  });
}

export const disableUser = (
  db: OneWindowDb,
  actor: EventActor,
  userId: string,
  options?: UserCommandOptions,
) => setDisabled(db, actor, userId, true, options);

/** Sets a new password chosen by the administrator and lifts any lockout. */
export async function resetPassword(
  db: OneWindowDb,
  actor: EventActor,
  userId: string,
  password: string,
  options: UserCommandOptions = {},
): Promise<UserSummary> {
  if (!isAcceptablePassword(password)) throw new AuthError('invalid', 'password');
  await requireAdmin(db, actor, 'userRoleChanged');
  await requireHallOnline(db, options.now ?? new Date());
  const passwordHash = await hashPassword(password, { iterations: options.iterations });
  return changeUser(
    db,
    actor,
    userId,
    'userRoleChanged',
    options.now ?? new Date(),
    async (user) => ({
      next: { ...user, passwordHash, failedAttempts: 0, lockedUntil: null },
      type: 'user.password_reset',
      payload: {},
      credential: passwordHash,
    }),
  );
}
