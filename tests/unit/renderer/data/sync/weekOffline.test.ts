// A field laptop away for a week (issue 17 item 5a): HJ09 works offline for seven days — hundreds
// of events, scans, reviews of cases it took home — while HJ01 goes on with the hall. The laptop's
// engine runs the whole time (start(), the real loops on a scheduler the test steps); nobody does
// anything by hand on its return: the push retry and the pull loop bring both stations to the
// same log and the same read tables, every event held once with its gseq, the scans uploaded
// before the events that name them, the long outbox pushed in ranges.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OneWindowDb } from '../../../../../renderer/src/data/db';
import { SyncEngine } from '../../../../../renderer/src/data/sync/engine';
import { pendingCount } from '../../../../../renderer/src/data/sync/outbox';
import {
  FIELD_LEASE_PLAN,
  heldLocally,
  LEASE_PLAN,
} from '../../../../../renderer/src/data/numberLeases';
import { HallModel, ModelTransport } from './hallModel';
import { NOW, review, stationNamed, takeIn } from './fixtures';

const DAY = 24 * 60 * 60 * 1000;
const scan = (i: number) => i.toString(16).padStart(64, 'c');

let field: OneWindowDb;
let counter: OneWindowDb;

beforeEach(async () => {
  [field, counter] = await Promise.all([stationNamed('HJ09'), stationNamed('HJ01')]);
});
afterEach(() => {
  field.close();
  counter.close();
});

const rowsOf = async (db: OneWindowDb) =>
  JSON.stringify({
    cases: await db.cases.orderBy('id').toArray(),
    parties: await db.parties.orderBy('id').toArray(),
    projects: await db.projects.orderBy('id').toArray(),
  });

/** The engine's timers, run by hand: the test is the clock. */
function manualClock() {
  const due: { fn: () => void; ms: number; loop: string }[] = [];
  return {
    due,
    schedule: (fn: () => void, ms: number, loop: 'push' | 'pull') => {
      const t = { fn, ms, loop };
      due.push(t);
      return () => {
        const i = due.indexOf(t);
        if (i >= 0) due.splice(i, 1);
      };
    },
    /** Runs every timer due (each may schedule the next), letting the async work finish. */
    async tick(rounds: number) {
      for (let r = 0; r < rounds; r++) {
        const now = due.splice(0);
        for (const t of now) t.fn();
        await new Promise((res) => setTimeout(res, 5));
      }
    },
  };
}

