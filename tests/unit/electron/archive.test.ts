import { readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { HostError } from '../../../electron/contract';
import { createPrintArchive, type ArchivePut } from '../../../electron/services/archive';
import { sha256Hex } from '../../../electron/services/hash';
import { bytesOf, tempDir } from './helpers';

const paper = (over: Partial<ArchivePut> = {}): ArchivePut => ({
  caseId: 'HJ-2026-00013',
  docType: 'acceptance_notice',
  title: '受理通知书 HJ-2026-00013',
  pdf: bytesOf('%PDF-1.7 受理通知书'),
  ...over,
});

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (e: unknown) => (e instanceof HostError ? e.code : `untyped: ${String(e)}`),
  );

describe('print archive', () => {
  it("stores the PDF with a hash equal to the file's own hash", async () => {
    const dir = await tempDir();
    const archive = createPrintArchive(dir, { now: () => new Date('2026-11-29T08:00:00Z') });
    const put = await archive.put(paper());
    const onDisk = await readFile(put.path);
    expect(put.sha256).toBe(sha256Hex(onDisk));
    expect(put.path.startsWith(dir)).toBe(true);
    const got = await archive.get(put.id);
    expect(got.meta).toMatchObject({
      caseId: 'HJ-2026-00013',
      docType: 'acceptance_notice',
      createdAt: '2026-11-29T08:00:00.000Z',
      sha256: put.sha256,
      reprintOf: null,
    });
    expect(Buffer.from(got.pdf).equals(onDisk)).toBe(true);
  });

  it('an entry written before the format was recorded reads as a PDF', async () => {
    const dir = await tempDir();
    const archive = createPrintArchive(dir);
    const put = await archive.put(paper());
    expect(put.format).toBe('pdf');
    const metaFile = put.path.replace(/\.pdf$/, '.json');
    const { format: _dropped, ...old } = JSON.parse(await readFile(metaFile, 'utf8')) as Record<
      string,
      unknown
    >;
    expect(_dropped).toBe('pdf');
    await writeFile(metaFile, JSON.stringify(old));
    expect((await archive.get(put.id)).meta.format).toBe('pdf');
    expect((await archive.list('HJ-2026-00013')).map((m) => m.format)).toEqual(['pdf']);
  });

  it('detects a tampered file on read', async () => {
    const dir = await tempDir();
    const archive = createPrintArchive(dir);
    const put = await archive.put(paper());
    await writeFile(put.path, '%PDF-1.7 受理通知书 (edited)');
    expect(await codeOf(archive.get(put.id))).toBe('integrity');
  });

  it('lists by case, oldest first, and records reprints', async () => {
    const dir = await tempDir();
    let t = Date.parse('2026-11-29T08:00:00Z');
    const archive = createPrintArchive(dir, { now: () => new Date((t += 1000)) });
    const first = await archive.put(paper());
    await archive.put(paper({ caseId: 'HJ-2026-00014', title: 'other case' }));
    await archive.put(paper({ caseId: undefined, title: 'calibration page' }));
    const again = await archive.put(paper({ reprintOf: first.id }));
    const items = await archive.list('HJ-2026-00013');
    expect(items.map((m) => m.id)).toEqual([first.id, again.id]);
    expect(items[1]!.reprintOf).toBe(first.id);
    expect(await archive.list('HJ-2026-99999')).toEqual([]);
  });

  it('refuses a reprint of an unknown original and ids that leave the folder', async () => {
    const archive = createPrintArchive(await tempDir());
    expect(await codeOf(archive.put(paper({ reprintOf: 'abcd_0000000000' })))).toBe('not_found');
    expect(await codeOf(archive.get('../../etc/passwd'))).toBe('invalid_args');
  });
});
