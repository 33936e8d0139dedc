// Signing and checking the certificate QR payload with Web Crypto, as any station does offline.
import { describe, expect, it } from 'vitest';
import {
  canonicalClaim,
  looksLikePayload,
  signClaim,
  verifyPayload,
  type CertificateClaim,
} from '../../../../renderer/src/features/issuance/qrPayload';

const claimOf = (over: Partial<CertificateClaim> = {}): CertificateClaim => ({
  v: 1,
  no: '建字第410108202600007号',
  t: 'constructionPermit',
  h: '郑州黄河智造科技有限公司',
  d: '2026-11-05',
  k: 'abcdef0123456789',
  ...over,
});

const b64 = (buf: ArrayBuffer) => btoa(String.fromCharCode(...new Uint8Array(buf)));

async function officeKey() {
  const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, [
    'sign',
    'verify',
  ]);
  const spki = b64(await crypto.subtle.exportKey('spki', pair.publicKey));
  const sign = async (payload: string) => ({
    signature: b64(
      await crypto.subtle.sign(
        { name: 'ECDSA', hash: 'SHA-256' },
        pair.privateKey,
        new TextEncoder().encode(payload),
      ),
    ),
  });
  return { office: { spki, keyId: 'abcdef0123456789' }, sign };
}

describe('certificate QR payload', () => {
  it('is canonical: the same claim in any key order gives the same bytes', () => {
    const c = claimOf();
    const shuffled = { k: c.k, d: c.d, h: c.h, t: c.t, no: c.no, v: c.v } as CertificateClaim;
    expect(canonicalClaim(shuffled)).toBe(canonicalClaim(c));
    expect(canonicalClaim(c)).not.toMatch(/\s/);
  });

  it('a signed payload verifies with the office key', async () => {
    const { office, sign } = await officeKey();
    const text = await signClaim(claimOf(), sign);
    expect(looksLikePayload(text)).toBe(true);
    expect(await verifyPayload(text, office)).toEqual({ ok: true, claim: claimOf() });
    // Scanners often add a newline: still genuine.
    expect(await verifyPayload(`${text}\n`, office)).toMatchObject({ ok: true });
  });

  it('a changed certificate number is not genuine', async () => {
    const { office, sign } = await officeKey();
    const text = await signClaim(claimOf(), sign);
    const tampered = text.replace('202600007', '202600008');
    expect(tampered).not.toBe(text);
    expect(await verifyPayload(tampered, office)).toMatchObject({
      ok: false,
      reason: 'bad_signature',
    });
  });

  it('a flipped signature character is not genuine', async () => {
    const { office, sign } = await officeKey();
    const text = await signClaim(claimOf(), sign);
    const last = text.at(-2) === 'A' ? 'B' : 'A';
    const tampered = `${text.slice(0, -2)}${last}${text.at(-1)}`;
    expect((await verifyPayload(tampered, office)).ok).toBe(false);
  });

  it('re-spaced JSON counts as tampered even with the original signature', async () => {
    const { office, sign } = await officeKey();
    const text = await signClaim(claimOf(), sign);
    const dot = text.lastIndexOf('.');
    const spaced = `${JSON.stringify(JSON.parse(text.slice(0, dot)), null, 1)}${text.slice(dot)}`;
    expect(await verifyPayload(spaced, office)).toMatchObject({ ok: false });
  });

  it('another office key id is reported as unknown key', async () => {
    const { office, sign } = await officeKey();
    const text = await signClaim(claimOf({ k: '1111111111111111' }), sign);
    expect(await verifyPayload(text, office)).toMatchObject({ ok: false, reason: 'unknown_key' });
  });

  it('garbage and bare numbers are malformed, not a crash', async () => {
    const { office } = await officeKey();
    for (const text of ['', 'hello', '{"v":1}.abc', '{not json}.AAAA', '建字第410108202600007号'])
      expect(await verifyPayload(text, office)).toMatchObject({ ok: false, reason: 'malformed' });
    expect(looksLikePayload('建字第410108202600007号')).toBe(false);
  });
});
