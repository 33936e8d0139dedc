import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../electron/contract';
import { realFs, type FsOps } from '../../../electron/services/fsutil';
import { createSettingsStore, languageAtStart } from '../../../electron/services/settings';
import { errnoError, tempDir } from './helpers';

async function storeIn(dir: string, fs?: FsOps) {
  const file = join(dir, 'settings.json');
  const store = createSettingsStore(file, { fs, now: () => new Date('2026-11-29T08:30:00Z') });
  return { file, store, report: await store.load() };
}

describe('settings store', () => {
  it('starts on defaults without a file and persists a change', async () => {
    const dir = await tempDir();
    const { file, store, report } = await storeIn(dir);
    expect(report.corrupt).toBeNull();
    expect(store.get()).toEqual(defaultSettings);
    await store.set({ language: 'en', backupKeep: 7 });
    const again = await storeIn(dir);
    expect(again.store.get()).toMatchObject({ language: 'en', backupKeep: 7 });
    expect(JSON.parse(await readFile(file, 'utf8')).language).toBe('en');
  });

  it('a crash between writing the temp file and the rename leaves the old settings', async () => {
    const dir = await tempDir();
    const first = await storeIn(dir);
    await first.store.set({ language: 'en' });
    const before = await readFile(first.file, 'utf8');

    // The "crash": the temp file is written and fsynced, then the rename never happens.
    const crashing: FsOps = {
      ...realFs,
      rename: async () => {
        throw errnoError('EIO');
      },
    };
    const { file, store } = await storeIn(dir, crashing);
    await expect(store.set({ language: 'zh-CN', idleLockMinutes: 30 })).rejects.toThrow();
    expect(await readFile(file, 'utf8')).toBe(before);
    // In memory too: what failed to reach the disk is not in force.
    expect(store.get().language).toBe('en');
    // A restart reads the old settings, ignoring any temp file a real crash would leave.
    await writeFile(join(dir, '.settings.json.999.deadbeef.tmp'), '{"language":"zh-CN"');
    expect((await storeIn(dir)).store.get()).toMatchObject({ language: 'en', idleLockMinutes: 5 });
  });

  it('a corrupt file is reported, kept aside, and defaults are used', async () => {
    const dir = await tempDir();
    const garbage = '{"language": "en", "backupKe';
    await writeFile(join(dir, 'settings.json'), garbage);
    const { store, report } = await storeIn(dir);
    expect(report.corrupt?.reason).toBe('unreadable_json');
    expect(store.get()).toEqual(defaultSettings);
    // Kept, byte for byte, for support to look at.
    expect(await readFile(report.corrupt!.keptAs, 'utf8')).toBe(garbage);
    expect(await readdir(dir)).toContain('settings.json.corrupt-20261129T083000000Z');
  });

  it('an out-of-range value falls back to its default only, and is reported', async () => {
    const dir = await tempDir();
    // backupKeep 0 is invalid (min 1); the language is still good and must survive.
    await writeFile(join(dir, 'settings.json'), JSON.stringify({ language: 'en', backupKeep: 0 }));
    const { store, report } = await storeIn(dir);
    expect(report.corrupt?.reason).toBe('invalid_values');
    expect(store.get()).toMatchObject({ language: 'en', backupKeep: defaultSettings.backupKeep });
  });

  it('two quick changes are both kept (writes are serialised)', async () => {
    const dir = await tempDir();
    const { store } = await storeIn(dir);
    await Promise.all([store.set({ language: 'en' }), store.set({ idleLockMinutes: 9 })]);
    expect((await storeIn(dir)).store.get()).toMatchObject({ language: 'en', idleLockMinutes: 9 });
  });
});

describe('the language at start (Chromium locale for date pickers)', () => {
  it('is the saved language, and Chinese when the file is missing, unreadable or odd', async () => {
    const dir = await tempDir();
    const file = join(dir, 'settings.json');
    expect(languageAtStart(file)).toBe('zh-CN');
    await writeFile(file, JSON.stringify({ ...defaultSettings, language: 'en' }));
    expect(languageAtStart(file)).toBe('en');
    await writeFile(file, JSON.stringify({ language: 'fr' }));
    expect(languageAtStart(file)).toBe('zh-CN');
    await writeFile(file, '{ not json');
    expect(languageAtStart(file)).toBe('zh-CN');
    await writeFile(file, 'null');
    expect(languageAtStart(file)).toBe('zh-CN');
  });
});
