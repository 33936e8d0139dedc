// Staff across the hall on real PostgreSQL (issue 17 item 2): the password hash of a user event
// travels beside the event in the push and is kept in the `credentials` table (migration 003),
// never inside the event's json; it is served with the pull page of its event, only to enrolled
// active stations; a credential that does not belong to a user event of the same push is
// refused with nothing stored; a re-pushed range keeps the first credential.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setStationStatus, verifyHall } from '../../server/admin';
import { sha256Hex } from '../../server/crypto';
import { migrate } from '../../server/db/migrate';
import { postgresDb } from '../../server/db/sql';
import { SqlStore } from '../../server/db/store';
import { buildApp } from '../../server/http/app';
import { testDatabase, type TestDatabase } from '../../server/testing/cluster';
import { canonicalCredentials, type Credential, type WireEvent } from '../../server/protocol';
import { signedPush, type SignedPushOptions } from './helpers';
import { auth, enrolled, pull, type Session } from './http-helpers';
import { HASH, userChain } from './userChain';

let pgdb: TestDatabase;
let db: ReturnType<typeof postgresDb>;
let blobDir: string;
let app: ReturnType<typeof buildApp>['app'];

beforeAll(async () => {
  pgdb = await testDatabase();
  db = postgresDb(pgdb.url, 4);
  await migrate(db);
  blobDir = await mkdtemp(join(tmpdir(), 'ow-blobs-'));
  const store = new SqlStore(db);
  app = buildApp({
    db,
    store,
    blobDir,
    log: () => undefined,
    anonymousRate: { perSecond: 1000, burst: 1000 },
  }).app;
}, 90_000);

afterAll(async () => {
  await app?.close();
  await db?.close();
  await pgdb?.stop();
  await rm(blobDir, { recursive: true, force: true });
});

const pushWith = (
  s: Session,
  events: WireEvent[],
  credentials: Credential[],
  o: SignedPushOptions = {},
) =>
  app.inject({
    method: 'POST',
    url: '/v1/push',
    headers: auth(s),
    payload: signedPush(s, events, s.code, { credentials, ...o }),
  });

const countsOf = async (station: string) =>
  (
    await db.query<{ events: number; credentials: number; head: number | null }>(
      `SELECT (SELECT count(*)::int FROM events WHERE chain_id = $1) AS events,
              (SELECT count(*)::int FROM credentials WHERE station_code = $1) AS credentials,
              (SELECT head_seq FROM chains WHERE chain_id = $1) AS head`,
      [station],
    )
  )[0];

const credentialRows = () =>
  db.query<{ event_id: string; user_id: string; hash: string; station_code: string }>(
    'SELECT event_id, user_id, hash, station_code FROM credentials ORDER BY event_id',
  );

