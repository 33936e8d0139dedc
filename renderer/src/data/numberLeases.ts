// Leased blocks of hall-wide numbers on an enrolled station (issue 17 item 1, docs/hall-station.md
// "Notice and ledger numbers"). The notice numbers (受〔2026〕N号 and the other document series)
// and the ledger numbers are the bureau's, gapless across the hall, and must print while the
// hall is down: the station leases blocks of each series ahead (`refillLeases`, run in the
// background by the shell) and takes them one by one inside the transaction that records the
// decision (`takeLeased`, called by dispatch and the ledgers' write). A station that never joined
// a hall numbers with its own counters, as before.
//
// What is kept in `meta`:
// - `lease:<seriesId>` — the free seqs of the series this station holds, and the blocks it got;
// - `leaseAttempt:<seriesId>` — a lease asked for, kept BEFORE asking: a lost answer or a crash
//   is asked again with the same key and gets the same block back, never a second one;
// - `lease:voids` — numbers to void on the hall (the rest of last year's block, a lease the
//   station no longer holds), sent at the next refill that reaches the hall.
import type { HallNumbersArgs, HallNumbersResponse } from '../../../electron/hall-numbers';
import type { LeaseSeriesKind } from '../../../server/protocol';
import { leaseSeriesId } from '../../../server/protocol/leases';
import { toLocalDate } from '../domain/calendar';
import { DOCUMENT_TYPE_WORDS, type DocumentType } from '../domain/numbering';
import { ledgerUsedAlone, ownCounterKey } from './numbersAlone';
import { ATTEMPT_PREFIX, flushVoids, queueVoid, queueYearEnd, VOIDS_KEY } from './numberVoids';
import type { OneWindowDb } from './db';
import { JOINED_KEY } from './hallPresence';
import { getStation } from './station';
import type { HallResult } from './sync/transport';

export interface LeaseHolding {
  seriesId: string;
  /** Seqs leased to this station and not used yet, ascending. */
  free: number[];
  blocks: { leaseKey: string; first: number; last: number; at: string }[];
}

export interface LeaseAttempt {
  leaseKey: string;
  kind: LeaseSeriesKind;
  type: string;
  year: number;
  count: number;
  startedAt: string;
}

export const holdingKey = (seriesId: string) => `lease:${seriesId}`;
const attemptKeyOf = (seriesId: string) => `${ATTEMPT_PREFIX}${seriesId}`;

/** The host's `hall.numbers` channel as the data layer sees it. */
export interface NumbersTransport {
  numbers(args: HallNumbersArgs): Promise<HallResult<{ response: HallNumbersResponse }>>;
}
export const hostNumbersChannel = (host: {
  hallNumbers: NumbersTransport['numbers'];
}): NumbersTransport => ({ numbers: (args) => host.hallNumbers(args) });

/** How many numbers a block holds and when it is refilled, per series. */
export interface LeasePlanEntry {
  kind: LeaseSeriesKind;
  type: string;
  block: number;
  /** Refilled when fewer than this many remain free. */
  threshold: number;
}

const BUSY: readonly DocumentType[] = ['acceptance', 'service'];
export const LEDGER_KINDS = ['legacyIssue', 'supervision', 'complaint', 'commendation'] as const;

/** The default plan: 20 at a time for the busy notices, 5 for the rare ones and the ledgers. */
export const LEASE_PLAN: readonly LeasePlanEntry[] = [
  ...(Object.keys(DOCUMENT_TYPE_WORDS) as DocumentType[]).map((type) =>
    BUSY.includes(type)
      ? { kind: 'document' as const, type, block: 20, threshold: 5 }
      : { kind: 'document' as const, type, block: 5, threshold: 2 },
  ),
  ...LEDGER_KINDS.map((type) => ({ kind: 'ledger' as const, type, block: 5, threshold: 2 })),
];

