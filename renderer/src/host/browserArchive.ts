// The print archive of the browser host, the same promises as Electron's (electron/services/
// archive.ts): every printed paper kept with its SHA-256, listed by case, handed back only while
// it still matches its hash. What is kept is the paper exactly as it was rendered and printed:
// its PDF where this browser has a PDF engine (the end-to-end harness lends one), else the HTML
// itself — a plain browser page cannot make a PDF, and the entry says so in its format.
import {
  HostError,
  type ArchiveFormat,
  type ArchiveMeta,
  type Paper,
} from '../../../electron/contract';
import type { Handlers } from '../../../electron/ipc';
import { blobStore, metaStore } from './blobStore';

const BUCKET = 'archive';

/** Renders a PDF of the HTML, or answers null when this browser cannot make one. */
export type PdfEngine = (html: string, paper: Paper) => Promise<Uint8Array<ArrayBuffer> | null>;

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

const stamp = (d: Date) => d.getTime().toString(36).padStart(9, '0');
const randomTail = () =>
  [...crypto.getRandomValues(new Uint8Array(8))].map((b) => (b % 36).toString(36)).join('');
const caseKey = (caseId: string | undefined) =>
  (caseId ?? 'none')
    .toLowerCase()
    .replace(/[^0-9a-z]/g, '')
    .slice(0, 32)
    .padEnd(4, '0');

type ArchiveHandlers = Pick<Handlers, 'archive.put' | 'archive.list' | 'archive.get'>;

export function archiveHandlers(pdfEngine: PdfEngine, now = () => new Date()): ArchiveHandlers {
  return {
    'archive.put': async ({ caseId, docType, title, html, paper, reprintOf }) => {
      if (reprintOf && !(await metaStore.get<ArchiveMeta>(BUCKET, reprintOf)))
        throw new HostError('not_found', 'archive_item_not_found');
      const pdf = await pdfEngine(html, paper);
      const format: ArchiveFormat = pdf ? 'pdf' : 'html';
      const bytes = pdf ?? new TextEncoder().encode(html);
      const sha256 = await sha256Hex(bytes);
      const at = now();
      // Sortable by time like Electron's: base-36 milliseconds, then randomness.
      const id = `${caseKey(caseId)}_${stamp(at)}${randomTail()}`;
      const meta: ArchiveMeta = {
        id,
        caseId: caseId ?? null,
        docType,
        title,
        createdAt: at.toISOString(),
        sha256,
        size: bytes.byteLength,
        reprintOf: reprintOf ?? null,
        format,
      };
      await blobStore.putWithMeta(BUCKET, id, bytes, meta);
      return { id, sha256, path: `indexeddb:${BUCKET}/${id}`, format };
    },
    'archive.list': async ({ caseId }) => {
      const items = (await metaStore.list<ArchiveMeta>(BUCKET))
        .filter((m) => m.caseId === caseId)
        .map((m) => ({ ...m, format: m.format ?? 'pdf' }));
      return {
        items: items.sort(
          (a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id),
        ),
      };
    },
    'archive.get': async ({ id }) => {
      const meta = await metaStore.get<ArchiveMeta>(BUCKET, id);
      const bytes = await blobStore.get(BUCKET, id);
      if (!meta || !bytes) throw new HostError('not_found', 'archive_item_not_found');
      if ((await sha256Hex(bytes)) !== meta.sha256 || bytes.byteLength !== meta.size)
        throw new HostError('integrity', 'archive_hash_mismatch');
      return { meta: { ...meta, format: meta.format ?? 'pdf' }, bytes };
    },
  };
}
