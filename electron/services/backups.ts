// Backup files in <dataDir>/backups/, written by the renderer's backup code (the bytes are an
// opaque, self-checking file: format version, station id, checksum are the renderer's business).
// Main's job: never lose a previous backup. A new one is written atomically; only after it is
// safely on disk does the rotation delete the oldest beyond `keep`.
import { mkdir, readdir, readFile, stat, unlink } from 'node:fs/promises';
import { backupNameSchema, HostError, type BackupInfo } from '../contract';
import type { FileSaver } from './files';
import type { Bytes } from './hash';
import { realFs, writeFileAtomic, type FsOps } from './fsutil';
import { resolveInside } from './paths';

export type BackupKind = 'auto' | 'exit' | 'manual';

export interface BackupStore {
  write(bytes: Uint8Array, kind: BackupKind): Promise<{ backup: BackupInfo; removed: string[] }>;
  list(): Promise<BackupInfo[]>;
  read(name: string): Promise<{ name: string; bytes: Bytes }>;
  exportTo(name: string, folder: string): Promise<string>;
}

export interface BackupDeps {
  /** How many to keep (settings.backupKeep), read at each write. */
  keep: () => number;
  saver: FileSaver;
  fs?: FsOps;
  now?: () => Date;
}

/** 2026-11-29T08:30:15.123Z → 20261129T083015123Z: sorts by time as text. */
const stampOf = (d: Date) => d.toISOString().replace(/[-:.]/g, '');

function createdAtOf(name: string): string {
  const m = /-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z/.exec(name);
  return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7]}Z` : '';
}

/** Newest first; the stamp is after the kind, so compare the stamps, then the counter. */
function byNewest(a: string, b: string): number {
  const key = (n: string) =>
    `${createdAtOf(n)}#${(/-(\d+)\.owbak$/.exec(n)?.[1] ?? '0').padStart(6, '0')}`;
  return key(b).localeCompare(key(a));
}

export function createBackupStore(dataDir: string, deps: BackupDeps): BackupStore {
  const dir = resolveInside(dataDir, 'backups');
  const fs = deps.fs ?? realFs;
  const now = deps.now ?? (() => new Date());

  function fileOf(name: string): string {
    if (!backupNameSchema.safeParse(name).success) {
      throw new HostError('invalid_args', 'path_outside_data_folder');
    }
    return resolveInside(dir, name);
  }

  async function names(): Promise<string[]> {
    try {
      return (await readdir(dir))
        .filter((n) => backupNameSchema.safeParse(n).success)
        .sort(byNewest);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw e;
    }
  }

  async function info(name: string): Promise<BackupInfo> {
    const s = await stat(fileOf(name));
    return { name, size: s.size, createdAt: createdAtOf(name) };
  }

  return {
    async write(bytes, kind) {
      try {
        await mkdir(dir, { recursive: true });
        const existing = new Set(await names());
        const base = `onewindow-${kind}-${stampOf(now())}`;
        let name = `${base}.owbak`;
        for (let n = 2; existing.has(name); n++) name = `${base}-${n}.owbak`;
        await writeFileAtomic(fileOf(name), bytes, fs);
        const removed: string[] = [];
        const all = await names();
        for (const old of all.slice(Math.max(1, deps.keep()))) {
          if (old === name) continue;
          await unlink(fileOf(old)).catch(() => undefined);
          removed.push(old);
        }
        return { backup: await info(name), removed };
      } catch (e) {
        if (e instanceof HostError) throw e;
        // Disk full, read-only stick, no permission: one typed answer the UI can explain.
        const code = (e as NodeJS.ErrnoException).code ?? 'EIO';
        throw new HostError('io', `backup_write_failed: ${code}`);
      }
    },
    async list() {
      return Promise.all((await names()).map(info));
    },
    async read(name) {
      try {
        return { name, bytes: new Uint8Array(await readFile(fileOf(name))) };
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
          throw new HostError('not_found', 'backup_not_found');
        }
        throw e;
      }
    },
    async exportTo(name, folder) {
      const { bytes } = await this.read(name);
      return deps.saver.saveInto(folder, name, bytes);
    },
  };
}
