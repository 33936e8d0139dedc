// What a scanned or typed certificate reference means: the signature first (offline, Web
// Crypto), then this station's records (current, voided, replaced).
import { certificateStanding } from '../../data/certificates';
import type { OneWindowDb } from '../../data/db';
import { looksLikePayload, verifyPayload } from './qrPayload';

interface Shown {
  number: string;
  holder?: string;
  issuedOn?: string;
  caseNo?: string;
}

export type Verdict =
  | ({ kind: 'genuine' | 'genuineNotOnRecord' | 'onRecord' } & Shown)
  | ({ kind: 'voided'; voidedOn: string; reason: string } & Shown)
  | ({ kind: 'replaced'; voidedOn: string; reason: string; replacedBy: string } & Shown)
  | { kind: 'notGenuine'; reason: 'malformed' | 'unknown_key' | 'bad_signature' }
  | { kind: 'notFound'; number: string };

export async function verifyCertificate(
  db: OneWindowDb,
  input: string,
  officeKey: () => Promise<{ spki: string; keyId: string }>,
): Promise<Verdict> {
  const text = input.trim();
  let shown: Shown;
  let signed = false;
  if (looksLikePayload(text)) {
    const check = await verifyPayload(text, await officeKey());
    if (!check.ok) return { kind: 'notGenuine', reason: check.reason };
    shown = { number: check.claim.no, holder: check.claim.h, issuedOn: check.claim.d };
    signed = true;
  } else {
    shown = { number: text };
  }
  const standing = await certificateStanding(db, shown.number);
  switch (standing.kind) {
    case 'unknown':
      return signed ? { kind: 'genuineNotOnRecord', ...shown } : { kind: 'notFound', number: text };
    case 'current':
      return {
        kind: signed ? 'genuine' : 'onRecord',
        ...shown,
        caseNo: standing.caseNo,
        issuedOn: shown.issuedOn ?? (standing.row.data as { issuedOn?: string }).issuedOn,
      };
    case 'voided':
      return {
        kind: 'voided',
        ...shown,
        caseNo: standing.caseNo,
        voidedOn: standing.voidedOn,
        reason: standing.reason,
      };
    case 'replaced':
      return {
        kind: 'replaced',
        ...shown,
        caseNo: standing.caseNo,
        voidedOn: standing.voidedOn,
        reason: standing.reason,
        replacedBy: standing.replacedBy,
      };
  }
}
