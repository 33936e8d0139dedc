// Runs in Chromium with real IndexedDB (scripts/bench.mjs drives it). Seeds 100,000 cases with
// their events, then measures the queries the screens use against raw Dexie baselines.
import Dexie from 'dexie';
import { declareVersions, OneWindowDb, type CaseRow } from '../../renderer/src/data/db';
import { completeBackfills } from '../../renderer/src/data/backfill';
import { allConflicts, CONFLICT_MARKS_KEY } from '../../renderer/src/data/conflicts';
import { CONFLICT_TERM } from '../../renderer/src/data/projection';
import type { StoredEvent } from '../../renderer/src/data/eventTypes';
import {
  caseByNumber,
  inbox,
  searchByName,
  dashboardCounts,
} from '../../renderer/src/data/queries';
import { chain, GENESIS_HASH } from '../../renderer/src/domain/audit';
import { caseNoOf, rng, seedCase } from './seed';
import { benchWrites } from './benchDispatch';
import { benchStats } from './benchStats';
import { benchCatchUp } from './benchCatchUp';

export interface Figure {
  name: string;
  value: number;
  unit: string;
  baseline: string | null;
  ratio: number | null;
  /** Whether the figure meets its target, in words (scripts/bench.mjs prints it). */
  target?: string;
}

const log = (s: string) => {
  const el = document.getElementById('log');
  if (el) el.textContent += `\n${s}`;
};

function quantile(xs: number[], q: number) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
}

const quantiles = (xs: number[]) => ({ p50: quantile(xs, 0.5), p95: quantile(xs, 0.95) });

/**
 * Times each operation n times, in rounds that run them in turn (so operations compared with each
 * other see the same background work), after 5 unrecorded warm-up rounds on inputs n … n+4.
 */
async function sampleRounds<K extends string>(
  n: number,
  ops: Record<K, (i: number) => Promise<unknown>>,
): Promise<Record<K, { p50: number; p95: number }>> {
  const keys = Object.keys(ops) as K[];
  for (let i = n; i < n + 5; i++) for (const k of keys) await ops[k](i);
  const times = Object.fromEntries(keys.map((k) => [k, [] as number[]])) as Record<K, number[]>;
  for (let i = 0; i < n; i++) {
    for (const k of keys) {
      const t0 = performance.now();
      await ops[k](i);
      times[k].push(performance.now() - t0);
    }
  }
  return Object.fromEntries(keys.map((k) => [k, quantiles(times[k])])) as Record<
    K,
    { p50: number; p95: number }
  >;
}

const sample = async (n: number, fn: (i: number) => Promise<unknown>) =>
  (await sampleRounds(n, { fn })).fn;

/**
 * Seeds the database a version-4 app left behind: cases with two events each, and the document
 * number of each case's notice on the `documents` stream as v4 wrote it (no year or sequence of
 * its own) — what the version-5 upgrade reads to fill the documents table.
 */
async function seed(db: Dexie, count: number) {
  const r = rng(42);
  const batch = 5000;
  let prev = GENESIS_HASH;
  let seq = 0;
  for (let start = 0; start < count; start += batch) {
    const rows: CaseRow[] = [];
    const events: StoredEvent[] = [];
    for (let i = start; i < Math.min(count, start + batch); i++) {
      const row = seedCase(i, r);
      rows.push(row);
      for (const type of ['intakeAccepted', 'documentNumberAllocated', 'reviewed']) {
        seq += 1;
        const doc = type === 'documentNumberAllocated';
        const body = {
          id: `HJ01-${seq}`,
          stationId: 'HJ01',
          stationSeq: seq,
          streamId: doc ? 'documents' : `case:${row.id}`,
          type,
          payload: doc
            ? { docType: 'acceptance', number: `惠济资规受〔2026〕${i + 1}号`, caseId: row.id }
            : { caseId: row.id, caseNo: row.caseNo },
          actor: { id: 'u1', name: '张敏', role: 'clerk' },
          at: `${row.receivedDate}T02:00:00.000Z`,
          prevHash: prev,
        };
        const hash = await chain(prev, body);
        events.push({ ...body, hash });
        prev = hash;
      }
    }
    await db.transaction('rw', ['cases', 'events'], async () => {
      await db.table('cases').bulkAdd(rows);
      await db.table('events').bulkAdd(events);
    });
    log(`seeded ${Math.min(count, start + batch)}`);
  }
  await db.table('meta').put({ key: 'chainHead', value: { stationSeq: seq, hash: prev } });
}

