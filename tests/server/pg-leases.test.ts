// Leased blocks of notice and ledger numbers and the register, on real PostgreSQL (docs/hall.md
// "Numbers"): two stations leasing one series at once over a pool never get overlapping blocks;
// a lease asked again with its key is the same block; voiding only touches the station's own
// open numbers; a push marks what its events record as used (certificates included); a retired
// station's numbers are voided; and the register explains every seq — no unexplained gap.
import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { setStationStatus } from '../../server/admin';
import { buildApp } from '../../server/http/app';
import { SqlLeases } from '../../server/db/leases';
import { SqlNumbers } from '../../server/db/numbers';
import { SqlStore } from '../../server/db/store';
import { clusterDatabases, makeEvents } from './helpers';
import { auth, enrolled, pushEvents } from './http-helpers';

const cluster = clusterDatabases('leases');

const freshDb = (stations: string[]) => cluster.fresh(stations);

const lease = (key: string, count = 20, type = 'acceptance', year = 2026) => ({
  leaseKey: `lease:${key}`,
  kind: 'document' as const,
  type,
  year,
  count,
});

describe('leases under concurrency', () => {
  it('two stations × 30 leases at once, each asked twice: disjoint blocks covering 1..N', async () => {
    const db = await freshDb(['HJ01', 'HJ02']);
    const leases = new SqlLeases(db);
    const calls: Promise<{ key: string; first: number; last: number; station: string }>[] = [];
    for (let i = 0; i < 30; i++) {
      for (const station of ['HJ01', 'HJ02']) {
        const r = lease(`${station}-${i}`, 1 + (i % 7));
        for (let twice = 0; twice < 2; twice++) {
          calls.push(
            leases.lease(station, r).then((a) => {
              if (!a.ok) throw new Error(a.message);
              return { key: r.leaseKey, first: a.lease.first, last: a.lease.last, station };
            }),
          );
        }
      }
    }
    const got = await Promise.all(calls);
    const byKey = new Map<string, string>();
    for (const g of got) {
      const seen = byKey.get(g.key);
      // A key asked twice at once: the same block both times.
      if (seen) expect(`${g.first}-${g.last}`).toBe(seen);
      byKey.set(g.key, `${g.first}-${g.last}`);
    }
    const blocks = [...new Set(got.map((g) => `${g.first}-${g.last}-${g.station}`))]
      .map((s) => s.split('-'))
      .map(([f, l, st]) => ({ first: Number(f), last: Number(l), station: st }))
      .sort((a, b) => a.first - b.first);
    expect(blocks).toHaveLength(60);
    let next = 1;
    for (const b of blocks) {
      expect(b.first).toBe(next);
      next = b.last + 1;
    }
    const total = 2 * [...Array(30).keys()].reduce((n, i) => n + 1 + (i % 7), 0);
    expect(next - 1).toBe(total);
    const rows = await db.query<{ seq: number; station_code: string; status: string }>(
      `SELECT seq, station_code, status FROM allocations ORDER BY seq`,
    );
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: total }, (_, k) => k + 1));
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['leased']));
    // Each number is the station's whose block holds it.
    for (const b of blocks) {
      expect(rows.slice(b.first - 1, b.last).every((r) => r.station_code === b.station)).toBe(true);
    }
    const reg = await leases.register();
    expect(reg.series).toEqual([
      {
        seriesId: 'doc:acceptance:2026',
        kind: 'document',
        lastSeq: total,
        counts: { reserved: 0, leased: total, used: 0, voided: 0 },
        missing: [],
        clashes: 0,
      },
    ]);
  }, 120_000);

  it('a key for another size, series or station is refused and takes nothing', async () => {
    const db = await freshDb(['HJ01', 'HJ02']);
    const leases = new SqlLeases(db);
    expect(await leases.lease('HJ01', lease('a'))).toMatchObject({
      ok: true,
      replayed: false,
      lease: { first: 1, last: 20, seriesId: 'doc:acceptance:2026' },
    });
    expect(await leases.lease('HJ01', lease('a'))).toMatchObject({
      ok: true,
      replayed: true,
      lease: { first: 1, last: 20 },
    });
    for (const [station, r] of [
      ['HJ01', lease('a', 10)],
      ['HJ01', lease('a', 20, 'supplement')],
      ['HJ01', lease('a', 20, 'acceptance', 2027)],
      ['HJ02', lease('a')],
    ] as const) {
      expect(await leases.lease(station, r)).toMatchObject({
        ok: false,
        code: 'request_key_reused',
      });
    }
    expect(await db.query('SELECT series_id, last_seq FROM series')).toEqual([
      { series_id: 'doc:acceptance:2026', last_seq: 20 },
    ]);
  });

  it('a lease whose transaction dies holding the series row leaves nothing', async () => {
    const db = await freshDb(['HJ01']);
    await new SqlLeases(db).lease('HJ01', lease('a', 5));
    const dying = new SqlLeases(db, {
      afterLock: async (sql) => {
        await sql.query('SELECT pg_terminate_backend(pg_backend_pid())');
      },
    });
    await expect(dying.lease('HJ01', lease('b', 5))).rejects.toThrow();
    expect(await db.query('SELECT last_seq FROM series')).toEqual([{ last_seq: 5 }]);
    expect(await new SqlLeases(db).lease('HJ01', lease('b', 5))).toMatchObject({
      ok: true,
      lease: { first: 6, last: 10 },
    });
  });
});

