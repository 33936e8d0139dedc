// Leased blocks of hall-wide numbers and the register of every series (issue 17 item 1,
// docs/hall.md "Numbers"). Notice numbers (受〔2026〕N号 and the other document series) and
// ledger numbers are printed offline too, so an enrolled station leases them ahead from the hall
// in blocks and takes them one by one in its own transactions; certificate numbers stay
// allocated one at a time, online (index.ts). Every number of every series has one row in the
// register: reserved (a certificate allocation not yet seen in an issue), leased (in a station's
// block, not yet seen used), used (the event that recorded it reached the hall) or voided (why,
// by whom).
import { z } from 'zod';

/** The series a station may lease: notices per type and year, ledger entries per kind and year. */
export const leaseSeriesKindSchema = z.enum(['document', 'ledger']);
export type LeaseSeriesKind = z.infer<typeof leaseSeriesKindSchema>;

const word = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z][A-Za-z0-9_-]*$/);
const yearSchema = z.number().int().min(2000).max(2999);
const keySchema = z
  .string()
  .min(8)
  .max(200)
  .regex(/^[A-Za-z0-9:._-]+$/);

/** `doc:<type>:<year>` (acceptance, supplement …) or `ledger:<kind>:<year>`. */
export const leaseSeriesId = (kind: LeaseSeriesKind, type: string, year: number) =>
  `${kind === 'document' ? 'doc' : 'ledger'}:${type}:${year}`;

/** Any series id of the register: cert:…, doc:…, ledger:…. */
export const seriesIdSchema = z
  .string()
  .min(3)
  .max(100)
  .regex(/^(cert|doc|ledger):[A-Za-z][A-Za-z0-9_-]*:\d{4}$/);

/** The largest block a station may take at once. */
export const MAX_LEASE = 100;

/**
 * POST /v1/numbers/lease — the next `count` numbers of a series for this station, as one block
 * `first..last`. The station keeps `leaseKey` before it asks: the same key again (a lost answer,
 * a crash) gives the same block, never a second one.
 */
export const leaseRequestSchema = z
  .object({
    leaseKey: keySchema,
    kind: leaseSeriesKindSchema,
    type: word,
    year: yearSchema,
    count: z.number().int().min(1).max(MAX_LEASE),
  })
  .strict();
export type LeaseRequest = z.infer<typeof leaseRequestSchema>;
export const leaseResponseSchema = z.object({
  leaseKey: z.string(),
  seriesId: z.string(),
  first: z.number().int().min(1),
  last: z.number().int().min(1),
  replayed: z.boolean(),
  serverTime: z.string(),
});
export type LeaseResponse = z.infer<typeof leaseResponseSchema>;

/** Why a number was never used. */
export const voidReasonSchema = z.enum([
  // the rest of a block when its year is over
  'year_end',
  // leased to this station, but the station no longer holds it (restored from a backup …)
  'lease_lost',
  // a certificate number reserved for an issue that was then made otherwise (external number)
  'attempt_abandoned',
  // the station was retired with numbers still leased
  'station_retired',
  // the administrator voided it by hand (`numbers void`), with a note
  'admin',
]);
export type VoidReason = z.infer<typeof voidReasonSchema>;

/**
 * POST /v1/numbers/void — numbers this station holds (leased, or reserved for it) that will never
 * be used. Only the station's own open numbers are voided; anything else is left as it is and
 * not counted. Voiding twice is harmless (the second counts 0).
 */
export const voidRequestSchema = z
  .object({
    numbers: z
      .array(z.object({ seriesId: seriesIdSchema, seq: z.number().int().min(1) }).strict())
      .max(1000)
      .default([]),
    /** Certificate allocations by the request key they were asked under; a block by its lease key. */
    requestKeys: z.array(keySchema).max(100).default([]),
    reason: voidReasonSchema,
    /** Who decided: the signed-in user's name, or `station` for the sync's own housekeeping. */
    by: z.string().min(1).max(60),
    note: z.string().max(200).optional(),
  })
  .strict();
