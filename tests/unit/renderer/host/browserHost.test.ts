// The browser host's archive and settings, on fake-indexeddb and an in-memory Storage: the same
// promises as the Electron services (tests/unit/electron/archive.test.ts, settings*.test.ts), and
// in a plain browser, which has no PDF engine, the paper kept exactly as rendered (HTML).
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
const A4 = { widthMm: 210, heightMm: 297 };
const NOTICE_HTML =
  '<!doctype html><html><body><h1>受理通知书</h1><p>HJ01-20260302-0001</p></body></html>';
const paper = (over: { caseId?: string; reprintOf?: string; html?: string } = {}) => ({
  caseId: over.caseId ?? caseId(),
  docType: 'acceptanceNotice',
  title: '受理通知书',
  html: over.html ?? NOTICE_HTML,
  paper: A4,
  ...(over.reprintOf ? { reprintOf: over.reprintOf } : {}),
});

/** A plain browser: no PDF engine (what `npm start` serves where Electron cannot run). */
const plainBrowser = () => createBrowserHost(memoryStorage(), { pdf: async () => null });

describe('browser host archive, in a plain browser (no PDF engine)', () => {
  it('keeps the paper exactly as rendered (HTML), hashed, and says it is HTML', async () => {
    const host = plainBrowser();
    const html = NOTICE_HTML.replace(
      '</body>',
      `<p>${'建设工程规划许可证'.repeat(500)}</p></body>`,
    );
    const put = await host.archivePut(paper({ html }));
    expect(put.format).toBe('html');
    expect(put.sha256).toBe(await sha256Hex(enc.encode(html)));
    const got = await host.archiveGet({ id: put.id });
    expect(got.meta.format).toBe('html');
    expect(got.meta.size).toBe(enc.encode(html).byteLength);
    expect(new TextDecoder().decode(got.bytes)).toBe(html);
  });

  it('lists every paper of the case with its format, oldest first; a reprint points at the original', async () => {
    const host = plainBrowser();
    const id = caseId();
    const first = await host.archivePut(paper({ caseId: id }));
    await host.archivePut(paper()); // another case: must not be listed
    // Ids carry a millisecond stamp; let the clock move so "oldest first" is decidable.
    await new Promise((r) => setTimeout(r, 5));
    const again = await host.archivePut(paper({ caseId: id, reprintOf: first.id }));
    const { items } = await host.archiveList({ caseId: id });
    expect(items.map((m) => [m.id, m.format, m.reprintOf])).toEqual([
      [first.id, 'html', null],
      [again.id, 'html', first.id],
    ]);
  });

  it('refuses a reprint of an archive entry that does not exist', async () => {
    const host = plainBrowser();
    const err = await host
      .archivePut(paper({ reprintOf: 'hj0120260302_0000000000' }))
      .catch((e: unknown) => e);
    expect((err as HostError).code).toBe('not_found');
  });

  it('refuses to hand back a paper that no longer matches its stored hash', async () => {
    const host = plainBrowser();
    const put = await host.archivePut(paper());
    await blobStore.put('archive', put.id, enc.encode(NOTICE_HTML.replace('受理', '不予受理')));
    const err = await host.archiveGet({ id: put.id }).catch((e: unknown) => e);
    expect((err as HostError).code).toBe('integrity');
  });

  it('answers not_found for an unknown id, as a typed error', async () => {
    const host = plainBrowser();
    const err = await host.archiveGet({ id: 'abcd_0000000000' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostError);
    expect((err as HostError).code).toBe('not_found');
  });

  it('print.toPdf says plainly that this browser cannot make a PDF', async () => {
    const err = await plainBrowser()
      .printToPdf({ html: NOTICE_HTML, paper: A4 })
      .catch((e: unknown) => e);
    expect((err as HostError).message).toBe('pdf_unavailable_in_browser');
  });
});

describe('browser host archive, with a PDF engine (the end-to-end harness lends Chromium’s)', () => {
  it('keeps the PDF made from the very HTML printed, hashed like Electron’s', async () => {
    const seen: { html: string; paper: unknown }[] = [];
    const pdf = enc.encode('%PDF-1.7 受理通知书 ' + 'x'.repeat(5000));
    const host = createBrowserHost(memoryStorage(), {
      pdf: async (html, p) => {
        seen.push({ html, paper: p });
        return pdf;
      },
    });
    const put = await host.archivePut(paper());
    expect(seen).toEqual([{ html: NOTICE_HTML, paper: A4 }]);
    expect(put.format).toBe('pdf');
    const got = await host.archiveGet({ id: put.id });
    expect(put.sha256).toBe(await sha256Hex(pdf));
    expect(got.meta).toMatchObject({ format: 'pdf', size: pdf.byteLength, sha256: put.sha256 });
    expect([...got.bytes]).toEqual([...pdf]);
  });

  it('an entry stored before the format was recorded reads as a PDF', async () => {
    const host = plainBrowser();
    const id = caseId();
    const bytes = enc.encode('%PDF-1.7 old');
    const meta = {
      id: 'hj20260000001_20260302t020000000zabcdef',
      caseId: id,
      docType: 'receiptA4',
      title: '收件回执',
      createdAt: '2026-03-02T02:00:00.000Z',
      sha256: await sha256Hex(bytes),
      size: bytes.byteLength,
      reprintOf: null,
    };
    await blobStore.putWithMeta('archive', meta.id, bytes, meta);
    expect((await host.archiveList({ caseId: id })).items[0]!.format).toBe('pdf');
    expect((await host.archiveGet({ id: meta.id })).meta.format).toBe('pdf');
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
