// The deterministic simulation of a hall (issue 16): N stations — each its own fake-indexeddb
// database and its own sync engine — dispatch random commands on their own cases and on cases
// they learnt from the others, and sync through one hall (the server's push rules on its
// in-memory store) under random partitions, lost push answers, dropped, duplicated and reordered
// pull deliveries, and crashes (the engine's memory dropped, the database closed and reopened).
// Everything random comes from one seeded PRNG and every step is awaited in turn, so a seed
// replays exactly. After the storm the network heals; then every event must be held exactly
// once by the hall and by every station, with the hall's gseq, every chain must verify, and the
// read tables of all stations must be equal. Certificates are issued with numbers from the hall
// (simulationNumbers.ts): none twice, every allocation used or held for its retry. Users are
// created, disabled, enabled and given other roles, and act on stations that may not know yet
// (simulationStaff.ts): a disabled user's later actions are flagged alike on every station.
// Notice and ledger numbers come from leased blocks, used offline, lost with an answer, returned
// and voided at the year's end; in some seeds one station is an island that numbered alone before
// it joined (simulationLeases.ts): no number twice unless recorded as the island's clash, every
// gap of every series explained.
import type { OneWindowDb } from '../../../../../renderer/src/data/db';
import { dispatch } from '../../../../../renderer/src/data/dispatch';
import { markHallJoined } from '../../../../../renderer/src/data/hallPresence';
import { LEASE_PLAN } from '../../../../../renderer/src/data/numberLeases';
import { dispatchWithHallNumber } from '../../../../../renderer/src/data/hallNumbers';
import { verifyLog } from '../../../../../renderer/src/data/integrity';
import { SyncEngine } from '../../../../../renderer/src/data/sync/engine';
import { readCursor } from '../../../../../renderer/src/data/sync/hallMeta';
import { pendingCount } from '../../../../../renderer/src/data/sync/outbox';
import { chainIdOf } from '../../../../../renderer/src/data/log';
import type { Command } from '../../../../../renderer/src/domain';
import { actors } from '../../domain/workflowFixtures';
import { accept, dbName, NOW, openDb, stationNamed } from './fixtures';
import { HallModel, ModelTransport } from './hallModel';
import { certificateCommand, checkNumbers } from './simulationNumbers';
import { actingUser, checkStaff, ownAdmin, randomUserChange, seedUsers } from './simulationStaff';
import { checkLeases, recordEntry, yearEnd, type Island } from './simulationLeases';
import type { EventActor } from '../../../../../renderer/src/data/eventTypes';

/** mulberry32: small, fast, good enough for choosing steps. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface SimStation {
  code: string;
  name: string;
  db: OneWindowDb;
  engine: SyncEngine;
  net: ModelTransport;
  cases: number;
  admin: EventActor;
}

export interface SimOptions {
  seed: number;
  stations?: number;
  steps?: number;
  /** Changes the stations after the heal, before the checks (a test that the checks can fail). */
  tamper?: (dbs: OneWindowDb[]) => Promise<void>;
  /** Changes the hall before the storm (a test that a broken allocation is caught). */
  breakHall?: (hall: HallModel) => void;
}

export interface SimReport {
  seed: number;
  hallEvents: number;
  dispatched: number;
  crashes: number;
  partitions: number;
  /** Events parked by the fold (decided on a stale version), on the first station. */
  parked: number;
  /** Certificates issued and reissued (numbers from the hall), in the hall's log. */
  issued: number;
  /** Users created, disabled, enabled or given another role. */
  userChanges: number;
  /** Actions of a user after that user's disabling (flagged on every station). */
  flaggedDisabled: number;
  /** Notice, ledger and certificate numbers the hall's events record. */
  numberUses: number;
  /** Ledger entries recorded (numbers from a lease, or the island's own). */
  ledgerEntries: number;
  /** Whether a station worked alone before it joined; its numbers taken in, and clashes. */
  island: boolean;
  takenIn: number;
  clashes: number;
  /** Numbers voided at the hall (year_end, lease_lost, island_gap …), each with its reason. */
  voided: number;
  /** Everything that did not hold; empty when the seed passed. */
  failures: string[];
}

