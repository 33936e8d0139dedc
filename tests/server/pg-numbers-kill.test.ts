// The hall server process SIGKILLed in the middle of a certificate number allocation, on real
// PostgreSQL: the test holds the station's row (FOR UPDATE), so the allocation waits inside its
// transaction after it took last_seq + 1 (the allocation's foreign key check waits for that
// row); the server dies, PostgreSQL rolls it back. No number is lost: a new server gives the
// retry with the same request key the next number, and the same number again after that.
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
import { testStation } from './helpers';

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

const state = async () => ({
  series: await db.query('SELECT series_id, last_seq FROM series ORDER BY series_id'),
  allocations: await db.query('SELECT seq, request_key FROM allocations ORDER BY seq'),
});

const ask = (caseId: string, attempt: string) => ({
  requestKey: `${caseId}:certificateIssued:${attempt}`,
  certType: 'constructionPermit',
  year: 2026,
  caseId,
});

it('a server SIGKILLed mid-allocation loses no number; the retry gets it, once', async () => {
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
  expect(
    (await post(first.base, '/numbers/certificate', ask('c1', 'a1'), token)).json,
  ).toMatchObject({ seq: 1, replayed: false });

  // Hold the station's row: the next allocation takes last_seq + 1, then waits in its INSERT.
  const holder = new pg.Client({ connectionString: pgdb.url });
  await holder.connect();
  await holder.query('BEGIN');
  await holder.query("SELECT code FROM stations WHERE code = 'HJ01' FOR UPDATE");
  const inFlight = post(first.base, '/numbers/certificate', ask('c2', 'b1'), token).catch(
    (e: Error) => e,
  );
  let waiting = false;
  for (let i = 0; i < 100 && !waiting; i++) {
    // Asked outside the holder's transaction: pg_stat_activity is a snapshot per transaction.
    const [w] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity
       WHERE wait_event_type = 'Lock' AND query LIKE '%INSERT INTO allocations%'`,
    );
    waiting = (w?.n ?? 0) > 0;
    if (!waiting) await new Promise((r) => setTimeout(r, 50));
  }
  // The allocation is inside its statement: last_seq + 1 taken, its row waiting to go in.
  expect(waiting).toBe(true);
  first.child.kill('SIGKILL');
  expect(await inFlight).toBeInstanceOf(Error);
  await holder.query('COMMIT');
  await holder.end();
  for (let i = 0; i < 100; i++) {
    const [a] = await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE state LIKE 'idle in transaction%' OR wait_event_type = 'Lock'",
    );
    if ((a?.n ?? 0) === 0) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  expect(await state()).toEqual({
    series: [{ series_id: 'cert:constructionPermit:2026', last_seq: 1 }],
    allocations: [{ seq: 1, request_key: 'c1:certificateIssued:a1' }],
  });

  const second = await startServer();
  const token2 = await session(second.base);
  expect(
    (await post(second.base, '/numbers/certificate', ask('c2', 'b1'), token2)).json,
  ).toMatchObject({ seq: 2, replayed: false });
  expect(
    (await post(second.base, '/numbers/certificate', ask('c2', 'b1'), token2)).json,
  ).toMatchObject({ seq: 2, replayed: true });
  expect(await state()).toEqual({
    series: [{ series_id: 'cert:constructionPermit:2026', last_seq: 2 }],
    allocations: [
      { seq: 1, request_key: 'c1:certificateIssued:a1' },
      { seq: 2, request_key: 'c2:certificateIssued:b1' },
    ],
  });
  second.child.kill('SIGTERM');
}, 90_000);