describe('used, voided, and the register', () => {
  it('push marks used; the station voids its own; a retired station is voided; no unexplained gap', async () => {
    const db = await freshDb([]);
    const store = new SqlStore(db);
    const { app } = buildApp({ db, store, blobDir: '/tmp/ow-no-blobs', log: () => undefined });
    const a = await enrolled(app, db, 'HJ01');
    const b = await enrolled(app, db, 'HJ02');
    const post = (s: { token: string }, url: string, payload: Record<string, unknown>) =>
      app.inject({ method: 'POST', url, headers: auth(s), payload });
    // A leases 1–3, B 4–6 of 受〔2026〕; A takes certificate 1 for case c1.
    expect((await post(a, '/v1/numbers/lease', lease('A1', 3))).json()).toMatchObject({
      first: 1,
      last: 3,
      replayed: false,
    });
    expect((await post(b, '/v1/numbers/lease', lease('B1', 3))).json()).toMatchObject({
      first: 4,
      last: 6,
    });
    expect((await post(a, '/v1/numbers/lease', lease('A1', 3))).json()).toMatchObject({
      first: 1,
      replayed: true,
    });
    await new SqlNumbers(db).allocateCertificate('HJ01', {
      requestKey: 'c1:certificateIssued:x1',
      certType: 'constructionPermit',
      year: 2026,
      caseId: 'c1',
    });
    await new SqlNumbers(db).allocateCertificate('HJ01', {
      requestKey: 'c2:certificateIssued:x2',
      certType: 'constructionPermit',
      year: 2026,
      caseId: 'c2',
    });
    // A's events: notice 2 used, certificate 1 issued for c1. A notice of B's block (5) in A's
    // event is not A's to use: it stays leased to B.
    const events = makeEvents('HJ01', 3, {
      type: 'documentNumberAllocated',
      payload: (seq) =>
        seq === 1
          ? {
              docType: 'acceptance',
              number: '惠济规划受〔2026〕2号',
              caseId: 'c9',
              year: 2026,
              seq: 2,
            }
          : seq === 2
            ? {
                docType: 'acceptance',
                number: '惠济规划受〔2026〕5号',
                caseId: 'c9',
                year: 2026,
                seq: 5,
              }
            : { docType: 'acceptance', number: 'x', caseId: 'c9', year: 2026, seq: 3, v: 1 },
    });
    const cert = makeEvents('HJ01', 1, {
      fromSeq: 4,
      prevHash: events[2]!.hash,
      type: 'certificateIssued',
      payload: () => ({
        type: 'certificateIssued',
        caseId: 'c1',
        certificateType: 'constructionPermit',
        number: '建字第410108202600001号',
        external: false,
        seq: 1,
      }),
    });
    expect((await pushEvents(app, a, events.slice(0, 2))).statusCode).toBe(200);
    expect((await pushEvents(app, a, [events[2]!, ...cert])).statusCode).toBe(200);

    // A voids 1 (a returned number) and tries B's 4: only its own is voided.
    const v = await post(a, '/v1/numbers/void', {
      numbers: [
        { seriesId: 'doc:acceptance:2026', seq: 1 },
        { seriesId: 'doc:acceptance:2026', seq: 4 },
      ],
      reason: 'lease_lost',
      by: 'station',
    });
    expect(v.json()).toEqual({ voided: 1 });
    // The reserved certificate 2 (c2) is abandoned by its request key.
    expect(
      (
        await post(a, '/v1/numbers/void', {
          requestKeys: ['c2:certificateIssued:x2'],
          reason: 'attempt_abandoned',
          by: '王芳',
        })
      ).json(),
    ).toEqual({ voided: 1 });
    expect(
      (await app.inject({ method: 'GET', url: '/v1/numbers/held', headers: auth(b) })).json(),
    ).toMatchObject({
      numbers: [4, 5, 6].map((seq) => ({ seriesId: 'doc:acceptance:2026', seq, status: 'leased' })),
    });
    // B is retired: its open numbers are voided.
    await setStationStatus(db, 'HJ02', 'retire');

    const reg = await new SqlLeases(db).register('doc:acceptance:2026');
    expect(
      reg.entries.map((e) => [
        e.seq,
        e.status,
        e.stationCode,
        e.usedRef ?? e.voidReason,
        e.voidedBy,
      ]),
    ).toEqual([
      [1, 'voided', 'HJ01', 'lease_lost', 'station'],
      [2, 'used', 'HJ01', '惠济规划受〔2026〕2号', null],
      [3, 'used', 'HJ01', 'x', null],
      [4, 'voided', 'HJ02', 'station_retired', 'admin'],
      [5, 'voided', 'HJ02', 'station_retired', 'admin'],
      [6, 'voided', 'HJ02', 'station_retired', 'admin'],
    ]);
    expect(reg.entries[1]!.usedEventId).toBe('HJ01-1');
    const certs = await new SqlLeases(db).register('cert:constructionPermit:2026');
    expect(
      certs.entries.map((e) => [e.seq, e.status, e.caseId, e.usedRef ?? e.voidReason]),
    ).toEqual([
      [1, 'used', 'c1', '建字第410108202600001号'],
      [2, 'voided', 'c2', 'attempt_abandoned'],
    ]);
    // The register over HTTP: both series, nothing missing.
    const all = await app.inject({ method: 'GET', url: '/v1/numbers/register', headers: auth(a) });
    expect(
      (all.json() as { series: { seriesId: string; missing: number[] }[] }).series.map((s) => [
        s.seriesId,
        s.missing,
      ]),
    ).toEqual([
      ['cert:constructionPermit:2026', []],
      ['doc:acceptance:2026', []],
    ]);
    // A gap made by hand (a row deleted) is shown as missing.
    await db.query("DELETE FROM allocations WHERE series_id = 'doc:acceptance:2026' AND seq = 3");
    expect((await new SqlLeases(db).register('doc:acceptance:2026')).series[0]!.missing).toEqual([
      3,
    ]);
    const bad = await app.inject({
      method: 'GET',
      url: '/v1/numbers/register?series=drop%20table',
      headers: auth(a),
    });
    expect(bad.statusCode).toBe(400);
    await app.close();
  });
});

