// The print archive: every printed paper kept as PDF with its SHA-256 and metadata, grouped by
// case so the case page lists its papers without scanning the whole archive.
// Layout: <dataDir>/archive/<caseKey>/<id>.pdf + <id>.json, caseKey = first 16 hex of
// SHA-256(caseId) ('nocase000' for papers without a case). The metadata file is written last:
// a PDF without metadata (a crash in between) is ignored by the listing.
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { archiveIdSchema, archiveMetaSchema, HostError, type ArchiveMeta } from '../contract';
import { realFs, TEMP_SUFFIX, writeFileAtomic, type FsOps } from './fsutil';
import { sha256Hex, type Bytes } from './hash';
import { resolveInside } from './paths';

export interface ArchivePut {
  caseId?: string;
  docType: string;
  title: string;
  pdf: Uint8Array;
  reprintOf?: string;
}

export interface PrintArchive {
  put(input: ArchivePut): Promise<{ id: string; sha256: string; path: string; format: 'pdf' }>;
  list(caseId: string): Promise<ArchiveMeta[]>;
  /** Reads and verifies: a file that no longer matches its hash fails with 'integrity'. */
  get(id: string): Promise<{ meta: ArchiveMeta; pdf: Bytes }>;
}

const NO_CASE = 'nocase000';

export const caseKeyOf = (caseId: string | undefined | null): string =>
  caseId ? sha256Hex(Buffer.from(caseId, 'utf8')).slice(0, 16) : NO_CASE;

export function createPrintArchive(
  dataDir: string,
  deps: { fs?: FsOps; now?: () => Date } = {},
): PrintArchive {
  const root = resolveInside(dataDir, 'archive');
  const fs = deps.fs ?? realFs;
  const now = deps.now ?? (() => new Date());

  function filesOf(id: string): { pdf: string; meta: string } {
    if (!archiveIdSchema.safeParse(id).success) {
      throw new HostError('invalid_args', 'path_outside_data_folder');
    }
    const caseKey = id.slice(0, id.indexOf('_'));
    return {
      pdf: resolveInside(root, caseKey, `${id}.pdf`),
      meta: resolveInside(root, caseKey, `${id}.json`),
    };
  }

  async function readMeta(file: string): Promise<ArchiveMeta> {
    return archiveMetaSchema.parse(JSON.parse(await readFile(file, 'utf8')));
  }

  return {
    async put(input) {
      if (input.reprintOf) await readMeta(filesOf(input.reprintOf).meta).catch(notFound);
      const createdAt = now();
      const caseKey = caseKeyOf(input.caseId);
      // Sortable by time, unique per station: base-36 milliseconds + 40 random bits.
      const id = `${caseKey}_${createdAt.getTime().toString(36)}${randomBytes(5).toString('hex')}`;
      const files = filesOf(id);
      const sha256 = sha256Hex(input.pdf);
      const meta: ArchiveMeta = {
        id,
        caseId: input.caseId ?? null,
        docType: input.docType,
        title: input.title,
        createdAt: createdAt.toISOString(),
        sha256,
        size: input.pdf.byteLength,
        reprintOf: input.reprintOf ?? null,
        format: 'pdf',
      };
      await mkdir(resolveInside(root, caseKey), { recursive: true });
      await writeFileAtomic(files.pdf, input.pdf, fs);
      await writeFileAtomic(files.meta, JSON.stringify(meta, null, 2), fs);
      return { id, sha256, path: files.pdf, format: 'pdf' as const };
    },
    async list(caseId) {
      const dir = resolveInside(root, caseKeyOf(caseId));
      let names: string[];
      try {
        names = await readdir(dir);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw e;
      }
      const metas: ArchiveMeta[] = [];
      for (const name of names) {
        if (!name.endsWith('.json') || name.endsWith(TEMP_SUFFIX)) continue;
        const meta = await readMeta(resolveInside(dir, name)).catch(() => null);
        // Two case ids may share a 16-hex key: filter on the real id.
        if (meta && meta.caseId === caseId) metas.push(meta);
      }
      return metas.sort(
        (a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id),
      );
    },
    async get(id) {
      const files = filesOf(id);
      const meta = await readMeta(files.meta).catch(notFound);
      const pdf = new Uint8Array(await readFile(files.pdf).catch(notFound));
      if (sha256Hex(pdf) !== meta.sha256 || pdf.byteLength !== meta.size) {
        throw new HostError('integrity', 'archive_hash_mismatch');
      }
      return { meta, pdf };
    },
  };
}

function notFound(e: unknown): never {
  if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
    throw new HostError('not_found', 'archive_item_not_found');
  }
  throw e;
}
