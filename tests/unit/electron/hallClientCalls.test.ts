// The hall client's session calls through one scripted transport: the request each channel sends
// (method, path, body, deadline, token) and how each answer is checked — the floor, the rating
// device and the numbers channel had no test of their own before the client was split
// (electron/hall-calls.ts, hall-numbers.ts, hall-wire.ts callHall).
import { describe, expect, it } from 'vitest';
import { createHallClient, type Enrolment } from '../../../electron/hall-client';
import type { HallAnswer, HallRequest } from '../../../electron/hall-wire';

const enrolment: Enrolment = {
  version: 1,
  serverUrl: 'http://127.0.0.1:4470',
  hallId: 'hall-1',
  hallName: '测试大厅',
  stationCode: 'HJ01',
  label: '1号窗口',
  kind: 'counter',
  fingerprint: null,
  enrolledAt: '2026-12-01T08:00:00.000Z',
};

const SERVER_TIME = '2026-12-01T08:00:00.000Z';
const ok = (body: unknown): HallAnswer => ({ status: 200, body, fingerprint: null });
const refused = (status: number, code: string, message = code): HallAnswer => ({
  status,
  body: { error: { code, message } },
  fingerprint: null,
});

/** A client whose transport answers the session itself and `answer` for every other call. */
function scripted(answer: (r: HallRequest) => HallAnswer) {
  const seen: HallRequest[] = [];
  let sessions = 0;
  const client = createHallClient({
    store: { load: async () => enrolment, save: async () => undefined },
    keys: {
      publicKey: async () => ({ spki: 'AAAA' }),
      sign: async () => ({ signature: 'c2ln' }),
    },
    readBlob: async () => new Uint8Array(),
    sha256Hex: () => '0'.repeat(64),
    appVersion: '0.1.0-test',
    pinsCertificates: false,
    timeoutMs: 1000,
    now: () => new Date(SERVER_TIME),
    send: async (r) => {
      if (r.path === '/v1/session/challenge')
        return ok({
          challengeId: 'challenge-1',
          nonce: 'bm9uY2U=',
          expiresAt: SERVER_TIME,
          serverTime: SERVER_TIME,
        });
      if (r.path === '/v1/session') {
        sessions += 1;
        return ok({
          token: `token-number-${sessions}-abcdefghijkl`,
          expiresAt: '2026-12-01T20:00:00.000Z',
          serverTime: SERVER_TIME,
          heads: [],
          lastGseq: 0,
        });
      }
      seen.push(r);
      return answer(r);
    },
  });
  return { client, seen, sessions: () => sessions };
}

const shape = (r: HallRequest) => ({
  method: r.method,
  path: r.path,
  body: r.body,
  timeoutMs: r.timeoutMs,
  token: r.token,
});

const snapshot = { ok: true, value: [] };

