// Test helpers for the hall server (the simulated stations live in server/testing/stations.ts,
// shared with the bench).
import { afterAll, beforeAll } from 'vitest';
import { migrate } from '../../server/db/migrate';
import { postgresDb, type Db, type Sql } from '../../server/db/sql';
import { testDatabase, type TestDatabase } from '../../server/testing/cluster';

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

/**
 * The file's own test cluster, started in its beforeAll and stopped (every pool closed) in its
 * afterAll. `fresh` makes a new migrated database — `${prefix}_1`, `${prefix}_2`, … or `name` —
 * with the given stations inserted; `url` is the cluster's, or with a name that database's.
 */
export function clusterDatabases(prefix: string) {
  let pgdb: TestDatabase | undefined;
  const dbs: Db[] = [];
  let made = 0;
  beforeAll(async () => {
    pgdb = await testDatabase();
  }, 90_000);
  afterAll(async () => {
    for (const d of dbs) await d.close().catch(() => undefined);
    await pgdb?.stop();
  });
  const url = (name?: string) => {
    if (!name) return pgdb!.url;
    const u = new URL(pgdb!.url);
    u.pathname = `/${name}`;
    return u.toString();
  };
  return {
    url,
    /** Pools the file opens itself, closed with the others. */
    dbs,
    /** The name of the database `fresh` made last. */
    last: () => `${prefix}_${made}`,
    async fresh(stations: string[] = [], name = `${prefix}_${++made}`): Promise<Db> {
      const db = await migratedDb(url(), name, dbs);
      for (const code of stations) await insertStation(db, { code });
      return db;
    },
  };
}

/** HJ10, HJ11, … : `n` station codes. */
export const stationCodes = (n: number) => Array.from({ length: n }, (_, s) => `HJ${10 + s}`);
