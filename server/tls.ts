// The hall's TLS certificate: self-signed, made once in the data folder with openssl (P-256),
// for localhost and every address of this PC. Stations pin its SHA-256 fingerprint at enrolment.
import { execFile } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile } from 'node:fs/promises';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface HallCertificate {
  key: string;
  cert: string;
  /** SHA-256 of the certificate (DER), hex pairs joined by colons, as Node and browsers print it. */
  fingerprint: string;
}

export function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((a) => a && !a.internal && a.family === 'IPv4')
    .map((a) => (a as { address: string }).address);
}

export async function ensureCertificate(dataDir: string): Promise<HallCertificate> {
  const dir = join(dataDir, 'tls');
  const keyPath = join(dir, 'key.pem');
  const certPath = join(dir, 'cert.pem');
  if (!existsSync(certPath) || !existsSync(keyPath)) {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const san = ['DNS:localhost', 'IP:127.0.0.1', ...lanAddresses().map((a) => `IP:${a}`)];
    try {
      await run('openssl', [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:P-256',
        '-nodes',
        '-days',
        '3650',
        '-subj',
        '/CN=OneWindow hall',
        '-addext',
        `subjectAltName=${san.join(',')}`,
        '-keyout',
        keyPath,
        '-out',
        certPath,
      ]);
    } catch (e) {
      throw new Error(
        `无法生成 TLS 证书（需要 openssl）/ cannot make the TLS certificate (openssl needed): ${
          (e as Error).message
        }`,
      );
    }
  }
  await chmod(keyPath, 0o600);
  const [key, cert] = await Promise.all([readFile(keyPath, 'utf8'), readFile(certPath, 'utf8')]);
  return { key, cert, fingerprint: new X509Certificate(cert).fingerprint256 };
}