describe('hall client calls', () => {
  it('the floor: each action as its route, a watch given its wait on top of the deadline', async () => {
    const { client, seen } = scripted(() => ok(snapshot));
    expect(await client.floor({ action: 'month', month: '2026-12' })).toEqual({
      ok: true,
      answer: snapshot,
    });
    await client.floor({ action: 'watch', after: 7, waitMs: 25_000 });
    await client.floor({ action: 'recall', body: { ticketId: 't-1' } } as never);
    expect(seen.map(shape)).toEqual([
      {
        method: 'GET',
        path: '/v1/floor/month?month=2026-12',
        body: undefined,
        timeoutMs: 1000,
        token: 'token-number-1-abcdefghijkl',
      },
      {
        method: 'GET',
        path: '/v1/floor/watch?after=7&waitMs=25000',
        body: undefined,
        timeoutMs: 26_000,
        token: 'token-number-1-abcdefghijkl',
      },
      {
        method: 'POST',
        path: '/v1/floor/recall',
        body: '{"ticketId":"t-1"}',
        timeoutMs: 1000,
        token: 'token-number-1-abcdefghijkl',
      },
    ]);
  });

  it('the rating device: its routes; an answer of another shape is bad_response, a refusal its code', async () => {
    let next: HallAnswer = ok({ ok: true, value: { bad: true } });
    const { client, seen } = scripted(() => next);
    expect(await client.rating({ action: 'current', window: 'HJ01' })).toEqual({
      ok: true,
      answer: { ok: true, value: { bad: true } },
    });
    next = ok({ ok: true, value: 'not a rating' });
    expect(await client.rating({ action: 'rated' })).toEqual({
      ok: false,
      error: { code: 'bad_response', message: 'unexpected_body_200' },
    });
    next = refused(403, 'station_kind_refused', 'a kiosk rates nothing');
    expect(await client.rating({ action: 'watch', window: 'HJ01', after: 3, waitMs: 500 })).toEqual(
      { ok: false, error: { code: 'station_kind_refused', message: 'a kiosk rates nothing' } },
    );
    expect(seen.map((r) => [r.method, r.path, r.timeoutMs])).toEqual([
      ['GET', '/v1/floor/rating/current?window=HJ01', 1000],
      ['GET', '/v1/floor/rating/rated', 1000],
      ['GET', '/v1/floor/rating/watch?window=HJ01&after=3&waitMs=500', 1500],
    ]);
  });

  it('numbers: lease, void, held, claim and register as their routes; a bad request never leaves', async () => {
    const answers: Record<string, unknown> = {
      '/v1/numbers/lease': {
        leaseKey: 'lease-1',
        seriesId: 'doc:acceptanceNotice:2026',
        first: 11,
        last: 20,
        replayed: false,
        serverTime: SERVER_TIME,
      },
      '/v1/numbers/void': { voided: 2, serverTime: SERVER_TIME },
      '/v1/numbers/held': { numbers: [], serverTime: SERVER_TIME },
      '/v1/numbers/claim': { own: 0, taken: 1, marked: 0, clashes: 0, serverTime: SERVER_TIME },
    };
    const { client, seen } = scripted((r) => ok(answers[r.path.split('?')[0]!] ?? {}));
    const lease = await client.numbers({
      op: 'lease',
      request: {
        leaseKey: 'lease-HJ01-1',
        kind: 'document',
        type: 'acceptanceNotice',
        year: 2026,
        count: 10,
      },
    });
    expect(lease).toMatchObject({ ok: true, response: { op: 'lease', lease: { first: 11 } } });
    expect(await client.numbers({ op: 'held' })).toEqual({
      ok: true,
      response: { op: 'held', held: { numbers: [], serverTime: SERVER_TIME } },
    });
    const use = {
      seriesId: 'cert:constructionPermit:*',
      seq: 3,
      caseId: 'c3',
      usedRef: '建字第410108202600003号',
      eventId: 'HJ01-9',
    };
    expect(await client.numbers({ op: 'claim', request: { uses: [use] } })).toEqual({
      ok: true,
      response: {
        op: 'claim',
        claim: { own: 0, taken: 1, marked: 0, clashes: 0, serverTime: SERVER_TIME },
      },
    });
    // No use at all: refused here, never sent.
    expect(await client.numbers({ op: 'claim', request: { uses: [] } })).toMatchObject({
      ok: false,
      error: { code: 'bad_response' },
    });
    // The register's answer here is not a register: refused as bad_response, not passed on.
    expect(await client.numbers({ op: 'register', series: 'ledger:x:2026' })).toMatchObject({
      ok: false,
      error: { code: 'bad_response' },
    });
    expect(await client.numbers({ op: 'nonsense' } as never)).toEqual({
      ok: false,
      error: { code: 'bad_response', message: 'unexpected' },
    });
    expect(seen.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /v1/numbers/lease',
      'GET /v1/numbers/held',
      'POST /v1/numbers/claim',
      'GET /v1/numbers/register?series=ledger%3Ax%3A2026',
    ]);
    expect(JSON.parse(seen[2]!.body as string)).toEqual({ uses: [use] });
    expect(JSON.parse(seen[0]!.body as string)).toEqual({
      leaseKey: 'lease-HJ01-1',
      kind: 'document',
      type: 'acceptanceNotice',
      year: 2026,
      count: 10,
    });
  });

  it('an expired token is renewed once; a second refusal is the answer', async () => {
    let refusals = 2;
    const { client, seen, sessions } = scripted(() =>
      refusals-- > 0 ? refused(401, 'unauthorized') : ok({ missing: [] }),
    );
    expect(await client.missingBlobs({ hashes: [] })).toEqual({
      ok: false,
      error: { code: 'unauthorized', message: 'unauthorized' },
    });
    expect(sessions()).toBe(2);
    expect(await client.missingBlobs({ hashes: [] })).toEqual({ ok: true, missing: [] });
    expect(seen.map((r) => r.token)).toEqual([
      'token-number-1-abcdefghijkl',
      'token-number-2-abcdefghijkl',
      'token-number-2-abcdefghijkl',
    ]);
  });
});
