// Field bundles (issue 17 item 5): a signed file that carries a push or a pull where there is no
// network. A **station bundle** carries the station's events past what the hall acknowledged (every
// chain), the credentials beside them and the bytes of every blob they name, to the hall; a
// **hall bundle** carries the hall's events after the station's pull cursor, the credentials of
// those events and the station's chain heads as the hall holds them, back. Importing is the
// same push or pull with the same rules (gap, duplicate, fork); the envelope adds what a file
// needs: a body hash (any byte changed or cut off is found), a signature (the station's sync key
// for a station bundle, the hall's bundle key for a hall bundle, whose public half the station
// pinned from its sessions), the hall and station it is for (another's is foreign) and an id
// (a re-import is recognised).
//
// The file is JSON: the envelope's fields and `body`, the body's JSON text as a string. The
// signature covers `bundleSigningText(...)`, which names the body by its SHA-256: the body is
// checked byte for byte as written, never re-serialised. Pure: zod only (stations and server).
import { z } from 'zod';
import {
  base64Schema,
  chainHeadSchema,
  chainIdSchema,
  credentialSchema,
  gseqSchema,
  hallEventSchema,
  hashSchema,
  seqSchema,
  stationCodeSchema,
  wireEventSchema,
} from './index';

export const BUNDLE_FORMAT = 'onewindow-bundle';
export const BUNDLE_VERSION = 1;
/** The largest bundle file either side reads (a week of scans fits; more: export twice). */
export const MAX_BUNDLE_BYTES = 512 * 1024 * 1024;

export const bundleIdSchema = z.string().regex(/^[A-Za-z0-9-]{8,80}$/);

export const bundleEnvelopeSchema = z
  .object({
    format: z.literal(BUNDLE_FORMAT),
    version: z.number().int(),
    kind: z.enum(['station', 'hall']),
    bundleId: bundleIdSchema,
    hallId: z.string().min(1).max(80),
    stationCode: stationCodeSchema,
    createdAt: z.string().min(10).max(40),
    bodySha256: hashSchema,
    signature: base64Schema.max(200),
    body: z.string(),
  })
  .strict();
export type BundleEnvelope = z.infer<typeof bundleEnvelopeSchema>;

export const bundleChainSchema = z
  .object({ chainId: chainIdSchema, fromSeq: seqSchema, events: z.array(wireEventSchema).min(1) })
  .strict();

export const stationBundleBodySchema = z
  .object({
    /** The station's hall cursor when it wrote the bundle: the bundle back starts after it. */
    cursor: gseqSchema,
    chains: z.array(bundleChainSchema),
    credentials: z.array(credentialSchema),
    blobs: z.array(z.object({ sha256: hashSchema, data: z.string() }).strict()),
  })
  .strict();
export type StationBundleBody = z.infer<typeof stationBundleBodySchema>;

export const hallBundleBodySchema = z
  .object({
    hallName: z.string().max(200),
    /** The events are the hall's after this gseq, in gseq order, without a hole. */
    after: gseqSchema,
    /** The hall's last gseq when it wrote the bundle. */
    lastGseq: gseqSchema,
    events: z.array(hallEventSchema),
    credentials: z.array(credentialSchema),
    /** The station's chains as the hall holds them (its acknowledgement). */
    heads: z.array(chainHeadSchema),
  })
  .strict();
export type HallBundleBody = z.infer<typeof hallBundleBodySchema>;

export type BundleKind = BundleEnvelope['kind'];

export const bundleSigningText = (p: {
  kind: BundleKind;
  bundleId: string;
  hallId: string;
  stationCode: string;
  createdAt: string;
  bodySha256: string;
}) =>
  `onewindow-bundle-v1\n${p.kind}\n${p.bundleId}\n${p.hallId}\n${p.stationCode}\n${p.createdAt}\n${p.bodySha256}`;

/**
 * Why a bundle is refused. `damaged`: not a bundle file, or not as written (a byte changed, cut
 * off); `foreign`: for another hall or station, the wrong direction, or a signature that does
 * not verify with the key it must carry; `replayed`: imported before (nothing changes);
 * `gap`: it continues from a point this side has not reached (an earlier bundle is missing).
 * The push rules' own refusals (fork, quarantined, schema_too_new, bad_hash, station_blocked,
 * station_retired) keep their codes.
 */
export const bundleRefusalCodes = ['damaged', 'foreign', 'replayed', 'gap'] as const;
export type BundleRefusalCode = (typeof bundleRefusalCodes)[number];

export type BundleFoundation =
  | { ok: true; envelope: BundleEnvelope }
  | { ok: false; code: 'damaged' | 'foreign'; detail: string };

/**
 * The first checks, with no key: the file parses as a bundle of this version and kind, and the
 * body hashes to what the envelope says. `sha256Hex` of the body's UTF-8 text.
 */
export async function openEnvelope(
  text: string,
  kind: BundleKind,
  sha256Hex: (text: string) => string | Promise<string>,
): Promise<BundleFoundation> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, code: 'damaged', detail: 'not_json' };
  }
  const parsed = bundleEnvelopeSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, code: 'damaged', detail: 'not_a_bundle' };
  const envelope = parsed.data;
  if (envelope.version !== BUNDLE_VERSION)
    return { ok: false, code: 'damaged', detail: `version_${envelope.version}` };
  if ((await sha256Hex(envelope.body)) !== envelope.bodySha256)
    return { ok: false, code: 'damaged', detail: 'body_hash' };
  if (envelope.kind !== kind) return { ok: false, code: 'foreign', detail: 'wrong_kind' };
  return { ok: true, envelope };
}

/** The body of an opened envelope, or null when it is not one of its kind (damaged). */
export function bodyOf<K extends BundleKind>(
  envelope: BundleEnvelope & { kind: K },
): (K extends 'station' ? StationBundleBody : HallBundleBody) | null {
  let raw: unknown;
  try {
    raw = JSON.parse(envelope.body);
  } catch {
    return null;
  }
  const schema = envelope.kind === 'station' ? stationBundleBodySchema : hallBundleBodySchema;
  const r = schema.safeParse(raw);
  return r.success ? (r.data as K extends 'station' ? StationBundleBody : HallBundleBody) : null;
}

/** Seals a body: its text, hash and the signature over the signing text. */
export async function sealBundle(
  head: Omit<BundleEnvelope, 'format' | 'version' | 'bodySha256' | 'signature' | 'body'>,
  body: StationBundleBody | HallBundleBody,
  deps: {
    sha256Hex: (text: string) => string | Promise<string>;
    sign: (text: string) => Promise<string>;
  },
): Promise<{ text: string; bodySha256: string }> {
  const text = JSON.stringify(body);
  const bodySha256 = await deps.sha256Hex(text);
  const signature = await deps.sign(bundleSigningText({ ...head, bodySha256 }));
  const envelope: BundleEnvelope = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    ...head,
    bodySha256,
    signature,
    body: text,
  };
  return { text: JSON.stringify(envelope), bodySha256 };
}

/** The file name a bundle is saved under: who, which way, when. */
export const bundleFileName = (kind: BundleKind, stationCode: string, createdAt: string) =>
  `onewindow-${kind === 'station' ? `${stationCode}-to-hall` : `hall-to-${stationCode}`}-${createdAt
    .slice(0, 19)
    .replace(/[-:]/g, '')
    .replace('T', '-')}.owb`;

/** Base64 of bytes and back, without Node's Buffer (the browser host and the renderer use it). */
export function bytesToBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}
export function base64ToBytes(b64: string): Uint8Array | null {
  try {
    const s = atob(b64);
    const out = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
    return out;
  } catch {
    return null;
  }
}
