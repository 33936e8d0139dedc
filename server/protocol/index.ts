// The hall protocol: what a station and the hall server say to each other, declared once as zod
// schemas that both sides import (the server validates every request with them, the station
// validates every answer). Plain data only — no Node, no DOM, no Dexie — so it builds into the
// renderer, the Electron main process and the server alike. docs/hall.md explains the flow.
//
// Versioned by PROTOCOL_VERSION: a server refuses a station whose protocol it does not speak, and
// a station that receives an event whose envelope schema is newer than it knows keeps it unfolded
// ("update the app") — never drops it.
import { z } from 'zod';

export const PROTOCOL_VERSION = 1;
/** Every route lives under this prefix, so a later protocol can sit beside it. */
export const API_PREFIX = '/v1';

// ---- identifiers ------------------------------------------------------------------------------

/** Station code as printed in case numbers (HJ01, FL02 …). */
export const stationCodeSchema = z.string().regex(/^[A-Z][A-Z0-9]{1,9}$/);
/** A chain: the station code, then `.2`, `.3` … for each chain opened by a restore. */
export const chainIdSchema = z.string().regex(/^[A-Z][A-Z0-9]{1,9}(\.[1-9][0-9]{0,5})?$/);
export const hashSchema = z.string().regex(/^[0-9a-f]{64}$/);
export const seqSchema = z.number().int().min(1);
/** The hall order: gapless from 1, given by the server, the only order a fold uses. */
export const gseqSchema = z.number().int().min(0);
/** base64 (standard alphabet). */
export const base64Schema = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/);

/** What a station is for. Devices of the hall floor (issue 18) get narrower rights. */
export const stationKindSchema = z.enum(['counter', 'desk', 'field', 'kiosk', 'display', 'rating']);
export type StationKind = z.infer<typeof stationKindSchema>;

// ---- the event as it travels ------------------------------------------------------------------

/**
 * An event exactly as the station's log holds it, minus the local `pos`. The server stores it
 * as sent (json, not jsonb: the hash must verify byte for byte) and never rewrites it. Fields
 * beyond these are allowed (later envelope versions add some) and are covered by the hash.
 */
export const wireEventSchema = z
  .object({
    id: z.string().min(3).max(80),
    schema: z.number().int().min(1).optional(),
    chainId: chainIdSchema.optional(),
    stationId: stationCodeSchema,
    stationSeq: seqSchema,
    streamId: z.string().min(1).max(200),
    type: z.string().min(1).max(80),
    payload: z.record(z.string(), z.unknown()),
    actor: z.object({ id: z.string(), name: z.string(), role: z.string() }).loose(),
    at: z.string().min(10).max(40),
    prevHash: hashSchema,
    hash: hashSchema,
  })
  .loose();
export type WireEvent = z.infer<typeof wireEventSchema>;

/**
 * A password hash that travels BESIDE its event (issue 17 item 2), never inside it: the audit
 * text (the event's payload, hashed into the chain) must not hold a secret. Keyed by the id of
 * the `user.created` or `user.password_reset` event it belongs to; the hall keeps it in its
 * `credentials` table and serves it only to enrolled active stations, with the events of the
 * pull page it belongs to. Additive: a push or pull without it is as before.
 */
export const credentialSchema = z
  .object({
    eventId: z.string().min(3).max(80),
    userId: z.string().min(1).max(80),
    /** The stored form (`pbkdf2-sha256$<iterations>$<salt>$<hash>`). */
    hash: z
      .string()
      .regex(/^pbkdf2-sha256\$[0-9]{1,9}\$[A-Za-z0-9+/=]{4,200}\$[A-Za-z0-9+/=]{4,200}$/),
  })
  .strict();
export type Credential = z.infer<typeof credentialSchema>;
/** The event types a credential may travel beside. */
export const CREDENTIAL_EVENT_TYPES: readonly string[] = ['user.created', 'user.password_reset'];

/** An event the hall has accepted, with its place in the hall order. */
export const hallEventSchema = z.object({ gseq: gseqSchema.min(1), event: wireEventSchema });
export type HallEvent = z.infer<typeof hallEventSchema>;