const CODES = ['HJ01', 'HJ02', 'HJ03', 'HJ04', 'HJ05', 'HJ06'];

function engineFor(s: Pick<SimStation, 'db' | 'net'>, random: () => number) {
  return new SyncEngine({
    db: s.db,
    transport: s.net,
    now: () => NOW,
    random,
    pullLimit: 7,
    pushLimit: 5,
    // Small blocks: refills, blocks run out offline, and an island's own numbers above a series.
    leasePlan: SIM_LEASE_PLAN,
  });
}

const SIM_LEASE_PLAN = LEASE_PLAN.map((p) => ({ ...p, block: 3, threshold: 1 }));

/** A random command on a random case this station holds (or a new case). */
async function randomCommand(
  s: SimStation,
  rand: () => number,
): Promise<{ command: Command; role: keyof typeof actors; expected?: number }> {
  const rows = await s.db.cases.toArray();
  if (rows.length === 0 || rand() < 0.3) {
    s.cases += 1;
    return { command: accept(`${s.code}-c${s.cases}`), role: 'clerk' };
  }
  const row = rows[Math.floor(rand() * rows.length)]!;
  const caseId = row.id;
  const expected = rand() < 0.8 ? row.version : undefined;
  const pick = rand();
  if (pick < 0.1)
    return { command: { type: 'withdraw', caseId, reason: '申请人撤回' }, role: 'clerk', expected };
  if (pick < 0.2)
    return { command: { type: 'extend', caseId, reason: '情况复杂' }, role: 'director', expected };
  const certificate = certificateCommand(row.status, caseId, pick, expected);
  if (certificate) return certificate;
  switch (row.status) {
    case 'verify':
      return pick < 0.4
        ? {
            command: { type: 'returnToPrevious', caseId, reason: '补充说明' },
            role: 'chief',
            expected,
          }
        : { command: { type: 'verify', caseId, opinion: '同意' }, role: 'chief', expected };
    case 'approval':
      return { command: { type: 'approve', caseId, opinion: '同意' }, role: 'director', expected };
    default:
      return {
        command: { type: 'review', caseId, opinion: '材料齐全' },
        role: 'reviewer',
        expected,
      };
  }
}

const rowsOf = async (db: OneWindowDb) => {
  const [cases, counselling, parties, projects, certificates] = await Promise.all([
    db.cases.orderBy('id').toArray(),
    db.counselling.orderBy('id').toArray(),
    db.parties.orderBy('id').toArray(),
    db.projects.orderBy('id').toArray(),
    db.certificates.orderBy('id').toArray(),
  ]);
  return JSON.stringify({ cases, counselling, parties, projects, certificates });
};

