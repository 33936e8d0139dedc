import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256HexSync } from '../../../../renderer/src/domain/sha256';
import { chain, chainSync, sha256Hex } from '../../../../renderer/src/domain/audit';

describe('synchronous SHA-256', () => {
  it('matches the FIPS 180-4 test vectors', () => {
    expect(sha256HexSync('')).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    expect(sha256HexSync('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(sha256HexSync('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('equals Web Crypto on random text of every length around the block boundaries', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 300 }), async (s) => {
        expect(sha256HexSync(s)).toBe(await sha256Hex(s));
      }),
      { numRuns: 300 },
    );
  });

  it('chainSync equals chain for events with Chinese text', async () => {
    const event = {
      id: 'HJ01-7',
      type: 'caseAccepted',
      payload: { name: '郑州宏达置业有限公司' },
      prevHash: 'x',
    };
    expect(chainSync('a'.repeat(64), event)).toBe(await chain('a'.repeat(64), event));
  });
});
