// One pull: ask the hall for what follows the cursor, store it through the hall door
// (data/log.ts), fold the streams it touched again and move the cursor — one transaction, so a
// crash never leaves events stored but unfolded, or the cursor past what is held. The cursor only
// moves over a gapless run of the hall order: an event missing from a delivery (lost, reordered)
// keeps everything after it due, and the next pull brings it again; what is held already is
// recognised and skipped.
import type { OneWindowDb } from '../db';
import {
  chainIdOf,
  prepareDeliveries,
  storeHallEvents,
  type HallFault,
  type HallStoreResult,
} from '../log';
import { keepCredentials } from '../credentials';
import { applyStreams, applyTables } from './apply';
import { CURSOR_KEY, raiseAcked, readCursor, skipStoredForeign } from './hallMeta';
import { ownChains } from './outbox';
import type { HallError, HallTransport } from './transport';
import type { StoredEvent } from '../eventTypes';

export type PullOutcome =
  | {
      kind: 'ok';
      delivered: number;
      result: HallStoreResult;
      cursor: number;
      /** The hall holds more past the cursor: pull again now. */
      more: boolean;
      /** The hall's last gseq, as the answer gave it. */
      lastGseq: number;
      serverTime: string;
    }
  | { kind: 'error'; error: HallError }
  /** The join check holds the sync (data/join/): nothing asked, nothing stored. */
  | { kind: 'held' }
  | { kind: 'fault'; faults: HallFault[]; cursor: number; serverTime: string };

/** The highest gseq from `cursor` on below which every gseq is held. Inside a transaction. */
async function advance(db: OneWindowDb, cursor: number): Promise<number> {
  for (;;) {
    const keys = (await db.events.where('gseq').above(cursor).limit(1000).keys()) as number[];
    let moved = false;
    for (const k of keys) {
      if (k !== cursor + 1) return cursor;
      cursor = k;
      moved = true;
    }
    if (!moved || keys.length < 1000) return cursor;
  }
}

export async function pullOnce(
  db: OneWindowDb,
  transport: HallTransport,
  stationId: string,
  options: { limit: number; waitMs: number; now: Date },
): Promise<Exclude<PullOutcome, { kind: 'held' }>> {
  const after = await readCursor(db);
  const answer = await transport.pull({ after, limit: options.limit, waitMs: options.waitMs });
  if (!answer.ok) return { kind: 'error', error: answer.error };
  const { response } = answer;
  const prepared = await prepareDeliveries(
    response.events.map((h) => ({ gseq: h.gseq, event: h.event as unknown as StoredEvent })),
  );
  const { result, cursor } = await db.transaction('rw', applyTables(db), async () => {
    const result = await storeHallEvents(db, { stationId }, prepared);
    // Credentials beside the page's user events, kept before the users are folded (a page with
    // an event not stored now brings its credential again with the next pull).
    await keepCredentials(db, response.credentials ?? []);
    const marks = new Map<string, { seq: number; pos: number }>();
    for (const e of result.acknowledged) {
      const c = chainIdOf(e);
      if ((marks.get(c)?.seq ?? 0) < e.stationSeq) marks.set(c, { seq: e.stationSeq, pos: e.pos! });
    }
    if (marks.size > 0)
      await raiseAcked(
        db,
        [...marks].map(([chainId, m]) => ({ chainId, ...m })),
      );
    if (result.stored.length > 0) {
      const own = await ownChains(db, stationId);
      const lastPos = (await db.events.orderBy(':id').lastKey()) as number;
      await skipStoredForeign(db, new Map(own.map((c) => [c.chainId, c.head.stationSeq])), lastPos);
    }
    await applyStreams(db, result.streams);
    const cursor = await advance(db, await readCursor(db));
    if (cursor !== after) await db.meta.put({ key: CURSOR_KEY, value: cursor });
    return { result, cursor };
  });
  if (result.faults.length > 0)
    return { kind: 'fault', faults: result.faults, cursor, serverTime: response.serverTime };
  return {
    kind: 'ok',
    delivered: response.events.length,
    result,
    cursor,
    more: cursor < response.lastGseq,
    lastGseq: response.lastGseq,
    serverTime: response.serverTime,
  };
}
