// The join check's users of one name (issue 17 item 4): two hall stations set up alone each hold
// a `wangwu` (HJ01's 王五, a clerk; HJ02's 王武, a reviewer — different ids). An island HJ03 with
// its own wangwu clashes with both: the check lists one clash against each hall user, and the
// administrator settles each against the right one. HJ02's is the later of the two in the hall
// order, which the stations leave out (sync/staff.ts): never offered as the same person — here a
// different person from HJ02's and the same person as HJ01's, in either order.
import { describe, expect, it } from 'vitest';
import type { OneWindowDb } from '../../../../../renderer/src/data/db';
import type { Role } from '../../../../../renderer/src/domain/roles';
import { readHallDigest, readJoin } from '../../../../../renderer/src/data/join/joinCheck';
import { ownAccountState, settleClash } from '../../../../../renderer/src/data/join/joinSettle';
import { SyncEngine } from '../../../../../renderer/src/data/sync/engine';
import { createUser } from '../../../../../renderer/src/data/users';
import { HallModel, ModelTransport } from './hallModel';
import { NOW } from './fixtures';
import { adminOf, enrolWith, opts, station, syncAll } from './joinFixtures';

const withWangwu = async (db: OneWindowDb, name: string, role: Role, password: string) =>
  createUser(db, await adminOf(db), { username: 'wangwu', name, password, role }, opts);

async function hallWithTwoWangwus() {
  const hall = new HallModel();
  const a = await station('HJ01');
  const wangA = await withWangwu(a, '王五', 'clerk', 'Wang-wu-hj01-26');
  await syncAll(
    new SyncEngine({ db: a, transport: new ModelTransport(hall, 'HJ01'), now: () => NOW }),
  );
  const b = await station('HJ02');
  const wangB = await withWangwu(b, '王武', 'reviewer', 'Wang-wu-hj02-26');
  await syncAll(
    new SyncEngine({ db: b, transport: new ModelTransport(hall, 'HJ02'), now: () => NOW }),
  );
  const c = await station('HJ03', 'guanli');
  const wangC = await withWangwu(c, '王武', 'clerk', 'Wang-wu-hj03-26');
  const adminC = await adminOf(c);
  await enrolWith(c, adminC);
  const ec = new SyncEngine({ db: c, transport: new ModelTransport(hall, 'HJ03'), now: () => NOW });
  expect(await ec.pushAll()).toEqual({ kind: 'held' });
  return { hall, c, ec, adminC, wangA, wangB, wangC };
}

