// Staff across the hall (issue 17 item 2), two stations (each its own fake-indexeddb database)
// syncing through the in-memory hall (the server's own push rules and store): a user created on
// A signs in on B after B's pull, also with B offline afterwards; the password hash travels beside
// its event and never appears in an event; a role change and a disabling reach B; what the
// disabled user did on an offline station after the disabling is flagged, alike on both
// stations; user administration waits for the hall on an enrolled station, never on a lone one;
// lockout stays per station while sign-in events travel for the audit; settings are the hall's,
// the station row each station's own.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signIn } from '../../../../../renderer/src/data/auth';
import { dispatch } from '../../../../../renderer/src/data/dispatch';
import { AuthError } from '../../../../../renderer/src/data/authErrors';
import type { OneWindowDb } from '../../../../../renderer/src/data/db';
import type { EventActor } from '../../../../../renderer/src/data/eventTypes';
import { flaggedActions } from '../../../../../renderer/src/data/flaggedActions';
import { CALENDAR_KEY, saveCalendarYear } from '../../../../../renderer/src/data/holidayCalendar';
import { getStation } from '../../../../../renderer/src/data/station';
import { SyncEngine } from '../../../../../renderer/src/data/sync/engine';
import { USER_CLASHES_KEY } from '../../../../../renderer/src/data/sync/staff';
import {
  changeRole,
  createUser,
  disableUser,
  resetPassword,
} from '../../../../../renderer/src/data/users';
import { parseHolidayNotice } from '../../../../../renderer/src/domain/holidayNotice';
import { TEST_NOTICE_2027 } from '../../../../fixtures/holidayNotice2027';
import { HallModel, ModelTransport } from './hallModel';
import { accept, NOW, stationNamed, takeIn } from './fixtures';

const PASSWORD = 'Wang-chuang-2026';
const opts = { now: NOW, iterations: 1000 };

let a: OneWindowDb;
let b: OneWindowDb;
let hall: HallModel;
let netA: ModelTransport;
let netB: ModelTransport;
let ea: SyncEngine;
let eb: SyncEngine;

const adminOf = async (db: OneWindowDb): Promise<EventActor> => {
  const u = (await db.users.where('username').equals('admin').first())!;
  return { id: u.id, name: u.name, role: u.role };
};

/** A pushes, B pushes, both pull until caught up. */
async function sync() {
  for (const e of [ea, eb]) await e.pushAll();
  for (const e of [ea, eb])
    for (let r = await e.pullOnce(); r.kind === 'ok' && r.more;) r = await e.pullOnce();
}

beforeEach(async () => {
  [a, b] = await Promise.all([stationNamed('HJ01'), stationNamed('HJ02')]);
  hall = new HallModel();
  netA = new ModelTransport(hall, 'HJ01');
  netB = new ModelTransport(hall, 'HJ02');
  ea = new SyncEngine({ db: a, transport: netA, now: () => NOW });
  eb = new SyncEngine({ db: b, transport: netB, now: () => NOW });
  await sync();
});
afterEach(() => {
  a.close();
  b.close();
});

async function clerkOnA() {
  return createUser(
    a,
    await adminOf(a),
    { username: 'wangchuang', name: '王窗口', password: PASSWORD, role: 'clerk' },
    opts,
  );
}

