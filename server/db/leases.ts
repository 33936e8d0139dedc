// Leased blocks and the register in SQL (PostgreSQL or PGlite, same statements). A lease is one
// transaction like a certificate allocation (server/db/numbers.ts): the key looked up; the series
// row made on first use and locked FOR UPDATE; the key looked up again; `last_seq + count`, the
// lease row and one allocation row per number ('leased'); commit. Two stations asking at once
// wait for each other on the series row and get disjoint blocks; a transaction that dies rolls
// back `last_seq` with it. Marking used (the push) and voiding update allocation rows only.
import {
  leaseSeriesId,
  type HeldResponse,
  type LeaseRequest,
  type NumberUse,
  type RegisterClash,
  type RegisterEntry,
  type RegisterSeries,
  type VoidReason,
} from '../protocol';
import type { UsesOutcome } from '../core/numberUses';
import { recordNumberUses } from './numberUses';
import type { Db, Sql } from './sql';

interface LeaseRow {
  lease_key: string;
  series_id: string;
  station_code: string;
  first_seq: number;
  last_seq: number;
}

export type LeaseResult =
  | {
      ok: true;
      lease: { leaseKey: string; seriesId: string; first: number; last: number };
      replayed: boolean;
    }
  | { ok: false; code: 'request_key_reused'; message: string };

const BY_KEY = `SELECT lease_key, series_id, station_code, first_seq, last_seq FROM leases
  WHERE lease_key = $1`;

function replay(row: LeaseRow, stationCode: string, req: LeaseRequest): LeaseResult {
  const same =
    row.series_id === leaseSeriesId(req.kind, req.type, req.year) &&
    row.station_code === stationCode &&
    row.last_seq - row.first_seq + 1 === req.count;
  if (!same) {
    return {
      ok: false,
      code: 'request_key_reused',
      message: 'this lease key was used for another series, size or station',
    };
  }
  return {
    ok: true,
    replayed: true,
    lease: {
      leaseKey: row.lease_key,
      seriesId: row.series_id,
      first: Number(row.first_seq),
      last: Number(row.last_seq),
    },
  };
}

export interface VoidInput {
  numbers: readonly { seriesId: string; seq: number }[];
  requestKeys: readonly string[];
  reason: VoidReason;
  by: string;
  note?: string;
}

export class SqlLeases {
  constructor(
    readonly db: Db,
    private readonly opts: { afterLock?: (sql: Sql) => Promise<void> } = {},
  ) {}

  async lease(stationCode: string, req: LeaseRequest): Promise<LeaseResult> {
    try {
      return await this.once(stationCode, req);
    } catch (e) {
      // The same key committed meanwhile on another series' lock: read it back.
      if ((e as { code?: string }).code !== '23505') throw e;
      const [held] = await this.db.query<LeaseRow>(BY_KEY, [req.leaseKey]);
      if (!held) throw e;
      return replay(held, stationCode, req);
    }
  }

  private once(stationCode: string, req: LeaseRequest): Promise<LeaseResult> {
    const seriesId = leaseSeriesId(req.kind, req.type, req.year);
    return this.db.tx(async (sql) => {
      const [early] = await sql.query<LeaseRow>(BY_KEY, [req.leaseKey]);
      if (early) return replay(early, stationCode, req);
      await sql.query(
        `INSERT INTO series (series_id, kind, cert_type, year) VALUES ($1, $2, $3, $4)
         ON CONFLICT (series_id) DO NOTHING`,
        [seriesId, req.kind, req.type, req.year],
      );
      await sql.query('SELECT last_seq FROM series WHERE series_id = $1 FOR UPDATE', [seriesId]);
      await this.opts.afterLock?.(sql);
      const [late] = await sql.query<LeaseRow>(BY_KEY, [req.leaseKey]);
      if (late) return replay(late, stationCode, req);
      const [s] = await sql.query<{ last_seq: number }>(
        'UPDATE series SET last_seq = last_seq + $2 WHERE series_id = $1 RETURNING last_seq',
        [seriesId, req.count],
      );
      const last = Number(s?.last_seq);
      const first = last - req.count + 1;
      await sql.query(
        `INSERT INTO leases (lease_key, series_id, station_code, first_seq, last_seq)
         VALUES ($1, $2, $3, $4, $5)`,
        [req.leaseKey, seriesId, stationCode, first, last],
      );
      await sql.query(
        `INSERT INTO allocations (series_id, seq, station_code, status, lease_key)
         SELECT $1, g, $2, 'leased', $3 FROM generate_series($4::int, $5::int) AS g`,
        [seriesId, stationCode, req.leaseKey, first, last],
      );
      return {
        ok: true as const,
        replayed: false,
        lease: { leaseKey: req.leaseKey, seriesId, first, last },
      };
    });
  }

