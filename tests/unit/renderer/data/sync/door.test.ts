// The hall door (data/log.ts storeHallEvents) and the pull on top of it: foreign events stored
// exactly as received, once; a gap in a foreign chain waits; a forged event is refused; own
// events coming back record their gseq; the chains of both stations verify on each.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OneWindowDb } from '../../../../../renderer/src/data/db';
import {
  prepareDeliveries,
  storeHallEvents,
  type HallDelivery,
} from '../../../../../renderer/src/data/log';
import { verifyLog } from '../../../../../renderer/src/data/integrity';
import { SyncEngine } from '../../../../../renderer/src/data/sync/engine';
import { readCursor } from '../../../../../renderer/src/data/sync/hallMeta';
import type { StoredEvent } from '../../../../../renderer/src/data/eventTypes';
import { HallModel, ModelTransport } from './hallModel';
import { NOW, review, stationNamed, takeIn } from './fixtures';

let a: OneWindowDb;
let b: OneWindowDb;
let hall: HallModel;

beforeEach(async () => {
  [a, b] = await Promise.all([stationNamed('HJ01'), stationNamed('HJ02')]);
  hall = new HallModel();
});
afterEach(() => {
  a.close();
  b.close();
});

const engineOf = (db: OneWindowDb, code: string) =>
  new SyncEngine({ db, transport: new ModelTransport(hall, code), now: () => NOW });

async function storeOnB(deliveries: HallDelivery[]) {
  const prepared = await prepareDeliveries(deliveries);
  return b.transaction('rw', [b.events, b.meta], async () => {
    return await storeHallEvents(b, { stationId: 'HJ02' }, prepared);
  });
}

const deliveriesOf = (from: number, to: number): HallDelivery[] =>
  hall.events
    .slice(from - 1, to)
    .map((h) => ({ gseq: h.gseq, event: h.event as unknown as StoredEvent }));

