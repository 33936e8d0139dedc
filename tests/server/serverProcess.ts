// The hall server as a real process for the kill tests (pg-kill, pg-numbers-kill): started with
// `npm run server`'s entry on a free port against the test database, SIGKILLed by the test, and
// every one left killed at the end; killTestHall() is their common set-up and kill-and-retry.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, expect } from 'vitest';
import { createHall, issueEnrolment } from '../../server/admin';
import { migrate } from '../../server/db/migrate';
import { postgresDb, type Db } from '../../server/db/sql';
import { PROTOCOL_VERSION, sessionSigningText } from '../../server/protocol';
import { freePort, testDatabase, type TestDatabase } from '../../server/testing/cluster';
import { testStation } from './helpers';

const root = resolve(import.meta.dirname, '../..');

export function serverProcesses() {
  const children: ChildProcess[] = [];
  return {
    async start(databaseUrl: string, data: string): Promise<{ base: string; child: ChildProcess }> {
      const port = await freePort();
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', 'server/main.ts', 'serve', '--port', String(port)],
        { cwd: root, env: { ...process.env, DATABASE_URL: databaseUrl, OW_HALL_DATA: data } },
      );
      children.push(child);
      let out = '';
      child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
      for (let i = 0; i < 300 && !out.includes('Hall server listening'); i++) {
        await new Promise((r) => setTimeout(r, 100));
      }
      if (!out.includes('Hall server listening')) throw new Error(`server did not start: ${out}`);
      return { base: `http://127.0.0.1:${port}/v1`, child };
    },
    killAll() {
      for (const c of children) c.kill('SIGKILL');
    },
  };
}

/** POST a JSON body to the server, with the session token when given. */
export async function post(base: string, path: string, body: unknown, token?: string) {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

export type ServerProcess = Awaited<ReturnType<ReturnType<typeof serverProcesses>['start']>>;

/**
 * The kill tests' common ground, registered as the file's beforeAll/afterAll: a migrated test
 * database holding a hall, a data folder, the server processes (every one killed at the end).
 */
export function killTestHall() {
  let pgdb: TestDatabase;
  let data = '';
  let db: Db;
  const servers = serverProcesses();

  beforeAll(async () => {
    pgdb = await testDatabase();
    data = await mkdtemp(join(tmpdir(), 'ow-hall-'));
    db = postgresDb(pgdb.url, 2);
    await migrate(db);
    await createHall(db, '测试大厅');
  }, 90_000);

  afterAll(async () => {
    servers.killAll();
    await db?.close();
    await pgdb?.stop();
    if (data) await rm(data, { recursive: true, force: true });
  });

  return {
    /** The test's own pool on the hall's database. */
    db: () => db,
    /** A new server process on a free port against the hall's database. */
    start: () => servers.start(pgdb.url, data),

    /** `code` enrolled through `base` (a counter, 窗口1); `session` opens a session at any server. */
    async enrol(base: string, code = 'HJ01') {
      const st = testStation(code);
      const issued = await issueEnrolment(db, { code, label: '窗口1', kind: 'counter' });
      const enrol = await post(base, '/enrol', {
        code: issued.code,
        stationCode: code,
        label: '窗口1',
        kind: 'counter',
        publicKey: st.publicKey,
        appVersion: '0.1.0',
        protocol: PROTOCOL_VERSION,
      });
      expect(enrol.status).toBe(200);
      const session = async (at: string) => {
        const ch = (await post(at, '/session/challenge', { stationCode: code })).json as {
          challengeId: string;
          nonce: string;
        };
        const s = await post(at, '/session', {
          stationCode: code,
          challengeId: ch.challengeId,
          signature: st.sign(sessionSigningText(code, ch.challengeId, ch.nonce)),
          protocol: PROTOCOL_VERSION,
          appVersion: '0.1.0',
          maxEventSchema: 2,
        });
        expect(s.status).toBe(200);
        return (s.json as { token: string }).token;
      };
      return { station: st, session };
    },

    /**
     * Holds a row (`hold`, a SELECT … FOR UPDATE in a transaction of the test's own), sends
     * `request`, waits until a statement containing `waitingIn` waits for that lock inside the
     * server's transaction, SIGKILLs the server, sees the request fail, lets the row go, and
     * waits until PostgreSQL has noticed the dead client and rolled its transaction back.
     */
    async killWhileWaiting(
      server: ServerProcess,
      o: { hold: string; waitingIn: string; request: () => Promise<unknown> },
    ) {
      const holder = new pg.Client({ connectionString: pgdb.url });
      await holder.connect();
      await holder.query('BEGIN');
      await holder.query(o.hold);
      const inFlight = o.request().catch((e: Error) => e);
      let waiting = false;
      for (let i = 0; i < 100 && !waiting; i++) {
        // Asked outside the holder's transaction: pg_stat_activity is a snapshot per transaction.
        const [w] = await db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity
           WHERE wait_event_type = 'Lock' AND strpos(query, $1) > 0`,
          [o.waitingIn],
        );
        waiting = (w?.n ?? 0) > 0;
        if (!waiting) await new Promise((r) => setTimeout(r, 50));
      }
      expect(waiting).toBe(true);
      server.child.kill('SIGKILL');
      expect(await inFlight).toBeInstanceOf(Error);
      await holder.query('COMMIT');
      await holder.end();
      let settled = false;
      for (let i = 0; i < 100 && !settled; i++) {
        const [a] = await db.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM pg_stat_activity WHERE state LIKE 'idle in transaction%' OR wait_event_type = 'Lock'",
        );
        settled = (a?.n ?? 0) === 0;
        if (!settled) await new Promise((r) => setTimeout(r, 50));
      }
      expect(settled).toBe(true);
    },
  };
}
