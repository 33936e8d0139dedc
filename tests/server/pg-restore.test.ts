// Restoring the hall on real PostgreSQL with real pg_dump / pg_restore (issue 17 item 7; docs/hall.md
// "Restoring the server"): two stations push, a dump is taken, they push on (B pulls all, A only
// its own acknowledgements, a certificate number taken after the dump), the dump is restored with
// pg_restore over the live database. The administrator's `restore-mode on` (the real command);
// pulls, pushes and numbers are refused `restoring`; `restore-mode open` refuses with the listing;
// A refills what it holds (stopping where B's events begin), a tampered relay is refused with
// nothing stored, B refills the rest and the hall opens by itself: the order is the order before,
// gseq for gseq, `verify` passes, and the next certificate number follows the one issued after
// the dump (never the same number twice).
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyHall } from '../../server/admin';
import { migrate } from '../../server/db/migrate';
import { postgresDb } from '../../server/db/sql';
import { SqlStore } from '../../server/db/store';
import { buildApp } from '../../server/http/app';
import { testDatabase, type TestDatabase } from '../../server/testing/cluster';
import type { HallEvent, WireEvent } from '../../server/protocol';
import { makeEvents } from './helpers';
import { auth, enrolled, pull, pushEvents, type Session } from './http-helpers';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..');
const tsx = join(root, 'node_modules/.bin/tsx');

let pgdb: TestDatabase;
let db: ReturnType<typeof postgresDb>;
let app: ReturnType<typeof buildApp>['app'];
let dir: string;

function open() {
  db = postgresDb(pgdb.url, 4);
  app = buildApp({
    db,
    store: new SqlStore(db),
    blobDir: join(dir, 'blobs'),
    log: (l) => (process.env.OW_TEST_LOG ? console.log(l) : undefined),
    anonymousRate: { perSecond: 1000, burst: 1000 },
  }).app;
}

beforeAll(async () => {
  pgdb = await testDatabase();
  dir = await mkdtemp(join(tmpdir(), 'ow-restore-'));
  open();
  await migrate(db);
}, 90_000);

afterAll(async () => {
  await app?.close();
  await db?.close();
  await pgdb?.stop();
  await rm(dir, { recursive: true, force: true });
});

/** The administrator's command, as the hall PC runs it. */
async function admin(...args: string[]) {
  const env = { ...process.env, DATABASE_URL: pgdb.url, OW_HALL_DATA: dir };
  try {
    const r = await run(tsx, ['server/main.ts', ...args], { cwd: root, env });
    return { code: 0, out: r.stdout };
  } catch (e) {
    const err = e as { code: number; stdout: string };
    return { code: err.code, out: err.stdout };
  }
}

const allocate = (s: Session, key: string) =>
  app.inject({
    method: 'POST',
    url: '/v1/numbers/certificate',
    headers: auth(s),
    payload: {
      requestKey: `case-${key}:issue:1`,
      certType: 'planning',
      year: 2026,
      caseId: `case-${key}`,
    },
  });

const refillOf = (s: Session, holds: number, events: HallEvent[], leases?: unknown[]) =>
  app.inject({
    method: 'POST',
    url: '/v1/restore/refill',
    headers: auth(s),
    payload: { holds, events, ...(leases ? { leases } : {}) },
  });

const lease = (s: Session, leaseKey: string, count: number) =>
  app.inject({
    method: 'POST',
    url: '/v1/numbers/lease',
    headers: auth(s),
    payload: { leaseKey, kind: 'document', type: 'acceptance', year: 2026, count },
  });

async function pullAll(s: Session, after = 0): Promise<HallEvent[]> {
  const out: HallEvent[] = [];
  for (;;) {
    const page = (await pull(app, s, after, '&limit=2000')).json() as { events: HallEvent[] };
    if (page.events.length === 0) return out;
    out.push(...page.events);
    after = page.events.at(-1)!.gseq;
  }
}

const issued = (station: string, from: number, seq: number, prevHash: string): WireEvent[] =>
  makeEvents(station, 1, {
    fromSeq: from,
    prevHash,
    type: 'certificateIssued',
    payload: () => ({
      certificateType: 'planning',
      number: `建字第4101082026${String(seq).padStart(5, '0')}号`,
      external: false,
      seq,
      values: {},
    }),
  });

