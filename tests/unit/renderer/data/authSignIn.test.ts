// Sign-in and lockout: five wrong passwords lock the account, the lock runs out with time
// (injected), a right password resets the count, and every attempt is logged without the password.
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { signIn, type SignInResult } from '../../../../renderer/src/data/auth';
import { OneWindowDb } from '../../../../renderer/src/data/db';
import { getStation, setupStation, type SetupInput } from '../../../../renderer/src/data/station';
import type { StoredEvent } from '../../../../renderer/src/data/eventTypes';
import { verifyChain, type ChainedEvent } from '../../../../renderer/src/domain/audit';

/** `pos` is the local insertion order, not part of the hashed event. */
const chainOf = (events: StoredEvent[]) =>
  events.map(({ pos: _pos, ...e }) => e) as unknown as ChainedEvent[];

/** Few iterations: these tests are about lockout, not about PBKDF2 cost (authPassword.test.ts). */
const FAST = 1_000;
const PASSWORD = 'correct horse 1';
const T0 = new Date('2026-03-02T01:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

const setupOf = (overrides: Partial<SetupInput> = {}): SetupInput => ({
  officeName: '郑州市惠济区自然资源和规划局',
  officeShortName: '惠济资规',
  divisionCode: '410108',
  stationCode: 'HJ01',
  admin: { username: 'admin', name: '王管理', password: PASSWORD },
  ...overrides,
});

async function stationDb(overrides: Partial<SetupInput> = {}) {
  const db = new OneWindowDb(`signin-${crypto.randomUUID()}`, { indexedDB, IDBKeyRange });
  const result = await setupStation(db, setupOf(overrides), { iterations: FAST, now: T0 });
  return { db, ...result };
}

const wrong = (db: OneWindowDb, minutes: number) =>
  signIn(db, 'admin', 'wrong password', { now: at(minutes) });

describe('first-run set-up', () => {
  it('stores the station and the first administrator as events and rows', async () => {
    const { db, station, admin } = await stationDb();
    expect(await getStation(db)).toEqual(station);
    expect(station.stationId).toBe('HJ01');
    expect(admin.role).toBe('admin');
    const events = await db.events.orderBy('pos').toArray();
    expect(events.map((e) => [e.streamId, e.type])).toEqual([
      ['station', 'station.set_up'],
      [`user:${admin.id}`, 'user.created'],
    ]);
    expect(await verifyChain(chainOf(events))).toEqual({ ok: true });
  });

  it('refuses a second set-up and bad codes, leaving nothing written', async () => {
    const { db } = await stationDb();
    await expect(
      setupStation(db, setupOf({ stationCode: 'ZZ' }), { iterations: FAST }),
    ).rejects.toMatchObject({ code: 'already_set_up' });
    expect(await db.events.count()).toBe(2);
    // Lower case, too long, and a 5-digit division code are each named as the wrong field.
    const fresh = new OneWindowDb(`signin-${crypto.randomUUID()}`, { indexedDB, IDBKeyRange });
    for (const [bad, field] of [
      [{ stationCode: 'hj' }, 'stationCode'],
      [{ stationCode: 'HJ001' }, 'stationCode'],
      [{ divisionCode: '41010' }, 'divisionCode'],
    ] as const) {
      await expect(setupStation(fresh, setupOf(bad), { iterations: FAST })).rejects.toMatchObject({
        code: 'invalid',
        field,
      });
    }
    expect(await getStation(fresh)).toBeNull();
    expect(await fresh.events.count()).toBe(0);
  });
});

describe('sign-in lockout', () => {
  it('signs in with the right password, whatever the case of the username', async () => {
    const { db, admin } = await stationDb();
    const r = await signIn(db, ' Admin ', PASSWORD, { now: at(0) });
    expect(r).toEqual({
      ok: true,
      user: { id: admin.id, name: '王管理', role: 'admin', username: 'admin' },
    });
  });

  it('locks after five wrong passwords, even for the right one, and says for how long', async () => {
    const { db } = await stationDb();
    const results: SignInResult[] = [];
    for (let i = 0; i < 5; i++) results.push(await wrong(db, i));
    expect(
      results.slice(0, 4).map((r) => !r.ok && r.reason === 'bad_credentials' && r.attemptsLeft),
    ).toEqual([4, 3, 2, 1]);
    expect(results[4]).toMatchObject({ ok: false, reason: 'locked', minutesLeft: 15 });
    // Locked at minute 4 for 15 minutes: at minute 10 the right password is still refused.
    const during = await signIn(db, 'admin', PASSWORD, { now: at(10) });
    expect(during).toMatchObject({
      ok: false,
      reason: 'locked',
      lockedUntil: at(19).toISOString(),
      minutesLeft: 9,
    });
  });

  it('lets the right password in once the lock has run out, and starts a fresh count', async () => {
    const { db } = await stationDb();
    for (let i = 0; i < 5; i++) await wrong(db, 0);
    expect(await signIn(db, 'admin', PASSWORD, { now: at(14) })).toMatchObject({ ok: false });
    expect(await signIn(db, 'admin', PASSWORD, { now: at(15) })).toMatchObject({ ok: true });
    // After the lock, one wrong password is attempt 1 of 5 again, not 6.
    expect(await wrong(db, 16)).toMatchObject({ reason: 'bad_credentials', attemptsLeft: 4 });
  });

  it('a right password resets the count: four wrong, one right, four wrong is not a lock', async () => {
    const { db } = await stationDb();
    for (let i = 0; i < 4; i++) await wrong(db, i);
    expect(await signIn(db, 'admin', PASSWORD, { now: at(5) })).toMatchObject({ ok: true });
    for (let i = 0; i < 4; i++) await wrong(db, 6 + i);
    expect(await signIn(db, 'admin', PASSWORD, { now: at(11) })).toMatchObject({ ok: true });
  });

  it('takes the lock period from the policy', async () => {
    const { db } = await stationDb();
    const policy = { maxAttempts: 3, lockMinutes: 60 };
    for (let i = 0; i < 3; i++) await signIn(db, 'admin', 'nope', { now: at(0), policy });
    expect(await signIn(db, 'admin', PASSWORD, { now: at(59), policy })).toMatchObject({
      reason: 'locked',
      minutesLeft: 1,
    });
    expect(await signIn(db, 'admin', PASSWORD, { now: at(60), policy })).toMatchObject({
      ok: true,
    });
  });

  it('logs every attempt, an unknown username too, and never the password', async () => {
    const { db, admin } = await stationDb();
    await signIn(db, 'admin', 'secret-typo-1', { now: at(0) });
    await signIn(db, 'nobody', 'secret-typo-2', { now: at(1) });
    await signIn(db, 'admin', PASSWORD, { now: at(2) });
    const events = await db.events.orderBy('pos').toArray();
    const auth = events.filter((e) => e.type.startsWith('auth.'));
    expect(auth.map((e) => [e.streamId, e.type, e.payload.reason ?? null])).toEqual([
      [`user:${admin.id}`, 'auth.sign_in_failed', 'bad_password'],
      ['auth', 'auth.sign_in_failed', 'unknown_user'],
      [`user:${admin.id}`, 'auth.signed_in', null],
    ]);
    const text = JSON.stringify(events);
    for (const secret of ['secret-typo-1', 'secret-typo-2', PASSWORD, 'pbkdf2']) {
      expect(text).not.toContain(secret);
    }
    expect(await verifyChain(chainOf(events))).toEqual({ ok: true });
  });

  it('refuses sign-in before set-up', async () => {
    const db = new OneWindowDb(`signin-${crypto.randomUUID()}`, { indexedDB, IDBKeyRange });
    expect(await signIn(db, 'admin', PASSWORD)).toEqual({ ok: false, reason: 'not_set_up' });
  });
});
