// The hall floor over HTTP (docs/floor.md): /v1/floor/*. A session is required, and the calling
// station's kind is checked on every call (protocol/floor.ts FLOOR_RIGHTS): a kiosk issues and
// reads, a display reads, a counter or desk works the queue, a rating device nothing of it. A
// rule's refusal is an answer (200, { ok: false, code, message }), not a protocol error. The log
// says the action, the station and the ticket number — a ticket holds no personal data.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { API_PREFIX } from '../protocol';
import {
  FLOOR_ROUTES,
  floorActSchema,
  floorCallNextSchema,
  floorIssueSchema,
  floorLinkSchema,
  floorMonthQuerySchema,
  floorSaveSettingsSchema,
  floorTransferSchema,
  floorWatchQuerySchema,
  mayOnFloor,
  type FloorAction,
} from '../protocol/floor';
import type { FloorResult, FloorSnapshot, Ticket } from '../../renderer/src/domain/floor/types';
import { requireStation } from './auth';
import type { HallContext } from './context';
import { HallError } from './errors';

async function floorStation(ctx: HallContext, req: FastifyRequest, action: FloorAction) {
  const code = await requireStation(ctx, req);
  const [row] = await ctx.db.query<{ kind: string }>('SELECT kind FROM stations WHERE code = $1', [
    code,
  ]);
  if (!row || !mayOnFloor(row.kind, action)) {
    ctx.log(`floor refused: ${action} from ${code} (${row?.kind ?? 'unknown'})`);
    throw new HallError(
      'station_kind_refused',
      `a ${row?.kind ?? 'unknown'} station may not ${action}`,
    );
  }
  return code;
}

function parse<S extends z.ZodTypeAny>(schema: S, body: unknown): z.infer<S> {
  const r = schema.safeParse(body);
  if (!r.success)
    throw new HallError('bad_request', 'the floor request does not match the protocol');
  return r.data as z.infer<S>;
}

const numberOf = (r: FloorResult<unknown>): string => {
  if (!r.ok) return `refused ${r.code}`;
  const v = r.value as Ticket | { ticket: Ticket } | null;
  if (v === null) return 'none waiting';
  return 'ticket' in v ? v.ticket.number : ((v as Ticket).number ?? '');
};

export function floorRoutes(app: FastifyInstance, ctx: HallContext) {
  const floor = ctx.floor;
  const route = `${API_PREFIX}`;
  // The kiosk learns the hall's public address with the floor (the ticket's QR code).
  const told = (s: FloorSnapshot): FloorSnapshot =>
    ctx.publicUrl ? { ...s, publicUrl: ctx.publicUrl } : s;

  app.get(route + FLOOR_ROUTES.snapshot, async (req) => {
    await floorStation(ctx, req, 'snapshot');
    return { ok: true, value: told(await floor.snapshot()) };
  });

  app.get(route + FLOOR_ROUTES.month, async (req) => {
    await floorStation(ctx, req, 'month');
    const q = parse(floorMonthQuerySchema, req.query);
    return { ok: true, value: await floor.monthTickets(q.month) };
  });

  app.get(route + FLOOR_ROUTES.watch, async (req) => {
    await floorStation(ctx, req, 'watch');
    const q = parse(floorWatchQuerySchema, req.query);
    return { ok: true, value: told(await floor.watch(q.after, q.waitMs)) };
  });

  const post = <S extends z.ZodTypeAny>(
    action: FloorAction,
    schema: S,
    run: (station: string, body: z.infer<S>) => Promise<FloorResult<unknown>>,
  ) =>
    app.post(route + FLOOR_ROUTES[action], async (req) => {
      const station = await floorStation(ctx, req, action);
      const r = await run(station, parse(schema, req.body));
      ctx.log(`floor ${action} by ${station}: ${numberOf(r)}`);
      return r;
    });

  post('issue', floorIssueSchema, (station, b) => floor.issueTicket(station, b));
  post('callNext', floorCallNextSchema, (station, b) => floor.callNext(station, b));
  post('recall', floorActSchema, (_s, b) => floor.recall(b));
  post('skip', floorActSchema, (_s, b) => floor.skip(b));
  post('transfer', floorTransferSchema, (_s, b) => floor.transfer(b));
  post('serve', floorActSchema, (_s, b) => floor.serve(b));
  post('linkCase', floorLinkSchema, (_s, b) => floor.linkCase(b));
  post('finish', floorActSchema, (_s, b) => floor.finish(b));
  post('settings', floorSaveSettingsSchema, (_s, b) => floor.saveSettings(b.settings));
}
