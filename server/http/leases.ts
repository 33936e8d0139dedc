// Leased blocks and the register over HTTP (docs/hall.md "Numbers"): POST /v1/numbers/lease,
// POST /v1/numbers/claim, POST /v1/numbers/void, GET /v1/numbers/held, GET /v1/numbers/register. A session is required
// for each; the log says series, seqs, counts and reasons — never a case's content.
import type { FastifyInstance } from 'fastify';
import {
  API_PREFIX,
  claimRequestSchema,
  isOwnEventId,
  leaseRequestSchema,
  seriesIdSchema,
  voidRequestSchema,
} from '../protocol';
import { requireStation } from './auth';
import type { HallContext } from './context';
import { HallError } from './errors';

export function leaseRoutes(app: FastifyInstance, ctx: HallContext) {
  app.post(`${API_PREFIX}/numbers/lease`, async (req) => {
    const stationCode = await requireStation(ctx, req);
    const parsed = leaseRequestSchema.safeParse(req.body);
    if (!parsed.success) {
      throw new HallError(
        'bad_request',
        'leaseKey, kind, type, year and count (1–100) are required',
      );
    }
    const r = await ctx.leases.lease(stationCode, parsed.data);
    if (!r.ok) {
      ctx.log(`lease refused ${r.code}: ${stationCode}`);
      throw new HallError(r.code, r.message);
    }
    const l = r.lease;
    ctx.log(
      `lease ${l.seriesId} #${l.first}–${l.last} to ${stationCode}${r.replayed ? ' (again)' : ''}`,
    );
    return { ...l, replayed: r.replayed, serverTime: ctx.now().toISOString() };
  });

  // An island's own numbers, claimed at the join check before its first push.
  app.post(`${API_PREFIX}/numbers/claim`, async (req) => {
    const stationCode = await requireStation(ctx, req);
    const parsed = claimRequestSchema.safeParse(req.body);
    if (!parsed.success)
      throw new HallError('bad_request', 'uses: 1–1000 of series, seq, case, number and event');
    if (!parsed.data.uses.every((u) => isOwnEventId(stationCode, u.eventId)))
      throw new HallError('bad_request', "a use's event is not of this station's chains");
    const r = await ctx.leases.claim(stationCode, parsed.data.uses);
    ctx.log(
      `claim by ${stationCode}: ${parsed.data.uses.length} numbers, ${r.taken} taken in, ` +
        `${r.marked + r.own} marked, ${r.clashes} clashes`,
    );
    return { ...r, serverTime: ctx.now().toISOString() };
  });

  app.post(`${API_PREFIX}/numbers/void`, async (req) => {
    const stationCode = await requireStation(ctx, req);
    const parsed = voidRequestSchema.safeParse(req.body);
    if (!parsed.success) {
      throw new HallError('bad_request', 'numbers or requestKeys, a reason and by are required');
    }
    const voided = await ctx.leases.void(stationCode, parsed.data);
    ctx.log(`void ${voided} of ${stationCode} (${parsed.data.reason})`);
    return { voided };
  });

  app.get(`${API_PREFIX}/numbers/held`, async (req) => {
    const stationCode = await requireStation(ctx, req);
    return { numbers: await ctx.leases.held(stationCode), serverTime: ctx.now().toISOString() };
  });

  app.get(`${API_PREFIX}/numbers/register`, async (req) => {
    await requireStation(ctx, req);
    const q = (req.query ?? {}) as Record<string, unknown>;
    let series: string | undefined;
    if (q['series'] !== undefined) {
      const parsed = seriesIdSchema.safeParse(q['series']);
      if (!parsed.success)
        throw new HallError('bad_request', 'series: cert|doc|ledger:<type>:<year>');
      series = parsed.data;
    }
    const r = await ctx.leases.register(series);
    return { ...r, serverTime: ctx.now().toISOString() };
  });
}
