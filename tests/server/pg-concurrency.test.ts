// On real PostgreSQL: 8 stations × 30 pushes (with duplicate re-pushes) over a pool of 10
// connections while a cursor reader follows the hall order; it must see every event exactly once
// and in order. The same workload over a plain sequence (bigserial-style, no hall-row lock) must
// make the same reader miss events — the proof that this test can catch the skip.
import { readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { push } from '../../server/core/hall';
import type { EventStore } from '../../server/core/store';
import { migrate, MIGRATIONS_DIR } from '../../server/db/migrate';
import { postgresDb, type Db } from '../../server/db/sql';
import { SqlStore } from '../../server/db/store';
import { clusterDatabases, makeEvents, stationCodes } from './helpers';

const STATIONS = 8;
const PUSHES = 30;

const cluster = clusterDatabases('concurrency');

/** A fresh database in the test cluster, migrated, with the stations enrolled. */
const freshDb = (name: string) => cluster.fresh(stationCodes(STATIONS), name);

/** A small seeded PRNG (mulberry32), so the workload is the same on every run. */
function prng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function stationWorkload(store: EventStore, s: number) {
  const code = `HJ${10 + s}`;
  const rand = prng(1000 + s);
  const all = makeEvents(code, PUSHES * 3);
  let seq = 0;
  let duplicates = 0;
  for (let p = 0; p < PUSHES; p++) {
    const n = 1 + Math.floor(rand() * 3);
    const events = all.slice(seq, seq + n);
    const req = { pushId: `p-${code}-${p}`, chainId: code, fromSeq: seq + 1, events };
    const r = await push(store, code, req, { maxEventSchema: 2 });
    if (!r.ok) throw new Error(`push refused: ${r.refusal.code}`);
    seq += n;
    // A lost response now and then: the station pushes the same range again.
    if (rand() < 0.2) {
      const again = await push(
        store,
        code,
        { ...req, pushId: `${req.pushId}-again` },
        { maxEventSchema: 2 },
      );
      if (!again.ok || again.accepted !== 0 || again.duplicates !== n) throw new Error('re-push');
      duplicates += n;
    }
  }
  return { events: seq, duplicates };
}

interface ReaderResult {
  seen: { gseq: number; id: string }[];
  outOfOrder: number;
}

/** Follows the hall order by cursor while the writers run, then drains what is left. */
async function follow(store: EventStore, done: () => boolean): Promise<ReaderResult> {
  const seen: ReaderResult['seen'] = [];
  let cursor = 0;
  let outOfOrder = 0;
  for (;;) {
    const finished = done();
    const page = await store.pull(cursor, 200);
    for (const r of page.rows) {
      if (r.gseq <= cursor) outOfOrder++;
      seen.push({ gseq: r.gseq, id: (JSON.parse(r.json) as { id: string }).id });
      cursor = r.gseq;
    }
    if (finished && page.rows.length === 0) return { seen, outOfOrder };
    if (page.rows.length === 0) await new Promise((r) => setTimeout(r, 1));
  }
}

/** The reader's check: every stored event seen exactly once, in increasing gseq. */
async function readerCheck(db: Db, r: ReaderResult) {
  const stored = await db.query<{ event_id: string }>('SELECT event_id FROM events');
  const seenIds = r.seen.map((s) => s.id);
  const unseen = stored.map((s) => s.event_id).filter((id) => !seenIds.includes(id));
  return {
    stored: stored.length,
    seen: seenIds.length,
    distinctSeen: new Set(seenIds).size,
    unseen: unseen.length,
    outOfOrder: r.outOfOrder,
  };
}

async function run(store: EventStore) {
  let writersDone = false;
  const reader = follow(store, () => writersDone);
  const results = await Promise.all(
    Array.from({ length: STATIONS }, (_, s) => stationWorkload(store, s)),
  ).finally(() => {
    writersDone = true;
  });
  return { results, reading: await reader };
}

// Delays inside the push transaction, after the INSERT: commits then finish in another order
// than the one the gseqs were taken in, unless the hall row serialises them.
const jitter = (rand: () => number) => async (sql: { query: Db['query'] }) => {
  await sql.query('SELECT pg_sleep($1)', [rand() * 0.012]);
};

describe('concurrent pushes on PostgreSQL', () => {
  it('with the hall-row lock: gseq 1..N gapless, each event seen once and in order', async () => {
    const db = await freshDb('ow_hall_lock');
    const store = new SqlStore(db, { afterInsert: jitter(prng(7)) });
    const { results, reading } = await run(store);
    const total = results.reduce((n, r) => n + r.events, 0);
    expect(results.reduce((n, r) => n + r.duplicates, 0)).toBeGreaterThan(0);
    expect(await readerCheck(db, reading)).toEqual({
      stored: total,
      seen: total,
      distinctSeen: total,
      unseen: 0,
      outOfOrder: 0,
    });
    const [t] = await db.query<{ n: number; min: number; max: number }>(
      'SELECT count(*)::int8 AS n, min(gseq) AS min, max(gseq) AS max FROM events',
    );
    expect(t).toEqual({ n: total, min: 1, max: total });
    expect(reading.seen.map((s) => s.gseq)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
  }, 60_000);

  it('with a plain sequence instead: the same reader catches the skipped events', async () => {
    const db = await freshDb('ow_bigserial');
    await db.query('CREATE SEQUENCE ow_unsafe_gseq');
    const store = new SqlStore(db, {
      afterInsert: jitter(prng(7)),
      unsafeSequence: 'ow_unsafe_gseq',
    });
    const { results, reading } = await run(store);
    const total = results.reduce((n, r) => n + r.events, 0);
    const check = await readerCheck(db, reading);
    expect(check.stored).toBe(total);
    // The reader stepped past gseqs that committed later: it never sees them.
    expect(check.unseen).toBeGreaterThan(0);
    expect(check.seen).toBeLessThan(total);
  }, 60_000);

  it('two servers starting at once apply each migration once (advisory lock)', async () => {
    const admin = postgresDb(cluster.url(), 1);
    await admin.query('CREATE DATABASE ow_migrate_race');
    await admin.close();
    const url = cluster.url('ow_migrate_race');
    const a = postgresDb(url, 2);
    const b = postgresDb(url, 2);
    cluster.dbs.push(a, b);
    const [ra, rb] = await Promise.all([migrate(a), migrate(b)]);
    // Every migration file once, whichever server applied it (the list grows with each branch).
    const files = (await readdir(MIGRATIONS_DIR)).filter((f) => f.endsWith('.sql')).sort();
    expect(files.slice(0, 3)).toEqual(['001_hall.sql', '002_numbers.sql', '003_credentials.sql']);
    expect([...ra, ...rb].sort()).toEqual(files);
    expect(await a.query('SELECT version, name FROM schema_migrations ORDER BY version')).toEqual(
      files.map((name) => ({ version: Number(name.slice(0, 3)), name })),
    );
  });
});
