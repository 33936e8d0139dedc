// The append door: the one way an event enters the hash-chained log. Every writer in data/ calls
// `append` (or `appendBatches`) inside its own Dexie transaction over `events` and `meta`, so the
// events and the read tables they change are written all or nothing. The door
//  - checks every event against the registry (eventRegistry.ts) before anything is issued: an
//    unknown type or a payload that does not fit throws EventRefused, naming the type, and the
//    caller's transaction aborts;
//  - chains the events onto the head of the station's open chain (id, chain, sequence, hash);
//  - writes the events and the new head (and any meta rows the caller adds) in one round trip.
// Only this module writes db.events (ESLint enforces it; a restore replaces whole tables).
//
// Chains. Each station appends to one open chain at a time. Its id is the station id for the
// first chain (`HJ01`) and `<stationId>.<n>` for each chain a restore opens (`HJ01.2`, `HJ01.3` …);
// sequence numbers count from 1 in each chain and an event's id is `<chainId>-<seq>`, so no
// (chain, seq) is ever issued twice. Events of envelope v1 carry no chainId: their chain is their
// stationId. Meta rows: `chainHead` is the head of the open chain (rows written before chains
// have no chainId: the chain is the station id); `chainHead:<chainId>` is the final head of a
// chain this station closed (data/backup.ts), so verification can tell that none of it is missing.
import { chain, chainSync, GENESIS_HASH } from '../domain/audit';
import type { MetaRow, OneWindowDb } from './db';
import { checkEvent, EVENT_SCHEMA, type EventType } from './eventRegistry';
import type { EventActor, StoredEvent } from './eventTypes';

export interface StationIdentity {
  stationId: string;
}

export interface ChainHead {
  /** Absent in heads written before chains: the chain is then the station id. */
  chainId?: string;
  stationSeq: number;
  hash: string;
}

export const HEAD_KEY = 'chainHead';
export const CLOSED_HEAD_PREFIX = 'chainHead:';
export const closedHeadKey = (chainId: string) => `${CLOSED_HEAD_PREFIX}${chainId}`;

export const headOf = (value: unknown): ChainHead =>
  (value as ChainHead | undefined) ?? { stationSeq: 0, hash: GENESIS_HASH };

export async function readHead(db: OneWindowDb): Promise<ChainHead> {
  return headOf((await db.meta.get(HEAD_KEY))?.value);
}

/** The chain an event belongs to (v1 events: their station). */
export const chainIdOf = (event: { chainId?: unknown; stationId: string }): string =>
  typeof event.chainId === 'string' ? event.chainId : event.stationId;

/** The chain a head belongs to. */
export const headChainId = (head: ChainHead, station: StationIdentity): string =>
  head.chainId ?? station.stationId;

/** n of `<stationId>.<n>` (1 for the station's first chain), or null for another station's chain. */
export function chainNumber(chainId: string, stationId: string): number | null {
  if (chainId === stationId) return 1;
  const m = /^(.+)\.(\d+)$/.exec(chainId);
  return m && m[1] === stationId ? Number(m[2]) : null;
}

export interface NewEvent {
  type: EventType;
  payload: Record<string, unknown>;
}

export interface AppendBatch {
  streamId: string;
  events: readonly NewEvent[];
}

export interface AppendOptions {
  /** The head as read in this same transaction (saves a round trip); read here if absent. */
  head?: ChainHead;
  /** Further meta rows written in the same request as the head (dispatch's counters). */
  meta?: readonly MetaRow[];
}

/** Registry check of every event, before anything is chained or written. */
function checked(batches: readonly AppendBatch[]): AppendBatch[] {
  return batches.map((b) => ({
    streamId: b.streamId,
    events: b.events.map((e) => {
      // JSON round trip: only plain data enters the log (undefined dropped, dates as strings).
      const payload = JSON.parse(JSON.stringify(e.payload)) as Record<string, unknown>;
      checkEvent(e.type, payload);
      return { type: e.type, payload };
    }),
  }));
}

function chainBatches(
  station: StationIdentity,
  batches: readonly AppendBatch[],
  actor: EventActor,
  now: Date,
  from: ChainHead,
): { stored: StoredEvent[]; head: ChainHead } {
  const chainId = headChainId(from, station);
  let { stationSeq, hash } = from;
  const stored: StoredEvent[] = [];
  for (const b of batches) {
    for (const e of b.events) {
      stationSeq += 1;
      const body = {
        id: `${chainId}-${stationSeq}`,
        schema: EVENT_SCHEMA,
        chainId,
        stationId: station.stationId,
        stationSeq,
        streamId: b.streamId,
        type: e.type,
        payload: e.payload,
        actor: { id: actor.id, name: actor.name, role: actor.role },
        at: now.toISOString(),
        prevHash: hash,
      };
      // Synchronous: awaiting Web Crypto here would let IndexedDB end the transaction.
      hash = chainSync(hash, body);
      stored.push({ ...body, hash });
    }
  }
  return { stored, head: { chainId, stationSeq, hash } };
}

