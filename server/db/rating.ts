// The rating device across the hall in SQL (docs/floor.md): one transaction per mutation — lock
// the rating_state row FOR UPDATE, read the window's requests, decide, write with the next rev,
// commit. A new request replaces the window's open one; a submit is taken once (a second answers
// what the first recorded); the requesting station picks the rating up and marks it recorded.
import type { FloorFailure, FloorResult } from '../../renderer/src/domain/floor/types';
import type { RatingRequest } from '../../renderer/src/domain/floor/rating';
import { Notifier } from '../core/notifier';
import type { RatedRequest } from '../protocol/rating';
import type { Db, Sql } from './sql';

/** How long a request waits for the tap (renderer/src/domain/floor/rating.ts, the same). */
const TTL_MS = 3 * 60 * 1000;

interface Row {
  id: string;
  window_code: string;
  case_id: string | null;
  case_number: string | null;
  matter_name: string | null;
  matter_name_en: string | null;
  ticket_number: string | null;
  business: string | null;
  clerk_id: string;
  clerk_name: string;
  ticket_id: string | null;
  status: RatingRequest['status'];
  requested_by: string;
  requested_at: Date;
  expires_at: Date;
  overall: number | null;
  reasons: string[];
  rated_by: string | null;
  rated_at: Date | null;
  recorded_at: Date | null;
}

const iso = (d: Date | string) => new Date(d).toISOString();

export function requestOf(r: Row): RatingRequest {
  return {
    id: r.id,
    window: r.window_code,
    ...(r.case_id !== null ? { caseId: r.case_id } : {}),
    ...(r.case_number !== null ? { caseNumber: r.case_number } : {}),
    ...(r.matter_name !== null ? { matterName: r.matter_name } : {}),
    ...(r.matter_name_en ? { matterNameEn: r.matter_name_en } : {}),
    clerkId: r.clerk_id,
    clerkName: r.clerk_name,
    ...(r.ticket_id ? { ticketId: r.ticket_id } : {}),
    ...(r.ticket_number ? { ticketNumber: r.ticket_number } : {}),
    ...(r.business ? { business: r.business } : {}),
    requestedAt: iso(r.requested_at),
    expiresAt: iso(r.expires_at),
    status: r.status,
    ...(r.rated_at ? { ratedAt: iso(r.rated_at) } : {}),
    ...(r.overall !== null ? { overall: r.overall as RatingRequest['overall'] } : {}),
  };
}

const fail = (code: FloorFailure['code'], message: string): FloorFailure => ({
  ok: false,
  code,
  message,
});

/** A case's request (case id, number, matter) or a ticket's without a case (ticket, number, business). */
export interface RatingInput {
  id: string;
  window: string;
  caseId?: string | undefined;
  caseNumber?: string | undefined;
  matterName?: string | undefined;
  matterNameEn?: string | undefined;
  clerkId: string;
  clerkName: string;
  ticketId?: string | undefined;
  ticketNumber?: string | undefined;
  business?: string | undefined;
}

export class SqlRating {
  private readonly notifier = new Notifier();

