// Binary files of the browser host (attachments, archived PDFs, backups) and their metadata,
// kept in their own IndexedDB database so the app's Dexie database stays the app's.
import Dexie, { type Table } from 'dexie';

interface BlobRow {
  key: string; // `${bucket}/${id}`
  bytes: Uint8Array<ArrayBuffer>;
}
interface MetaRow {
  key: string;
  bucket: string;
  meta: unknown;
}

class HostFilesDb extends Dexie {
  blobs!: Table<BlobRow, string>;
  metas!: Table<MetaRow, string>;
  constructor() {
    // Strict durability: a file acknowledged on screen survives a power cut.
    super('onewindow-host-files', { chromeTransactionDurability: 'strict' });
    this.version(1).stores({ blobs: 'key', metas: 'key, bucket' });
  }
}

let db: HostFilesDb | null = null;
const open = () => (db ??= new HostFilesDb());
const k = (bucket: string, id: string) => `${bucket}/${id}`;

export const blobStore = {
  async has(bucket: string, id: string) {
    return (await open().blobs.where('key').equals(k(bucket, id)).count()) > 0;
  },
  async put(bucket: string, id: string, bytes: Uint8Array) {
    await open().blobs.put({ key: k(bucket, id), bytes: bytes as Uint8Array<ArrayBuffer> });
  },
  async get(bucket: string, id: string) {
    return (await open().blobs.get(k(bucket, id)))?.bytes ?? null;
  },
  /** File and metadata in one transaction: never one without the other. */
  async putWithMeta(bucket: string, id: string, bytes: Uint8Array, meta: unknown) {
    const d = open();
    await d.transaction('rw', d.blobs, d.metas, async () => {
      await d.blobs.put({ key: k(bucket, id), bytes: bytes as Uint8Array<ArrayBuffer> });
      await d.metas.put({ key: k(bucket, id), bucket, meta });
    });
  },
  async deleteWithMeta(bucket: string, id: string) {
    const d = open();
    await d.transaction('rw', d.blobs, d.metas, async () => {
      await d.blobs.delete(k(bucket, id));
      await d.metas.delete(k(bucket, id));
    });
  },
};

export const metaStore = {
  async list<T>(bucket: string): Promise<T[]> {
    return (await open().metas.where('bucket').equals(bucket).toArray()).map((r) => r.meta as T);
  },
  async get<T>(bucket: string, id: string): Promise<T | null> {
    return ((await open().metas.get(k(bucket, id)))?.meta as T | undefined) ?? null;
  },
};
