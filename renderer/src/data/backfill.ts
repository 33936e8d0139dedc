// Read tables a schema version adds that are derived from events already in the log
// (rowUpgrades.ts BACKFILLS), filled in the background after the upgrade instead of inside it:
// at 100,000 cases the version-5 documents table took 8–9 s to fill in Dexie's upgrade
// transaction, which holds the first start after the update (`npm run bench`). Here it runs in
// chunks of 500 events, each its own short transaction, so the station is usable at once and a
// dispatch waits for one chunk at most.
//
// Until a backfill is done its table lacks rows of events written before the version: nothing
// depends on them yet — a paper reads the number its own dispatch recorded. Filling is idempotent
// (each row is a pure function of its event, put by key), so an interrupted run simply starts
// again at the next start; a meta row marks each table done. A new database needs none and is
// marked done when it is created (db.ts). A restore derives the rows itself (upgradeTables).
import type { OneWindowDb } from './db';
import { BACKFILLS, backfillKey, backfillRows } from './rowUpgrades';
import { markConflictRows } from './conflicts';
import { maskFollowUpRows } from './followUpMask';

export { backfillKey };

const running = new WeakMap<OneWindowDb, Promise<number>>();

async function fill(db: OneWindowDb, chunk: number): Promise<number> {
  let filled = 0;
  for (const [v, list] of Object.entries(BACKFILLS)) {
    for (const b of list) {
      const key = backfillKey(Number(v), b.table);
      if ((await db.meta.get(key))?.value === 'done') continue;
      // The stream's positions through its index (keys only), then the events chunk by chunk.
      const positions = await db.events.where('streamId').equals(b.streamId).primaryKeys();
      const table = db.table(b.table);
      for (let i = 0; i < positions.length; i += chunk) {
        const events = (await db.events.bulkGet(positions.slice(i, i + chunk))).filter(
          (e) => e !== undefined,
        );
        const rows = backfillRows(b, events as unknown as Record<string, unknown>[]);
        if (rows.length > 0) await db.transaction('rw', table, () => table.bulkPut(rows));
        filled += rows.length;
      }
      await db.meta.put({ key, value: 'done' });
    }
  }
  // Row upkeep that needs no schema version, once each (a meta row marks it done).
  filled += await maskFollowUpRows(db);
  filled += await markConflictRows(db);
  return filled;
}

/**
 * Fills every derived table a past upgrade left to the background; resolves with the number of
 * rows put. One run per database at a time: a second call joins the first.
 */
export function completeBackfills(db: OneWindowDb, chunk = 500): Promise<number> {
  const current = running.get(db);
  if (current) return current;
  const run = fill(db, chunk).finally(() => running.delete(db));
  running.set(db, run);
  return run;
}
