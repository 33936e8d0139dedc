// A new station catching up with the hall (issue 16: 100,000 cases / 200,000 events, ≤ 120 s),
// in Chromium with real IndexedDB. The hall's events are real ones: an intake and a review made
// by the real dispatcher on a scratch station, copied to `cases` cases spread over four counter
// stations' chains (each its own hash chain, in the hall order a hall gives them), so the
// catching station checks every hash and link and folds every case. The station side is the
// real sync engine (SyncEngine.pullOnce: the hall door, the fold, the cursor, one transaction a
// page); the transport stands in for the server and builds each page from the precomputed
// hashes (its time is measured and reported apart: the server's share is bench-hall's
// "new station pulls all … events"). Baseline, same run: a raw bulkAdd of the same events, with
// their gseq, into a fresh database of the same schema, in pages of the same size, one
// transaction a page.
import { OneWindowDb } from '../../renderer/src/data/db';
import { dispatch } from '../../renderer/src/data/dispatch';
import { setupStation } from '../../renderer/src/data/station';
import type { StoredEvent } from '../../renderer/src/data/eventTypes';
import { SyncEngine } from '../../renderer/src/data/sync';
import type { HallTransport } from '../../renderer/src/data/sync/transport';
import { chainSync, GENESIS_HASH } from '../../renderer/src/domain/audit';
import { leaseSeriesId } from '../../server/protocol/leases';
import { holdingKey, LEASE_PLAN } from '../../renderer/src/data/numberLeases';
import type { Actor, Command } from '../../renderer/src/domain';
import { acceptOf } from '../unit/renderer/domain/workflowFixtures';
import type { Figure } from './benchPage';

const CHAINS = ['HJ01', 'HJ02', 'HJ03', 'HJ04'];
const clerk: Actor = { id: 'u-clerk', name: '王窗口', role: 'clerk' };
const reviewer: Actor = { id: 'u-rev', name: '李审查', role: 'reviewer' };
const NOW = new Date('2026-03-02T02:00:00Z');
const setup = (code: string) => ({
  officeName: '郑州市惠济区自然资源和规划局',
  officeShortName: '惠济规划',
  divisionCode: '410108',
  stationCode: code,
  admin: { username: 'admin', name: '管理员', password: 'Str0ng-enough-pass' },
});

/** The two case events the real dispatcher writes for an intake and its review. */
async function templates(): Promise<StoredEvent[]> {
  const name = `catchup-src-${Date.now()}`;
  const db = new OneWindowDb(name);
  await setupStation(db, setup('HJ01'), { now: NOW, iterations: 1000 });
  const accept = {
    ...(acceptOf() as Extract<Command, { type: 'accept' }>),
    caseId: 't',
    caseNo: '',
  };
  if (!(await dispatch(db, accept, { actor: clerk, now: NOW })).ok) throw new Error('accept');
  const review: Command = { type: 'review', caseId: 't', opinion: '材料齐全，符合规划条件' };
  const r = await dispatch(db, review, { actor: reviewer, now: NOW, expectedVersion: 1 });
  if (!r.ok) throw new Error('review');
  const events = await db.events.where('streamId').equals('case:t').toArray();
  db.close();
  await OneWindowDb.delete(name);
  if (events.length !== 2) throw new Error(`expected 2 case events, got ${events.length}`);
  return events;
}

/** The hall of `cases` cases: event g (1-based gseq) is built from the templates on demand. */
function hallOf(tpl: StoredEvent[], cases: number) {
  const total = cases * 2;
  const hashes: string[] = new Array<string>(total + 1);
  const bodyOf = (g: number, prevHash: string): Omit<StoredEvent, 'hash'> => {
    const i = Math.floor((g - 1) / 2);
    const which = (g - 1) % 2;
    const chainId = CHAINS[i % CHAINS.length]!;
    const seq = Math.floor(i / CHAINS.length) * 2 + which + 1;
    const t = tpl[which]!;
    const caseId = `hc-${i}`;
    const payload = { ...t.payload, caseId } as Record<string, unknown>;
    if (which === 0) {
      const intake = t.payload.intake as Record<string, unknown>;
      const applicant = intake.applicant as Record<string, unknown>;
      payload.caseNo = `${chainId}-20260302-${String(i).padStart(6, '0')}`;
      payload.intake = {
        ...intake,
        applicant: { ...applicant, name: `郑州宏达置业有限公司${i}` },
        projectName: `宏达住宅小区${i}期`,
      };
    }
    const { pos: _p, gseq: _g, hash: _h, ...rest } = t;
    return {
      ...rest,
      id: `${chainId}-${seq}`,
      chainId,
      stationId: chainId,
      stationSeq: seq,
      streamId: `case:${caseId}`,
      payload,
      prevHash,
    };
  };
  const prevOf = (g: number) => {
    const i = Math.floor((g - 1) / 2);
    if ((g - 1) % 2 === 1) return hashes[g - 1]!;
    return i < CHAINS.length ? GENESIS_HASH : hashes[2 * (i - CHAINS.length) + 2]!;
  };
  for (let g = 1; g <= total; g++) hashes[g] = chainSync(prevOf(g), bodyOf(g, prevOf(g)));
  const eventAt = (g: number): StoredEvent => ({ ...bodyOf(g, prevOf(g)), hash: hashes[g]! });
  return { total, eventAt };
}

