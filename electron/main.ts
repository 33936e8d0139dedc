// The main process only wires things together (docs/architecture.md: Signal's 100 K main.ts
// is the warning):
// single-instance lock → services → handlers → window. Logic lives in services/, policy/,
// printing/ and the renderer.
import { app, BrowserWindow, session } from 'electron';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyUserDataOverride, resolveDataDir } from './adapters/paths';
import { createDialogs } from './adapters/dialogs';
import { ipcMainTransport } from './adapters/ipc-main';
import { installMenu } from './adapters/menu';
import { createPrinting } from './adapters/printing';
import { handleAppProtocol, registerAppScheme } from './adapters/protocol';
import { hardenApp, hardenSession } from './adapters/security';
import { createFloorWindows, createMainWindow } from './adapters/window';
import { createHandlers } from './handlers';
import { registerHandlers } from './ipc';
import { CONTENT_SECURITY_POLICY, devCsp } from './policy/csp';
import { isTrustedSender } from './policy/navigation';
import { APP_INDEX_URL } from './policy/protocol';
import { createAttachmentStore } from './services/attachments';
import { createPrintArchive } from './services/archive';
import { createBackupStore } from './services/backups';
import { createFileSaver } from './services/files';
import { dataLayout } from './services/paths';
import { createSettingsStore, languageAtStart } from './services/settings';

const here = fileURLToPath(new URL('.', import.meta.url));
const rendererDir = join(here, '../renderer');
const preloadPath = join(here, '../preload/index.cjs');
/** Set by electron-vite in development: the Vite dev server. */
const devUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const origin = { indexUrl: devUrl ?? APP_INDEX_URL };
const csp = devUrl ? devCsp(devUrl) : CONTENT_SECURITY_POLICY;

const log = (event: string, detail: Record<string, unknown>) =>
  console.warn(`[onewindow] ${event}`, JSON.stringify(detail));

applyUserDataOverride();
registerAppScheme();
// Chromium draws date and month pickers in its own locale: make it the app's language, so a
// Chinese screen never shows mm/dd/yyyy (a change of language in 设置 applies at the next start).
app.commandLine.appendSwitch('lang', languageAtStart(dataLayout(resolveDataDir()).settingsFile));

let mainWindow: BrowserWindow | null = null;

if (!app.requestSingleInstanceLock()) {
  // A second launch hands over to the first (which focuses its window) and leaves.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });
  hardenApp(app, origin);
  app.on('window-all-closed', () => app.quit());
  app.whenReady().then(start, (e: unknown) => {
    log('startup_failed', { error: String(e) });
    app.exit(1);
  });
}

async function start(): Promise<void> {
  const dataDir = resolveDataDir();
  const layout = dataLayout(dataDir);
  const settings = createSettingsStore(layout.settingsFile);
  const report = await settings.load();
  if (report.corrupt) log('settings_corrupt', { reason: report.corrupt.reason });

  hardenSession(session.defaultSession, origin, csp);
  handleAppProtocol(session.defaultSession, { rendererDir, csp: CONTENT_SECURITY_POLICY });

  const dialogs = createDialogs(() => mainWindow);
  const printing = createPrinting({ rendererDir });
  const saver = createFileSaver();
  const handlers = createHandlers({
    dataDir: layout.root,
    settings,
    attachments: createAttachmentStore(layout.root),
    saver,
    archive: createPrintArchive(layout.root),
    backups: createBackupStore(layout.root, { keep: () => settings.get().backupKeep, saver }),
    platform: {
      info: () => ({ name: app.getName(), version: app.getVersion(), platform: process.platform }),
      chooseFolder: dialogs.chooseFolder,
      chooseSavePath: dialogs.chooseSavePath,
      printers: printing.printers,
      toPdf: printing.toPdf,
      print: (job) => printing.print(job),
      openFloorWindow: createFloorWindows({ preloadPath, indexUrl: origin.indexUrl }),
    },
    warnings: report.corrupt ? ['settings_corrupt'] : [],
  });
  // The menu follows the language: rebuild it when settings.language changes.
  const settingsSet = handlers['settings.set'];
  handlers['settings.set'] = async (patch, ctx) => {
    const next = await settingsSet(patch, ctx);
    if (patch.language) installMenu(next.language, () => mainWindow);
    return next;
  };
  registerHandlers(ipcMainTransport, handlers, {
    isTrustedSender: (sender) => isTrustedSender(sender, origin),
    validateResults: !app.isPackaged,
    allowedPathRoots: [layout.root],
    log,
  });

  installMenu(settings.get().language, () => mainWindow);
  mainWindow = createMainWindow({
    preloadPath,
    url: origin.indexUrl,
    title: '一窗通 OneWindow',
    settings,
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}
