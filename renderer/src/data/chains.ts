// Verification of a log that holds several chains (this station's, the chains it closed at a
// restore, later other stations'): each chain on its own, in its own sequence order, however the
// chains are interleaved in local insertion order. Used by the integrity check (integrity.ts) and
// by the restore's check of a backup file (backup.ts).
import { chain, GENESIS_HASH, type ChainBreak } from '../domain/audit';
import type { MetaRow } from './db';
import type { StoredEvent } from './eventTypes';
import { chainIdOf, CLOSED_HEAD_PREFIX, HEAD_KEY, type ChainHead } from './log';

export interface ChainFault {
  chainId: string;
  /** The first event that does not fit; null when the chain's end is missing. */
  event: StoredEvent | null;
  reason: ChainBreak | 'head_mismatch';
}

interface Walk {
  prev: string;
  seq: number;
  /** Events that came before their predecessor (by sequence), waiting for it. */
  pending: Map<number, StoredEvent>;
}

/** Events held back waiting for a missing predecessor before it counts as deleted. */
const MAX_PENDING = 2000;

/** The hashed form of a stored event: `pos` and `gseq` are local and not part of it. */
export const hashedOf = (e: StoredEvent): Record<string, unknown> => {
  const { pos: _pos, gseq: _gseq, ...rest } = e;
  return rest as unknown as Record<string, unknown>;
};

/**
 * Walks events in any interleaving of chains. `add` each event (local order), then `finish`
 * with the heads the database says the chains end at. The first fault found is returned.
 */
export class ChainWalker {
  private readonly walks = new Map<string, Walk>();
  /** Events verified so far. */
  checked = 0;

  private walkOf(chainId: string): Walk {
    let w = this.walks.get(chainId);
    if (!w) {
      w = { prev: GENESIS_HASH, seq: 0, pending: new Map() };
      this.walks.set(chainId, w);
    }
    return w;
  }

  private async link(chainId: string, w: Walk, e: StoredEvent): Promise<ChainFault | null> {
    if (e.prevHash !== w.prev) return { chainId, event: e, reason: 'prev_hash_mismatch' };
    const hash = await chain(w.prev, hashedOf(e));
    if (hash !== e.hash) return { chainId, event: e, reason: 'hash_mismatch' };
    w.prev = e.hash;
    w.seq = e.stationSeq;
    this.checked += 1;
    return null;
  }

  async add(e: StoredEvent): Promise<ChainFault | null> {
    const chainId = chainIdOf(e);
    const w = this.walkOf(chainId);
    // A sequence number already used in this chain: an inserted or duplicated event.
    if (!Number.isInteger(e.stationSeq) || e.stationSeq <= w.seq || w.pending.has(e.stationSeq)) {
      return { chainId, event: e, reason: 'prev_hash_mismatch' };
    }
    if (e.stationSeq > w.seq + 1) {
      w.pending.set(e.stationSeq, e);
      return w.pending.size > MAX_PENDING ? this.gap(chainId, w) : null;
    }
    const fault = await this.link(chainId, w, e);
    if (fault) return fault;
    for (let next = w.pending.get(w.seq + 1); next; next = w.pending.get(w.seq + 1)) {
      w.pending.delete(next.stationSeq);
      const f = await this.link(chainId, w, next);
      if (f) return f;
    }
    return null;
  }

  /** A predecessor never came: the first waiting event is where the chain breaks. */
  private gap(chainId: string, w: Walk): ChainFault {
    const first = Math.min(...w.pending.keys());
    return { chainId, event: w.pending.get(first)!, reason: 'prev_hash_mismatch' };
  }

  /**
   * Every chain must be whole, and end where its recorded head says (a dropped tail is a break).
   * `required` chains must have a head when they hold events.
   */
  finish(
    heads: ReadonlyMap<string, ChainHead>,
    required: readonly string[] = [],
  ): ChainFault | null {
    for (const [chainId, w] of this.walks) if (w.pending.size > 0) return this.gap(chainId, w);
    for (const [chainId, head] of heads) {
      const w = this.walks.get(chainId);
      if ((w?.prev ?? GENESIS_HASH) !== head.hash)
        return { chainId, event: null, reason: 'head_mismatch' };
    }
    for (const chainId of required) {
      if (this.walks.has(chainId) && !heads.has(chainId))
        return { chainId, event: null, reason: 'head_mismatch' };
    }
    return null;
  }

  /** The last link of every chain walked. */
  ends(): Map<string, ChainHead> {
    return new Map(
      [...this.walks].map(([id, w]) => [id, { chainId: id, stationSeq: w.seq, hash: w.prev }]),
    );
  }
}

/**
 * The recorded heads among meta rows, by chain: the open chain's (`chainHead`, whose chain is
 * `stationId` when written before chains) and every closed chain's (`chainHead:<chainId>`).
 */
export function headsOf(
  meta: readonly MetaRow[],
  stationId: string | null,
): { heads: Map<string, ChainHead>; open: string | null } {
  const heads = new Map<string, ChainHead>();
  let open: string | null = null;
  for (const row of meta) {
    const head = row.value as ChainHead | undefined;
    if (!head || typeof head.hash !== 'string') continue;
    if (row.key === HEAD_KEY) {
      open = head.chainId ?? stationId;
      if (open) heads.set(open, head);
    } else if (row.key.startsWith(CLOSED_HEAD_PREFIX)) {
      heads.set(row.key.slice(CLOSED_HEAD_PREFIX.length), head);
    }
  }
  return { heads, open: open ?? stationId };
}