  constructor(
    readonly db: Db,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private async rev(sql: Sql = this.db): Promise<number> {
    const [s] = await sql.query<{ rev: string }>('SELECT rev FROM rating_state WHERE id = 1');
    return Number(s?.rev ?? 0);
  }

  /** The window's number in the floor settings (migration 008's floor_state), or null. */
  private async windowNumber(window: string, sql: Sql): Promise<number | null> {
    const [f] = await sql.query<{ settings: { windows?: { id: string; number: number }[] } }>(
      'SELECT settings FROM floor_state WHERE id = 1',
    );
    const n = f?.settings?.windows?.find((w) => w.id === window)?.number;
    return typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : null;
  }

  /** The window's open request (waiting and not run out), or null, with the rev and number. */
  async current(window: string, sql: Sql = this.db) {
    const rev = await this.rev(sql);
    const windowNumber = await this.windowNumber(window, sql);
    const [row] = await sql.query<Row>(
      `SELECT * FROM rating_requests WHERE window_code = $1 AND status = 'waiting' AND expires_at > $2
       ORDER BY requested_at DESC LIMIT 1`,
      [window, this.now()],
    );
    return { rev, window, request: row ? requestOf(row) : null, windowNumber };
  }

  async watch(window: string, after: number, waitMs: number) {
    const first = await this.current(window);
    if (first.rev > after || waitMs <= 0) return first;
    await this.notifier.wait(after, waitMs, () => this.rev());
    return this.current(window);
  }

  private async mutate<T>(
    fn: (sql: Sql, rev: number, now: Date) => Promise<{ value: FloorResult<T>; changed: boolean }>,
  ): Promise<FloorResult<T>> {
    let rev = 0;
    let changed = false;
    const value = await this.db.tx(async (sql) => {
      const [s] = await sql.query<{ rev: string }>(
        'SELECT rev FROM rating_state WHERE id = 1 FOR UPDATE',
      );
      if (!s) throw new Error('rating_state missing: migration 009 not applied');
      rev = Number(s.rev) + 1;
      const out = await fn(sql, rev, this.now());
      changed = out.changed;
      if (changed) await sql.query('UPDATE rating_state SET rev = $1 WHERE id = 1', [rev]);
      return out.value;
    });
    if (changed) this.notifier.publish(rev);
    return value;
  }

  /** A new request for the window; one still waiting there is replaced. A retry (same id) gets it. */
  request(station: string, input: RatingInput): Promise<FloorResult<RatingRequest>> {
    return this.mutate(async (sql, rev, now) => {
      const [held] = await sql.query<Row>('SELECT * FROM rating_requests WHERE id = $1', [
        input.id,
      ]);
      if (held) {
        if (
          held.requested_by !== station ||
          held.case_id !== (input.caseId ?? null) ||
          held.ticket_id !== (input.ticketId ?? null)
        ) {
          return { value: fail('conflict', 'rating_request_id_taken'), changed: false };
        }
        return { value: { ok: true, value: requestOf(held) }, changed: false };
      }
      // One rating per visit: a case (or a ticket without a case) rated at this window in the
      // last 3 minutes is not asked again.
      const [recent] = await sql.query<Row>(
        `SELECT * FROM rating_requests WHERE window_code = $1 AND status = 'rated'
         AND ${input.caseId ? 'case_id = $2' : 'case_id IS NULL AND ticket_id = $2'}
         AND requested_at > $3 ORDER BY requested_at DESC LIMIT 1`,
        [input.window, input.caseId ?? input.ticketId, new Date(now.getTime() - TTL_MS)],
      );
      if (recent) return { value: { ok: true, value: requestOf(recent) }, changed: false };
      await sql.query(
        `UPDATE rating_requests SET status = 'replaced', rev = $2
         WHERE window_code = $1 AND status = 'waiting'`,
        [input.window, rev],
      );
      const [row] = await sql.query<Row>(
        `INSERT INTO rating_requests (id, window_code, case_id, case_number, matter_name,
           matter_name_en, clerk_id, clerk_name, ticket_id, status, requested_by, requested_at,
           expires_at, rev, ticket_number, business)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'waiting', $10, $11, $12, $13, $14, $15)
         RETURNING *`,
        [
          input.id,
          input.window,
          input.caseId ?? null,
          input.caseId ? (input.caseNumber ?? null) : null,
          // A matter missing from the catalogue shows the case number, never a blank.
          input.caseId
            ? (input.matterName ?? '').trim() !== ''
              ? input.matterName
              : input.caseNumber
            : null,
          input.caseId ? (input.matterNameEn ?? null) : null,
          input.clerkId,
          input.clerkName,
          input.ticketId ?? null,
          station,
          now,
          new Date(now.getTime() + TTL_MS),
          rev,
          input.caseId ? null : (input.ticketNumber ?? null),
          input.caseId ? null : (input.business ?? null),
        ],
      );
      return { value: { ok: true, value: requestOf(row!) }, changed: true };
    });
  }

  private static async locked(sql: Sql, id: string, window: string): Promise<Row | null> {
    const [row] = await sql.query<Row>('SELECT * FROM rating_requests WHERE id = $1 FOR UPDATE', [
      id,
    ]);
    // A device never learns of another window's request.
    return row && row.window_code === window ? row : null;
  }

  /**
   * The applicant's tap, from the device of the request's window. Taken once: a second submit
   * (a retry, a double tap) answers what the first recorded and changes nothing.
   */
  submit(
    device: string,
    window: string,
    s: { requestId: string; overall: number; reasons: string[] },
  ): Promise<FloorResult<{ bad: boolean }>> {
    return this.mutate(async (sql, rev, now) => {
      const row = await SqlRating.locked(sql, s.requestId, window);
      if (!row) return { value: fail('not_found', 'rating_request_not_found'), changed: false };
      if (row.status === 'rated') {
        return { value: { ok: true, value: { bad: row.overall! <= 2 } }, changed: false };
      }
      if (row.status !== 'waiting') {
        return { value: fail('conflict', `rating_request_${row.status}`), changed: false };
      }
      if (new Date(row.expires_at).getTime() <= now.getTime()) {
        await sql.query(`UPDATE rating_requests SET status = 'expired', rev = $2 WHERE id = $1`, [
          row.id,
          rev,
        ]);
        return { value: fail('refused', 'rating_request_expired'), changed: true };
      }
      const bad = s.overall <= 2;
      const reasons = bad ? [...new Set(s.reasons)] : [];
      await sql.query(
        `UPDATE rating_requests SET status = 'rated', overall = $2, reasons = $3, rated_by = $4,
           rated_at = $5, rev = $6 WHERE id = $1`,
        [row.id, s.overall, JSON.stringify(reasons), device, now, rev],
      );
      return { value: { ok: true, value: { bad } }, changed: true };
    });
  }

  expire(window: string, requestId: string): Promise<FloorResult<RatingRequest>> {
    return this.mutate(async (sql, rev) => {
      const row = await SqlRating.locked(sql, requestId, window);
      if (!row) return { value: fail('not_found', 'rating_request_not_found'), changed: false };
      if (row.status !== 'waiting') {
        return { value: fail('conflict', `rating_request_${row.status}`), changed: false };
      }
      const [done] = await sql.query<Row>(
        `UPDATE rating_requests SET status = 'expired', rev = $2 WHERE id = $1 RETURNING *`,
        [row.id, rev],
      );
      return { value: { ok: true, value: requestOf(done!) }, changed: true };
    });
  }

  /** The ratings of this station's requests not yet recorded on their cases, oldest first. */
  async rated(station: string): Promise<FloorResult<RatedRequest[]>> {
    const rows = await this.db.query<Row>(
      `SELECT * FROM rating_requests WHERE requested_by = $1 AND status = 'rated'
       AND recorded_at IS NULL ORDER BY rated_at LIMIT 500`,
      [station],
    );
    return {
      ok: true,
      value: rows.map((r) => ({
        ...requestOf(r),
        overall: r.overall as RatedRequest['overall'],
        ratedAt: iso(r.rated_at!),
        reasons: r.reasons as RatedRequest['reasons'],
        ratedBy: r.rated_by!,
      })),
    };
  }

  /** The requesting station recorded the rating on the case (again: nothing changes). */
  async recorded(station: string, requestId: string): Promise<FloorResult<{ bad: boolean }>> {
    const [row] = await this.db.query<Row>(
      `UPDATE rating_requests SET recorded_at = COALESCE(recorded_at, $3)
       WHERE id = $1 AND requested_by = $2 AND status = 'rated' RETURNING *`,
      [requestId, station, this.now()],
    );
    if (!row) return fail('not_found', 'rating_request_not_found');
    return { ok: true, value: { bad: row.overall! <= 2 } };
  }
}
