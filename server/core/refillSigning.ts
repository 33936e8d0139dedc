// The refill's signature (docs/hall.md "Restoring the server"), checked before anything of it is
// stored — events, credentials, leases or the check-in: a refusal leaves the hall as it was.
// Pure: the caller brings the verification with the station's enrolled key and its SHA-256
// (server/http/restore.ts; the station's tests' hall model does the same).
import { canonicalCredentials, REFILL_SIGNING_FORM, refillSigningTextOf } from '../protocol';
import type { RefillBody, RefillRequest } from '../protocol/restore';

export type RefillSignatureRefusal = {
  code: 'bad_signature' | 'credentials_mismatch' | 'protocol_unsupported' | 'bad_request';
  message: string;
  supported?: number;
};

/**
 * Null when the refill may go on: signed over what it carries, or unsigned (a station from before
 * signed refills) without credentials. Otherwise the refusal: an unsigned refill with password
 * hashes beside it, a signature that does not verify with the enrolled key (events, holds or
 * leases changed on the way, or another key), credentials not the ones signed.
 */
export async function refillSignatureProblem(
  body: RefillBody,
  verify: (text: string, signature: string) => boolean | Promise<boolean>,
  sha256Hex: (text: string) => string | Promise<string>,
): Promise<RefillSignatureRefusal | null> {
  const credentials = body.credentials ?? [];
  if (body.signature === undefined) {
    if (body.credentialsSha256 !== undefined)
      return { code: 'bad_request', message: 'credentialsSha256 without a signature' };
    if (credentials.length === 0) return null;
    return {
      code: 'protocol_unsupported',
      message: 'credentials beside an unsigned refill: update this station',
      supported: REFILL_SIGNING_FORM,
    };
  }
  if (body.credentialsSha256 === undefined)
    return { code: 'bad_request', message: 'a signed refill says its credentialsSha256' };
  const text = await refillSigningTextOf(body, sha256Hex, body.credentialsSha256);
  if (!(await verify(text, body.signature)))
    return { code: 'bad_signature', message: 'the refill signature does not verify' };
  if ((await sha256Hex(canonicalCredentials(credentials))) !== body.credentialsSha256)
    return {
      code: 'credentials_mismatch',
      message: 'the credentials beside the refill are not the ones its signature covers',
    };
  return null;
}

/** The refill without its signature fields, as server/core/restore.ts takes it. */
export function unsignedRefill(body: RefillBody): RefillRequest {
  const { signature: _s, credentialsSha256: _c, ...request } = body;
  return request;
}
