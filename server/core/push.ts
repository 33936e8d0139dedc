// The push rules, as a pure function: given what the hall holds of one chain and a push request,
// decide what happens. No database, no clock, no crypto beyond the chain hash (injected), so the
// PostgreSQL store, the in-memory store and the seeded simulation all follow the same rules.
import { GENESIS_HASH, canonicalJson } from '../../renderer/src/domain/audit';
import { sha256HexSync } from '../../renderer/src/domain/sha256';
import { blobRefsOf, type ErrorCode, type WireEvent } from '../protocol';

/** What the hall holds of a chain: its head, and the hashes it already has for seqs ≤ head. */
export interface ChainState {
  headSeq: number;
  headHash: string;
  status: 'open' | 'closed' | 'quarantined';
}

/** An event the hall already holds at a seq the request also carries. */
export interface HeldEvent {
  seq: number;
  hash: string;
  gseq: number;
}

export interface PushInput {
  chainId: string;
  fromSeq: number;
  events: readonly WireEvent[];
}

export type PushRefusal = {
  code: Extract<
    ErrorCode,
    'gap' | 'fork' | 'quarantined' | 'bad_hash' | 'bad_request' | 'schema_too_new' | 'blob_missing'
  >;
  message: string;
  expectedSeq?: number;
  seq?: number;
  missing?: string[];
  supported?: number;
};

export type PushPlan =
  | {
      kind: 'append';
      /** gseqs of the events already held, in request order (duplicates). */
      duplicateGseqs: number[];
      /** The events past the head, to append in order. */
      fresh: WireEvent[];
      /** The chain's head after the append. */
      head: { seq: number; hash: string };
    }
  | { kind: 'refuse'; refusal: PushRefusal; quarantine?: { seq: number } };

/** The hash of an event in the chain (the same as domain/audit's `chain`). */
export type ChainHash = (prevHash: string, event: Record<string, unknown>) => string;

export const defaultChainHash: ChainHash = (prevHash, event) => {
  const { hash: _ignored, ...rest } = event;
  return sha256HexSync(canonicalJson({ ...rest, prevHash }));
};

const schemaOf = (e: WireEvent) => e.schema ?? 1;
export const chainIdOfEvent = (e: WireEvent) => e.chainId ?? e.stationId;

/** Whether a chain id belongs to the station (its code, or `<code>.<n>` after a restore). */
export const chainBelongsTo = (chainId: string, stationCode: string) =>
  chainId === stationCode || chainId.startsWith(`${stationCode}.`);

/**
 * Checks that need nothing from the store: shape of the range, ownership, schema. Returns the
 * first refusal, or null.
 */
export function checkRequest(
  stationCode: string,
  req: PushInput,
  maxEventSchema: number,
): PushRefusal | null {
  for (let i = 0; i < req.events.length; i++) {
    const e = req.events[i] as WireEvent;
    const seq = req.fromSeq + i;
    if (e.stationSeq !== seq || e.stationId !== stationCode || chainIdOfEvent(e) !== req.chainId) {
      return {
        code: 'bad_request',
        message: `event ${i} is not seq ${seq} of chain ${req.chainId} of station ${stationCode}`,
        seq,
      };
    }
    if (schemaOf(e) > maxEventSchema) {
      return {
        code: 'schema_too_new',
        message: `event schema ${schemaOf(e)} is newer than ${maxEventSchema}`,
        seq,
        supported: maxEventSchema,
      };
    }
  }
  return null;
}

/** Blobs the events name that the hall does not hold yet. */
export function missingBlobs(events: readonly WireEvent[], held: (hash: string) => boolean) {
  const missing = new Set<string>();
  for (const e of events) for (const h of blobRefsOf(e)) if (!held(h)) missing.add(h);
  return [...missing];
}

/**
 * The rule (docs/hall.md "Push"): events at seqs the hall holds must carry the same hash
 * (duplicates, acknowledged with their first gseq) — a different one is a fork and quarantines
 * the chain; the range must start at or before head + 1 (else a gap, with the expected seq); each
 * event past the head must hash to its own `hash` and link to the one before it (else bad_hash).
 * A quarantined chain takes nothing.
 */
export function planPush(
  state: ChainState | null,
  held: readonly HeldEvent[],
  req: PushInput,
  hashOf: ChainHash = defaultChainHash,
): PushPlan {
  const s = state ?? { headSeq: 0, headHash: GENESIS_HASH, status: 'open' as const };
  if (s.status === 'quarantined') {
    return {
      kind: 'refuse',
      refusal: { code: 'quarantined', message: `chain ${req.chainId} is quarantined` },
    };
  }
  if (s.status === 'closed') {
    return {
      kind: 'refuse',
      refusal: { code: 'quarantined', message: `chain ${req.chainId} is closed` },
    };
  }
  if (req.fromSeq > s.headSeq + 1) {
    return {
      kind: 'refuse',
      refusal: {
        code: 'gap',
        message: `chain ${req.chainId} expects seq ${s.headSeq + 1}`,
        expectedSeq: s.headSeq + 1,
      },
    };
  }
  const bySeq = new Map(held.map((h) => [h.seq, h]));
  const duplicateGseqs: number[] = [];
  const fresh: WireEvent[] = [];
  let prev = s.headHash;
  for (let i = 0; i < req.events.length; i++) {
    const e = req.events[i] as WireEvent;
    const seq = req.fromSeq + i;
    if (seq <= s.headSeq) {
      const h = bySeq.get(seq);
      if (!h) throw new Error(`planPush: the store did not give held seq ${seq}`);
      if (h.hash !== e.hash) {
        return {
          kind: 'refuse',
          refusal: {
            code: 'fork',
            message: `chain ${req.chainId} holds another event at seq ${seq}`,
            seq,
          },
          quarantine: { seq },
        };
      }
      duplicateGseqs.push(h.gseq);
      continue;
    }
    if (e.prevHash !== prev || hashOf(e.prevHash, e) !== e.hash) {
      return {
        kind: 'refuse',
        refusal: {
          code: 'bad_hash',
          message:
            e.prevHash !== prev
              ? `seq ${seq} does not link to the chain's head`
              : `seq ${seq} does not hash to its hash`,
          seq,
        },
      };
    }
    fresh.push(e);
    prev = e.hash;
  }
  const last = req.fromSeq + req.events.length - 1;
  return {
    kind: 'append',
    duplicateGseqs,
    fresh,
    head: last > s.headSeq ? { seq: last, hash: prev } : { seq: s.headSeq, hash: s.headHash },
  };
}