describe('npm run server -- numbers register | void', () => {
  it('lists every series and number, voids by hand, and exits 1 on an unexplained gap', async () => {
    const db = await freshDb(['HJ01']);
    await new SqlLeases(db).lease('HJ01', lease('cli', 3));
    const url = cluster.url(cluster.last());
    const root = resolve(import.meta.dirname, '../..');
    const cli = (...args: string[]) =>
      new Promise<{ code: number; out: string }>((done) => {
        execFile(
          join(root, 'node_modules/.bin/tsx'),
          ['server/main.ts', 'numbers', ...args],
          { cwd: root, env: { ...process.env, DATABASE_URL: url } },
          (e, stdout, stderr) =>
            done({
              code: e ? Number((e as { code?: number }).code ?? 1) : 0,
              out: stdout + stderr,
            }),
        );
      });
    const voided = await cli(
      'void',
      'doc:acceptance:2026',
      '2',
      '--note',
      '纸张损坏',
      '--by',
      '王管理',
    );
    expect(voided).toEqual({
      code: 0,
      out: '已作废 doc:acceptance:2026 第 2 号\n  Voided doc:acceptance:2026 #2\n',
    });
    const listed = await cli('register', '--series', 'doc:acceptance:2026');
    expect(listed.code).toBe(0);
    const lines = listed.out.split('\n');
    expect(lines[0]).toBe(
      'doc:acceptance:2026\t1–3\t已使用 used 0\t已租出 leased 2\t已预留 reserved 0\t已作废 voided 1',
    );
    expect(lines[2]).toMatch(/^2\t已作废 voided\tHJ01\tadmin: 纸张损坏 · 王管理\t20\d\d-/);
    expect(lines.at(-3)).toBe('共 1 个编号序列，无无法解释的空号');
    await db.query('DELETE FROM allocations WHERE seq = 3');
    const gap = await cli('register');
    expect(gap.code).toBe(1);
    expect(gap.out).toContain('无记录 MISSING 3');
    expect(gap.out).toContain('有 1 个编号无记录（无法解释的空号）');
  }, 60_000);
});
