// Who a station is: enrolment (a single-use code from the administrator + the station's public
// key), challenge–response sessions signed by that key, and the bearer check on every route.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  API_PREFIX,
  PROTOCOL_VERSION,
  challengeRequestSchema,
  enrolRequestSchema,
  sessionRequestSchema,
  sessionSigningText,
  type ChainHeadInfo,
  PUSH_SIGNING_FORM,
  REFILL_SIGNING_FORM,
} from '../protocol';
import { hallInfo, station } from '../admin';
import { randomNonce, randomToken, sha256Hex, stationKey, verifySignature } from '../crypto';
import { HallError } from './errors';
import type { HallContext } from './context';

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
export const CHALLENGE_TTL_MS = 2 * 60 * 1000;

const iso = (d: Date) => d.toISOString();

function parse<T>(schema: { safeParse(v: unknown): { success: boolean; data?: T } }, v: unknown) {
  const r = schema.safeParse(v);
  if (!r.success) throw new HallError('bad_request', 'the request does not match the protocol');
  return r.data as T;
}

export async function headsOf(ctx: HallContext, stationCode: string): Promise<ChainHeadInfo[]> {
  return ctx.store.heads(stationCode);
}

/** The station behind the bearer token, active, with its key; refuses otherwise. */
export async function sessionStation(
  ctx: HallContext,
  req: FastifyRequest,
): Promise<{ code: string; publicKey: string }> {
  const auth = req.headers.authorization ?? '';
  const m = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(auth);
  if (!m?.[1]) throw new HallError('unauthorized', 'no session: POST /v1/session first');
  const [row] = await ctx.db.query<{ code: string; status: string; public_key: string | null }>(
    `SELECT st.code, st.status, st.public_key FROM sessions s
     JOIN stations st ON st.code = s.station_code
     WHERE s.token_hash = $1 AND s.expires_at > $2`,
    [sha256Hex(m[1]), iso(ctx.now())],
  );
  if (!row) throw new HallError('unauthorized', 'the session is unknown or has expired');
  if (row.status === 'blocked') throw new HallError('station_blocked', 'the station is blocked');
  if (row.status === 'retired') throw new HallError('station_retired', 'the station is retired');
  if (row.status !== 'active' || !row.public_key) {
    throw new HallError('station_unknown', 'the station is not enrolled');
  }
  ctx.limit(row.code);
  return { code: row.code, publicKey: row.public_key };
}

export async function requireStation(ctx: HallContext, req: FastifyRequest): Promise<string> {
  return (await sessionStation(ctx, req)).code;
}

