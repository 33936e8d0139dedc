// Signed restore refills on real PostgreSQL (docs/hall.md "Restoring the server", "Security
// notes"): the refill carries the station key's signature over what it sends — how far it holds,
// its events' gseq range, chain positions and hashes, the credentials' canonical SHA-256 and the
// held leases. A refill whose credentials, events or leases are not the signed ones, or signed
// with another key, is refused with its code and nothing stored (no event, no credential, no
// lease, no check-in); an unsigned refill (a station from before) is taken only without
// credentials. The session answer says the hall checks form 1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../server/db/migrate';
import { SqlRestore } from '../../server/db/restore';
import { postgresDb } from '../../server/db/sql';
import { SqlStore } from '../../server/db/store';
import { buildApp } from '../../server/http/app';
import { testDatabase, type TestDatabase } from '../../server/testing/cluster';
import type { Credential, HallEvent } from '../../server/protocol';
import type { RefillRequest } from '../../server/protocol/restore';
import { signedRefill } from './helpers';
import { auth, enrolled, pushEvents, type Session } from './http-helpers';
import { HASH, userChain } from './userChain';

let pgdb: TestDatabase;
let db: ReturnType<typeof postgresDb>;
let app: ReturnType<typeof buildApp>['app'];
const logged: string[] = [];

beforeAll(async () => {
  pgdb = await testDatabase();
  db = postgresDb(pgdb.url, 4);
  await migrate(db);
  app = buildApp({
    db,
    store: new SqlStore(db),
    blobDir: '/nonexistent-ow-blobs',
    log: (l) => logged.push(l),
    anonymousRate: { perSecond: 1000, burst: 1000 },
  }).app;
}, 90_000);

afterAll(async () => {
  await app?.close();
  await db?.close();
  await pgdb?.stop();
});

const OTHER =
  'pbkdf2-sha256$600000$b3RoZXJvdGhlcm90aGVyIQ==$b3RoZXJoYXNob3RoZXJoYXNob3RoZXJoYXNob3RoZXI=';

const post = (s: Session, payload: object) =>
  app.inject({ method: 'POST', url: '/v1/restore/refill', headers: auth(s), payload });

const codeOf = (res: { json(): unknown }) => (res.json() as { error: { code: string } }).error.code;

/** What the hall holds of the refill: events, credentials, leases and check-ins. */
async function stored() {
  const [row] = await db.query<{ events: number; creds: number; leases: number; ins: number }>(
    `SELECT (SELECT count(*)::int FROM events) AS events,
       (SELECT count(*)::int FROM credentials) AS creds,
       (SELECT count(*)::int FROM leases) AS leases,
       (SELECT count(*)::int FROM restore_checkins) AS ins`,
  );
  return row!;
}

describe('a signed restore refill', () => {
  it('is taken as signed; changed, re-keyed or unsigned credentials are refused, nothing stored', async () => {
    const a = await enrolled(app, db, 'HJA');
    const b = await enrolled(app, db, 'HJB');
    expect(a.refillSigning).toBe(1);
    // The hall holds A's set-up (gseq 1); restored from a dump taken then, it waits for A's
    // user created (2, its password hash beside it) and sign-in (3), which only A holds.
    const chain = userChain('HJA', 'u-wang');
    expect((await pushEvents(app, a, chain.slice(0, 1))).statusCode).toBe(200);
    expect(await new SqlRestore(db).begin('admin', 1, new Date())).toBe(true);
    const events: HallEvent[] = chain.slice(1).map((event, i) => ({ gseq: i + 2, event }));
    const credentials: Credential[] = [{ eventId: 'HJA-2', userId: 'u-wang', hash: HASH }];
    const leases = [
      { seriesId: 'doc:acceptance:2026', blocks: [{ leaseKey: 'HJA:lease:1', first: 1, last: 5 }] },
    ];
    const request: RefillRequest = { holds: 3, events, credentials, leases };
    const nothing = { events: 1, creds: 0, leases: 0, ins: 0 };

    // An unsigned refill (a station from before) with password hashes beside it.
    const unsigned = await post(a, request);
    expect(unsigned.statusCode).toBe(400);
    expect(codeOf(unsigned)).toBe('protocol_unsupported');
    expect(unsigned.json()).toMatchObject({ error: { supported: 1 } });
    expect(await stored()).toEqual(nothing);

    // Another password hash than the signed one beside the same events.
    const swapped = await signedRefill(a, request);
    swapped.credentials = [{ ...credentials[0]!, hash: OTHER }];
    const rs = await post(a, swapped);
    expect(rs.statusCode).toBe(422);
    expect(codeOf(rs)).toBe('credentials_mismatch');
    expect(await stored()).toEqual(nothing);

    // The hash changed and its SHA-256 with it: the signature no longer covers it.
    const resummed = await signedRefill(a, request);
    const changed = {
      ...(await signedRefill(a, {
        ...request,
        credentials: [{ ...credentials[0]!, hash: OTHER }],
      })),
      signature: resummed.signature,
    };
    const rc = await post(a, changed);
    expect(rc.statusCode).toBe(401);
    expect(codeOf(rc)).toBe('bad_signature');
    expect(await stored()).toEqual(nothing);

    // Signed over the first event only, both sent; signed over other leases; B's key.
    for (const body of [
      await signedRefill(a, request, { signAs: { ...request, events: events.slice(0, 1) } }),
      await signedRefill(a, request, { signAs: { ...request, holds: 4 } }),
      await signedRefill(a, request, {
        signAs: {
          ...request,
          leases: [{ ...leases[0]!, blocks: [{ ...leases[0]!.blocks[0]!, last: 9 }] }],
        },
      }),
      await signedRefill(b, request),
    ]) {
      const r = await post(a, body);
      expect(r.statusCode).toBe(401);
      expect(codeOf(r)).toBe('bad_signature');
      expect(await stored()).toEqual(nothing);
    }
    expect(logged.filter((l) => l.startsWith('refill refused'))).toEqual([
      'refill refused protocol_unsupported: HJA',
      'refill refused credentials_mismatch: HJA',
      ...Array<string>(5).fill('refill refused bad_signature: HJA'),
    ]);
    // A signature field without its credentials hash is not the protocol.
    const { credentialsSha256: _c, ...noSum } = await signedRefill(a, request);
    expect(codeOf(await post(a, noSum))).toBe('bad_request');

    // As signed: the events, the credential beside its event, the lease and the check-in.
    const ok = await post(a, await signedRefill(a, request));
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      restoring: true,
      lastGseq: 3,
      accepted: 2,
      waitingFor: ['HJB'],
    });
    expect(await stored()).toEqual({ events: 3, creds: 1, leases: 1, ins: 1 });
    const [cred] = await db.query<{ event_id: string; hash: string; station_code: string }>(
      'SELECT event_id, hash, station_code FROM credentials',
    );
    expect(cred).toEqual({ event_id: 'HJA-2', hash: HASH, station_code: 'HJA' });

    // B, a station from before, checks in unsigned without credentials: taken, the hall opens.
    const late = await post(b, { holds: 1, events: [] });
    expect(late.statusCode).toBe(200);
    expect(late.json()).toMatchObject({ restoring: false, lastGseq: 3, waitingFor: [] });
  }, 60_000);
});
