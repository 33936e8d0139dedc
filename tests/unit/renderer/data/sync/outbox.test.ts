// The outbox is "own events past the acknowledged seq": ranges, acknowledgement by the push
// answer and by the session's heads, a lost answer re-pushed as duplicates, a gap answer, the
// blobs an event names uploaded before it, and backoff that is capped and stops on a refusal no
// retry settles.
import { afterEach, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import type { OneWindowDb } from '../../../../../renderer/src/data/db';
import { SyncEngine } from '../../../../../renderer/src/data/sync/engine';
import { readAcked } from '../../../../../renderer/src/data/sync/hallMeta';
import { nextRange, pendingCount, wireOf } from '../../../../../renderer/src/data/sync/outbox';
import { backoffDelay } from '../../../../../renderer/src/data/sync/backoff';
import { HallModel, ModelTransport } from './hallModel';
import { NOW, stationNamed, takeIn } from './fixtures';

let db: OneWindowDb;
let hall: HallModel;
let net: ModelTransport;

beforeEach(async () => {
  db = await stationNamed('HJ01');
  hall = new HallModel();
  net = new ModelTransport(hall, 'HJ01');
});
afterEach(() => db.close());

const SCAN = 'a'.repeat(64);

describe('the outbox', () => {
  it('is every own event past the mark, in ranges of at most the limit, oldest first', async () => {
    const setUp = (await db.events.count()) as number; // station and administrator
    await takeIn(db, 'c1');
    await takeIn(db, 'c2');
    const total = await db.events.count();
    expect(await pendingCount(db)).toBe(total);
    const first = await nextRange(db, 'HJ01', {}, 2);
    expect(first).toMatchObject({ chainId: 'HJ01', fromSeq: 1, headSeq: total });
    expect(first!.events.map((e) => e.stationSeq)).toEqual([1, 2]);
    const rest = await nextRange(db, 'HJ01', { HJ01: { seq: setUp, pos: 0 } });
    expect(rest!.events.map((e) => e.stationSeq)).toEqual(
      Array.from({ length: total - setUp }, (_, i) => setUp + 1 + i),
    );
    expect(await nextRange(db, 'HJ01', { HJ01: { seq: total, pos: 0 } })).toBeNull();
  });

  it('is acknowledged by the push answer: marks, gseqs, status', async () => {
    await takeIn(db, 'c1');
    const engine = new SyncEngine({ db, transport: net, now: () => NOW, pushLimit: 3 });
    const total = await db.events.count();
    const r = await engine.pushAll();
    expect(r.kind).toBe('pushed');
    const pushes = net.calls.filter((c) => c.startsWith('push'));
    expect(pushes[0]).toBe('push HJ01 1+3');
    expect(pushes.length).toBe(Math.ceil(total / 3));
    expect((await readAcked(db)).HJ01!.seq).toBe(total);
    expect(await pendingCount(db)).toBe(0);
    expect((await db.events.orderBy('pos').toArray()).map((e) => e.gseq)).toEqual(
      hall.events.map((h) => h.gseq),
    );
    expect(engine.store.get()).toMatchObject({ pending: 0, phase: 'syncing', clockSkewMs: 0 });
    await engine.pullOnce();
    expect(engine.store.get()).toMatchObject({
      pending: 0,
      phase: 'synced',
      lastSyncAt: NOW.toISOString(),
    });
  });

  it('re-pushes a range whose answer was lost: the hall counts duplicates, stores nothing twice', async () => {
    await takeIn(db, 'c1');
    net.faults.lostAnswer = 1;
    const engine = new SyncEngine({ db, transport: net, now: () => NOW });
    expect((await engine.pushAll()).kind).toBe('retry');
    expect(engine.store.get()).toMatchObject({
      phase: 'offline',
      pending: await db.events.count(),
    });
    const stored = hall.lastGseq;
    net.faults.lostAnswer = 0;
    const r = await engine.pushAll();
    expect(r).toMatchObject({ kind: 'pushed', accepted: 0, duplicates: stored });
    expect(hall.lastGseq).toBe(stored);
    expect(await pendingCount(db)).toBe(0);
  });

  it('takes the marks from the session heads after a restart; a mark behind the hall re-sends duplicates', async () => {
    await takeIn(db, 'c1');
    await new SyncEngine({ db, transport: net, now: () => NOW }).pushAll();
    await takeIn(db, 'c2');
    // A fresh engine (the app restarted) whose stored mark was lost: the session's heads say
    // how far the hall holds the chain, so only the new events are pushed.
    await db.meta.delete('hall:acked');
    net.calls = [];
    const held = hall.lastGseq;
    await new SyncEngine({ db, transport: net, now: () => NOW }).pushAll();
    expect(net.calls.filter((c) => c.startsWith('push'))).toEqual([
      `push HJ01 ${held + 1}+${(await db.events.count()) - held}`,
    ]);
    // A mark behind the hall (an answer lost before a crash): the range is re-sent, duplicates.
    await db.meta.put({ key: 'hall:acked', value: { HJ01: { seq: 1, pos: 0 } } });
    const engine = new SyncEngine({ db, transport: net, now: () => NOW });
    (engine as unknown as { session: unknown }).session = hall.session('HJ01');
    const r = await engine.pushAll();
    expect(r).toMatchObject({ kind: 'pushed', accepted: 0, duplicates: hall.lastGseq - 1 });
  });

  it('moves the mark back to the expected seq when the hall holds less (a rewound hall)', async () => {
    for (const id of ['c1', 'c2', 'c3', 'c4']) await takeIn(db, id);
    const total = await db.events.count();
    // A hall that holds the first 2 events only; this station believed it held 4.
    const first = new HallModel();
    const all = await nextRange(db, 'HJ01', {});
    expect(
      (
        await first.push('HJ01', {
          chainId: 'HJ01',
          fromSeq: 1,
          events: all!.events.slice(0, 2).map(wireOf),
        })
      ).ok,
    ).toBe(true);
    await db.meta.put({ key: 'hall:acked', value: { HJ01: { seq: 4, pos: 0 } } });
    const t = new ModelTransport(first, 'HJ01');
    const engine = new SyncEngine({ db, transport: t, now: () => NOW });
    (engine as unknown as { session: unknown }).session = first.session('HJ01');
    const out = await engine.pushAll();
    expect(out.kind).toBe('pushed');
    expect(t.calls.filter((c) => c.startsWith('push'))).toEqual([
      `push HJ01 5+${total - 4}`,
      `push HJ01 3+${total - 2}`,
    ]);
    expect(first.lastGseq).toBe(total);
  });

  it('uploads the scans an event names before the event', async () => {
    // The scan is linked in the acceptance's own dispatch (one transaction per decision).
    await takeIn(db, 'c1', NOW, [{ id: SCAN, name: '身份证.jpg', size: 1000, mime: 'image/jpeg' }]);
    const linked = (await db.events.where('streamId').equals('case-files:c1').last())!;
    expect(linked.payload.attachments).toEqual([
      { id: SCAN, name: '身份证.jpg', size: 1000, mime: 'image/jpeg', sha256: SCAN },
    ]);
    const engine = new SyncEngine({ db, transport: net, now: () => NOW });
    expect((await engine.pushAll()).kind).toBe('pushed');
    const i = net.calls.indexOf(`putBlob ${SCAN.slice(0, 8)}`);
    expect(i).toBeGreaterThan(-1);
    expect(net.calls.slice(i + 1)).toEqual([`push HJ01 1+${await db.events.count()}`]);
    expect(hall.blobs.has(SCAN)).toBe(true);
  });
});

describe('retries', () => {
  it('back off exponentially with jitter up to the cap', () => {
    const mid = () => 0.5; // no jitter
    expect([1, 2, 3, 4, 5, 6, 7, 8, 30, 1000].map((n) => backoffDelay(n, mid))).toEqual([
      1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000, 60000,
    ]);
    expect(backoffDelay(1, () => 0)).toBe(800);
    expect(backoffDelay(1, () => 1)).toBe(1200);
    expect(backoffDelay(12, () => 1)).toBe(60000);
  });

  it('are scheduled while the hall is unreachable, capped, and start over after a success', async () => {
    await takeIn(db, 'c1');
    net.faults.partitioned = true;
    const timers: { fn: () => void; ms: number }[] = [];
    const engine = new SyncEngine({
      db,
      transport: net,
      now: () => NOW,
      random: () => 0.5,
      schedule: (fn, ms, loop) => {
        if (loop === 'push') timers.push({ fn, ms });
        return () => undefined;
      },
      backoff: { baseMs: 1000, capMs: 8000 },
    });
    engine.start();
    onTestFinished(() => engine.stop());
    const pushDelays: number[] = [];
    // Run 6 push retries (the pull loop's timers are not recorded and never fire).
    const until = async (what: () => boolean) => {
      for (let i = 0; i < 500 && !what(); i++) await new Promise((r) => setTimeout(r, 10));
    };
    await until(() => timers.length > 0);
    for (let i = 0; i < 6; i++) {
      const t = timers.at(-1)!;
      pushDelays.push(t.ms);
      timers.length = 0;
      t.fn();
      await until(() => timers.length > 0);
    }
    expect(pushDelays).toEqual([1000, 2000, 4000, 8000, 8000, 8000]);
    expect(engine.store.get().phase).toBe('offline');
    net.faults.partitioned = false;
    timers.at(-1)!.fn();
    await until(() => engine.pushFailures === 0);
    expect(engine.pushFailures).toBe(0);
    expect(await pendingCount(db)).toBe(0);
  });

  it('stop on a refusal no retry settles: the chain quarantined after a fork raises the alert', async () => {
    await takeIn(db, 'c1');
    const engine = new SyncEngine({ db, transport: net, now: () => NOW });
    await engine.pushAll();
    // Another PC with a copy of this disk pushed a different event 3 first; the hall quarantines.
    const third = hall.events[2]!.event;
    const r = await hall.push('HJ01', {
      chainId: 'HJ01',
      fromSeq: 3,
      events: [{ ...third, hash: 'e'.repeat(64) }],
    });
    expect(r.ok === false && r.error.code).toBe('fork');
    await takeIn(db, 'c2');
    net.calls = [];
    const out = await engine.pushAll();
    expect(out).toMatchObject({ kind: 'fatal', error: { code: 'quarantined' } });
    expect(engine.store.get()).toMatchObject({ phase: 'alert', alert: { code: 'quarantined' } });
    // No more pushing: the next dispatch does not reach the hall.
    await takeIn(db, 'c3');
    expect((await engine.pushAll()).kind).toBe('idle');
    expect(net.calls.filter((c) => c.startsWith('push')).length).toBe(1);
    expect(engine.store.get().pending).toBeGreaterThan(0);
  });
});