describe('the join check and hall users of one name', () => {
  it('reads every hall user of a name, page by page', async () => {
    const { hall, wangA, wangB } = await hallWithTwoWangwus();
    const read = await readHallDigest(new ModelTransport(hall, 'HJ03'), 'HJ03', 1);
    if (!read.ok) throw new Error(JSON.stringify(read));
    expect(read.digest.users.get('wangwu')).toEqual([
      { userId: wangA.id, name: '王五', role: 'clerk', stationId: 'HJ01' },
      { userId: wangB.id, name: '王武', role: 'reviewer', stationId: 'HJ02' },
    ]);
    // Both stations were set up with `admin`: both are read.
    expect(read.digest.users.get('admin')?.map((u) => u.stationId)).toEqual(['HJ01', 'HJ02']);
  });

  it('lists a clash against each, settled one by one against the right user', async () => {
    const { c, ec, adminC, wangA, wangB, wangC } = await hallWithTwoWangwus();
    const record = (await readJoin(c))!;
    expect(record.status).toBe('held');
    const own = { userId: wangC.id, name: '王武', role: 'clerk' };
    expect(record.clashes).toEqual([
      {
        id: `username:wangwu@${wangA.id}`,
        kind: 'username',
        key: 'wangwu',
        own,
        other: { userId: wangA.id, name: '王五', role: 'clerk', stationId: 'HJ01' },
      },
      {
        id: `username:wangwu@${wangB.id}`,
        kind: 'username',
        key: 'wangwu',
        own,
        other: { userId: wangB.id, name: '王武', role: 'reviewer', stationId: 'HJ02', leftOut: 1 },
      },
    ]);
    expect(ec.store.get()).toMatchObject({ phase: 'held', held: { open: 2 } });

    const settle = (input: Parameters<typeof settleClash>[2]) => settleClash(c, adminC, input, NOW);
    // HJ02's 王武 is left out by the stations (it signs in nowhere): never the same person.
    expect(
      await settle({ clashId: `username:wangwu@${wangB.id}`, decision: 'same_person', note: '' }),
    ).toEqual({ ok: false, problem: 'decision_unfit' });
    expect(await c.users.get(wangC.id)).toMatchObject({ username: 'wangwu', disabled: 0 });
    // Not HJ02's 王武: a new sign-in name; the clash against HJ01's 王五 is still open.
    const first = await settle({
      clashId: `username:wangwu@${wangB.id}`,
      decision: 'different_person',
      renameTo: 'wangwu3',
      note: '',
    });
    expect(first.ok && first.record.clashes.map((x) => x.id)).toEqual([
      `username:wangwu@${wangA.id}`,
    ]);
    expect(await c.users.get(wangC.id)).toMatchObject({ username: 'wangwu3', disabled: 0 });
    // The card of the other clash says the account was renamed (and asks no new name).
    const other = first.ok ? first.record.clashes[0]! : null;
    expect(ownAccountState(other!, await c.users.get(wangC.id))).toBe('renamed');
    // The same person as HJ01's 王五: the account is closed under `wangwu.hj03`.
    const second = await settle({
      clashId: `username:wangwu@${wangA.id}`,
      decision: 'same_person',
      note: '调到二号窗口的王五',
    });
    expect(second.ok && second.record).toMatchObject({ status: 'checking', clashes: [] });
    expect(await c.users.get(wangC.id)).toMatchObject({ username: 'wangwu.hj03', disabled: 1 });
    expect(ownAccountState(other!, await c.users.get(wangC.id))).toBe('closed');
    expect(
      ownAccountState({ kind: 'username', key: 'wangwu.hj03' }, await c.users.get(wangC.id)),
    ).toBe('open');
    expect(ownAccountState({ kind: 'notice', key: 'x' }, undefined)).toBeNull();
    const events = await c.events
      .where('streamId')
      .anyOf(['join:HJ03', `user:${wangC.id}`])
      .sortBy('pos');
    expect(events.map((e) => [e.type, e.payload['decision'] ?? e.payload['to'] ?? null])).toEqual([
      ['user.created', null],
      ['join.clash_settled', 'different_person'],
      ['user.renamed', 'wangwu3'],
      ['join.clash_settled', 'same_person'],
      ['user.renamed', 'wangwu.hj03'],
      ['user.disabled', null],
    ]);
    const settled = events.filter((e) => e.type === 'join.clash_settled');
    expect(settled.map((e) => [e.payload['other'], e.payload['renamedTo']])).toEqual([
      [
        { userId: wangB.id, name: '王武', role: 'reviewer', stationId: 'HJ02', leftOut: 1 },
        'wangwu3',
      ],
      [{ userId: wangA.id, name: '王五', role: 'clerk', stationId: 'HJ01' }, 'wangwu.hj03'],
    ]);
    // The check runs again: no name clashes any more; the station pushes.
    expect((await ec.pushAll()).kind).toBe('pushed');
    expect((await readJoin(c))?.status).toBe('clear');
  });

  it('after a same person, the other clash of the name leaves the closed account as it is', async () => {
    const { c, ec, adminC, wangA, wangB, wangC } = await hallWithTwoWangwus();
    const settle = (input: Parameters<typeof settleClash>[2]) => settleClash(c, adminC, input, NOW);
    // A different person needs the new name first.
    expect(
      await settle({
        clashId: `username:wangwu@${wangA.id}`,
        decision: 'different_person',
        note: '',
      }),
    ).toEqual({ ok: false, problem: 'username_invalid' });
    expect(
      (
        await settle({
          clashId: `username:wangwu@${wangA.id}`,
          decision: 'same_person',
          note: '',
        })
      ).ok,
    ).toBe(true);
    expect(await c.users.get(wangC.id)).toMatchObject({ username: 'wangwu.hj03', disabled: 1 });
    // Not HJ02's 王武 either: nothing more to change, no new name asked for.
    const last = await settle({
      clashId: `username:wangwu@${wangB.id}`,
      decision: 'different_person',
      note: '',
    });
    expect(last.ok && last.record.status).toBe('checking');
    expect(await c.users.get(wangC.id)).toMatchObject({ username: 'wangwu.hj03', disabled: 1 });
    const userEvents = await c.events.where('streamId').equals(`user:${wangC.id}`).toArray();
    expect(userEvents.map((e) => e.type)).toEqual([
      'user.created',
      'user.renamed',
      'user.disabled',
    ]);
    const settled = await c.events.where('streamId').equals('join:HJ03').toArray();
    expect(settled.map((e) => [e.payload['clashId'], e.payload['renamedTo'] ?? null])).toEqual([
      [`username:wangwu@${wangA.id}`, 'wangwu.hj03'],
      [`username:wangwu@${wangB.id}`, null],
    ]);
    expect((await ec.pushAll()).kind).toBe('pushed');
    expect((await readJoin(c))?.status).toBe('clear');
  });
});
