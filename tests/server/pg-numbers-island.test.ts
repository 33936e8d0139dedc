// An island's own numbers on real PostgreSQL (docs/hall.md "Numbers", *An island's own
// numbers*): a station that numbered certificates, notices and ledger entries alone before it
// joined pushes its events; the hall takes the numbers above its series in (used by the island,
// origin island), records those another station issued or holds as clashes (never renumbered),
// explains the seqs it passes over (voided island_gap by the hall, used later when the island's
// event for one arrives), never hands them out again, and does the same on a retry. A lease asked
// while the island's push takes its numbers in waits on the series row and gets what follows.
import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SqlLeases } from '../../server/db/leases';
import { SqlNumbers } from '../../server/db/numbers';
import { recordNumberUses } from '../../server/db/numberUses';
import type { Db } from '../../server/db/sql';
import { numberUsesOf } from '../../server/protocol';
import { auth, enrolled, hallApp, pushEvents } from './http-helpers';
import { clusterDatabases } from './helpers';
import { cert, chainOf, entry, expectRaceSettled, notice, racingLeases } from './islandEvents';

const cluster = clusterDatabases('island');

async function hall() {
  const db = await cluster.fresh();
  return { db, app: hallApp(db) };
}

const rowsOf = async (db: Db, series: string) =>
  (await new SqlLeases(db).register(series)).entries.map((e) => [
    e.seq,
    e.status,
    e.stationCode,
    e.origin,
    e.usedRef ?? e.voidReason,
  ]);

