// Restoring the hall (issue 17 item 7), three stations (each its own fake-indexeddb database) and
// the in-memory hall with the server's own refill rules (server/core/restore.ts): the hall is
// put back to an older dump; it refuses pulls, pushes and numbers (`restoring`) while the
// stations work on as offline and hand back what they hold with the original gseqs — their own
// events and the ones they pulled from others — and it opens once every active station has
// checked in. The hall's order afterwards is the order before, event for event; nothing is taken
// for a fork, nothing is dropped. A forced opening without a station: that station, back later,
// is served again if it holds nothing past the opening, and is stopped with `hall_rewound` if it
// does. Each refill is signed by the host over what it carries (electron/hall-refill.ts) and the
// hall checks it first: a password hash changed on the way is refused with nothing stored.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OneWindowDb } from '../../../../../renderer/src/data/db';
import { SyncEngine } from '../../../../../renderer/src/data/sync/engine';
import { createUser } from '../../../../../renderer/src/data/users';
import { openHall } from '../../../../../server/core/restore';
import { HallModel, ModelTransport } from './hallModel';
import { NOW, review, stationNamed, takeIn } from './fixtures';

const CODES = ['HJ01', 'HJ02', 'HJ03'] as const;
let dbs: OneWindowDb[];
let nets: ModelTransport[];
let engines: SyncEngine[];
let hall: HallModel;

async function pullAll(e: SyncEngine) {
  for (let r = await e.pullOnce(); r.kind === 'ok' && r.more;) r = await e.pullOnce();
}
async function sync(which = [0, 1, 2]) {
  for (const i of which) await engines[i]!.pushAll();
  for (const i of which) await pullAll(engines[i]!);
}
const order = () => hall.events.map((h) => `${h.gseq}:${h.event.id}`);
const caseIds = async (db: OneWindowDb) => (await db.cases.toCollection().primaryKeys()).sort();

beforeEach(async () => {
  dbs = await Promise.all(CODES.map((c) => stationNamed(c)));
  hall = new HallModel();
  hall.stations.push(...CODES);
  nets = CODES.map((c) => new ModelTransport(hall, c));
  engines = dbs.map((db, i) => new SyncEngine({ db, transport: nets[i]!, now: () => NOW }));
});
afterEach(() => dbs.forEach((d) => d.close()));

/** Work on all three, a dump, more work that only some stations hold, then the dump restored. */
async function workThenRestore() {
  await takeIn(dbs[0]!, 'a1');
  await takeIn(dbs[1]!, 'b1');
  await sync();
  const dumpAt = hall.lastGseq;
  // After the dump: A's review and a new case of A (pushed; B and C pull them), B's new case
  // (pushed; only C pulls it), C's new case (pushed; nobody pulls it but C's own acknowledgement).
  expect((await review(dbs[0]!, 'a1')).ok).toBe(true);
  await takeIn(dbs[0]!, 'a2');
  await engines[0]!.pushAll();
  await pullAll(engines[1]!);
  await takeIn(dbs[1]!, 'b2');
  await engines[1]!.pushAll();
  await pullAll(engines[2]!);
  await takeIn(dbs[2]!, 'c1');
  await engines[2]!.pushAll();
  const before = order();
  expect(before.length).toBeGreaterThan(dumpAt);
  await hall.restoreDump(dumpAt);
  expect(hall.lastGseq).toBe(dumpAt);
  return { dumpAt, before };
}

