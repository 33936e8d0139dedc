// Electron's security checklist, checked by @doyensec/electronegativity on electron/ in every
// `npm test`. A finding fails the test unless electronegativity-allowlist.json explains it (and
// names the test that proves the explanation); an allow-list entry nothing matches fails too,
// so the list cannot rot. A canary app with known mistakes proves the scanner really ran.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import allowList from './electronegativity-allowlist.json';

interface Finding {
  id: string;
  file: string;
  location: { line: number; column: number };
  severity: { name: string };
  description: string;
}
interface RunResult {
  globalChecks: number;
  atomicChecks: number;
  errors: { file: string; message: string; tolerable: boolean }[];
  issues: Finding[];
}
type Run = (options: Record<string, unknown>) => Promise<RunResult>;

const require = createRequire(import.meta.url);
const ELECTRON_VERSION = (require('electron/package.json') as { version: string }).version;

let run: Run;

beforeAll(() => {
  // The scanner fetches fresh translations from the internet on every run (1 s timeout). The
  // test machines have no internet and tests must not try: answer its HTTP client "offline".
  const scannerRequire = createRequire(require.resolve('@doyensec/electronegativity'));
  const gotPath = scannerRequire.resolve('got');
  const offline = () => Promise.reject(new Error('offline'));
  require.cache[gotPath] = {
    id: gotPath,
    filename: gotPath,
    loaded: true,
    exports: offline,
  } as unknown as NodeJS.Module;
  run = require('@doyensec/electronegativity') as Run;
});

async function scan(input: string): Promise<RunResult> {
  // It reports the offline translation fetch on the console; keep the test output clean.
  const quiet = vi.spyOn(console, 'log').mockImplementation(() => undefined);
  try {
    return await run({
      input,
      isRelative: true,
      electronVersionOverride: ELECTRON_VERSION,
      // This one downloads Electron's release list from GitHub: no internet here. Electron's
      // version is kept current by hand (docs/toolchain.md: "the current supported major").
      excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
    });
  } finally {
    quiet.mockRestore();
  }
}

const key = (f: { id: string; file: string }) => `${f.id} @ ${f.file.replace(/\\/g, '/')}`;

describe('electronegativity on electron/', () => {
  let result: RunResult;
  beforeAll(async () => {
    result = await scan(resolve('electron'));
  }, 60_000);

  it('parses every file and runs its checks', () => {
    expect(result.errors).toEqual([]);
    expect(result.atomicChecks).toBeGreaterThan(20);
    expect(result.globalChecks).toBeGreaterThan(3);
  });

  it('every finding is explained in the allow-list', () => {
    const allowed = new Set(allowList.entries.map(key));
    const unexplained = result.issues
      .filter((f) => !allowed.has(key(f)))
      .map((f) => `${key(f)}:${f.location.line} ${f.severity.name} — ${f.description}`);
    expect(unexplained).toEqual([]);
  });

  it('every allow-list entry still matches a finding and says why', () => {
    const found = new Set(result.issues.map(key));
    expect(allowList.entries.map(key).filter((k) => !found.has(k))).toEqual([]);
    for (const entry of allowList.entries) {
      expect(entry.reason.length).toBeGreaterThan(30);
      expect(entry.checkedBy).toMatch(/\.test\.ts › /);
    }
  });
});

describe('the scanner itself', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ow-en-canary-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('finds the classic mistakes in a canary app (so a clean result means something)', async () => {
    await writeFile(
      join(dir, 'main.js'),
      [
        "const { app, BrowserWindow, shell } = require('electron');",
        'app.whenReady().then(() => {',
        '  const win = new BrowserWindow({ webPreferences: { nodeIntegration: true,',
        '    contextIsolation: false, sandbox: false, webSecurity: false } });',
        "  win.loadURL('http://example.com/');",
        '  win.webContents.on("new-window", (e, url) => shell.openExternal(url));',
        '});',
      ].join('\n'),
    );
    const ids = new Set((await scan(dir)).issues.map((f) => f.id));
    for (const id of [
      'HTTP_RESOURCES_JS_CHECK',
      'CONTEXT_ISOLATION_JS_CHECK',
      'SANDBOX_JS_CHECK',
      'WEB_SECURITY_JS_CHECK',
      'OPEN_EXTERNAL_JS_CHECK',
      'LIMIT_NAVIGATION_GLOBAL_CHECK',
      'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK',
    ]) {
      expect(ids).toContain(id);
    }
  }, 60_000);
});
