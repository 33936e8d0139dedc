// The hall's HTTP API through Fastify's inject, on the embedded store (PGlite, one per file):
// enrolment codes, sessions, push/pull, long-poll, blobs, and every refusal a station can meet.
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueEnrolment, setStationStatus } from '../../server/admin';
import { migrate } from '../../server/db/migrate';
import { openEmbedded, type Db } from '../../server/db/sql';
import { SqlStore } from '../../server/db/store';
import { buildApp } from '../../server/http/app';
import { nodeChainHash } from '../../server/crypto';
import { makeEvents, signedPush, testStation } from './helpers';
import {
  auth,
  enrolBody,
  enrolled,
  ensureHall,
  openSession,
  pull,
  pushEvents,
} from './http-helpers';

let db: Db;
let blobDir: string;
const logs: string[] = [];
let app: ReturnType<typeof buildApp>['app'];

beforeAll(async () => {
  db = await openEmbedded(undefined);
  await migrate(db);
  blobDir = await mkdtemp(join(tmpdir(), 'ow-blobs-'));
  app = buildApp({
    db,
    store: new SqlStore(db),
    blobDir,
    log: (l) => logs.push(l),
    anonymousRate: { perSecond: 1000, burst: 1000 },
  }).app;
  await ensureHall(db);
}, 60_000);

afterAll(async () => {
  await app?.close();
  await db?.close();
  await rm(blobDir, { recursive: true, force: true });
});

const code = (res: { json(): unknown }) => (res.json() as { error: { code: string } }).error.code;

