// The rating device across the hall (issue 18 item 4, docs/floor.md): the requests of
// /v1/floor/rating/* and what they answer, as zod schemas shared by the server, the host channel
// 'hall.rating' (electron/contract-hall.ts) and tests. The shapes are the rating contract's
// (renderer/src/domain/floor/rating.ts). A request carries the case number, the matter and the
// clerk's name — or, for a ticket served without a case, the ticket's number and business —
// nothing personal; the device never sees a case.
import { z } from 'zod';
import { floorFailureSchema } from './floor';
import { stationCodeSchema } from './index';

const idSchema = z.string().min(1).max(120);
const isoSchema = z.string().min(10).max(40);
const levelSchema = z.number().int().min(1).max(5);
const ticketNumberSchema = z.string().regex(/^[A-Z]\d{3}$/);
/** The business types of renderer/src/domain/floor/types.ts (a code, never shown raw). */
const businessSchema = z.string().regex(/^[a-zA-Z]{1,40}$/);
/** The reasons of renderer/src/domain/rating.ts BAD_RATING_REASONS (pg-rating test compares). */
export const RATING_REASONS = ['slow', 'attitude', 'notToldAtOnce', 'overdue', 'other'] as const;
const reasonSchema = z.enum(RATING_REASONS);

/** A case's request has its case, number and matter; a ticket's without a case, its ticket. */
const subjectComplete = (r: {
  caseId?: string | undefined;
  caseNumber?: string | undefined;
  matterName?: string | undefined;
  ticketId?: string | undefined;
  ticketNumber?: string | undefined;
  business?: string | undefined;
}) =>
  r.caseId !== undefined
    ? r.caseNumber !== undefined && r.matterName !== undefined
    : r.ticketId !== undefined && r.ticketNumber !== undefined && r.business !== undefined;

export const ratingRequestInputSchema = z
  .object({
    /** Made by the station, so a retry of a lost answer gets the same request. */
    id: z.string().min(8).max(120),
    window: stationCodeSchema,
    caseId: idSchema.optional(),
    caseNumber: z.string().min(1).max(60).optional(),
    matterName: z.string().max(200).optional(),
    matterNameEn: z.string().max(200).optional(),
    clerkId: idSchema,
    clerkName: z.string().min(1).max(60),
    ticketId: idSchema.optional(),
    ticketNumber: ticketNumberSchema.optional(),
    business: businessSchema.optional(),
  })
  .strict()
  .refine(subjectComplete, { message: 'a case, or a ticket without a case' });

export const ratingRequestSchema = z.object({
  id: idSchema,
  window: z.string().max(20),
  caseId: idSchema.optional(),
  caseNumber: z.string().max(60).optional(),
  matterName: z.string().max(200).optional(),
  matterNameEn: z.string().max(200).optional(),
  clerkId: idSchema,
  clerkName: z.string().max(60),
  ticketId: idSchema.optional(),
  ticketNumber: ticketNumberSchema.optional(),
  business: businessSchema.optional(),
  requestedAt: isoSchema,
  expiresAt: isoSchema,
  status: z.enum(['waiting', 'rated', 'expired', 'replaced']),
  ratedAt: isoSchema.optional(),
  overall: levelSchema.optional(),
});

/** A submitted rating as the requesting station picks it up, to record it on the case. */
export const ratedRequestSchema = ratingRequestSchema.extend({
  overall: levelSchema,
  ratedAt: isoSchema,
  reasons: z.array(reasonSchema).max(RATING_REASONS.length),
  /** The rating device's station code. */
  ratedBy: z.string().max(20),
});

export const ratingSubmitSchema = z
  .object({
    requestId: idSchema,
    overall: levelSchema,
    reasons: z.array(reasonSchema).max(RATING_REASONS.length),
  })
  .strict();
export const ratingIdSchema = z.object({ requestId: idSchema }).strict();
/** Without a window, a rating device reads its own (and learns which it is). */
export const ratingWindowQuerySchema = z.object({ window: stationCodeSchema.optional() });
export const ratingWatchQuerySchema = z.object({
  window: stationCodeSchema,
  after: z.coerce.number().int().min(0),
  waitMs: z.coerce.number().int().min(0).max(30_000),
});