/**
 * A field laptop (station kind `field`) may be away for a week and take in a hundred cases or more
 * with no hall: it holds up to 200 of each busy notice (blocks of 100, topped up at every round
 * while fewer than 150 are free) and 20 of the others, so the counter at a site keeps printing.
 * Numbers it brings back unused stay leased to it; at the year's end they are voided as usual.
 */
export const FIELD_LEASE_PLAN: readonly LeasePlanEntry[] = LEASE_PLAN.map((p) =>
  p.kind === 'document' && (BUSY as readonly string[]).includes(p.type)
    ? { ...p, block: 100, threshold: 150 }
    : { ...p, block: 20, threshold: 10 },
);

/** The lease plan of a station of this kind (the hall's record of it, from the enrolment). */
export const leasePlanFor = (kind: string | null | undefined): readonly LeasePlanEntry[] =>
  kind === 'field' ? FIELD_LEASE_PLAN : LEASE_PLAN;

// Voiding what will never be used (the queue, last year's rest): numberVoids.ts.
export { queueVoid, VOIDS_KEY } from './numberVoids';

// Numbers a station counted alone before it joined (notice counter, ledger entries): numbersAlone.ts.
export { ledgerUsedAlone, ownCounterKey } from './numbersAlone';

// ---- inside a transaction: the one who numbers ----

/** Whether this station has joined a hall: its notice and ledger numbers then come from leases. */
export const isJoined = (joinedRow: unknown) => joinedRow !== undefined && joinedRow !== null;

/**
 * The next leased seq of a series and what to write back, or null when none is left (the caller
 * refuses with `numbers_exhausted` and writes nothing).
 */
export function takeLeased(
  holding: LeaseHolding | undefined,
  usedAlone = 0,
): { seq: number; rest: LeaseHolding } | null {
  // A number this station already printed on its own, before it joined the hall (its counter
  // reached `usedAlone`), is never printed again: it is passed over — the island's event that
  // records it marks it used at the hall when it is pushed.
  const free = holding?.free.filter((s) => s > usedAlone) ?? [];
  const seq = free[0];
  if (!holding || seq === undefined) return null;
  return { seq, rest: { ...holding, free: free.slice(1) } };
}

/** Takes the next leased number of a series in the caller's transaction (which spans meta). */
export async function takeLeasedIn(
  db: OneWindowDb,
  seriesId: string,
  usedAlone = 0,
): Promise<{ seq: number } | null> {
  const row = await db.meta.get(holdingKey(seriesId));
  const taken = takeLeased(row?.value as LeaseHolding | undefined, usedAlone);
  if (!taken) return null;
  await db.meta.put({ key: holdingKey(seriesId), value: taken.rest });
  return { seq: taken.seq };
}

/** Whether the station numbers from leases (read in the caller's transaction). */
export async function numbersFromLeases(db: OneWindowDb): Promise<boolean> {
  return isJoined((await db.meta.get(JOINED_KEY))?.value);
}

// ---- in the background: refilling, returning, voiding ----

export interface RefillOptions {
  now?: Date;
  plan?: readonly LeasePlanEntry[];
  /** The station code, for the lease keys (read from the station row when absent). */
  stationCode?: string;
  /** Run the reconciliation with the hall's view of this station's numbers (once per start). */
  reconcile?: boolean;
}

export type RefillResult =
  { ok: true; leased: string[]; voided: number; dropped: number } | { ok: false; code: string };

/**
 * One round: last year's free numbers queued for voiding; the pending voids sent; on request the
 * hall's view reconciled; then every series of this year with fewer than its threshold free gets
 * a block. Stops at the first answer that says the hall is away (the next round tries again).
 */