/**
 * The hall's number leases as the bench's stand-in answers them: a block is the next `count` of
 * its series, the same key gets the same block back. The engine tops its leases up after every
 * pull (data/numberLeases.ts refillLeases); with this the catch-up pays for that round too.
 */
function leasesOf(timing: { ms: number; leases: number }): NonNullable<HallTransport['numbers']> {
  const next = new Map<string, number>();
  const byKey = new Map<string, { first: number; last: number; seriesId: string }>();
  return async (args) => {
    const t0 = performance.now();
    const serverTime = new Date().toISOString();
    try {
      if (args.op === 'held')
        return { ok: true as const, response: { op: 'held', held: { numbers: [], serverTime } } };
      if (args.op === 'void') return { ok: true as const, response: { op: 'void', voided: 0 } };
      if (args.op !== 'lease') throw new Error(`not in this bench: ${args.op}`);
      const r = args.request;
      const seriesId = leaseSeriesId(r.kind, r.type, r.year);
      let block = byKey.get(r.leaseKey);
      const replayed = !!block;
      if (!block) {
        const first = next.get(seriesId) ?? 1;
        block = { first, last: first + r.count - 1, seriesId };
        next.set(seriesId, block.last + 1);
        byKey.set(r.leaseKey, block);
        timing.leases += 1;
      }
      const lease = { leaseKey: r.leaseKey, ...block, replayed, serverTime };
      return { ok: true as const, response: { op: 'lease', lease } };
    } finally {
      timing.ms += performance.now() - t0;
    }
  };
}

function transportOf(
  hall: ReturnType<typeof hallOf>,
  timing: { ms: number; pages: number; leases: number },
) {
  const fail = () => Promise.reject(new Error('not in this bench'));
  const serverTime = () => new Date().toISOString();
  const transport: HallTransport = {
    numbers: leasesOf(timing),
    status: fail,
    enrol: fail,
    push: fail,
    putBlob: fail,
    missingBlobs: fail,
    session: async () => ({
      token: 't',
      expiresAt: serverTime(),
      serverTime: serverTime(),
      heads: [],
      lastGseq: hall.total,
    }),
    pull: async ({ after, limit }) => {
      const t0 = performance.now();
      const events = [];
      for (let g = after + 1; g <= Math.min(hall.total, after + limit); g++)
        events.push({ gseq: g, event: hall.eventAt(g) as never });
      // What the host hands over is parsed JSON: a copy, as from the network.
      const response = structuredClone({
        events,
        cursor: events.at(-1)?.gseq ?? after,
        lastGseq: hall.total,
        serverTime: serverTime(),
      });
      timing.ms += performance.now() - t0;
      timing.pages += 1;
      return { ok: true as const, response };
    },
  };
  return transport;
}

