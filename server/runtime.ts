// Where the hall keeps its things and how it opens them: PostgreSQL when DATABASE_URL is set,
// else the one-PC trial (PGlite in the data folder). Migrations run at every open.
import { existsSync } from 'node:fs';
import { mkdir, open, readFile, rm } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { AdminError } from './admin';
import { migrate } from './db/migrate';
import { openEmbedded, postgresDb, type Db } from './db/sql';
import { SqlStore } from './db/store';

export const dataDir = () => process.env.OW_HALL_DATA ?? join(homedir(), '.onewindow-hall');

export interface OpenHall {
  db: Db;
  store: SqlStore;
  dataDir: string;
  blobDir: string;
  /** PGlite's folder (embedded only). */
  embeddedDir?: string;
  close(): Promise<void>;
}

/** PGlite takes one process at a time: a lock file with the pid says who has it. */
async function lockEmbedded(dir: string): Promise<() => Promise<void>> {
  const path = join(dir, 'onewindow.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const f = await open(path, 'wx');
      await f.write(String(process.pid));
      await f.close();
      return () => rm(path, { force: true });
    } catch {
      const pid = Number((await readFile(path, 'utf8').catch(() => '')).trim());
      let alive = false;
      try {
        alive = pid > 0 && process.kill(pid, 0);
      } catch {
        alive = false;
      }
      if (alive) {
        throw new AdminError(
          `试用数据库正由进程 ${pid} 使用（大厅服务器在运行？）：请先停止它`,
          `The trial database is in use by process ${pid} (is the hall server running?): stop it first`,
        );
      }
      await rm(path, { force: true });
    }
  }
  throw new Error(`cannot lock ${path}`);
}

export async function openHall(opts: { pool?: number } = {}): Promise<OpenHall> {
  const dir = dataDir();
  const blobDir = join(dir, 'blobs');
  await mkdir(blobDir, { recursive: true });
  const url = process.env.DATABASE_URL;
  if (url) {
    const db = postgresDb(url, opts.pool ?? 10);
    await migrate(db);
    const store = new SqlStore(db, { listenUrl: url });
    await store.start();
    return {
      db,
      store,
      dataDir: dir,
      blobDir,
      close: async () => {
        await store.stop();
        await db.close();
      },
    };
  }
  const embeddedDir = join(dir, 'pglite');
  await mkdir(embeddedDir, { recursive: true });
  const unlock = await lockEmbedded(dir);
  try {
    const db = await openEmbedded(embeddedDir);
    await migrate(db);
    const store = new SqlStore(db);
    return {
      db,
      store,
      dataDir: dir,
      blobDir,
      embeddedDir,
      close: async () => {
        await db.close().catch(() => undefined);
        await unlock();
      },
    };
  } catch (e) {
    await unlock();
    throw e;
  }
}

export const hasDatabaseUrl = () => Boolean(process.env.DATABASE_URL);
export const certificateExists = (dir: string) => existsSync(join(dir, 'tls', 'cert.pem'));