describe('credentials beside user events', () => {
  it('migration 003 made the table', async () => {
    const rows = await db.query<{ version: number; name: string }>(
      'SELECT version, name FROM schema_migrations ORDER BY version',
    );
    // The first three in order; later migrations (other helpers' 004…, 007_restore) follow.
    expect(rows.map((r) => [Number(r.version), r.name]).slice(0, 3)).toEqual([
      [1, '001_hall.sql'],
      [2, '002_numbers.sql'],
      [3, '003_credentials.sql'],
    ]);
  });

  it('kept beside the event, never in its json; served with its pull page to another station', async () => {
    const a = await enrolled(app, db, 'HJ01');
    const b = await enrolled(app, db, 'HJ02');
    const events = userChain('HJ01', 'u-wang');
    const cred = { eventId: 'HJ01-2', userId: 'u-wang', hash: HASH };
    const res = await pushWith(a, events, [cred]);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ accepted: 3, duplicates: 0, gseqs: [1, 2, 3] });
    expect(await credentialRows()).toEqual([
      { event_id: 'HJ01-2', user_id: 'u-wang', hash: HASH, station_code: 'HJ01' },
    ]);
    const json = await db.query<{ t: string }>(
      "SELECT string_agg(event::text, '') AS t FROM events",
    );
    expect(json[0]!.t).toContain('wangchuang');
    expect(json[0]!.t).not.toContain('c2FsdHNhbHRzYWx0c2FsdA');

    const page = await pull(app, b, 0);
    expect(page.statusCode).toBe(200);
    const body = page.json() as { events: { gseq: number }[]; credentials?: Credential[] };
    expect(body.events.map((e) => e.gseq)).toEqual([1, 2, 3]);
    expect(body.credentials).toEqual([cred]);
    // A page without the event has no credential; a page ending before it neither.
    expect((await pull(app, b, 2)).json()).not.toHaveProperty('credentials');
    expect((await pull(app, b, 0, '&limit=1')).json()).not.toHaveProperty('credentials');
    expect((await pull(app, b, 1, '&limit=1')).json()).toMatchObject({ credentials: [cred] });

    // A lost answer: the re-push is duplicates, and the first credential stays.
    const again = await pushWith(a, events, [{ ...cred, hash: HASH.replace('600000', '700000') }]);
    expect(again.json()).toMatchObject({ accepted: 0, duplicates: 3 });
    expect((await credentialRows()).map((r) => r.hash)).toEqual([HASH]);

    // A station the administrator blocked gets nothing, credentials least of all.
    await setStationStatus(db, 'HJ02', 'block');
    const blocked = await pull(app, b, 0);
    expect(blocked.statusCode).toBe(403);
    expect(blocked.body).not.toContain(HASH);
    expect((blocked.json() as { error: { code: string } }).error.code).toBe('station_blocked');
    expect((await verifyHall(db)).ok).toBe(true);
  });

  it('a credential that is not beside a user event of the same push is refused, nothing stored', async () => {
    const c = await enrolled(app, db, 'HJ03');
    const events = userChain('HJ03', 'u-li');
    const before = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM events');
    for (const wrong of [
      { eventId: 'HJ03-1', userId: 'u-li', hash: HASH }, // beside station.set_up
      { eventId: 'HJ03-3', userId: 'u-li', hash: HASH }, // beside a sign-in
      { eventId: 'HJ03-2', userId: 'u-other', hash: HASH }, // another user than the stream's
      { eventId: 'HJ09-2', userId: 'u-li', hash: HASH }, // no such event in the push
    ]) {
      const res = await pushWith(c, events, [wrong]);
      expect(res.statusCode).toBe(400);
      expect((res.json() as { error: { code: string } }).error.code).toBe('bad_request');
    }
    const notAHash = await pushWith(c, events, [
      { eventId: 'HJ03-2', userId: 'u-li', hash: 'secret-password' },
    ]);
    expect(notAHash.statusCode).toBe(400);
    const after = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM events');
    expect(after[0]!.n).toBe(before[0]!.n);
    expect((await credentialRows()).filter((r) => r.station_code === 'HJ03')).toEqual([]);
  });

  it('the signature covers the credentials: a hash swapped on the way is refused, nothing stored', async () => {
    const d = await enrolled(app, db, 'HJ04');
    const events = userChain('HJ04', 'u-zhao');
    const cred = { eventId: 'HJ04-2', userId: 'u-zhao', hash: HASH };
    const swapped = { ...cred, hash: HASH.replace('aGFzaGhhc2h', 'c3dhcHBlZC') };
    // Signed over the station's hash, carrying another (a proxy or a man in the middle).
    const res = await pushWith(d, events, [swapped], { signCredentials: [cred] });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toEqual({
      error: {
        code: 'credentials_mismatch',
        message: 'the credentials beside the push are not the ones its signature covers',
      },
    });
    // A credential dropped, or one added, is the same refusal.
    expect((await pushWith(d, events, [], { signCredentials: [cred], form: 2 })).statusCode).toBe(
      422,
    );
    expect((await pushWith(d, events, [cred], { signCredentials: [], form: 2 })).statusCode).toBe(
      422,
    );
    // All or nothing: not one event, no credential, no chain.
    expect(await countsOf('HJ04')).toEqual({ events: 0, credentials: 0, head: null });
    // The signed digest itself changed: the signature no longer verifies.
    const forged = signedPush(d, events, 'HJ04', { credentials: [cred] });
    const tampered = await app.inject({
      method: 'POST',
      url: '/v1/push',
      headers: auth(d),
      payload: { ...forged, credentialsSha256: sha256Hex(canonicalCredentials([swapped])) },
    });
    expect(tampered.statusCode).toBe(401);
    expect((tampered.json() as { error: { code: string } }).error.code).toBe('bad_signature');
    expect(await countsOf('HJ04')).toEqual({ events: 0, credentials: 0, head: null });

    // The same push as the station signed it goes through, the credentials in any order.
    const ok = await pushWith(d, events, [cred]);
    expect(ok.statusCode).toBe(200);
    expect(await countsOf('HJ04')).toEqual({ events: 3, credentials: 1, head: 3 });
    expect((await credentialRows()).find((r) => r.event_id === 'HJ04-2')?.hash).toBe(HASH);
  });

  it('a station on the old form: pushes without credentials as before, with them refused', async () => {
    const e = await enrolled(app, db, 'HJ05');
    const events = userChain('HJ05', 'u-qian');
    const cred = { eventId: 'HJ05-2', userId: 'u-qian', hash: HASH };
    const old = await pushWith(e, events, [cred], { form: 1 });
    expect(old.statusCode).toBe(400);
    expect(old.json()).toEqual({
      error: {
        code: 'protocol_unsupported',
        message:
          'credentials beside a push signed without them (onewindow-push-v1): update this station',
        supported: 2,
      },
    });
    expect(await countsOf('HJ05')).toEqual({ events: 0, credentials: 0, head: null });
    // Events alone, signed on the old form: accepted (the set-up event, no credential).
    const first = await app.inject({
      method: 'POST',
      url: '/v1/push',
      headers: auth(e),
      payload: signedPush(e, events.slice(0, 1)),
    });
    expect(first.statusCode).toBe(200);
    expect(await countsOf('HJ05')).toEqual({ events: 1, credentials: 0, head: 1 });
  });

  it('the session answer announces the form; the canonical form is fixed', async () => {
    const f = await enrolled(app, db, 'HJ06');
    expect(f.pushSigning).toBe(2);
    const a = { eventId: 'HJ06-9', userId: 'u-b', hash: HASH };
    const b = { eventId: 'HJ06-10', userId: 'u-a', hash: HASH };
    expect(canonicalCredentials([a, b])).toBe(
      `[["HJ06-10","u-a","${HASH}"],["HJ06-9","u-b","${HASH}"]]`,
    );
    expect(canonicalCredentials([b, a])).toBe(canonicalCredentials([a, b]));
    expect(sha256Hex(canonicalCredentials(undefined))).toBe(
      '4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945',
    );
  });
});
