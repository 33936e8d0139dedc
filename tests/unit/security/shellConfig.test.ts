// The Electron shell as docs/architecture.md describes it, checked beyond
// tests/unit/electron/security.test.ts (which covers the pure decisions): here the wiring — every
// window built from the hardened options, the adapters that apply the decisions to real Electron
// events (driven with fakes, since the binary is not available), the preload's single door, and the
// CSP copies agreeing.
import { EventEmitter } from 'node:events';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { App, Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { hardenApp, hardenContents, hardenSession } from '../../../electron/adapters/security';
import { CONTENT_SECURITY_POLICY, CSP_DIRECTIVES, printCsp } from '../../../electron/policy/csp';
import { APP_INDEX_URL, APP_ORIGIN } from '../../../electron/policy/protocol';
import {
  HARDENED_WEB_PREFERENCES,
  floorWindowOptions,
  mainWindowOptions,
  printWindowOptions,
} from '../../../electron/policy/window-options';

const origin = { indexUrl: APP_INDEX_URL };

function sourcesUnder(dir: string): { path: string; text: string }[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((p) => p.endsWith('.ts'))
    .map((p) => ({ path: relative('.', join(dir, p)), text: readFileSync(join(dir, p), 'utf8') }));
}
const electronSources = sourcesUnder('electron');

/** Parses "a b c; d e" into { a: [b, c], d: [e] }. */
function parseCsp(csp: string): Record<string, string[]> {
  return Object.fromEntries(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!, values.sort()]),
  );
}

