// Saving bytes into a folder the user chose (exports, PDFs for e-mail, backups to a USB stick).
// Names are made safe for Windows and Linux alike, and an existing file is never overwritten.
import { stat } from 'node:fs/promises';
import { basename, isAbsolute, join, resolve } from 'node:path';
import { HostError } from '../contract';
import { realFs, writeFileExclusive, type FsOps } from './fsutil';

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?$/i;

/** A name that every file system we meet accepts and that cannot point elsewhere. */
export function safeFileName(name: string): string {
  let s = basename(name.replace(/\\/g, '/'))
    // eslint-disable-next-line no-control-regex -- control characters are what we replace
    .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_')
    .replace(/[. ]+$/g, '')
    .trim();
  if (s === '' || s === '.' || s === '..') s = 'file';
  if (WINDOWS_RESERVED.test(s)) s = `_${s}`;
  // Keep well under 255 bytes with Chinese names (3 bytes per character in UTF-8).
  while (Buffer.byteLength(s, 'utf8') > 180) s = s.slice(0, -1);
  return s;
}

function withCounter(name: string, n: number): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? `${name.slice(0, dot)} (${n})${name.slice(dot)}` : `${name} (${n})`;
}

export interface FileSaver {
  /** Writes into `folder` (absolute, existing); returns the path actually written. */
  saveInto(folder: string, name: string, bytes: Uint8Array): Promise<string>;
}

export function createFileSaver(deps: { fs?: FsOps } = {}): FileSaver {
  const fs = deps.fs ?? realFs;
  return {
    async saveInto(folder, name, bytes) {
      if (!isAbsolute(folder)) throw new HostError('invalid_args', 'folder_not_absolute');
      const dir = resolve(folder);
      let info;
      try {
        info = await stat(dir);
      } catch {
        throw new HostError('not_found', 'folder_not_found');
      }
      if (!info.isDirectory()) throw new HostError('invalid_args', 'not_a_folder');
      const safe = safeFileName(name);
      for (let n = 1; n < 1000; n++) {
        const target = join(dir, n === 1 ? safe : withCounter(safe, n));
        try {
          await writeFileExclusive(target, bytes, fs);
          return target;
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
        }
      }
      throw new HostError('io', 'too_many_files_with_this_name');
    },
  };
}
