// Hall-wide certificate numbers on real PostgreSQL (docs/hall.md "Numbers"): many stations
// allocating at once over a pool of connections get 1..N with no gap and no duplicate; every
// request key asked again (concurrently, or later) gets its own number back; the route through
// HTTP with a session; and a transaction that dies holding the series row leaves no hole.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../server/http/app';
import { migrate } from '../../server/db/migrate';
import { SqlNumbers } from '../../server/db/numbers';
import { SqlStore } from '../../server/db/store';
import { clusterDatabases, stationCodes } from './helpers';
import { auth, enrolled } from './http-helpers';

const STATIONS = 8;
const PER_STATION = 25;

const cluster = clusterDatabases('numbers');

const freshDb = (stations: number) => cluster.fresh(stationCodes(stations));

const req = (station: number, i: number, certType = 'constructionPermit') => ({
  requestKey: `case-${station}-${i}:certificateIssued:attempt-${station}-${i}`,
  certType,
  year: 2026,
  caseId: `case-${station}-${i}`,
});

describe('certificate numbers under concurrency', () => {
  it('8 stations × 25 issuances over 10 connections, each asked twice: 1..200, no gap, no duplicate', async () => {
    const db = await freshDb(STATIONS);
    const numbers = new SqlNumbers(db);
    const calls: Promise<{ key: string; seq: number; replayed: boolean }>[] = [];
    for (let i = 0; i < PER_STATION; i++) {
      for (let s = 0; s < STATIONS; s++) {
        // Each request twice at once (a retry racing its own lost answer), and both series.
        for (let twice = 0; twice < 2; twice++) {
          const r = req(s, i, i % 5 === 0 ? 'landUsePermit' : 'constructionPermit');
          calls.push(
            numbers.allocateCertificate(`HJ${10 + s}`, r).then((a) => {
              if (!a.ok) throw new Error(a.message);
              return { key: r.requestKey, seq: a.allocation.seq, replayed: a.replayed };
            }),
          );
        }
      }
    }
    const got = await Promise.all(calls);
    const byKey = new Map<string, Set<number>>();
    for (const g of got) byKey.set(g.key, (byKey.get(g.key) ?? new Set()).add(g.seq));
    // Every key: one number, whichever answer came first.
    expect(byKey.size).toBe(STATIONS * PER_STATION);
    expect([...byKey.values()].every((s) => s.size === 1)).toBe(true);
    expect(got.filter((g) => g.replayed)).toHaveLength(STATIONS * PER_STATION);

    const rows = await db.query<{ series_id: string; seq: number }>(
      'SELECT series_id, seq FROM allocations ORDER BY series_id, seq',
    );
    const seqs = (id: string) => rows.filter((r) => r.series_id === id).map((r) => r.seq);
    const land = STATIONS * (PER_STATION / 5);
    const build = STATIONS * PER_STATION - land;
    expect(seqs('cert:landUsePermit:2026')).toEqual(Array.from({ length: land }, (_, k) => k + 1));
    expect(seqs('cert:constructionPermit:2026')).toEqual(
      Array.from({ length: build }, (_, k) => k + 1),
    );
    const series = await db.query<{ series_id: string; last_seq: number }>(
      'SELECT series_id, last_seq FROM series ORDER BY series_id',
    );
    expect(series).toEqual([
      { series_id: 'cert:constructionPermit:2026', last_seq: build },
      { series_id: 'cert:landUsePermit:2026', last_seq: land },
    ]);

    // Asked again later: the same numbers, nothing new.
    const again = await numbers.allocateCertificate('HJ13', req(3, 7));
    expect(again).toMatchObject({ ok: true, replayed: true });
    expect(again.ok && again.allocation.seq).toBe([...byKey.get(req(3, 7).requestKey)!][0]);
    expect((await db.query('SELECT 1 FROM allocations')).length).toBe(STATIONS * PER_STATION);
  }, 120_000);

  it('a key used for another case, series or station is refused, and takes no number', async () => {
    const db = await freshDb(2);
    const numbers = new SqlNumbers(db);
    const first = await numbers.allocateCertificate('HJ10', req(0, 1));
    expect(first).toMatchObject({ ok: true, replayed: false, allocation: { seq: 1 } });
    for (const [station, r] of [
      ['HJ10', { ...req(0, 1), caseId: 'another' }],
      ['HJ10', { ...req(0, 1), year: 2027 }],
      ['HJ10', { ...req(0, 1), certType: 'landUsePermit' }],
      ['HJ11', req(0, 1)],
    ] as const) {
      expect(await numbers.allocateCertificate(station, r)).toMatchObject({
        ok: false,
        code: 'request_key_reused',
      });
    }
    // The key is looked up before any series row is made or locked: nothing else changed.
    expect(await db.query('SELECT series_id, last_seq FROM series ORDER BY series_id')).toEqual([
      { series_id: 'cert:constructionPermit:2026', last_seq: 1 },
    ]);
  });
});

