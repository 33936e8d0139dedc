// Hall-wide numbers in SQL (PostgreSQL or PGlite, same statements). One transaction per
// allocation: look the request key up; lock the series row (created on first use) FOR UPDATE;
// look the key up again (a request with the same key may have committed while this one waited);
// take last_seq + 1 and record the allocation. The series row is held until commit, so two
// allocations of one series never interleave, and one that rolls back (a killed server, a lost
// connection) leaves last_seq where it was: no hole. Lock order when combined with a push:
// chain → series → hall.
import type { AllocateCertificateRequest } from '../protocol';
import { certificateSeriesId } from '../protocol';
import { replayOf, type Allocation, type AllocateResult, type NumberStore } from '../core/numbers';
import type { Db, Sql } from './sql';

interface AllocationRow {
  series_id: string;
  seq: number;
  request_key: string;
  station_code: string;
  case_id: string;
  status: Allocation['status'];
  allocated_at: Date | string;
}

const rowOf = (r: AllocationRow): Allocation => ({
  seriesId: r.series_id,
  seq: Number(r.seq),
  requestKey: r.request_key,
  stationCode: r.station_code,
  caseId: r.case_id,
  status: r.status,
  allocatedAt: new Date(r.allocated_at).toISOString(),
});

const BY_KEY = `SELECT series_id, seq, request_key, station_code, case_id, status, allocated_at
  FROM allocations WHERE request_key = $1`;

export interface SqlNumbersOptions {
  /** Tests only: runs inside the allocation's transaction, after the series row is locked. */
  afterLock?: (sql: Sql) => Promise<void>;
}

export class SqlNumbers implements NumberStore {
  constructor(
    readonly db: Db,
    private readonly opts: SqlNumbersOptions = {},
  ) {}

  async allocateCertificate(
    stationCode: string,
    req: AllocateCertificateRequest,
  ): Promise<AllocateResult> {
    try {
      return await this.once(stationCode, req);
    } catch (e) {
      // The same key committed in another series meanwhile (its own lock): read it back.
      if ((e as { code?: string }).code !== '23505') throw e;
      const [held] = await this.db.query<AllocationRow>(BY_KEY, [req.requestKey]);
      if (!held) throw e;
      return replayOf(rowOf(held), stationCode, req);
    }
  }

  private once(stationCode: string, req: AllocateCertificateRequest): Promise<AllocateResult> {
    const seriesId = certificateSeriesId(req.certType, req.year);
    return this.db.tx(async (sql) => {
      const [early] = await sql.query<AllocationRow>(BY_KEY, [req.requestKey]);
      if (early) return replayOf(rowOf(early), stationCode, req);
      await sql.query(
        `INSERT INTO series (series_id, kind, cert_type, year) VALUES ($1, 'certificate', $2, $3)
         ON CONFLICT (series_id) DO NOTHING`,
        [seriesId, req.certType, req.year],
      );
      await sql.query('SELECT last_seq FROM series WHERE series_id = $1 FOR UPDATE', [seriesId]);
      await this.opts.afterLock?.(sql);
      // Read committed: this statement sees what committed while the lock was awaited.
      const [late] = await sql.query<AllocationRow>(BY_KEY, [req.requestKey]);
      if (late) return replayOf(rowOf(late), stationCode, req);
      const [row] = await sql.query<AllocationRow>(
        `WITH s AS (UPDATE series SET last_seq = last_seq + 1 WHERE series_id = $1
                    RETURNING last_seq)
         INSERT INTO allocations (series_id, seq, request_key, station_code, case_id)
         SELECT $1, s.last_seq, $2, $3, $4 FROM s
         RETURNING series_id, seq, request_key, station_code, case_id, status, allocated_at`,
        [seriesId, req.requestKey, stationCode, req.caseId],
      );
      if (!row) throw new Error(`series ${seriesId}: no row`);
      return { ok: true as const, allocation: rowOf(row), replayed: false };
    });
  }
}