describe('a hall restored from an older dump', () => {
  it('refuses to serve until every station has refilled, then serves the same order again', async () => {
    const { dumpAt, before } = await workThenRestore();
    // A notices (the hall's order ends before what it holds) and refills what it holds.
    expect(await engines[0]!.pullOnce()).toMatchObject({
      kind: 'error',
      error: { code: 'restoring' },
    });
    expect(await hall.restore.state()).toMatchObject({ restoring: true, beganHow: 'detected' });
    const a = engines[0]!.store.get();
    expect(a.phase).toBe('offline');
    expect(a.alert).toBeUndefined();
    expect(a.restoring?.waitingFor).toEqual(['HJ02', 'HJ03']);
    expect(a.restoring?.refilled).toBeGreaterThan(0);
    // Nothing is served meanwhile: B's pull and C's number are refused, and nobody pushes.
    expect((await nets[1]!.pull({ after: 0, limit: 10, waitMs: 0 })).ok).toBe(false);
    expect(
      await nets[2]!.allocateNumber({
        requestKey: 'c1:issue:x',
        certType: 'planning-permit',
        year: 2026,
        caseId: 'c1',
      }),
    ).toMatchObject({ ok: false, error: { code: 'restoring' } });
    // A works on offline: a new case is taken in and waits in its outbox.
    await takeIn(dbs[0]!, 'a3');
    await engines[0]!.pushAll();
    expect(engines[0]!.store.get()).toMatchObject({ phase: 'offline', pending: 2 });
    // B refills (its case b2, past A's part); the hall waits for C alone.
    await engines[1]!.pullOnce();
    expect(engines[1]!.store.get().restoring?.waitingFor).toEqual(['HJ03']);
    expect(hall.lastGseq).toBeLessThan(before.length);
    // C holds the last of it: the hall opens on C's refill.
    await engines[2]!.pullOnce();
    expect(await hall.restore.state()).toMatchObject({ restoring: false, openedHow: 'refilled' });
    // The order is the order before the restore, event for event, gseq for gseq.
    expect(order()).toEqual(before);
    expect(hall.lastGseq).toBeGreaterThan(dumpAt);
    await sync();
    await sync();
    expect(order().slice(0, before.length)).toEqual(before);
    for (const e of engines) {
      expect(e.store.get().alert).toBeUndefined();
      expect(e.store.get().restoring).toBeUndefined();
      expect(e.store.get()).toMatchObject({ phase: 'synced', pending: 0 });
    }
    for (const db of dbs) expect(await caseIds(db)).toEqual(['a1', 'a2', 'a3', 'b1', 'b2', 'c1']);
    // Every station holds every event once, at the hall's gseq.
    for (const db of dbs) {
      const held = (await db.events.toArray()).map((e) => `${e.gseq}:${e.id}`).sort();
      expect(held).toEqual([...order()].sort());
    }
  });

  it('never pushes into a rewound order: a station with events waiting refills first', async () => {
    const { dumpAt, before } = await workThenRestore();
    await takeIn(dbs[0]!, 'a3');
    // The session opened before the dump is gone with it; the new one shows the hall behind.
    await engines[0]!.pushAll();
    await engines[0]!.pushAll();
    expect(await hall.restore.state()).toMatchObject({ restoring: true, fromGseq: dumpAt });
    // A's new case took no gseq: the hall holds A's refill only, at the gseqs A held them.
    expect(order()).toEqual(before.slice(0, hall.lastGseq));
    expect(engines[0]!.store.get()).toMatchObject({ phase: 'offline', pending: 2 });
    expect(engines[0]!.store.get().alert).toBeUndefined();
  });

  it('opens by the administrator without a missing station; that station is stopped if it holds past the opening', async () => {
    await workThenRestore();
    await hall.restore.begin('admin', hall.lastGseq, NOW);
    await engines[0]!.pullOnce();
    await engines[1]!.pullOnce();
    // C (which alone holds its case c1) has not checked in: opening is refused, then forced.
    const refused = await openHall(hall.store, hall.restore, false, NOW);
    expect(refused).toMatchObject({ opened: false, past: [] });
    expect(refused.missing.map((m) => m.code)).toEqual(['HJ03']);
    const forced = await openHall(hall.store, hall.restore, true, NOW);
    expect(forced.opened).toBe(true);
    expect(await hall.restore.state()).toMatchObject({ openedHow: 'forced', missing: ['HJ03'] });
    await sync([0, 1]);
    expect(engines[0]!.store.get()).toMatchObject({ phase: 'synced' });
    // C comes back holding gseqs the hall has since given to other events: stopped, red alert.
    await engines[2]!.pullOnce();
    expect(engines[2]!.store.get()).toMatchObject({
      phase: 'alert',
      alert: { code: 'hall_rewound' },
    });
  });

  it('serves a station missing at a forced opening again once it checks in holding nothing past it', async () => {
    await takeIn(dbs[0]!, 'a1');
    await sync([0, 1]);
    const dumpAt = hall.lastGseq;
    await takeIn(dbs[0]!, 'a2');
    await sync([0, 1]);
    await hall.restoreDump(dumpAt);
    await hall.restore.begin('admin', dumpAt, NOW);
    await engines[0]!.pullOnce();
    expect((await openHall(hall.store, hall.restore, true, NOW)).opened).toBe(true);
    // C never pulled anything: refused once (`restoring`), it checks in, then it is served.
    expect(await hall.refuses('HJ03')).toBe(true);
    await engines[2]!.pullOnce();
    expect(await hall.refuses('HJ03')).toBe(false);
    await sync([2]);
    expect(engines[2]!.store.get()).toMatchObject({ phase: 'synced' });
    expect(await caseIds(dbs[2]!)).toEqual(['a1', 'a2']);
  });

  it('signs each refill: a password hash changed on the way is refused, nothing of it stored', async () => {
    await takeIn(dbs[0]!, 'a1');
    await sync();
    const dumpAt = hall.lastGseq;
    // After the dump: a clerk created on A (its password hash beside the event), pushed.
    const admin = (await dbs[0]!.users.where('username').equals('admin').first())!;
    const clerk = await createUser(
      dbs[0]!,
      { id: admin.id, name: admin.name, role: admin.role },
      { username: 'wangchuang', name: '王窗口', password: 'Wang-chuang-2026', role: 'clerk' },
      { now: NOW, iterations: 1000 },
    );
    const hash = (await dbs[0]!.users.get(clerk.id))!.passwordHash;
    await engines[0]!.pushAll();
    const created = hall.events.find((h) => h.event.type === 'user.created' && h.gseq > dumpAt)!;
    expect(hall.store.credentials.get(created.event.id)?.hash).toBe(hash);
    await hall.restoreDump(dumpAt);
    expect(hall.store.credentials.has(created.event.id)).toBe(false);

    // Changed between A's host and the hall: the signature covers the hash it sent.
    nets[0]!.tamperRefill = (body) => {
      body.credentials = body.credentials?.map((c) => ({ ...c, hash: c.hash.replace(/.$/, '0') }));
    };
    await engines[0]!.pullOnce();
    expect(engines[0]!.store.get()).toMatchObject({
      phase: 'alert',
      alert: { code: 'credentials_mismatch' },
    });
    expect(engines[0]!.store.get().restoring).toBeUndefined();
    expect(hall.lastGseq).toBe(dumpAt);
    expect(hall.store.credentials.has(created.event.id)).toBe(false);
    expect((await hall.restore.progress()).find((p) => p.code === 'HJ01')?.refilled).toBe(0);

    // The administrator sees to it; the next refill reaches the hall as signed: the hash kept.
    nets[0]!.tamperRefill = null;
    const verified = hall.verifiedRefills;
    engines[0]!.clearAlert();
    await engines[0]!.pullOnce();
    expect(engines[0]!.store.get().alert).toBeUndefined();
    expect(hall.verifiedRefills).toBeGreaterThan(verified);
    expect(hall.events.find((h) => h.gseq === created.gseq)?.event.id).toBe(created.event.id);
    expect(hall.store.credentials.get(created.event.id)?.hash).toBe(hash);
  });
});
