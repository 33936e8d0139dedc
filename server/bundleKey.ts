// The hall's bundle key (issue 17 item 5): a P-256 key that signs the bundles the hall writes for
// stations without a network. Made once in the data folder (keys/bundle-key.pem, 0600, beside
// tls/); its public half (SPKI DER, base64) goes to every station in each session answer, over
// the connection the station pinned at enrolment, and the station checks every hall bundle
// against it. Never in the database: the hall keeps only public keys there.
import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  type KeyObject,
} from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface BundleKey {
  /** SPKI DER, base64: what stations pin. */
  spki: string;
  /** ECDSA P-256 / SHA-256, IEEE-P1363 (as WebCrypto verifies), base64. */
  sign(text: string): string;
}

export function bundleKeyOf(privateKey: KeyObject): BundleKey {
  const spki = createPublicKey(privateKey)
    .export({ type: 'spki', format: 'der' })
    .toString('base64');
  return {
    spki,
    sign: (text) =>
      sign('sha256', Buffer.from(text, 'utf8'), {
        key: privateKey,
        dsaEncoding: 'ieee-p1363',
      }).toString('base64'),
  };
}

export async function ensureBundleKey(dataDir: string): Promise<BundleKey> {
  const dir = join(dataDir, 'keys');
  const path = join(dir, 'bundle-key.pem');
  if (!existsSync(path)) {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    await writeFile(path, privateKey.export({ type: 'pkcs8', format: 'pem' }), {
      mode: 0o600,
      flag: 'wx',
    }).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'EEXIST') throw e;
    });
  }
  await chmod(path, 0o600);
  return bundleKeyOf(createPrivateKey(await readFile(path, 'utf8')));
}
