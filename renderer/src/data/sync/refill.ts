// Refilling a restored hall (docs/hall.md "Restoring the server"): the hall answers `restoring`
// because it was restored from an older dump. The station keeps working on its own database and
// hands the hall back what it holds past the hall's last gseq — its own events and the other
// stations' it pulled, exactly as held, with their original gseqs — in gseq order, as far as it
// holds them without a hole (another station brings the rest). Nothing is dropped or rewritten
// here: the local log, gseqs and cursor stay as they are, so the order every station already
// folded is the order the hall serves again.
import type { OneWindowDb } from '../db';
import { credentialsOf } from '../credentials';
import { heldLocally } from '../numberLeases';
import { blobNeedsOf } from './blobs';
import type { StoredEvent } from '../eventTypes';
import { wireOf } from './outbox';
import { uploadBlobs } from './push';
import type { HallError, HallTransport } from './transport';

/** Events a refill carries at most (the push's range). */
export const REFILL_LIMIT = 200;

export type RefillOutcome =
  /** The hall serves again. */
  | { kind: 'open'; lastGseq: number }
  /** Still restoring: this station gave what it could; the hall waits for the stations named. */
  | { kind: 'waiting'; lastGseq: number; holds: number; refilled: number; waitingFor: string[] }
  | { kind: 'error'; error: HallError };

/** The highest gseq this station holds (own events acknowledged, and every event pulled). */
export async function heldGseq(db: OneWindowDb): Promise<number> {
  return ((await db.events.orderBy('gseq').lastKey()) as number | undefined) ?? 0;
}

export async function refillOnce(
  db: OneWindowDb,
  transport: HallTransport,
  limit = REFILL_LIMIT,
): Promise<RefillOutcome> {
  if (!transport.refill)
    return { kind: 'error', error: { code: 'unreachable', message: 'no refill' } };
  const holds = await heldGseq(db);
  // The check-in also tells the leased blocks this station still takes numbers from: a hall
  // restored from a dump older than a lease takes it in again and never leases it twice
  // (numbers used from the others are in the events, the dump's or this refill's).
  const leases = (await heldLocally(db))
    .map((h) => ({
      seriesId: h.seriesId,
      blocks: h.blocks
        .filter((b) => h.free.some((s) => s >= b.first && s <= b.last))
        .map(({ leaseKey, first, last }) => ({ leaseKey, first, last })),
    }))
    .filter((h) => h.blocks.length > 0);
  let answer = await transport.refill({
    holds,
    events: [],
    ...(leases.length > 0 ? { leases } : {}),
  });
  let refilled = 0;
  let sent = false;
  for (let blobTries = 0; ;) {
    if (!answer.ok) {
      const { error } = answer;
      return { kind: 'error', error };
    }
    const r = answer.response;
    if (!r.restoring) return { kind: 'open', lastGseq: r.lastGseq };
    const rows = await db.events.where('gseq').above(r.lastGseq).limit(limit).toArray();
    const run: StoredEvent[] = [];
    for (const e of rows) {
      if (e.gseq !== r.lastGseq + 1 + run.length) break;
      run.push(e);
    }
    // Nothing more from here (a hole held by another station, or the hall holds all of ours).
    if (run.length === 0 || (sent && r.accepted === 0))
      return { kind: 'waiting', lastGseq: r.lastGseq, holds, refilled, waitingFor: r.waitingFor };
    const credentials = await credentialsOf(db, run);
    const send = () =>
      transport.refill!({
        holds,
        events: run.map((e) => ({ gseq: e.gseq!, event: wireOf(e) })),
        ...(credentials.length > 0 ? { credentials } : {}),
      });
    answer = await send();
    sent = true;
    if (!answer.ok && answer.error.code === 'blob_missing' && blobTries++ < 1) {
      const blobError = await uploadBlobs(transport, blobNeedsOf(run));
      // A scan this station never fetched: its origin station brings it.
      if (blobError)
        return { kind: 'waiting', lastGseq: r.lastGseq, holds, refilled, waitingFor: r.waitingFor };
      answer = await send();
    }
    if (answer.ok) refilled += answer.response.accepted;
  }
}
