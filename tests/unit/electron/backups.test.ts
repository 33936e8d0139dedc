import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HostError } from '../../../electron/contract';
import { createBackupStore, type BackupDeps } from '../../../electron/services/backups';
import { createFileSaver } from '../../../electron/services/files';
import { realFs, type FsOps } from '../../../electron/services/fsutil';
import { bytesOf, errnoError, tempDir } from './helpers';

/** A clock that moves one minute per call, so every backup gets its own stamp. */
function minuteClock(start = '2026-11-29T08:00:00Z') {
  let t = Date.parse(start);
  return () => new Date((t += 60_000));
}

function storeIn(dir: string, over: Partial<BackupDeps> = {}) {
  return createBackupStore(dir, {
    keep: () => 3,
    saver: createFileSaver(),
    now: minuteClock(),
    ...over,
  });
}

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (e: unknown) => (e instanceof HostError ? `${e.code}:${e.message}` : `untyped: ${String(e)}`),
  );

describe('backups', () => {
  it('rotation keeps the newest N and reports what it removed', async () => {
    const dir = await tempDir();
    const store = storeIn(dir);
    const written: string[] = [];
    for (let i = 1; i <= 5; i++) {
      written.push((await store.write(bytesOf(`backup ${i}`), 'auto')).backup.name);
    }
    const names = (await store.list()).map((b) => b.name);
    expect(names).toEqual([written[4], written[3], written[2]]);
    expect((await readdir(join(dir, 'backups'))).sort()).toEqual([...names].sort());
    expect(Buffer.from((await store.read(written[4]!)).bytes).toString()).toBe('backup 5');
  });

  it('a full disk gives a typed io error and leaves earlier backups intact', async () => {
    const dir = await tempDir();
    const good = storeIn(dir);
    await good.write(bytesOf('monday'), 'auto');
    await good.write(bytesOf('tuesday'), 'exit');
    const before = await good.list();

    const diskFull: FsOps = {
      ...realFs,
      open: (async (...args: Parameters<FsOps['open']>) => {
        const handle = await realFs.open(...args);
        // The temp file opens, then writing its content runs out of space.
        handle.writeFile = async () => {
          throw errnoError('ENOSPC', join(dir, 'backups', 'x'));
        };
        return handle;
      }) as FsOps['open'],
    };
    const failing = storeIn(dir, { fs: diskFull, keep: () => 1 });
    expect(await codeOf(failing.write(bytesOf('wednesday'), 'auto'))).toBe(
      'io:backup_write_failed: ENOSPC',
    );
    // Nothing rotated away, no half file or temp file left.
    expect(await good.list()).toEqual(before);
    expect((await readdir(join(dir, 'backups'))).length).toBe(2);
  });

  it('an unwritable backups folder gives a typed io error', async () => {
    const dir = await tempDir();
    await storeIn(dir).write(bytesOf('monday'), 'auto');
    // Running as root ignores chmod, so the refusal is injected where the OS would give it.
    const readOnly: FsOps = {
      ...realFs,
      open: (async () => {
        throw errnoError('EACCES');
      }) as FsOps['open'],
    };
    expect(await codeOf(storeIn(dir, { fs: readOnly }).write(bytesOf('x'), 'manual'))).toBe(
      'io:backup_write_failed: EACCES',
    );
    expect((await storeIn(dir).list()).length).toBe(1);
  });

  it('exports a copy into a chosen folder without overwriting, and refuses bad names', async () => {
    const dir = await tempDir();
    const usb = await tempDir('ow-usb-');
    const store = storeIn(dir);
    const { backup } = await store.write(bytesOf('friday'), 'manual');
    const first = await store.exportTo(backup.name, usb);
    const second = await store.exportTo(backup.name, usb);
    expect(first).toBe(join(usb, backup.name));
    expect(second).toBe(join(usb, backup.name.replace('.owbak', ' (2).owbak')));
    expect(await readFile(second, 'utf8')).toBe('friday');
    expect(await codeOf(store.read('../settings.json'))).toBe(
      'invalid_args:path_outside_data_folder',
    );
  });
});
