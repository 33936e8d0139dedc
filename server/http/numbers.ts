// Hall-wide numbers over HTTP: POST /v1/numbers/certificate (docs/hall.md "Numbers"). A
// session is required (the station is the one its token says, checked again at every call);
// the log says the series, the seq and whether it was a replay — never the case's content.
import type { FastifyInstance } from 'fastify';
import { API_PREFIX, allocateCertificateRequestSchema } from '../protocol';
import { requireStation } from './auth';
import type { HallContext } from './context';
import { HallError } from './errors';

export function numberRoutes(app: FastifyInstance, ctx: HallContext) {
  app.post(`${API_PREFIX}/numbers/certificate`, async (req) => {
    const stationCode = await requireStation(ctx, req);
    const parsed = allocateCertificateRequestSchema.safeParse(req.body);
    if (!parsed.success) {
      throw new HallError('bad_request', 'requestKey, certType, year and caseId are required');
    }
    const r = await ctx.numbers.allocateCertificate(stationCode, parsed.data);
    if (!r.ok) {
      ctx.log(`number refused ${r.code}: ${stationCode}`);
      throw new HallError(r.code, r.message);
    }
    const a = r.allocation;
    ctx.log(`number ${a.seriesId} #${a.seq} to ${stationCode}${r.replayed ? ' (again)' : ''}`);
    return {
      seq: a.seq,
      seriesId: a.seriesId,
      requestKey: a.requestKey,
      caseId: a.caseId,
      replayed: r.replayed,
      allocatedAt: a.allocatedAt,
      serverTime: ctx.now().toISOString(),
    };
  });
}
