// The engine's gate for a station that joins the hall with data of its own (data/join/): while
// the join record (meta `hall:join`) is not clear, nothing is pushed and nothing is stored from
// the hall. A record that says checking runs the check first (a session for the heads, the hall's
// events read without storing them) — and, before it, claims at the hall the numbers this station
// issued alone (join/joinClaim.ts): a refusal or a hall away leaves the record checking, tried
// again at the next round; held or withdrawn keeps the gate shut. No record: a station
// enrolled before the check existed, or one that never held anything of its own — it syncs.
import type { OneWindowDb } from '../db';
import { readJoin, runJoinCheck, type JoinRecord } from '../join/joinCheck';
import { claimIslandNumbers } from '../join/joinClaim';
import { stationIdOf } from './outbox';
import type { HallError, HallTransport } from './transport';

export type Gate =
  { kind: 'go' } | { kind: 'held'; record: JoinRecord } | { kind: 'error'; error: HallError };

/** Throws what `transport.session()` throws (the engine words it with errorOf). */
export async function joinGate(
  db: OneWindowDb,
  transport: HallTransport,
  stationId: string,
  now: Date,
): Promise<Gate> {
  const rec = await readJoin(db);
  if (!rec || rec.status === 'clear') return { kind: 'go' };
  // Re-coded under this engine (data/join/joinRecode.ts): it would check, push and pull as the
  // old code. It holds; the engine started for the new code checks.
  if ((await stationIdOf(db)) !== stationId) return { kind: 'held', record: rec };
  if (rec.status !== 'checking') return { kind: 'held', record: rec };
  const session = await transport.session();
  const claimed = await claimIslandNumbers(db, transport, stationId, session.heads);
  if (!claimed.ok) return { kind: 'error', error: claimed.error };
  const r = await runJoinCheck(db, transport, stationId, session.heads, now);
  if (!r.ok) return { kind: 'error', error: r.error };
  return r.record.status === 'clear' ? { kind: 'go' } : { kind: 'held', record: r.record };
}
