// Backups under faults, end to end: a failure injected at every step of the durable write (open,
// write, fsync, rename) with every "the disk said no" errno, through the real gate and the
// client the renderer uses. Each must reach the screen as HostError 'io' (whose text says what to
// do), leave every earlier backup byte-for-byte intact, and leave no temp or half file behind —
// in the backups folder and in the folder an export was going to (a full USB stick).
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HostError, type HostApi } from '../../../electron/contract';
import { createHostClient } from '../../../electron/contract-client';
import { createHandlers } from '../../../electron/handlers';
import { registerHandlers } from '../../../electron/ipc';
import { createMemoryTransportPair } from '../../../electron/ipc-memory';
import { createAttachmentStore } from '../../../electron/services/attachments';
import { createPrintArchive } from '../../../electron/services/archive';
import { createBackupStore } from '../../../electron/services/backups';
import { createFileSaver } from '../../../electron/services/files';
import { realFs, type FsOps } from '../../../electron/services/fsutil';
import { createSettingsStore } from '../../../electron/services/settings';
import enApp from '../../../renderer/src/locales/en/app.json';
import zhApp from '../../../renderer/src/locales/zh-CN/app.json';
import { bytesOf, errnoError, fakePlatform, tempDir } from '../electron/helpers';

const ERRNOS = ['ENOSPC', 'EDQUOT', 'EACCES', 'EPERM', 'EROFS', 'EIO'] as const;
const STEPS = ['open', 'write', 'sync', 'rename'] as const;
type Step = (typeof STEPS)[number];

/** File operations that fail with `errno` at `step`, and behave normally otherwise. */
function faulty(step: Step, errno: string): FsOps {
  const boom = () => errnoError(errno, '/media/usb/onewindow.owbak');
  return {
    ...realFs,
    open: (async (...args: Parameters<FsOps['open']>) => {
      if (step === 'open') throw boom();
      const handle = await realFs.open(...args);
      if (step === 'write') {
        // Half the bytes reach the disk, then it is full: the classic torn write.
        const realWrite = handle.writeFile.bind(handle);
        handle.writeFile = async (data: Parameters<typeof handle.writeFile>[0]) => {
          await realWrite(
            typeof data === 'string' ? data.slice(0, 3) : (data as Uint8Array).slice(0, 3),
          );
          throw boom();
        };
      }
      if (step === 'sync') handle.sync = async () => Promise.reject(boom());
      return handle;
    }) as FsOps['open'],
    rename: (async (...args: Parameters<FsOps['rename']>) => {
      if (step === 'rename') throw boom();
      return realFs.rename(...args);
    }) as FsOps['rename'],
  };
}

/** A host whose backups (and exports) write through `fs`; earlier backups made with real fs. */
async function hostWith(fs: FsOps | null, chosenFolder: string | null = null) {
  const dataDir = await tempDir();
  const settings = createSettingsStore(join(dataDir, 'settings.json'));
  await settings.load();
  const build = (ops: FsOps) => {
    const saver = createFileSaver({ fs: ops });
    const { platform } = fakePlatform();
    // The folder the clerk picks in the dialog (a USB stick): the only one exports may use.
    platform.chooseFolder = async () => chosenFolder;
    const { server, client } = createMemoryTransportPair();
    registerHandlers(
      server,
      createHandlers({
        dataDir,
        settings,
        attachments: createAttachmentStore(dataDir),
        saver,
        archive: createPrintArchive(dataDir),
        backups: createBackupStore(dataDir, { keep: () => 2, saver, fs: ops }),
        platform,
        warnings: [],
      }),
      { isTrustedSender: () => true, allowedPathRoots: [dataDir] },
    );
    return createHostClient(client.invoke);
  };
  const good = build(realFs);
  return { dataDir, good, bad: fs ? build(fs) : good };
}

async function failureOf(p: Promise<unknown>): Promise<HostError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(HostError);
  return e as HostError;
}

/** Every backup's name and bytes, to compare before and after a fault. */
async function contents(host: HostApi) {
  const { items } = await host.backupsList({});
  return Promise.all(
    items.map(async (i) => [
      i.name,
      Buffer.from((await host.backupsRead({ name: i.name })).bytes).toString(),
    ]),
  );
}

describe('backups under faults', () => {
  it(`${STEPS.length * ERRNOS.length} faults while writing: typed io error, earlier backups intact, nothing half-written`, async () => {
    let injected = 0;
    for (const step of STEPS) {
      for (const errno of ERRNOS) {
        const { dataDir, good, bad } = await hostWith(faulty(step, errno));
        await good.backupsWrite({ bytes: bytesOf('monday'), kind: 'auto' });
        await good.backupsWrite({ bytes: bytesOf('tuesday'), kind: 'exit' });
        const before = await contents(good);
        const files = await readdir(join(dataDir, 'backups'));

        const e = await failureOf(
          bad.backupsWrite({ bytes: bytesOf('wednesday!'), kind: 'manual' }),
        );
        injected += 1;
        expect(`${step}/${errno}: ${e.code} ${e.message}`).toBe(
          `${step}/${errno}: io backup_write_failed: ${errno}`,
        );
        // keep = 2: a successful third backup would have rotated monday away. It did not.
        expect(await contents(good)).toEqual(before);
        expect((await readdir(join(dataDir, 'backups'))).sort()).toEqual(files.sort());
      }
    }
    expect(injected).toBe(24);
  });

  it(`${(STEPS.length - 1) * ERRNOS.length} faults while exporting to a stick: no half file there, backups intact`, async () => {
    for (const step of STEPS.filter((s) => s !== 'rename')) {
      for (const errno of ERRNOS) {
        const stick = await tempDir('ow-usb-');
        const { good, bad } = await hostWith(faulty(step, errno), stick);
        await bad.filesChooseFolder({});
        const { backup } = await good.backupsWrite({ bytes: bytesOf('monday'), kind: 'auto' });
        const e = await failureOf(bad.backupsExport({ name: backup.name, folder: stick }));
        expect(`${step}/${errno}: ${e.code} ${e.message}`).toBe(`${step}/${errno}: io ${errno}`);
        // Exports never leave a torn file for someone to restore from later.
        expect(await readdir(stick)).toEqual([]);
        expect(await contents(good)).toEqual([[backup.name, 'monday']]);
      }
    }
  });

  it('the message on screen says what happened and what to do, in both languages', async () => {
    const { bad } = await hostWith(faulty('write', 'ENOSPC'));
    const e = await failureOf(bad.backupsWrite({ bytes: bytesOf('x'), kind: 'manual' }));
    // BackupsPage → useAuthErrorText → useHostErrorText: t(`host.error.${code}`).
    const zh = (zhApp as Record<string, string>)[`host.error.${e.code}`];
    const en = (enApp as Record<string, string>)[`host.error.${e.code}`];
    expect(zh).toMatch(/磁盘已满/);
    expect(zh).toMatch(/无权限/);
    expect(zh).toMatch(/请.+重试/);
    expect(en).toMatch(/disk full/i);
    expect(en).toMatch(/try again/i);
  });

  it('a backup written before the fault still reads back whole from disk', async () => {
    const { dataDir, good, bad } = await hostWith(faulty('rename', 'EIO'));
    const { backup } = await good.backupsWrite({ bytes: bytesOf('monday'), kind: 'auto' });
    await failureOf(bad.backupsWrite({ bytes: bytesOf('tuesday'), kind: 'auto' }));
    expect(await readFile(join(dataDir, 'backups', backup.name), 'utf8')).toBe('monday');
  });
});
