// What issue 9 will check: window options, CSP, navigation, window.open, permissions, senders.
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, printCsp, withCspHeader } from '../../../electron/policy/csp';
import {
  decideNavigation,
  decidePermission,
  decideWindowOpen,
  isAppUrl,
  isTrustedSender,
} from '../../../electron/policy/navigation';
import {
  HARDENED_WEB_PREFERENCES,
  mainWindowOptions,
  printWindowOptions,
} from '../../../electron/policy/window-options';
import { restoreBounds } from '../../../electron/policy/bounds';
import { menuTemplate } from '../../../electron/policy/menu-template';
import { APP_INDEX_URL, assetPathFor, mimeOf } from '../../../electron/policy/protocol';

const packaged = { indexUrl: APP_INDEX_URL };
const fileApp = { indexUrl: 'file:///opt/OneWindow/resources/app.asar/out/renderer/index.html' };
const dev = { indexUrl: 'http://127.0.0.1:5173/' };

describe('content security policy', () => {
  it('is exactly the strict policy of the brief', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; " +
        "frame-src 'self' blob: data: about:; " +
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
    );
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
  });

  it('replaces any CSP header the response brought along', () => {
    const headers = withCspHeader({ 'content-security-policy': ['default-src *'], 'X-Other': 'a' });
    expect(headers).toEqual({
      'X-Other': ['a'],
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    });
  });

  it('the print window runs no script at all', () => {
    expect(printCsp('file:')).toMatch(/script-src 'none'/);
    expect(printCsp('file:')).toMatch(/default-src 'none'/);
  });
});

describe('navigation and windows', () => {
  it.each([
    [packaged, 'app://onewindow/index.html#/cases/HJ-1', 'allow'],
    [packaged, 'app://evil/index.html', 'deny'],
    [packaged, 'file:///etc/passwd', 'deny'],
    [packaged, 'https://www.example.com/', 'deny'],
    [packaged, 'javascript:alert(1)', 'deny'],
    [fileApp, `${fileApp.indexUrl}#/cases/HJ-1`, 'allow'],
    [fileApp, 'file:///opt/OneWindow/resources/app.asar/out/renderer/other.html', 'deny'],
    [dev, 'http://127.0.0.1:5173/#/intake', 'allow'],
    [dev, 'http://127.0.0.1:5174/', 'deny'], // another local server is not ours
    [dev, 'http://localhost:5173/', 'deny'],
  ] as const)('%o → %s is %s', (app, url, expected) => {
    expect(decideNavigation(url, app)).toBe(expected);
  });

  it('denies every window.open', () => {
    expect(decideWindowOpen(packaged.indexUrl)).toEqual({ action: 'deny' });
    expect(decideWindowOpen('https://example.com')).toEqual({ action: 'deny' });
  });

  it('denies permissions by default, even to our own page', () => {
    for (const p of [
      'media',
      'geolocation',
      'notifications',
      'openExternal',
      'hid',
      'serial',
      'fullscreen',
    ]) {
      expect(decidePermission(p, packaged.indexUrl, packaged)).toBe(false);
    }
    expect(decidePermission('clipboard-sanitized-write', packaged.indexUrl, packaged)).toBe(true);
    expect(decidePermission('clipboard-sanitized-write', 'https://evil.example/', packaged)).toBe(
      false,
    );
  });

  it('trusts only the main frame of our own page', () => {
    const sender = { frameUrl: packaged.indexUrl, isMainFrame: true, webContentsId: 3 };
    expect(isTrustedSender(sender, packaged)).toBe(true);
    expect(isTrustedSender({ ...sender, isMainFrame: false }, packaged)).toBe(false);
    expect(isTrustedSender({ ...sender, frameUrl: 'about:blank' }, packaged)).toBe(false);
    expect(isAppUrl('not a url', packaged)).toBe(false);
  });
});

