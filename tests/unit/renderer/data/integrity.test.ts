import { afterEach, describe, expect, it } from 'vitest';
import { append } from '../../../../renderer/src/data/log';
import { isStreamReadOnly, verifyLog } from '../../../../renderer/src/data/integrity';
import type { OneWindowDb } from '../../../../renderer/src/data/db';
import { clerk, freshDb, station } from './helpers';

let db: OneWindowDb;
afterEach(() => db?.close());

async function seedLog(count: number) {
  db = freshDb();
  for (let i = 0; i < count; i++) {
    await db.transaction('rw', db.events, db.meta, () =>
      append(
        db,
        station,
        `case:c${i % 3}`,
        [{ type: 'auth.signed_out', payload: { username: `u${i}` } }],
        clerk,
        new Date(Date.UTC(2026, 10, 29, 1, i)),
      ),
    );
  }
}

describe('event log integrity', () => {
  it('appends with station id, per-station sequence and a chain that verifies', async () => {
    await seedLog(5);
    const events = await db.events.orderBy('pos').toArray();
    expect(events.map((e) => e.id)).toEqual(['HJ01-1', 'HJ01-2', 'HJ01-3', 'HJ01-4', 'HJ01-5']);
    expect(events[1]!.prevHash).toBe(events[0]!.hash);
    const progress: number[] = [];
    const report = await verifyLog(db, new Date(), (checked) => progress.push(checked));
    expect(report).toMatchObject({ ok: true, checked: 5, total: 5 });
    expect(progress.at(-1)).toBe(5);
  });

  it('finds a tampered event, names it, and makes its case read-only', async () => {
    await seedLog(6);
    const victim = (await db.events.filter((e) => e.id === 'HJ01-4').first())!;
    // Someone edits the payload directly in IndexedDB, bypassing dispatch.
    await db.events.update(victim.pos!, { payload: { username: 'u999' } });
    const report = await verifyLog(db, new Date());
    expect(report.ok).toBe(false);
    expect(report.broken).toMatchObject({
      eventId: 'HJ01-4',
      streamId: victim.streamId,
      reason: 'hash_mismatch',
    });
    expect(await isStreamReadOnly(db, victim.streamId)).toBe(true);
    expect(await isStreamReadOnly(db, 'case:other')).toBe(false);
  });

  it('finds a deleted event in the middle and a dropped tail', async () => {
    await seedLog(4);
    const second = (await db.events.filter((e) => e.id === 'HJ01-2').first())!;
    await db.events.delete(second.pos!);
    expect((await verifyLog(db, new Date())).broken?.eventId).toBe('HJ01-3');

    await seedLog(4);
    const last = (await db.events.filter((e) => e.id === 'HJ01-4').first())!;
    await db.events.delete(last.pos!);
    expect((await verifyLog(db, new Date())).broken?.reason).toBe('head_mismatch');
  });
});