export type VoidRequest = z.input<typeof voidRequestSchema>;
export const voidResponseSchema = z.object({ voided: z.number().int().min(0) });

/**
 * POST /v1/numbers/claim — a station that ran alone claims the numbers its own events record,
 * when the join check starts and before anything is pushed (docs/hall.md "An island's own
 * numbers"): the same rules as a push's take-in (server/core/numberUses.ts) — above a series' last
 * taken in as used by the island's event (origin island; the later push of that event finds them
 * marked), the seqs passed over voided as island_gap, a number another station holds or used
 * recorded as a clash. Idempotent: claiming again changes nothing. Each event id must be of one
 * of the station's own chains (`<code>-<seq>`, `<code>.<n>-<seq>`).
 */
export const claimRequestSchema = z
  .object({
    uses: z
      .array(
        z
          .object({
            seriesId: z.union([
              seriesIdSchema,
              z
                .string()
                .max(100)
                .regex(/^cert:[A-Za-z][A-Za-z0-9_-]*:\*$/),
            ]),
            seq: z.number().int().min(1).max(999_999),
            caseId: z.string().max(200).nullable(),
            usedRef: z.string().max(300),
            eventId: z.string().min(1).max(200),
            at: z.string().max(40).optional(),
          })
          .strict(),
      )
      .min(1)
      .max(1000),
  })
  .strict();
export type ClaimRequest = z.input<typeof claimRequestSchema>;
export const claimResponseSchema = z.object({
  /** This station's own open numbers found used (a lease of its own). */
  own: z.number().int().min(0),
  /** Taken into a series (above its last, or explaining a hole). */
  taken: z.number().int().min(0),
  /** Rows passed over for this station earlier, now used. */
  marked: z.number().int().min(0),
  /** Numbers another station holds or used: recorded as clashes (once per event). */
  clashes: z.number().int().min(0),
  serverTime: z.string(),
});
export type ClaimResponse = z.infer<typeof claimResponseSchema>;

/** Whether an event id is of one of this station's chains (`HJ02-7`, `HJ02.2-3`). */
export const isOwnEventId = (stationCode: string, eventId: string) =>
  eventId.startsWith(stationCode) && /^(\.\d+)?-\d+$/.test(eventId.slice(stationCode.length));

/** GET /v1/numbers/held — this station's open numbers (leased or reserved), by series. */
export const heldResponseSchema = z.object({
  numbers: z.array(
    z.object({
      seriesId: z.string(),
      seq: z.number().int(),
      status: z.enum(['reserved', 'leased']),
      leaseKey: z.string().nullable(),
      requestKey: z.string().nullable(),
    }),
  ),
  serverTime: z.string(),
});
export type HeldResponse = z.infer<typeof heldResponseSchema>;

/** One number of the register. */
export const registerEntrySchema = z.object({
  seriesId: z.string(),
  seq: z.number().int(),
  status: z.enum(['reserved', 'leased', 'used', 'voided']),
  stationCode: z.string(),
  caseId: z.string().nullable(),
  usedRef: z.string().nullable(),
  usedEventId: z.string().nullable(),
  voidReason: z.string().nullable(),
  voidedBy: z.string().nullable(),
  at: z.string(),
  /** 'island': a number the station issued alone before it joined, taken into the series. */
  origin: z.enum(['hall', 'island']).default('hall'),
});
export type RegisterEntry = z.infer<typeof registerEntrySchema>;

/** GET /v1/numbers/register?series=<id> — every number of one series, or the list of series. */
export const registerSeriesSchema = z.object({
  seriesId: z.string(),
  kind: z.string(),
  lastSeq: z.number().int(),
  counts: z.object({
    reserved: z.number().int(),
    leased: z.number().int(),
    used: z.number().int(),
    voided: z.number().int(),
  }),
  /** Seqs 1..lastSeq with no row: must be empty; anything here is an unexplained gap. */
  missing: z.array(z.number().int()),
  /** Numbers of the series recorded as issued twice (an island's and another's). */
  clashes: z.number().int().default(0),
});

