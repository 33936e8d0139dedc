// An island's own numbers claimed at the join check, on real PostgreSQL (docs/hall.md "An
// island's own numbers"; POST /v1/numbers/claim): before its first push, the island sends the
// numbers its events record; the hall takes in what lies above its series (used by the island's
// event, origin island), explains the seqs it passes over, records as clashes what another station
// used or holds — and never hands the island's numbers out meanwhile. Claiming again and the later
// push change nothing more. A lease asked by another station while the claim goes in waits on the
// series row and gets what follows. A claim naming another station's events is refused.
import { describe, expect, it } from 'vitest';
import { SqlLeases } from '../../server/db/leases';
import { SqlNumbers } from '../../server/db/numbers';
import type { Db } from '../../server/db/sql';
import { numberUsesOf } from '../../server/protocol';
import { auth, enrolled, hallApp, pushEvents } from './http-helpers';
import { clusterDatabases } from './helpers';
import { cert, chainOf, entry, expectRaceSettled, notice, racingLeases } from './islandEvents';

const cluster = clusterDatabases('claim');

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
    e.usedEventId,
    e.usedRef ?? e.voidReason,
  ]);
const clashCount = async (db: Db) =>
  (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM number_clashes'))[0]!.n;

describe("an island's own numbers claimed at the join check", () => {
  it('are taken in before the push, clashes recorded, gaps explained; again and the push change nothing', async () => {
    const { db, app } = await hall();
    const a = await enrolled(app, db, 'HJ01');
    const c = await enrolled(app, db, 'HJ03');
    const post = (s: { token: string }, url: string, payload: unknown) =>
      app.inject({ method: 'POST', url, headers: auth(s), payload: payload as object });
    // The hall: A issued certificate 1 and holds notices 1–2 leased.
    await new SqlNumbers(db).allocateCertificate('HJ01', {
      requestKey: 'a1:certificateIssued:x',
      certType: 'constructionPermit',
      year: 2026,
      caseId: 'a1',
    });
    const aLease = { leaseKey: 'lease:A1', kind: 'document', type: 'acceptance', year: 2026 };
    expect((await post(a, '/v1/numbers/lease', { ...aLease, count: 2 })).json()).toMatchObject({
      first: 1,
      last: 2,
    });
    expect((await pushEvents(app, a, chainOf('HJ01', [cert('a1', 1)]))).statusCode).toBe(200);

    // C ran alone: certificates 1, 2, 4 (3 went to a case it later deleted), notices 1–3,
    // commendation 1.
    const cEvents = chainOf('HJ03', [
      cert('c1', 1),
      cert('c2', 2),
      cert('c4', 4),
      notice('c1', 1),
      notice('c2', 2),
      notice('c3', 3),
      entry(1),
    ]);
    const uses = cEvents.flatMap(numberUsesOf);
    const claim = await post(c, '/v1/numbers/claim', { uses });
    expect(claim.statusCode).toBe(200);
    expect(claim.json()).toMatchObject({ own: 0, taken: 4, marked: 0, clashes: 3 });

    const certRows = [
      [1, 'used', 'HJ01', 'hall', 'HJ01-1', '建字第410108202600001号'],
      [2, 'used', 'HJ03', 'island', 'HJ03-2', '建字第410108202600002号'],
      [3, 'voided', 'HJ03', 'island', null, 'island_gap: HJ03 #4'],
      [4, 'used', 'HJ03', 'island', 'HJ03-3', '建字第410108202600004号'],
    ];
    const docRows = [
      [1, 'leased', 'HJ01', 'hall', null, null],
      [2, 'leased', 'HJ01', 'hall', null, null],
      [3, 'used', 'HJ03', 'island', 'HJ03-6', '惠济规划受〔2026〕3号'],
    ];
    expect(await rowsOf(db, 'cert:constructionPermit:2026')).toEqual(certRows);
    expect(await rowsOf(db, 'doc:acceptance:2026')).toEqual(docRows);
    expect(await rowsOf(db, 'ledger:commendation:2026')).toEqual([
      [1, 'used', 'HJ03', 'island', 'HJ03-7', 'BY20260001 commendation-1'],
    ]);
    const reg = await new SqlLeases(db).register('cert:constructionPermit:2026');
    expect(reg.clashes.map((x) => [x.seq, x.eventId, x.otherStation, x.otherStatus])).toEqual([
      [1, 'HJ03-1', 'HJ01', 'used'],
    ]);
    expect(reg.series[0]).toMatchObject({ lastSeq: 4, missing: [], clashes: 1 });
    expect(await clashCount(db)).toBe(3);

    // While C's push is held, the hall hands none of C's numbers out: A's next is 5, its next
    // notice block starts at 4, its commendations at 2.
    const five = await new SqlNumbers(db).allocateCertificate('HJ01', {
      requestKey: 'a5:certificateIssued:x',
      certType: 'constructionPermit',
      year: 2026,
      caseId: 'a5',
    });
    expect(five.ok && five.allocation.seq).toBe(5);
    expect(
      (await post(a, '/v1/numbers/lease', { ...aLease, leaseKey: 'lease:A2', count: 3 })).json(),
    ).toMatchObject({ first: 4, last: 6 });
    const byLease = await post(a, '/v1/numbers/lease', {
      leaseKey: 'lease:A3',
      kind: 'ledger',
      type: 'commendation',
      year: 2026,
      count: 2,
    });
    expect(byLease.json()).toMatchObject({ first: 2, last: 3 });

    // Claimed again (the check run again): nothing changes.
    const again = await post(c, '/v1/numbers/claim', { uses });
    expect(again.json()).toMatchObject({ taken: 0, marked: 0 });
    expect(await rowsOf(db, 'cert:constructionPermit:2026')).toEqual([
      ...certRows,
      [5, 'reserved', 'HJ01', 'hall', null, null],
    ]);
    expect(await clashCount(db)).toBe(3);

    // The push: its events find their numbers marked already; no second clash.
    expect((await pushEvents(app, c, cEvents)).json()).toMatchObject({ accepted: 7 });
    expect((await rowsOf(db, 'cert:constructionPermit:2026')).slice(0, 4)).toEqual(certRows);
    expect((await rowsOf(db, 'doc:acceptance:2026')).slice(0, 3)).toEqual(docRows);
    expect(await clashCount(db)).toBe(3);
    await app.close();
  }, 60_000);

  it('a lease by another station racing the claim gets what follows, never the island’s', async () => {
    const { db, app } = await hall();
    const a = await enrolled(app, db, 'HJ01');
    const c = await enrolled(app, db, 'HJ03');
    // C numbered notices 1–40 alone; A asks for 10 blocks of 5 while C's claim goes in.
    const uses = chainOf(
      'HJ03',
      Array.from({ length: 40 }, (_, i) => notice(`c${i + 1}`, i + 1)),
    ).flatMap(numberUsesOf);
    const leases = racingLeases(app, a);
    const claim = app.inject({
      method: 'POST',
      url: '/v1/numbers/claim',
      headers: auth(c),
      payload: { uses },
    });
    const [claimed, ...blocks] = await Promise.all([claim, ...leases]);
    expect(claimed!.statusCode).toBe(200);
    const { taken, clashed } = await expectRaceSettled(db, blocks);
    const { taken: n, clashes } = claimed!.json() as { taken: number; clashes: number };
    expect([n, clashes]).toEqual([taken.length, clashed.length]);
    await app.close();
  }, 60_000);

  it('refuses a claim naming events of another station, or none; without a session', async () => {
    const { db, app } = await hall();
    const c = await enrolled(app, db, 'HJ03');
    const foreign = chainOf('HJ01', [notice('x', 1)]).flatMap(numberUsesOf);
    const send = (payload: unknown, headers: Record<string, string> = auth(c)) =>
      app.inject({ method: 'POST', url: '/v1/numbers/claim', headers, payload: payload as object });
    const r1 = await send({ uses: foreign });
    expect([r1.statusCode, r1.json().error.code]).toEqual([400, 'bad_request']);
    const r2 = await send({ uses: [] });
    expect([r2.statusCode, r2.json().error.code]).toEqual([400, 'bad_request']);
    const r3 = await send({ uses: chainOf('HJ03', [notice('x', 1)]).flatMap(numberUsesOf) }, {});
    expect(r3.statusCode).toBe(401);
    // Nothing taken in by the refused ones.
    expect(await rowsOf(db, 'doc:acceptance:2026')).toEqual([]);
    await app.close();
  }, 60_000);
});

describe('a lease attempt left pending at the year end', () => {
  it('is voided by its lease key: only that block, only the station’s own, twice harmless', async () => {
    const { db, app } = await hall();
    const a = await enrolled(app, db, 'HJ01');
    const b = await enrolled(app, db, 'HJ02');
    const post = (s: { token: string }, url: string, payload: object) =>
      app.inject({ method: 'POST', url, headers: auth(s), payload });
    const lease = (s: { token: string }, key: string) =>
      post(s, '/v1/numbers/lease', {
        leaseKey: key,
        kind: 'document',
        type: 'acceptance',
        year: 2026,
        count: 3,
      });
    // A's block 1–3 (its answer lost on 31 December), A's block 4–6 (stored), B's 7–9.
    for (const [s, key] of [
      [a, 'HJ01:doc:acceptance:2026:lost'],
      [a, 'HJ01:doc:acceptance:2026:kept'],
      [b, 'HJ02:doc:acceptance:2026:other'],
    ] as const)
      expect((await lease(s, key)).statusCode).toBe(200);
    const voidBy = (s: { token: string }, keys: string[]) =>
      post(s, '/v1/numbers/void', { requestKeys: keys, reason: 'year_end', by: 'station' });
    // B naming A's key voids nothing; A's own key voids its three.
    expect((await voidBy(b, ['HJ01:doc:acceptance:2026:lost'])).json()).toEqual({ voided: 0 });
    expect((await voidBy(a, ['HJ01:doc:acceptance:2026:lost'])).json()).toEqual({ voided: 3 });
    expect((await voidBy(a, ['HJ01:doc:acceptance:2026:lost'])).json()).toEqual({ voided: 0 });
    // A key the hall never saw (the request was lost before it arrived): nothing.
    expect((await voidBy(a, ['HJ01:doc:acceptance:2026:never'])).json()).toEqual({ voided: 0 });
    const reg = await new SqlLeases(db).register('doc:acceptance:2026');
    expect(
      reg.entries.map((e) => [e.seq, e.status, e.stationCode, e.voidReason, e.voidedBy]),
    ).toEqual([
      [1, 'voided', 'HJ01', 'year_end', 'station'],
      [2, 'voided', 'HJ01', 'year_end', 'station'],
      [3, 'voided', 'HJ01', 'year_end', 'station'],
      [4, 'leased', 'HJ01', null, null],
      [5, 'leased', 'HJ01', null, null],
      [6, 'leased', 'HJ01', null, null],
      [7, 'leased', 'HJ02', null, null],
      [8, 'leased', 'HJ02', null, null],
      [9, 'leased', 'HJ02', null, null],
    ]);
    expect(reg.series[0]).toMatchObject({ missing: [], counts: { leased: 6, voided: 3 } });
    await app.close();
  }, 60_000);
});
