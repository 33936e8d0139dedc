// Numbered SQL migrations (server/migrations/NNN_name.sql), applied in order at start under a
// PostgreSQL advisory lock, so two servers started at once never apply one twice.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Db } from './sql';

export const MIGRATIONS_DIR = join(import.meta.dirname, '..', 'migrations');
/** Any constant: the lock the migrations take (pg_advisory_lock is per database). */
const MIGRATION_LOCK = 16_0001;

export async function migrate(db: Db, dir = MIGRATIONS_DIR): Promise<string[]> {
  const files = (await readdir(dir)).filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f)).sort();
  // Two files with one number (branches merged, each with its own next migration) would have the
  // second silently skipped as applied: refuse to start instead.
  const numbers = files.map((f) => f.slice(0, 3));
  const twice = numbers.find((n, i) => numbers.indexOf(n) !== i);
  if (twice) throw new Error(`two migrations are numbered ${twice}: renumber one of them`);
  return db.session(async (s) => {
    await s.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await s.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
      const done = new Set(
        (await s.query<{ version: number }>('SELECT version FROM schema_migrations')).map(
          (r) => r.version,
        ),
      );
      const applied: string[] = [];
      for (const f of files) {
        const version = Number(f.slice(0, 3));
        if (done.has(version)) continue;
        const text = await readFile(join(dir, f), 'utf8');
        await s.exec('BEGIN');
        try {
          await s.exec(text);
          await s.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
            version,
            f,
          ]);
          await s.exec('COMMIT');
        } catch (e) {
          await s.exec('ROLLBACK');
          throw e;
        }
        applied.push(f);
      }
      return applied;
    } finally {
      await s.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  });
}
