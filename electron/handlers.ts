// The contract's handlers, built from the services and the few platform calls that need
// Electron (dialogs, printing). No `electron` import: tests run it with a fake platform.
import { basename, dirname } from 'node:path';
import { HostError, type Paper } from './contract';
import { FLOOR_WINDOW_SIZES, floorPageHash } from './contract-floor';
import type { Handlers } from './ipc';
import type { AttachmentStore } from './services/attachments';
import type { PrintArchive } from './services/archive';
import type { BackupStore } from './services/backups';
import type { FileSaver } from './services/files';
import type { SettingsStore } from './services/settings';
import type { Bytes } from './services/hash';
import { createKeyService, type KeyService } from './services/keys';
import { createHallService, type HallService } from './services/hall';

export interface PrintJob {
  html: string;
  paper: Paper;
  deviceName?: string;
  silent: boolean;
  copies: number;
  overlay: boolean;
  profile: { copies: 'loop' | 'driver'; pageSize: 'explicit' | 'printer-default' };
}

/** What only the Electron side can do; adapters implement it, tests fake it. */
export interface HostPlatform {
  info(): { name: string; version: string; platform: string };
  chooseFolder(title?: string): Promise<string | null>;
  chooseSavePath(suggestedName: string): Promise<string | null>;
  printers(): Promise<{ name: string; displayName: string }[]>;
  toPdf(html: string, paper: Paper): Promise<Bytes>;
  print(job: PrintJob): Promise<{ copies: number }>;
  /**
   * Opens (or brings forward) the window of a hall floor device page: `hash` is the app's own
   * route (contract-floor.ts floorPageHash), never a URL from the page.
   */
  openFloorWindow(w: { key: string; hash: string; width: number; height: number }): Promise<void>;
}

export interface HostServices {
  dataDir: string;
  settings: SettingsStore;
  attachments: AttachmentStore;
  saver: FileSaver;
  archive: PrintArchive;
  backups: BackupStore;
  platform: HostPlatform;
  /** Start-up problems to tell the user about (app.info). */
  warnings: 'settings_corrupt'[];
  /** The office signing key; absent = the key file under dataDir (created on first use). */
  keys?: KeyService;
  /** The hall server client; absent = one on dataDir with the station's own sync key. */
  hall?: HallService;
}

export function createHandlers(s: HostServices): Handlers {
  const keys = s.keys ?? createKeyService(s.dataDir);
  const hall =
    s.hall ??
    createHallService({
      dataDir: s.dataDir,
      attachments: s.attachments,
      archive: s.archive,
      appVersion: s.platform.info().version,
    });
  // Folders the user picked in this session's folder dialog: the only ones a page may name.
  // Anything else (a Startup folder, say) would let a compromised page drop files anywhere.
  const chosenFolders = new Set<string>();
  async function saveWithDialog(name: string, bytes: Uint8Array, folder?: string) {
    if (folder !== undefined) {
      if (!chosenFolders.has(folder)) throw new HostError('invalid_args', 'folder_not_chosen');
      return { path: await s.saver.saveInto(folder, name, bytes) };
    }
    const chosen = await s.platform.chooseSavePath(name);
    if (chosen === null) return { path: null };
    return { path: await s.saver.saveInto(dirname(chosen), basename(chosen), bytes) };
  }

  return {
    'app.info': () => ({
      ...s.platform.info(),
      dataDir: s.dataDir,
      host: 'electron',
      ...(s.warnings.length > 0 ? { warnings: [...s.warnings] } : {}),
    }),
    'settings.get': () => s.settings.get(),
    // IPC keeps undefined properties; a patch key set to undefined means "no change".
    'settings.set': (patch) =>
      s.settings.set(
        Object.fromEntries(
          Object.entries(patch).filter(([, v]) => v !== undefined),
        ) as typeof patch,
      ),
    'attachments.put': (args) => s.attachments.put(args.bytes),
    'attachments.get': (args) => s.attachments.get(args.id),
    'files.chooseFolder': async (args) => {
      const path = await s.platform.chooseFolder(args.title);
      if (path !== null) chosenFolders.add(path);
      return { path };
    },
    'files.saveFile': (args) => saveWithDialog(args.suggestedName, args.bytes, args.folder),
    // The desktop host always makes the PDF itself, from the very HTML that is printed.
    'archive.put': async ({ html, paper, ...rest }) =>
      s.archive.put({ ...rest, pdf: await s.platform.toPdf(html, paper) }),
    'archive.list': async (args) => ({ items: await s.archive.list(args.caseId) }),
    'archive.get': async (args) => {
      const { meta, pdf } = await s.archive.get(args.id);
      return { meta, bytes: pdf };
    },
    'backups.write': (args) => s.backups.write(args.bytes, args.kind),
    'backups.list': async () => ({ items: await s.backups.list() }),
    'backups.read': (args) => s.backups.read(args.name),
    'backups.export': async (args) => {
      const { bytes } = await s.backups.read(args.name);
      return saveWithDialog(args.name, bytes, args.folder);
    },
    'keys.publicKey': () => keys.publicKey(),
    'keys.sign': (args) => keys.sign(args.payload),
    'hall.status': () => hall.status(),
    'hall.probe': (args) => hall.probe(args),
    'hall.enrol': (args) => hall.enrol(args),
    'hall.session': () => hall.session(),
    'hall.push': (args) => hall.push(args),
    'hall.pull': (args) => hall.pull(args),
    'hall.putBlob': (args) => hall.putBlob(args),
    'hall.missingBlobs': (args) => hall.missingBlobs(args),
    'hall.refill': (args) => hall.refill(args),
    'hall.allocateNumber': (args) => hall.allocateNumber(args),
    'hall.sealBundle': (args) => hall.sealBundle(args),
    'floor.openWindow': async ({ page, window }) => {
      const size = FLOOR_WINDOW_SIZES[page];
      await s.platform.openFloorWindow({
        // One window per page (and per rating window): opening it again brings it forward.
        key: window ? `${page}:${window}` : page,
        hash: floorPageHash(page, window),
        ...size,
      });
      return { opened: true };
    },
    'hall.floor': (args) => hall.floor(args),
    'hall.rating': (args) => hall.rating(args),
    'hall.numbers': (args) => hall.numbers(args),
    'print.printers': async () => ({ printers: await s.platform.printers() }),
    'print.toPdf': async (args) => ({ pdf: await s.platform.toPdf(args.html, args.paper) }),
    'print.print': async (args) => {
      if (args.deviceName !== undefined) {
        const known = await s.platform.printers();
        if (!known.some((p) => p.name === args.deviceName)) {
          throw new HostError('io', 'printer_not_found');
        }
      }
      const done = await s.platform.print({
        html: args.html,
        paper: args.paper,
        deviceName: args.deviceName,
        silent: args.silent,
        copies: args.copies,
        overlay: args.overlay ?? false,
        profile: args.profile ?? { copies: 'loop', pageSize: 'explicit' },
      });
      return { ok: true, copies: done.copies };
    },
  };
}
