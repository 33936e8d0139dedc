// Hall-wide numbers (SYNC.md principle 5): certificate numbers are allocated by the hall at
// issuance, gapless for the bureau per (certificate type, year) and idempotent by the station's
// request key. Two implementations of the store: SQL (server/db/numbers.ts, the series row locked
// FOR UPDATE) and in memory (here, for the station's tests and the simulation).
import { certificateSeriesId, type AllocateCertificateRequest } from '../protocol';

/** One allocation as the hall keeps it. */
export interface Allocation {
  seriesId: string;
  seq: number;
  requestKey: string;
  stationCode: string;
  caseId: string;
  status: 'reserved' | 'used' | 'voided';
  allocatedAt: string;
}

export type AllocateResult =
  | { ok: true; allocation: Allocation; replayed: boolean }
  | { ok: false; code: 'request_key_reused'; message: string };

export interface NumberStore {
  /**
   * The allocation held under `requestKey`, or a new one: the series' next seq, recorded under
   * the key in the same transaction. Never two allocations for one key, never a hole.
   */
  allocateCertificate(
    stationCode: string,
    req: AllocateCertificateRequest,
  ): Promise<AllocateResult>;
}

/**
 * A held allocation answers a request with the same key only when it is the same request: the
 * same series, case and station. Anything else is a bug or a copied disk, refused.
 */
export function replayOf(
  held: Allocation,
  stationCode: string,
  req: AllocateCertificateRequest,
): AllocateResult {
  const same =
    held.seriesId === certificateSeriesId(req.certType, req.year) &&
    held.caseId === req.caseId &&
    held.stationCode === stationCode;
  if (!same) {
    return {
      ok: false,
      code: 'request_key_reused',
      message: 'this request key was used for another series, case or station',
    };
  }
  return { ok: true, allocation: held, replayed: true };
}

/** In memory: one map per series; JavaScript's single thread is the lock. */
export class MemoryNumbers implements NumberStore {
  readonly series = new Map<string, number>();
  readonly byKey = new Map<string, Allocation>();
  now: () => Date = () => new Date();

  async allocateCertificate(stationCode: string, req: AllocateCertificateRequest) {
    const held = this.byKey.get(req.requestKey);
    if (held) return replayOf(held, stationCode, req);
    const seriesId = certificateSeriesId(req.certType, req.year);
    const seq = (this.series.get(seriesId) ?? 0) + 1;
    this.series.set(seriesId, seq);
    const allocation: Allocation = {
      seriesId,
      seq,
      requestKey: req.requestKey,
      stationCode,
      caseId: req.caseId,
      status: 'reserved',
      allocatedAt: this.now().toISOString(),
    };
    this.byKey.set(req.requestKey, allocation);
    return { ok: true as const, allocation, replayed: false };
  }

  /** Every allocation of a series, by seq. */
  allocations(seriesId: string): Allocation[] {
    return [...this.byKey.values()]
      .filter((a) => a.seriesId === seriesId)
      .sort((a, b) => a.seq - b.seq);
  }
}
