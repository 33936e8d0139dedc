// POST /v1/restore/refill — a station hands a restored hall back what it holds past the hall's
// last gseq, with the original gseqs (docs/hall.md "Restoring the server"). With no events it is
// a check-in: the station says how far it holds, the hall says whether it still restores.
import { z } from 'zod';
import { credentialSchema, gseqSchema, hallEventSchema } from './index';

/** At most this many events a refill (the push's bound). */
export const MAX_REFILL_EVENTS = 500;

export const refillRequestSchema = z
  .object({
    /** The highest gseq the station holds (its own events acknowledged, and those it pulled). */
    holds: gseqSchema,
    events: z.array(hallEventSchema).max(MAX_REFILL_EVENTS),
    credentials: z.array(credentialSchema).max(MAX_REFILL_EVENTS).optional(),
  })
  .strict();
export type RefillRequest = z.infer<typeof refillRequestSchema>;

export const refillResponseSchema = z.object({
  /** Still refusing pulls, pushes and numbers until the stations named have refilled. */
  restoring: z.boolean(),
  lastGseq: gseqSchema,
  accepted: z.number().int().min(0),
  /** The events stopped short: the hall needs this gseq next, which this station did not send. */
  next: gseqSchema.nullable(),
  /** Active stations that have not refilled yet (codes only). */
  waitingFor: z.array(z.string()),
  serverTime: z.string(),
});
export type RefillResponse = z.infer<typeof refillResponseSchema>;