export const chainHeadSchema = z.object({
  chainId: chainIdSchema,
  seq: z.number().int().min(0),
  hash: hashSchema,
  status: z.enum(['open', 'closed', 'quarantined']),
});
export type ChainHeadInfo = z.infer<typeof chainHeadSchema>;

// ---- errors -----------------------------------------------------------------------------------

/**
 * Every refusal the server gives, by code. The station shows each one in words (locale keys
 * `sync.error.<code>`); none of them is retried forever: `gap` and `duplicate`-like answers are
 * settled by pushing the right range, `fork`, `quarantined`, `bad_hash`, `bad_signature`,
 * `schema_too_new` and `station_blocked` stop the pushing and raise the red alert.
 */
export const errorCodeSchema = z.enum([
  'bad_request',
  'unauthorized',
  'station_unknown',
  'station_blocked',
  'station_retired',
  'enrolment_code_invalid',
  'enrolment_code_used',
  'enrolment_code_expired',
  'station_code_taken',
  'challenge_invalid',
  'bad_signature',
  'protocol_unsupported',
  'schema_too_new',
  'gap',
  'fork',
  'quarantined',
  'bad_hash',
  'foreign_chain',
  'blob_missing',
  'blob_mismatch',
  'too_large',
  'rate_limited',
  'restoring',
  'hall_rewound',
  'internal',
  'request_key_reused',
  // the station's kind may not do this (a kiosk calling a ticket: docs/floor.md)
  'station_kind_refused',
  // the credentials beside a push are not the ones its signature covers (changed on the way)
  'credentials_mismatch',
]);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

/** The HTTP status the server answers each refusal with. */
export const ERROR_HTTP_STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  station_unknown: 401,
  station_blocked: 403,
  station_retired: 403,
  enrolment_code_invalid: 400,
  enrolment_code_used: 410,
  enrolment_code_expired: 410,
  station_code_taken: 409,
  challenge_invalid: 401,
  bad_signature: 401,
  protocol_unsupported: 400,
  schema_too_new: 422,
  gap: 409,
  fork: 409,
  quarantined: 409,
  bad_hash: 422,
  foreign_chain: 403,
  blob_missing: 409,
  blob_mismatch: 422,
  too_large: 413,
  rate_limited: 429,
  restoring: 503,
  hall_rewound: 409,
  internal: 500,
  request_key_reused: 409,
  station_kind_refused: 403,
  credentials_mismatch: 422,
};

