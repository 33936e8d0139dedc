// Settings files written before the print settings existed must load without being reported as
// corrupt, keep every value they had, and take the new keys from the defaults.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultSettings, settingsPatchSchema } from '../../../electron/contract';
import { createSettingsStore } from '../../../electron/services/settings';
import { tempDir } from './helpers';

/** What version 0.1.0 wrote: no certificate printer, papers, calibrations or layouts. */
const oldFile = (over: Record<string, unknown> = {}) => ({
  language: 'en',
  backupKeep: 12,
  idleLockMinutes: 9,
  printers: { a4: 'HP LaserJet M406', receipt: 'XP-80C' },
  printFont: 'system-fangsong',
  windowBounds: null,
  ...over,
});

async function loadFrom(content: unknown) {
  const dir = await tempDir();
  const file = join(dir, 'settings.json');
  await writeFile(file, JSON.stringify(content));
  const store = createSettingsStore(file);
  return { file, store, report: await store.load() };
}

describe('settings migration (print settings added)', () => {
  it('an old file is valid: old values kept, new keys from the defaults, nothing reported', async () => {
    const { store, report } = await loadFrom(oldFile());
    expect(report.corrupt).toBeNull();
    const s = store.get();
    expect(s).toMatchObject({ language: 'en', backupKeep: 12, printFont: 'system-fangsong' });
    // The nested default: the old printers object gains an empty certificate printer.
    expect(s.printers).toEqual({ a4: 'HP LaserJet M406', receipt: 'XP-80C', certificate: '' });
    expect(s.certificatePapers).toEqual(defaultSettings.certificatePapers);
    expect(s.calibrations).toEqual({});
    expect(s.overlayLayouts).toEqual({});
  });

  it('saved print settings survive a restart', async () => {
    const { file, store } = await loadFrom(oldFile());
    await store.set({
      calibrations: { 'HP LaserJet M406': { dxMm: 1.5, dyMm: -0.8 } },
      certificatePapers: {
        ...defaultSettings.certificatePapers,
        rural: { widthMm: 280, heightMm: 200 },
      },
      overlayLayouts: {
        rural: [{ key: 'builder', xMm: 40, yMm: 60, widthMm: 100, fontSizePt: 14 }],
      },
    });
    const again = createSettingsStore(file);
    expect((await again.load()).corrupt).toBeNull();
    expect(again.get().calibrations['HP LaserJet M406']).toEqual({ dxMm: 1.5, dyMm: -0.8 });
    expect(again.get().certificatePapers.rural).toEqual({ widthMm: 280, heightMm: 200 });
    expect(again.get().overlayLayouts.rural?.[0]?.xMm).toBe(40);
  });

  it('a patch of one key leaves the print settings alone', async () => {
    // zod 4 applies .default() inside .partial(): this guards against a default sneaking into
    // the top level of the schema and resetting calibrations on every language change.
    const { store } = await loadFrom(oldFile({ calibrations: { '': { dxMm: 2, dyMm: 3 } } }));
    await store.set({ language: 'zh-CN' });
    expect(store.get().calibrations).toEqual({ '': { dxMm: 2, dyMm: 3 } });
    expect(Object.keys(settingsPatchSchema.parse({ language: 'en' }))).toEqual(['language']);
  });

  it('an out-of-range calibration falls back alone and is reported', async () => {
    // 80 mm is no calibration, it is a typo; the rest of the file must survive it.
    const { store, report } = await loadFrom(
      oldFile({ calibrations: { HP: { dxMm: 80, dyMm: 0 } } }),
    );
    expect(report.corrupt?.reason).toBe('invalid_values');
    expect(store.get().calibrations).toEqual({});
    expect(store.get().printers.a4).toBe('HP LaserJet M406');
  });
});