export async function simulate(o: SimOptions): Promise<SimReport> {
  const rand = prng(o.seed);
  const n = o.stations ?? 2 + Math.floor(rand() * 3);
  const steps = o.steps ?? 40;
  const hall = new HallModel();
  const report: SimReport = {
    seed: o.seed,
    hallEvents: 0,
    dispatched: 0,
    crashes: 0,
    partitions: 0,
    parked: 0,
    issued: 0,
    userChanges: 0,
    flaggedDisabled: 0,
    numberUses: 0,
    ledgerEntries: 0,
    island: false,
    takenIn: 0,
    clashes: 0,
    voided: 0,
    failures: [],
  };
  o.breakHall?.(hall);
  // In some seeds the last station ran alone before the hall: it joins at a step of the storm.
  const island: Island | null =
    n >= 3 && rand() < 0.6
      ? { code: CODES[n - 1]!, joinAt: Math.floor(rand() * steps * 0.8), aloneUpTo: null }
      : null;
  report.island = island !== null;
  const isAlone = (s: SimStation) => island?.code === s.code && island.aloneUpTo === null;
  const join = async (s: SimStation) => {
    if (!island || !isAlone(s)) return;
    island.aloneUpTo = await s.db.events.filter((e) => e.stationId === s.code).count();
    // Enrolled (data/hallEnrolment.ts): from now on its notices and ledger entries are leased.
    await markHallJoined(s.db, NOW);
  };
  let users = 0;
  const serial = () => ++users;
  const stations: SimStation[] = [];
  for (const code of CODES.slice(0, n)) {
    const name = dbName(code);
    const db = await stationNamed(code, name);
    const net = new ModelTransport(hall, code, rand);
    const admin = await ownAdmin(db);
    stations.push({ code, name, db, net, engine: engineFor({ db, net }, rand), cases: 0, admin });
  }
  try {
    // The island's work from before the hall: cases taken in (its own notice numbers) and
    // commendations recorded (its own ledger numbers).
    if (island) {
      const s = stations[n - 1]!;
      for (let i = 2 + Math.floor(rand() * 6); i > 0; i--) {
        s.cases += 1;
        const out = await dispatch(s.db, accept(`${s.code}-c${s.cases}`), {
          actor: actors.clerk,
          now: NOW,
        });
        if (out.ok) report.dispatched += 1;
      }
      for (let i = 1 + Math.floor(rand() * 6); i > 0; i--)
        if (await recordEntry(s.db, rand, NOW)) report.ledgerEntries += 1;
      // And certificates it issued with its own counter (建字第…0000N号).
      for (let i = 1 + Math.floor(rand() * 2); i > 0; i--) {
        const caseId = `${s.code}-c${i}`;
        for (const [command, role] of [
          [{ type: 'review', caseId, opinion: '材料齐全' }, 'reviewer'],
          [{ type: 'verify', caseId, opinion: '同意' }, 'chief'],
          [{ type: 'approve', caseId, opinion: '同意' }, 'director'],
          [{ type: 'certificateIssued', caseId, number: '', external: false }, 'clerk'],
        ] as const) {
          const out = await dispatch(s.db, command as Command, { actor: actors[role], now: NOW });
          if (out.ok) report.dispatched += 1;
        }
      }
    }
    // The hall's users before the storm: made on the first station, known to every station.
    const joined = stations.filter((s) => !isAlone(s));
    for (const s of joined) await s.engine.pushAll();
    await seedUsers(stations[0]!.db, stations[0]!.admin, serial);
    await stations[0]!.engine.pushAll();
    for (const s of joined)
      for (let p = await s.engine.pullOnce(); p.kind === 'ok' && p.more;)
        p = await s.engine.pullOnce();
    for (let step = 0; step < steps; step++) {
      const s = stations[Math.floor(rand() * n)]!;
      if (island && step === island.joinAt) await join(stations[n - 1]!);
      const alone = isAlone(s);
      const r = rand();
      if (r < 0.05) {
        // A ledger entry: from the lease (refused when none is left), or the island's own count.
        if (await recordEntry(s.db, rand, NOW)) {
          report.ledgerEntries += 1;
          if (!alone) await s.engine.afterDispatch();
        }
      } else if (r < 0.35) {
        const { command, role, expected } = await randomCommand(s, rand);
        const user = rand() < 0.75 ? await actingUser(s.db, role) : null;
        const options = {
          actor: user ? { ...user, role } : actors[role],
          now: NOW,
          ...(expected !== undefined ? { expectedVersion: expected } : {}),
        };
        // The island numbers certificates with its own counter, as a lone station does.
        const out = alone
          ? await dispatch(s.db, command, options)
          : await dispatchWithHallNumber(s.db, s.net, command, options);
        if (out.ok) {
          report.dispatched += 1;
          if (!alone) await s.engine.afterDispatch();
        }
      } else if (r < 0.43) {
        if (await randomUserChange(s.db, s.admin, rand, serial)) {
          report.userChanges += 1;
          if (!alone) await s.engine.afterDispatch();
        }
      } else if (alone && r >= 0.43 && (r < 0.76 || r >= 0.84)) {
        // Alone: no hall to push to, pull from, or lose the way to.
      } else if (r < 0.57) await s.engine.pushAll();
      else if (r < 0.76) await s.engine.pullOnce();
      else if (r < 0.84) {
        s.db.close();
        s.db = openDb(s.name);
        s.engine = engineFor(s, rand);
        report.crashes += 1;
      } else if (r < 0.93) {
        s.net.faults.partitioned = !s.net.faults.partitioned;
        if (s.net.faults.partitioned) report.partitions += 1;
      } else {
        const f = () => (rand() < 0.5 ? 0 : rand() * 0.4);
        s.net.faults = {
          ...s.net.faults,
          lostAnswer: f(),
          drop: f(),
          duplicate: f(),
          shuffle: f(),
        };
      }
    }
    // Heal: a clean network, every station pushes and pulls until the hall and all agree.
    if (island) await join(stations[n - 1]!);
    for (const s of stations)
      s.net.faults = { partitioned: false, lostAnswer: 0, drop: 0, duplicate: 0, shuffle: 0 };
    for (let round = 0; round < 30; round++) {
      for (const s of stations) await s.engine.pushAll();
      for (const s of stations) {
        for (let i = 0; i < 200; i++) {
          const p = await s.engine.pullOnce();
          if (p.kind !== 'ok' || !p.more) break;
        }
      }
      const done = await Promise.all(
        stations.map(
          async (s) =>
            (await pendingCount(s.db)) === 0 && (await readCursor(s.db)) === hall.lastGseq,
        ),
      );
      if (done.every(Boolean)) break;
    }
    await yearEnd(stations);
    if (o.tamper) await o.tamper(stations.map((s) => s.db));
    await check(stations, hall, report, island);
  } finally {
    for (const s of stations) s.db.close();
  }
  report.hallEvents = hall.lastGseq;
  return report;
}

