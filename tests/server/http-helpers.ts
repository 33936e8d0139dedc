// Drives the hall's HTTP API through Fastify's inject: a hall, enrolled stations with sessions.
import type { FastifyInstance } from 'fastify';
import { createHall, hallInfo, issueEnrolment } from '../../server/admin';
import type { Db } from '../../server/db/sql';
import { SqlStore } from '../../server/db/store';
import { buildApp } from '../../server/http/app';
import {
  PROTOCOL_VERSION,
  sessionSigningText,
  type StationKind,
  type WireEvent,
} from '../../server/protocol';
import { signedPush, testStation, type TestStation } from './helpers';

export interface Session extends TestStation {
  token: string;
  /** The push signature form the session answer announced. */
  pushSigning?: number;
  /** The refill signature form the session answer announced. */
  refillSigning?: number;
}

/** The hall's HTTP API on `db` as most tests drive it: the SQL store, no blob folder, no log. */
export const hallApp = (db: Db): FastifyInstance =>
  buildApp({ db, store: new SqlStore(db), blobDir: '/tmp/ow-no-blobs', log: () => undefined }).app;

export async function ensureHall(db: Db) {
  if ((await hallInfo(db)).hallId === null) await createHall(db, '测试大厅');
}

export async function enrolStation(
  app: FastifyInstance,
  db: Db,
  code: string,
  kind: StationKind = 'counter',
  label = kind === 'counter' ? `窗口${code}` : `设备${code}`,
) {
  await ensureHall(db);
  const st = testStation(code);
  const issued = await issueEnrolment(db, { code, label, kind });
  const res = await app.inject({
    method: 'POST',
    url: '/v1/enrol',
    payload: { ...enrolBody(st, issued.code), kind },
  });
  if (res.statusCode !== 200) throw new Error(`enrol ${code}: ${res.body}`);
  return st;
}

export const enrolBody = (st: TestStation, code: string) => ({
  code,
  stationCode: st.code,
  label: `窗口${st.code}`,
  kind: 'counter',
  publicKey: st.publicKey,
  appVersion: '0.1.0',
  protocol: PROTOCOL_VERSION,
});

export async function openSession(app: FastifyInstance, st: TestStation): Promise<Session> {
  const ch = await app.inject({
    method: 'POST',
    url: '/v1/session/challenge',
    payload: { stationCode: st.code },
  });
  if (ch.statusCode !== 200) throw new Error(`challenge ${st.code}: ${ch.body}`);
  const { challengeId, nonce } = ch.json() as { challengeId: string; nonce: string };
  const res = await app.inject({
    method: 'POST',
    url: '/v1/session',
    payload: {
      stationCode: st.code,
      challengeId,
      signature: st.sign(sessionSigningText(st.code, challengeId, nonce)),
      protocol: PROTOCOL_VERSION,
      appVersion: '0.1.0',
      maxEventSchema: 2,
    },
  });
  if (res.statusCode !== 200) throw new Error(`session ${st.code}: ${res.body}`);
  const body = res.json() as { token: string; pushSigning?: number; refillSigning?: number };
  return {
    ...st,
    token: body.token,
    pushSigning: body.pushSigning,
    refillSigning: body.refillSigning,
  };
}

export async function enrolled(
  app: FastifyInstance,
  db: Db,
  code: string,
  kind: StationKind = 'counter',
  label?: string,
) {
  return openSession(app, await enrolStation(app, db, code, kind, label));
}

export const auth = (s: { token: string }) => ({ authorization: `Bearer ${s.token}` });

/**
 * The host's channel to the hall (HostApi.hallFloor, HostApi.hallRating) as the station of
 * session `s` calls it: the request the clients build (`requestOf`: floorRequest, ratingRequest)
 * sent through inject; a refusal handed on as the host does, an answer checked by the wire schema.
 */
export const hostChannel =
  <Call>(
    app: FastifyInstance,
    requestOf: (call: Call) => { method: 'GET' | 'POST'; path: string; body?: string },
    answerSchema: { parse(answer: unknown): unknown },
  ) =>
  (s: Session) =>
  async (call: Call) => {
    const r = requestOf(call);
    const res = await app.inject({
      method: r.method,
      url: `/v1${r.path}`,
      headers: { ...auth(s), ...(r.body ? { 'content-type': 'application/json' } : {}) },
      ...(r.body ? { payload: r.body } : {}),
    });
    if (res.statusCode !== 200) {
      const e = res.json().error as { code: 'station_kind_refused'; message: string };
      return { ok: false as const, error: e };
    }
    return { ok: true as const, answer: answerSchema.parse(res.json()) };
  };

export function pushEvents(
  app: FastifyInstance,
  s: Session,
  events: WireEvent[],
  chainId?: string,
) {
  return app.inject({
    method: 'POST',
    url: '/v1/push',
    headers: auth(s),
    payload: signedPush(s, events, chainId),
  });
}

export function pull(app: FastifyInstance, s: Session, after: number, extra = '') {
  return app.inject({ method: 'GET', url: `/v1/pull?after=${after}${extra}`, headers: auth(s) });
}