  /**
   * An island's claim of the numbers its own events record (POST /v1/numbers/claim, at the join
   * check, before its first push): the push's take-in (server/db/numberUses.ts) in a transaction
   * of its own, under the series' locks. Claiming again changes nothing.
   */
  async claim(stationCode: string, uses: readonly NumberUse[]): Promise<UsesOutcome> {
    return this.db.tx((sql) => recordNumberUses(sql, stationCode, uses));
  }

  /** This station's open numbers (leased, reserved), by series and seq. */
  async held(stationCode: string): Promise<HeldResponse['numbers']> {
    const rows = await this.db.query<{
      series_id: string;
      seq: number;
      status: 'reserved' | 'leased';
      lease_key: string | null;
      request_key: string | null;
    }>(
      `SELECT series_id, seq, status, lease_key, request_key FROM allocations
       WHERE station_code = $1 AND status IN ('reserved', 'leased') ORDER BY series_id, seq`,
      [stationCode],
    );
    return rows.map((r) => ({
      seriesId: r.series_id,
      seq: Number(r.seq),
      status: r.status,
      leaseKey: r.lease_key,
      requestKey: r.request_key,
    }));
  }

  /**
   * Voids open numbers of this station (or of any station, `stationCode` null: the
   * administrator): by series and seq, a certificate allocation by its request key, a leased
   * block by its lease key (a past year's attempt whose answer never reached the station). Returns how many were voided; used or already voided ones stay as they are.
   */
  async void(stationCode: string | null, v: VoidInput): Promise<number> {
    const why = v.note ? `${v.reason}: ${v.note}` : v.reason;
    const rows = await this.db.query<{ seq: number }>(
      `UPDATE allocations a SET status = 'voided', void_reason = $4, voided_by = $5,
         voided_at = now()
       WHERE a.status IN ('reserved', 'leased') AND ($1::text IS NULL OR a.station_code = $1)
         AND ((a.series_id, a.seq) IN (SELECT * FROM unnest($2::text[], $3::int[]))
              OR a.request_key = ANY($6::text[]) OR a.lease_key = ANY($6::text[]))
       RETURNING a.seq`,
      [
        stationCode,
        v.numbers.map((n) => n.seriesId),
        v.numbers.map((n) => n.seq),
        why,
        v.by,
        [...v.requestKeys],
      ],
    );
    return rows.length;
  }

  /** Every open number of a station voided at once (a retired station). */
  async voidStation(stationCode: string, reason: VoidReason, by: string): Promise<number> {
    const rows = await this.db.query(
      `UPDATE allocations SET status = 'voided', void_reason = $2, voided_by = $3,
         voided_at = now()
       WHERE station_code = $1 AND status IN ('reserved', 'leased') RETURNING seq`,
      [stationCode, reason, by],
    );
    return rows.length;
  }

