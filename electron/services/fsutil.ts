// Durable file writes. A power cut at the counter must never leave half a file where a whole
// one was: write a temporary file in the same folder, fsync it, rename it over the target
// (atomic on one file system), then fsync the folder so the rename itself survives.
import { randomBytes } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** The file-system calls the writers use; tests replace one to inject a crash or a full disk. */
export interface FsOps {
  open: typeof fsp.open;
  rename: typeof fsp.rename;
  unlink: typeof fsp.unlink;
}

export const realFs: FsOps = { open: fsp.open, rename: fsp.rename, unlink: fsp.unlink };

/** Temp files end with this; loaders and listings skip them (a crash may leave one behind). */
export const TEMP_SUFFIX = '.tmp';

export function tempNameFor(target: string): string {
  return join(
    dirname(target),
    `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}${TEMP_SUFFIX}`,
  );
}

async function fsyncDir(dir: string, fs: FsOps): Promise<void> {
  // Windows cannot open a folder for fsync; there the rename is already durable (NTFS journal).
  if (process.platform === 'win32') return;
  try {
    const handle = await fs.open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // best effort: some file systems (network shares) refuse to fsync a folder
  }
}

export async function writeFileAtomic(
  target: string,
  data: Uint8Array | string,
  fs: FsOps = realFs,
): Promise<void> {
  const tmp = tempNameFor(target);
  try {
    const handle = await fs.open(tmp, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(tmp, target);
  } catch (e) {
    await fs.unlink(tmp).catch(() => undefined);
    throw e;
  }
  await fsyncDir(dirname(target), fs);
}

/** Writes a new file that must not exist yet (exports into a user's folder: never overwrite). */
export async function writeFileExclusive(
  target: string,
  data: Uint8Array,
  fs: FsOps = realFs,
): Promise<void> {
  const handle = await fs.open(target, 'wx');
  let ok = false;
  try {
    await handle.writeFile(data);
    await handle.sync();
    ok = true;
  } finally {
    await handle.close();
    if (!ok) await fs.unlink(target).catch(() => undefined);
  }
}