describe('the hall door', () => {
  it('stores a foreign chain as received, once, and the case appears on the other station', async () => {
    await takeIn(a, 'c1');
    const ea = engineOf(a, 'HJ01');
    expect((await ea.pushAll()).kind).toBe('pushed');
    const total = hall.lastGseq;
    // setup (station, admin user) and the intake: every event of A's chain, in the hall order.
    expect(hall.events.map((h) => h.event.stationSeq)).toEqual(
      Array.from({ length: total }, (_, i) => i + 1),
    );
    const before = await b.events.count();
    const first = await storeOnB(deliveriesOf(1, total));
    expect(first.stored.length).toBe(total);
    expect(first.duplicates).toBe(0);
    // The same delivery again, and a batch holding each event twice: nothing stored twice.
    const again = await storeOnB([...deliveriesOf(1, total), ...deliveriesOf(1, total)]);
    expect(again.stored.length).toBe(0);
    expect(again.duplicates).toBe(2 * total);
    expect(await b.events.count()).toBe(before + total);
    // Stored byte for byte as A holds them, plus the gseq.
    const onA = (await a.events.orderBy('pos').toArray()).map(({ pos: _p, gseq: _g, ...e }) => e);
    const onB = (await b.events.where('gseq').above(0).toArray()).map(
      ({ pos: _p, gseq: _g, ...e }) => e,
    );
    expect(onB).toEqual(onA);
    expect((await verifyLog(b, NOW)).ok).toBe(true);
  });

  it('keeps a later link waiting until the missing range comes, and the cursor stays before the gap', async () => {
    await takeIn(a, 'c1');
    await takeIn(a, 'c2');
    await engineOf(a, 'HJ01').pushAll();
    const total = hall.lastGseq;
    const late = await storeOnB(deliveriesOf(3, total));
    expect(late.stored).toEqual([]);
    expect(late.waiting.map((w) => w.gseq)).toEqual(
      Array.from({ length: total - 2 }, (_, i) => i + 3),
    );
    const early = await storeOnB(deliveriesOf(1, 2));
    expect(early.stored.map((e) => e.gseq)).toEqual([1, 2]);
    // Through the engine: the pull stores the rest and moves the cursor over the whole run.
    const eb = engineOf(b, 'HJ02');
    const r = await eb.pullOnce();
    expect(r.kind).toBe('ok');
    expect(await readCursor(b)).toBe(total);
    expect((await b.cases.get('c2'))?.caseNo).toBe('HJ01-20260302-0002');
    expect((await verifyLog(b, NOW)).ok).toBe(true);
  });

  it('refuses an event whose hash does not match its fields and one that does not link; nothing of them is stored', async () => {
    await takeIn(a, 'c1');
    await engineOf(a, 'HJ01').pushAll();
    const all = deliveriesOf(1, hall.lastGseq);
    const forged = all.map((d, i) =>
      i === 1 ? { ...d, event: { ...d.event, actor: { ...d.event.actor, name: '冒名' } } } : d,
    );
    const r = await storeOnB(forged);
    expect(r.stored.map((e) => e.gseq)).toEqual([1]);
    expect(r.faults).toEqual([
      { gseq: 2, eventId: 'HJ01-2', chainId: 'HJ01', reason: 'hash_mismatch' },
    ]);
    // Event 3 waits behind the refused 2 (gap), it is not stored.
    expect(r.waiting.map((w) => w.gseq)).toEqual(all.slice(2).map((d) => d.gseq));
    const relinked = await storeOnB([
      { gseq: 2, event: { ...all[2]!.event, stationSeq: 2, id: 'HJ01-2' } },
    ]);
    expect(relinked.faults.map((f) => f.reason)).toEqual(['hash_mismatch']);
  });

  it("records the gseq of the station's own events when they come back, and the alert names a fork", async () => {
    await takeIn(a, 'c1');
    const ea = engineOf(a, 'HJ01');
    await ea.pushAll();
    // The push answer already gave the gseqs; the pull's copies are recognised as duplicates.
    const held = await a.events.orderBy('pos').toArray();
    expect(held.map((e) => e.gseq)).toEqual(held.map((_, i) => i + 1));
    const r = await ea.pullOnce();
    expect(r.kind === 'ok' && r.result.duplicates).toBe(hall.lastGseq);
    expect(await readCursor(a)).toBe(hall.lastGseq);
    expect(ea.store.get()).toMatchObject({ phase: 'synced', pending: 0 });
    // An own event the hall holds with another hash: a fork, never written.
    const copy = hall.events[2]!;
    const forkGseq = hall.lastGseq + 1;
    hall.store.rows.push({
      gseq: forkGseq,
      json: JSON.stringify({ ...copy.event, hash: 'f'.repeat(64) }),
    });
    const f = await ea.pullOnce();
    expect(f.kind).toBe('fault');
    expect(ea.store.get().alert).toEqual({
      code: 'fork',
      detail: `fork HJ01 HJ01-3 (gseq ${forkGseq})`,
    });
    expect(await a.events.count()).toBe(held.length);
  });

  it('re-folds a case acted on by two stations in the hall order on both', async () => {
    await takeIn(a, 'c1');
    const ea = engineOf(a, 'HJ01');
    const eb = engineOf(b, 'HJ02');
    await ea.pushAll();
    await eb.pullOnce();
    expect((await b.cases.get('c1'))?.status).toBe('review');
    expect((await review(b, 'c1')).ok).toBe(true);
    await eb.pushAll();
    await ea.pullOnce();
    await eb.pullOnce();
    const rowA = await a.cases.get('c1');
    expect(rowA).toMatchObject({ status: 'verify', version: 2, inboxRole: 'chief' });
    expect(await b.cases.get('c1')).toEqual(rowA);
  });

  it('parks a review decided on a stale version, on both stations, and keeps it in the log', async () => {
    await takeIn(a, 'c1');
    const ea = engineOf(a, 'HJ01');
    const eb = engineOf(b, 'HJ02');
    await ea.pushAll();
    await eb.pullOnce();
    // Both review version 1 of the case: A online first, B while cut off from the hall.
    expect((await review(a, 'c1')).ok).toBe(true);
    await ea.pushAll();
    expect((await review(b, 'c1')).ok).toBe(true);
    const stale = (await b.events.orderBy('pos').last())!;
    expect(stale.payload.basedOn).toBe(1);
    await eb.pushAll();
    await eb.pullOnce();
    await ea.pullOnce();
    const rowA = (await a.cases.get('c1'))!;
    expect(rowA).toMatchObject({ status: 'verify', version: 2, inboxRole: 'chief' });
    expect((rowA.state as { parked?: unknown[] }).parked).toEqual([
      { eventId: stale.id, type: 'caseReviewed', basedOn: 1, version: 2, reason: 'not_admitted' },
    ]);
    expect(await b.cases.get('c1')).toEqual(rowA);
    // Kept in both logs with its gseq; nothing left to push, nothing retried.
    for (const db of [a, b])
      expect((await db.events.where('gseq').equals(hall.lastGseq).first())?.id).toBe(stale.id);
    expect(eb.store.get()).toMatchObject({ phase: 'synced', pending: 0 });
  });
});
