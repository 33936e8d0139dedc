// Inside a push's transaction: the numbers its fresh events record (docs/hall.md "Numbers").
// First, as always, the station's own open numbers become used (one statement, the common
// case). What is left — a number the hall never gave this station: an island's own, counted
// before it joined — is placed by server/core/numberUses.ts under the series' locks: taken in
// above the series, marked where it was passed over for this station, or recorded as a clash.
// Lock order: chain → the station's own allocation rows → series (sorted by id) → hall; nothing
// here waits on another station's rows (they are read, never locked), so no cycle with a lease
// or an allocation (series → new rows) or another push. Idempotent: a re-pushed event
// is a duplicate (not fresh), and a clash is recorded once per event.
import type { NumberUse } from '../protocol';
import {
  ISLAND_GAP,
  placeUse,
  planIslandUses,
  SERIES_KIND,
  type PlacedUse,
  type UseRow,
  type UsesOutcome,
} from '../core/numberUses';
import type { Sql } from './sql';

/** The station's own open numbers its events record become used; returns the uses matched. */
async function markOwn(sql: Sql, stationCode: string, uses: readonly NumberUse[]) {
  const rows = await sql.query<{ i: string }>(
    `UPDATE allocations a SET status = 'used', used_event_id = u.e, used_ref = u.r,
       used_at = now(), case_id = COALESCE(a.case_id, u.c)
     FROM unnest($2::text[], $3::int[], $4::text[], $5::text[], $6::text[])
       WITH ORDINALITY AS u(s, q, c, r, e, i)
     WHERE a.station_code = $1 AND a.status IN ('reserved', 'leased') AND a.seq = u.q
       AND (a.series_id = u.s OR (u.s LIKE 'cert:%:*'
            AND a.series_id LIKE substr(u.s, 1, length(u.s) - 1) || '%' AND a.case_id = u.c))
     RETURNING u.i`,
    [
      stationCode,
      uses.map((u) => u.seriesId),
      uses.map((u) => u.seq),
      uses.map((u) => u.caseId),
      uses.map((u) => u.usedRef),
      uses.map((u) => u.eventId),
    ],
  );
  return new Set(rows.map((r) => Number(r.i) - 1));
}