  /** The register: every series (with its counts and missing seqs), and one series' entries. */
  async register(
    seriesId?: string,
  ): Promise<{ series: RegisterSeries[]; entries: RegisterEntry[]; clashes: RegisterClash[] }> {
    const series = await this.db.query<{
      series_id: string;
      kind: string;
      last_seq: number;
      reserved: string;
      leased: string;
      used: string;
      voided: string;
      rows: string;
      clashes: string;
    }>(
      `SELECT s.series_id, s.kind, s.last_seq,
         (SELECT count(*) FROM number_clashes c WHERE c.series_id = s.series_id) AS clashes,
         count(*) FILTER (WHERE a.status = 'reserved') AS reserved,
         count(*) FILTER (WHERE a.status = 'leased') AS leased,
         count(*) FILTER (WHERE a.status = 'used') AS used,
         count(*) FILTER (WHERE a.status = 'voided') AS voided,
         count(a.seq) AS rows
       FROM series s LEFT JOIN allocations a ON a.series_id = s.series_id
       WHERE ($1::text IS NULL OR s.series_id = $1)
       GROUP BY s.series_id, s.kind, s.last_seq ORDER BY s.series_id`,
      [seriesId ?? null],
    );
    const out: RegisterSeries[] = [];
    for (const s of series) {
      const lastSeq = Number(s.last_seq);
      const missing =
        Number(s.rows) === lastSeq
          ? []
          : (
              await this.db.query<{ g: number }>(
                `SELECT g FROM generate_series(1, $2::int) AS g WHERE NOT EXISTS
                   (SELECT 1 FROM allocations WHERE series_id = $1 AND seq = g) ORDER BY g`,
                [s.series_id, lastSeq],
              )
            ).map((r) => Number(r.g));
      out.push({
        seriesId: s.series_id,
        kind: s.kind,
        lastSeq,
        counts: {
          reserved: Number(s.reserved),
          leased: Number(s.leased),
          used: Number(s.used),
          voided: Number(s.voided),
        },
        missing,
        clashes: Number(s.clashes),
      });
    }
    if (!seriesId) return { series: out, entries: [], clashes: [] };
    const rows = await this.db.query<{
      series_id: string;
      seq: number;
      status: RegisterEntry['status'];
      station_code: string;
      case_id: string | null;
      used_ref: string | null;
      used_event_id: string | null;
      void_reason: string | null;
      voided_by: string | null;
      origin: 'hall' | 'island';
      at: Date | string;
    }>(
      `SELECT series_id, seq, status, station_code, case_id, used_ref, used_event_id, void_reason,
         voided_by, origin, COALESCE(voided_at, used_at, allocated_at) AS at
       FROM allocations WHERE series_id = $1 ORDER BY seq`,
      [seriesId],
    );
    return {
      series: out,
      entries: rows.map((r) => ({
        seriesId: r.series_id,
        seq: Number(r.seq),
        status: r.status,
        stationCode: r.station_code,
        caseId: r.case_id,
        usedRef: r.used_ref,
        usedEventId: r.used_event_id,
        voidReason: r.void_reason,
        voidedBy: r.voided_by,
        at: new Date(r.at).toISOString(),
        origin: r.origin,
      })),
      clashes: await this.clashes(seriesId),
    };
  }

  /** The clashes recorded in a series, by seq. */
  private async clashes(seriesId: string): Promise<RegisterClash[]> {
    const rows = await this.db.query<{
      series_id: string;
      seq: number;
      station_code: string;
      event_id: string;
      used_ref: string;
      case_id: string | null;
      other_station: string;
      other_status: string;
      other_ref: string | null;
      recorded_at: Date | string;
    }>(
      `SELECT series_id, seq, station_code, event_id, used_ref, case_id, other_station,
         other_status, other_ref, recorded_at
       FROM number_clashes WHERE series_id = $1 ORDER BY seq, recorded_at, event_id`,
      [seriesId],
    );
    return rows.map((r) => ({
      seriesId: r.series_id,
      seq: Number(r.seq),
      stationCode: r.station_code,
      eventId: r.event_id,
      usedRef: r.used_ref,
      caseId: r.case_id,
      otherStation: r.other_station,
      otherStatus: r.other_status,
      otherRef: r.other_ref,
      at: new Date(r.recorded_at).toISOString(),
    }));
  }
}
