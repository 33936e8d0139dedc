// Sign-in. Five wrong passwords in a row lock the account for a while (15 minutes unless
// configured); the refusal says until when. A right password resets the count. Every attempt
// is an event in the log — the username typed, the outcome, never the password.
import type { Role } from '../domain/roles';
import type { OneWindowDb, UserRow } from './db';
import { hashPassword, verifyPassword } from './authPassword';
import type { EventActor } from './eventTypes';
import { append, type NewEvent } from './log';
import { getStation, normaliseUsername } from './station';

export interface LockoutPolicy {
  maxAttempts: number;
  lockMinutes: number;
}

export const defaultLockout: LockoutPolicy = { maxAttempts: 5, lockMinutes: 15 };

/** The signed-in user: the actor of every command. */
export interface SessionUser {
  id: string;
  name: string;
  role: Role;
  username: string;
}

export type SignInResult =
  | { ok: true; user: SessionUser }
  | { ok: false; reason: 'bad_credentials'; attemptsLeft: number | null }
  | { ok: false; reason: 'locked'; lockedUntil: string; minutesLeft: number }
  | { ok: false; reason: 'disabled' }
  | { ok: false; reason: 'not_set_up' };

export interface SignInOptions {
  now?: Date;
  policy?: LockoutPolicy;
}

/** Who signs an event about an unknown username: nobody in the users table. */
const ANONYMOUS: EventActor = { id: 'anonymous', name: '', role: 'none' };

// A hash with the production cost, verified when the username is unknown, so the time a wrong
// username takes does not reveal which usernames exist.
let decoy: Promise<string> | null = null;
const decoyHash = () => (decoy ??= hashPassword('decoy-password-never-matches'));

const minutesBetween = (from: Date, to: Date) =>
  Math.max(1, Math.ceil((to.getTime() - from.getTime()) / 60_000));

const sessionOf = (u: UserRow): SessionUser => ({
  id: u.id,
  name: u.name,
  role: u.role as Role,
  username: u.username,
});

/** Whether a stored lock is still running at `now`. */
export const isLocked = (u: Pick<UserRow, 'lockedUntil'>, now: Date) =>
  u.lockedUntil !== null && now.getTime() < Date.parse(u.lockedUntil);

export async function signIn(
  db: OneWindowDb,
  usernameTyped: string,
  password: string,
  options: SignInOptions = {},
): Promise<SignInResult> {
  const now = options.now ?? new Date();
  const policy = options.policy ?? defaultLockout;
  const station = await getStation(db);
  if (!station) return { ok: false, reason: 'not_set_up' };
  const username = normaliseUsername(usernameTyped);
  const found = await db.users.where('username').equals(username).first();

  // Password check outside the write transaction: the hash takes far longer than IndexedDB
  // keeps a transaction open. The row is read again inside, so concurrent attempts still count.
  let passwordOk = false;
  if (!found) await verifyPassword(password, await decoyHash());
  else if (found.disabled === 0 && !isLocked(found, now)) {
    passwordOk = await verifyPassword(password, found.passwordHash);
  }

  return db.transaction('rw', [db.events, db.meta, db.users], async () => {
    const user = found ? await db.users.get(found.id) : undefined;
    if (!user) {
      await append(
        db,
        station,
        'auth',
        [{ type: 'auth.sign_in_failed', payload: { username, reason: 'unknown_user' } }],
        ANONYMOUS,
        now,
      );
      return { ok: false, reason: 'bad_credentials', attemptsLeft: null };
    }
    const actor: EventActor = { id: user.id, name: user.name, role: user.role };
    const log = (events: NewEvent[]) => append(db, station, `user:${user.id}`, events, actor, now);

    if (user.disabled === 1) {
      await log([{ type: 'auth.sign_in_failed', payload: { username, reason: 'disabled' } }]);
      return { ok: false, reason: 'disabled' };
    }
    if (isLocked(user, now)) {
      const lockedUntil = user.lockedUntil as string;
      await log([{ type: 'auth.sign_in_failed', payload: { username, reason: 'locked' } }]);
      return {
        ok: false,
        reason: 'locked',
        lockedUntil,
        minutesLeft: minutesBetween(now, new Date(lockedUntil)),
      };
    }
    if (passwordOk) {
      await log([{ type: 'auth.signed_in', payload: { username } }]);
      await db.users.put({ ...user, failedAttempts: 0, lockedUntil: null });
      return { ok: true, user: sessionOf(user) };
    }
    // A lock that has run out starts a fresh count.
    const before = user.lockedUntil !== null ? 0 : user.failedAttempts;
    const attempts = before + 1;
    const events: NewEvent[] = [
      { type: 'auth.sign_in_failed', payload: { username, reason: 'bad_password', attempts } },
    ];
    if (attempts >= policy.maxAttempts) {
      const lockedUntil = new Date(now.getTime() + policy.lockMinutes * 60_000).toISOString();
      events.push({ type: 'auth.locked_out', payload: { username, lockedUntil, attempts } });
      await log(events);
      await db.users.put({ ...user, failedAttempts: attempts, lockedUntil });
      return { ok: false, reason: 'locked', lockedUntil, minutesLeft: policy.lockMinutes };
    }
    await log(events);
    await db.users.put({ ...user, failedAttempts: attempts, lockedUntil: null });
    return { ok: false, reason: 'bad_credentials', attemptsLeft: policy.maxAttempts - attempts };
  });
}

/** Session events that carry no decision: signed out, screen locked, unlocked. */
export async function logSessionEvent(
  db: OneWindowDb,
  user: SessionUser,
  type: 'auth.signed_out' | 'auth.screen_locked',
  now: Date = new Date(),
): Promise<void> {
  const station = await getStation(db);
  if (!station) return;
  await db.transaction('rw', [db.events, db.meta], () =>
    append(
      db,
      station,
      `user:${user.id}`,
      [{ type, payload: { username: user.username } }],
      { id: user.id, name: user.name, role: user.role },
      now,
    ),
  );
}
