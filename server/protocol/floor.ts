// The hall floor's wire (issue 18, docs/floor.md): the requests of /v1/floor/* and what they
// answer, as zod schemas shared by the server, the host channels (electron/contract-hall.ts) and
// tests. The shapes are the floor contract's (renderer/src/domain/floor/types.ts).
import { z } from 'zod';
import { stationCodeSchema } from './index';

/**
 * The business types of renderer/src/domain/floor/types.ts (the protocol imports only zod and
 * itself); tests/server/pg-floor.test.ts fails the moment the two lists differ.
 */
export const FLOOR_BUSINESS_TYPES = [
  'counselling',
  'intakeLandUse',
  'intakeEngineering',
  'intakeCompletion',
  'collection',
  'enquiry',
] as const;
export const businessTypeSchema = z.enum(FLOOR_BUSINESS_TYPES);
const isoSchema = z.string().min(10).max(40);
const idSchema = z.string().min(1).max(120);
const requestKeySchema = z.string().min(8).max(200);

export const floorWindowSchema = z
  .object({
    id: stationCodeSchema,
    number: z.number().int().min(1).max(99),
    businesses: z.array(businessTypeSchema).max(FLOOR_BUSINESS_TYPES.length),
    green: z.boolean(),
  })
  .strict();

export const floorSettingsSchema = z
  .object({ maxCalls: z.number().int().min(1).max(9), windows: z.array(floorWindowSchema).max(60) })
  .strict();

export const ticketSchema = z.object({
  id: idSchema,
  number: z.string().regex(/^[A-Z]\d{3}$/),
  business: businessTypeSchema,
  green: z.boolean(),
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  issuedAt: isoSchema,
  issuedBy: z.string().max(20),
  status: z.enum(['waiting', 'called', 'serving', 'done', 'noShow', 'cancelled']),
  calls: z.array(z.object({ at: isoSchema, window: z.string().max(20), clerkId: idSchema })),
  window: z.string().max(20).optional(),
  transferredTo: z
    .object({
      business: businessTypeSchema.optional(),
      window: z.string().max(20).optional(),
      at: isoSchema,
      by: idSchema,
    })
    .optional(),
  servingFrom: isoSchema.optional(),
  finishedAt: isoSchema.optional(),
  clerkId: idSchema.optional(),
  caseId: idSchema.optional(),
  rev: z.number().int().min(0),
});

export const floorSnapshotSchema = z.object({
  day: z.string(),
  rev: z.number().int().min(0),
  tickets: z.array(ticketSchema).max(10_000),
  settings: floorSettingsSchema,
  /** The hall's public address for the follow-the-queue page (serve --public-url). */
  publicUrl: z
    .string()
    .max(300)
    .regex(/^https?:\/\/[^\s?#]+$/)
    .optional(),
});

export const floorIssueSchema = z
  .object({ business: businessTypeSchema, green: z.boolean(), requestKey: requestKeySchema })
  .strict();
export const floorCallNextSchema = z
  .object({ window: stationCodeSchema, clerkId: idSchema, requestKey: requestKeySchema })
  .strict();
export const floorActSchema = z
  .object({ ticketId: idSchema, window: stationCodeSchema, clerkId: idSchema })
  .strict();
export const floorTransferSchema = z
  .object({
    ticketId: idSchema,
    to: z
      .object({ business: businessTypeSchema.optional(), window: stationCodeSchema.optional() })
      .strict(),
    clerkId: idSchema,
  })
  .strict();
export const floorLinkSchema = z
  .object({ ticketId: idSchema, caseId: idSchema, clerkId: idSchema })
  .strict();
export const floorSaveSettingsSchema = z
  .object({ settings: floorSettingsSchema, userId: idSchema })
  .strict();
export const floorMonthQuerySchema = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
});
export const floorWatchQuerySchema = z.object({
  after: z.coerce.number().int().min(0),
  waitMs: z.coerce.number().int().min(0).max(30_000),
});

/** A rule's answer: the value, or the refusal the station words (never an HTTP error). */
export const floorFailureSchema = z.object({
  ok: z.literal(false),
  code: z.enum(['offline', 'not_found', 'conflict', 'refused', 'bad_request']),
  message: z.string().max(500),
});
export const floorResultSchema = <T extends z.ZodTypeAny>(value: T) =>
  z.union([z.object({ ok: z.literal(true), value }), floorFailureSchema]);

