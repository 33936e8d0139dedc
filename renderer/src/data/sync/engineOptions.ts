// The sync engine's options (engine.ts), its default scheduler, and how a thrown failure reads
// as a hall error. Split from engine.ts; nothing here holds state.
import type { OneWindowDb } from '../db';
import type { LeasePlanEntry } from '../numberLeases';
import type { BackoffPolicy } from './backoff';
import type { HallError, HallTransport } from './transport';

export interface SyncEngineOptions {
  db: OneWindowDb;
  transport: HallTransport;
  now?: () => Date;
  random?: () => number;
  /** Runs `fn` after `ms`; returns a cancel. Defaults to setTimeout. `loop` names the caller. */
  schedule?: (fn: () => void, ms: number, loop: 'push' | 'pull') => () => void;
  backoff?: BackoffPolicy;
  /** Long-poll wait once caught up. */
  pullWaitMs?: number;
  pullLimit?: number;
  pushLimit?: number;
  /** Pause before asking again after an empty answer (a host that does not long-poll). */
  idlePullMs?: number;
  /** How many notice and ledger numbers to hold ahead (numberLeases.ts; a field laptop more). */
  leasePlan?: readonly LeasePlanEntry[];
}

export type Schedule = NonNullable<SyncEngineOptions['schedule']>;

export const defaultSchedule: Schedule = (fn, ms) => {
  const t = setTimeout(fn, ms);
  return () => clearTimeout(t);
};

/**
 * A thrown failure (hall.session) as a HallError: the host throws HostError code 'hall' whose
 * message starts with the hall's code ('station_blocked: …'); anything else counts as unreachable.
 */
export const errorOf = (e: unknown): HallError => {
  const err = e as { code?: unknown; message?: unknown } | null;
  const message = typeof err?.message === 'string' ? err.message : String(e);
  const code = err?.code === 'hall' ? message.split(':')[0]!.trim() : err?.code;
  return typeof code === 'string' && code !== 'hall' && /^[a-z_]+$/.test(code)
    ? { code: code as HallError['code'], message }
    : { code: 'unreachable', message };
};
