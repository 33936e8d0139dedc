// Hall users of one name that a station left out (data/userClashes.ts): HJ01 and HJ02 each
// create a `wangchuang` (王窗口 on HJ01, 王创 on HJ02) before either pulled the other's. Every
// station keeps one under the name and lists the other; the administrator sees the list and
// renames the later account hall-wide (`user.renamed`, reason `clash`): written at once under the
// new name where it was left out, on the other stations at their pull; the person signs in there
// with their own password; the lists are cleared. Refused: a taken or invalid name, not an
// administrator, the hall not answering.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signIn } from '../../../../../renderer/src/data/auth';
import { AuthError } from '../../../../../renderer/src/data/authErrors';
import type { OneWindowDb } from '../../../../../renderer/src/data/db';
import type { EventActor } from '../../../../../renderer/src/data/eventTypes';
import { SyncEngine } from '../../../../../renderer/src/data/sync/engine';
import { append } from '../../../../../renderer/src/data/log';
import { getStation } from '../../../../../renderer/src/data/station';
import { applyUsers, USER_CLASHES_KEY } from '../../../../../renderer/src/data/sync/staff';
import { listUserClashes, renameClashedUser } from '../../../../../renderer/src/data/userClashes';
import { createUser, type UserSummary } from '../../../../../renderer/src/data/users';
import { HallModel, ModelTransport } from './hallModel';
import { NOW, stationNamed } from './fixtures';

const PW_A = 'Wang-chuang-hj01';
const PW_B = 'Wang-chuang-hj02';
const opts = { now: NOW, iterations: 1000 };
const at = NOW.toISOString();

let a: OneWindowDb, b: OneWindowDb, c: OneWindowDb;
let hall: HallModel;
let netC: ModelTransport;
let engines: SyncEngine[];
let wangA: UserSummary, wangB: UserSummary;

const adminOf = async (db: OneWindowDb): Promise<EventActor> => {
  const u = (await db.users.where('role').equals('admin').first())!;
  return { id: u.id, name: u.name, role: u.role };
};

async function syncAll() {
  for (const e of engines) await e.pushAll();
  for (const e of engines) {
    let r = await e.pullOnce();
    while (r.kind === 'ok' && r.more) r = await e.pullOnce();
    expect(r.kind).toBe('ok');
  }
}

const rename = async (db: OneWindowDb, actor: EventActor, username: string, left = wangB.id) =>
  renameClashedUser(db, actor, { arrivingId: left, username }, { now: NOW }).catch(
    (e: unknown) => e,
  );

const codeOf = (e: unknown) => (e instanceof AuthError ? [e.code, e.field ?? null] : e);

beforeEach(async () => {
  // Each station its own administrator's name: the only clash is wangchuang.
  [a, b, c] = await Promise.all([
    stationNamed('HJ01', undefined, NOW, 'guanli1'),
    stationNamed('HJ02', undefined, NOW, 'guanli2'),
    stationNamed('HJ03', undefined, NOW, 'guanli3'),
  ]);
  hall = new HallModel();
  netC = new ModelTransport(hall, 'HJ03');
  engines = [
    new SyncEngine({ db: a, transport: new ModelTransport(hall, 'HJ01'), now: () => NOW }),
    new SyncEngine({ db: b, transport: new ModelTransport(hall, 'HJ02'), now: () => NOW }),
    new SyncEngine({ db: c, transport: netC, now: () => NOW }),
  ];
  await syncAll();
  const make = async (db: OneWindowDb, name: string, password: string) =>
    createUser(
      db,
      await adminOf(db),
      { username: 'wangchuang', name, password, role: 'clerk' },
      opts,
    );
  wangA = await make(a, '王窗口', PW_A);
  wangB = await make(b, '王创', PW_B);
  await syncAll();
});
afterEach(() => {
  for (const db of [a, b, c]) db.close();
});

