// The office's signing key for certificate QR codes (ECDSA P-256 through Node's Web Crypto).
// The key pair is created on first use and kept in one file under the data folder, written
// atomically; the private key is imported non-extractable for signing and never returned.
// A damaged key file is reported ('integrity'), never replaced: a new key would make every
// certificate printed so far fail verification.
import { webcrypto } from 'node:crypto';
import { chmod, mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { HostError } from '../contract';
import { realFs, writeFileAtomic, type FsOps } from './fsutil';

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGN = { name: 'ECDSA', hash: 'SHA-256' } as const;

export interface KeyService {
  publicKey(): Promise<{ spki: string; keyId: string }>;
  sign(payload: string): Promise<{ signature: string }>;
}

interface KeyFile {
  version: 1;
  algorithm: 'ECDSA-P256';
  createdAt: string;
  keyId: string;
  spki: string;
  pkcs8: string;
}

interface LoadedKey {
  keyId: string;
  spki: string;
  privateKey: webcrypto.CryptoKey;
}

const b64 = (bytes: ArrayBuffer | Uint8Array) =>
  Buffer.from(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes)).toString('base64');

/** The key's short fingerprint: the first 8 bytes of SHA-256 over the SPKI, in hex. */
export async function keyIdOf(spkiDer: Uint8Array): Promise<string> {
  const digest = await webcrypto.subtle.digest('SHA-256', spkiDer);
  return Buffer.from(digest).subarray(0, 8).toString('hex');
}

export function keyFilePath(dataDir: string): string {
  return join(dataDir, 'keys', 'office-signing-key.json');
}

/**
 * The station's hall key (issue 16): signs sessions and pushes to the hall server. Its own file,
 * apart from the office key: the office key's signatures are printed on certificates for years,
 * the station key only proves this PC to the hall — a station can be re-keyed (re-enrolled)
 * without touching a single certificate.
 */
export function syncKeyFilePath(dataDir: string): string {
  return join(dataDir, 'keys', 'station-sync-key.json');
}

function parseKeyFile(text: string): KeyFile {
  const raw = JSON.parse(text) as Partial<KeyFile>;
  if (
    raw.version !== 1 ||
    typeof raw.keyId !== 'string' ||
    typeof raw.spki !== 'string' ||
    typeof raw.pkcs8 !== 'string'
  ) {
    throw new Error('bad key file');
  }
  return raw as KeyFile;
}

export function createKeyService(
  dataDir: string,
  deps: { fs?: FsOps; now?: () => Date; file?: string } = {},
): KeyService {
  const file = deps.file ?? keyFilePath(dataDir);
  const fs = deps.fs ?? realFs;
  const now = deps.now ?? (() => new Date());
  // One load (or creation) at a time: two first calls must not create two keys.
  let loading: Promise<LoadedKey> | null = null;

  async function create(): Promise<LoadedKey> {
    const pair = (await webcrypto.subtle.generateKey(ALGORITHM, true, [
      'sign',
      'verify',
    ])) as webcrypto.CryptoKeyPair;
    const spkiDer = new Uint8Array(await webcrypto.subtle.exportKey('spki', pair.publicKey));
    const pkcs8 = await webcrypto.subtle.exportKey('pkcs8', pair.privateKey);
    const record: KeyFile = {
      version: 1,
      algorithm: 'ECDSA-P256',
      createdAt: now().toISOString(),
      keyId: await keyIdOf(spkiDer),
      spki: b64(spkiDer),
      pkcs8: b64(pkcs8),
    };
    await mkdir(dirname(file), { recursive: true });
    await writeFileAtomic(file, JSON.stringify(record), fs);
    // Readable by this user only, where the file system has such modes.
    await chmod(file, 0o600).catch(() => undefined);
    return importRecord(record);
  }

  async function importRecord(record: KeyFile): Promise<LoadedKey> {
    const privateKey = await webcrypto.subtle.importKey(
      'pkcs8',
      Buffer.from(record.pkcs8, 'base64'),
      ALGORITHM,
      false,
      ['sign'],
    );
    return { keyId: record.keyId, spki: record.spki, privateKey };
  }

  async function load(): Promise<LoadedKey> {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return create();
      throw new HostError('io', 'key_unreadable');
    }
    try {
      const record = parseKeyFile(text);
      const loaded = await importRecord(record);
      if ((await keyIdOf(Buffer.from(record.spki, 'base64'))) !== record.keyId)
        throw new Error('key id mismatch');
      return loaded;
    } catch {
      throw new HostError('integrity', 'key_file_damaged');
    }
  }

  function key(): Promise<LoadedKey> {
    loading ??= load().catch((e: unknown) => {
      loading = null; // a failed load may succeed later (disk back, file restored)
      throw e;
    });
    return loading;
  }

  return {
    async publicKey() {
      const k = await key();
      return { spki: k.spki, keyId: k.keyId };
    },
    async sign(payload) {
      const k = await key();
      const sig = await webcrypto.subtle.sign(SIGN, k.privateKey, Buffer.from(payload, 'utf8'));
      return { signature: b64(sig) };
    },
  };
}
