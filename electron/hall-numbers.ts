// The host's `hall.numbers` channel (issue 17 item 1, docs/hall.md "Numbers"): leased blocks of
// notice and ledger numbers, voiding what a station will never use, its open numbers, and the
// register — one channel, four operations, each an authenticated call to the hall.
import { z } from 'zod';
import {
  API_PREFIX,
  heldResponseSchema,
  leaseRequestSchema,
  leaseResponseSchema,
  registerResponseSchema,
  seriesIdSchema,
  voidRequestSchema,
  voidResponseSchema,
} from '../server/protocol';
import { expectBody, failureOf, type HallAnswer, type HallRequest } from './hall-wire';

export const hallNumbersArgsSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('lease'), request: leaseRequestSchema }).strict(),
  z.object({ op: z.literal('void'), request: voidRequestSchema }).strict(),
  z.object({ op: z.literal('held') }).strict(),
  z.object({ op: z.literal('register'), series: seriesIdSchema.optional() }).strict(),
]);
export type HallNumbersArgs = z.input<typeof hallNumbersArgsSchema>;

export const hallNumbersResponseSchema = z.union([
  z.object({ op: z.literal('lease'), lease: leaseResponseSchema }),
  z.object({ op: z.literal('void'), voided: voidResponseSchema.shape.voided }),
  z.object({ op: z.literal('held'), held: heldResponseSchema }),
  z.object({ op: z.literal('register'), register: registerResponseSchema }),
]);
export type HallNumbersResponse = z.infer<typeof hallNumbersResponseSchema>;

type Authed = (
  r: Omit<HallRequest, 'base' | 'pin' | 'timeoutMs' | 'token'> & { timeoutMs?: number },
) => Promise<HallAnswer>;

export async function hallNumbersCall(authed: Authed, input: HallNumbersArgs) {
  try {
    const args = hallNumbersArgsSchema.parse(input);
    const path = `${API_PREFIX}/numbers`;
    let response: HallNumbersResponse;
    if (args.op === 'lease') {
      const a = await authed({
        method: 'POST',
        path: `${path}/lease`,
        body: JSON.stringify(args.request),
      });
      response = { op: 'lease', lease: expectBody(a, leaseResponseSchema) };
    } else if (args.op === 'void') {
      const a = await authed({
        method: 'POST',
        path: `${path}/void`,
        body: JSON.stringify(args.request),
      });
      response = { op: 'void', voided: expectBody(a, voidResponseSchema).voided };
    } else if (args.op === 'held') {
      const a = await authed({ method: 'GET', path: `${path}/held` });
      response = { op: 'held', held: expectBody(a, heldResponseSchema) };
    } else {
      const q = args.series ? `?series=${encodeURIComponent(args.series)}` : '';
      const a = await authed({ method: 'GET', path: `${path}/register${q}` });
      response = { op: 'register', register: expectBody(a, registerResponseSchema) };
    }
    return { ok: true as const, response };
  } catch (e) {
    return failureOf(e);
  }
}