describe('restoring the hall from an older pg_dump', () => {
  it('refuses to serve until the stations refilled it, then serves the order it had', async () => {
    const a = await enrolled(app, db, 'HJA');
    const b = await enrolled(app, db, 'HJB');
    // Before the dump: A 1..4, B 1..3, certificate #1 taken by A.
    const chainA = makeEvents('HJA', 8);
    const chainB = makeEvents('HJB', 6);
    expect((await pushEvents(app, a, chainA.slice(0, 4))).statusCode).toBe(200);
    expect((await pushEvents(app, b, chainB.slice(0, 3))).statusCode).toBe(200);
    expect((await allocate(a, 'k1')).json()).toMatchObject({ seq: 1 });
    const dump = join(dir, 'hall.dump');
    await run('pg_dump', ['-Fc', '-f', dump, pgdb.url]);

    // After the dump: A 5..7 and the issuance of certificate #2 (A's seq 8), B 4..6; A leases
    // notice numbers 受〔2026〕1–20号, which the dump does not know.
    expect((await allocate(a, 'k2')).json()).toMatchObject({ seq: 2 });
    expect((await lease(a, 'HJA:lease:acceptance:1', 20)).json()).toMatchObject({
      first: 1,
      last: 20,
    });
    const relinked = issued('HJA', 8, 2, chainA[6]!.hash);
    const tailA = [...chainA.slice(4, 7), relinked[0]!];
    const pushedA = await pushEvents(app, a, tailA);
    expect(pushedA.statusCode).toBe(200);
    const gseqsA = (pushedA.json() as { gseqs: number[] }).gseqs;
    expect((await pushEvents(app, b, chainB.slice(3, 6))).statusCode).toBe(200);
    const before = await pullAll(b);
    expect(before.map((h) => h.gseq)).toEqual([...Array(14).keys()].map((i) => i + 1));
    // What each station holds: B every event it pulled; A its own (gseqs from the push answer)
    // and what it had pulled before the dump.
    const heldB = before;
    const heldA = before.filter((h) => h.gseq <= 7 || gseqsA.includes(h.gseq));

    // The hall PC: the server stopped, the older dump restored over the database.
    await app.close();
    await db.close();
    await run('pg_restore', [
      '--clean',
      '--if-exists',
      '--single-transaction',
      '-d',
      pgdb.url,
      dump,
    ]);
    const on = await admin('restore-mode', 'on');
    expect(on.code).toBe(0);
    expect(on.out).toContain('已进入恢复模式：大厅序号止于 7');
    expect(on.out).toContain("Restore mode on: the hall's order ends at 7");
    open();
    await migrate(db);
    // (The sessions were opened before the dump: they are there again.)

    // Nothing is served: pulls, pushes and numbers refused, 503 restoring.
    for (const res of [
      await pull(app, a, 0),
      await pushEvents(app, b, chainB.slice(3, 4)),
      await allocate(a, 'k3'),
    ]) {
      expect(res.statusCode).toBe(503);
      expect((res.json() as { error: { code: string } }).error.code).toBe('restoring');
    }
    const refused = await admin('restore-mode', 'open');
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('不能开放：以下站点尚未补回');
    expect(refused.out).toMatch(/HJA\t窗口HJA\t未报到 \/ not checked in/);
    // A station's bundle would append like a push: refused too.
    const bundle = await admin('bundle', 'import', join(dir, 'some.owbundle'));
    expect(bundle.code).toBe(1);
    expect(bundle.out).toContain('大厅正在恢复：各站点补回之前不能导入同步包');

    // A refills its own 8..11 (B's 12..14 it never pulled): it holds nothing past 11.
    const fromA = heldA.filter((h) => h.gseq > 7);
    // Its check-in tells the block it still takes notice numbers from.
    const heldLeases = [
      {
        seriesId: 'doc:acceptance:2026',
        blocks: [{ leaseKey: 'HJA:lease:acceptance:1', first: 1, last: 20 }],
      },
    ];
    const ra = await refillOf(a, Math.max(...heldA.map((h) => h.gseq)), fromA, heldLeases);
    expect(ra.statusCode).toBe(200);
    expect(ra.json()).toMatchObject({
      restoring: true,
      lastGseq: 11,
      accepted: 4,
      next: null,
      waitingFor: ['HJB'],
    });
    // A relay that does not fit its chain's hashes is refused, nothing stored.
    const forged = heldB.filter((h) => h.gseq > 11);
    const bad = forged.map((h, i) =>
      i === 0 ? { ...h, event: { ...h.event, payload: { note: 'changed' } } } : h,
    );
    const rf = await refillOf(a, 14, bad);
    expect(rf.statusCode).toBe(422);
    expect((rf.json() as { error: { code: string } }).error.code).toBe('bad_hash');
    const status = await admin('restore-mode', 'status');
    expect(status.out).toContain('恢复模式：');
    expect(status.out).toMatch(/HJA\t窗口HJA\t已补回 4 条 \/ refilled 4 events/);
    expect(status.out).toMatch(/HJB\t窗口HJB\t未报到/);

    // B refills the rest (what the hall already holds is skipped): every station is in, it opens.
    const rb = await refillOf(
      b,
      14,
      heldB.filter((h) => h.gseq > 7),
    );
    expect(rb.json()).toMatchObject({
      restoring: false,
      lastGseq: 14,
      accepted: 3,
      waitingFor: [],
    });
    const after = await pullAll(a);
    expect(after).toEqual(before);
    const v = await verifyHall(db);
    expect(v).toMatchObject({ ok: true, events: 14, maxGseq: 14, lastGseq: 14 });
    // The number issued after the dump is known again: the next one is #3, never #2 again.
    expect((await allocate(b, 'k3')).json()).toMatchObject({ seq: 3 });
    const restored = await db.query<{ seq: number; request_key: string; status: string }>(
      `SELECT seq, request_key, status FROM allocations WHERE series_id LIKE 'cert:%' ORDER BY seq`,
    );
    expect(restored.map((r) => [r.seq, r.status])).toEqual([
      [1, 'reserved'],
      [2, 'used'],
      [3, 'reserved'],
    ]);
    expect(restored[1]!.request_key).toBe(`restored:${relinked[0]!.id}`);
    // A's notice block is the hall's again (leased to A): B's first block starts at 21, never 1.
    expect((await lease(b, 'HJB:lease:acceptance:1', 5)).json()).toMatchObject({
      first: 21,
      last: 25,
    });
    const block = await db.query<{ n: number; station_code: string; status: string }>(
      `SELECT count(*)::int AS n, station_code, status FROM allocations
       WHERE series_id = 'doc:acceptance:2026' GROUP BY station_code, status ORDER BY station_code`,
    );
    expect(block).toEqual([
      { n: 20, station_code: 'HJA', status: 'leased' },
      { n: 5, station_code: 'HJB', status: 'leased' },
    ]);
    // Pushes go on after the order: B's next event gets gseq 15.
    const next = await pushEvents(
      app,
      b,
      makeEvents('HJB', 1, { fromSeq: 7, prevHash: chainB[5]!.hash }),
    );
    expect((next.json() as { gseqs: number[] }).gseqs).toEqual([15]);
  }, 120_000);
});
