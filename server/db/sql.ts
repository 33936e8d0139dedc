// One small query interface over the two ways the hall keeps its data: a PostgreSQL pool (`pg`)
// for a real hall, and PGlite in a data folder for the one-PC trial. The same SQL runs on both.
import pg from 'pg';
import type { PGlite } from '@electric-sql/pglite';

export interface Sql {
  /** Parameterised query ($1, $2 …); rows as plain objects. */
  query<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<R[]>;
  /** Several statements without parameters (migrations). */
  exec(text: string): Promise<void>;
}

export interface Db extends Sql {
  readonly kind: 'postgres' | 'embedded';
  /** BEGIN … COMMIT on one connection; ROLLBACK when fn throws. */
  tx<T>(fn: (sql: Sql) => Promise<T>): Promise<T>;
  /** One connection for a while, outside a transaction (advisory locks). */
  session<T>(fn: (sql: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

// bigint and numeric come back as strings from pg: the hall's numbers stay far below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));

const clientSql = (c: pg.PoolClient | pg.Client): Sql => ({
  query: async <R>(text: string, params?: unknown[]) =>
    (await c.query(text, params as unknown[])).rows as R[],
  exec: async (text: string) => {
    await c.query(text);
  },
});

export function postgresDb(url: string, max = 10): Db & { pool: pg.Pool } {
  const pool = new pg.Pool({ connectionString: url, max });
  // A connection the server cut (pg_terminate_backend, a restart) must not crash the process.
  pool.on('error', () => undefined);
  // …nor one cut while checked out (the query in flight rejects; the client is then discarded).
  pool.on('connect', (c) => c.on('error', () => undefined));
  return {
    kind: 'postgres',
    pool,
    query: async <R>(text: string, params?: unknown[]) =>
      (await pool.query(text, params as unknown[])).rows as R[],
    exec: async (text) => {
      await pool.query(text);
    },
    async tx(fn) {
      const c = await pool.connect();
      let broken = false;
      try {
        await c.query('BEGIN');
        const out = await fn(clientSql(c));
        await c.query('COMMIT');
        return out;
      } catch (e) {
        try {
          await c.query('ROLLBACK');
        } catch {
          broken = true;
        }
        throw e;
      } finally {
        c.release(broken || undefined);
      }
    },
    async session(fn) {
      const c = await pool.connect();
      try {
        return await fn(clientSql(c));
      } finally {
        c.release();
      }
    },
    close: () => pool.end(),
  };
}

const num = (rows: unknown[]) =>
  rows.map((r) => {
    const o = r as Record<string, unknown>;
    for (const k of Object.keys(o)) if (typeof o[k] === 'bigint') o[k] = Number(o[k]);
    return o;
  });

type PgliteLike = Pick<PGlite, 'query' | 'exec' | 'transaction' | 'close'>;

const pgliteSql = (p: Pick<PGlite, 'query' | 'exec'>): Sql => ({
  query: async <R>(text: string, params?: unknown[]) =>
    num((await p.query(text, params as unknown[])).rows) as R[],
  exec: async (text) => {
    await p.exec(text);
  },
});

/** PGlite: one connection, so transactions queue behind each other (PGlite's own mutex). */
export function embeddedDb(p: PgliteLike): Db {
  return {
    kind: 'embedded',
    ...pgliteSql(p),
    tx: (fn) => p.transaction((t) => fn(pgliteSql(t))),
    session: (fn) => fn(pgliteSql(p)),
    close: () => p.close(),
  };
}

/** Opens PGlite in a data folder (or in memory when dir is undefined). */
export async function openEmbedded(dir: string | undefined): Promise<Db> {
  const { PGlite } = await import('@electric-sql/pglite');
  return embeddedDb(await PGlite.create(dir));
}