export function authRoutes(app: FastifyInstance, ctx: HallContext) {
  app.post(`${API_PREFIX}/enrol`, async (req) => {
    ctx.limitAnonymous(req.ip);
    const body = parse(enrolRequestSchema, req.body);
    if (body.protocol !== PROTOCOL_VERSION) {
      throw new HallError('protocol_unsupported', 'protocol version not spoken here', {
        supported: PROTOCOL_VERSION,
      });
    }
    if (!stationKey(body.publicKey)) throw new HallError('bad_request', 'not a P-256 SPKI key');
    const hall = await hallInfo(ctx.db);
    if (!hall.hallId || !hall.name) throw new HallError('enrolment_code_invalid', 'no hall yet');
    const now = ctx.now();
    const result = await ctx.db.tx(async (sql) => {
      const [c] = await sql.query<{ station_code: string; expires_at: Date; used_at: Date | null }>(
        `SELECT station_code, expires_at, used_at FROM enrollment_codes WHERE code_hash = $1
         FOR UPDATE`,
        [sha256Hex(body.code)],
      );
      if (!c || c.station_code !== body.stationCode) {
        return new HallError('enrolment_code_invalid', 'no such enrolment code for this station');
      }
      if (c.used_at) return new HallError('enrolment_code_used', 'the code was used already');
      if (new Date(c.expires_at).getTime() <= now.getTime()) {
        return new HallError('enrolment_code_expired', 'the code has expired');
      }
      const s = await station(sql, body.stationCode);
      if (s?.status === 'retired') return new HallError('station_retired', 'station retired');
      if (s?.status === 'blocked') return new HallError('station_blocked', 'station blocked');
      await sql.query('UPDATE enrollment_codes SET used_at = $2 WHERE code_hash = $1', [
        sha256Hex(body.code),
        iso(now),
      ]);
      await sql.query(
        `UPDATE stations SET status = 'active', public_key = $2, app_version = $3, enrolled_at = $4
         WHERE code = $1`,
        [body.stationCode, body.publicKey, body.appVersion, iso(now)],
      );
      // A new key ends the sessions made with the old one.
      await sql.query('DELETE FROM sessions WHERE station_code = $1', [body.stationCode]);
      return null;
    });
    if (result) throw result;
    ctx.log(`enrolled station ${body.stationCode}`);
    return {
      hallId: hall.hallId,
      hallName: hall.name,
      stationCode: body.stationCode,
      serverTime: iso(ctx.now()),
      heads: await headsOf(ctx, body.stationCode),
    };
  });

  app.post(`${API_PREFIX}/session/challenge`, async (req) => {
    ctx.limitAnonymous(req.ip);
    const body = parse(challengeRequestSchema, req.body);
    const s = await station(ctx.db, body.stationCode);
    if (!s || s.status === 'pending') throw new HallError('station_unknown', 'not enrolled');
    if (s.status === 'blocked') throw new HallError('station_blocked', 'the station is blocked');
    if (s.status === 'retired') throw new HallError('station_retired', 'the station is retired');
    const challengeId = randomUUID();
    const nonce = randomNonce();
    const expiresAt = new Date(ctx.now().getTime() + CHALLENGE_TTL_MS);
    await ctx.db.query(
      'INSERT INTO challenges (challenge_id, station_code, nonce, expires_at) VALUES ($1, $2, $3, $4)',
      [challengeId, body.stationCode, nonce, iso(expiresAt)],
    );
    return { challengeId, nonce, expiresAt: iso(expiresAt), serverTime: iso(ctx.now()) };
  });

  app.post(`${API_PREFIX}/session`, async (req) => {
    ctx.limitAnonymous(req.ip);
    const body = parse(sessionRequestSchema, req.body);
    if (body.protocol !== PROTOCOL_VERSION) {
      throw new HallError('protocol_unsupported', 'protocol version not spoken here', {
        supported: PROTOCOL_VERSION,
      });
    }
    const now = ctx.now();
    // Single use: the challenge is spent whether the signature verifies or not.
    const [c] = await ctx.db.query<{ nonce: string }>(
      `UPDATE challenges SET used_at = $3 WHERE challenge_id = $1 AND station_code = $2
       AND used_at IS NULL AND expires_at > $3 RETURNING nonce`,
      [body.challengeId, body.stationCode, iso(now)],
    );
    if (!c) throw new HallError('challenge_invalid', 'unknown, used or expired challenge');
    const s = await station(ctx.db, body.stationCode);
    if (!s || !s.publicKey || s.status === 'pending') {
      throw new HallError('station_unknown', 'not enrolled');
    }
    if (s.status === 'blocked') throw new HallError('station_blocked', 'the station is blocked');
    if (s.status === 'retired') throw new HallError('station_retired', 'the station is retired');
    const text = sessionSigningText(body.stationCode, body.challengeId, c.nonce);
    if (!verifySignature(s.publicKey, text, body.signature)) {
      ctx.log(`session refused: bad signature from ${body.stationCode}`);
      throw new HallError('bad_signature', 'the signature does not verify with the enrolled key');
    }
    // Spent and stale rows go as new sessions open (no timer to run).
    await ctx.db.query('DELETE FROM challenges WHERE expires_at < $1', [iso(now)]);
    await ctx.db.query('DELETE FROM sessions WHERE expires_at < $1', [iso(now)]);
    const token = randomToken();
    const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
    await ctx.db.query(
      'INSERT INTO sessions (token_hash, station_code, expires_at) VALUES ($1, $2, $3)',
      [sha256Hex(token), body.stationCode, iso(expiresAt)],
    );
    await ctx.db.query('UPDATE stations SET last_seen_at = $2, app_version = $3 WHERE code = $1', [
      body.stationCode,
      iso(now),
      body.appVersion,
    ]);
    return {
      token,
      expiresAt: iso(expiresAt),
      serverTime: iso(ctx.now()),
      heads: await headsOf(ctx, body.stationCode),
      lastGseq: await ctx.store.lastGseq(),
      ...(ctx.bundleKey ? { bundleKey: ctx.bundleKey } : {}),
      pushSigning: PUSH_SIGNING_FORM,
      refillSigning: REFILL_SIGNING_FORM,
    };
  });
}
