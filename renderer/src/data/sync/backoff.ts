// Retry delays for a hall that does not answer: exponential with a cap and jitter (the jitter
// comes from the caller's random source, so a simulation replays exactly).
export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1000, capMs: 60_000 };

/** Delay before retry number `attempt` (1 = the first retry): base·2^(n−1), capped, ±20 %. */
export function backoffDelay(
  attempt: number,
  random: () => number,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
): number {
  const raw = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, Math.min(attempt - 1, 30)));
  const jittered = raw * (0.8 + 0.4 * random());
  return Math.round(Math.min(policy.capMs, jittered));
}
