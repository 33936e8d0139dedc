// Password hashing for sign-in: PBKDF2-SHA256 through Web Crypto (the same code runs in the
// renderer and in Node 20 tests). The stored form carries its own parameters,
// `pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>`, so raising the iteration count later
// does not lock anyone out: old hashes still verify with the count they were made with.

/** OWASP's 2023 figure for PBKDF2-HMAC-SHA256. Never lower; tests may pass fewer explicitly. */
export const PBKDF2_ITERATIONS = 600_000;
export const SALT_BYTES = 16;
const HASH_BITS = 256;
const PREFIX = 'pbkdf2-sha256';

export interface HashOptions {
  iterations?: number;
  /** Only for tests that need a fixed hash; production always draws a fresh random salt. */
  salt?: Uint8Array;
}

export interface ParsedHash {
  iterations: number;
  salt: Uint8Array;
  hash: Uint8Array;
}

const toB64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromB64 = (s: string) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));

async function derive(password: string, salt: Uint8Array, iterations: number) {
  const key = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(password.normalize('NFC')),
    'PBKDF2',
    false,
    ['deriveBits'],
  );
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as Uint8Array<ArrayBuffer>, iterations },
    key,
    HASH_BITS,
  );
  return new Uint8Array(bits);
}

export async function hashPassword(password: string, options: HashOptions = {}): Promise<string> {
  const iterations = options.iterations ?? PBKDF2_ITERATIONS;
  const salt = options.salt ?? crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const hash = await derive(password, salt, iterations);
  return `${PREFIX}$${iterations}$${toB64(salt)}$${toB64(hash)}`;
}

export function parsePasswordHash(stored: string): ParsedHash | null {
  const parts = stored.split('$');
  if (parts.length !== 4 || parts[0] !== PREFIX) return null;
  const iterations = Number(parts[1]);
  if (!Number.isSafeInteger(iterations) || iterations < 1) return null;
  try {
    return { iterations, salt: fromB64(parts[2] as string), hash: fromB64(parts[3] as string) };
  } catch {
    return null;
  }
}

/** Compares every byte whatever the first difference, so timing tells nothing about the hash. */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  let diff = a.length ^ b.length;
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parsePasswordHash(stored);
  if (!parsed) return false;
  const hash = await derive(password, parsed.salt, parsed.iterations);
  return constantTimeEqual(hash, parsed.hash);
}

/** Rules for a new password, checked where it is set (set-up, admin reset). */
export const MIN_PASSWORD_LENGTH = 8;
export const isAcceptablePassword = (p: string) =>
  p.length >= MIN_PASSWORD_LENGTH && p.length <= 200;