export async function benchCatchUp(
  cases = 100_000,
  options: { pullLimit?: number; log?: (s: string) => void } = {},
): Promise<Figure[]> {
  const log = options.log ?? (() => undefined);
  const pullLimit = options.pullLimit ?? 2000;
  const tpl = await templates();
  const tHall = performance.now();
  const hall = hallOf(tpl, cases);
  log(
    `catch-up: hall of ${hall.total} events built in ${(performance.now() - tHall).toFixed(0)} ms`,
  );

  const name = `catchup-${Date.now()}`;
  const db = new OneWindowDb(name);
  await setupStation(db, setup('HJ09'), { now: NOW, iterations: 1000 });
  const timing = { ms: 0, pages: 0, leases: 0 };
  const engine = new SyncEngine({ db, transport: transportOf(hall, timing), pullLimit });
  let shown = 0;
  let lastShown = '';
  engine.store.subscribe((s) => {
    const at = s.catchUp && `${s.catchUp.cursor}/${s.catchUp.lastGseq}`;
    if (!at || at === lastShown) return;
    shown += 1;
    lastShown = at;
  });
  const t0 = performance.now();
  for (let page = 0; ; page++) {
    const r = await engine.pullOnce(0);
    if (r.kind !== 'ok') throw new Error(`pull ${page}: ${JSON.stringify(r).slice(0, 300)}`);
    if (page % 40 === 0) log(`catch-up: ${r.cursor} / ${hall.total}`);
    if (!r.more) break;
  }
  const totalMs = performance.now() - t0;
  const stationMs = totalMs - timing.ms;
  const leasesInCatchUp = timing.leases;
  if (leasesInCatchUp === 0) throw new Error('the catch-up leased no numbers: top-up not measured');

  // The round the engine runs after every pull, alone: nothing below its threshold, so no call
  // to the hall — the reads of every series' holding. Baseline, same run: one meta read.
  const rounds = 200;
  const topUp: number[] = [];
  const oneRead: number[] = [];
  const keys = LEASE_PLAN.map((p) => holdingKey(leaseSeriesId(p.kind, p.type, 2026)));
  for (let i = 0; i < rounds; i++) {
    let t = performance.now();
    await engine.topUpLeases();
    topUp.push(performance.now() - t);
    t = performance.now();
    await db.meta.get(keys[i % keys.length]!);
    oneRead.push(performance.now() - t);
  }
  if (timing.leases !== leasesInCatchUp) throw new Error('a top-up round leased: not idle');
  const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)]!;
  const [held, folded, cursor] = await Promise.all([
    db.events.where('gseq').above(0).count(),
    db.cases.count(),
    db.meta.get('hall:cursor'),
  ]);
  const sample = await db.cases.get(`hc-${cases - 1}`);
  db.close();
  await OneWindowDb.delete(name);
  if (held !== hall.total || folded !== cases || cursor?.value !== hall.total)
    throw new Error(`catch-up held ${held} events, ${folded} cases, cursor ${cursor?.value}`);
  if (!sample || sample.version !== 2) throw new Error(`last case not folded: ${sample?.version}`);

  // Baseline: the same events bulkAdded raw, same page size, one transaction a page.
  const rawName = `catchup-raw-${Date.now()}`;
  const raw = new OneWindowDb(rawName);
  await raw.open();
  let rawMs = 0;
  for (let after = 0; after < hall.total; after += pullLimit) {
    const page: StoredEvent[] = [];
    for (let g = after + 1; g <= Math.min(hall.total, after + pullLimit); g++)
      page.push({ ...hall.eventAt(g), gseq: g });
    const t = performance.now();
    await raw.transaction('rw', raw.events, () => raw.events.bulkAdd(page));
    rawMs += performance.now() - t;
  }
  raw.close();
  await OneWindowDb.delete(rawName);
  log(
    `catch-up: ${(totalMs / 1000).toFixed(1)} s (transport ${(timing.ms / 1000).toFixed(1)} s), raw ${(rawMs / 1000).toFixed(1)} s`,
  );

  const label = `${cases} cases / ${hall.total} events, ${pullLimit} a page`;
  return [
    {
      name: `baseline: raw bulkAdd of the same ${hall.total} events (${pullLimit} a transaction)`,
      value: rawMs / 1000,
      unit: 's',
      baseline: null,
      ratio: null,
    },
    {
      name: `hall: new station catches up, station side (${label})`,
      value: stationMs / 1000,
      unit: 's',
      baseline: `baseline: raw bulkAdd of the same ${hall.total} events (${pullLimit} a transaction)`,
      ratio: stationMs / rawMs,
      target:
        stationMs <= 120_000
          ? 'ok (≤ 120 s; plus the server part: bench-hall "new station pulls all …")'
          : 'MISSED (≤ 120 s)',
    },
    {
      name: `hall: catch-up progress bar moved (times, last at ${lastShown})`,
      value: shown,
      unit: 'times',
      baseline: null,
      ratio: null,
    },
    {
      name: 'baseline: one meta read (p95 of 200)',
      value: p95(oneRead),
      unit: 'ms',
      baseline: null,
      ratio: null,
    },
    {
      name: `hall: lease top-up round after a pull, nothing to lease (p95 of ${rounds}, ${LEASE_PLAN.length} series)`,
      value: p95(topUp),
      unit: 'ms',
      baseline: 'baseline: one meta read (p95 of 200)',
      ratio: p95(topUp) / p95(oneRead),
    },
    {
      name: `reference: blocks leased during the catch-up (included in its time)`,
      value: leasesInCatchUp,
      unit: 'blocks',
      baseline: null,
      ratio: null,
    },
    {
      name: `reference: building the ${timing.pages} pages in the stand-in transport`,
      value: timing.ms / 1000,
      unit: 's',
      baseline: null,
      ratio: null,
    },
  ];
}
