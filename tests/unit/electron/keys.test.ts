// The office key service on a real temporary folder: one key created on first use and reused,
// signatures that the renderer's verifier accepts, and a damaged file reported, never replaced.
import { readFile, readdir, writeFile, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createKeyService, keyFilePath } from '../../../electron/services/keys';
import { createHandlers } from '../../../electron/handlers';
import {
  verifyPayload,
  signClaim,
  type CertificateClaim,
} from '../../../renderer/src/features/issuance/qrPayload';
import { fakePlatform, tempDir } from './helpers';

const claimOf = (over: Partial<CertificateClaim> = {}): CertificateClaim => ({
  v: 1,
  no: '建字第410108202600001号',
  t: 'constructionPermit',
  h: '郑州黄河智造科技有限公司',
  d: '2026-11-05',
  k: '0000000000000000',
  ...over,
});

describe('key service', () => {
  it('creates the key on first use, in one file, and keeps it across restarts', async () => {
    const dir = await tempDir();
    const first = await createKeyService(dir).publicKey();
    expect(first.keyId).toMatch(/^[0-9a-f]{16}$/);
    const files = await readdir(dirname(keyFilePath(dir)));
    // Only the key file: the temporary file of the atomic write is gone.
    expect(files).toEqual(['office-signing-key.json']);
    // A new service (the app restarted) must use the same key, or old certificates stop verifying.
    const again = await createKeyService(dir).publicKey();
    expect(again).toEqual(first);
    if (process.platform !== 'win32') {
      expect((await stat(keyFilePath(dir))).mode & 0o077).toBe(0);
    }
  });

  it('two concurrent first calls create one key, not two', async () => {
    const dir = await tempDir();
    const keys = createKeyService(dir);
    const [a, b] = await Promise.all([keys.publicKey(), keys.publicKey()]);
    expect(a.keyId).toBe(b.keyId);
  });

  it('signs payloads the renderer verifies; a tampered payload fails', async () => {
    const dir = await tempDir();
    const keys = createKeyService(dir);
    const office = await keys.publicKey();
    const text = await signClaim(claimOf({ k: office.keyId }), (p) => keys.sign(p));
    expect(await verifyPayload(text, office)).toMatchObject({ ok: true });
    // Holder changed after signing: must not pass.
    const forged = text.replace('郑州黄河智造科技有限公司', '郑州某某有限公司');
    expect(await verifyPayload(forged, office)).toMatchObject({
      ok: false,
      reason: 'bad_signature',
    });
  });

  it('a signature from another key is not genuine for this office', async () => {
    const ours = createKeyService(await tempDir());
    const theirs = createKeyService(await tempDir());
    const office = await ours.publicKey();
    // Forger puts our key id in the claim but signs with their own key.
    const text = await signClaim(claimOf({ k: office.keyId }), (p) => theirs.sign(p));
    expect(await verifyPayload(text, office)).toMatchObject({ ok: false, reason: 'bad_signature' });
  });

  it('reports a damaged key file as integrity and leaves it in place', async () => {
    const dir = await tempDir();
    await createKeyService(dir).publicKey();
    await writeFile(keyFilePath(dir), '{"version":1,"keyId":"x"', 'utf8');
    await expect(createKeyService(dir).sign('x')).rejects.toMatchObject({ code: 'integrity' });
    expect(await readFile(keyFilePath(dir), 'utf8')).toBe('{"version":1,"keyId":"x"');
  });

  it('is reachable through the contract handlers, with the key under the data folder', async () => {
    const dir = await tempDir();
    const handlers = createHandlers({
      dataDir: dir,
      // Only the keys channels are called here.
      settings: undefined as never,
      attachments: undefined as never,
      saver: undefined as never,
      archive: undefined as never,
      backups: undefined as never,
      platform: fakePlatform().platform,
      warnings: [],
    });
    const ctx = undefined as never;
    const pub = await handlers['keys.publicKey']({}, ctx);
    const { signature } = await handlers['keys.sign']({ payload: 'abc' }, ctx);
    expect(Buffer.from(signature, 'base64')).toHaveLength(64);
    expect((await createKeyService(dir).publicKey()).keyId).toBe(pub.keyId);
  });
});