describe('app protocol', () => {
  const dir = '/opt/ow/out/renderer';
  it.each([
    ['app://onewindow/index.html', `${dir}/index.html`],
    ['app://onewindow/', `${dir}/index.html`],
    ['app://onewindow/cases/HJ-1', `${dir}/index.html`], // a client route
    ['app://onewindow/assets/index-abc.js', `${dir}/assets/index-abc.js`],
    ['app://onewindow/../../etc/passwd', `${dir}/index.html`], // URL parsing already drops the ..
    // The URL parser folds encoded dots into the path: it stays inside the folder.
    ['app://onewindow/%2e%2e/%2e%2e/etc/passwd.txt', `${dir}/etc/passwd.txt`],
    // Encoded slashes survive parsing and decode to a real climb: refused.
    ['app://onewindow/a/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc/passwd.txt', null],
    ['app://onewindow/assets/..%5c..%5csecret.txt', null],
    ['app://other/index.html', null],
    ['file:///opt/ow/out/renderer/index.html', null],
  ])('%s → %s', (url, expected) => {
    expect(assetPathFor(dir, url)).toBe(expected);
  });

  it('serves fonts and scripts with their types', () => {
    expect(mimeOf('a/b.woff2')).toBe('font/woff2');
    expect(mimeOf('index.js')).toMatch(/^text\/javascript/);
    expect(mimeOf('strange.bin')).toBe('application/octet-stream');
  });
});

describe('window options', () => {
  it('every window is isolated, sandboxed, without Node, with web security', () => {
    const main = mainWindowOptions(
      '/app/out/preload/index.cjs',
      { width: 1280, height: 800, maximized: false },
      '一窗通',
    );
    for (const prefs of [main.webPreferences, printWindowOptions('print').webPreferences]) {
      expect(prefs).toMatchObject({
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
      });
    }
    expect(main.webPreferences?.preload).toBe('/app/out/preload/index.cjs');
    expect(printWindowOptions('print').webPreferences).not.toHaveProperty('preload');
    expect(HARDENED_WEB_PREFERENCES).not.toHaveProperty('enableBlinkFeatures');
  });
});

describe('window bounds', () => {
  const laptop = { x: 0, y: 0, width: 1366, height: 728 };
  const monitor = { x: 1366, y: 0, width: 1920, height: 1040 };

  it('restores a window that is on a display now attached', () => {
    const saved = { x: 1500, y: 100, width: 1400, height: 900, maximized: false };
    expect(restoreBounds(saved, [laptop, monitor])).toEqual(saved);
  });

  it('falls back to a centred default when the monitor it was on is gone', () => {
    // Undocked at a field site: the saved position is on the missing right-hand monitor.
    const saved = { x: 1500, y: 100, width: 1400, height: 900, maximized: true };
    const restored = restoreBounds(saved, [laptop]);
    expect(restored).toEqual({ width: 1280, height: 728, maximized: true });
  });

  it('a title bar above the top of the screen does not count as visible', () => {
    expect(
      restoreBounds({ x: 100, y: -200, width: 1200, height: 800, maximized: false }, [laptop]).x,
    ).toBeUndefined();
  });
});

describe('menu', () => {
  it('is Chinese by default and English when asked, with the same roles', () => {
    const zh = menuTemplate('zh-CN', { dev: false, onAbout: () => undefined });
    const en = menuTemplate('en', { dev: false, onAbout: () => undefined });
    expect(zh.map((m) => m.label)).toEqual(['文件', '编辑', '视图', '窗口', '帮助']);
    expect(en.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
    const roles = (t: typeof zh) => JSON.stringify(t, (k, v) => (k === 'label' ? undefined : v));
    expect(roles(zh)).toBe(roles(en));
    // No reload in production: it would throw away a half-filled intake form.
    expect(roles(zh)).not.toContain('reload');
    expect(roles(menuTemplate('zh-CN', { dev: true, onAbout: () => undefined }))).toContain(
      'reload',
    );
  });
});
