// Node crypto for the hall: station keys (P-256, SPKI DER in base64), signatures (ECDSA P-256 with
// SHA-256, IEEE-P1363 encoding — what WebCrypto makes), SHA-256 and random tokens.
import { createHash, createPublicKey, randomBytes, verify, type KeyObject } from 'node:crypto';
import { canonicalJson } from '../renderer/src/domain/audit';
import type { ChainHash } from './core/push';

export const sha256Hex = (data: string | Uint8Array) =>
  createHash('sha256').update(data).digest('hex');

/** The chain hash of domain/audit.ts, with Node's SHA-256 (same bytes, faster). */
export const nodeChainHash: ChainHash = (prevHash, event) => {
  const { hash: _ignored, ...rest } = event;
  return sha256Hex(canonicalJson({ ...rest, prevHash }));
};

/** The station's public key, or null when it is not a P-256 SPKI key. */
export function stationKey(spkiBase64: string): KeyObject | null {
  try {
    const key = createPublicKey({
      key: Buffer.from(spkiBase64, 'base64'),
      format: 'der',
      type: 'spki',
    });
    return key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1'
      ? key
      : null;
  } catch {
    return null;
  }
}

export function verifySignature(spkiBase64: string, text: string, signatureBase64: string) {
  const key = stationKey(spkiBase64);
  if (!key) return false;
  const sig = Buffer.from(signatureBase64, 'base64');
  if (sig.length !== 64) return false;
  try {
    return verify('sha256', Buffer.from(text, 'utf8'), { key, dsaEncoding: 'ieee-p1363' }, sig);
  } catch {
    return false;
  }
}

export const randomToken = (bytes = 32) => randomBytes(bytes).toString('base64url');
export const randomNonce = () => randomBytes(32).toString('base64');

/** Enrolment codes: XXXX-XXXX-XXXX from letters and digits that do not look alike. */
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export function enrolmentCode(): string {
  const b = randomBytes(12);
  const chars = [...b].map((x) => CODE_ALPHABET[x % CODE_ALPHABET.length]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
}