describe('a transaction that dies holding the series row', () => {
  it('leaves last_seq where it was; the retry with the same key gets the next number, once', async () => {
    const db = await freshDb(1);
    await new SqlNumbers(db).allocateCertificate('HJ10', req(0, 1));
    // The allocation's connection is killed while it holds the series row (after the lock,
    // before its INSERT): PostgreSQL rolls the transaction back.
    const dying = new SqlNumbers(db, {
      afterLock: async (sql) => {
        await sql.query('SELECT pg_terminate_backend(pg_backend_pid())');
      },
    });
    await expect(dying.allocateCertificate('HJ10', req(0, 2))).rejects.toThrow();
    expect(await db.query('SELECT last_seq FROM series')).toEqual([{ last_seq: 1 }]);
    expect(await db.query('SELECT seq FROM allocations ORDER BY seq')).toEqual([{ seq: 1 }]);
    const numbers = new SqlNumbers(db);
    const retry = await numbers.allocateCertificate('HJ10', req(0, 2));
    expect(retry).toMatchObject({ ok: true, replayed: false, allocation: { seq: 2 } });
    expect(await numbers.allocateCertificate('HJ10', req(0, 2))).toMatchObject({
      ok: true,
      replayed: true,
      allocation: { seq: 2 },
    });
  });
});

describe('POST /v1/numbers/certificate', () => {
  it('needs a session, validates the request, and answers two stations 1 and 2', async () => {
    const db = await freshDb(0);
    const store = new SqlStore(db);
    const { app } = buildApp({ db, store, blobDir: '/tmp/ow-no-blobs', log: () => undefined });
    const a = await enrolled(app, db, 'HJ01');
    const b = await enrolled(app, db, 'HJ02');
    const post = (s: { token: string } | null, payload: unknown) =>
      app.inject({
        method: 'POST',
        url: '/v1/numbers/certificate',
        headers: s ? auth(s) : {},
        payload: payload as Record<string, unknown>,
      });
    const body = (caseId: string, attempt: string) => ({
      requestKey: `${caseId}:certificateIssued:${attempt}`,
      certType: 'constructionPermit',
      year: 2026,
      caseId,
    });
    expect((await post(null, body('c1', 'x1'))).statusCode).toBe(401);
    const bad = await post(a, { ...body('c1', 'x1'), year: 'next' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { code: 'bad_request' } });

    const one = await post(a, body('c1', 'x1'));
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({
      seq: 1,
      seriesId: 'cert:constructionPermit:2026',
      requestKey: 'c1:certificateIssued:x1',
      caseId: 'c1',
      replayed: false,
    });
    expect((await post(b, body('c2', 'y1'))).json()).toMatchObject({ seq: 2, replayed: false });
    // A lost answer asked again: the same number.
    expect((await post(a, body('c1', 'x1'))).json()).toMatchObject({ seq: 1, replayed: true });
    // Station B cannot take A's request.
    const foreign = await post(b, body('c1', 'x1'));
    expect(foreign.statusCode).toBe(409);
    expect(foreign.json()).toMatchObject({ error: { code: 'request_key_reused' } });
    await app.close();
  });
});

describe('migrations', () => {
  it('refuses two migrations with one number (two branches merged) before applying any', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ow-migrations-'));
    await writeFile(join(dir, '001_a.sql'), 'CREATE TABLE a (x int);');
    await writeFile(join(dir, '002_b.sql'), 'CREATE TABLE b (x int);');
    await writeFile(join(dir, '002_c.sql'), 'CREATE TABLE c (x int);');
    const db = await freshDb(0);
    await expect(migrate(db, dir)).rejects.toThrow('two migrations are numbered 002');
    expect(await db.query("SELECT 1 FROM pg_tables WHERE tablename = 'a'")).toEqual([]);
  });
});
