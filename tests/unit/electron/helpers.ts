// Small factories shared by the electron tests: real temporary folders, bytes, fake platform.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { HostPlatform, PrintJob } from '../../../electron/handlers';

const made: string[] = [];

/** A fresh folder per test, removed afterwards. */
export async function tempDir(prefix = 'ow-test-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

afterEach(async () => {
  await Promise.all(made.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

export const bytesOf = (text: string): Uint8Array<ArrayBuffer> =>
  new Uint8Array(Buffer.from(text, 'utf8'));

/** An errno error as node:fs throws it. */
export function errnoError(code: string, path = '/somewhere/else/file'): NodeJS.ErrnoException {
  const e = new Error(`${code}: failed, open '${path}'`) as NodeJS.ErrnoException;
  e.code = code;
  e.path = path;
  return e;
}

/** A platform that records what it was asked; override any call. */
export function fakePlatform(overrides: Partial<HostPlatform> = {}) {
  const printed: PrintJob[] = [];
  const platform: HostPlatform = {
    info: () => ({ name: 'OneWindow', version: '0.1.0-test', platform: 'linux' }),
    chooseFolder: async () => null,
    chooseSavePath: async () => null,
    printers: async () => [{ name: 'Receipt_80', displayName: 'Receipt 80' }],
    toPdf: async () => new Uint8Array(Buffer.from('%PDF-1.7 fake')),
    print: async (job) => {
      printed.push(job);
      return { copies: job.copies };
    },
    openFloorWindow: async () => undefined,
    ...overrides,
  };
  return { platform, printed };
}
