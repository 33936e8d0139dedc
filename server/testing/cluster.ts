// A throwaway PostgreSQL cluster for tests and the bench, started exactly as SYNC.md says: initdb
// in its own temp folder (via `runuser -u postgres` when root, since initdb refuses root), its
// own free port, fsync off — or, when OW_TEST_DATABASE_URL is set, a fresh database in that
// server. Never the production way to run PostgreSQL.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

export interface TestDatabase {
  url: string;
  stop(): Promise<void>;
}

function pgBin(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(a) - Number(b))
    : [];
  const v = versions.at(-1);
  if (!v) {
    throw new Error(
      'PostgreSQL is not installed: initdb not found under /usr/lib/postgresql/*/bin. ' +
        'Install it (Debian: apt-get install -y postgresql) or set OW_TEST_DATABASE_URL ' +
        'to a PostgreSQL 15+ server the tests may create databases in.',
    );
  }
  return join(root, v, 'bin');
}

/** A free port on loopback, never 5432 nor 55400–55499 (fixed ports others start PostgreSQL on). */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = await anyPort();
    if (port !== 5432 && (port < 55400 || port > 55499)) return port;
  }
}

function anyPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => resolve(port));
    });
  });
}

async function startCluster(): Promise<TestDatabase> {
  const bin = pgBin();
  const root = process.getuid?.() === 0;
  const dir = await mkdtemp(join(tmpdir(), 'ow-pg-'));
  const as = (cmd: string, args: string[]) =>
    root ? run('runuser', ['-u', 'postgres', '--', cmd, ...args]) : run(cmd, args);
  if (root) await chown(dir, ...(await postgresIds()));
  const data = join(dir, 'data');
  await as(join(bin, 'initdb'), [
    '-D',
    data,
    '-U',
    'postgres',
    '-A',
    'trust',
    '-E',
    'UTF8',
    '--locale=C.UTF-8',
    '--no-sync',
  ]);
  const port = await freePort();
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60`;
  await as(join(bin, 'pg_ctl'), [
    '-D',
    data,
    '-l',
    join(dir, 'log'),
    '-w',
    '-t',
    '60',
    '-o',
    opts,
    'start',
  ]);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      await as(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(
        () => undefined,
      );
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function postgresIds(): Promise<[number, number]> {
  const { stdout } = await run('id', ['postgres']);
  const uid = /uid=(\d+)/.exec(stdout)?.[1];
  const gid = /gid=(\d+)/.exec(stdout)?.[1];
  if (!uid || !gid) throw new Error('no postgres user: install the postgresql package');
  return [Number(uid), Number(gid)];
}

async function freshDatabase(base: string): Promise<TestDatabase> {
  const name = `ow_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async stop() {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** A PostgreSQL database of its own for one test file (or one bench run). */
export function testDatabase(): Promise<TestDatabase> {
  const base = process.env.OW_TEST_DATABASE_URL;
  return base ? freshDatabase(base) : startCluster();
}
