// Appending to the hash-chained event log. Callers run this inside their own Dexie transaction
// (which must include `events` and `meta`), so the events and the read tables they change are
// written all or nothing.
import { chainSync, GENESIS_HASH } from '../domain/audit';
import type { OneWindowDb } from './db';
import type { EventActor, StoredEvent } from './eventTypes';

export interface StationIdentity {
  stationId: string;
}

export interface ChainHead {
  stationSeq: number;
  hash: string;
}

export const HEAD_KEY = 'chainHead';

export const headOf = (value: unknown): ChainHead =>
  (value as ChainHead | undefined) ?? { stationSeq: 0, hash: GENESIS_HASH };

export async function readHead(db: OneWindowDb): Promise<ChainHead> {
  return headOf((await db.meta.get(HEAD_KEY))?.value);
}

export interface NewEvent {
  type: string;
  payload: Record<string, unknown>;
}

/**
 * Chains events onto the head: station id, per-station sequence and hash. Pure and synchronous,
 * so a caller can issue the write together with its other writes (one round trip, not two).
 */
export function chainEvents(
  station: StationIdentity,
  streamId: string,
  events: readonly NewEvent[],
  actor: EventActor,
  now: Date,
  from: ChainHead,
): { stored: StoredEvent[]; head: ChainHead } {
  let head = from;
  const stored: StoredEvent[] = [];
  for (const e of events) {
    const stationSeq = head.stationSeq + 1;
    const body = {
      id: `${station.stationId}-${stationSeq}`,
      stationId: station.stationId,
      stationSeq,
      streamId,
      type: e.type,
      // JSON round trip: only plain data enters the log (undefined dropped, dates as strings).
      payload: JSON.parse(JSON.stringify(e.payload)) as Record<string, unknown>,
      actor: { id: actor.id, name: actor.name, role: actor.role },
      at: now.toISOString(),
      prevHash: head.hash,
    };
    // Synchronous: awaiting Web Crypto here would let IndexedDB end the transaction.
    const hash = chainSync(head.hash, body);
    stored.push({ ...body, hash });
    head = { stationSeq, hash };
  }
  return { stored, head };
}

/**
 * Appends events to the log with station id, per-station sequence and hash chain.
 * Must be called inside a 'rw' transaction over db.events and db.meta.
 */
export async function appendEvents(
  db: OneWindowDb,
  station: StationIdentity,
  streamId: string,
  events: readonly NewEvent[],
  actor: EventActor,
  now: Date,
  /** The head as read in this same transaction (saves a round trip); read here if absent. */
  knownHead?: ChainHead,
): Promise<StoredEvent[]> {
  const from = knownHead ?? (await readHead(db));
  const { stored, head } = chainEvents(station, streamId, events, actor, now, from);
  await Promise.all([db.events.bulkAdd(stored), db.meta.put({ key: HEAD_KEY, value: head })]);
  return stored;
}
