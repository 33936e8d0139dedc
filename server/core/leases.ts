// Leased blocks in memory (the station's tests and the simulation): the same answers as
// server/db/leases.ts — idempotent by lease key, disjoint blocks, voiding only a station's own
// open numbers — over the certificate allocations of a MemoryNumbers beside it.
import { leaseSeriesId, type HeldResponse, type LeaseRequest, type NumberUse } from '../protocol';
import type { LeaseResult, VoidInput } from '../db/leases';
import {
  ISLAND_GAP,
  placeUse,
  planIslandUses,
  type PlacedUse,
  type UseRow,
  type UsesOutcome,
} from './numberUses';
import type { MemoryNumbers } from './numbers';

interface Row {
  seriesId: string;
  seq: number;
  stationCode: string;
  status: 'leased' | 'used' | 'voided';
  /** Null for a number taken in from an island (server/core/numberUses.ts). */
  leaseKey: string | null;
  voidReason?: string;
  voidedBy?: string;
  usedEventId?: string;
  usedRef?: string;
  caseId?: string | null;
  origin?: 'hall' | 'island';
}

/** A clash as server/db/numberUses.ts records it in `number_clashes`. */
export interface MemoryClash {
  seriesId: string;
  seq: number;
  stationCode: string;
  eventId: string;
  otherStation: string;
  otherStatus: string;
}

export class MemoryLeases {
  readonly leases = new Map<
    string,
    { seriesId: string; stationCode: string; first: number; last: number }
  >();
  readonly rows = new Map<string, Row>();
  /** Numbers recorded as issued twice, once per event. */
  readonly clashes: MemoryClash[] = [];
  /** The event that used each certificate allocation, by request key. */
  readonly certUses = new Map<string, { eventId: string; usedRef: string }>();

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
    const keys = new Set(v.requestKeys);
    const rows = [
      ...v.numbers.map((x) => this.rows.get(`${x.seriesId}#${x.seq}`)),
      ...[...this.rows.values()].filter((r) => r.leaseKey !== null && keys.has(r.leaseKey)),
    ];
    let n = 0;
    for (const r of new Set(rows)) {
      if (!r || r.stationCode !== stationCode || r.status !== 'leased') continue;
      Object.assign(r, { status: 'voided', voidReason: v.reason, voidedBy: v.by });
      n++;
    }
    return n;
  }

  /** The register's row of a seq: a leased or taken-in number, or a certificate allocation. */
  rowAt(seriesId: string, seq: number): UseRow | undefined {
    const r = this.rows.get(`${seriesId}#${seq}`);
    if (r) {
      return {
        stationCode: r.stationCode,
        status: r.status,
        caseId: r.caseId ?? null,
        usedEventId: r.usedEventId ?? null,
        usedRef: r.usedRef ?? null,
        voidReason: r.voidReason ?? null,
      };
    }
    const a = this.numbers.allocations(seriesId).find((x) => x.seq === seq);
    if (!a) return undefined;
    const use = this.certUses.get(a.requestKey);
    return {
      stationCode: a.stationCode,
      status: use ? 'used' : a.status,
      caseId: a.caseId,
      usedEventId: use?.eventId ?? null,
      usedRef: use?.usedRef ?? null,
      voidReason: null,
    };
  }

  /**
   * A push's fresh events reached the hall: what they record is used — this station's own open
   * numbers, then an island's own numbers taken in, passed-over ones used, clashes recorded
   * (server/core/numberUses.ts), exactly as server/db/numberUses.ts does in SQL.
   */
  recordUses(stationCode: string, uses: readonly NumberUse[]): UsesOutcome {
    const out: UsesOutcome = { own: 0, taken: 0, marked: 0, clashes: 0 };
    const rest: PlacedUse[] = [];
    for (const u of uses) {
      if (u.seriesId.endsWith(':*')) {
        const base = u.seriesId.slice(0, -1);
        const a = [...this.numbers.byKey.values()].find(
          (x) =>
            x.seriesId.startsWith(base) &&
            x.seq === u.seq &&
            x.stationCode === stationCode &&
            x.caseId === u.caseId &&
            x.status === 'reserved' &&
            !this.certUses.has(x.requestKey),
        );
        if (a) {
          this.certUses.set(a.requestKey, { eventId: u.eventId, usedRef: u.usedRef });
          out.own++;
          continue;
        }
      } else {
        const r = this.rows.get(`${u.seriesId}#${u.seq}`);
        if (r && r.stationCode === stationCode && r.status === 'leased') {
          Object.assign(r, { status: 'used', usedEventId: u.eventId, usedRef: u.usedRef });
          out.own++;
          continue;
        }
      }
      const placed = placeUse(u);
      if (placed) rest.push(placed);
    }
    if (rest.length === 0) return out;
    const plan = planIslandUses(
      stationCode,
      rest,
      (s, q) => this.rowAt(s, q),
      (s) => this.numbers.series.get(s) ?? 0,
    );
    Object.assign(out, {
      taken: plan.take.length,
      marked: plan.mark.length,
      clashes: plan.clashes.length,
    });
    for (const [id, seq] of plan.raise) this.numbers.series.set(id, seq);
    for (const g of plan.gaps) {
      for (let seq = g.from; seq <= g.to; seq++) {
        this.rows.set(`${g.seriesId}#${seq}`, {
          seriesId: g.seriesId,
          seq,
          stationCode,
          status: 'voided',
          leaseKey: null,
          voidReason: `${ISLAND_GAP}: ${g.note}`,
          voidedBy: 'hall',
          origin: 'island',
        });
      }
    }
    for (const u of [...plan.take, ...plan.mark]) {
      const key = `${u.seriesId}#${u.seq}`;
      const cert = this.numbers.allocations(u.seriesId).find((x) => x.seq === u.seq);
      if (cert && !this.rows.has(key)) {
        this.certUses.set(cert.requestKey, { eventId: u.eventId, usedRef: u.usedRef });
        continue;
      }
      const was = this.rows.get(key);
      this.rows.set(key, {
        seriesId: u.seriesId,
        seq: u.seq,
        stationCode,
        status: 'used',
        leaseKey: was?.leaseKey ?? null,
        usedEventId: u.eventId,
        usedRef: u.usedRef,
        caseId: u.caseId,
        origin: was?.origin ?? 'island',
      });
    }
    for (const c of plan.clashes) {
      const u = c.use;
      if (this.clashes.some((x) => x.eventId === u.eventId && x.seriesId === u.seriesId)) continue;
      this.clashes.push({
        seriesId: u.seriesId,
        seq: u.seq,
        stationCode,
        eventId: u.eventId,
        otherStation: c.other.stationCode,
        otherStatus: c.other.status,
      });
    }
    return out;
  }

  /** POST /v1/numbers/claim: an island's own numbers, before its first push (the same rules). */
  async claim(stationCode: string, uses: readonly NumberUse[]): Promise<UsesOutcome> {
    return this.recordUses(stationCode, uses);
  }
}
