// The options every window of the app gets. Kept as data so the security tests can assert them
// (Electron's security checklist: isolation, sandbox, no Node, web security, no webview).
import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';
import { MIN_SIZE, type RestoredBounds } from './bounds';

export const HARDENED_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  safeDialogs: true,
  spellcheck: false,
} as const satisfies WebPreferences;

export function mainWindowOptions(
  preloadPath: string,
  bounds: RestoredBounds,
  title: string,
): BrowserWindowConstructorOptions {
  return {
    ...(bounds.x !== undefined && bounds.y !== undefined ? { x: bounds.x, y: bounds.y } : {}),
    width: bounds.width,
    height: bounds.height,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title,
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: false,
    webPreferences: { ...HARDENED_WEB_PREFERENCES, preload: preloadPath },
  };
}

/** The hidden print window: same hardening, no preload (it never talks to the host). */
export function printWindowOptions(partition: string): BrowserWindowConstructorOptions {
  return {
    show: false,
    width: 800,
    height: 1100,
    webPreferences: { ...HARDENED_WEB_PREFERENCES, partition, javascript: true, offscreen: false },
  };
}

/**
 * A hall floor device window (kiosk, display, rating) opened from 设置: the main window's
 * hardening and preload (it talks to the same host), its device's size, and sound allowed without
 * a tap — the display announces calls with nobody touching it.
 */
export function floorWindowOptions(
  preloadPath: string,
  size: { width: number; height: number },
  title: string,
): BrowserWindowConstructorOptions {
  return {
    width: size.width,
    height: size.height,
    title,
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    webPreferences: {
      ...HARDENED_WEB_PREFERENCES,
      preload: preloadPath,
      autoplayPolicy: 'no-user-gesture-required',
    },
  };
}
