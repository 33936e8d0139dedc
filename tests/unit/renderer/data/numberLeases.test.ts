// The station's leased blocks of notice and ledger numbers (data/numberLeases.ts), on
// fake-indexeddb stations and the hall's in-memory lease store (server/core/leases.ts): the
// threshold refill, numbers taken offline, a lost answer asked again, a lease run out offline
// (refused with nothing half-written), a station that never joined keeping its counter, the rest
// of last year's block voided (and a lease attempt left pending at the year's end), and a block
// lost to a restore voided when the station returns.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { OneWindowDb } from '../../../../renderer/src/data/db';
import { dispatch } from '../../../../renderer/src/data/dispatch';
import { markHallJoined } from '../../../../renderer/src/data/hallPresence';
import {
  heldLocally,
  holdingKey,
  LEASE_PLAN,
  refillLeases,
  type NumbersTransport,
} from '../../../../renderer/src/data/numberLeases';
import { recordCommendation } from '../../../../renderer/src/data/ledgers';
import { HallModel, ModelTransport } from './sync/hallModel';
import { accept, NOW, stationNamed, takeIn } from './sync/fixtures';
import { actors } from '../domain/workflowFixtures';

const acceptancePlan = LEASE_PLAN.filter((p) => p.type === 'acceptance');
const numberOf = async (db: OneWindowDb, caseId: string) =>
  (await db.documents.where('caseId').equals(caseId).first())?.number;

let hall: HallModel;
let netA: ModelTransport;
let netB: ModelTransport;
let a: OneWindowDb;
let b: OneWindowDb;
const via = (t: ModelTransport): NumbersTransport => ({ numbers: (x) => t.numbers(x) });

beforeEach(async () => {
  hall = new HallModel();
  netA = new ModelTransport(hall, 'HJ01');
  netB = new ModelTransport(hall, 'HJ02');
  a = await stationNamed('HJ01');
  b = await stationNamed('HJ02');
  await markHallJoined(a, NOW);
  await markHallJoined(b, NOW);
});