/** Rounds of the interleaved write benchmark: more than the reads, so its p95 is not one outlier. */
const WRITE_ROUNDS = 600;

export async function runBench(count = 100_000, n = 200): Promise<Figure[]> {
  const name = `bench-${Date.now()}`;
  const t0 = performance.now();
  const v4 = new Dexie(name);
  declareVersions(v4, 4);
  await v4.open();
  await seed(v4, count);
  v4.close();
  const seedMs = performance.now() - t0;
  // The first start after the update: opening the version-4 database runs the upgrade to the
  // current version (v5 makes the documents table); then, in the background after the start, the
  // table is filled from the log's documents stream (data/backfill.ts).
  const tUpgrade = performance.now();
  let db = new OneWindowDb(name);
  await db.open();
  const upgradeMs = performance.now() - tUpgrade;
  const tFill = performance.now();
  const filled = await completeBackfills(db);
  const fillMs = performance.now() - tFill;
  if (filled !== count) throw new Error(`the backfill put ${filled} documents, not ${count}`);
  const r = rng(7);
  const ids = Array.from({ length: n + 5 }, () => Math.floor(r() * count));
  const figures: Figure[] = [];
  const add = (f: Figure) => {
    figures.push(f);
    log(`${f.name}: ${f.value.toFixed(2)} ${f.unit}`);
  };

  // Its baseline, on the same database in the same run: reading every case row once.
  const tRead = performance.now();
  const all = await db.cases.toArray();
  const readAllMs = performance.now() - tRead;
  if (all.length < count) throw new Error('read fewer cases than seeded');
  add({
    name: `baseline: read all ${count} case rows`,
    value: readAllMs,
    unit: 'ms',
    baseline: null,
    ratio: null,
  });
  add({
    name: `upgrade v4 → v5 on first start (${count} cases, ${count} document numbers)`,
    value: upgradeMs,
    unit: 'ms',
    baseline: `baseline: read all ${count} case rows`,
    ratio: upgradeMs / readAllMs,
  });
  add({
    name: `v5 documents filled in the background after the start (${count} numbers; with the row upkeep: conflict entries, follow-up masks)`,
    value: fillMs,
    unit: 'ms',
    baseline: `baseline: read all ${count} case rows`,
    ratio: fillMs / readAllMs,
  });

  // Baselines, measured in the same run on the same database. The write baselines are measured
  // with the dispatches they are compared to (benchWrites), in alternating rounds.
  const rawGet = await sample(n, (i) => db.cases.get(`case-${ids[i]}`));
  add({
    name: 'baseline: raw primary-key get p50',
    value: rawGet.p50,
    unit: 'ms',
    baseline: null,
    ratio: null,
  });
  add({
    name: 'baseline: raw primary-key get p95',
    value: rawGet.p95,
    unit: 'ms',
    baseline: null,
    ratio: null,
  });

  const vs = (
    label: string,
    s: { p50: number; p95: number },
    base: { p50: number; p95: number },
    baseName: string,
  ) => {
    add({
      name: `${label} p50`,
      value: s.p50,
      unit: 'ms',
      baseline: `${baseName} p50`,
      ratio: s.p50 / base.p50,
    });
    add({
      name: `${label} p95`,
      value: s.p95,
      unit: 'ms',
      baseline: `${baseName} p95`,
      ratio: s.p95 / base.p95,
    });
  };

  const lookup = await sample(n, (i) => caseByNumber(db, caseNoOf(ids[i]!)));
  vs('lookup by case number', lookup, rawGet, 'baseline: raw primary-key get');

  const queries = ['宏达', '天润物流', '黄河研发中心', '郑州金水建业置业', '安置房二期', '嵩山'];
  const search = await sample(n, (i) => searchByName(db, queries[i % queries.length]!));
  vs('substring search on names (50 hits)', search, rawGet, 'baseline: raw primary-key get');

  const roles = ['reviewer', 'chief', 'director'];
  const inboxS = await sample(n, (i) => inbox(db, roles[i % 3]!, 50));
  vs(
    'reviewer/chief/director inbox (first 50 by deadline)',
    inboxS,
    rawGet,
    'baseline: raw primary-key get',
  );

  const dash = await sample(Math.min(n, 50), () => dashboardCounts(db, '2026-06-15'));
  vs('dashboard counts', dash, rawGet, 'baseline: raw primary-key get');

  // The write side. The target's baseline is a raw single put of the row an accept writes (a case
  // row with its indexes), as the read baseline is a raw get of a case row; the put of a 20-byte
  // row is the floor of any strict transaction, and dispatch is reported against it too.
  const writes = await benchWrites(db, WRITE_ROUNDS, sampleRounds);
  for (const [label, q] of [
    ['baseline: raw strict put of one case row', writes.caseRowPut],
    ['baseline: raw strict put of a 20-byte row', writes.tinyPut],
  ] as const) {
    for (const p of ['p50', 'p95'] as const)
      add({ name: `${label} ${p}`, value: q[p], unit: 'ms', baseline: null, ratio: null });
  }
  vs(
    'dispatch of an accept command',
    writes.dispatch,
    writes.caseRowPut,
    'baseline: raw strict put of one case row',
  );
  vs(
    'dispatch of an accept command (against the 20-byte put)',
    writes.dispatch,
    writes.tinyPut,
    'baseline: raw strict put of a 20-byte row',
  );
  vs(
    'reference: raw strict put of one case row',
    writes.caseRowPut,
    writes.tinyPut,
    'baseline: raw strict put of a 20-byte row',
  );
  for (const f of await benchStats(sample)) add(f);

  // Cold open: a new connection, then what the start screen reads. Never loads all cases.
  const opens: number[] = [];
  for (let i = 0; i < 10; i++) {
    db.close();
    const t = performance.now();
    db = new OneWindowDb(name);
    await db.open();
    await dashboardCounts(db, '2026-06-15');
    await inbox(db, 'reviewer', 50);
    opens.push(performance.now() - t);
  }
  const open = { p50: quantile(opens, 0.5), p95: quantile(opens, 0.95) };
  vs('open database cold + start screen queries', open, rawGet, 'baseline: raw primary-key get');

  // The conflict queue (同步冲突, data/conflicts.ts) with 20 cases holding a parked event: before
  // the start's upkeep gave stored rows their CONFLICT_TERM it reads every case row (as it always
  // did); after, only the rows the terms index lists.
  const parkedIds = [...new Set(ids.slice(0, 20).map((i) => `case-${i}`))];
  await db.transaction('rw', db.cases, async () => {
    for (const id of parkedIds) {
      const row = (await db.cases.get(id))!;
      const parked = [{ eventId: `${id}-x`, type: 'reviewed', basedOn: 1, version: 2 }];
      await db.cases.put({
        ...row,
        state: {
          ...(row.state as object),
          caseId: id,
          caseNo: row.caseNo,
          matter: { code: row.matterCode, name: '建设工程规划许可', nameEn: 'Permit' },
          parked: parked.map((p) => ({ ...p, reason: 'stale' })),
        },
        terms: [...row.terms, CONFLICT_TERM],
      });
    }
  });
  await db.meta.delete(CONFLICT_MARKS_KEY);
  const scanned = await sample(5, () => allConflicts(db));
  await db.meta.put({ key: CONFLICT_MARKS_KEY, value: 'done' });
  const indexed = await sample(20, () => allConflicts(db));
  add({
    name: `baseline: conflict queue reading every case row (${count} cases, before) p50`,
    value: scanned.p50,
    unit: 'ms',
    baseline: null,
    ratio: null,
  });
  add({
    name: `baseline: conflict queue reading every case row (${count} cases, before) p95`,
    value: scanned.p95,
    unit: 'ms',
    baseline: null,
    ratio: null,
  });
  vs(
    `conflict queue by the terms index (${parkedIds.length} of ${count} cases)`,
    indexed,
    scanned,
    `baseline: conflict queue reading every case row (${count} cases, before)`,
  );

  add({
    name: `seeding ${count} cases with ${3 * count} chained events (setup, not a target)`,
    value: seedMs,
    unit: 'ms',
    baseline: null,
    ratio: null,
  });
  db.close();
  await OneWindowDb.delete(name);
  return figures;
}

declare global {
  interface Window {
    runBench: typeof runBench;
    runCatchUp: (cases: number, pullLimit?: number) => Promise<Figure[]>;
  }
}
window.runBench = runBench;
window.runCatchUp = (cases, pullLimit) =>
  benchCatchUp(cases, { pullLimit, log: (s) => console.log(s) });
