// The host's `hall.numbers` channel (issue 17 item 1, docs/hall.md "Numbers"): leased blocks of
// notice and ledger numbers, voiding what a station will never use, its open numbers, and the
// register, and an island's claim of its own numbers at the join check — one channel, five
// operations, each an authenticated call to the hall.
import { z } from 'zod';
import {
  API_PREFIX,
  claimRequestSchema,
  claimResponseSchema,
  heldResponseSchema,
  leaseRequestSchema,
  leaseResponseSchema,
  registerResponseSchema,
  seriesIdSchema,
  voidRequestSchema,
  voidResponseSchema,
} from '../server/protocol';
import { callHall, failureOf, type Authed, type AuthedRequest } from './hall-wire';

export const hallNumbersArgsSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('lease'), request: leaseRequestSchema }).strict(),
  z.object({ op: z.literal('void'), request: voidRequestSchema }).strict(),
  z.object({ op: z.literal('held') }).strict(),
  z.object({ op: z.literal('claim'), request: claimRequestSchema }).strict(),
  z.object({ op: z.literal('register'), series: seriesIdSchema.optional() }).strict(),
]);
export type HallNumbersArgs = z.input<typeof hallNumbersArgsSchema>;

export const hallNumbersResponseSchema = z.union([
  z.object({ op: z.literal('lease'), lease: leaseResponseSchema }),
  z.object({ op: z.literal('void'), voided: voidResponseSchema.shape.voided }),
  z.object({ op: z.literal('held'), held: heldResponseSchema }),
  z.object({ op: z.literal('claim'), claim: claimResponseSchema }),
  z.object({ op: z.literal('register'), register: registerResponseSchema }),
]);
export type HallNumbersResponse = z.infer<typeof hallNumbersResponseSchema>;

/** The request of one operation and how its answer becomes the channel's response. */
function numbersRequest(args: z.output<typeof hallNumbersArgsSchema>): {
  request: AuthedRequest;
  schema: z.ZodType<HallNumbersResponse>;
} {
  const path = `${API_PREFIX}/numbers`;
  if (args.op === 'lease')
    return {
      request: { method: 'POST', path: `${path}/lease`, body: JSON.stringify(args.request) },
      schema: leaseResponseSchema.transform((lease) => ({ op: 'lease' as const, lease })),
    };
  if (args.op === 'void')
    return {
      request: { method: 'POST', path: `${path}/void`, body: JSON.stringify(args.request) },
      schema: voidResponseSchema.transform((v) => ({ op: 'void' as const, voided: v.voided })),
    };
  if (args.op === 'claim')
    return {
      request: { method: 'POST', path: `${path}/claim`, body: JSON.stringify(args.request) },
      schema: claimResponseSchema.transform((claim) => ({ op: 'claim' as const, claim })),
    };
  if (args.op === 'held')
    return {
      request: { method: 'GET', path: `${path}/held` },
      schema: heldResponseSchema.transform((held) => ({ op: 'held' as const, held })),
    };
  const q = args.series ? `?series=${encodeURIComponent(args.series)}` : '';
  return {
    request: { method: 'GET', path: `${path}/register${q}` },
    schema: registerResponseSchema.transform((register) => ({ op: 'register' as const, register })),
  };
}

export async function hallNumbersCall(authed: Authed, input: HallNumbersArgs) {
  let call: ReturnType<typeof numbersRequest>;
  try {
    call = numbersRequest(hallNumbersArgsSchema.parse(input));
  } catch (e) {
    return failureOf(e);
  }
  return callHall(authed, call.request, call.schema, 'response');
}
