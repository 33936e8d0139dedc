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
import { chainSync, GENESIS_HASH } from '../domain/audit';
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