export const errorBodySchema = z.object({
  error: z.object({
    code: errorCodeSchema,
    /** English, for logs and maintainers; the station words it from the code. */
    message: z.string(),
    /** gap: the seq the server expects next. */
    expectedSeq: z.number().int().optional(),
    /** fork / bad_hash: the first seq that does not fit. */
    seq: z.number().int().optional(),
    /** blob_missing: the blobs to upload first. */
    missing: z.array(hashSchema).optional(),
    /** schema_too_new / protocol_unsupported: what the server speaks. */
    supported: z.number().int().optional(),
    /** rate_limited: when to try again. */
    retryAfterMs: z.number().int().optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

// ---- routes -----------------------------------------------------------------------------------

/** GET /v1/health — no session; what a station shows before enrolling. */
export const healthResponseSchema = z.object({
  ok: z.literal(true),
  hallId: z.string().nullable(),
  hallName: z.string().nullable(),
  protocol: z.number().int(),
  /** The newest envelope schema the server accepts. */
  maxEventSchema: z.number().int(),
  serverTime: z.string(),
  /** 'postgres' or 'embedded' (the one-PC trial), so the screen can say which. */
  store: z.enum(['postgres', 'embedded']),
});

/** POST /v1/enrol — a single-use code from the administrator's `enrol` command. */
export const enrolRequestSchema = z
  .object({
    code: z.string().regex(/^[A-Z0-9]{4}(-[A-Z0-9]{4}){2}$/),
    stationCode: stationCodeSchema,
    label: z.string().min(1).max(60),
    kind: stationKindSchema,
    /** The station's P-256 public key, SubjectPublicKeyInfo DER in base64. */
    publicKey: base64Schema.max(1000),
    appVersion: z.string().max(40),
    protocol: z.number().int(),
  })
  .strict();
export const enrolResponseSchema = z.object({
  hallId: z.string(),
  hallName: z.string(),
  stationCode: stationCodeSchema,
  serverTime: z.string(),
  heads: z.array(chainHeadSchema),
});

/** POST /v1/session/challenge — start of challenge–response. */
export const challengeRequestSchema = z.object({ stationCode: stationCodeSchema }).strict();
export const challengeResponseSchema = z.object({
  challengeId: z.string().min(8).max(80),
  nonce: base64Schema.max(200),
  expiresAt: z.string(),
  serverTime: z.string(),
});

/** POST /v1/session — the station signs `sessionSigningText(...)` with its key. */
export const sessionRequestSchema = z
  .object({
    stationCode: stationCodeSchema,
    challengeId: z.string().min(8).max(80),
    signature: base64Schema.max(200),
    protocol: z.number().int(),
    appVersion: z.string().max(40),
    maxEventSchema: z.number().int(),
  })
  .strict();
export const sessionResponseSchema = z.object({
  token: z.string().min(20).max(200),
  expiresAt: z.string(),
  serverTime: z.string(),
  /** Every chain the hall holds for this station, so the outbox knows what is acknowledged. */
  heads: z.array(chainHeadSchema),
  lastGseq: gseqSchema,
  /**
   * The public half of the hall's bundle key (SPKI DER, base64): the station pins it and checks
   * every bundle the hall writes for it (field bundles, server/protocol/bundle.ts). Absent on a
   * hall started without one.
   */
  bundleKey: base64Schema.max(300).optional(),
  /** The newest push signature form the hall checks (PUSH_SIGNING_FORM); absent: form 1 only. */
  pushSigning: z.number().int().min(1).optional(),
  /**
   * The refill signature form the hall checks (REFILL_SIGNING_FORM, docs/hall.md "Restoring the
   * server"); absent: a hall from before, which takes refills unsigned (and no other field).
   */
  refillSigning: z.number().int().min(1).optional(),
});

/**
 * The hall certificate's fingerprint as `npm run server -- station enrol` and `serve --tls` print
 * it: SHA-256 of the certificate's DER, upper-case hex pairs joined by colons (what Node's
 * `X509Certificate#fingerprint256` and `TLSSocket#getPeerCertificate().fingerprint256` give).
 */
export const certFingerprintSchema = z.string().regex(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);

/**
 * POST /v1/push (Authorization: Bearer <token>) — a contiguous range of one chain of the
 * station's own: events[i].stationSeq = fromSeq + i. Each event's chainId (or, for schema-1
 * events, its stationId) must be the request's chainId, and stationId the session's station. A
 * chain the hall does not know yet (the first push, or `HJ01.2` opened by a restore) starts at
 * seq 1 with prevHash = GENESIS_HASH (64 zeros); a restored chain names the old head in its
 * first event's payload, not in prevHash. `signature` is the station key's signature
 * of `pushSigningText(...)`. `pushId` is the station's idempotency key for the request.
 */
export const pushRequestSchema = z
  .object({
    pushId: z.string().min(8).max(80),
    chainId: chainIdSchema,
    fromSeq: seqSchema,
    events: z.array(wireEventSchema).min(1).max(500),
    signature: base64Schema.max(200),
    /** The password hashes of the range's user events, beside them (never in a payload). */
    credentials: z.array(credentialSchema).max(500).optional(),
    /**
     * SHA-256 of `canonicalCredentials(credentials)`: present, the signature is of form 2 and
     * covers the credentials; absent, of form 1 (a station from before), which may carry none.
     */
    credentialsSha256: hashSchema.optional(),
  })
  .strict();
export type PushRequest = z.infer<typeof pushRequestSchema>;
export const pushResponseSchema = z.object({
  accepted: z.number().int().min(0),
  duplicates: z.number().int().min(0),
  head: chainHeadSchema,
  /** gseq of each event of the request, in order (duplicates keep their first gseq). */
  gseqs: z.array(gseqSchema.min(1)),
  serverTime: z.string(),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

/** GET /v1/pull?after=<gseq>&limit=<n>&waitMs=<ms> — long-poll when nothing is past `after`. */
/** The longest long-poll a pull may ask for (waitMs). */
export const MAX_PULL_WAIT_MS = 30_000;
export const pullQuerySchema = z.object({
  after: z.coerce.number().int().min(0),
  limit: z.coerce.number().int().min(1).max(2000).default(500),
  waitMs: z.coerce.number().int().min(0).max(MAX_PULL_WAIT_MS).default(0),
});
export const pullResponseSchema = z.object({
  events: z.array(hallEventSchema),
  /** The gseq to ask after next time (the last one returned, or `after` when none). */
  cursor: gseqSchema,
  /** The hall's last gseq: cursor < lastGseq means there is more to fetch now. */
  lastGseq: gseqSchema,
  serverTime: z.string(),
  /** The credentials that belong to events of this page (absent: none). */
  credentials: z.array(credentialSchema).optional(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

/** PUT /v1/blobs/<sha256> (raw bytes) · GET the same · POST /v1/blobs/missing { hashes }. */
export const blobsMissingRequestSchema = z.object({ hashes: z.array(hashSchema).max(1000) });
export const blobsMissingResponseSchema = z.object({ missing: z.array(hashSchema) });
export const MAX_BLOB_BYTES = 30 * 1024 * 1024;
export const MAX_PUSH_BYTES = 2 * 1024 * 1024;

/**
 * POST /v1/numbers/certificate — the next number of the bureau's gapless series for a
 * certificate type and year (`cert:<type>:<year>`), allocated at issuance, online only. The
 * station keeps `requestKey` (case id + command + attempt id) before it asks: asking again with
 * the same key — a lost answer, a crash, a retry — gives the same number back, never a second
 * one. The same key for another series, case or station is refused (`request_key_reused`). The
 * hall gives the sequence; the station writes the number (domain/numbering.ts).
 */
export const allocateCertificateRequestSchema = z
  .object({
    requestKey: z
      .string()
      .min(8)
      .max(200)
      .regex(/^[A-Za-z0-9:._-]+$/),
    certType: z
      .string()
      .min(1)
      .max(40)
      .regex(/^[A-Za-z][A-Za-z0-9_-]*$/),
    year: z.number().int().min(2000).max(2999),
    caseId: z.string().min(1).max(80),
  })
  .strict();
export type AllocateCertificateRequest = z.infer<typeof allocateCertificateRequestSchema>;
export const allocateCertificateResponseSchema = z.object({
  /** 1, 2, 3 … without a gap for the bureau in this series. */
  seq: z.number().int().min(1),
  seriesId: z.string(),
  requestKey: z.string(),
  caseId: z.string(),
  /** true: this key was allocated before, and this is the same number again. */
  replayed: z.boolean(),
  allocatedAt: z.string(),
  serverTime: z.string(),
});
export type AllocateCertificateResponse = z.infer<typeof allocateCertificateResponseSchema>;

/** The series of certificate numbers of one type and year. */
export const certificateSeriesId = (certType: string, year: number) => `cert:${certType}:${year}`;

// ---- blobs an event names ---------------------------------------------------------------------

const HEX64 = /^[0-9a-f]{64}$/;

/**
 * The content hashes (scans, archived papers) an event names, which must be uploaded before the
 * event is pushed. Known places: `sha256` on the payload (paperPrinted, paperReprinted, …) and
 * `attachments[].sha256` (attachmentsLinked and the intake decisions that carry their links).
 */
export function blobRefsOf(event: { payload: Record<string, unknown> }): string[] {
  const refs = new Set<string>();
  const p = event.payload;
  if (typeof p.sha256 === 'string' && HEX64.test(p.sha256)) refs.add(p.sha256);
  if (Array.isArray(p.attachments)) {
    for (const a of p.attachments as unknown[]) {
      const h = (a as { sha256?: unknown } | null)?.sha256;
      if (typeof h === 'string' && HEX64.test(h)) refs.add(h);
    }
  }
  return [...refs];
}

/** Clock skew beyond which a station is told its clock is wrong (issue 16 item 4). */
export const MAX_CLOCK_SKEW_MS = 2 * 60 * 1000;
export * from './leases';
export * from './signing';
