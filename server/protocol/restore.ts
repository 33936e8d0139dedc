// POST /v1/restore/refill — a station hands a restored hall back what it holds past the hall's
// last gseq, with the original gseqs (docs/hall.md "Restoring the server"). With no events it is
// a check-in: the station says how far it holds, the hall says whether it still restores.
import { z } from 'zod';
import { base64Schema, credentialSchema, gseqSchema, hallEventSchema, hashSchema } from './index';
import { seriesIdSchema } from './leases';

/**
 * A leased block the station holds (data/numberLeases.ts): told at the refill's check-in, so a hall
 * restored from a dump older than the lease learns it again — its series raised past the block,
 * the block's numbers leased to this station — and never leases them a second time.
 */
export const heldLeaseSchema = z
  .object({
    seriesId: seriesIdSchema,
    blocks: z
      .array(
        z
          .object({
            leaseKey: z.string().min(1).max(200),
            first: z.number().int().min(1),
            last: z.number().int().min(1),
          })
          .strict()
          .refine((b) => b.last >= b.first && b.last - b.first < 1000),
      )
      .max(100),
  })
  .strict();
export type HeldLease = z.infer<typeof heldLeaseSchema>;

/** At most this many events a refill (the push's bound). */
export const MAX_REFILL_EVENTS = 500;

export const refillRequestSchema = z
  .object({
    /** The highest gseq the station holds (its own events acknowledged, and those it pulled). */
    holds: gseqSchema,
    events: z.array(hallEventSchema).max(MAX_REFILL_EVENTS),
    credentials: z.array(credentialSchema).max(MAX_REFILL_EVENTS).optional(),
    /** The leased blocks the station holds (told at the check-in; absent from older stations). */
    leases: z.array(heldLeaseSchema).max(200).optional(),
  })
  .strict();
export type RefillRequest = z.infer<typeof refillRequestSchema>;

/**
 * The refill as it travels (the host signs what the station hands it): `signature` is the station
 * key's signature of `refillSigningText(...)` over the request (server/protocol/signing.ts) and
 * `credentialsSha256` the SHA-256 of its credentials' canonical form, which the signature covers.
 * Both absent: a station from before signed refills, which may then carry no credentials.
 */
export const refillBodySchema = refillRequestSchema
  .extend({
    signature: base64Schema.max(200).optional(),
    credentialsSha256: hashSchema.optional(),
  })
  .strict();
export type RefillBody = z.infer<typeof refillBodySchema>;

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