describe('windows', () => {
  it('every BrowserWindow gets the hardened web preferences', () => {
    // Electronegativity cannot follow the options through a function; this test does.
    const constructions = electronSources.flatMap(({ path, text }) =>
      [...text.matchAll(/new BrowserWindow\(([^;]*)\);/g)].map((m) => `${path}: ${m[1]}`),
    );
    expect(constructions.length).toBe(4);
    for (const c of constructions)
      expect(c).toMatch(/: (mainWindowOptions|printWindowOptions|floorWindowOptions)\(/);
    // Nobody sets web preferences by hand anywhere else.
    const handMade = electronSources.filter(
      ({ path, text }) => !path.endsWith('window-options.ts') && /webPreferences\s*:/.test(text),
    );
    expect(handMade.map((s) => s.path)).toEqual([]);

    const main = mainWindowOptions('/p.cjs', { width: 1280, height: 800, maximized: false }, 't');
    const print = printWindowOptions('print');
    expect(main.webPreferences).toEqual({ ...HARDENED_WEB_PREFERENCES, preload: '/p.cjs' });
    // A hall floor device window: the main window's hardening; only sound without a tap added.
    const floor = floorWindowOptions('/p.cjs', { width: 1080, height: 1920 }, 't');
    expect(floor.webPreferences).toEqual({
      ...HARDENED_WEB_PREFERENCES,
      preload: '/p.cjs',
      autoplayPolicy: 'no-user-gesture-required',
    });
    expect(print.webPreferences).toEqual({
      ...HARDENED_WEB_PREFERENCES,
      partition: 'print',
      javascript: true,
      offscreen: false,
    });
    // The checklist items, spelled out so a change to the shared object is caught here too.
    expect(HARDENED_WEB_PREFERENCES).toMatchObject({
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
    });
    expect(Object.keys(HARDENED_WEB_PREFERENCES)).not.toContain('enableBlinkFeatures');
  });

  it('the preload exposes exactly one object, the contract client, never ipcRenderer', () => {
    const preload = readFileSync('electron/preload.ts', 'utf8');
    expect([...preload.matchAll(/exposeInMainWorld\(/g)].length).toBe(1);
    expect(preload).toMatch(/exposeInMainWorld\('host', api\)/);
    expect(preload).toMatch(/satisfies HostApi/);
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer/);
  });

  it('nothing in the shell opens external URLs, enables remote or turns off security', () => {
    for (const { path, text } of electronSources) {
      expect(`${path}: ${/openExternal|enableRemoteModule|@electron\/remote/.test(text)}`).toBe(
        `${path}: false`,
      );
      expect(`${path}: ${/(webSecurity|contextIsolation|sandbox)\s*:\s*false/.test(text)}`).toBe(
        `${path}: false`,
      );
    }
  });
});

/** A WebContents as far as hardenContents uses it: events and a window-open handler. */
function fakeContents() {
  const emitter = new EventEmitter();
  let openHandler: ((d: { url: string }) => { action: string }) | undefined;
  const contents = Object.assign(emitter, {
    setWindowOpenHandler: (h: typeof openHandler) => {
      openHandler = h;
    },
  });
  const fire = (name: string, url: string) => {
    const event = { url, preventDefault: vi.fn() };
    emitter.emit(name, event);
    return event.preventDefault.mock.calls.length > 0;
  };
  return {
    contents: contents as unknown as WebContents,
    fire,
    open: (url: string) => openHandler?.({ url }),
  };
}

describe('hardenContents / hardenApp', () => {
  it('hardenContents: foreign navigation, window.open and webviews are refused', () => {
    const c = fakeContents();
    hardenContents(c.contents, origin);
    for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      expect(c.fire(name, 'https://evil.example/')).toBe(true);
      expect(c.fire(name, 'file:///etc/passwd')).toBe(true);
      expect(c.fire(name, `${APP_ORIGIN}/index.html#/cases`)).toBe(false);
    }
    expect(c.fire('will-attach-webview', `${APP_ORIGIN}/index.html`)).toBe(true);
    // Middle click (auxclick) and target=_blank both arrive here.
    expect(c.open(`${APP_ORIGIN}/index.html`)).toEqual({ action: 'deny' });
    expect(c.open('https://evil.example/')).toEqual({ action: 'deny' });
  });

  it('every webContents ever created gets the same rules', () => {
    const app = new EventEmitter();
    hardenApp(app as unknown as App, origin);
    const c = fakeContents();
    app.emit('web-contents-created', {}, c.contents);
    expect(c.fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(c.open('https://evil.example/')).toEqual({ action: 'deny' });
  });
});

describe('hardenSession', () => {
  function fakeSession() {
    const emitter = new EventEmitter();
    const handlers: Record<string, (...args: never[]) => unknown> = {};
    const session = Object.assign(emitter, {
      webRequest: {
        onHeadersReceived: (h: (...args: never[]) => unknown) => (handlers.headers = h),
      },
      setPermissionRequestHandler: (h: (...args: never[]) => unknown) => (handlers.request = h),
      setPermissionCheckHandler: (h: (...args: never[]) => unknown) => (handlers.check = h),
      setDevicePermissionHandler: (h: (...args: never[]) => unknown) => (handlers.device = h),
    });
    hardenSession(session as unknown as Session, origin, CONTENT_SECURITY_POLICY);
    return { session: emitter, handlers: handlers as Record<string, (...a: unknown[]) => unknown> };
  }

  it('puts our CSP on every response, replacing whatever the server sent', () => {
    const { handlers } = fakeSession();
    const callback = vi.fn();
    handlers.headers!(
      {
        responseHeaders: { 'Content-Security-Policy': ["default-src *; script-src 'unsafe-eval'"] },
      },
      callback,
    );
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });

  it('asks for permissions → denied, except sanitized clipboard writes from our own page', () => {
    const { handlers } = fakeSession();
    const ask = (permission: string, url: string) => {
      const callback = vi.fn();
      handlers.request!({}, permission, callback, { requestingUrl: url });
      return callback.mock.calls[0]![0] as boolean;
    };
    for (const p of [
      'media',
      'geolocation',
      'notifications',
      'midi',
      'pointerLock',
      'openExternal',
    ])
      expect(ask(p, APP_INDEX_URL)).toBe(false);
    expect(ask('clipboard-sanitized-write', APP_INDEX_URL)).toBe(true);
    expect(ask('clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
    expect(handlers.check!({}, 'media', APP_ORIGIN, { requestingUrl: APP_INDEX_URL })).toBe(false);
    expect(handlers.device!({ deviceType: 'usb' })).toBe(false);
  });

  it('cancels every download', () => {
    const { session } = fakeSession();
    const event = { preventDefault: vi.fn() };
    session.emit('will-download', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalled();
  });
});

describe('content security policy', () => {
  it("the renderer's <meta> CSP is the header CSP", () => {
    // A page obeys both the header and the meta copy; if they differ it gets the narrower one
    // and features break only in Electron. frame-ancestors is not allowed in <meta>.
    const html = readFileSync('renderer/index.html', 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBeDefined();
    const { 'frame-ancestors': _fa, ...header } = parseCsp(CONTENT_SECURITY_POLICY);
    expect(parseCsp(meta!)).toEqual(header);
  });

  it('the app runs no inline or eval script, and loads nothing from the network', () => {
    const csp = parseCsp(CONTENT_SECURITY_POLICY);
    expect(csp['script-src']).toEqual(["'self'"]);
    expect(csp['object-src']).toEqual(["'none'"]);
    expect(csp['base-uri']).toEqual(["'none'"]);
    for (const values of Object.values(CSP_DIRECTIVES)) {
      for (const v of values) expect(v).not.toMatch(/^(https?:|\*|'unsafe-eval')/);
    }
  });

  it('the print session: no script, no network', () => {
    const csp = parseCsp(printCsp(APP_ORIGIN));
    expect(csp['default-src']).toEqual(["'none'"]);
    expect(csp['script-src']).toEqual(["'none'"]);
    expect(csp['connect-src']).toBeUndefined(); // falls back to default-src 'none'
    // The print session cancels every request that is not our bundle or inline data.
    const printing = readFileSync('electron/adapters/printing.ts', 'utf8');
    expect(printing).toMatch(/onBeforeRequest\([^]*?callback\(\{ cancel: !ok \}\)/);
    expect(printing).toMatch(/startsWith\(`\$\{APP_ORIGIN\}\/`\) \|\| \/\^\(data\|blob\):\//);
  });
});