describe("an island's own numbers", () => {
  it('are taken into the series, clashes recorded, gaps explained, never handed out again', async () => {
    const { db, app } = await hall();
    const a = await enrolled(app, db, 'HJ01');
    const c = await enrolled(app, db, 'HJ03');
    const post = (s: { token: string }, url: string, payload: Record<string, unknown>) =>
      app.inject({ method: 'POST', url, headers: auth(s), payload });
    // The hall: A took certificates 1 and 2 and issued them; A leased notices 1–2, used 1.
    for (const k of ['a1', 'a2'])
      await new SqlNumbers(db).allocateCertificate('HJ01', {
        requestKey: `${k}:certificateIssued:x`,
        certType: 'constructionPermit',
        year: 2026,
        caseId: k,
      });
    expect(
      (
        await post(a, '/v1/numbers/lease', {
          leaseKey: 'lease:A1',
          kind: 'document',
          type: 'acceptance',
          year: 2026,
          count: 2,
        })
      ).json(),
    ).toMatchObject({ first: 1, last: 2 });
    const aEvents = chainOf('HJ01', [cert('a1', 1), cert('a2', 2), notice('a1', 1)]);
    expect((await pushEvents(app, a, aEvents)).statusCode).toBe(200);

    // C ran alone: certificates 1–5, notices 1–4, commendations 1–3, all counted by itself.
    const own = [
      ...[1, 2, 3, 4, 5].map((q) => cert(`c${q}`, q)),
      ...[1, 2, 3, 4].map((q) => notice(`c${q}`, q)),
      ...[1, 2, 3].map(entry),
    ];
    const cEvents = chainOf('HJ03', own);
    expect((await pushEvents(app, c, cEvents)).statusCode).toBe(200);

    // Certificates: 1 and 2 are A's and C's — clashes; 3–5 are C's, taken in.
    expect(await rowsOf(db, 'cert:constructionPermit:2026')).toEqual([
      [1, 'used', 'HJ01', 'hall', '建字第410108202600001号'],
      [2, 'used', 'HJ01', 'hall', '建字第410108202600002号'],
      [3, 'used', 'HJ03', 'island', '建字第410108202600003号'],
      [4, 'used', 'HJ03', 'island', '建字第410108202600004号'],
      [5, 'used', 'HJ03', 'island', '建字第410108202600005号'],
    ]);
    const certReg = await new SqlLeases(db).register('cert:constructionPermit:2026');
    expect(
      certReg.clashes.map((x) => [x.seq, x.stationCode, x.usedRef, x.otherStation, x.otherStatus]),
    ).toEqual([
      [1, 'HJ03', '建字第410108202600001号', 'HJ01', 'used'],
      [2, 'HJ03', '建字第410108202600002号', 'HJ01', 'used'],
    ]);
    expect(certReg.series[0]).toMatchObject({ lastSeq: 5, missing: [], clashes: 2 });
    // Notices: 1 used by A, 2 leased to A (A may print it offline) — both clashes; 3, 4 C's.
    expect(await rowsOf(db, 'doc:acceptance:2026')).toEqual([
      [1, 'used', 'HJ01', 'hall', '惠济规划受〔2026〕1号'],
      [2, 'leased', 'HJ01', 'hall', null],
      [3, 'used', 'HJ03', 'island', '惠济规划受〔2026〕3号'],
      [4, 'used', 'HJ03', 'island', '惠济规划受〔2026〕4号'],
    ]);
    expect(
      (await new SqlLeases(db).register('doc:acceptance:2026')).clashes.map((x) => [
        x.seq,
        x.otherStation,
        x.otherStatus,
      ]),
    ).toEqual([
      [1, 'HJ01', 'used'],
      [2, 'HJ01', 'leased'],
    ]);
    // Ledger: the hall held no such series; it is made, 1–3 C's.
    expect(await rowsOf(db, 'ledger:commendation:2026')).toEqual(
      [1, 2, 3].map((q) => [q, 'used', 'HJ03', 'island', `BY2026000${q} commendation-${q}`]),
    );

    // Never handed out again: A's next certificate is 6, the next notice block starts at 5,
    // the next commendation block at 4.
    const six = await new SqlNumbers(db).allocateCertificate('HJ01', {
      requestKey: 'a6:certificateIssued:x',
      certType: 'constructionPermit',
      year: 2026,
      caseId: 'a6',
    });
    expect(six.ok && six.allocation.seq).toBe(6);
    const l = (key: string, kind: string, type: string) =>
      post(a, '/v1/numbers/lease', { leaseKey: key, kind, type, year: 2026, count: 3 });
    expect((await l('lease:A2', 'document', 'acceptance')).json()).toMatchObject({ first: 5 });
    expect((await l('lease:A3', 'ledger', 'commendation')).json()).toMatchObject({ first: 4 });

    // C's next push carries its certificate 9 (7 and 8 went with a later chain of its own):
    // 7–8 are passed over, voided island_gap by the hall; then its 7 arrives and is used.
    const more = chainOf('HJ03', [cert('c9', 9)], cEvents.length + 1, cEvents.at(-1)!.hash);
    expect((await pushEvents(app, c, more)).statusCode).toBe(200);
    expect((await rowsOf(db, 'cert:constructionPermit:2026')).slice(5)).toEqual([
      [6, 'reserved', 'HJ01', 'hall', null],
      [7, 'voided', 'HJ03', 'island', 'island_gap: HJ03 #9'],
      [8, 'voided', 'HJ03', 'island', 'island_gap: HJ03 #9'],
      [9, 'used', 'HJ03', 'island', '建字第410108202600009号'],
    ]);
    const seven = chainOf('HJ03', [cert('c7', 7)], cEvents.length + 2, more[0]!.hash);
    expect((await pushEvents(app, c, seven)).statusCode).toBe(200);
    const certs = await new SqlLeases(db).register('cert:constructionPermit:2026');
    expect(certs.entries[6]).toMatchObject({
      seq: 7,
      status: 'used',
      stationCode: 'HJ03',
      usedRef: '建字第410108202600007号',
      voidReason: null,
      voidedBy: null,
    });
    expect(certs.entries[7]).toMatchObject({ seq: 8, voidedBy: 'hall' });
    expect(certs.series[0]).toMatchObject({ lastSeq: 9, missing: [], clashes: 2 });

    // A retry changes nothing: the same pushes again are duplicates, and the same uses applied
    // twice over (a server that died after the commit, the uses read again) record nothing new.
    const before = {
      cert: await rowsOf(db, 'cert:constructionPermit:2026'),
      doc: await rowsOf(db, 'doc:acceptance:2026'),
      clashes: (await db.query('SELECT count(*)::int AS n FROM number_clashes'))[0],
    };
    expect((await pushEvents(app, c, cEvents)).json()).toMatchObject({ accepted: 0 });
    await db.tx((sql) => recordNumberUses(sql, 'HJ03', cEvents.flatMap(numberUsesOf)));
    expect(await rowsOf(db, 'cert:constructionPermit:2026')).toEqual(before.cert);
    expect(await rowsOf(db, 'doc:acceptance:2026')).toEqual(before.doc);
    expect((await db.query('SELECT count(*)::int AS n FROM number_clashes'))[0]).toEqual(
      before.clashes,
    );

    // Over HTTP: every series, nothing missing, the clashes counted.
    const all = await app.inject({ method: 'GET', url: '/v1/numbers/register', headers: auth(a) });
    expect(
      (
        all.json() as { series: { seriesId: string; missing: number[]; clashes: number }[] }
      ).series.map((s) => [s.seriesId, s.missing, s.clashes]),
    ).toEqual([
      ['cert:constructionPermit:2026', [], 2],
      ['doc:acceptance:2026', [], 2],
      ['ledger:commendation:2026', [], 0],
    ]);
    const one = await app.inject({
      method: 'GET',
      url: '/v1/numbers/register?series=cert:constructionPermit:2026',
      headers: auth(a),
    });
    expect((one.json() as { clashes: unknown[] }).clashes).toHaveLength(2);

    // The register on the hall PC: island numbers, gaps and clashes explained; exit 0.
    const url = cluster.url(cluster.last());
    const root = resolve(import.meta.dirname, '../..');
    const cli = await new Promise<{ code: number; out: string }>((done) => {
      execFile(
        join(root, 'node_modules/.bin/tsx'),
        ['server/main.ts', 'numbers', 'register', '--series', 'cert:constructionPermit:2026'],
        { cwd: root, env: { ...process.env, DATABASE_URL: url.toString() } },
        (e, stdout, stderr) =>
          done({ code: e ? Number((e as { code?: number }).code ?? 1) : 0, out: stdout + stderr }),
      );
    });
    expect(cli.code).toBe(0);
    const lines = cli.out.split('\n');
    const line = (start: string) => lines.find((x) => x.startsWith(start));
    expect(line('3\t')).toMatch(
      /^3\t已使用 used\tHJ03\t建字第410108202600003号 case c3 · 本站加入前单独签发 issued alone before joining\t2026-/,
    );
    expect(line('8\t')).toMatch(/^8\t已作废 voided\tHJ03\tisland_gap: HJ03 #9 · hall\t2026-/);
    expect(line('1\t编号重复')).toMatch(
      /^1\t编号重复 CLASH\tHJ03\t建字第410108202600001号 case c1 — HJ01 已使用 used 建字第410108202600001号\t2026-/,
    );
    expect(lines).toContain('共 1 个编号序列，无无法解释的空号');
    await app.close();
  }, 60_000);

  it('a lease asked while an island push takes numbers in gets what follows, never those', async () => {
    const { db, app } = await hall();
    const a = await enrolled(app, db, 'HJ01');
    const c = await enrolled(app, db, 'HJ03');
    // C numbered notices 1–40 alone; A asks for 10 blocks of 5 while C's push goes in.
    const cEvents = chainOf(
      'HJ03',
      Array.from({ length: 40 }, (_, i) => notice(`c${i + 1}`, i + 1)),
    );
    const leases = racingLeases(app, a);
    const [pushed, ...blocks] = await Promise.all([pushEvents(app, c, cEvents), ...leases]);
    expect(pushed!.statusCode).toBe(200);
    // Every seq 1..90 has one row; any of C's 40 that a block took first is a recorded clash.
    await expectRaceSettled(db, blocks);
    await app.close();
  }, 60_000);
});
