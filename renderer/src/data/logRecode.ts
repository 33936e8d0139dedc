// The third door of the event log (beside log.ts's append and the hall's store): re-chaining this
// station's own chains under a new station code, for a station that ran alone under a code the
// hall already held (data/join/joinRecode.ts, which runs it inside its one transaction). Kept
// apart from log.ts to keep that file short; like it, the only module besides log.ts allowed to
// write db.events and to chain (eslint.config.js). Every old chain is verified link by link first
// and must end at its recorded head; then each event gets `<new chain>-<seq>`, stationId and
// chainId under the new code (HJ02 → HJ05, HJ02.2 → HJ05.2), the stream `join:<old>` becomes
// `join:<new>`, and the hashes are computed again. Payloads stay as written, except what names an
// event or a chain of the old log (a restore's `chain.opened`, a conflict resolution's `eventId`).
// Each event keeps its local position (`pos`): the order of the log does not change.
import { chainSync, GENESIS_HASH } from '../domain/audit';
import { hashedOf } from './chains';
import type { OneWindowDb } from './db';
import type { StoredEvent } from './eventTypes';
import { chainIdOf, chainNumber, type ChainHead } from './log';
import { JOIN_STREAM_PREFIX, joinStream } from './join/joinCheck';

export interface Rechained {
  events: StoredEvent[];
  idMap: Map<string, string>;
  /** Every own chain's head before and after, by old chain id. */
  heads: Map<string, { before: ChainHead; after: ChainHead }>;
}

const mapChain = (chainId: string, from: string, to: string) => {
  const n = chainNumber(chainId, from);
  return n === null ? chainId : n === 1 ? to : `${to}.${n}`;
};

/** The payload fields that name an event or a chain of the old log, renamed. */
function mappedPayload(
  e: StoredEvent,
  from: string,
  to: string,
  idMap: ReadonlyMap<string, string>,
  hashMap: ReadonlyMap<string, string>,
): Record<string, unknown> {
  const p = e.payload;
  const head = (h: unknown) => {
    if (!h || typeof h !== 'object') return h;
    const v = h as ChainHead & { chainId: string };
    return { ...v, chainId: mapChain(v.chainId, from, to), hash: hashMap.get(v.hash) ?? v.hash };
  };
  if (e.type === 'chain.opened')
    return { ...p, previous: head(p['previous']), replaced: head(p['replaced']) };
  if (e.type === 'conflict.resolved' && typeof p['eventId'] === 'string')
    return { ...p, eventId: idMap.get(p['eventId']) ?? p['eventId'] };
  return p;
}

/**
 * This station's chains, verified link by link and re-chained under `to` (pure but for the
 * hashing; synchronous). Null when an old chain does not verify or does not end at its head.
 */
export function rechain(
  own: readonly StoredEvent[],
  recordedHeads: ReadonlyMap<string, ChainHead>,
  from: string,
  to: string,
): Rechained | null {
  const chains = new Map<string, StoredEvent[]>();
  for (const e of own) chains.set(chainIdOf(e), [...(chains.get(chainIdOf(e)) ?? []), e]);
  const order = [...chains.keys()].sort(
    (a, b) => (chainNumber(a, from) ?? 0) - (chainNumber(b, from) ?? 0),
  );
  const idMap = new Map<string, string>();
  for (const [chainId, events] of chains)
    for (const e of events) idMap.set(e.id, `${mapChain(chainId, from, to)}-${e.stationSeq}`);
  const hashMap = new Map<string, string>();
  const heads: Rechained['heads'] = new Map();
  const out: StoredEvent[] = [];
  for (const chainId of order) {
    const events = [...chains.get(chainId)!].sort((a, b) => a.stationSeq - b.stationSeq);
    const newChain = mapChain(chainId, from, to);
    let prevOld = GENESIS_HASH;
    let prevNew = GENESIS_HASH;
    for (const [i, e] of events.entries()) {
      const body = hashedOf(e);
      if (e.stationSeq !== i + 1 || e.prevHash !== prevOld || chainSync(prevOld, body) !== e.hash)
        return null;
      const next: Record<string, unknown> = {
        ...body,
        id: idMap.get(e.id)!,
        stationId: to,
        streamId: e.streamId === `${JOIN_STREAM_PREFIX}${from}` ? joinStream(to) : e.streamId,
        payload: mappedPayload(e, from, to, idMap, hashMap),
        prevHash: prevNew,
      };
      // A v1 event has no chainId (its chain is its station): it stays without one.
      if ('chainId' in body) next['chainId'] = newChain;
      const hash = chainSync(prevNew, next);
      hashMap.set(e.hash, hash);
      out.push({ ...(next as unknown as StoredEvent), hash, pos: e.pos });
      prevOld = e.hash;
      prevNew = hash;
    }
    const last = events.at(-1)!;
    const recorded = recordedHeads.get(chainId);
    if (!recorded || recorded.stationSeq !== last.stationSeq || recorded.hash !== last.hash)
      return null;
    heads.set(chainId, {
      before: { chainId, stationSeq: last.stationSeq, hash: last.hash },
      after: { chainId: newChain, stationSeq: last.stationSeq, hash: prevNew },
    });
  }
  // A recorded head with no event under it (a chain whose events are gone) is a broken log.
  for (const chainId of recordedHeads.keys()) if (!heads.has(chainId)) return null;
  return { events: out.sort((a, b) => a.pos! - b.pos!), idMap, heads };
}

/** Re-chains and writes (inside the caller's transaction over events); null: a broken log. */
export async function rechainOwnLog(
  db: OneWindowDb,
  own: readonly StoredEvent[],
  recordedHeads: ReadonlyMap<string, ChainHead>,
  from: string,
  to: string,
): Promise<Rechained | null> {
  const r = rechain(own, recordedHeads, from, to);
  if (r) await db.events.bulkPut(r.events);
  return r;
}