export async function refillLeases(
  db: OneWindowDb,
  transport: NumbersTransport,
  o: RefillOptions,
): Promise<RefillResult> {
  const now = o.now ?? new Date();
  const year = Number(toLocalDate(now).slice(0, 4));
  const stationCode = o.stationCode ?? (await getStation(db))?.stationCode;
  if (!stationCode) return { ok: false, code: 'no_station' };
  await queueYearEnd(db, year);
  const flushed = await flushVoids(db, transport);
  if (!flushed.ok) return flushed;
  let voided = flushed.voided;
  let dropped = 0;
  if (o.reconcile) {
    const r = await reconcile(db, transport);
    if (!r.ok) return r;
    dropped = r.dropped;
    const again = await flushVoids(db, transport);
    if (!again.ok) return again;
    voided += again.voided;
  }
  const leased: string[] = [];
  for (const p of o.plan ?? LEASE_PLAN) {
    const seriesId = leaseSeriesId(p.kind, p.type, year);
    const [holdingRow, attemptRow] = await db.meta.bulkGet([
      holdingKey(seriesId),
      attemptKeyOf(seriesId),
    ]);
    // Numbers this station printed alone before it joined are never taken (takeLeased): they do
    // not count as free, or a station that had numbered alone would run out unawares.
    const usedAlone =
      p.kind === 'document'
        ? (((await db.meta.get(ownCounterKey(p.type as DocumentType, year)))?.value as
            number | undefined) ?? 0)
        : await ledgerUsedAlone(db, p.type, year, stationCode);
    const free =
      (holdingRow?.value as LeaseHolding | undefined)?.free.filter((s) => s > usedAlone).length ??
      0;
    let attempt = attemptRow?.value as LeaseAttempt | undefined;
    if (!attempt && free >= p.threshold) continue;
    if (!attempt) {
      attempt = {
        leaseKey: `${stationCode}:${seriesId}:${crypto.randomUUID()}`,
        kind: p.kind,
        type: p.type,
        year,
        count: p.block,
        startedAt: now.toISOString(),
      };
      await db.meta.put({ key: attemptKeyOf(seriesId), value: attempt });
    }
    const answer = await transport.numbers({
      op: 'lease',
      request: {
        leaseKey: attempt.leaseKey,
        kind: attempt.kind,
        type: attempt.type,
        year: attempt.year,
        count: attempt.count,
      },
    });
    if (!answer.ok) {
      if (answer.error.code === 'request_key_reused') {
        await db.meta.delete(attemptKeyOf(seriesId));
        continue;
      }
      return { ok: false, code: answer.error.code };
    }
    if (answer.response.op !== 'lease') return { ok: false, code: 'bad_response' };
    await storeLease(db, seriesId, answer.response.lease, now);
    leased.push(seriesId);
  }
  return { ok: true, leased, voided, dropped };
}

async function storeLease(
  db: OneWindowDb,
  seriesId: string,
  l: { leaseKey: string; first: number; last: number },
  now: Date,
) {
  await db.transaction('rw', db.meta, async () => {
    const h = ((await db.meta.get(holdingKey(seriesId)))?.value as LeaseHolding | undefined) ?? {
      seriesId,
      free: [],
      blocks: [],
    };
    // A replayed answer for a block already stored (a crash after storing): nothing twice.
    if (!h.blocks.some((b) => b.leaseKey === l.leaseKey)) {
      const seqs = Array.from({ length: l.last - l.first + 1 }, (_, i) => l.first + i);
      h.free = [...new Set([...h.free, ...seqs])].sort((a, b) => a - b);
      h.blocks = [
        ...h.blocks,
        { leaseKey: l.leaseKey, first: l.first, last: l.last, at: now.toISOString() },
      ];
      await db.meta.put({ key: holdingKey(seriesId), value: h });
    }
    await db.meta.delete(attemptKeyOf(seriesId));
  });
}

/**
 * The hall's view of this station's open numbers against what the station holds — run when the
 * station returns (the first refill after a start). A number the hall says is leased here that
 * the station neither holds free nor has used (a block lost to a restore from backup, a crash
 * between the hall's answer and storing it under another key) is voided as 'lease_lost'; a free
 * number the hall no longer counts as leased here (used or voided there) is dropped, so it is
 * never printed twice.
 */
