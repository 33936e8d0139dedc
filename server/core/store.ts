// What the push and pull rules need from a store. Two implementations: SQL (server/db/store.ts,
// PostgreSQL or PGlite) and in memory (server/core/memory.ts, for the seeded simulation).
import type { Credential, NumberUse, WireEvent } from '../protocol';
import type { ChainState, HeldEvent } from './push';

/** A chain locked for one push: nothing else appends to it (or to the hall) until fn returns. */
export interface ChainTx {
  /** The chain as locked (a new chain: head 0 at the genesis hash). */
  readonly state: ChainState;
  /** The station the chain belongs to. */
  readonly owner: string;
  /** The events held at seqs from..to (all ≤ head). */
  held(fromSeq: number, toSeq: number): Promise<HeldEvent[]>;
  /** Appends events past the head in order; returns their gseqs (gapless, hall order). */
  append(
    chainId: string,
    events: readonly WireEvent[],
    head: { seq: number; hash: string },
    pushId: string,
  ): Promise<number[]>;
  quarantine(seq: number): Promise<void>;
  /** Keeps the credentials beside their events (already held ones are left as they are). */
  storeCredentials(credentials: readonly Credential[], stationCode: string): Promise<void>;
  /**
   * The hall-wide numbers the fresh events record: this station's open ones become 'used'; an
   * island's own are taken in or recorded as clashes (server/core/numberUses.ts). Optional: the
   * in-memory store keeps numbers only when a MemoryLeases is connected.
   */
  markNumbersUsed?(uses: readonly NumberUse[], stationCode: string): Promise<void>;
  recordPush(p: {
    pushId: string;
    stationCode: string;
    chainId: string;
    fromSeq: number;
    toSeq: number;
    accepted: number;
    duplicates: number;
  }): Promise<void>;
}

/** An event as the hall serves it: its gseq and the event's json exactly as stored. */
export interface StoredRow {
  gseq: number;
  json: string;
}

export interface ChainHeadRow {
  chainId: string;
  seq: number;
  hash: string;
  status: 'open' | 'closed' | 'quarantined';
}

export interface EventStore {
  readonly kind: 'postgres' | 'embedded' | 'memory';
  /**
   * Locks the chain (creating its row for the owner when new), runs fn, commits — also when fn
   * returns a refusal (a quarantine must stick); rolls back when fn throws.
   */
  withChain<T>(chainId: string, owner: string, fn: (tx: ChainTx) => Promise<T>): Promise<T>;
  /** Events after a gseq, in gseq order, with the credentials that belong to them. */
  pull(
    after: number,
    limit: number,
  ): Promise<{ rows: StoredRow[]; lastGseq: number; credentials: Credential[] }>;
  lastGseq(): Promise<number>;
  heads(stationCode: string): Promise<ChainHeadRow[]>;
  /** Of the given hashes, those the hall holds no blob for. */
  missingBlobs(hashes: readonly string[]): Promise<string[]>;
  /** Resolves when an event past `after` is there, or after waitMs (long-poll). */
  waitPast(after: number, waitMs: number): Promise<void>;
}

/** An event id the hall already holds in another chain: the push is refused, nothing stored. */
export class EventIdTaken extends Error {
  constructor(readonly eventId?: string) {
    super(`event id ${eventId ?? ''} is held by another event`);
  }
}
