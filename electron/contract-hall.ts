// The hall channels of the host contract (issue 16): the station's door to the hall server.
// The host (Electron main, or the browser host) holds the station's sync key, the enrolment and
// the session token; the renderer's sync engine (renderer/src/data/sync/) only says what to send.
// Kept beside contract.ts (which spreads `hallContract` into the one contract) to keep both short.
// Imports zod and the shared protocol only: loaded by main, preload, renderer and tests alike.
import { z } from 'zod';
import { hallNumbersArgsSchema, hallNumbersResponseSchema } from './hall-numbers';
import {
  allocateCertificateRequestSchema,
  allocateCertificateResponseSchema,
  chainHeadSchema,
  chainIdSchema,
  errorCodeSchema,
  gseqSchema,
  hashSchema,
  credentialSchema,
  pullResponseSchema,
  pushResponseSchema,
  seqSchema,
  sessionResponseSchema,
  stationCodeSchema,
  stationKindSchema,
  wireEventSchema,
} from '../server/protocol';
import { refillRequestSchema, refillResponseSchema } from '../server/protocol/restore';
import { floorCallSchema, floorAnswerSchema } from '../server/protocol/floor';
import { ratingAnswerSchema, ratingCallSchema } from '../server/protocol/rating';

/**
 * The newest event envelope schema this app folds, told to the server when a session opens (the
 * server then holds back nothing; a newer event arriving is kept unfolded by the station).
 * It is the registry's EVENT_SCHEMA (renderer/src/data/eventRegistry.ts), the envelope this app
 * writes; it is repeated here so that main and preload need not load the registry, and
 * tests/unit/electron/hallSchema.test.ts fails the moment the two differ.
 */
export const HALL_EVENT_SCHEMA = 2;

/**
 * Failures the host itself finds, beside the server's own refusal codes:
 * - unreachable: no answer in time (no network, server down, timeout) — retry later;
 * - certificate_mismatch: the server's TLS certificate is not the one pinned at enrolment
 *   (or not the fingerprint typed in at enrolment) — never retried, someone must look;
 * - insecure_address: plain http:// to an address that is not this computer;
 * - bad_address: not an http(s) address at all;
 * - not_enrolled / already_enrolled: the station's enrolment state does not allow the call;
 * - other_hall: enrolling again, but the address answers for another hall than this station's;
 * - bad_response: the server answered something that is not the protocol;
 * - local_missing / local_mismatch: putBlob's source is not in the station's store, or its bytes
 *   no longer match the hash.
 */
export const hallLocalCodes = [
  'unreachable',
  'certificate_mismatch',
  'insecure_address',
  'bad_address',
  'not_enrolled',
  'already_enrolled',
  'other_hall',
  'bad_response',
  'local_missing',
  'local_mismatch',
] as const;
export const hallErrorCodeSchema = z.union([errorCodeSchema, z.enum(hallLocalCodes)]);
export type HallErrorCode = z.infer<typeof hallErrorCodeSchema>;

export const hallFailureSchema = z.object({
  code: hallErrorCodeSchema,
  /** English, for maintainers; the screen words the code. Never personal data. */
  message: z.string().max(500),
  expectedSeq: z.number().int().optional(),
  seq: z.number().int().optional(),
  missing: z.array(hashSchema).optional(),
  supported: z.number().int().optional(),
  retryAfterMs: z.number().int().optional(),
  /** certificate_mismatch: the fingerprint the server really showed, to compare on screen. */
  seenFingerprint: z.string().optional(),
});
export type HallFailure = z.infer<typeof hallFailureSchema>;

const failed = z.object({ ok: z.literal(false), error: hallFailureSchema });

/**
 * A certificate fingerprint: SHA-256 of the DER certificate, 64 hex digits. Typed in by a person
 * as the server printed it — with or without colons or spaces, either case.
 */
export function normaliseFingerprint(text: string): string | null {
  const hex = text.replace(/[\s:]/g, '').toLowerCase();
  return /^[0-9a-f]{64}$/.test(hex) ? hex : null;
}

/** As people compare it: upper-case pairs joined by colons (what openssl and the server print). */
export const displayFingerprint = (hex: string) => (hex.toUpperCase().match(/../g) ?? []).join(':');

export type HallAddressCheck =
  { ok: true; url: URL; secure: boolean } | { ok: false; code: 'bad_address' | 'insecure_address' };

/** Loopback: this computer (127.0.0.0/8, ::1, localhost). */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}

/**
 * A hall server address as the administrator types it: https://host[:port], or http:// only to
 * this computer. No path, query, user name or password. One check for both hosts and the screen.
 */
