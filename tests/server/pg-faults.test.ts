// Faults on real PostgreSQL, through the HTTP API (Fastify inject) over a pg pool: the server
// dying in the middle of a push, a lost response, a gap, a fork and its quarantine, station
// clocks days off, and an old app meeting a newer event schema.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyHall } from '../../server/admin';
import { migrate } from '../../server/db/migrate';
import { postgresDb } from '../../server/db/sql';
import { SqlStore } from '../../server/db/store';
import { buildApp } from '../../server/http/app';
import { testDatabase, type TestDatabase } from '../../server/testing/cluster';
import type { WireEvent } from '../../server/protocol';
import { makeEvents } from './helpers';
import { enrolled, pull, pushEvents } from './http-helpers';

let pgdb: TestDatabase;
let db: ReturnType<typeof postgresDb>;
let blobDir: string;
let killNext = false;
let app: ReturnType<typeof buildApp>['app'];
let newerApp: ReturnType<typeof buildApp>['app'];

beforeAll(async () => {
  pgdb = await testDatabase();
  db = postgresDb(pgdb.url, 8);
  await migrate(db);
  blobDir = await mkdtemp(join(tmpdir(), 'ow-blobs-'));
  const store = new SqlStore(db, {
    listenUrl: pgdb.url,
    // The server "dies" after the INSERT, before COMMIT: PostgreSQL ends the connection.
    afterInsert: async (sql) => {
      if (!killNext) return;
      killNext = false;
      await sql.query('SELECT pg_terminate_backend(pg_backend_pid())');
    },
  });
  await store.start();
  const common = { db, store, blobDir, log: () => undefined };
  const anonymousRate = { perSecond: 1000, burst: 1000 };
  app = buildApp({ ...common, anonymousRate }).app;
  newerApp = buildApp({ ...common, anonymousRate, maxEventSchema: 3 }).app;
}, 90_000);

afterAll(async () => {
  await app?.close();
  await newerApp?.close();
  await db?.close();
  await pgdb?.stop();
  await rm(blobDir, { recursive: true, force: true });
});

const counts = async () => {
  const [r] = await db.query<{ n: number; max: number | null; last: number }>(
    'SELECT count(*)::int8 AS n, max(gseq) AS max, (SELECT last_gseq FROM hall) AS last FROM events',
  );
  return { count: r!.n, max: r!.max ?? 0, last: r!.last };
};
const headOf = async (chainId: string) =>
  (
    await db.query<{ head_seq: number; status: string; fork_seq: number | null }>(
      'SELECT head_seq, status, fork_seq FROM chains WHERE chain_id = $1',
      [chainId],
    )
  )[0];
const err = (res: { statusCode: number; json(): unknown }) => [
  res.statusCode,
  (res.json() as { error: Record<string, unknown> }).error,
];

