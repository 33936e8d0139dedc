// The one main window: hardened options, remembered size and position (only restored where a
// display can show it), saved back into settings when it moves.
import { BrowserWindow, screen } from 'electron';
import type { SettingsStore } from '../services/settings';
import { restoreBounds } from '../policy/bounds';
import { mainWindowOptions } from '../policy/window-options';

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
