// Test helpers for the hall server (the simulated stations live in server/testing/stations.ts,
// shared with the bench).
import type { Sql } from '../../server/db/sql';

export * from '../../server/testing/stations';

/** A station row, active, for store-level tests that bypass enrolment. */
export async function insertStation(
  sql: Pick<Sql, 'query'>,
  st: { code: string; publicKey?: string },
) {
  await sql.query(
    `INSERT INTO stations (code, label, kind, status, public_key) VALUES ($1, $1, 'counter', 'active', $2)`,
    [st.code, st.publicKey ?? null],
  );
}
