// Restoring the hall over HTTP (docs/hall.md "Restoring the server"): POST /v1/restore/refill,
// and the gate that refuses pulls, pushes and numbers (`restoring`, 503) while the hall restores
// — and, after a forced opening, for a station that was missing until it checks in. The log
// says station codes, gseqs and counts, never a payload.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { API_PREFIX } from '../protocol';
import { refillBodySchema } from '../protocol/restore';
import { nodeChainHash, sha256Hex, verifySignature } from '../crypto';
import { refillSignatureProblem, unsignedRefill } from '../core/refillSigning';
import { refill, refusesStation, type RestoreStore } from '../core/restore';
import { requireStation, sessionStation } from './auth';
import { restoreHeldLeases } from '../db/restore';
import type { HallContext } from './context';
import { HallError } from './errors';

/** The routes a restoring hall refuses (every number route, whatever series it serves). */
const GATED = [`${API_PREFIX}/pull`, `${API_PREFIX}/push`, `${API_PREFIX}/numbers/`];

export function restoreRoutes(app: FastifyInstance, ctx: HallContext, restore: RestoreStore) {
  // One refill at a time in this server: the gseqs are claimed in order.
  let queue: Promise<unknown> = Promise.resolve();

  app.addHook('preHandler', async (req: FastifyRequest) => {
    const path = req.url.split('?')[0] ?? '';
    if (!GATED.some((g) => path === g || (g.endsWith('/') && path.startsWith(g)))) return;
    const s = await restore.state();
    if (s.restoring)
      throw new HallError('restoring', 'the hall is being restored: refill, then wait');
    if (s.missing.length > 0 && refusesStation(s, await requireStation(ctx, req)))
      throw new HallError('restoring', 'the hall reopened without this station: check in first');
  });

  app.post(`${API_PREFIX}/restore/refill`, async (req) => {
    const { code: stationCode, publicKey } = await sessionStation(ctx, req);
    const parsed = refillBodySchema.safeParse(req.body);
    if (!parsed.success)
      throw new HallError('bad_request', 'the refill does not match the protocol');
    // The signature first: a refused refill stores nothing (no event, credential, lease or
    // check-in) and does not start restore mode.
    const problem = await refillSignatureProblem(
      parsed.data,
      (text, signature) => verifySignature(publicKey, text, signature),
      sha256Hex,
    );
    if (problem) {
      ctx.log(`refill refused ${problem.code}: ${stationCode}`);
      const { code, message, ...detail } = problem;
      throw new HallError(code, message, detail);
    }
    const request = unsignedRefill(parsed.data);
    const held = request.leases ?? [];
    // The leased blocks it holds, taken in again while the hall restores (db/restore.ts) —
    // before the refill, whose last check-in may open the hall, and again after it, when this
    // refill is what told the hall it was restored. Taking one in twice changes nothing.
    const takeLeases = async () => {
      if (held.length === 0) return;
      const taken = await restoreHeldLeases(ctx.db, stationCode, held);
      if (taken > 0) ctx.log(`refill ${stationCode}: ${taken} leased numbers taken in again`);
    };
    const run = queue.then(async () => {
      if ((await restore.state()).restoring) await takeLeases();
      const r = await refill(ctx.store, restore, stationCode, request, {
        now: ctx.now(),
        hashOf: nodeChainHash,
        log: ctx.log,
      });
      if (r.ok && r.restoring) await takeLeases();
      return r;
    });
    queue = run.catch(() => undefined);
    const r = await run;
    if (!r.ok) {
      ctx.log(`refill refused ${r.code}: ${stationCode}`);
      const { code, message, ok: _ok, ...detail } = r;
      throw new HallError(code, message, detail);
    }
    ctx.log(
      `refill ${stationCode}: holds ${request.holds}, ${r.accepted} taken, hall at ${r.lastGseq}` +
        (r.restoring ? `, waiting for ${r.waitingFor.join(' ')}` : ', open'),
    );
    return {
      restoring: r.restoring,
      lastGseq: r.lastGseq,
      accepted: r.accepted,
      next: r.next,
      waitingFor: r.waitingFor,
      serverTime: ctx.now().toISOString(),
    };
  });
}

/** A pull whose cursor is past the hall's order: the hall was restored without being told. */
export async function detectRewound(
  restore: RestoreStore,
  ctx: HallContext,
  after: number,
  lastGseq: number,
): Promise<void> {
  if (after <= lastGseq) return;
  if (await restore.begin('detected', lastGseq, ctx.now()))
    ctx.log(`restore mode: a pull after ${after}, the hall ends at ${lastGseq}`);
  throw new HallError('restoring', `the hall's order ends at ${lastGseq}: refill`);
}
