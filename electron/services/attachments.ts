// Attachments, content-addressed by SHA-256 under <dataDir>/attachments/ab/cdef…:
// the same scan stored twice takes the space once, and a file's name proves its content.
import { mkdir, readFile, stat } from 'node:fs/promises';
import { HostError, sha256HexSchema } from '../contract';
import { realFs, writeFileAtomic, type FsOps } from './fsutil';
import { sha256Hex, type Bytes } from './hash';
import { assertRealInside, resolveInside } from './paths';

export interface AttachmentStore {
  put(bytes: Uint8Array): Promise<{ id: string; size: number; existed: boolean }>;
  get(id: string): Promise<{ id: string; bytes: Bytes }>;
  /** Where an id lives (after validation); for diagnostics and tests. */
  pathOf(id: string): string;
}

export function createAttachmentStore(dataDir: string, deps: { fs?: FsOps } = {}): AttachmentStore {
  const root = resolveInside(dataDir, 'attachments');
  const fs = deps.fs ?? realFs;

  function pathOf(id: string): string {
    // The id is the only input that becomes a path: it must be exactly 64 lowercase hex digits.
    if (!sha256HexSchema.safeParse(id).success) {
      throw new HostError('invalid_args', 'path_outside_data_folder');
    }
    return resolveInside(root, id.slice(0, 2), id.slice(2));
  }

  return {
    pathOf,
    async put(bytes) {
      const id = sha256Hex(bytes);
      const target = pathOf(id);
      try {
        const existing = await stat(target);
        if (existing.isFile() && existing.size === bytes.byteLength) {
          return { id, size: bytes.byteLength, existed: true };
        }
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      }
      await mkdir(resolveInside(root, id.slice(0, 2)), { recursive: true });
      await writeFileAtomic(target, bytes, fs);
      return { id, size: bytes.byteLength, existed: false };
    },
    async get(id) {
      const target = pathOf(id);
      await mkdir(root, { recursive: true });
      try {
        await assertRealInside(root, target);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
          throw new HostError('not_found', 'attachment_not_found');
        }
        throw e;
      }
      const bytes = new Uint8Array(await readFile(target));
      if (sha256Hex(bytes) !== id) throw new HostError('integrity', 'attachment_hash_mismatch');
      return { id, bytes };
    },
  };
}
