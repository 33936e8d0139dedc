// The outbox is simply "own events past the acknowledged seq" (SYNC.md): nothing is queued, so
// nothing gets stuck in "sending". For each of this station's chains — the ones a restore closed
// and the open one — the hall's mark says how far it holds it; every later event is pending.
import { headsOf } from '../chains';
import type { OneWindowDb } from '../db';
import type { StoredEvent } from '../eventTypes';
import { chainIdOf, chainNumber, CLOSED_HEAD_PREFIX, HEAD_KEY, type ChainHead } from '../log';
import { STATION_KEY, type Station } from '../station';
import { readAcked, type AckedMarks } from './hallMeta';
import type { WireEvent } from '../../../../server/protocol';

export const MAX_RANGE = 200;

export interface OwnChain {
  chainId: string;
  head: ChainHead;
  /** 1 for the first chain, 2 for `.2` … (oldest first is the order they are pushed in). */
  number: number;
}

export async function stationIdOf(db: OneWindowDb): Promise<string | null> {
  return ((await db.meta.get(STATION_KEY))?.value as Station | undefined)?.stationId ?? null;
}

/** This station's chains, oldest first, with their local heads. */
export async function ownChains(db: OneWindowDb, stationId: string): Promise<OwnChain[]> {
  const rows = await db.meta.where('key').startsWith(HEAD_KEY).toArray();
  const { heads } = headsOf(
    rows.filter((r) => r.key === HEAD_KEY || r.key.startsWith(CLOSED_HEAD_PREFIX)),
    stationId,
  );
  return [...heads]
    .map(([chainId, head]) => ({ chainId, head, number: chainNumber(chainId, stationId) ?? 0 }))
    .filter((c) => c.number > 0)
    .sort((a, b) => a.number - b.number);
}

export function pendingOf(chains: readonly OwnChain[], acked: AckedMarks): number {
  return chains.reduce(
    (n, c) => n + Math.max(0, c.head.stationSeq - (acked[c.chainId]?.seq ?? 0)),
    0,
  );
}

export async function pendingCount(db: OneWindowDb): Promise<number> {
  const stationId = await stationIdOf(db);
  if (!stationId) return 0;
  const [chains, acked] = await Promise.all([ownChains(db, stationId), readAcked(db)]);
  return pendingOf(chains, acked);
}

export interface OutboxRange {
  chainId: string;
  /** The chain's local head: a hall that holds more than this holds a history never written here. */
  headSeq: number;
  fromSeq: number;
  events: StoredEvent[];
}

/**
 * The next contiguous range to push: the oldest chain with events past its mark, from the mark
 * on, at most `limit` events. Null when the hall holds everything.
 */
export async function nextRange(
  db: OneWindowDb,
  stationId: string,
  acked: AckedMarks,
  limit = MAX_RANGE,
): Promise<OutboxRange | null> {
  for (const c of await ownChains(db, stationId)) {
    const mark = acked[c.chainId] ?? { seq: 0, pos: 0 };
    if (c.head.stationSeq <= mark.seq) continue;
    const events = await db.events
      .where('pos')
      .above(mark.pos)
      .filter((e) => chainIdOf(e) === c.chainId && e.stationSeq > mark.seq)
      .limit(limit)
      .toArray();
    // Events of one chain are in sequence order by position; anything else is a broken log,
    // which the integrity check names — push only the part that is contiguous.
    const range: StoredEvent[] = [];
    for (const e of events) {
      if (e.stationSeq !== mark.seq + 1 + range.length) break;
      range.push(e);
    }
    if (range.length > 0)
      return {
        chainId: c.chainId,
        headSeq: c.head.stationSeq,
        fromSeq: mark.seq + 1,
        events: range,
      };
  }
  return null;
}

/** The event as it travels: the local `pos` and `gseq` stay home. */
export function wireOf(e: StoredEvent): WireEvent {
  const { pos: _pos, gseq: _gseq, ...rest } = e;
  return rest as WireEvent;
}
