// The hall's HTTP API (Fastify): health, enrolment and sessions (auth.ts), push and pull (here),
// blobs (blobs.ts). Every request is validated with the protocol's zod schemas; every refusal is
// the protocol's error body; the log carries ids, types and counts, never a payload.
import Fastify, { type FastifyInstance } from 'fastify';
import {
  API_PREFIX,
  MAX_PUSH_BYTES,
  PROTOCOL_VERSION,
  pullQuerySchema,
  canonicalCredentials,
  pushRequestSchema,
  pushSigningText,
  PUSH_SIGNING_FORM,
  type PushRequest,
} from '../protocol';
import { hallInfo } from '../admin';
import { push } from '../core/hall';
import type { EventStore } from '../core/store';
import { nodeChainHash, sha256Hex, verifySignature } from '../crypto';
import type { Db } from '../db/sql';
import { authRoutes, requireStation, sessionStation } from './auth';
import { blobRoutes } from './blobs';
import { leaseRoutes } from './leases';
import { numberRoutes } from './numbers';
import type { NumberStore } from '../core/numbers';
import { SqlLeases } from '../db/leases';
import { SqlNumbers } from '../db/numbers';
import type { RestoreStore } from '../core/restore';
import { SqlRestore } from '../db/restore';
import { detectRewound, restoreRoutes } from './restore';
import { SqlFloor } from '../db/floor';
import { floorRoutes } from './floor';
import { SqlRating } from '../db/rating';
import { ratingRoutes } from './rating';
import { deviceGate } from './deviceGate';
import { followRoutes } from './follow';
import {
  DEFAULT_ANONYMOUS_RATE,
  DEFAULT_PUBLIC_RATE,
  DEFAULT_STATION_RATE,
  RateLimiter,
  type HallContext,
  type RateBound,
} from './context';
import { HallError, sendError } from './errors';

/** The newest event envelope schema this server accepts (renderer/src/data/eventRegistry.ts). */
export const SERVER_MAX_EVENT_SCHEMA = 2;

export interface AppOptions {
  db: Db;
  store: EventStore;
  /** Default: the SQL store over `db`. */
  numbers?: NumberStore;
  /** Default: the SQL restore state over `db` (docs/hall.md "Restoring the server"). */
  restore?: RestoreStore;
  blobDir: string;
  maxEventSchema?: number;
  now?: () => Date;
  log?: (line: string) => void;
  stationRate?: RateBound;
  anonymousRate?: RateBound;
  /** The bound per address of the public follow page (GET /q/<id>). */
  publicRate?: RateBound;
  /**
   * The hall's public address, checked (domain/floor/follow.ts checkPublicUrl): the kiosk prints
   * `<publicUrl>/q/<ticket id>` as the ticket's QR code (docs/floor.md).
   */
  publicUrl?: string;
  https?: { key: string; cert: string };
  /** The public half of the hall's bundle key (server/bundleKey.ts), for the session answer. */
  bundleKey?: string;
}

/**
 * The credentials beside a push must be the ones its signature covers (form 2: the signed
 * SHA-256 of their canonical form); a push of form 1 — a station from before — may carry none.
 * Checked before anything is stored: a refused push stores no event and no credential.
 */
function credentialsSigned(ctx: HallContext, stationCode: string, body: PushRequest) {
  const credentials = body.credentials ?? [];
  if (body.credentialsSha256 === undefined) {
    if (credentials.length === 0) return;
    ctx.log(`push refused: unsigned credentials from ${stationCode} on ${body.chainId}`);
    throw new HallError(
      'protocol_unsupported',
      'credentials beside a push signed without them (onewindow-push-v1): update this station',
      { supported: PUSH_SIGNING_FORM },
    );
  }
  if (sha256Hex(canonicalCredentials(credentials)) !== body.credentialsSha256) {
    ctx.log(`push refused: credentials not the signed ones from ${stationCode} on ${body.chainId}`);
    throw new HallError(
      'credentials_mismatch',
      'the credentials beside the push are not the ones its signature covers',
    );
  }
}

