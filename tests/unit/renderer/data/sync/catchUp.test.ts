// The catch-up progress: a station more than a page behind the hall shows how far it is (the
// cursor of the hall's last gseq) until nothing more is due; a station a page or less behind
// shows no bar at all.
import { afterEach, describe, expect, it } from 'vitest';
import type { OneWindowDb } from '../../../../../renderer/src/data/db';
import { SyncEngine, type SyncState } from '../../../../../renderer/src/data/sync';
import { HallModel, ModelTransport } from './hallModel';
import { NOW, stationNamed, takeIn } from './fixtures';

const dbs: OneWindowDb[] = [];
afterEach(() => dbs.splice(0).forEach((d) => d.close()));

/** A hall holding `cases` intakes of HJ02 (each its events), pushed by a real engine. */
async function hallWith(cases: number) {
  const hall = new HallModel();
  const a = await stationNamed('HJ02');
  dbs.push(a);
  for (let i = 0; i < cases; i++) await takeIn(a, `c${i}`);
  const pusher = new SyncEngine({
    db: a,
    transport: new ModelTransport(hall, 'HJ02'),
    now: () => NOW,
  });
  expect((await pusher.pushAll()).kind).toBe('pushed');
  return { hall, total: await a.events.count() };
}

describe('the catch-up progress', () => {
  it('goes up page by page with the cursor and the hall last gseq, and is gone once caught up', async () => {
    const { hall, total } = await hallWith(6);
    const b = await stationNamed('HJ03');
    dbs.push(b);
    const engine = new SyncEngine({
      db: b,
      transport: new ModelTransport(hall, 'HJ03'),
      pullLimit: 3,
      now: () => NOW,
    });
    const seen: SyncState['catchUp'][] = [];
    engine.store.subscribe((s) => seen.push(s.catchUp));
    for (
      let i = 0;
      i < 20 && (await engine.pullOnce()).kind === 'ok' && engine.store.get().catchUp;
      i++
    );
    const last = hall.lastGseq;
    expect(last).toBeGreaterThanOrEqual(total);
    // One entry per page (the store also tells each change of phase or pending).
    const shown = seen.filter((c, i) => c !== undefined && c.cursor !== seen[i - 1]?.cursor);
    expect(shown[0]).toEqual({ cursor: 3, lastGseq: last });
    expect(shown.map((c) => c!.cursor)).toEqual(
      Array.from({ length: Math.ceil(last / 3) - 1 }, (_, i) => 3 * (i + 1)),
    );
    expect(engine.store.get().catchUp).toBeUndefined();
    expect((await b.meta.get('hall:cursor'))?.value).toBe(last);
  });

  it('shows no bar for a station one page or less behind', async () => {
    const { hall } = await hallWith(1);
    const b = await stationNamed('HJ03');
    dbs.push(b);
    const engine = new SyncEngine({
      db: b,
      transport: new ModelTransport(hall, 'HJ03'),
      pullLimit: 500,
      now: () => NOW,
    });
    const seen: SyncState['catchUp'][] = [];
    engine.store.subscribe((s) => seen.push(s.catchUp));
    const r = await engine.pullOnce();
    expect(r.kind === 'ok' && r.more).toBe(false);
    expect(seen.every((c) => c === undefined)).toBe(true);
  });

  it('moves the outbox past the hall events it stored, so the next own event is found at once', async () => {
    const { hall } = await hallWith(4);
    const b = await stationNamed('HJ03');
    dbs.push(b);
    const engine = new SyncEngine({
      db: b,
      transport: new ModelTransport(hall, 'HJ03'),
      pullLimit: 5,
      now: () => NOW,
    });
    expect((await engine.pushAll()).kind).toBe('pushed');
    while ((await engine.pullOnce()).kind === 'ok' && engine.store.get().catchUp);
    const lastPos = (await b.events.orderBy(':id').lastKey()) as number;
    const acked = (await b.meta.get('hall:acked'))?.value as Record<
      string,
      { seq: number; pos: number }
    >;
    expect(acked.HJ03!.pos).toBe(lastPos);
    await takeIn(b, 'b1');
    const pushed = await engine.pushAll();
    expect(pushed.kind).toBe('pushed');
    const after = (await b.meta.get('hall:acked'))?.value as Record<
      string,
      { seq: number; pos: number }
    >;
    expect(after.HJ03!.seq).toBe(
      await b.events
        .where('pos')
        .above(0)
        .filter((e) => e.chainId === 'HJ03')
        .count(),
    );
    expect(after.HJ03!.pos).toBe(lastPos + 2);
  });
});