describe('staff across the hall', () => {
  it('a user created on A signs in on B after the pull, also with B offline; the hash only beside', async () => {
    const clerk = await clerkOnA();
    const hash = (await a.users.get(clerk.id))!.passwordHash;
    expect(hash).toMatch(/^pbkdf2-sha256\$1000\$/);
    expect(await signIn(b, 'wangchuang', PASSWORD, opts)).toEqual({
      ok: false,
      reason: 'bad_credentials',
      attemptsLeft: null,
    });
    await sync();
    const onB = (await b.users.get(clerk.id))!;
    expect(onB).toEqual({
      id: clerk.id,
      username: 'wangchuang',
      name: '王窗口',
      role: 'clerk',
      disabled: 0,
      passwordHash: hash,
      failedAttempts: 0,
      lockedUntil: null,
    });
    const signed = await signIn(b, 'wangchuang', PASSWORD, opts);
    expect(signed).toEqual({
      ok: true,
      user: { id: clerk.id, name: '王窗口', role: 'clerk', username: 'wangchuang' },
    });
    // B cut off from the hall: the sign-in works all the same (the hash is held on B).
    netB.faults.partitioned = true;
    expect((await eb.pullOnce()).kind).toBe('error');
    expect(eb.store.get().phase).toBe('offline');
    expect((await signIn(b, 'wangchuang', PASSWORD, opts)).ok).toBe(true);
    expect((await signIn(b, 'wangchuang', 'not-the-password', opts)).ok).toBe(false);

    // The hash is in no event (the hall's json, either station's log) — only beside one.
    const salt = hash.split('$')[2]!;
    expect(JSON.stringify(hall.events)).not.toContain(salt);
    for (const db of [a, b]) expect(JSON.stringify(await db.events.toArray())).not.toContain(salt);
    const created = hall.events.find(
      (h) => h.event.type === 'user.created' && h.event.payload['id'] === clerk.id,
    )!;
    expect(created.event.payload).toEqual({
      id: clerk.id,
      username: 'wangchuang',
      name: '王窗口',
      role: 'clerk',
    });
    expect(hall.store.credentials.get(created.event.id)).toEqual({
      eventId: created.event.id,
      userId: clerk.id,
      hash,
      stationCode: 'HJ01',
    });
    // The two admins of the stations' own set-up share a username: B keeps its own, lists A's.
    const clashes = (await b.meta.get(USER_CLASHES_KEY))?.value as { username: string }[];
    expect(clashes.map((c) => c.username)).toEqual(['admin']);
    expect((await signIn(b, 'admin', 'Str0ng-enough-pass', opts)).ok).toBe(true);
  });

  it('a third station pulls two users of the same name in one answer: the first in the hall order is kept, the other listed', async () => {
    await sync(); // A's and B's set-up admins, both "admin", are in the hall
    const c = await stationNamed('HJ03', undefined, NOW, 'guanli3');
    const ec = new SyncEngine({
      db: c,
      transport: new ModelTransport(hall, 'HJ03'),
      now: () => NOW,
    });
    try {
      // Before: the pull's bulkPut of both rows failed on the unique username, for ever.
      let r = await ec.pullOnce();
      while (r.kind === 'ok' && r.more) r = await ec.pullOnce();
      expect(r.kind).toBe('ok');
      const first = hall.events.find(
        (h) => h.event.type === 'user.created' && h.event.payload['username'] === 'admin',
      )!;
      const kept = await c.users.where('username').equals('admin').toArray();
      expect(kept.map((u) => u.id)).toEqual([first.event.payload['id']]);
      const clashes = (await c.meta.get(USER_CLASHES_KEY))?.value as {
        username: string;
        heldId: string;
        arrivingId: string;
      }[];
      const other = [await adminOf(a), await adminOf(b)].find((u) => u.id !== kept[0]!.id)!;
      expect(clashes).toEqual([{ username: 'admin', heldId: kept[0]!.id, arrivingId: other.id }]);
    } finally {
      c.close();
    }
  });

  it('a role change, a password reset and a disabling reach B at its next sync', async () => {
    const clerk = await clerkOnA();
    await sync();
    const admin = await adminOf(a);
    await changeRole(a, admin, clerk.id, 'reviewer', opts);
    await resetPassword(a, admin, clerk.id, 'Another-pass-2026', opts);
    await sync();
    expect((await b.users.get(clerk.id))!.role).toBe('reviewer');
    expect((await signIn(b, 'wangchuang', PASSWORD, opts)).ok).toBe(false);
    const after = await signIn(b, 'wangchuang', 'Another-pass-2026', opts);
    expect(after.ok && after.user.role).toBe('reviewer');
    await disableUser(a, admin, clerk.id, opts);
    expect((await signIn(b, 'wangchuang', 'Another-pass-2026', opts)).ok).toBe(true);
    await sync();
    expect((await b.users.get(clerk.id))!.disabled).toBe(1);
    expect(await signIn(b, 'wangchuang', 'Another-pass-2026', opts)).toEqual({
      ok: false,
      reason: 'disabled',
    });
  });

  it('what the disabled user did on an offline station after the disabling is flagged on both', async () => {
    const clerk = await clerkOnA();
    await sync();
    const clerkActor = { id: clerk.id, name: '王窗口', role: 'clerk' as const };
    await takeIn(b, 'before', NOW); // by the fixtures' clerk: not flagged
    netB.faults.partitioned = true;
    await disableUser(a, await adminOf(a), clerk.id, opts);
    await ea.pushAll();
    // B does not know yet: the clerk signs in and takes a case in.
    expect((await signIn(b, 'wangchuang', PASSWORD, opts)).ok).toBe(true);
    const r = await dispatch(b, accept('offline-1'), { actor: clerkActor, now: NOW });
    expect(r.ok).toBe(true);
    netB.faults.partitioned = false;
    await sync();
    expect((await b.users.get(clerk.id))!.disabled).toBe(1);
    const allA = await flaggedActions(a, await adminOf(a));
    const allB = await flaggedActions(b, await adminOf(b));
    if (!allA.ok || !allB.ok) throw new Error('refused');
    // (The fixtures' clerk of case 'before' is no user of the hall: flagged for that, below.)
    const onA = { actions: allA.actions.filter((f) => f.reason === 'disabled') };
    const onB = { actions: allB.actions.filter((f) => f.reason === 'disabled') };
    expect(allA.actions.filter((f) => f.reason !== 'disabled').map((f) => f.streamId)).toEqual([
      'case:before',
    ]);
    expect(onA.actions.map((f) => [f.streamId, f.type, f.stationId, f.user.name])).toEqual(
      (r.ok ? r.events : []).map((e) => [e.streamId, e.type, 'HJ02', '王窗口']),
    );
    expect(onA.actions.map((f) => f.type)).toContain('caseAccepted');
    expect(onA.actions.every((f) => f.disabling?.stationId === 'HJ01')).toBe(true);
    expect(onB.actions.map((f) => f.eventId)).toEqual(onA.actions.map((f) => f.eventId));
    // Only an administrator, as stored.
    expect(await flaggedActions(a, { id: clerk.id })).toEqual({ ok: false, code: 'forbidden' });
  });

  it('a case decision by someone the hall does not know, or in a role the hall does not give them, is flagged on every station', async () => {
    const clerk = await clerkOnA();
    await sync();
    const asClerk = { id: clerk.id, name: '王窗口', role: 'clerk' as const };
    // B takes a case in as the hall's clerk (fits), then records a review for the same user
    // claiming 审查员 — the hall has them as 窗口受理员; and a case by a user the hall never had.
    const taken = await dispatch(b, accept('c-fit'), { actor: asClerk, now: NOW });
    expect(taken.ok).toBe(true);
    const reviewed = await dispatch(
      b,
      { type: 'review', caseId: 'c-fit', opinion: '材料齐全，符合规划条件' },
      { actor: { ...asClerk, role: 'reviewer' }, now: NOW, expectedVersion: 1 },
    );
    expect(reviewed.ok).toBe(true);
    await takeIn(b, 'c-stranger', NOW);
    await sync();
    const onA = await flaggedActions(a, await adminOf(a));
    const onB = await flaggedActions(b, await adminOf(b));
    if (!onA.ok || !onB.ok) throw new Error('refused');
    expect(
      onA.actions.map((f) => [f.streamId, f.type, f.reason, f.claimedRole, f.heldRole]),
    ).toEqual([
      ['case:c-fit', 'caseReviewed', 'role_mismatch', 'reviewer', 'clerk'],
      ['case:c-stranger', 'caseAccepted', 'unknown_user', 'clerk', null],
    ]);
    expect(onB.actions.map((f) => f.eventId)).toEqual(onA.actions.map((f) => f.eventId));
    // The role is the one the hall held when the review came, not today's: a later change to
    // 审查员 does not clear the flag.
    await changeRole(a, await adminOf(a), clerk.id, 'reviewer', opts);
    await sync();
    const again = await flaggedActions(b, await adminOf(b));
    expect(again.ok && again.actions.filter((f) => f.reason === 'role_mismatch').length).toBe(1);
  });

  it('an enrolled station that the hall does not answer refuses user administration; a lone one not', async () => {
    netB.faults.partitioned = true;
    await eb.pullOnce();
    const refused = await createUser(
      b,
      await adminOf(b),
      { username: 'liming', name: '李明', password: PASSWORD, role: 'clerk' },
      opts,
    ).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AuthError);
    expect((refused as AuthError).code).toBe('hall_offline');
    expect(await b.users.where('username').equals('liming').count()).toBe(0);
    netB.faults.partitioned = false;
    await eb.pullOnce();
    const made = await createUser(
      b,
      await adminOf(b),
      { username: 'liming', name: '李明', password: PASSWORD, role: 'clerk' },
      opts,
    );
    expect(made.username).toBe('liming');
    // A station that never joined a hall: as always.
    const lone = await stationNamed('HJ09');
    try {
      const u = await createUser(
        lone,
        await adminOf(lone),
        { username: 'zhaoyi', name: '赵一', password: PASSWORD, role: 'clerk' },
        opts,
      );
      expect(u.username).toBe('zhaoyi');
    } finally {
      lone.close();
    }
  });

  it('lockout stays per station; sign-in events reach the other station for the audit', async () => {
    const clerk = await clerkOnA();
    await sync();
    for (let i = 0; i < 5; i++) await signIn(b, 'wangchuang', 'wrong-password-x', opts);
    const lockedOnB = (await b.users.get(clerk.id))!;
    expect(lockedOnB.failedAttempts).toBe(5);
    expect(lockedOnB.lockedUntil).toBe('2026-03-02T02:15:00.000Z');
    await sync();
    const onA = (await a.users.get(clerk.id))!;
    expect([onA.failedAttempts, onA.lockedUntil]).toEqual([0, null]);
    expect((await signIn(a, 'wangchuang', PASSWORD, opts)).ok).toBe(true);
    const audit = await a.events.where('streamId').equals(`user:${clerk.id}`).toArray();
    expect(audit.filter((e) => e.stationId === 'HJ02').map((e) => e.type)).toEqual([
      'auth.sign_in_failed',
      'auth.sign_in_failed',
      'auth.sign_in_failed',
      'auth.sign_in_failed',
      'auth.sign_in_failed',
      'auth.locked_out',
    ]);
    // B's lock is B's: still locked there after A's pull and A's sign-in.
    await sync();
    expect((await b.users.get(clerk.id))!.lockedUntil).toBe('2026-03-02T02:15:00.000Z');
  });

  it('a calendar saved on A is the calendar on B; B keeps its own station row', async () => {
    const y2027 = parseHolidayNotice(TEST_NOTICE_2027);
    if (!y2027.ok) throw new Error('2027');
    const stationBefore = await getStation(b);
    expect((await saveCalendarYear(a, await adminOf(a), y2027.year, NOW)).ok).toBe(true);
    await sync();
    const [onA, onB] = await Promise.all([
      a.settings.get(CALENDAR_KEY),
      b.settings.get(CALENDAR_KEY),
    ]);
    expect(onA?.value).toBeDefined();
    expect(JSON.stringify(onB)).toBe(JSON.stringify(onA));
    expect(await getStation(b)).toEqual(stationBefore);
    expect((await getStation(b))!.stationCode).toBe('HJ02');
  });
});