export function buildApp(o: AppOptions): { app: FastifyInstance; ctx: HallContext } {
  const stationLimiter = new RateLimiter(o.stationRate ?? DEFAULT_STATION_RATE);
  const anonymousLimiter = new RateLimiter(o.anonymousRate ?? DEFAULT_ANONYMOUS_RATE);
  const publicLimiter = new RateLimiter(o.publicRate ?? DEFAULT_PUBLIC_RATE);
  const ctx: HallContext = {
    db: o.db,
    store: o.store,
    numbers: o.numbers ?? new SqlNumbers(o.db),
    floor: new SqlFloor(o.db, o.now),
    leases: new SqlLeases(o.db),
    blobDir: o.blobDir,
    ...(o.bundleKey ? { bundleKey: o.bundleKey } : {}),
    ...(o.publicUrl ? { publicUrl: o.publicUrl } : {}),
    maxEventSchema: o.maxEventSchema ?? SERVER_MAX_EVENT_SCHEMA,
    now: o.now ?? (() => new Date()),
    log: o.log ?? ((line) => console.log(`[hall] ${line}`)),
    limit: (code) => stationLimiter.take(code),
    limitAnonymous: (ip) => anonymousLimiter.take(ip),
    limitPublic: (ip) => publicLimiter.take(ip),
  };
  const app = Fastify({
    logger: false,
    bodyLimit: MAX_PUSH_BYTES,
    ...(o.https ? { https: o.https } : {}),
  }) as unknown as FastifyInstance;

  app.setErrorHandler((err: unknown, _req, reply) => {
    if (err instanceof HallError) return sendError(reply, err.code, err.message, err.detail);
    const e = err as { statusCode?: number; code?: string; message?: string };
    if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || e.statusCode === 413) {
      return sendError(reply, 'too_large', 'the request is larger than the hall accepts');
    }
    if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
      return sendError(reply, 'bad_request', e.code ?? 'bad request');
    }
    // The message without anything quoted: a database error may quote values it was given.
    const bare = (e.message ?? '').replace(/"[^"]*"|'[^']*'/g, '…').slice(0, 160);
    ctx.log(`internal error: ${e.code ?? ''} ${bare}`);
    return sendError(reply, 'internal', 'the hall server failed; try again');
  });
  app.setNotFoundHandler((_req, reply) => sendError(reply, 'bad_request', 'no such route'));

  app.get(`${API_PREFIX}/health`, async () => {
    const h = await hallInfo(o.db);
    return {
      ok: true,
      hallId: h.hallId,
      hallName: h.name,
      protocol: PROTOCOL_VERSION,
      maxEventSchema: ctx.maxEventSchema,
      serverTime: ctx.now().toISOString(),
      store: o.db.kind,
    };
  });

  const restore = o.restore ?? new SqlRestore(o.db);
  // First: its gate refuses pulls, pushes and numbers while the hall restores.
  restoreRoutes(app, ctx, restore);
  deviceGate(app, ctx);
  authRoutes(app, ctx);
  blobRoutes(app, ctx);
  numberRoutes(app, ctx);
  floorRoutes(app, ctx);
  followRoutes(app, ctx);
  ratingRoutes(app, ctx, new SqlRating(o.db, o.now));
  leaseRoutes(app, ctx);

  app.post(`${API_PREFIX}/push`, async (req) => {
    const { code: stationCode, publicKey } = await sessionStation(ctx, req);
    const parsed = pushRequestSchema.safeParse(req.body);
    if (!parsed.success) throw new HallError('bad_request', 'the push does not match the protocol');
    const body = parsed.data;
    const last = body.events.at(-1);
    const text = pushSigningText({
      pushId: body.pushId,
      chainId: body.chainId,
      fromSeq: body.fromSeq,
      toSeq: body.fromSeq + body.events.length - 1,
      lastHash: last?.hash ?? '',
      ...(body.credentialsSha256 !== undefined
        ? { credentialsSha256: body.credentialsSha256 }
        : {}),
    });
    if (!verifySignature(publicKey, text, body.signature)) {
      ctx.log(`push refused: bad signature from ${stationCode} on ${body.chainId}`);
      throw new HallError('bad_signature', 'the push signature does not verify');
    }
    credentialsSigned(ctx, stationCode, body);
    const r = await push(o.store, stationCode, body, {
      maxEventSchema: ctx.maxEventSchema,
      hashOf: nodeChainHash,
    });
    if (!r.ok) {
      const { code, message, ...detail } = r.refusal;
      ctx.log(
        `push refused ${code}: ${body.chainId} ${body.fromSeq}..+${body.events.length}` +
          (r.quarantined ? ' — chain QUARANTINED (fork): tell the administrator' : ''),
      );
      throw new HallError(code, message, detail);
    }
    const types = new Map<string, number>();
    for (const e of body.events) types.set(e.type, (types.get(e.type) ?? 0) + 1);
    ctx.log(
      `push ${body.chainId} ${body.fromSeq}..${r.head.seq}: ${r.accepted} accepted, ` +
        `${r.duplicates} duplicates (${[...types].map(([t, n]) => `${t}×${n}`).join(', ')})`,
    );
    return {
      accepted: r.accepted,
      duplicates: r.duplicates,
      head: r.head,
      gseqs: r.gseqs,
      serverTime: ctx.now().toISOString(),
    };
  });

  app.get(`${API_PREFIX}/pull`, async (req, reply) => {
    await requireStation(ctx, req);
    const q = pullQuerySchema.safeParse(req.query);
    if (!q.success) throw new HallError('bad_request', 'after, limit and waitMs are numbers');
    const { after, limit, waitMs } = q.data;
    let page = await o.store.pull(after, limit);
    // The hall was restored from an older dump: its order is behind what stations hold.
    await detectRewound(restore, ctx, after, page.lastGseq);
    if (page.rows.length === 0 && waitMs > 0) {
      await o.store.waitPast(after, waitMs);
      page = await o.store.pull(after, limit);
    }
    const cursor = page.rows.at(-1)?.gseq ?? after;
    // The events go out as stored (json text), spliced in without a parse and re-serialise.
    const events = page.rows.map((r) => `{"gseq":${r.gseq},"event":${r.json}}`).join(',');
    // The password hashes of this page's user events, beside them (only to an active station).
    const credentials =
      page.credentials.length > 0 ? `,"credentials":${JSON.stringify(page.credentials)}` : '';
    return reply
      .type('application/json')
      .send(
        `{"events":[${events}],"cursor":${cursor},"lastGseq":${page.lastGseq},` +
          `"serverTime":${JSON.stringify(ctx.now().toISOString())}${credentials}}`,
      );
  });

  return { app, ctx };
}
