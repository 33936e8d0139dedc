// The daily automatic backup: written when none exists for today's local date, not again the
// same day, and again on the next day.
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { BackupInfo } from '../../../../electron/contract';
import { backupIfDue, type BackupHost } from '../../../../renderer/src/data/backupAuto';
import { readBackup } from '../../../../renderer/src/data/backup';
import { OneWindowDb } from '../../../../renderer/src/data/db';

/** A host that keeps backups in memory, as the real one keeps them in the data folder. */
function memoryHost(existing: BackupInfo[] = []) {
  const items = [...existing];
  const written: { bytes: Uint8Array; kind: string }[] = [];
  const host: BackupHost = {
    backupsList: async () => ({ items: [...items] }),
    backupsWrite: async ({ bytes, kind }) => {
      written.push({ bytes, kind });
      const backup = {
        name: `onewindow-${kind}-20260302T010000000Z-${written.length}.owbak`,
        size: bytes.byteLength,
        createdAt: clock.toISOString(),
      };
      items.push(backup);
      return { backup, removed: [] };
    },
  };
  let clock = new Date();
  return { host, written, setClock: (d: Date) => (clock = d) };
}

const db = () => new OneWindowDb(`auto-${crypto.randomUUID()}`, { indexedDB, IDBKeyRange });

describe('daily automatic backup', () => {
  it('writes one readable backup a day', async () => {
    const d = db();
    const { host, written, setClock } = memoryHost();
    const morning = new Date(2026, 2, 2, 8, 0);
    setClock(morning);
    expect(await backupIfDue(d, host, morning)).toBe(true);
    const noon = new Date(2026, 2, 2, 12, 0);
    expect(await backupIfDue(d, host, noon)).toBe(false);
    const nextDay = new Date(2026, 2, 3, 8, 0);
    setClock(nextDay);
    expect(await backupIfDue(d, host, nextDay)).toBe(true);
    expect(written.map((w) => w.kind)).toEqual(['auto', 'auto']);
    // What was written is a backup that passes every check.
    const file = await readBackup(written[0]!.bytes, { schemaVersion: d.verno });
    expect(file.format).toBe('onewindow-backup');
  });

  it('counts a manual or exit backup made today as today’s backup', async () => {
    const now = new Date(2026, 2, 2, 17, 0);
    const { host, written } = memoryHost([
      {
        name: 'onewindow-exit-20260302T000000000Z.owbak',
        size: 10,
        createdAt: new Date(2026, 2, 2, 9, 0).toISOString(),
      },
    ]);
    expect(await backupIfDue(db(), host, now)).toBe(false);
    expect(written).toHaveLength(0);
  });
});