async function check(
  stations: SimStation[],
  hall: HallModel,
  report: SimReport,
  island: Island | null,
) {
  const fail = (m: string) => report.failures.push(m);
  const hallEvents = hall.events;
  const hallIds = new Map(hallEvents.map((h) => [h.event.id, h]));
  if (hallIds.size !== hallEvents.length) fail('the hall holds an event id twice');
  hallEvents.forEach((h, i) => h.gseq !== i + 1 && fail(`gseq ${h.gseq} at place ${i + 1}`));
  let own = 0;
  for (const s of stations) {
    const events = await s.db.events.orderBy('pos').toArray();
    const mine = events.filter((e) => chainIdOf(e) === s.code);
    own += mine.length;
    const ids = new Set(events.map((e) => e.id));
    if (ids.size !== events.length) fail(`${s.code} holds an event twice`);
    if (events.length !== hallEvents.length)
      fail(`${s.code} holds ${events.length} events, the hall ${hallEvents.length}`);
    for (const e of events) {
      const h = hallIds.get(e.id);
      if (!h) fail(`${s.code}: ${e.id} never reached the hall`);
      else if (h.gseq !== e.gseq || h.event.hash !== e.hash)
        fail(`${s.code}: ${e.id} gseq ${e.gseq} hash differ from the hall's ${h.gseq}`);
    }
    const state = s.engine.store.get();
    if (state.alert) fail(`${s.code} alert ${state.alert.code} ${state.alert.detail}`);
    if (state.pending !== 0) fail(`${s.code} status shows ${state.pending} pending`);
    const v = await verifyLog(s.db, NOW);
    if (!v.ok) fail(`${s.code} chain broken: ${JSON.stringify(v.broken)}`);
  }
  if (own !== hallEvents.length)
    fail(`stations wrote ${own} events, the hall holds ${hallEvents.length}`);
  for (const row of await stations[0]!.db.cases.toArray())
    report.parked += ((row.state as { parked?: unknown[] }).parked ?? []).length;
  const alone = (e: { stationId: string; stationSeq: number }) =>
    island !== null && e.stationId === island.code && e.stationSeq <= (island.aloneUpTo ?? 0);
  report.issued = await checkNumbers(stations, hall, fail, alone);
  const numbers = await checkLeases(stations, hall, island, fail);
  report.numberUses = numbers.uses;
  report.takenIn = numbers.takenIn;
  report.clashes = numbers.clashes;
  report.voided = numbers.voided;
  report.flaggedDisabled = await checkStaff(stations, hall, fail);
  const first = await rowsOf(stations[0]!.db);
  for (const s of stations.slice(1))
    if ((await rowsOf(s.db)) !== first)
      fail(`${s.code}'s read tables differ from ${stations[0]!.code}'s`);
}