describe('enrolment', () => {
  it('takes a code once, within 24 hours, for the station it was issued to', async () => {
    const st = testStation('HJ05');
    const issued = await issueEnrolment(db, { code: 'HJ05', label: '窗口5', kind: 'counter' });
    expect(issued.code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    const other = await app.inject({
      method: 'POST',
      url: '/v1/enrol',
      payload: { ...enrolBody(testStation('HJ06'), issued.code) },
    });
    expect([other.statusCode, code(other)]).toEqual([400, 'enrolment_code_invalid']);
    const ok = await app.inject({
      method: 'POST',
      url: '/v1/enrol',
      payload: enrolBody(st, issued.code),
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ hallName: '测试大厅', stationCode: 'HJ05', heads: [] });
    const again = await app.inject({
      method: 'POST',
      url: '/v1/enrol',
      payload: enrolBody(st, issued.code),
    });
    expect([again.statusCode, code(again)]).toEqual([410, 'enrolment_code_used']);

    const old = await issueEnrolment(
      db,
      { code: 'HJ07', label: '窗口7', kind: 'desk' },
      new Date(Date.now() - 25 * 3600_000),
    );
    const late = await app.inject({
      method: 'POST',
      url: '/v1/enrol',
      payload: enrolBody(testStation('HJ07'), old.code),
    });
    expect([late.statusCode, code(late)]).toEqual([410, 'enrolment_code_expired']);
    const made = await app.inject({
      method: 'POST',
      url: '/v1/enrol',
      payload: enrolBody(testStation('HJ07'), 'AAAA-BBBB-CCCC'),
    });
    expect(code(made)).toBe('enrolment_code_invalid');
  });

  it('refuses a key that is not P-256 and a request outside the protocol', async () => {
    const issued = await issueEnrolment(db, { code: 'HJ08', label: '窗口8', kind: 'counter' });
    const bad = await app.inject({
      method: 'POST',
      url: '/v1/enrol',
      payload: { ...enrolBody(testStation('HJ08'), issued.code), publicKey: 'AAAA' },
    });
    expect([bad.statusCode, code(bad)]).toEqual([400, 'bad_request']);
    const extra = await app.inject({
      method: 'POST',
      url: '/v1/enrol',
      payload: { ...enrolBody(testStation('HJ08'), issued.code), role: 'director' },
    });
    expect(code(extra)).toBe('bad_request');
  });
});

describe('sessions', () => {
  it('opens only for a signature by the enrolled key, once per challenge', async () => {
    const st = testStation('HJ10');
    const issued = await issueEnrolment(db, { code: 'HJ10', label: '窗口10', kind: 'counter' });
    await app.inject({ method: 'POST', url: '/v1/enrol', payload: enrolBody(st, issued.code) });
    const impostor = { ...testStation('HJ10') };
    await expect(openSession(app, impostor)).rejects.toThrow(/bad_signature/);
    const s = await openSession(app, st);
    expect(s.token.length).toBeGreaterThanOrEqual(20);
    const unknown = await app.inject({
      method: 'POST',
      url: '/v1/session/challenge',
      payload: { stationCode: 'ZZ99' },
    });
    expect([unknown.statusCode, code(unknown)]).toEqual([401, 'station_unknown']);
    const none = await app.inject({ method: 'GET', url: '/v1/pull?after=0' });
    expect([none.statusCode, code(none)]).toEqual([401, 'unauthorized']);
  });

  it('tells a blocked or retired station so at its next request', async () => {
    const s = await enrolled(app, db, 'HJ11');
    await setStationStatus(db, 'HJ11', 'block');
    const res = await pull(app, s, 0);
    expect([res.statusCode, code(res)]).toEqual([403, 'station_blocked']);
    await expect(openSession(app, s)).rejects.toThrow(/station_blocked/);
    await setStationStatus(db, 'HJ11', 'unblock');
    expect((await pull(app, s, 0)).statusCode).toBe(200);
    await setStationStatus(db, 'HJ11', 'retire');
    expect(code(await pull(app, s, 0))).toBe('station_retired');
  });
});

describe('push and pull', () => {
  it('stores events as sent and serves them in hall order, byte for byte', async () => {
    const a = await enrolled(app, db, 'HJ01');
    const b = await enrolled(app, db, 'HJ02');
    const evA = makeEvents('HJ01', 3, { payload: (s) => ({ note: `含\u0000零 ${s}`, n: 1.5 }) });
    const res = await pushEvents(app, a, evA);
    expect(res.statusCode).toBe(200);
    const body = res.json() as { gseqs: number[]; accepted: number; head: { seq: number } };
    expect([body.accepted, body.head.seq]).toEqual([3, 3]);
    const first = body.gseqs[0] as number;
    expect(body.gseqs).toEqual([first, first + 1, first + 2]);
    const page = await pull(app, b, first - 1);
    const got = page.json() as { events: { gseq: number; event: unknown }[]; cursor: number };
    expect(got.events.map((e) => e.event)).toEqual(evA);
    expect(got.cursor).toBe(first + 2);
    // The re-push of a lost response: duplicates with their first gseqs.
    const again = (await pushEvents(app, a, evA.slice(1))).json();
    expect(again).toMatchObject({ accepted: 0, duplicates: 2, gseqs: body.gseqs.slice(1) });
    // Nothing of the payload or the actor's name reaches the log.
    expect(logs.join('\n')).not.toMatch(/测试|含|零/);
    expect(logs).toContain('push HJ01 1..3: 3 accepted, 0 duplicates (caseNoted×3)');
  });

  it('wakes a long-poll within a second of a push', async () => {
    const a = await enrolled(app, db, 'HJ03');
    const b = await enrolled(app, db, 'HJ04');
    const last = (await pull(app, b, 0, '&limit=1')).json() as { lastGseq: number };
    const t0 = Date.now();
    const waiting = pull(app, b, last.lastGseq, '&waitMs=5000');
    await new Promise((r) => setTimeout(r, 150));
    await pushEvents(app, a, makeEvents('HJ03', 1));
    const got = (await waiting).json() as { events: { event: { id: string } }[] };
    expect(Date.now() - t0).toBeLessThan(1500);
    expect(got.events.map((e) => e.event.id)).toEqual(['HJ03-1']);
  });

  it('refuses a bad signature, a foreign chain, a tampered event and an oversized request', async () => {
    const a = await enrolled(app, db, 'HJ12');
    const b = await enrolled(app, db, 'HJ13');
    const ev = makeEvents('HJ12', 2);
    const forged = { ...signedPush(b, ev, 'HJ12') };
    const sig = await app.inject({
      method: 'POST',
      url: '/v1/push',
      headers: auth(a),
      payload: forged,
    });
    expect([sig.statusCode, code(sig)]).toEqual([401, 'bad_signature']);
    const foreign = await pushEvents(app, b, ev, 'HJ12');
    expect([foreign.statusCode, code(foreign)]).toEqual([403, 'foreign_chain']);
    const tampered = ev.map((e) => ({ ...e }));
    tampered[0]!.payload = { note: 'changed' };
    const bad = await pushEvents(app, a, tampered);
    expect([bad.statusCode, bad.json()]).toEqual([
      422,
      { error: { code: 'bad_hash', message: 'seq 1 does not hash to its hash', seq: 1 } },
    ]);
    const big = makeEvents('HJ12', 1, { payload: () => ({ blob: 'x'.repeat(2_200_000) }) });
    const large = await pushEvents(app, a, big);
    expect([large.statusCode, code(large)]).toEqual([413, 'too_large']);
  });

  it('wants the blobs an event names first, and checks their bytes', async () => {
    const a = await enrolled(app, db, 'HJ14');
    const bytes = Buffer.from('%PDF-1.7 scan of a site plan');
    const hash = createHash('sha256').update(bytes).digest('hex');
    const ev = makeEvents('HJ14', 1, { payload: () => ({ sha256: hash, kind: 'scan' }) });
    const early = await pushEvents(app, a, ev);
    expect([early.statusCode, early.json()]).toEqual([
      409,
      { error: { code: 'blob_missing', message: '1 blobs to upload', missing: [hash] } },
    ]);
    const missing = await app.inject({
      method: 'POST',
      url: '/v1/blobs/missing',
      headers: auth(a),
      payload: { hashes: [hash] },
    });
    expect(missing.json()).toEqual({ missing: [hash] });
    const put = (h: string, body: Buffer) =>
      app.inject({
        method: 'PUT',
        url: `/v1/blobs/${h}`,
        headers: { ...auth(a), 'content-type': 'application/octet-stream' },
        payload: body,
      });
    const wrong = await put(hash, Buffer.from('other bytes'));
    expect([wrong.statusCode, code(wrong)]).toEqual([422, 'blob_mismatch']);
    expect((await put(hash, bytes)).statusCode).toBe(201);
    const got = await app.inject({ method: 'GET', url: `/v1/blobs/${hash}`, headers: auth(a) });
    expect(got.rawPayload.equals(bytes)).toBe(true);
    expect((await pushEvents(app, a, ev)).json()).toMatchObject({ accepted: 1 });
  });

  it('bounds the rate of each station', async () => {
    const limited = buildApp({
      db,
      store: new SqlStore(db),
      blobDir,
      log: () => undefined,
      stationRate: { perSecond: 0.5, burst: 3 },
      anonymousRate: { perSecond: 1000, burst: 1000 },
    }).app;
    const s = await enrolled(limited, db, 'HJ15');
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) codes.push((await pull(limited, s, 0, '&limit=1')).statusCode);
    expect(codes).toEqual([200, 200, 200, 429]);
    const res = await pull(limited, s, 0);
    expect(res.json()).toMatchObject({ error: { code: 'rate_limited' } });
    expect((res.json() as { error: { retryAfterMs: number } }).error.retryAfterMs).toBeGreaterThan(
      0,
    );
    await limited.close();
  });

  it("refuses an event id another chain holds (SQL's unique index), storing nothing", async () => {
    const a = await enrolled(app, db, 'HJ17');
    const clash = makeEvents('HJ17', 1).map((e) => ({ ...e, id: 'HJ01-1' }));
    clash[0]!.hash = nodeChainHash(clash[0]!.prevHash, clash[0]!);
    const res = await pushEvents(app, a, clash);
    expect([res.statusCode, res.json()]).toEqual([
      400,
      { error: { code: 'bad_request', message: 'an event id is held by another event' } },
    ]);
    expect(await db.query("SELECT chain_id FROM chains WHERE chain_id = 'HJ17'")).toEqual([]);
  });

  it('refuses to serve a cursor past the hall order (a server restored from an older dump)', async () => {
    const s = await enrolled(app, db, 'HJ16');
    const res = await pull(app, s, 1_000_000);
    expect([res.statusCode, code(res)]).toEqual([503, 'restoring']);
  });

  it('reports the store and the protocol on /v1/health', async () => {
    const res = await app.inject({ method: 'GET', url: '/v1/health' });
    expect(res.json()).toMatchObject({
      ok: true,
      hallName: '测试大厅',
      protocol: 1,
      maxEventSchema: 2,
      store: 'embedded',
    });
  });
});
