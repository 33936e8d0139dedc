// Audit hashing for the event log: canonical JSON (sorted keys, no whitespace), SHA-256 through
// Web Crypto (the same code runs in Node 20 tests and in the renderer), and a hash chain in
// which each event commits to the previous one, so an edited or dropped event is found.

import { sha256HexSync } from './sha256';

/** prevHash of the first event of a chain. */
export const GENESIS_HASH = '0'.repeat(64);

/** Plain data that canonicalJson accepts. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [k: string]: JsonValue };

/**
 * Deterministic JSON: object keys sorted by code unit, no whitespace, `undefined` properties
 * dropped (as JSON.stringify does). Throws on values that have no stable JSON form (NaN,
 * Infinity, functions, bigint, class instances other than Date), because a hash over a lossy
 * form would verify data that was never stored.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  switch (typeof value) {
    case 'boolean':
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: non-finite number ${value}`);
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) {
        return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
      }
      const proto = Object.getPrototypeOf(value) as unknown;
      if (proto !== Object.prototype && proto !== null) {
        throw new TypeError('canonicalJson: only plain objects can be hashed');
      }
      const rec = value as Record<string, unknown>;
      const keys = Object.keys(rec)
        .filter((k) => rec[k] !== undefined)
        .sort();
      return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(rec[k])}`).join(',')}}`;
    }
    default:
      throw new TypeError(`canonicalJson: cannot hash a ${typeof value}`);
  }
}

export async function sha256Hex(text: string): Promise<string> {
  const data = new TextEncoder().encode(text);
  const digest = await globalThis.crypto.subtle.digest('SHA-256', data);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** An event as stored: whatever the envelope holds, plus id, prevHash and hash. */
export interface ChainedEvent {
  id: string;
  prevHash: string;
  hash: string;
  [field: string]: unknown;
}

/**
 * The hash of an event in the chain: SHA-256 over the canonical JSON of the event with its
 * `hash` field left out and `prevHash` set to the given previous hash.
 */
export async function chain(prevHash: string, event: Record<string, unknown>): Promise<string> {
  const { hash: _ignored, ...rest } = event;
  return sha256Hex(canonicalJson({ ...rest, prevHash }));
}

/**
 * The same hash as `chain`, computed synchronously (for the append path inside an IndexedDB
 * transaction). Equal to `chain` for every event; tests check it.
 */
export function chainSync(prevHash: string, event: Record<string, unknown>): string {
  const { hash: _ignored, ...rest } = event;
  return sha256HexSync(canonicalJson({ ...rest, prevHash }));
}

export type ChainBreak = 'prev_hash_mismatch' | 'hash_mismatch';

export type ChainVerdict =
  { ok: true } | { ok: false; index: number; eventId: string; reason: ChainBreak };

/** Checks a chain in order and names the first event that does not fit. */
export async function verifyChain(
  events: readonly ChainedEvent[],
  genesis: string = GENESIS_HASH,
): Promise<ChainVerdict> {
  let prev = genesis;
  for (let i = 0; i < events.length; i++) {
    const e = events[i] as ChainedEvent;
    if (e.prevHash !== prev)
      return { ok: false, index: i, eventId: e.id, reason: 'prev_hash_mismatch' };
    if ((await chain(prev, e)) !== e.hash) {
      return { ok: false, index: i, eventId: e.id, reason: 'hash_mismatch' };
    }
    prev = e.hash;
  }
  return { ok: true };
}