export const floorIssueResultSchema = floorResultSchema(
  z.object({ ticket: ticketSchema, waitingAhead: z.number().int().min(0) }),
);
export const floorTicketResultSchema = floorResultSchema(ticketSchema);
export const floorMaybeTicketResultSchema = floorResultSchema(ticketSchema.nullable());
export const floorSettingsResultSchema = floorResultSchema(floorSettingsSchema);

/** One call of the floor as the host channel 'hall.floor' carries it. */
export const floorCallSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('snapshot') }).strict(),
  z
    .object({ action: z.literal('month'), month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/) })
    .strict(),
  z
    .object({
      action: z.literal('watch'),
      after: z.number().int().min(0),
      waitMs: z.number().int().min(0).max(30_000),
    })
    .strict(),
  z.object({ action: z.literal('issue'), body: floorIssueSchema }).strict(),
  z.object({ action: z.literal('callNext'), body: floorCallNextSchema }).strict(),
  z.object({ action: z.literal('recall'), body: floorActSchema }).strict(),
  z.object({ action: z.literal('skip'), body: floorActSchema }).strict(),
  z.object({ action: z.literal('transfer'), body: floorTransferSchema }).strict(),
  z.object({ action: z.literal('serve'), body: floorActSchema }).strict(),
  z.object({ action: z.literal('linkCase'), body: floorLinkSchema }).strict(),
  z.object({ action: z.literal('finish'), body: floorActSchema }).strict(),
  z.object({ action: z.literal('settings'), body: floorSaveSettingsSchema }).strict(),
]);
export type FloorCall = z.infer<typeof floorCallSchema>;

/** What a floor route answers (snapshot and watch too: { ok: true, value: snapshot }). */
export const floorAnswerSchema = z.union([
  floorResultSchema(floorSnapshotSchema),
  floorResultSchema(z.array(ticketSchema).max(100_000)),
  floorIssueResultSchema,
  floorMaybeTicketResultSchema,
  floorSettingsResultSchema,
]);

/** The HTTP request of a floor call. */
export function floorRequest(call: FloorCall): {
  method: 'GET' | 'POST';
  path: string;
  body?: string;
  /** A watch waits on the server: the exchange may take that long and a little more. */
  waitMs?: number;
} {
  if (call.action === 'snapshot') return { method: 'GET', path: FLOOR_ROUTES.snapshot };
  if (call.action === 'month') {
    return { method: 'GET', path: `${FLOOR_ROUTES.month}?month=${call.month}` };
  }
  if (call.action === 'watch') {
    return {
      method: 'GET',
      path: `${FLOOR_ROUTES.watch}?after=${call.after}&waitMs=${call.waitMs}`,
      waitMs: call.waitMs,
    };
  }
  return { method: 'POST', path: FLOOR_ROUTES[call.action], body: JSON.stringify(call.body) };
}

/** The floor routes, under API_PREFIX. */
export const FLOOR_ROUTES = {
  snapshot: '/floor/snapshot',
  month: '/floor/month',
  watch: '/floor/watch',
  issue: '/floor/issue',
  callNext: '/floor/call-next',
  recall: '/floor/recall',
  skip: '/floor/skip',
  transfer: '/floor/transfer',
  serve: '/floor/serve',
  linkCase: '/floor/link',
  finish: '/floor/finish',
  settings: '/floor/settings',
} as const;

/**
 * What each kind of station may do on the floor (docs/floor.md): a kiosk issues tickets and
 * reads the snapshot, a display only reads, counters and desks work the queue; a rating device
 * nothing of the queue; a field laptop is not in the hall.
 */
export type FloorAction = keyof typeof FLOOR_ROUTES;
const WORK: FloorAction[] = [
  'snapshot',
  'month',
  'watch',
  'callNext',
  'recall',
  'skip',
  'transfer',
  'serve',
  'linkCase',
  'finish',
  'settings',
];
export const FLOOR_RIGHTS: Readonly<Record<string, readonly FloorAction[]>> = {
  kiosk: ['snapshot', 'watch', 'issue'],
  display: ['snapshot', 'watch'],
  counter: WORK,
  desk: WORK,
  rating: [],
  field: [],
};
export const mayOnFloor = (kind: string, action: FloorAction): boolean =>
  (FLOOR_RIGHTS[kind] ?? []).includes(action);