function issue(
  db: OneWindowDb,
  station: StationIdentity,
  events: readonly AppendBatch[],
  actor: EventActor,
  now: Date,
  from: ChainHead,
  meta: readonly MetaRow[],
): Promise<StoredEvent[]> {
  const { stored, head } = chainBatches(station, events, actor, now, from);
  return Promise.all([
    stored.length > 0 ? db.events.bulkAdd(stored) : undefined,
    db.meta.bulkPut([{ key: HEAD_KEY, value: head }, ...meta]),
  ]).then(() => stored);
}

async function readThenIssue(
  db: OneWindowDb,
  station: StationIdentity,
  events: readonly AppendBatch[],
  actor: EventActor,
  now: Date,
  meta: readonly MetaRow[],
): Promise<StoredEvent[]> {
  const from = await readHead(db);
  return issue(db, station, events, actor, now, from, meta);
}

/**
 * Appends events of several streams, in order, to the station's open chain. Must be called
 * inside a 'rw' transaction over db.events and db.meta. With `options.head` the writes are issued
 * before this returns (one round trip with the caller's other writes: dispatch's path). A refused
 * event gives a rejected promise and nothing is issued.
 */
export function appendBatches(
  db: OneWindowDb,
  station: StationIdentity,
  batches: readonly AppendBatch[],
  actor: EventActor,
  now: Date,
  options: AppendOptions = {},
): Promise<StoredEvent[]> {
  let events: AppendBatch[];
  try {
    events = checked(batches);
  } catch (e) {
    return Promise.reject(e);
  }
  const meta = options.meta ?? [];
  return options.head
    ? issue(db, station, events, actor, now, options.head, meta)
    : readThenIssue(db, station, events, actor, now, meta);
}

/** Appends events of one stream: the door every writer uses. */
export function append(
  db: OneWindowDb,
  station: StationIdentity,
  streamId: string,
  events: readonly NewEvent[],
  actor: EventActor,
  now: Date,
  options: AppendOptions = {},
): Promise<StoredEvent[]> {
  return appendBatches(db, station, [{ streamId, events }], actor, now, options);
}

// ---- the second door: events from the hall (issue 16) -----------------------------------------
//
// Events pulled from the hall server are stored exactly as received — never re-chained, never
// checked against this app's registry (their hash covers them; a newer station's type is kept
// and left unfolded) — once each chain links: an event is stored only when it is the next link
// of what this station already holds of its chain. A later link (a gap: reordered delivery)
// waits; its gseq stays past the hall cursor, so the pull brings it again. A duplicate is
// recognised by its gseq. This station's own events coming back record their gseq: that is the
// acknowledgement. `hallChain:<chainId>` in meta is the last link held of each foreign chain.

export const HALL_CHAIN_PREFIX = 'hallChain:';
export const hallChainKey = (chainId: string) => `${HALL_CHAIN_PREFIX}${chainId}`;

/** An event as the hall delivers it, with its place in the hall order. */
export interface HallDelivery {
  gseq: number;
  event: StoredEvent;
}

/** Deliveries whose hashes were recomputed (outside the transaction: Web Crypto is async). */
export interface PreparedDeliveries {
  readonly items: readonly { gseq: number; event: StoredEvent; hashOk: boolean }[];
}

export type HallFaultReason = 'hash_mismatch' | 'prev_hash_mismatch' | 'conflict' | 'fork';

export interface HallFault {
  gseq: number;
  eventId: string;
  chainId: string;
  reason: HallFaultReason;
}

export interface HallStoreResult {
  /** Foreign events written (in the order given). */
  stored: StoredEvent[];
  /** Own events whose gseq was recorded now. */
  acknowledged: StoredEvent[];
  duplicates: number;
  /** Events past a gap in their chain: not stored, delivered again by a later pull. */
  waiting: HallDelivery[];
  /** Events that do not fit what this station holds: not stored, the sync raises an alert. */
  faults: HallFault[];
  /** Streams whose events were stored or acknowledged: the ones to fold again. */
  streams: Set<string>;
}

/** The envelope as received, local fields dropped (a station's `pos` must never travel). */
function receivedOf(e: StoredEvent): StoredEvent {
  const { pos: _pos, gseq: _gseq, ...rest } = e;
  return JSON.parse(JSON.stringify(rest)) as StoredEvent;
}

