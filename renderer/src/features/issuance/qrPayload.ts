// The certificate's QR payload: compact canonical JSON of what the certificate says, a dot, and
// the office key's ECDSA P-256 signature over that JSON in base64url. Any station holding the
// office's public key checks it with Web Crypto alone, so verification works offline.

/** What the QR code asserts. Short keys keep the code small enough to scan from paper. */
export interface CertificateClaim {
  v: 1;
  /** Certificate number. */
  no: string;
  /** Certificate type id of the catalogue. */
  t: string;
  /** Holder (建设单位 / 用地单位 / applicant). */
  h: string;
  /** Issued date, local YYYY-MM-DD. */
  d: string;
  /** Id of the key that signed it. */
  k: string;
}

const CLAIM_KEYS = ['d', 'h', 'k', 'no', 't', 'v'] as const;

/** Canonical form: keys in code-point order, no spaces — the same bytes on every station. */
export function canonicalClaim(c: CertificateClaim): string {
  const sorted: Record<string, string | number> = {};
  for (const k of CLAIM_KEYS) sorted[k] = c[k];
  return JSON.stringify(sorted);
}

export function base64UrlFromBase64(b64: string): string {
  return b64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function bytesFromBase64Url(s: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[A-Za-z0-9_-]*$/.test(s)) return null;
  const b64 = s
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(s.length / 4) * 4, '=');
  try {
    const bin = atob(b64);
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  } catch {
    return null;
  }
}

export const bytesFromBase64 = (b64: string) =>
  bytesFromBase64Url(base64UrlFromBase64(b64)) ?? new Uint8Array(0);

/** Signs with a signer (the host's keys.sign) and returns the text the QR code carries. */
export async function signClaim(
  claim: CertificateClaim,
  sign: (payload: string) => Promise<{ signature: string }>,
): Promise<string> {
  const json = canonicalClaim(claim);
  const { signature } = await sign(json);
  return `${json}.${base64UrlFromBase64(signature)}`;
}

function asClaim(value: unknown): CertificateClaim | null {
  if (typeof value !== 'object' || value === null) return null;
  const o = value as Record<string, unknown>;
  if (o.v !== 1) return null;
  for (const k of ['no', 't', 'h', 'd', 'k'] as const) if (typeof o[k] !== 'string') return null;
  if (Object.keys(o).length !== CLAIM_KEYS.length) return null;
  return o as unknown as CertificateClaim;
}

export type PayloadCheck =
  | { ok: true; claim: CertificateClaim }
  | { ok: false; reason: 'malformed' | 'unknown_key' | 'bad_signature'; claim?: CertificateClaim };

/** Does `text` look like a signed payload at all (rather than a bare certificate number)? */
export const looksLikePayload = (text: string) => text.trim().startsWith('{');

/**
 * Checks a scanned payload against the office's public key. The JSON must be exactly the
 * canonical form that was signed: re-ordered or re-spaced text counts as tampered.
 */
export async function verifyPayload(
  text: string,
  office: { spki: string; keyId: string },
): Promise<PayloadCheck> {
  const trimmed = text.trim();
  const dot = trimmed.lastIndexOf('.');
  if (dot <= 0) return { ok: false, reason: 'malformed' };
  const json = trimmed.slice(0, dot);
  const signature = bytesFromBase64Url(trimmed.slice(dot + 1));
  let claim: CertificateClaim | null;
  try {
    claim = asClaim(JSON.parse(json));
  } catch {
    claim = null;
  }
  if (!claim || !signature || signature.length !== 64) return { ok: false, reason: 'malformed' };
  if (canonicalClaim(claim) !== json) return { ok: false, reason: 'bad_signature', claim };
  if (claim.k !== office.keyId) return { ok: false, reason: 'unknown_key', claim };
  const key = await crypto.subtle.importKey(
    'spki',
    bytesFromBase64(office.spki),
    { name: 'ECDSA', namedCurve: 'P-256' },
    false,
    ['verify'],
  );
  const good = await crypto.subtle.verify(
    { name: 'ECDSA', hash: 'SHA-256' },
    key,
    signature,
    new TextEncoder().encode(json),
  );
  return good ? { ok: true, claim } : { ok: false, reason: 'bad_signature', claim };
}