describe('a week offline', () => {
  it('converges on its own: hundreds of events, scans and a long outbox', async () => {
    const hall = new HallModel();
    const netField = new ModelTransport(hall, 'HJ09');
    const netCounter = new ModelTransport(hall, 'HJ01');
    const clock = manualClock();
    const engine = new SyncEngine({
      db: field,
      transport: netField,
      now: () => NOW,
      random: () => 0.5,
      schedule: clock.schedule,
      backoff: { baseMs: 1000, capMs: 60_000 },
      pullWaitMs: 0,
      idlePullMs: 1000,
      // A field laptop holds numbers for a week away (numberLeases.ts FIELD_LEASE_PLAN).
      leasePlan: FIELD_LEASE_PLAN,
    });
    // The counter syncs once a day here (eight intakes between two pulls); the app's engine tops its
    // blocks up after every pull, so a threshold above a day's intakes stands in for that.
    const counterEngine = new SyncEngine({
      db: counter,
      transport: netCounter,
      now: () => NOW,
      leasePlan: LEASE_PLAN.map((p) => ({ ...p, threshold: Math.max(p.threshold, 10) })),
    });
    const syncCounter = async () => {
      await counterEngine.pushAll();
      for (let r = await counterEngine.pullOnce(); r.kind === 'ok' && r.more;)
        r = await counterEngine.pullOnce();
    };

    // Before leaving: both hold the counter's first cases.
    for (let i = 1; i <= 10; i++) await takeIn(counter, `c-${i}`);
    await syncCounter();
    engine.start();
    await clock.tick(3);
    expect(await field.cases.count()).toBe(10);
    // And its numbers for the week: the engine's lease rounds (a field laptop holds 150–200 of
    // each busy notice) before it leaves the hall.
    const acceptanceFree = async () =>
      (await heldLocally(field)).find((h) => h.seriesId === 'doc:acceptance:2026')?.free.length ??
      0;
    for (let r = 0; r < 40 && (await acceptanceFree()) < 150; r++) await clock.tick(1);
    expect(await acceptanceFree()).toBeGreaterThanOrEqual(150);

    // Away: no network for seven days. The engine keeps running and retrying.
    netField.faults.partitioned = true;
    for (let day = 0; day < 7; day++) {
      const at = new Date(NOW.getTime() + day * DAY);
      for (let i = 1; i <= 20; i++) {
        const id = `f-${day}-${i}`;
        const attachments =
          i % 5 === 0
            ? [{ id: scan(day * 100 + i), name: '现场照片.jpg', size: 900, mime: 'image/jpeg' }]
            : undefined;
        await takeIn(field, id, at, attachments);
        if (i % 2 === 0) expect((await review(field, id, at)).ok).toBe(true);
      }
      // The counter goes on: its own intakes, and reviews of the cases both held before.
      for (let i = 1; i <= 8; i++) await takeIn(counter, `c-${day}-${i}`, at);
      if (day < 5) expect((await review(counter, `c-${day + 1}`, at)).ok).toBe(true);
      await syncCounter();
      await engine.afterDispatch();
      await clock.tick(2);
    }
    // The same case reviewed on both while apart: the field's review is parked, on both.
    expect((await review(field, 'c-7')).ok).toBe(true);
    expect((await review(counter, 'c-7', new Date(NOW.getTime() + 7 * DAY))).ok).toBe(true);
    await syncCounter();

    // The engine hears of the last review as of any dispatch, and settles its state on its round
    // (without this the state could still count one event fewer — seen in a clean-clone CI run).
    await engine.afterDispatch();
    await clock.tick(2);
    const pending = await pendingCount(field);
    expect(pending).toBeGreaterThan(300);
    expect(engine.store.get()).toMatchObject({ phase: 'offline', pending });
    const fieldEvents = await field.events.filter((e) => e.stationId === 'HJ09').count();
    expect(hall.events.filter((e) => e.event.stationId === 'HJ09').length).toBeLessThan(
      fieldEvents,
    );
    // The backoff reached its cap and stays there (one push timer, one pull timer).
    expect(clock.due.map((t) => t.loop).sort()).toEqual(['pull', 'push']);

    // Back: the network returns. Only the engine's own timers run.
    netField.faults.partitioned = false;
    for (let r = 0; r < 40 && (await pendingCount(field)) > 0; r++) await clock.tick(1);
    await clock.tick(10);
    await syncCounter();
    await clock.tick(5);
    engine.stop();

    expect(await pendingCount(field)).toBe(0);
    expect(engine.store.get()).toMatchObject({ phase: 'synced', pending: 0 });
    // Ranges of at most 200 events, from where the hall was, in order.
    const pushes = netField.calls.filter((c) => c.startsWith('push ') && !c.endsWith('+0'));
    expect(pushes.length).toBeGreaterThanOrEqual(2);
    for (const p of pushes) expect(Number(p.split('+')[1])).toBeLessThanOrEqual(200);
    // Every scan is in the hall, uploaded once.
    const scans = Array.from({ length: 7 }, (_, d) =>
      [5, 10, 15, 20].map((i) => scan(d * 100 + i)),
    ).flat();
    for (const s of scans) expect(hall.blobs.has(s)).toBe(true);
    expect(new Set(hall.uploads).size).toBe(hall.uploads.length);

    // One log: every event once, with the hall's gseq, on both stations and the hall.
    const all = hall.events;
    expect(new Set(all.map((e) => e.event.id)).size).toBe(all.length);
    expect(all.map((e) => e.gseq)).toEqual(all.map((_, i) => i + 1));
    for (const db of [field, counter]) {
      const held = await db.events.toArray();
      expect(held.length).toBe(all.length);
      expect(held.every((e) => typeof e.gseq === 'number')).toBe(true);
      expect(new Set(held.map((e) => e.gseq)).size).toBe(all.length);
      expect(await db.meta.get('hall:cursor')).toMatchObject({ value: all.length });
    }
    expect(await rowsOf(field)).toBe(await rowsOf(counter));
    expect(await field.cases.count()).toBe(10 + 7 * 20 + 7 * 8);
    // The review both made of c-7 while apart: the hall order kept the counter's, parked the field's.
    const c7 = (await field.cases.get('c-7'))!;
    expect((c7.state as { parked?: unknown[] }).parked?.length).toBe(1);
    expect(((await counter.cases.get('c-7'))!.state as { parked?: unknown[] }).parked?.length).toBe(
      1,
    );
  });
});