describe('hall users of one name that a station left out', () => {
  it('lists, for an administrator, the account held and the one left out', async () => {
    const held = { id: wangA.id, name: '王窗口', role: 'clerk', stationId: 'HJ01', createdAt: at };
    const leftOut = { id: wangB.id, name: '王创', role: 'clerk', stationId: 'HJ02', createdAt: at };
    // HJ03 holds the first in the hall order (HJ01 pushed first) and leaves HJ02's out.
    expect(await listUserClashes(c, await adminOf(c))).toEqual({
      ok: true,
      clashes: [{ username: 'wangchuang', held, leftOut, renameId: wangB.id }],
    });
    // HJ02 holds its own, the later one: the rename is for its own account.
    expect(await listUserClashes(b, await adminOf(b))).toEqual({
      ok: true,
      clashes: [{ username: 'wangchuang', held: leftOut, leftOut: held, renameId: wangB.id }],
    });
    // 王创 cannot sign in on HJ03: the name signs in as 王窗口.
    expect((await signIn(c, 'wangchuang', PW_B, opts)).ok).toBe(false);
    const asA = await signIn(c, 'wangchuang', PW_A, opts);
    expect(asA.ok && asA.user.id).toBe(wangA.id);
    // Only an administrator, as stored (a clerk claiming the admin role is still a clerk).
    expect(await listUserClashes(c, { id: wangA.id, name: '王窗口', role: 'admin' })).toEqual({
      ok: false,
      code: 'forbidden',
    });
  });

  it('renamed on the station that left it out: there at once, on the others at their pull', async () => {
    const adminC = await adminOf(c);
    const done = await rename(c, adminC, ' WangChuang2 ');
    expect(done).toEqual({ userId: wangB.id, name: '王创', from: 'wangchuang', to: 'wangchuang2' });
    // On HJ03 in the same transaction: the account under its new name, the list cleared.
    expect(await c.users.get(wangB.id)).toMatchObject({ username: 'wangchuang2', disabled: 0 });
    expect(await c.meta.get(USER_CLASHES_KEY)).toBeUndefined();
    expect(await listUserClashes(c, adminC)).toEqual({ ok: true, clashes: [] });
    const signed = await signIn(c, 'wangchuang2', PW_B, opts);
    expect(signed).toEqual({
      ok: true,
      user: { id: wangB.id, name: '王创', role: 'clerk', username: 'wangchuang2' },
    });
    const event = (await c.events.where('streamId').equals(`user:${wangB.id}`).toArray()).find(
      (e) => e.type === 'user.renamed',
    )!;
    expect([event.payload, event.stationId, event.actor.id]).toEqual([
      { from: 'wangchuang', to: 'wangchuang2', reason: 'clash' },
      'HJ03',
      adminC.id,
    ]);

    await syncAll();
    // HJ01 had left it out too: written under the new name, its list cleared.
    expect(await a.users.get(wangB.id)).toMatchObject({ username: 'wangchuang2' });
    expect(await a.meta.get(USER_CLASHES_KEY)).toBeUndefined();
    expect((await signIn(a, 'wangchuang2', PW_B, opts)).ok).toBe(true);
    // HJ02 held it: renamed, and HJ01's 王窗口, left out there, is written under the name.
    expect(await b.users.get(wangB.id)).toMatchObject({ username: 'wangchuang2' });
    expect(await b.users.get(wangA.id)).toMatchObject({ username: 'wangchuang', name: '王窗口' });
    expect(await b.meta.get(USER_CLASHES_KEY)).toBeUndefined();
    const onB = await signIn(b, 'wangchuang', PW_A, opts);
    expect(onB.ok && onB.user.id).toBe(wangA.id);
  });

  it('renamed on the station that created it: the third station that had left it out writes it at its pull', async () => {
    // HJ02 left HJ01's 王窗口 out; the rename is for its own 王创, the later one.
    const done = await rename(b, await adminOf(b), 'wangchuang.b', wangA.id);
    expect(done).toEqual({
      userId: wangB.id,
      name: '王创',
      from: 'wangchuang',
      to: 'wangchuang.b',
    });
    // On HJ02 at once: its own account renamed, HJ01's written under the name.
    expect(await b.users.get(wangA.id)).toMatchObject({ username: 'wangchuang' });
    expect(await b.meta.get(USER_CLASHES_KEY)).toBeUndefined();
    // HJ03 still leaves it out until it pulls the event.
    expect(await c.users.get(wangB.id)).toBeUndefined();
    await syncAll();
    expect(await c.users.get(wangB.id)).toMatchObject({ username: 'wangchuang.b', name: '王创' });
    expect(await c.meta.get(USER_CLASHES_KEY)).toBeUndefined();
    const signed = await signIn(c, 'wangchuang.b', PW_B, opts);
    expect(signed.ok && signed.user.id).toBe(wangB.id);
    expect((await signIn(c, 'wangchuang', PW_A, opts)).ok).toBe(true);
  });

  it('refuses a name taken here or no name, a non-administrator, and the hall not answering', async () => {
    const adminC = await adminOf(c);
    expect(codeOf(await rename(c, adminC, 'guanli3'))).toEqual(['duplicate_username', 'username']);
    expect(codeOf(await rename(c, adminC, 'wangchuang'))).toEqual([
      'duplicate_username',
      'username',
    ]);
    expect(codeOf(await rename(c, adminC, '王 创'))).toEqual(['invalid', 'username']);
    // HJ01's 王窗口 is a clerk on HJ03, whatever role the caller claims.
    const clerk = { id: wangA.id, name: '王窗口', role: 'admin' };
    expect(codeOf(await rename(c, clerk, 'wangchuang2'))).toEqual(['forbidden', null]);
    expect(
      codeOf(
        await renameClashedUser(c, adminC, { arrivingId: 'no-such', username: 'x2' }, opts).catch(
          (e: unknown) => e,
        ),
      ),
    ).toEqual(['not_found', null]);
    netC.faults.partitioned = true;
    expect((await engines[2]!.pullOnce()).kind).toBe('error');
    expect(codeOf(await rename(c, adminC, 'wangchuang2'))).toEqual(['hall_offline', null]);
    // Nothing changed: still left out, still listed, no event.
    expect(await c.users.get(wangB.id)).toBeUndefined();
    const list = await listUserClashes(c, adminC);
    expect(list.ok && list.clashes.map((x) => x.leftOut.id)).toEqual([wangB.id]);
    const events = await c.events.where('streamId').equals(`user:${wangB.id}`).toArray();
    expect(events.map((e) => e.type)).toEqual(['user.created']);
  });
});