export function checkHallAddress(text: string): HallAddressCheck {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return { ok: false, code: 'bad_address' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return { ok: false, code: 'bad_address' };
  if (url.username || url.password || url.search || url.hash || url.hostname === '') {
    return { ok: false, code: 'bad_address' };
  }
  if (url.pathname !== '/' && url.pathname !== '') return { ok: false, code: 'bad_address' };
  const secure = url.protocol === 'https:';
  if (!secure && !isLoopbackHost(url.hostname)) return { ok: false, code: 'insecure_address' };
  return { ok: true, url, secure };
}

/** The enrolment code the server's `enrol` command prints: XXXX-XXXX-XXXX. */
export const enrolCodeSchema = z.string().regex(/^[A-Z0-9]{4}(-[A-Z0-9]{4}){2}$/);

const empty = z.object({}).strict();

export const hallContract = {
  /** Whether this station is enrolled, and where. */
  'hall.status': {
    args: empty,
    result: z.object({
      enrolled: z.boolean(),
      serverUrl: z.string().nullable(),
      hallName: z.string().nullable(),
      stationCode: z.string().nullable(),
      /** The pinned certificate fingerprint (hex); null on loopback http or in a browser. */
      fingerprint: z.string().nullable(),
      /** The hall's id (field bundles must name it); absent when not enrolled. */
      hallId: z.string().nullable().optional(),
      /**
       * The hall's bundle key (SPKI, base64) as the last session told it over the pinned
       * connection: every bundle from the hall must verify with it. Null until a session.
       */
      bundleKey: z.string().nullable().optional(),
      /**
       * The kind the station was enrolled as; a floor device (kiosk, display, rating) starts
       * straight into its page and nothing else (docs/floor.md). null when not enrolled.
       */
      kind: stationKindSchema.nullable(),
      /**
       * When this enrolment was made (the host's clock); null when not enrolled. A station
       * enrolled again under the same code (after a bad-signature alert) has a new one, and the
       * renderer starts a fresh sync engine for it (features/shared/hallSyncWatch.ts).
       */
      enrolledAt: z.string().nullable().optional(),
    }),
  },
  /**
   * Before enrolling: what the address answers (GET /v1/health) and the fingerprint of the
   * certificate it shows, so the administrator can compare it with the one the server printed.
   * Fails like hall.enrol.
   */
  'hall.probe': {
    args: z.object({ serverUrl: z.string().min(1).max(300) }).strict(),
    result: z.object({
      hallId: z.string().nullable(),
      hallName: z.string().nullable(),
      /** null: plain http on loopback, or a browser (which checks certificates itself). */
      fingerprint: z.string().nullable(),
      serverTime: z.string(),
      protocol: z.number().int(),
    }),
  },
  /**
   * Enrols this station with a single-use code. The host makes (or reuses) the station's sync
   * key, sends its public key, and on success keeps the address, the hall and the certificate
   * fingerprint it pinned. `fingerprint` (as printed by the server) is required for https in
   * Electron: the certificate must match it or nothing is sent. Fails with HostError code 'hall'
   * whose message is a HallErrorCode (hallErrorOf).
   */
  'hall.enrol': {
    args: z
      .object({
        serverUrl: z.string().min(1).max(300),
        code: enrolCodeSchema,
        stationCode: stationCodeSchema,
        label: z.string().trim().min(1).max(60),
        kind: stationKindSchema,
        fingerprint: z.string().max(200).optional(),
        /**
         * Enrol again although enrolled (the server's certificate changed, the PC was
         * reinstalled): only into the same hall ('other_hall' otherwise); the key is kept.
         */
        replace: z.boolean().optional(),
      })
      .strict(),
    result: z.object({
      hallId: z.string(),
      hallName: z.string(),
      fingerprint: z.string().nullable(),
      heads: z.array(chainHeadSchema),
      serverTime: z.string(),
    }),
  },
  /** Opens a session (challenge–response with the station key); the host keeps the token. */
  'hall.session': { args: empty, result: sessionResponseSchema },
  /** Pushes a contiguous range of one of the station's chains; the host signs it. */
  'hall.push': {
    args: z
      .object({
        chainId: chainIdSchema,
        fromSeq: seqSchema,
        events: z.array(wireEventSchema).min(1).max(500),
        /** Password hashes beside the range's user events (issue 17 item 2). */
        credentials: z.array(credentialSchema).max(500).optional(),
      })
      .strict(),
    result: z.union([z.object({ ok: z.literal(true), response: pushResponseSchema }), failed]),
  },
  'hall.pull': {
    args: z
      .object({
        after: gseqSchema,
        limit: z.number().int().min(1).max(2000),
        waitMs: z.number().int().min(0).max(30_000),
      })
      .strict(),
    result: z.union([z.object({ ok: z.literal(true), response: pullResponseSchema }), failed]),
  },
  /** Uploads one blob; the host reads the bytes from its own store and checks their hash. */
  'hall.putBlob': {
    args: z
      .object({
        sha256: hashSchema,
        source: z
          .object({ kind: z.enum(['attachment', 'archive']), id: z.string().min(1).max(80) })
          .strict(),
      })
      .strict(),
    result: z.union([z.object({ ok: z.literal(true) }), failed]),
  },
  /**
   * A restored hall is handed back what this station holds past its order, with the original
   * gseqs (POST /v1/restore/refill; docs/hall.md "Restoring the server"); no events: a check-in.
   */
  'hall.refill': {
    args: refillRequestSchema,
    result: z.union([z.object({ ok: z.literal(true), response: refillResponseSchema }), failed]),
  },
  'hall.missingBlobs': {
    args: z.object({ hashes: z.array(hashSchema).max(1000) }).strict(),
    result: z.union([z.object({ ok: z.literal(true), missing: z.array(hashSchema) }), failed]),
  },
  /**
   * A hall-wide certificate number (POST /v1/numbers/certificate): the bureau's next seq of the
   * (type, year) series, or the same seq again for a request key asked before. Online only:
   * `unreachable` when the hall cannot be reached — the station then issues no internal number.
   */
  'hall.allocateNumber': {
    args: allocateCertificateRequestSchema,
    result: z.union([
      z.object({ ok: z.literal(true), response: allocateCertificateResponseSchema }),
      failed,
    ]),
  },
  /**
   * Seals a field bundle (issue 17 item 5): the host reads the named blobs from its store, checks
   * their hashes, and signs the body with the station's sync key. The bytes come back to be saved
   * with files.saveFile. The chains must be this station's.
   */
  'hall.sealBundle': {
    args: z
      .object({
        cursor: gseqSchema,
        chains: z
          .array(
            z
              .object({
                chainId: chainIdSchema,
                fromSeq: seqSchema,
                events: z.array(wireEventSchema).min(1).max(200_000),
              })
              .strict(),
          )
          .max(50),
        credentials: z.array(credentialSchema).max(100_000),
        blobs: z
          .array(
            z
              .object({
                sha256: hashSchema,
                source: z
                  .object({
                    kind: z.enum(['attachment', 'archive']),
                    id: z.string().min(1).max(80),
                  })
                  .strict(),
              })
              .strict(),
          )
          .max(20_000),
      })
      .strict(),
    result: z.object({
      bundleId: z.string(),
      fileName: z.string(),
      bytes: z.instanceof(Uint8Array),
      events: z.number().int(),
      blobs: z.number().int(),
    }),
  },
  /**
   * The hall floor (issue 18, docs/floor.md): one call of /v1/floor/* — `action` names the route,
   * `body` is its request (validated per action). The answer is the floor's own result (a rule's
   * refusal is { ok: false, code, message } inside it) or a host failure: `unreachable` when the
   * hall cannot be reached (the window says so; the queue is the hall's), `station_kind_refused`
   * when this station's kind may not do it. (Channels have two parts, hence not hall.floor.*.)
   */
  'hall.floor': {
    args: floorCallSchema,
    result: z.union([z.object({ ok: z.literal(true), answer: floorAnswerSchema }), failed]),
  },
  /**
   * The rating device across the hall (issue 18 item 4, docs/floor.md): one call of
   * /v1/floor/rating/* — a counter asks and picks up its requests' ratings, a rating device reads
   * and submits its own window's request. Failures as 'hall.floor'.
   */
  'hall.rating': {
    args: ratingCallSchema,
    result: z.union([z.object({ ok: z.literal(true), answer: ratingAnswerSchema }), failed]),
  },
  /**
   * Leased blocks of notice and ledger numbers, voiding, the station's open numbers, an island's
   * claim of its own numbers at the join check and the register of every series
   * (electron/hall-numbers.ts, docs/hall.md "Numbers").
   */
  'hall.numbers': {
    args: hallNumbersArgsSchema,
    result: z.union([
      z.object({ ok: z.literal(true), response: hallNumbersResponseSchema }),
      failed,
    ]),
  },
} as const;

/** The HallErrorCode of a failed hall.enrol / hall.probe / hall.session, or null. */
export function hallErrorOf(e: unknown): HallErrorCode | null {
  const err = e as { code?: unknown; message?: unknown } | null;
  if (err?.code !== 'hall' || typeof err.message !== 'string') return null;
  const code = hallErrorCodeSchema.safeParse(err.message.split(':')[0]);
  return code.success ? code.data : null;
}

/** The fingerprint a certificate_mismatch carried in its message ('certificate_mismatch:<hex>'). */
export function seenFingerprintOf(e: unknown): string | null {
  const err = e as { code?: unknown; message?: unknown } | null;
  if (err?.code !== 'hall' || typeof err.message !== 'string') return null;
  const m = /^certificate_mismatch:([0-9a-f]{64})$/.exec(err.message);
  return m ? m[1]! : null;
}
