// The hall server process SIGKILLed in the middle of a push, on real PostgreSQL: the push is
// held inside its transaction (the test holds the hall row), the server dies, PostgreSQL rolls
// the transaction back; the head is unchanged, a new server takes the retry, count = max(gseq).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createHall, issueEnrolment } from '../../server/admin';
import { migrate } from '../../server/db/migrate';
import { postgresDb } from '../../server/db/sql';
import { PROTOCOL_VERSION, sessionSigningText } from '../../server/protocol';
import { testDatabase, type TestDatabase } from '../../server/testing/cluster';
import { post, serverProcesses } from './serverProcess';
import { makeEvents, signedPush, testStation } from './helpers';

let pgdb: TestDatabase;
let data: string;
let db: ReturnType<typeof postgresDb>;
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
  await rm(data, { recursive: true, force: true });
});

const startServer = () => servers.start(pgdb.url, data);

const counts = async () =>
  (
    await db.query<{ n: number; max: number | null; last: number; head: number }>(
      `SELECT count(*)::int8 AS n, max(gseq) AS max, (SELECT last_gseq FROM hall) AS last,
         (SELECT head_seq FROM chains WHERE chain_id = 'HJ01') AS head FROM events`,
    )
  )[0];

it('a server SIGKILLed mid-push leaves the head unchanged; the retry succeeds', async () => {
  const first = await startServer();
  const st = testStation('HJ01');
  const { code } = await issueEnrolment(db, { code: 'HJ01', label: '窗口1', kind: 'counter' });
  const enrol = await post(first.base, '/enrol', {
    code,
    stationCode: 'HJ01',
    label: '窗口1',
    kind: 'counter',
    publicKey: st.publicKey,
    appVersion: '0.1.0',
    protocol: PROTOCOL_VERSION,
  });
  expect(enrol.status).toBe(200);
  const session = async (base: string) => {
    const ch = (await post(base, '/session/challenge', { stationCode: 'HJ01' })).json as {
      challengeId: string;
      nonce: string;
    };
    const s = await post(base, '/session', {
      stationCode: 'HJ01',
      challengeId: ch.challengeId,
      signature: st.sign(sessionSigningText('HJ01', ch.challengeId, ch.nonce)),
      protocol: PROTOCOL_VERSION,
      appVersion: '0.1.0',
      maxEventSchema: 2,
    });
    return (s.json as { token: string }).token;
  };
  const token = await session(first.base);
  const ev = makeEvents('HJ01', 5);
  expect(
    (await post(first.base, '/push', signedPush(st, ev.slice(0, 2)), token)).json,
  ).toMatchObject({
    gseqs: [1, 2],
  });

  // Hold the hall row: the next push waits inside its transaction, past its chain update.
  const holder = new pg.Client({ connectionString: pgdb.url });
  await holder.connect();
  await holder.query('BEGIN');
  await holder.query('SELECT last_gseq FROM hall FOR UPDATE');
  const inFlight = post(first.base, '/push', signedPush(st, ev.slice(2)), token).catch(
    (e: Error) => e,
  );
  let waiting = false;
  for (let i = 0; i < 100 && !waiting; i++) {
    // Inside a transaction PostgreSQL keeps one snapshot of pg_stat_activity: drop it, or the
    // polling would never see the push start to wait.
    await holder.query('SELECT pg_stat_clear_snapshot()');
    const [w] = (
      await holder.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock'",
      )
    ).rows;
    waiting = (w?.n ?? 0) > 0;
    if (!waiting) await new Promise((r) => setTimeout(r, 50));
  }
  // The push is inside its transaction (chain locked and its head moved, waiting for the hall).
  expect(waiting).toBe(true);
  first.child.kill('SIGKILL');
  expect(await inFlight).toBeInstanceOf(Error);
  await holder.query('COMMIT');
  await holder.end();
  // PostgreSQL notices the dead client and rolls its transaction back.
  for (let i = 0; i < 100; i++) {
    const [a] = await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE state LIKE 'idle in transaction%' OR wait_event_type = 'Lock'",
    );
    if ((a?.n ?? 0) === 0) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  expect(await counts()).toEqual({ n: 2, max: 2, last: 2, head: 2 });

  const second = await startServer();
  const retry = await post(
    second.base,
    '/push',
    signedPush(st, ev.slice(2)),
    await session(second.base),
  );
  expect(retry.json).toMatchObject({ accepted: 3, duplicates: 0, gseqs: [3, 4, 5] });
  expect(await counts()).toEqual({ n: 5, max: 5, last: 5, head: 5 });
  second.child.kill('SIGTERM');
}, 90_000);
