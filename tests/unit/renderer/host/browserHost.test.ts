// The browser host's archive and settings, on fake-indexeddb and an in-memory Storage: the same
// promises as the Electron services (tests/unit/electron/archive.test.ts, settings*.test.ts).
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { defaultSettings, HostError } from '../../../../electron/contract';
import { blobStore } from '../../../../renderer/src/host/blobStore';
import { createBrowserHost, sha256Hex } from '../../../../renderer/src/host/browserHost';

/** localStorage stand-in: the browser host only needs getItem / setItem / removeItem. */
function memoryStorage(initial: Record<string, string> = {}): Storage {
  const data = new Map(Object.entries(initial));
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (k) => data.get(k) ?? null,
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (k) => void data.delete(k),
    setItem: (k, v) => void data.set(k, String(v)),
  };
}

const enc = new TextEncoder();
let n = 0;
/** A unique case per test: the browser host's archive database is shared by the whole file. */
const caseId = () => `HJ-2026-${String((n += 1)).padStart(5, '0')}`;
const paper = (
  over: { caseId?: string; reprintOf?: string; pdf?: Uint8Array<ArrayBuffer> } = {},
) => ({
  caseId: over.caseId ?? caseId(),
  docType: 'acceptance_notice',
  title: '受理通知书',
  pdf: over.pdf ?? enc.encode('%PDF-1.7 受理通知书'),
  ...(over.reprintOf ? { reprintOf: over.reprintOf } : {}),
});

describe('browser host archive', () => {
  it('stores the PDF with a hash equal to the hash of the bytes it gives back', async () => {
    const host = createBrowserHost(memoryStorage());
    const pdf = enc.encode('%PDF-1.7 建设工程规划许可证 ' + 'x'.repeat(5000));
    const put = await host.archivePut(paper({ pdf }));
    const got = await host.archiveGet({ id: put.id });
    expect(put.sha256).toBe(await sha256Hex(pdf));
    expect(got.meta.sha256).toBe(await sha256Hex(got.pdf));
    expect(got.meta.size).toBe(pdf.byteLength);
    expect([...got.pdf]).toEqual([...pdf]);
  });

  it('records a reprint: both listed for the case, oldest first, the reprint points at the original', async () => {
    const host = createBrowserHost(memoryStorage());
    const id = caseId();
    const first = await host.archivePut(paper({ caseId: id }));
    await host.archivePut(paper()); // another case: must not be listed
    // Ids carry a millisecond stamp; let the clock move so "oldest first" is decidable.
    await new Promise((r) => setTimeout(r, 5));
    const again = await host.archivePut(paper({ caseId: id, reprintOf: first.id }));
    const { items } = await host.archiveList({ caseId: id });
    expect(items.map((m) => m.id)).toEqual([first.id, again.id]);
    expect(items[0]!.reprintOf).toBeNull();
    expect(items[1]!.reprintOf).toBe(first.id);
  });

  it('refuses to hand back a file that no longer matches its stored hash', async () => {
    const host = createBrowserHost(memoryStorage());
    const put = await host.archivePut(paper());
    await blobStore.put('archive', put.id, enc.encode('%PDF-1.7 受理通知书 (edited)'));
    const err = await host.archiveGet({ id: put.id }).catch((e: unknown) => e);
    expect((err as HostError).code).toBe('integrity');
  });

  it('answers not_found for an unknown id, as a typed error', async () => {
    const host = createBrowserHost(memoryStorage());
    const err = await host.archiveGet({ id: 'abcd_0000000000' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostError);
    expect((err as HostError).code).toBe('not_found');
  });
});

describe('browser host settings migration', () => {
  it('an entry written before the print settings keeps its values and gains the defaults', async () => {
    const old = {
      language: 'en',
      backupKeep: 12,
      idleLockMinutes: 9,
      printers: { a4: '', receipt: '' },
      printFont: 'system-songti',
      windowBounds: null,
    };
    const storage = memoryStorage({ 'onewindow.settings': JSON.stringify(old) });
    const host = createBrowserHost(storage);
    const s = await host.settingsGet({});
    expect(s).toMatchObject({ language: 'en', backupKeep: 12, printFont: 'system-songti' });
    expect(s.printers.certificate).toBe('');
    expect(s.certificatePapers).toEqual(defaultSettings.certificatePapers);
    expect(s.calibrations).toEqual({});
    // Nothing was set aside as corrupt.
    expect(storage.length).toBe(1);
  });

  it('a calibration saved is read back by a new host on the same storage', async () => {
    const storage = memoryStorage();
    await createBrowserHost(storage).settingsSet({ calibrations: { '': { dxMm: 1.2, dyMm: -2 } } });
    const s = await createBrowserHost(storage).settingsGet({});
    expect(s.calibrations['']).toEqual({ dxMm: 1.2, dyMm: -2 });
    expect(s.language).toBe(defaultSettings.language);
  });
});
