// The restore state in SQL (PostgreSQL or PGlite). Opening raises each certificate series to the
// highest hall number the refilled events carry and records those numbers as used allocations
// (`restored:<event id>`), so a number issued after the dump is never handed out again and the
// register shows no hole where the dump ended.
import type { RestoreState, RestoreStore, StationProgress } from '../core/restore';
import { LEDGER_CREATES, numberUsesOf } from '../protocol/leases';
import type { HeldLease } from '../protocol/restore';
import type { Db, Sql } from './sql';

const SERIES_KIND: Record<string, string> = {
  cert: 'certificate',
  doc: 'document',
  ledger: 'ledger',
};

/** Events that record a leased notice or ledger number (server/protocol/leases.ts numberUsesOf). */
const LEASED_USES = `SELECT event_id, stream_id, chain_id, type, event::jsonb -> 'payload' AS p
  FROM events WHERE gseq > $1 AND type = ANY($2::text[])`;
const LEASED_USE_TYPES = ['documentNumberAllocated', ...LEDGER_CREATES];

/** A series made if missing and raised to at least `last` (the lock taken FOR UPDATE). */
async function raiseSeries(sql: Sql, seriesId: string, last: number): Promise<void> {
  const [prefix, type, year] = seriesId.split(':') as [string, string, string];
  await sql.query(
    `INSERT INTO series (series_id, kind, cert_type, year, last_seq) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (series_id) DO UPDATE SET last_seq = GREATEST(series.last_seq, EXCLUDED.last_seq)`,
    [seriesId, SERIES_KIND[prefix], type, Number(year), last],
  );
}

/**
 * The leased blocks a station told at its refill check-in, taken in again by a hall restored from
 * a dump older than the lease: the lease row, one `leased` allocation per number not held yet,
 * and the series raised past the block — so the hall never leases those numbers a second time,
 * and the station keeps its block (its return check finds it listed as leased to it).
 */
export async function restoreHeldLeases(
  db: Db,
  stationCode: string,
  held: readonly HeldLease[],
): Promise<number> {
  let taken = 0;
  await db.tx(async (sql) => {
    for (const h of held) {
      for (const b of h.blocks) {
        await raiseSeries(sql, h.seriesId, b.last);
        await sql.query(
          `INSERT INTO leases (lease_key, series_id, station_code, first_seq, last_seq)
           VALUES ($1, $2, $3, $4, $5) ON CONFLICT (lease_key) DO NOTHING`,
          [b.leaseKey, h.seriesId, stationCode, b.first, b.last],
        );
        const rows = await sql.query(
          `INSERT INTO allocations (series_id, seq, station_code, status, lease_key)
           SELECT $1, g, $2, 'leased', $3 FROM generate_series($4::int, $5::int) AS g
           WHERE EXISTS (SELECT 1 FROM leases WHERE lease_key = $3 AND station_code = $2)
           ON CONFLICT (series_id, seq) DO NOTHING RETURNING seq`,
          [h.seriesId, stationCode, b.leaseKey, b.first, b.last],
        );
        taken += rows.length;
      }
    }
  });
  return taken;
}

interface StateRow {
  restoring: boolean;
  began_at: Date | string | null;
  began_how: RestoreState['beganHow'];
  from_gseq: number | null;
  opened_at: Date | string | null;
  opened_how: RestoreState['openedHow'];
  opened_gseq: number | null;
  missing: string[] | null;
}

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

/** Certificate numbers in the refilled events: type, year (from the number), seq, case, station. */
const ISSUED = `SELECT event_id, stream_id, chain_id, event::jsonb -> 'payload' AS p
  FROM events WHERE gseq > $1 AND type = 'certificateIssued'`;

export class SqlRestore implements RestoreStore {
  constructor(private readonly db: Db) {}

  async state(): Promise<RestoreState> {
    const [r] = await this.db.query<StateRow>('SELECT * FROM restore_state');
    return {
      restoring: r?.restoring ?? false,
      beganAt: iso(r?.began_at ?? null),
      beganHow: r?.began_how ?? null,
      fromGseq: r?.from_gseq ?? null,
      openedAt: iso(r?.opened_at ?? null),
      openedHow: r?.opened_how ?? null,
      openedGseq: r?.opened_gseq ?? null,
      missing: r?.missing ?? [],
    };
  }

  async begin(how: 'admin' | 'detected', lastGseq: number, at: Date): Promise<boolean> {
    return this.db.tx(async (sql) => {
      const [r] = await sql.query<{ restoring: boolean }>(
        'SELECT restoring FROM restore_state FOR UPDATE',
      );
      if (r?.restoring) return false;
      await sql.query('DELETE FROM restore_checkins');
      await sql.query(
        `UPDATE restore_state SET restoring = true, began_at = $1, began_how = $2, from_gseq = $3,
           opened_at = NULL, opened_how = NULL, opened_gseq = NULL, missing = '{}'`,
        [at, how, lastGseq],
      );
      return true;
    });
  }