export async function recordNumberUses(
  sql: Sql,
  stationCode: string,
  uses: readonly NumberUse[],
): Promise<UsesOutcome> {
  const out: UsesOutcome = { own: 0, taken: 0, marked: 0, clashes: 0 };
  if (uses.length === 0) return out;
  const matched = await markOwn(sql, stationCode, uses);
  out.own = matched.size;
  const rest = uses
    .filter((_, i) => !matched.has(i))
    .map(placeUse)
    .filter((u): u is PlacedUse => u !== null);
  if (rest.length === 0) return out;
  const ids = [...new Set(rest.map((u) => u.seriesId))].sort();
  for (const id of ids) {
    const [prefix = '', type = '', year = '0'] = id.split(':');
    await sql.query(
      `INSERT INTO series (series_id, kind, cert_type, year) VALUES ($1, $2, $3, $4)
       ON CONFLICT (series_id) DO NOTHING`,
      [id, SERIES_KIND[prefix] ?? 'document', type, Number(year)],
    );
  }
  const locked = await sql.query<{ series_id: string; last_seq: number }>(
    `SELECT series_id, last_seq FROM series WHERE series_id = ANY($1::text[])
     ORDER BY series_id FOR UPDATE`,
    [ids],
  );
  const last = new Map(locked.map((r) => [r.series_id, Number(r.last_seq)]));
  const held = await sql.query<{
    series_id: string;
    seq: number;
    station_code: string;
    status: UseRow['status'];
    case_id: string | null;
    used_event_id: string | null;
    used_ref: string | null;
    void_reason: string | null;
  }>(
    `SELECT a.series_id, a.seq, a.station_code, a.status, a.case_id, a.used_event_id, a.used_ref,
       a.void_reason
     FROM allocations a JOIN unnest($1::text[], $2::int[]) AS u(s, q)
       ON a.series_id = u.s AND a.seq = u.q`,
    [rest.map((u) => u.seriesId), rest.map((u) => u.seq)],
  );
  const rows = new Map(
    held.map((r) => [
      `${r.series_id}#${Number(r.seq)}`,
      {
        stationCode: r.station_code,
        status: r.status,
        caseId: r.case_id,
        usedEventId: r.used_event_id,
        usedRef: r.used_ref,
        voidReason: r.void_reason,
      } satisfies UseRow,
    ]),
  );
  const plan = planIslandUses(
    stationCode,
    rest,
    (s, q) => rows.get(`${s}#${q}`),
    (s) => last.get(s) ?? 0,
  );
  Object.assign(out, {
    taken: plan.take.length,
    marked: plan.mark.length,
    clashes: plan.clashes.length,
  });
  for (const [id, seq] of plan.raise)
    await sql.query('UPDATE series SET last_seq = $2 WHERE series_id = $1', [id, seq]);
  for (const g of plan.gaps) {
    await sql.query(
      `INSERT INTO allocations (series_id, seq, station_code, status, void_reason, voided_by,
         voided_at, origin)
       SELECT $1, g, $2, 'voided', $3, 'hall', now(), 'island'
       FROM generate_series($4::int, $5::int) AS g ON CONFLICT (series_id, seq) DO NOTHING`,
      [g.seriesId, stationCode, `${ISLAND_GAP}: ${g.note}`, g.from, g.to],
    );
  }
  const cols = (list: readonly PlacedUse[]) => [
    stationCode,
    list.map((u) => u.seriesId),
    list.map((u) => u.seq),
    list.map((u) => u.caseId),
    list.map((u) => u.usedRef),
    list.map((u) => u.eventId),
  ];
  if (plan.take.length > 0) {
    await sql.query(
      `INSERT INTO allocations (series_id, seq, station_code, case_id, status, used_ref,
         used_event_id, used_at, origin)
       SELECT u.s, u.q, $1, u.c, 'used', u.r, u.e, now(), 'island'
       FROM unnest($2::text[], $3::int[], $4::text[], $5::text[], $6::text[]) AS u(s, q, c, r, e)
       ON CONFLICT (series_id, seq) DO NOTHING`,
      cols(plan.take),
    );
  }
  if (plan.mark.length > 0) {
    await sql.query(
      `UPDATE allocations a SET status = 'used', used_event_id = u.e, used_ref = u.r,
         used_at = now(), case_id = COALESCE(a.case_id, u.c), void_reason = NULL,
         voided_by = NULL, voided_at = NULL
       FROM unnest($2::text[], $3::int[], $4::text[], $5::text[], $6::text[]) AS u(s, q, c, r, e)
       WHERE a.series_id = u.s AND a.seq = u.q AND a.station_code = $1
         AND (a.status IN ('reserved', 'leased') OR a.void_reason LIKE '${ISLAND_GAP}%')`,
      cols(plan.mark),
    );
  }
  if (plan.clashes.length > 0) {
    const c = plan.clashes;
    await sql.query(
      `INSERT INTO number_clashes (series_id, seq, station_code, event_id, used_ref, case_id,
         other_station, other_status, other_ref)
       SELECT u.s, u.q, $1, u.e, u.r, u.c, u.os, u.ost, u.ore
       FROM unnest($2::text[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[],
         $8::text[], $9::text[]) AS u(s, q, c, r, e, os, ost, ore)
       ON CONFLICT DO NOTHING`,
      [
        ...cols(c.map((x) => x.use)),
        c.map((x) => x.other.stationCode),
        c.map((x) => x.other.status),
        c.map((x) => x.other.usedRef ?? x.other.voidReason),
      ],
    );
  }
  return out;
}
