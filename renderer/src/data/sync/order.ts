// The hall order of a station's view (SYNC.md): the events the hall confirmed, by gseq, then this
// station's own pending ones in the order it wrote them. On a station that never synced no event
// has a gseq, and this is the local log order.
import type { StoredEvent } from '../eventTypes';

export function hallOrder(a: StoredEvent, b: StoredEvent): number {
  if (a.gseq !== undefined && b.gseq !== undefined) return a.gseq - b.gseq;
  if (a.gseq !== undefined) return -1;
  if (b.gseq !== undefined) return 1;
  return (a.pos ?? 0) - (b.pos ?? 0);
}
