// The browser implementation of the host contract (tests and the browser mode). Its handlers go
// through the very same gate as Electron's main process (electron/ipc.ts: argument validation,
// typed errors) over an in-memory transport, so feature code behaves the same in both hosts.
import {
  defaultSettings,
  HostError,
  settingsSchema,
  type ArchiveMeta,
  type BackupInfo,
  type HostApi,
  type Settings,
} from '../../../electron/contract';
import { createHostClient } from '../../../electron/contract-client';
import { registerHandlers, type Handlers } from '../../../electron/ipc';
import { createMemoryTransportPair } from '../../../electron/ipc-memory';
import { blobStore, metaStore } from './blobStore';
import { browserKeys } from './browserKeys';
import { printInBrowser, renderPdfInBrowser } from './browserPrint';

const SETTINGS_KEY = 'onewindow.settings';

function readSettings(storage: Storage): Settings {
  const raw = storage.getItem(SETTINGS_KEY);
  if (!raw) return defaultSettings;
  try {
    return settingsSchema.parse({ ...defaultSettings, ...JSON.parse(raw) });
  } catch {
    // A damaged entry is kept aside (never silently deleted) and defaults are used.
    storage.setItem(`${SETTINGS_KEY}.corrupt-${Date.now()}`, raw);
    storage.removeItem(SETTINGS_KEY);
    return defaultSettings;
  }
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function download(name: string, bytes: Uint8Array) {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>]));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace('.', '');
const randomTail = () =>
  [...crypto.getRandomValues(new Uint8Array(6))].map((b) => (b % 36).toString(36)).join('');
const caseKey = (caseId: string | undefined) =>
  (caseId ?? 'none')
    .toLowerCase()
    .replace(/[^0-9a-z]/g, '')
    .slice(0, 32)
    .padEnd(4, '0');

export function browserHandlers(storage: Storage = window.localStorage): Handlers {
  return {
    'app.info': async () => ({
      name: '一窗通 OneWindow',
      version: __APP_VERSION__,
      dataDir: `IndexedDB · ${location.origin}`,
      platform: navigator.platform || 'web',
      host: 'browser',
    }),
    'settings.get': async () => readSettings(storage),
    'settings.set': async (patch) => {
      const next = settingsSchema.parse({ ...readSettings(storage), ...patch });
      storage.setItem(SETTINGS_KEY, JSON.stringify(next));
      return next;
    },
    'attachments.put': async ({ bytes }) => {
      const id = await sha256Hex(bytes);
      const existed = await blobStore.has('attachments', id);
      if (!existed) await blobStore.put('attachments', id, bytes);
      return { id, size: bytes.byteLength, existed };
    },
    'attachments.get': async ({ id }) => {
      const bytes = await blobStore.get('attachments', id);
      if (!bytes) throw new HostError('not_found', 'attachment not found');
      return { id, bytes };
    },
    // A browser cannot name a folder: files go to the downloads folder the browser manages.
    'files.chooseFolder': async () => ({ path: 'downloads' }),
    'files.saveFile': async ({ suggestedName, bytes }) => {
      download(suggestedName, bytes);
      return { path: `downloads/${suggestedName}` };
    },
    'archive.put': async ({ caseId, docType, title, pdf, reprintOf }) => {
      const sha256 = await sha256Hex(pdf);
      const id = `${caseKey(caseId)}_${stamp(new Date()).toLowerCase()}${randomTail()}`;
      const meta: ArchiveMeta = {
        id,
        caseId: caseId ?? null,
        docType,
        title,
        createdAt: new Date().toISOString(),
        sha256,
        size: pdf.byteLength,
        reprintOf: reprintOf ?? null,
      };
      await blobStore.putWithMeta('archive', id, pdf, meta);
      return { id, sha256, path: `indexeddb:archive/${id}` };
    },
    'archive.list': async ({ caseId }) => {
      const items = (await metaStore.list<ArchiveMeta>('archive')).filter(
        (m) => m.caseId === caseId,
      );
      return { items: items.sort((a, b) => a.createdAt.localeCompare(b.createdAt)) };
    },
    'archive.get': async ({ id }) => {
      const meta = await metaStore.get<ArchiveMeta>('archive', id);
      const pdf = await blobStore.get('archive', id);
      if (!meta || !pdf) throw new HostError('not_found', 'archive entry not found');
      if ((await sha256Hex(pdf)) !== meta.sha256) throw new HostError('integrity', 'hash mismatch');
      return { meta, pdf };
    },
    'backups.write': async ({ bytes, kind }) => {
      const now = new Date();
      const name = `onewindow-${kind}-${stamp(now).slice(0, 8)}T${stamp(now).slice(9, 18)}Z.owbak`;
      const backup: BackupInfo = { name, size: bytes.byteLength, createdAt: now.toISOString() };
      await blobStore.putWithMeta('backups', name, bytes, backup);
      const all = (await metaStore.list<BackupInfo>('backups')).sort((a, b) =>
        b.createdAt.localeCompare(a.createdAt),
      );
      const removed = all.slice(readSettings(storage).backupKeep).map((b) => b.name);
      for (const old of removed) await blobStore.deleteWithMeta('backups', old);
      return { backup, removed };
    },
    'backups.list': async () => ({
      items: (await metaStore.list<BackupInfo>('backups')).sort((a, b) =>
        b.createdAt.localeCompare(a.createdAt),
      ),
    }),
    'backups.read': async ({ name }) => {
      const bytes = await blobStore.get('backups', name);
      if (!bytes) throw new HostError('not_found', 'backup not found');
      return { name, bytes };
    },
    'backups.export': async ({ name }) => {
      const bytes = await blobStore.get('backups', name);
      if (!bytes) throw new HostError('not_found', 'backup not found');
      download(name, bytes);
      return { path: `downloads/${name}` };
    },
    'keys.publicKey': () => browserKeys.publicKey(),
    'keys.sign': ({ payload }) => browserKeys.sign(payload),
    // The browser has no printer list: its own print dialog picks the printer.
    'print.printers': async () => ({ printers: [] }),
    'print.toPdf': async ({ html, paper }) => ({ pdf: await renderPdfInBrowser(html, paper) }),
    'print.print': async ({ html, copies }) => {
      await printInBrowser(html);
      return { ok: true as const, copies };
    },
  };
}

export function createBrowserHost(storage?: Storage): HostApi {
  const { server, client } = createMemoryTransportPair();
  // One realm: the page is the only caller, so every sender is trusted; validation still applies.
  registerHandlers(server, browserHandlers(storage), { isTrustedSender: () => true });
  return createHostClient(client.invoke);
}
