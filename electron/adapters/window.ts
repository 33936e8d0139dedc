// The one main window: hardened options, remembered size and position (only restored where a
// display can show it), saved back into settings when it moves.
import { BrowserWindow, screen } from 'electron';
import type { SettingsStore } from '../services/settings';
import { restoreBounds } from '../policy/bounds';
import { floorWindowOptions, mainWindowOptions } from '../policy/window-options';

export function createMainWindow(opts: {
  preloadPath: string;
  url: string;
  title: string;
  settings: SettingsStore;
}): BrowserWindow {
  const areas = screen.getAllDisplays().map((d) => d.workArea);
  const primary = screen.getPrimaryDisplay().workArea;
  // Primary first: the fallback size is taken from it.
  const ordered = [primary, ...areas.filter((a) => a !== primary)];
  const bounds = restoreBounds(opts.settings.get().windowBounds, ordered);
  const win = new BrowserWindow(mainWindowOptions(opts.preloadPath, bounds, opts.title));
  if (bounds.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());

  let timer: NodeJS.Timeout | undefined;
  const save = () => {
    if (win.isDestroyed() || win.isMinimized() || win.isFullScreen()) return;
    const b = win.getNormalBounds();
    const windowBounds = {
      x: Math.round(b.x),
      y: Math.round(b.y),
      width: Math.max(400, Math.round(b.width)),
      height: Math.max(300, Math.round(b.height)),
      maximized: win.isMaximized(),
    };
    opts.settings.set({ windowBounds }).catch(() => undefined);
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(save, 500);
  };
  win.on('resize', later);
  win.on('move', later);
  win.on('maximize', save);
  win.on('unmaximize', save);
  win.on('close', () => {
    clearTimeout(timer);
    save();
  });
  void win.loadURL(opts.url);
  return win;
}

/**
 * The hall floor's device windows (设置 › 大厅现场设备), one per key: opening one again brings it
 * forward. `hash` is the app's own route; the window loads the app's index with it and gets the
 * same navigation rules as every webContents (hardenApp).
 */
export function createFloorWindows(opts: { preloadPath: string; indexUrl: string }) {
  const open = new Map<string, BrowserWindow>();
  return async (w: { key: string; hash: string; width: number; height: number }) => {
    const existing = open.get(w.key);
    if (existing && !existing.isDestroyed()) {
      if (existing.isMinimized()) existing.restore();
      existing.focus();
      return;
    }
    const area = screen.getPrimaryDisplay().workArea;
    // A device screen larger than this PC's (a 1920-high kiosk on a laptop) is scaled to fit.
    const scale = Math.min(1, area.width / w.width, area.height / w.height);
    const size = { width: Math.round(w.width * scale), height: Math.round(w.height * scale) };
    const win = new BrowserWindow(floorWindowOptions(opts.preloadPath, size, '一窗通 OneWindow'));
    if (scale < 1)
      win.webContents.on('did-finish-load', () => win.webContents.setZoomFactor(scale));
    open.set(w.key, win);
    win.on('closed', () => open.delete(w.key));
    win.once('ready-to-show', () => win.show());
    await win.loadURL(`${opts.indexUrl}${w.hash}`);
  };
}