async function reconcile(
  db: OneWindowDb,
  transport: NumbersTransport,
): Promise<{ ok: true; dropped: number } | { ok: false; code: string }> {
  const answer = await transport.numbers({ op: 'held' });
  if (!answer.ok) return { ok: false, code: answer.error.code };
  if (answer.response.op !== 'held') return { ok: false, code: 'bad_response' };
  const hallLeased = answer.response.held.numbers.filter(
    (n) => n.status === 'leased' && !n.seriesId.startsWith('cert:'),
  );
  let dropped = 0;
  await db.transaction('rw', [db.meta, db.documents, db.ledger], async () => {
    const attempts = await db.meta.where('key').startsWith(ATTEMPT_PREFIX).toArray();
    const asking = new Set(attempts.map((a) => (a.value as LeaseAttempt).leaseKey));
    const bySeries = new Map<string, Set<number>>();
    for (const n of hallLeased) {
      bySeries.set(n.seriesId, (bySeries.get(n.seriesId) ?? new Set()).add(n.seq));
    }
    const lost: { seriesId: string; seq: number }[] = [];
    for (const n of hallLeased) {
      if (n.leaseKey && asking.has(n.leaseKey)) continue; // its answer is still to be stored
      const h = (await db.meta.get(holdingKey(n.seriesId)))?.value as LeaseHolding | undefined;
      if (h?.free.includes(n.seq)) continue;
      if (await usedHere(db, n.seriesId, n.seq)) continue; // on its way to the hall
      lost.push({ seriesId: n.seriesId, seq: n.seq });
    }
    const rows = await db.meta.where('key').startsWith('lease:').toArray();
    for (const r of rows) {
      const h = r.value as LeaseHolding;
      if (r.key === VOIDS_KEY || !h.seriesId) continue;
      const held = bySeries.get(h.seriesId) ?? new Set<number>();
      const keep = h.free.filter((s) => held.has(s));
      if (keep.length !== h.free.length) {
        dropped += h.free.length - keep.length;
        await db.meta.put({ key: r.key, value: { ...h, free: keep } });
      }
    }
    await queueVoid(db, { numbers: lost, requestKeys: [], reason: 'lease_lost', by: 'station' });
  });
  return { ok: true, dropped };
}

/** Whether this station's log already used a number (its document or ledger row exists). */
async function usedHere(db: OneWindowDb, seriesId: string, seq: number): Promise<boolean> {
  const [kind, type, year] = seriesId.split(':') as [string, string, string];
  if (kind === 'doc') return (await db.documents.get(`${type}:${year}:${seq}`)) !== undefined;
  if (kind === 'ledger') {
    const rows = await db.ledger.where('kind').equals(type).toArray();
    const tail = `${year}${String(seq).padStart(4, '0')}`;
    return rows.some((r) =>
      String((r.data as { fields?: { number?: string } }).fields?.number ?? '').endsWith(tail),
    );
  }
  return false;
}

/** What this station holds free, per series (for the register screen). */
export async function heldLocally(db: OneWindowDb): Promise<LeaseHolding[]> {
  const rows = await db.meta.where('key').startsWith('lease:').toArray();
  return rows
    .filter((r) => r.key !== VOIDS_KEY && (r.value as LeaseHolding).seriesId)
    .map((r) => r.value as LeaseHolding)
    .sort((a, b) => a.seriesId.localeCompare(b.seriesId));
}

/**
 * Before a decision that prints a notice: when this station numbers from leases and holds none
 * of the series, one block is asked for at once (the hall answering). Offline nothing happens and
 * the dispatch refuses with `numbers_exhausted`, which says why.
 */
export async function ensureLease(
  db: OneWindowDb,
  transport: NumbersTransport,
  docType: DocumentType | null,
  now = new Date(),
): Promise<void> {
  if (!docType || !(await numbersFromLeases(db))) return;
  const seriesId = leaseSeriesId('document', docType, Number(toLocalDate(now).slice(0, 4)));
  const h = (await db.meta.get(holdingKey(seriesId)))?.value as LeaseHolding | undefined;
  if (h && h.free.length > 0) return;
  const plan = LEASE_PLAN.filter((p) => p.kind === 'document' && p.type === docType);
  await refillLeases(db, transport, { now, plan });
}
