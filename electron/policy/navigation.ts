// Where the app's pages may go and who may call the host: decisions as pure functions of URLs,
// wired to Electron events in adapters/security.ts.
import type { SenderInfo } from '../ipc';

/**
 * The app's own origin: app://onewindow/index.html when packaged (policy/protocol.ts) or,
 * in development, the Vite dev server (http://127.0.0.1:5173/). file:// is handled for
 * completeness: only the index file itself counts.
 */
export interface AppOrigin {
  /** URL of the renderer's index.html. */
  indexUrl: string;
}

/** True when `url` is one of our own pages (same file or same dev-server origin). */
export function isAppUrl(url: string | null | undefined, app: AppOrigin): boolean {
  if (!url) return false;
  let target: URL;
  let index: URL;
  try {
    target = new URL(url);
    index = new URL(app.indexUrl);
  } catch {
    return false;
  }
  if (index.protocol === 'file:') {
    // Only the index page itself (routes live in the hash): no other local file is "ours".
    return target.protocol === 'file:' && target.pathname === index.pathname && !target.host;
  }
  // app://onewindow (custom standard scheme) or the dev server: same scheme, host and port.
  // (URL.origin is 'null' for custom schemes, so compare the parts.)
  return target.protocol === index.protocol && target.host === index.host && index.host !== '';
}

export type NavigationDecision = 'allow' | 'deny';

/** will-navigate / will-frame-navigate / will-redirect: only our own page, never elsewhere. */
export function decideNavigation(url: string, app: AppOrigin): NavigationDecision {
  return isAppUrl(url, app) ? 'allow' : 'deny';
}

/** setWindowOpenHandler: the app never opens windows from the page. */
export function decideWindowOpen(_url: string): { action: 'deny' } {
  return { action: 'deny' };
}

/**
 * Permissions granted to our own page. Everything else (camera, microphone, geolocation,
 * notifications, MIDI, HID, serial, USB, fullscreen from script, …) is denied, as is any
 * request from a page that is not ours.
 */
export const ALLOWED_PERMISSIONS: readonly string[] = ['clipboard-sanitized-write'];

export function decidePermission(
  permission: string,
  requestingUrl: string | null | undefined,
  app: AppOrigin,
): boolean {
  return ALLOWED_PERMISSIONS.includes(permission) && isAppUrl(requestingUrl, app);
}

/** IPC gate: only the main frame of our own page may call the host. */
export function isTrustedSender(sender: SenderInfo, app: AppOrigin): boolean {
  return sender.isMainFrame && isAppUrl(sender.frameUrl, app);
}
