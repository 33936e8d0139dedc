// Numbers an enrolled station will never use, voided on the hall with the reason (issue 17 item 1,
// docs/hall.md "Numbers"): the queue in meta `lease:voids` (sent at the next lease round that
// reaches the hall, first in first out) and what the new year leaves behind (`year_end`):
//
// - the free numbers of a past year's block;
// - a lease **attempt** of a past year still pending (its answer was lost on 31 December and the
//   station next reached the hall in January): the refill asks only this year's series, so it
//   would never be asked again, and the return check skips the numbers of an attempt in flight —
//   the hall would list that block as leased here for ever. Nothing of it was ever printed (a
//   block is stored, and its attempt deleted, in one transaction), so it is voided whole, by its
//   lease key (`requestKeys`; the hall voids the open rows of that lease, none when the request
//   never reached it), and the attempt dropped in the same transaction.
import type { VoidReason } from '../../../server/protocol';
import type { OneWindowDb } from './db';
import type { LeaseAttempt, LeaseHolding, NumbersTransport } from './numberLeases';

export const VOIDS_KEY = 'lease:voids';
/** `leaseAttempt:<seriesId>`: a lease asked for, kept before asking (numberLeases.ts). */
export const ATTEMPT_PREFIX = 'leaseAttempt:';

export interface PendingVoid {
  numbers: { seriesId: string; seq: number }[];
  /** Certificate allocations by request key, leased blocks by lease key. */
  requestKeys: string[];
  reason: VoidReason;
  by: string;
}

const TRANSIENT = new Set(['unreachable', 'rate_limited', 'internal', 'restoring', 'bad_response']);

/** Queues numbers to void on the hall (in the caller's transaction when there is one). */
export async function queueVoid(db: OneWindowDb, v: PendingVoid): Promise<void> {
  if (v.numbers.length === 0 && v.requestKeys.length === 0) return;
  const queued = ((await db.meta.get(VOIDS_KEY))?.value as PendingVoid[] | undefined) ?? [];
  await db.meta.put({ key: VOIDS_KEY, value: [...queued, v] });
}

/** Past years' free numbers and pending lease attempts will never be used: 'year_end'. */
export async function queueYearEnd(db: OneWindowDb, year: number) {
  await db.transaction('rw', db.meta, async () => {
    const rows = await db.meta.where('key').startsWith('lease:').toArray();
    for (const r of rows) {
      const h = r.value as LeaseHolding;
      if (r.key === VOIDS_KEY || !h.seriesId) continue;
      const y = Number(h.seriesId.split(':')[2]);
      if (y >= year || h.free.length === 0) continue;
      await queueVoid(db, {
        numbers: h.free.map((seq) => ({ seriesId: h.seriesId, seq })),
        requestKeys: [],
        reason: 'year_end',
        by: 'station',
      });
      await db.meta.put({ key: r.key, value: { ...h, free: [] } });
    }
    const attempts = await db.meta.where('key').startsWith(ATTEMPT_PREFIX).toArray();
    for (const r of attempts) {
      const a = r.value as LeaseAttempt;
      if (a.year >= year) continue;
      await queueVoid(db, {
        numbers: [],
        requestKeys: [a.leaseKey],
        reason: 'year_end',
        by: 'station',
      });
      await db.meta.delete(r.key);
    }
  });
}

/** Sends the queue, oldest first; stops at a hall away (the next round sends the rest). */
export async function flushVoids(
  db: OneWindowDb,
  transport: NumbersTransport,
): Promise<{ ok: true; voided: number } | { ok: false; code: string }> {
  let voided = 0;
  for (;;) {
    const queued = ((await db.meta.get(VOIDS_KEY))?.value as PendingVoid[] | undefined) ?? [];
    const first = queued[0];
    if (!first) return { ok: true, voided };
    const answer = await transport.numbers({ op: 'void', request: first });
    if (!answer.ok && TRANSIENT.has(answer.error.code))
      return { ok: false, code: answer.error.code };
    if (answer.ok && answer.response.op === 'void') voided += answer.response.voided;
    // Sent (or refused for good: a bug, not retried for ever): off the queue.
    await db.transaction('rw', db.meta, async () => {
      const now = ((await db.meta.get(VOIDS_KEY))?.value as PendingVoid[] | undefined) ?? [];
      await db.meta.put({ key: VOIDS_KEY, value: now.slice(1) });
    });
  }
}