/** Recomputes each delivered event's hash from its own fields (domain/audit.ts `chain`). */
export async function prepareDeliveries(
  deliveries: readonly HallDelivery[],
): Promise<PreparedDeliveries> {
  const items = await Promise.all(
    [...deliveries]
      .sort((a, b) => a.gseq - b.gseq)
      .map(async (d) => {
        const event = receivedOf(d.event);
        const { hash: _h, ...body } = event;
        const hashOk = (await chain(event.prevHash, body)) === event.hash;
        return { gseq: d.gseq, event, hashOk };
      }),
  );
  return { items };
}

/** Records the gseqs the hall gave this station's own events (push answer). By `pos`. */
export async function recordOwnGseqs(
  db: OneWindowDb,
  acks: readonly { pos: number; gseq: number }[],
): Promise<void> {
  await Promise.all(acks.map((a) => db.events.update(a.pos, { gseq: a.gseq })));
}

/**
 * Stores delivered events (see above). Must run inside a 'rw' transaction over db.events and
 * db.meta; writes nothing for faults, waiting events or duplicates.
 */
export async function storeHallEvents(
  db: OneWindowDb,
  station: StationIdentity,
  prepared: PreparedDeliveries,
): Promise<HallStoreResult> {
  const result: HallStoreResult = {
    stored: [],
    acknowledged: [],
    duplicates: 0,
    waiting: [],
    faults: [],
    streams: new Set(),
  };
  const own = prepared.items.filter(
    (d) => chainNumber(chainIdOf(d.event), station.stationId) !== null,
  );
  const foreign = prepared.items.filter((d) => !own.includes(d));
  await acknowledgeOwn(db, own, result);
  const chainIds = [...new Set(foreign.map((d) => chainIdOf(d.event)))];
  const rows = await db.meta.bulkGet(chainIds.map(hallChainKey));
  const heads = new Map(chainIds.map((id, i) => [id, headOf(rows[i]?.value)]));
  const seen = new Set<number>();
  const toStore: StoredEvent[] = [];
  for (const d of foreign) {
    if (seen.has(d.gseq)) {
      result.duplicates += 1;
      continue;
    }
    seen.add(d.gseq);
    const chainId = chainIdOf(d.event);
    const head = heads.get(chainId)!;
    const fault = (reason: HallFaultReason) =>
      result.faults.push({ gseq: d.gseq, eventId: d.event.id, chainId, reason });
    if (d.event.stationSeq <= head.stationSeq) {
      const held = await db.events.where('gseq').equals(d.gseq).first();
      if (held && held.id === d.event.id && held.hash === d.event.hash) result.duplicates += 1;
      else fault('conflict');
    } else if (d.event.stationSeq > head.stationSeq + 1) {
      result.waiting.push({ gseq: d.gseq, event: d.event });
    } else if (!d.hashOk) {
      fault('hash_mismatch');
    } else if (d.event.prevHash !== head.hash) {
      fault('prev_hash_mismatch');
    } else {
      heads.set(chainId, { chainId, stationSeq: d.event.stationSeq, hash: d.event.hash });
      toStore.push({ ...d.event, gseq: d.gseq });
      result.streams.add(d.event.streamId);
    }
  }
  if (toStore.length > 0) {
    const changed = [...new Set(toStore.map(chainIdOf))];
    await Promise.all([
      db.events.bulkAdd(toStore),
      db.meta.bulkPut(changed.map((id) => ({ key: hallChainKey(id), value: heads.get(id) }))),
    ]);
    result.stored = toStore;
  }
  return result;
}

/** Own events back from the hall: the same event (by id and hash) gets its gseq. */
async function acknowledgeOwn(
  db: OneWindowDb,
  own: PreparedDeliveries['items'],
  result: HallStoreResult,
): Promise<void> {
  const streams = [...new Set(own.map((d) => d.event.streamId))];
  const held = await Promise.all(
    streams.map((s) => db.events.where('streamId').equals(s).toArray()),
  );
  const byId = new Map(held.flat().map((e) => [e.id, e]));
  const updates: { pos: number; gseq: number }[] = [];
  for (const d of own) {
    const mine = byId.get(d.event.id);
    if (!mine || mine.hash !== d.event.hash) {
      // The hall holds a history of this station's chain that this station does not: a restored
      // old backup or a cloned disk. Nothing is written; the sync raises the fork alert.
      result.faults.push({
        gseq: d.gseq,
        eventId: d.event.id,
        chainId: chainIdOf(d.event),
        reason: 'fork',
      });
    } else if (mine.gseq === d.gseq) {
      result.duplicates += 1;
    } else if (mine.gseq !== undefined) {
      result.faults.push({
        gseq: d.gseq,
        eventId: d.event.id,
        chainId: chainIdOf(d.event),
        reason: 'conflict',
      });
    } else {
      mine.gseq = d.gseq;
      updates.push({ pos: mine.pos!, gseq: d.gseq });
      result.acknowledged.push(mine);
      result.streams.add(mine.streamId);
    }
  }
  await recordOwnGseqs(db, updates);
}