  async checkIn(code: string, holds: number, refilled: number, at: Date): Promise<void> {
    await this.db.query(
      `INSERT INTO restore_checkins (station_code, checked_in_at, holds, refilled)
       VALUES ($1, $2, $3, $4) ON CONFLICT (station_code) DO UPDATE SET
         checked_in_at = $2, holds = $3, refilled = restore_checkins.refilled + $4`,
      [code, at, holds, refilled],
    );
  }

  async progress(): Promise<StationProgress[]> {
    const rows = await this.db.query<{
      code: string;
      label: string;
      checked_in_at: Date | string | null;
      holds: number | null;
      refilled: number | null;
    }>(
      `SELECT s.code, s.label, c.checked_in_at, c.holds, c.refilled FROM stations s
       LEFT JOIN restore_checkins c ON c.station_code = s.code
       WHERE s.status = 'active' ORDER BY s.code`,
    );
    return rows.map((r) => ({
      code: r.code,
      label: r.label,
      checkedInAt: iso(r.checked_in_at),
      holds: r.holds === null ? null : Number(r.holds),
      refilled: Number(r.refilled ?? 0),
    }));
  }

  async open(how: 'refilled' | 'forced', lastGseq: number, missing: string[], at: Date) {
    await this.db.tx(async (sql) => {
      const [s] = await sql.query<{ from_gseq: number | null; restoring: boolean }>(
        'SELECT from_gseq, restoring FROM restore_state FOR UPDATE',
      );
      if (!s?.restoring) return;
      const issued = await sql.query<{
        event_id: string;
        stream_id: string;
        chain_id: string;
        p: { certificateType?: string; number?: string; seq?: number | null; external?: boolean };
      }>(ISSUED, [s.from_gseq ?? 0]);
      for (const e of issued) {
        const year = /(\d{4})\d{5}号$/.exec(e.p.number ?? '')?.[1];
        if (e.p.external || typeof e.p.seq !== 'number' || !e.p.certificateType || !year) continue;
        const seriesId = `cert:${e.p.certificateType}:${year}`;
        await sql.query(
          `INSERT INTO series (series_id, kind, cert_type, year, last_seq)
           VALUES ($1, 'certificate', $2, $3, $4) ON CONFLICT (series_id) DO UPDATE
           SET last_seq = GREATEST(series.last_seq, EXCLUDED.last_seq)`,
          [seriesId, e.p.certificateType, Number(year), e.p.seq],
        );
        await sql.query(
          `INSERT INTO allocations (series_id, seq, request_key, station_code, case_id, status)
           SELECT $1, $2, $3, station_code, $4, 'used' FROM chains WHERE chain_id = $5
           ON CONFLICT DO NOTHING`,
          [
            seriesId,
            e.p.seq,
            `restored:${e.event_id}`,
            e.stream_id.replace(/^case:/, ''),
            e.chain_id,
          ],
        );
      }
      // Notice and ledger numbers the refilled events used: the series raised past them, each
      // marked used (a leased row taken in again at a check-in, or a new row).
      const leased = await sql.query<{
        event_id: string;
        stream_id: string;
        chain_id: string;
        type: string;
        p: Record<string, unknown>;
      }>(LEASED_USES, [s.from_gseq ?? 0, LEASED_USE_TYPES]);
      for (const e of leased) {
        for (const u of numberUsesOf({
          id: e.event_id,
          type: e.type,
          streamId: e.stream_id,
          payload: e.p,
        })) {
          if (u.seriesId.startsWith('cert:')) continue;
          await raiseSeries(sql, u.seriesId, u.seq);
          await sql.query(
            `INSERT INTO allocations (series_id, seq, station_code, case_id, status, used_event_id,
               used_ref, used_at)
             SELECT $1, $2, station_code, $3, 'used', $4, $5, now() FROM chains WHERE chain_id = $6
             ON CONFLICT (series_id, seq) DO UPDATE SET status = 'used',
               used_event_id = EXCLUDED.used_event_id, used_ref = EXCLUDED.used_ref,
               used_at = EXCLUDED.used_at, case_id = EXCLUDED.case_id
             WHERE allocations.status IN ('reserved', 'leased')`,
            [u.seriesId, u.seq, u.caseId, u.eventId, u.usedRef, e.chain_id],
          );
        }
      }
      await sql.query(
        `UPDATE restore_state SET restoring = false, opened_at = $1, opened_how = $2,
           opened_gseq = $3, missing = $4`,
        [at, how, lastGseq, missing],
      );
    });
  }

  async settleLate(code: string): Promise<void> {
    await this.db.query('UPDATE restore_state SET missing = array_remove(missing, $1)', [code]);
  }
}
