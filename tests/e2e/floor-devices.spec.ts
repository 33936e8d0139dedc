// Floor devices are stations (issue 18 item 6): a station enrolled with a real hall server as a
// kiosk, and one as a display, start straight into their page at the next start — no sign-in,
// no case screen — and cannot be sent elsewhere by the address. The kiosk issues through the
// hall's floor store, and the display (another station) sees the ticket wait. Web target only
// (the Electron host speaks to the hall from main); the hall server is spawned as in
// hall-stations.spec.ts (embedded PGlite in a temp folder).
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { watch } from './a11y';
import { test, expect, chromiumArgs, chromiumEnv, chromiumPath, pickTarget } from './fixtures';
import { fillSetUp, signIn, STATION_ADMIN } from './session';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');

const freePort = () =>
  new Promise<number>((ok, fail) => {
    const s = createServer();
    s.on('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
  });

test.skip(pickTarget() !== 'web', 'the browser host speaks to the hall here');

let dataDir = '';
let hallPort = 0;
let server: ChildProcess | null = null;
const codes: Record<string, string> = {};

async function hallCli(...args: string[]) {
  const { stdout } = await run('npx', ['tsx', 'server/main.ts', ...args], {
    cwd: root,
    env: { ...process.env, OW_HALL_DATA: dataDir, DATABASE_URL: '' },
    timeout: 120_000,
  });
  return stdout;
}

test.beforeAll(async () => {
  test.setTimeout(240_000);
  dataDir = mkdtempSync(join(tmpdir(), 'ow-floor-devices-'));
  hallPort = await freePort();
  await hallCli('hall', 'create', '--name', '惠济区服务大厅');
  for (const [code, kind] of [
    ['KS01', 'kiosk'],
    ['DP01', 'display'],
  ] as const) {
    const out = await hallCli('station', 'enrol', '--code', code, '--label', code, '--kind', kind);
    codes[code] = /([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})/.exec(out)![1]!;
  }
  server = spawn('npx', ['tsx', 'server/main.ts', 'serve', '--port', String(hallPort)], {
    cwd: root,
    env: { ...process.env, OW_HALL_DATA: dataDir, DATABASE_URL: '' },
    stdio: 'ignore',
    detached: true,
  });
  const end = Date.now() + 120_000;
  for (;;) {
    const ok = await fetch(`http://127.0.0.1:${hallPort}/v1/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > end) throw new Error('the hall server did not start');
    await new Promise((r) => setTimeout(r, 500));
  }
});

test.afterAll(async () => {
  if (server?.pid) {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  rmSync(dataDir, { recursive: true, force: true });
});

const opened: { context: BrowserContext; profile: string }[] = [];
test.afterEach(async () => {
  for (const s of opened.splice(0)) {
    await s.context.close();
    rmSync(s.profile, { recursive: true, force: true });
  }
});

/** A fresh station set up as `code` and enrolled with the hall as `kind`, then started again. */
async function device(
  code: 'KS01' | 'DP01',
  kind: string,
  baseURL: string,
  viewport: { width: number; height: number },
): Promise<Page> {
  const profile = mkdtempSync(join(tmpdir(), `ow-e2e-${code}-`));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    args: chromiumArgs,
    env: chromiumEnv,
    locale: 'zh-CN',
    viewport,
  });
  opened.push({ context, profile });
  const page = context.pages()[0] ?? (await context.newPage());
  // The page's CSP allows its own origin only: /v1/* goes on to the hall server.
  await page.route('**/v1/**', async (route) => {
    const url = new URL(route.request().url());
    try {
      const response = await route.fetch({
        url: `http://127.0.0.1:${hallPort}${url.pathname}${url.search}`,
        timeout: 40_000,
      });
      await route.fulfill({ response });
    } catch {
      await route.abort('connectionrefused').catch(() => undefined);
    }
  });
  await page.goto(baseURL);
  await fillSetUp(page);
  await page.getByTestId('setup-stationCode').fill(code);
  await page.getByTestId('setup-submit').click();
  await signIn(page, STATION_ADMIN.username, STATION_ADMIN.password);
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('open-hall').click();
  await page.getByTestId('hall-serverUrl').fill(new URL(page.url()).origin);
  await page.getByTestId('hall-label').fill(code);
  await page.getByRole('combobox', { name: '本机用途' }).click();
  await page.getByRole('option', { name: kind }).click();
  await page.getByTestId('hall-code').fill(codes[code]!);
  await page.getByTestId('hall-enrol').click();
  await expect(page.getByTestId('hall-enrolled-message')).toBeVisible({ timeout: 30_000 });
  // The next start: straight into the device's page.
  await page.goto(baseURL);
  return page;
}

test('an enrolled kiosk and display start into their pages, stay there, and share the hall queue', async ({
  baseURL,
}) => {
  test.setTimeout(240_000);
  const kiosk = await device('KS01', '自助机', baseURL!, { width: 1080, height: 1920 });
  const kioskWatch = watch(kiosk);
  await expect(kiosk).toHaveURL(/#\/floor\/kiosk$/);
  await expect(kiosk.getByRole('heading', { level: 1 })).toHaveText('取号');
  await expect(kiosk.getByTestId('signin-submit')).toHaveCount(0);
  await expect(kiosk.getByRole('navigation')).toHaveCount(0);
  // An address typed in does not leave the page: it is put back, and no case screen shows.
  await kiosk.evaluate(() => (window.location.hash = '#/cases'));
  await expect(kiosk).toHaveURL(/#\/floor\/kiosk$/);
  await kiosk.evaluate(() => (window.location.hash = '#/floor/display'));
  await expect(kiosk).toHaveURL(/#\/floor\/kiosk$/);
  await expect(kiosk.getByTestId('kiosk')).toBeVisible();
  await kiosk.reload();
  await expect(kiosk.getByRole('heading', { level: 1 })).toHaveText('取号');

  // A ticket through the hall's floor store.
  await kiosk.getByTestId('kiosk-business-collection').click();
  await expect(kiosk.getByTestId('kiosk-ticket-number')).toHaveText('E001');
  await expect(kiosk.getByTestId('kiosk-ticket-business')).toHaveText('领证');

  const display = await device('DP01', '大厅显示屏', baseURL!, { width: 1920, height: 1080 });
  const displayWatch = watch(display);
  await expect(display).toHaveURL(/#\/floor\/display$/);
  await expect(display.getByRole('heading', { level: 1 })).toHaveText('叫号大屏');
  await expect(display.getByTestId('display-waiting-collection')).toHaveText('1 人');
  await display.evaluate(() => (window.location.hash = '#/settings'));
  await expect(display).toHaveURL(/#\/floor\/display$/);
  await expect(display.getByTestId('display')).toBeVisible();

  // A second ticket at the kiosk reaches the display through the hall's watch.
  await kiosk.getByTestId('kiosk-done').click();
  await kiosk.getByTestId('kiosk-business-collection').click();
  await expect(kiosk.getByTestId('kiosk-ticket-number')).toHaveText('E002');
  await expect(display.getByTestId('display-waiting-collection')).toHaveText('2 人', {
    timeout: 30_000,
  });
  expect(await kioskWatch.finish()).toBe('');
  expect(await displayWatch.finish()).toBe('');
});
