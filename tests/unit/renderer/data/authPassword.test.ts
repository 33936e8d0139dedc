// Password hashing: the production parameters, the algorithm (an RFC test vector), the stored
// form, and that a wrong password never verifies.
import { describe, expect, it } from 'vitest';
import {
  constantTimeEqual,
  hashPassword,
  parsePasswordHash,
  PBKDF2_ITERATIONS,
  SALT_BYTES,
  verifyPassword,
} from '../../../../renderer/src/data/authPassword';

const hex = (b: Uint8Array) => [...b].map((x) => x.toString(16).padStart(2, '0')).join('');

describe('password hashing', () => {
  it('uses at least 600,000 PBKDF2 iterations and a 16-byte salt by default', async () => {
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    // The default path, not the constant: a caller that passes nothing gets the full cost.
    const stored = await hashPassword('柜台密码-2026');
    expect(stored).toMatch(/^pbkdf2-sha256\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    const parsed = parsePasswordHash(stored)!;
    expect(parsed.iterations).toBeGreaterThanOrEqual(600_000);
    expect(parsed.salt).toHaveLength(SALT_BYTES);
    expect(parsed.hash).toHaveLength(32);
    expect(await verifyPassword('柜台密码-2026', stored)).toBe(true);
  });

  it('is PBKDF2-HMAC-SHA256 (RFC 7914 §11 vector: "passwd", "salt", c = 1)', async () => {
    const salt = new TextEncoder().encode('salt');
    const stored = await hashPassword('passwd', { iterations: 1, salt });
    expect(hex(parsePasswordHash(stored)!.hash)).toBe(
      '55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc',
    );
  });

  it('draws a fresh salt each time, so equal passwords give different hashes', async () => {
    const a = await hashPassword('same password', { iterations: 1_000 });
    const b = await hashPassword('same password', { iterations: 1_000 });
    expect(a).not.toBe(b);
    expect(await verifyPassword('same password', b)).toBe(true);
  });

  it('refuses a wrong password, a one-character change, and a damaged stored form', async () => {
    const stored = await hashPassword('right password', { iterations: 1_000 });
    expect(await verifyPassword('right passwore', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
    expect(await verifyPassword('right password', stored.replace('pbkdf2-sha256', 'md5'))).toBe(
      false,
    );
    expect(await verifyPassword('right password', 'pbkdf2-sha256$0$AA==$AA==')).toBe(false);
  });

  it('verifies with the iteration count stored in the hash, not the current default', async () => {
    // A hash made with a lower count (an older release) must still let its owner in.
    const stored = await hashPassword('older hash', { iterations: 2_000 });
    expect(stored.split('$')[1]).toBe('2000');
    expect(await verifyPassword('older hash', stored)).toBe(true);
  });

  it('compares bytes of any length without an early exit on length', () => {
    expect(constantTimeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 3]))).toBe(true);
    expect(constantTimeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 4]))).toBe(false);
    expect(constantTimeEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2, 0]))).toBe(false);
  });
});
