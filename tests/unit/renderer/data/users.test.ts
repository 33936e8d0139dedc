// User administration: only an administrator may change users, and that is enforced by the data
// functions themselves; every change is logged; the station never loses its last administrator.
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { signIn } from '../../../../renderer/src/data/auth';
import { OneWindowDb } from '../../../../renderer/src/data/db';
import type { EventActor } from '../../../../renderer/src/data/eventTypes';
import { setupStation } from '../../../../renderer/src/data/station';
import {
  changeRole,
  createUser,
  disableUser,
  listUsers,
  resetPassword,
  setDisabled,
} from '../../../../renderer/src/data/users';
import { FAST, setupOf } from './helpers';

const userOf = (overrides: Partial<Parameters<typeof createUser>[2]> = {}) => ({
  username: 'li.clerk',
  name: '李窗口',
  password: 'clerk password',
  role: 'clerk' as const,
  ...overrides,
});

async function stationDb() {
  const db = new OneWindowDb(`users-${crypto.randomUUID()}`, { indexedDB, IDBKeyRange });
  const { admin } = await setupStation(db, setupOf(), FAST);
  return { db, admin };
}

const actorOf = (u: { id: string; name: string; role: string }): EventActor => ({
  id: u.id,
  name: u.name,
  role: u.role,
});

describe('user administration', () => {
  it('an administrator creates a user who can then sign in; the event names no password', async () => {
    const { db, admin } = await stationDb();
    const clerk = await createUser(db, admin, userOf(), FAST);
    expect(clerk).toMatchObject({ username: 'li.clerk', role: 'clerk', disabled: false });
    const last = await db.events.orderBy('pos').last();
    expect(last).toMatchObject({
      streamId: `user:${clerk.id}`,
      type: 'user.created',
      actor: { id: admin.id, role: 'admin' },
    });
    expect(JSON.stringify(last)).not.toMatch(/clerk password|pbkdf2/);
    expect(await signIn(db, 'li.clerk', 'clerk password')).toMatchObject({ ok: true });
  });

  it("refuses a clerk's attempt to create a user, in the data function, with nothing written", async () => {
    const { db, admin } = await stationDb();
    const clerk = await createUser(db, admin, userOf(), FAST);
    const before = await db.events.count();
    await expect(
      createUser(db, actorOf(clerk), userOf({ username: 'sneaky', role: 'admin' }), FAST),
    ).rejects.toMatchObject({ code: 'forbidden' });
    // A forged actor claiming the admin role is judged by the stored row, not by the claim.
    await expect(
      createUser(db, { ...actorOf(clerk), role: 'admin' }, userOf({ username: 'sneaky' }), FAST),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(changeRole(db, actorOf(clerk), clerk.id, 'admin')).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(
      resetPassword(db, actorOf(clerk), admin.id, 'new password 1', FAST),
    ).rejects.toMatchObject({ code: 'forbidden' });
    expect(await db.events.count()).toBe(before);
    expect((await listUsers(db)).map((u) => u.username)).toEqual(['admin', 'li.clerk']);
  });

  it('refuses a duplicate username, whatever its case', async () => {
    const { db, admin } = await stationDb();
    await createUser(db, admin, userOf(), FAST);
    await expect(
      createUser(db, admin, userOf({ username: 'LI.Clerk' }), FAST),
    ).rejects.toMatchObject({ code: 'duplicate_username' });
  });

  it('changes a role, disables and re-enables, each as an event', async () => {
    const { db, admin } = await stationDb();
    const u = await createUser(db, admin, userOf(), FAST);
    expect(await changeRole(db, admin, u.id, 'reviewer')).toMatchObject({ role: 'reviewer' });
    expect(await disableUser(db, admin, u.id)).toMatchObject({ disabled: true });
    // A disabled user cannot sign in even with the right password.
    expect(await signIn(db, 'li.clerk', 'clerk password')).toEqual({
      ok: false,
      reason: 'disabled',
    });
    await setDisabled(db, admin, u.id, false);
    const types = (await db.events.where('streamId').equals(`user:${u.id}`).toArray())
      .filter((e) => e.type.startsWith('user.'))
      .map((e) => e.type);
    expect(types).toEqual(['user.created', 'user.role_changed', 'user.disabled', 'user.enabled']);
  });

  it('a password reset lifts a lockout and the old password stops working', async () => {
    const { db, admin } = await stationDb();
    const u = await createUser(db, admin, userOf(), FAST);
    for (let i = 0; i < 5; i++) await signIn(db, 'li.clerk', 'wrong');
    expect(await signIn(db, 'li.clerk', 'clerk password')).toMatchObject({ reason: 'locked' });
    await resetPassword(db, admin, u.id, 'fresh password', FAST);
    expect(await signIn(db, 'li.clerk', 'clerk password')).toMatchObject({ ok: false });
    expect(await signIn(db, 'li.clerk', 'fresh password')).toMatchObject({ ok: true });
  });

  it('never leaves the station without an active administrator', async () => {
    const { db, admin } = await stationDb();
    await expect(disableUser(db, admin, admin.id)).rejects.toMatchObject({ code: 'last_admin' });
    await expect(changeRole(db, admin, admin.id, 'clerk')).rejects.toMatchObject({
      code: 'last_admin',
    });
    // With a second administrator, the first may step down.
    await createUser(db, admin, userOf({ username: 'second', role: 'admin' }), FAST);
    expect(await changeRole(db, admin, admin.id, 'director')).toMatchObject({ role: 'director' });
  });
});