/**
 * A number of a series that a station's event records while another station holds or used it
 * (an island's own number the hall had given out too): recorded, never renumbered.
 */
export const registerClashSchema = z.object({
  seriesId: z.string(),
  seq: z.number().int(),
  stationCode: z.string(),
  eventId: z.string(),
  usedRef: z.string(),
  caseId: z.string().nullable(),
  otherStation: z.string(),
  otherStatus: z.string(),
  otherRef: z.string().nullable(),
  at: z.string(),
});
export type RegisterClash = z.infer<typeof registerClashSchema>;
export type RegisterSeries = z.infer<typeof registerSeriesSchema>;
export const registerResponseSchema = z.object({
  series: z.array(registerSeriesSchema),
  entries: z.array(registerEntrySchema),
  /** The recorded clashes of the series asked for. */
  clashes: z.array(registerClashSchema).default([]),
  serverTime: z.string(),
});
export type RegisterResponse = z.infer<typeof registerResponseSchema>;

/** A number an event records, as the push marks it used. */
export interface NumberUse {
  /** A series id, or `cert:<type>:*` for a certificate (its year is not in the event). */
  seriesId: string;
  seq: number;
  caseId: string | null;
  usedRef: string;
  eventId: string;
  /** The event's time as the station wrote it (a certificate's year, when its number lacks it). */
  at?: string;
}

const CERT_EVENTS = new Set(['certificateIssued', 'certificateReissued']);
export const LEDGER_CREATES = new Set([
  'legacyIssueRecorded',
  'supervisionOpened',
  'complaintRecorded',
  'commendationRecorded',
]);
const LEDGER_NUMBER = /^[A-Z]{1,4}(\d{4})(\d{4,6})$/;

/**
 * The hall-wide numbers a pushed event records: an internal certificate number, a notice's
 * document number, a new ledger entry's number. Pure: the push calls it on the fresh events.
 */
export function numberUsesOf(e: {
  id: string;
  type: string;
  streamId: string;
  payload: Record<string, unknown>;
  at?: string;
}): NumberUse[] {
  const p = e.payload;
  const at = e.at !== undefined ? { at: e.at } : {};
  if (CERT_EVENTS.has(e.type) && p['external'] === false && typeof p['seq'] === 'number') {
    const caseId = typeof p['caseId'] === 'string' ? p['caseId'] : e.streamId.slice(5);
    return [
      {
        seriesId: `cert:${String(p['certificateType'])}:*`,
        seq: p['seq'],
        caseId,
        usedRef: String(p['number'] ?? ''),
        eventId: e.id,
        ...at,
      },
    ];
  }
  if (
    e.type === 'documentNumberAllocated' &&
    typeof p['seq'] === 'number' &&
    typeof p['year'] === 'number'
  ) {
    return [
      {
        seriesId: `doc:${String(p['docType'])}:${p['year']}`,
        seq: p['seq'],
        caseId: typeof p['caseId'] === 'string' ? p['caseId'] : null,
        usedRef: String(p['number'] ?? ''),
        eventId: e.id,
      },
    ];
  }
  if (LEDGER_CREATES.has(e.type) && (p['basedOn'] ?? 0) === 0) {
    const fields = (p['fields'] ?? {}) as Record<string, unknown>;
    const m = LEDGER_NUMBER.exec(String(fields['number'] ?? ''));
    if (!m) return [];
    return [
      {
        seriesId: `ledger:${String(p['kind'])}:${m[1]}`,
        seq: Number(m[2]),
        caseId: null,
        usedRef: `${String(fields['number'])} ${String(p['id'] ?? '')}`.trim(),
        eventId: e.id,
      },
    ];
  }
  return [];
}
