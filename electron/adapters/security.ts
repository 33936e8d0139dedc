// Wires the pure decisions of policy/ to Electron: CSP on responses, navigation and window.open
// denied, permissions denied by default, and the same for every webContents ever created.
import type { App, Session, WebContents } from 'electron';
import { withCspHeader } from '../policy/csp';
import {
  decideNavigation,
  decidePermission,
  decideWindowOpen,
  type AppOrigin,
} from '../policy/navigation';

export function hardenSession(session: Session, origin: AppOrigin, csp: string): void {
  // Our own protocol sets the header itself; this covers the dev server and anything else.
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withCspHeader(details.responseHeaders, csp) });
  });
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(decidePermission(permission, details.requestingUrl, origin));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    decidePermission(permission, details.requestingUrl ?? requestingOrigin, origin),
  );
  session.setDevicePermissionHandler(() => false);
  session.on('will-download', (event) => event.preventDefault());
}

export function hardenContents(contents: WebContents, origin: AppOrigin): void {
  contents.on('will-navigate', (event) => {
    if (decideNavigation(event.url, origin) === 'deny') event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (decideNavigation(event.url, origin) === 'deny') event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (decideNavigation(event.url, origin) === 'deny') event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => decideWindowOpen(url));
}

/** Every webContents, including ones we did not create ourselves, gets the same rules. */
export function hardenApp(app: App, origin: AppOrigin): void {
  app.on('web-contents-created', (_event, contents) => hardenContents(contents, origin));
}