const result = <T extends z.ZodTypeAny>(value: T) =>
  z.union([z.object({ ok: z.literal(true), value }), floorFailureSchema]);

/** The window's open request and the rating store's rev (the watch follows it). */
export const ratingCurrentSchema = z.object({
  rev: z.number().int().min(0),
  /** The window read: a rating device's own. */
  window: z.string().max(20),
  request: ratingRequestSchema.nullable(),
  /** The window's number in the hall's floor settings ("1 号窗口"); null when it has none. */
  windowNumber: z.number().int().positive().nullable().optional(),
});

export const ratingAnswerSchema = z.union([
  result(ratingCurrentSchema),
  result(ratingRequestSchema),
  result(z.object({ bad: z.boolean() })),
  result(z.array(ratedRequestSchema).max(500)),
]);

/** One call as the host channel 'hall.rating' carries it. */
export const ratingCallSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('request'), body: ratingRequestInputSchema }).strict(),
  z.object({ action: z.literal('current'), window: stationCodeSchema.optional() }).strict(),
  z
    .object({
      action: z.literal('watch'),
      window: stationCodeSchema,
      after: z.number().int().min(0),
      waitMs: z.number().int().min(0).max(30_000),
    })
    .strict(),
  z.object({ action: z.literal('submit'), body: ratingSubmitSchema }).strict(),
  z.object({ action: z.literal('expire'), body: ratingIdSchema }).strict(),
  z.object({ action: z.literal('rated') }).strict(),
  z.object({ action: z.literal('recorded'), body: ratingIdSchema }).strict(),
]);
export type RatingCall = z.infer<typeof ratingCallSchema>;
export type RatedRequest = z.infer<typeof ratedRequestSchema>;

/** The rating routes, under API_PREFIX. */
export const RATING_ROUTES = {
  request: '/floor/rating/request',
  current: '/floor/rating/current',
  watch: '/floor/rating/watch',
  submit: '/floor/rating/submit',
  expire: '/floor/rating/expire',
  rated: '/floor/rating/rated',
  recorded: '/floor/rating/recorded',
} as const;
export type RatingAction = keyof typeof RATING_ROUTES;

/** The HTTP request of a rating call. */
export function ratingRequest(call: RatingCall): {
  method: 'GET' | 'POST';
  path: string;
  body?: string;
  waitMs?: number;
} {
  const w = (s: string) => encodeURIComponent(s);
  if (call.action === 'current') {
    const q = call.window ? `?window=${w(call.window)}` : '';
    return { method: 'GET', path: `${RATING_ROUTES.current}${q}` };
  }
  if (call.action === 'watch') {
    return {
      method: 'GET',
      path: `${RATING_ROUTES.watch}?window=${w(call.window)}&after=${call.after}&waitMs=${call.waitMs}`,
      waitMs: call.waitMs,
    };
  }
  if (call.action === 'rated') return { method: 'GET', path: RATING_ROUTES.rated };
  return { method: 'POST', path: RATING_ROUTES[call.action], body: JSON.stringify(call.body) };
}

/**
 * Who may do what (docs/floor.md): a counter or desk asks for a rating and picks up the ratings
 * of its own requests; a rating device reads its own window's request and submits or expires it;
 * every other kind nothing.
 */
const CLERK: RatingAction[] = ['request', 'rated', 'recorded'];
const DEVICE: RatingAction[] = ['current', 'watch', 'submit', 'expire'];
export const RATING_RIGHTS: Readonly<Record<string, readonly RatingAction[]>> = {
  counter: CLERK,
  desk: CLERK,
  rating: DEVICE,
  kiosk: [],
  display: [],
  field: [],
};
export const mayRate = (kind: string, action: RatingAction): boolean =>
  (RATING_RIGHTS[kind] ?? []).includes(action);

/**
 * The window a rating device serves: the first word of the label it was enrolled with
 * (`station enrol --kind rating --label "HJ01 评价器"`), which must be a station code; null when
 * the label names none (the device is then refused every window).
 */
export function deviceWindowOf(label: string): string | null {
  const first = label.trim().split(/\s+/)[0] ?? '';
  return stationCodeSchema.safeParse(first).success ? first : null;
}