describe('a stored user renamed onto a name held here', () => {
  it('keeps its row and old name, so a user taking that name is left out too: the apply never fails', async () => {
    const admin = await adminOf(c);
    const make = async (username: string, name: string) =>
      createUser(c, admin, { username, name, password: PW_A, role: 'clerk' }, opts);
    const li = await make('lisi', '李四');
    const zhang = await make('zhangsan', '张三');
    const station = (await getStation(c))!;
    // As a pull may bring them: 张三 renamed to lisi (held here by 李四), and a new zhangsan.
    const newcomer = 'u-zhangsan-2';
    await append(
      c,
      station,
      `user:${zhang.id}`,
      [{ type: 'user.renamed', payload: { from: 'zhangsan', to: 'lisi', reason: 'clash' } }],
      admin,
      NOW,
    );
    await append(
      c,
      station,
      `user:${newcomer}`,
      [
        {
          type: 'user.created',
          payload: { id: newcomer, username: 'zhangsan', name: '张山', role: 'clerk' },
        },
      ],
      admin,
      NOW,
    );
    await c.transaction('rw', [c.users, c.meta, c.events], () =>
      applyUsers(c, [`user:${zhang.id}`, `user:${newcomer}`]),
    );
    expect(await c.users.get(zhang.id)).toMatchObject({ username: 'zhangsan', name: '张三' });
    expect(await c.users.get(li.id)).toMatchObject({ username: 'lisi' });
    expect(await c.users.get(newcomer)).toBeUndefined();
    const listed = ((await c.meta.get(USER_CLASHES_KEY))?.value ?? []) as unknown[];
    expect(listed.slice(-2)).toEqual([
      { username: 'lisi', heldId: li.id, arrivingId: zhang.id },
      { username: 'zhangsan', heldId: zhang.id, arrivingId: newcomer },
    ]);
  });
});
