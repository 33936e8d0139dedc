// Test helpers for the hall server (the simulated stations live in server/testing/stations.ts,
// shared with the bench).
import { migrate } from '../../server/db/migrate';
import { postgresDb, type Db, type Sql } from '../../server/db/sql';

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

/**
 * A new database `name` in the test cluster at `baseUrl`, migrated, its pool kept in `open` for
 * the file's afterAll to close.
 */
export async function migratedDb(baseUrl: string, name: string, open: Db[]): Promise<Db> {
  const admin = postgresDb(baseUrl, 1);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.close();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const db = postgresDb(url.toString(), 10);
  open.push(db);
  await migrate(db);
  return db;
}
