// An island claims its own numbers when the join check starts (issue 17 items 1 and 4; docs/hall.md
// "An island's own numbers"). A station that ran alone numbered certificates, notices and ledger
// entries with its own counters; the hall learns of them only when its events arrive, and the
// join check holds that push until every clash is settled — meanwhile the hall could hand one of
// those numbers out again. So, while the record says `checking` and before anything is pushed,
// the station sends the hall every number its own events record (`hall.numbers` op `claim`, POST
// /v1/numbers/claim): the hall takes in what lies above its series (used by the island's event,
// which the later push finds marked), explains the seqs it passes over, and records as a clash
// what another station holds or used. The same uses the push would carry (numberUsesOf), so the
// push changes nothing more; a claim again (each run of the check) changes nothing either.
//
// Not while the hall holds events under this station's code that are not its own (a clash of
// station codes): the numbers would be claimed for the other PC's station, and a re-coding gives
// every event a new id. The check lists that clash; after a re-coding the check, and the claim,
// run again under the new code.
import type { ChainHeadInfo } from '../../../../server/protocol';
import { numberUsesOf, type NumberUse } from '../../../../server/protocol/leases';
import type { OneWindowDb } from '../db';
import type { StoredEvent } from '../eventTypes';
import { chainIdOf, chainNumber } from '../log';
import type { HallError, HallTransport } from '../sync/transport';

/** The largest claim the hall takes in one call (server/protocol/leases.ts claimRequestSchema). */
export const CLAIM_BATCH = 500;

/** This station's own events, in log order. */
const ownEvents = (db: OneWindowDb, stationId: string) =>
  db.events
    .orderBy('pos')
    .filter((e) => chainNumber(chainIdOf(e), stationId) !== null)
    .toArray();

/** Every hall-wide number these events record (what their push would mark). */
export const numberUsesOfEvents = (events: readonly StoredEvent[]): NumberUse[] =>
  events.flatMap((e) =>
    numberUsesOf({ id: e.id, type: e.type, streamId: e.streamId, payload: e.payload, at: e.at }),
  );

/** Whether the hall's heads show events under this station's code that are not its own. */
function codeClashes(
  own: readonly StoredEvent[],
  stationId: string,
  heads: readonly ChainHeadInfo[],
) {
  const byId = new Map(own.map((e) => [e.id, e.hash]));
  return heads.some(
    (h) =>
      chainNumber(h.chainId, stationId) !== null &&
      h.seq > 0 &&
      byId.get(`${h.chainId}-${h.seq}`) !== h.hash,
  );
}

export type ClaimOutcome =
  | { ok: true; claimed: number; clashes: number; skipped?: 'station_code' | 'no_channel' }
  | { ok: false; error: HallError };

/**
 * Claims this station's own numbers at the hall, in batches. Any refusal or a hall away stops it
 * (the caller leaves the check `checking` and tries again at the next round).
 */
export async function claimIslandNumbers(
  db: OneWindowDb,
  transport: Pick<HallTransport, 'numbers'>,
  stationId: string,
  heads: readonly ChainHeadInfo[],
): Promise<ClaimOutcome> {
  if (!transport.numbers) return { ok: true, claimed: 0, clashes: 0, skipped: 'no_channel' };
  const own = await ownEvents(db, stationId);
  if (codeClashes(own, stationId, heads))
    return { ok: true, claimed: 0, clashes: 0, skipped: 'station_code' };
  const uses = numberUsesOfEvents(own);
  let clashes = 0;
  for (let i = 0; i < uses.length; i += CLAIM_BATCH) {
    const r = await transport.numbers({
      op: 'claim',
      request: { uses: uses.slice(i, i + CLAIM_BATCH) },
    });
    if (!r.ok) return { ok: false, error: r.error };
    if (r.response.op !== 'claim')
      return { ok: false, error: { code: 'bad_response', message: 'not a claim' } };
    clashes += r.response.claim.clashes;
  }
  return { ok: true, claimed: uses.length, clashes };
}
