// Dispatch benchmark: filled in when the dispatcher lands (returns null until then, and the
// runner prints that it was not measured rather than a made-up figure).
import type { OneWindowDb } from '../../renderer/src/data/db';

type Sampler = (
  n: number,
  fn: (i: number) => Promise<unknown>,
) => Promise<{ p50: number; p95: number }>;

export async function benchDispatch(
  _db: OneWindowDb,
  _n: number,
  _sample: Sampler,
): Promise<{ p50: number; p95: number } | null> {
  return null;
}
