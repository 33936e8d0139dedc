// The browser implementation of the host contract (tests and the browser mode). Its handlers go
// through the very same gate as Electron's main process (electron/ipc.ts: argument validation,
// typed errors) over an in-memory transport, so feature code behaves the same in both hosts.
import {
  defaultSettings,
  HostError,
  settingsSchema,
  type BackupInfo,
  type HostApi,
  type Settings,
} from '../../../electron/contract';
import { createHostClient } from '../../../electron/contract-client';
import { registerHandlers, type Handlers } from '../../../electron/ipc';
import { createMemoryTransportPair } from '../../../electron/ipc-memory';
import { archiveHandlers, sha256Hex, type PdfEngine } from './browserArchive';
import { blobStore, metaStore } from './blobStore';
import { hallHandlers, type BrowserHallOptions } from './browserHall';
import { browserKeys } from './browserKeys';
import { pdfInBrowser, printInBrowser } from './browserPrint';
import { FLOOR_WINDOW_SIZES, floorPageHash } from '../../../electron/contract-floor';

export { sha256Hex } from './browserArchive';

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
export interface BrowserHostOptions {
  /** The PDF engine; default: the one the page was lent (window.owRenderPdf), if any. */
  pdf?: PdfEngine;
  /** The hall server's transport and deadline (tests); default: fetch. */
  hall?: BrowserHallOptions;
}

export function browserHandlers(
  storage: Storage = window.localStorage,
  options: BrowserHostOptions = {},
): Handlers {
  const pdf = options.pdf ?? pdfInBrowser;
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
    ...archiveHandlers(pdf),
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
    ...hallHandlers(storage, options.hall),
    // The browser has no printer list: its own print dialog picks the printer.
    'print.printers': async () => ({ printers: [] }),
    'print.toPdf': async ({ html, paper }) => {
      const bytes = await pdf(html, paper);
      if (!bytes) throw new HostError('unknown_channel', 'pdf_unavailable_in_browser');
      return { pdf: bytes };
    },
    'print.print': async ({ html, copies }) => {
      await printInBrowser(html);
      return { ok: true as const, copies };
    },
    // A new browser window of this same page at the floor route; null = a pop-up blocker said no.
    'floor.openWindow': async ({ page, window: faces }) => {
      const size = FLOOR_WINDOW_SIZES[page];
      const url = new URL(floorPageHash(page, faces), window.location.href).href;
      const name = `onewindow-floor-${page}${faces ? `-${faces}` : ''}`;
      const opened = window.open(url, name, `popup,width=${size.width},height=${size.height}`);
      return { opened: opened !== null };
    },
  };
}

export function createBrowserHost(storage?: Storage, options?: BrowserHostOptions): HostApi {
  const { server, client } = createMemoryTransportPair();
  // One realm: the page is the only caller, so every sender is trusted; validation still applies.
  registerHandlers(server, browserHandlers(storage, options), { isTrustedSender: () => true });
  return createHostClient(client.invoke);
}