describe('faults on PostgreSQL', () => {
  it('a push killed after its INSERT leaves the head as it was; the retry succeeds', async () => {
    const a = await enrolled(app, db, 'HJ01');
    const ev = makeEvents('HJ01', 6);
    expect((await pushEvents(app, a, ev.slice(0, 3))).json()).toMatchObject({ gseqs: [1, 2, 3] });
    killNext = true;
    const dead = await pushEvents(app, a, ev.slice(3));
    expect(err(dead)).toEqual([
      500,
      { code: 'internal', message: 'the hall server failed; try again' },
    ]);
    expect(await headOf('HJ01')).toMatchObject({ head_seq: 3, status: 'open' });
    expect(await counts()).toEqual({ count: 3, max: 3, last: 3 });
    const retry = await pushEvents(app, a, ev.slice(3));
    expect(retry.json()).toMatchObject({ accepted: 3, duplicates: 0, gseqs: [4, 5, 6] });
    expect(await counts()).toEqual({ count: 6, max: 6, last: 6 });
    expect((await verifyHall(db)).ok).toBe(true);
  });

  it('a lost response: the re-push is acknowledged as duplicates with the first gseqs', async () => {
    const a = await enrolled(app, db, 'HJ02');
    const ev = makeEvents('HJ02', 4);
    const first = (await pushEvents(app, a, ev)).json() as { gseqs: number[] };
    const again = await pushEvents(app, a, ev);
    expect(again.json()).toMatchObject({ accepted: 0, duplicates: 4, gseqs: first.gseqs });
    const c = await counts();
    expect(c.count).toBe(c.max);
  });

  it('a gap is refused with the seq the hall expects', async () => {
    const a = await enrolled(app, db, 'HJ03');
    const ev = makeEvents('HJ03', 8);
    await pushEvents(app, a, ev.slice(0, 3));
    expect(err(await pushEvents(app, a, ev.slice(5)))).toEqual([
      409,
      { code: 'gap', message: 'chain HJ03 expects seq 4', expectedSeq: 4 },
    ]);
    expect(await headOf('HJ03')).toMatchObject({ head_seq: 3 });
  });

  it('a fork (another history for a held seq) quarantines the chain', async () => {
    const a = await enrolled(app, db, 'HJ04');
    const ev = makeEvents('HJ04', 5);
    await pushEvents(app, a, ev.slice(0, 4));
    // An old backup restored on the station: seqs 3.. written again, differently.
    const restored = makeEvents('HJ04', 3, { fromSeq: 3, prevHash: ev[1]!.hash, variant: 'b' });
    expect(err(await pushEvents(app, a, restored))).toEqual([
      409,
      { code: 'fork', message: 'chain HJ04 holds another event at seq 3', seq: 3 },
    ]);
    expect(await headOf('HJ04')).toEqual({ head_seq: 4, status: 'quarantined', fork_seq: 3 });
    expect(err(await pushEvents(app, a, ev.slice(4)))[1]).toMatchObject({ code: 'quarantined' });
    const report = await verifyHall(db);
    expect(report.chains.find((c) => c.chainId === 'HJ04')).toMatchObject({
      ok: false,
      status: 'quarantined',
      events: 4,
      problem: 'quarantined (fork)',
    });
  });

  it('station clocks days off: ordered by gseq, serverTime reported, nothing refused', async () => {
    const ahead = await enrolled(app, db, 'HJ05');
    const behind = await enrolled(app, db, 'HJ06');
    const reader = await enrolled(app, db, 'HJ07');
    const start = (await counts()).last;
    const future = new Date(Date.now() + 3 * 86400_000).toISOString();
    const past = new Date(Date.now() - 5 * 86400_000).toISOString();
    const r1 = await pushEvents(app, ahead, makeEvents('HJ05', 2, { at: future }));
    const r2 = await pushEvents(app, behind, makeEvents('HJ06', 2, { at: past }));
    expect([r1.statusCode, r2.statusCode]).toEqual([200, 200]);
    const serverTime = Date.parse((r2.json() as { serverTime: string }).serverTime);
    expect(Math.abs(serverTime - Date.now())).toBeLessThan(5000);
    const page = (await pull(app, reader, start)).json() as {
      events: { gseq: number; event: WireEvent }[];
    };
    expect(page.events.map((e) => [e.gseq, e.event.id, e.event.at])).toEqual([
      [start + 1, 'HJ05-1', future],
      [start + 2, 'HJ05-2', future],
      [start + 3, 'HJ06-1', past],
      [start + 4, 'HJ06-2', past],
    ]);
  });

  it('an old app against a newer schema: refused to push, still served on pull', async () => {
    const oldStation = await enrolled(app, db, 'HJ08');
    const newStation = await enrolled(newerApp, db, 'HJ09');
    const v3 = makeEvents('HJ09', 1, { schema: 3, type: 'caseRatedV3' });
    // This server speaks schema 2: it refuses the event, saying what it supports.
    expect(err(await pushEvents(app, newStation, v3))).toEqual([
      422,
      { code: 'schema_too_new', message: 'event schema 3 is newer than 2', seq: 1, supported: 2 },
    ]);
    // An upgraded server takes it; the old app still gets it, intact, to keep unfolded.
    const ok = (await pushEvents(newerApp, newStation, v3)).json() as { gseqs: number[] };
    const page = (await pull(app, oldStation, ok.gseqs[0]! - 1)).json() as {
      events: { event: WireEvent }[];
    };
    expect(page.events.map((e) => e.event)).toEqual(v3);
  });

  it('a long-poll on PostgreSQL wakes within a second (LISTEN/NOTIFY)', async () => {
    const a = await enrolled(app, db, 'HJ11');
    const b = await enrolled(app, db, 'HJ12');
    const { last } = await counts();
    const t0 = Date.now();
    const waiting = pull(app, b, last, '&waitMs=5000');
    await new Promise((r) => setTimeout(r, 200));
    // Written by another "server process": a plain store of its own, no shared notifier.
    const other = new SqlStore(db);
    const { push } = await import('../../server/core/hall');
    await push(
      other,
      'HJ11',
      { pushId: 'p-other-1', chainId: 'HJ11', fromSeq: 1, events: makeEvents('HJ11', 1) },
      { maxEventSchema: 2 },
    );
    const got = (await waiting).json() as { events: { event: { id: string } }[] };
    expect(Date.now() - t0).toBeLessThan(1500);
    expect(got.events.map((e) => e.event.id)).toEqual(['HJ11-1']);
    expect(a.code).toBe('HJ11');
  });
});