describe('leased notice numbers', () => {
  it('two stations get disjoint blocks; a block is refilled below its threshold, not before', async () => {
    await refillLeases(a, via(netA), { now: NOW, plan: acceptancePlan });
    await refillLeases(b, via(netB), { now: NOW, plan: acceptancePlan });
    for (let i = 1; i <= 15; i++) await takeIn(a, `a${i}`);
    await takeIn(b, 'b1');
    expect(await numberOf(a, 'a1')).toBe('惠济规划受〔2026〕1号');
    expect(await numberOf(a, 'a15')).toBe('惠济规划受〔2026〕15号');
    expect(await numberOf(b, 'b1')).toBe('惠济规划受〔2026〕21号');
    // 5 left on A: not below the threshold (5), nothing asked.
    expect(await refillLeases(a, via(netA), { now: NOW, plan: acceptancePlan })).toMatchObject({
      ok: true,
      leased: [],
    });
    await takeIn(a, 'a16');
    // 4 left: the next block, after B's.
    expect(await refillLeases(a, via(netA), { now: NOW, plan: acceptancePlan })).toMatchObject({
      leased: ['doc:acceptance:2026'],
    });
    const [held] = await heldLocally(a);
    expect(held!.free).toEqual([17, 18, 19, 20, ...Array.from({ length: 20 }, (_, i) => 41 + i)]);
  });

  it('a station that numbered alone before it joined never reprints those numbers', async () => {
    // C took three cases in alone (受〔2026〕1–3号 on paper), then joined: the hall leases it 1–20.
    const c = await stationNamed('HJ03');
    const netC = new ModelTransport(hall, 'HJ03');
    for (let i = 1; i <= 3; i++) await takeIn(c, `alone${i}`);
    expect(await numberOf(c, 'alone3')).toBe('惠济规划受〔2026〕3号');
    await markHallJoined(c, NOW);
    await refillLeases(c, via(netC), { now: NOW, plan: acceptancePlan });
    await takeIn(c, 'joined1');
    expect(await numberOf(c, 'joined1')).toBe('惠济规划受〔2026〕4号');
    // 16 usable left (1–3 are not free): after 12 more, 4 usable — below the threshold, refilled,
    // though 7 numbers of the block are still listed.
    for (let i = 2; i <= 13; i++) await takeIn(c, `joined${i}`);
    expect(await refillLeases(c, via(netC), { now: NOW, plan: acceptancePlan })).toMatchObject({
      leased: ['doc:acceptance:2026'],
    });
    c.close();
  });

  it('offline, the counter prints from the lease; a lease run out is refused with nothing written', async () => {
    const small = [{ ...acceptancePlan[0]!, block: 2, threshold: 1 }];
    await refillLeases(a, via(netA), { now: NOW, plan: small });
    netA.faults.partitioned = true;
    await takeIn(a, 'c1');
    await takeIn(a, 'c2');
    expect(await numberOf(a, 'c2')).toBe('惠济规划受〔2026〕2号');
    const events = await a.events.count();
    const meta = await a.meta.get(holdingKey('doc:acceptance:2026'));
    const refused = await dispatch(a, accept('c3'), { actor: actors.clerk, now: NOW });
    expect(refused).toEqual({
      ok: false,
      refusal: { code: 'numbers_exhausted', params: { docType: 'acceptance' } },
    });
    expect(await a.events.count()).toBe(events);
    expect(await a.cases.get('c3')).toBeUndefined();
    expect(await a.documents.count()).toBe(2);
    expect(await a.meta.get(holdingKey('doc:acceptance:2026'))).toEqual(meta);
    // Offline the refill says why and takes nothing; back online it leases, and c3 goes through.
    expect(await refillLeases(a, via(netA), { now: NOW, plan: small })).toEqual({
      ok: false,
      code: 'unreachable',
    });
    netA.faults.partitioned = false;
    await refillLeases(a, via(netA), { now: NOW, plan: small });
    await takeIn(a, 'c3');
    expect(await numberOf(a, 'c3')).toBe('惠济规划受〔2026〕3号');
  });

  it('a lease whose answer is lost is asked again with its key: the same block, no second one', async () => {
    let lose = true;
    const lossy: NumbersTransport = {
      numbers: async (x) => {
        const r = await netA.numbers(x);
        if (x.op === 'lease' && lose) {
          lose = false;
          return { ok: false, error: { code: 'unreachable', message: 'lost' } };
        }
        return r;
      },
    };
    expect(await refillLeases(a, lossy, { now: NOW, plan: acceptancePlan })).toMatchObject({
      ok: false,
    });
    expect(hall.leases.leases.size).toBe(1);
    expect(await refillLeases(a, lossy, { now: NOW, plan: acceptancePlan })).toMatchObject({
      ok: true,
      leased: ['doc:acceptance:2026'],
    });
    expect(hall.leases.leases.size).toBe(1);
    expect((await heldLocally(a))[0]!.free).toHaveLength(20);
    expect((await heldLocally(a))[0]!.free[0]).toBe(1);
  });

  it('a station that never joined a hall numbers with its own counter, as before', async () => {
    const alone = await stationNamed('HJ09');
    await takeIn(alone, 'x1');
    expect(await numberOf(alone, 'x1')).toBe('惠济规划受〔2026〕1号');
    expect(await heldLocally(alone)).toEqual([]);
  });

  it('ledger numbers come from their lease too, and run out the same way', async () => {
    const plan = [{ kind: 'ledger' as const, type: 'commendation', block: 1, threshold: 1 }];
    await refillLeases(a, via(netA), { now: NOW, plan });
    const input = {
      kind: 'letter' as const,
      receivedOn: '2026-03-02',
      from: '某公司',
      creditCode: '',
      caseNumber: '',
      staff: '陈静',
      note: '',
    };
    const one = await recordCommendation(a, input, actors.clerk, NOW);
    if (!one.ok) throw new Error(JSON.stringify(one.refusal));
    const row = await a.ledger.get(one.id);
    expect((row!.data as { fields: { number: string } }).fields.number).toBe('BY20260001');
    const events = await a.events.count();
    expect(await recordCommendation(a, input, actors.clerk, NOW)).toEqual({
      ok: false,
      refusal: { code: 'numbersExhausted' },
    });
    expect(await a.events.count()).toBe(events);
  });

  it('ledger numbers a station counted alone before it joined are passed over like notices', async () => {
    // C kept its commendations ledger alone (BY20260001–3 on paper), then joined: the hall
    // leases it 1–5 of ledger:commendation:2026, and 1–3 must not be printed again.
    const c = await stationNamed('HJ03');
    const netC = new ModelTransport(hall, 'HJ03');
    const input = {
      kind: 'letter' as const,
      receivedOn: '2026-03-02',
      from: '某公司',
      creditCode: '',
      caseNumber: '',
      staff: '陈静',
      note: '',
    };
    const numberOfEntry = async (id: string) =>
      ((await c.ledger.get(id))!.data as { fields: { number: string } }).fields.number;
    let last = '';
    for (let i = 0; i < 3; i++) {
      const r = await recordCommendation(c, input, actors.clerk, NOW);
      if (!r.ok) throw new Error(JSON.stringify(r.refusal));
      last = r.id;
    }
    expect(await numberOfEntry(last)).toBe('BY20260003');
    await markHallJoined(c, NOW);
    const plan = [{ kind: 'ledger' as const, type: 'commendation', block: 5, threshold: 3 }];
    expect(await refillLeases(c, via(netC), { now: NOW, plan })).toMatchObject({
      leased: ['ledger:commendation:2026'],
    });
    const joined = await recordCommendation(c, input, actors.clerk, NOW);
    if (!joined.ok) throw new Error(JSON.stringify(joined.refusal));
    expect(await numberOfEntry(joined.id)).toBe('BY20260004');
    // 4 taken (1–3 passed over and dropped from the list), 5 left — below the threshold of 3.
    expect(await refillLeases(c, via(netC), { now: NOW, plan })).toMatchObject({
      leased: ['ledger:commendation:2026'],
    });
    expect((await heldLocally(c)).find((h) => h.seriesId === 'ledger:commendation:2026')).toEqual(
      expect.objectContaining({ free: [5, 6, 7, 8, 9, 10] }),
    );
    c.close();
  });
});

