// The rating device across the hall over HTTP (docs/floor.md): /v1/floor/rating/*. A session is
// required and the calling station's kind is checked on every call (protocol/rating.ts
// RATING_RIGHTS): a counter or desk asks and picks up its own requests' ratings, a rating device
// reads, submits and expires its own window's request only — the window is the first word of the
// label it was enrolled with. The log says the action, the station and the request id — a request
// holds no personal data, and the log not even the case number.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { API_PREFIX } from '../protocol';
import {
  RATING_ROUTES,
  deviceWindowOf,
  mayRate,
  ratingIdSchema,
  ratingRequestInputSchema,
  ratingSubmitSchema,
  ratingWatchQuerySchema,
  ratingWindowQuerySchema,
  type RatingAction,
} from '../protocol/rating';
import type { SqlRating } from '../db/rating';
import { requireStation } from './auth';
import type { HallContext } from './context';
import { HallError } from './errors';

interface Caller {
  code: string;
  kind: string;
  /** A rating device's window (from its label), else null. */
  window: string | null;
}

async function ratingStation(
  ctx: HallContext,
  req: FastifyRequest,
  action: RatingAction,
): Promise<Caller> {
  const code = await requireStation(ctx, req);
  const [row] = await ctx.db.query<{ kind: string; label: string }>(
    'SELECT kind, label FROM stations WHERE code = $1',
    [code],
  );
  if (!row || !mayRate(row.kind, action)) {
    ctx.log(`rating refused: ${action} from ${code} (${row?.kind ?? 'unknown'})`);
    throw new HallError(
      'station_kind_refused',
      `a ${row?.kind ?? 'unknown'} station may not ${action}`,
    );
  }
  return { code, kind: row.kind, window: row.kind === 'rating' ? deviceWindowOf(row.label) : null };
}

/** A rating device may touch only its own window. */
function ownWindow(ctx: HallContext, c: Caller, window?: string): string {
  if (c.window === null || (window !== undefined && window !== c.window)) {
    ctx.log(`rating refused: ${c.code} (window ${c.window ?? 'none'}) asked for ${window ?? '-'}`);
    throw new HallError(
      'station_kind_refused',
      c.window === null
        ? `the rating device ${c.code} serves no window (its label names none)`
        : `the rating device of ${c.window} may not read ${window}`,
    );
  }
  return c.window;
}

function parse<S extends z.ZodTypeAny>(schema: S, body: unknown): z.infer<S> {
  const r = schema.safeParse(body);
  if (!r.success)
    throw new HallError('bad_request', 'the rating request does not match the protocol');
  return r.data as z.infer<S>;
}

export function ratingRoutes(app: FastifyInstance, ctx: HallContext, rating: SqlRating) {
  const at = (a: RatingAction) => `${API_PREFIX}${RATING_ROUTES[a]}`;
  const said = (action: string, c: Caller, id: string, r: { ok: boolean }) =>
    ctx.log(`rating ${action} by ${c.code}: ${id} ${r.ok ? 'ok' : 'refused'}`);

  app.get(at('current'), async (req) => {
    const c = await ratingStation(ctx, req, 'current');
    const q = parse(ratingWindowQuerySchema, req.query);
    return { ok: true, value: await rating.current(ownWindow(ctx, c, q.window)) };
  });

  app.get(at('watch'), async (req) => {
    const c = await ratingStation(ctx, req, 'watch');
    const q = parse(ratingWatchQuerySchema, req.query);
    return { ok: true, value: await rating.watch(ownWindow(ctx, c, q.window), q.after, q.waitMs) };
  });

  app.post(at('request'), async (req) => {
    const c = await ratingStation(ctx, req, 'request');
    const b = parse(ratingRequestInputSchema, req.body);
    const r = await rating.request(c.code, b);
    said('request', c, b.id, r);
    return r;
  });

  app.post(at('submit'), async (req) => {
    const c = await ratingStation(ctx, req, 'submit');
    const b = parse(ratingSubmitSchema, req.body);
    const r = await rating.submit(c.code, ownWindow(ctx, c), b);
    said('submit', c, b.requestId, r);
    return r;
  });

  app.post(at('expire'), async (req) => {
    const c = await ratingStation(ctx, req, 'expire');
    const b = parse(ratingIdSchema, req.body);
    const r = await rating.expire(ownWindow(ctx, c), b.requestId);
    said('expire', c, b.requestId, r);
    return r;
  });

  app.get(at('rated'), async (req) => {
    const c = await ratingStation(ctx, req, 'rated');
    return rating.rated(c.code);
  });

  app.post(at('recorded'), async (req) => {
    const c = await ratingStation(ctx, req, 'recorded');
    const b = parse(ratingIdSchema, req.body);
    const r = await rating.recorded(c.code, b.requestId);
    said('recorded', c, b.requestId, r);
    return r;
  });
}
