// Leased blocks in memory (the station's tests and the simulation): the same answers as
// server/db/leases.ts — idempotent by lease key, disjoint blocks, voiding only a station's own
// open numbers — over the certificate allocations of a MemoryNumbers beside it.
import { leaseSeriesId, type HeldResponse, type LeaseRequest } from '../protocol';
import type { LeaseResult, VoidInput } from '../db/leases';
import type { MemoryNumbers } from './numbers';

interface Row {
  seriesId: string;
  seq: number;
  stationCode: string;
  status: 'leased' | 'used' | 'voided';
  leaseKey: string;
  voidReason?: string;
  voidedBy?: string;
}

export class MemoryLeases {
  readonly leases = new Map<
    string,
    { seriesId: string; stationCode: string; first: number; last: number }
  >();
  readonly rows = new Map<string, Row>();

  /** Series are shared with the certificate store's counters (one map of last seqs). */
  constructor(readonly numbers: MemoryNumbers) {}

  async lease(stationCode: string, req: LeaseRequest): Promise<LeaseResult> {
    const seriesId = leaseSeriesId(req.kind, req.type, req.year);
    const held = this.leases.get(req.leaseKey);
    if (held) {
      if (
        held.seriesId !== seriesId ||
        held.stationCode !== stationCode ||
        held.last - held.first + 1 !== req.count
      ) {
        return { ok: false, code: 'request_key_reused', message: 'lease key reused' };
      }
      return {
        ok: true,
        replayed: true,
        lease: { leaseKey: req.leaseKey, seriesId, first: held.first, last: held.last },
      };
    }
    const first = (this.numbers.series.get(seriesId) ?? 0) + 1;
    const last = first + req.count - 1;
    this.numbers.series.set(seriesId, last);
    this.leases.set(req.leaseKey, { seriesId, stationCode, first, last });
    for (let seq = first; seq <= last; seq++) {
      this.rows.set(`${seriesId}#${seq}`, {
        seriesId,
        seq,
        stationCode,
        status: 'leased',
        leaseKey: req.leaseKey,
      });
    }
    return {
      ok: true,
      replayed: false,
      lease: { leaseKey: req.leaseKey, seriesId, first, last },
    };
  }

  async held(stationCode: string): Promise<HeldResponse['numbers']> {
    return [...this.rows.values()]
      .filter((r) => r.stationCode === stationCode && r.status === 'leased')
      .map((r) => ({
        seriesId: r.seriesId,
        seq: r.seq,
        status: 'leased' as const,
        leaseKey: r.leaseKey,
        requestKey: null,
      }));
  }

  async void(stationCode: string, v: VoidInput): Promise<number> {
    let n = 0;
    for (const x of v.numbers) {
      const r = this.rows.get(`${x.seriesId}#${x.seq}`);
      if (!r || r.stationCode !== stationCode || r.status !== 'leased') continue;
      Object.assign(r, { status: 'voided', voidReason: v.reason, voidedBy: v.by });
      n++;
    }
    return n;
  }

  /** The station's events reached the hall: what they record is used. */
  markUsed(stationCode: string, seriesId: string, seq: number): void {
    const r = this.rows.get(`${seriesId}#${seq}`);
    if (r && r.stationCode === stationCode && r.status === 'leased') r.status = 'used';
  }
}