describe('returning numbers', () => {
  it("the rest of last year's block is voided as year_end at the first round of the new year", async () => {
    await refillLeases(a, via(netA), { now: NOW, plan: acceptancePlan });
    await takeIn(a, 'c1');
    const nextYear = new Date('2027-01-04T01:00:00Z');
    const r = await refillLeases(a, via(netA), { now: nextYear, plan: acceptancePlan });
    expect(r).toMatchObject({ ok: true, voided: 19, leased: ['doc:acceptance:2027'] });
    const rows = [...hall.leases.rows.values()].filter((x) => x.seriesId === 'doc:acceptance:2026');
    expect(rows.filter((x) => x.status === 'voided').map((x) => x.seq)).toEqual(
      Array.from({ length: 19 }, (_, i) => i + 2),
    );
    expect(rows.every((x) => x.voidReason === undefined || x.voidReason === 'year_end')).toBe(true);
    expect((await heldLocally(a)).map((h) => [h.seriesId, h.free.length])).toEqual([
      ['doc:acceptance:2026', 0],
      ['doc:acceptance:2027', 20],
    ]);
  });

  it('a lease attempt left pending on 31 December is voided as year_end in January, by its key', async () => {
    // 23:00 on 31 December in China: the hall leases 1–20 of 2026, the answer is lost.
    const lossy: NumbersTransport = {
      numbers: async (x) => {
        const r = await netA.numbers(x);
        return x.op === 'lease' ? { ok: false, error: { code: 'unreachable', message: '' } } : r;
      },
    };
    const newYearsEve = new Date('2026-12-31T15:00:00Z');
    expect(await refillLeases(a, lossy, { now: newYearsEve, plan: acceptancePlan })).toEqual({
      ok: false,
      code: 'unreachable',
    });
    expect((await hall.leases.held('HJ01')).length).toBe(20);
    expect(await a.meta.get('leaseAttempt:doc:acceptance:2026')).toBeDefined();
    // The station next reaches the hall on 4 January: the old attempt is voided whole, by its
    // lease key, and dropped; this year's block is leased; the hall holds nothing of 2026 here.
    const r = await refillLeases(a, via(netA), {
      now: new Date('2027-01-04T01:00:00Z'),
      plan: acceptancePlan,
      reconcile: true,
    });
    expect(r).toEqual({ ok: true, voided: 20, dropped: 0, leased: ['doc:acceptance:2027'] });
    const old = [...hall.leases.rows.values()].filter((x) => x.seriesId === 'doc:acceptance:2026');
    expect(old.map((x) => `${x.seq}:${x.status}:${x.voidReason}:${x.voidedBy}`)).toEqual(
      Array.from({ length: 20 }, (_, i) => `${i + 1}:voided:year_end:station`),
    );
    expect(await a.meta.get('leaseAttempt:doc:acceptance:2026')).toBeUndefined();
    expect([...new Set((await hall.leases.held('HJ01')).map((n) => n.seriesId))]).toEqual([
      'doc:acceptance:2027',
    ]);
  });

  it('a block lost to a restore is voided as lease_lost when the station returns; used ones are kept', async () => {
    await refillLeases(a, via(netA), { now: NOW, plan: acceptancePlan });
    await takeIn(a, 'c1'); // number 1: used here, its event not pushed yet
    // The station is restored from a backup taken before the lease: it holds nothing of it.
    await a.meta.delete(holdingKey('doc:acceptance:2026'));
    const r = await refillLeases(a, via(netA), {
      now: NOW,
      plan: acceptancePlan,
      reconcile: true,
    });
    expect(r).toMatchObject({ ok: true, voided: 19, leased: ['doc:acceptance:2026'] });
    const status = [...hall.leases.rows.values()]
      .filter((x) => x.seriesId === 'doc:acceptance:2026' && x.seq <= 20)
      .map((x) => `${x.seq}:${x.status}${x.voidReason ? `:${x.voidReason}` : ''}`);
    expect(status[0]).toBe('1:leased');
    expect(status.slice(1)).toEqual(
      Array.from({ length: 19 }, (_, i) => `${i + 2}:voided:lease_lost`),
    );
    // The new block follows: 21–40; the next notice is 21, never a number given before.
    await takeIn(a, 'c2');
    expect(await numberOf(a, 'c2')).toBe('惠济规划受〔2026〕21号');
  });
});
