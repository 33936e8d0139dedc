// The refill as the host sends it (POST /v1/restore/refill, docs/hall.md "Restoring the server"):
// signed with the station's key over what it carries — the events' gseq range, chain positions
// and hashes, the credentials' canonical SHA-256 (the push's form), the held leases — when the
// hall's session answer says it checks refill signatures (`refillSigning`); a hall from before
// takes the request as it was and no field it does not know. No Node, no DOM.
import { canonicalCredentials, REFILL_SIGNING_FORM, refillSigningTextOf } from '../server/protocol';
import type { RefillBody, RefillRequest } from '../server/protocol/restore';

export interface RefillSigner {
  sign(payload: string): Promise<{ signature: string }>;
  /** SHA-256 (hex) of the UTF-8 of a text. */
  sha256Hex(text: string): Promise<string> | string;
  /** The refill signature form the hall checks, as its session answer said (0: none). */
  refillSigning(): Promise<number>;
}

export async function signedRefillBody(args: RefillRequest, s: RefillSigner): Promise<RefillBody> {
  if ((await s.refillSigning()) < REFILL_SIGNING_FORM) return args;
  const credentialsSha256 = await s.sha256Hex(canonicalCredentials(args.credentials));
  const { signature } = await s.sign(
    await refillSigningTextOf(args, (t) => s.sha256Hex(t), credentialsSha256),
  );
  return { ...args, signature, credentialsSha256 };
}
