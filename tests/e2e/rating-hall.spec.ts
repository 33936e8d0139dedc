// The rating device across the hall (issue 18 items 4 and 6): a tablet enrolled with a real hall
// server as a station of kind 'rating' (label "HJ01 评价器": it serves window HJ01) starts into
// its page without sign-in and without a window in its address; a counter station HJ01 enrolled
// with the same hall takes a case in, the tablet shows the case number and the matter (nothing
// personal), the applicant taps, and the rating reaches the case on the counter — picked up from
// the hall and recorded there by the device as actor. Web target only; the hall server is
// spawned as in floor-devices.spec.ts (embedded PGlite in a temp folder).
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { watch } from './a11y';
import {
  test,
  expect,
  chromiumArgs,
  chromiumEnv,
  chromiumPath,
  pickTarget,
  shot,
} from './fixtures';
import { acceptOneCase, FLOW_APPLICANT } from './flows';
import { addStaff, fillSetUp, signIn, STAFF, STATION_ADMIN } from './session';

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
  dataDir = mkdtempSync(join(tmpdir(), 'ow-rating-hall-'));
  hallPort = await freePort();
  await hallCli('hall', 'create', '--name', '惠济区服务大厅');
  for (const [code, kind, label] of [
    ['HJ01', 'counter', 'HJ01'],
    ['PJ01', 'rating', 'HJ01 评价器'],
    ['PJ09', 'rating', '评价器'],
  ] as const) {
    const out = await hallCli('station', 'enrol', '--code', code, '--label', label, '--kind', kind);
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

const TABLET = { width: 800, height: 1280 };
const opened: { context: BrowserContext; profile: string }[] = [];
test.afterEach(async () => {
  for (const s of opened.splice(0)) {
    await s.context.close();
    rmSync(s.profile, { recursive: true, force: true });
  }
});

/** A fresh station set up as `code` and enrolled with the hall as `kind`, then started again. */
async function device_(
  code: 'HJ01' | 'PJ01' | 'PJ09',
  kind: string,
  baseURL: string,
  viewport: { width: number; height: number },
  /** 'en': the station's language is set to English before it enrols. */
  language: 'zh-CN' | 'en' = 'zh-CN',
): Promise<Page> {
  const profile = mkdtempSync(join(tmpdir(), `ow-e2e-rating-${code}-`));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    args: chromiumArgs,
    env: chromiumEnv,
    locale: language,
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
  if (language === 'en') {
    await page.getByTestId('language-en').click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  }
  await page.getByTestId('open-hall').click();
  await page.getByTestId('hall-serverUrl').fill(new URL(page.url()).origin);
  await page.getByTestId('hall-label').fill(code);
  await page
    .getByRole('combobox', { name: language === 'en' ? 'What this station is for' : '本机用途' })
    .click();
  await page.getByRole('option', { name: kind }).click();
  await page.getByTestId('hall-code').fill(codes[code]!);
  await page.getByTestId('hall-enrol').click();
  await expect(page.getByTestId('hall-enrolled-message')).toBeVisible({ timeout: 30_000 });
  // The next start: straight into the device's page.
  await page.goto(baseURL);
  return page;
}

test('a counter finishes a case, the enrolled rating device shows it, a tap, the counter’s case shows the rating', async ({
  baseURL,
}) => {
  test.setTimeout(300_000);
  const device = await device_('PJ01', '评价器', baseURL!, TABLET);
  const deviceWatch = watch(device);
  // Straight into its page; the hall says which window it serves.
  await expect(device).toHaveURL(/#\/floor\/rating$/);
  await expect(device.getByTestId('rating-device')).toHaveAttribute('data-screen', 'idle');
  await expect(device.getByTestId('signin-submit')).toHaveCount(0);
  await device.evaluate(() => (window.location.hash = '#/cases'));
  await expect(device).toHaveURL(/#\/floor\/rating$/);
  await shot(device, 'rating-hall-device-idle-zh-CN');

  const counter = await device_('HJ01', '窗口（受理、发证）', baseURL!, {
    width: 1366,
    height: 800,
  });
  await signIn(counter, STATION_ADMIN.username, STATION_ADMIN.password);
  await addStaff(counter, ['clerk']);
  const caseNo = await acceptOneCase(counter);
  await expect(counter.getByTestId('intake-rating-requested')).toHaveText(
    '已请申请人在 HJ01 窗口的评价器上评价。',
  );

  // The tablet (another station, another browser profile) shows it through the hall.
  await expect(device.getByTestId('rating-device')).toHaveAttribute('data-screen', 'levels', {
    timeout: 30_000,
  });
  await expect(device.getByTestId('rating-device-caseNumber')).toHaveText(caseNo);
  await expect(device.getByTestId('rating-device-matter')).toHaveText(
    '建设工程规划许可证核发（建筑类）',
  );
  await expect(device.getByTestId('rating-device-clerk')).toHaveText(STAFF.clerk.name);
  await expect(device.getByTestId('rating-device-window')).toHaveText('HJ01');
  await expect(device.getByTestId('rating-device')).not.toContainText(FLOW_APPLICANT);
  await expect(device.getByTestId('rating-device')).not.toContainText('13812345678');
  await shot(device, 'rating-hall-device-levels-zh-CN');
  // The tablet holds no case: its own database has none.
  expect(
    await device.evaluate(
      () =>
        new Promise<number>((ok) => {
          const open = indexedDB.open('onewindow');
          open.onsuccess = () => {
            const db = open.result;
            if (!db.objectStoreNames.contains('cases')) return ok(0);
            const count = db.transaction('cases').objectStore('cases').count();
            count.onsuccess = () => ok(count.result);
          };
          open.onerror = () => ok(-1);
        }),
    ),
  ).toBe(0);

  await device.getByTestId('rating-level-5').click();
  await expect(device.getByTestId('rating-device')).toHaveAttribute('data-screen', 'thanks');
  await shot(device, 'rating-hall-device-thanks-zh-CN');

  // The counter picks it up from the hall and records it on the case (within its 10 s round).
  await counter.getByRole('button', { name: '打开办件' }).click();
  await expect(counter).toHaveURL(/#\/cases\/case\//);
  const ratings = counter.getByTestId('section-case-ratings');
  await expect(ratings.getByTestId('rating-line')).toHaveText(
    /^非常满意 · 评价器 · \d{4}-\d{2}-\d{2}$/,
    { timeout: 40_000 },
  );
  await expect(ratings).toContainText(`HJ01 窗口 · 经办人 ${STAFF.clerk.name}`);
  await shot(counter, 'rating-hall-counter-case-rated-zh-CN');
  // A window of the enrolled counter PC is no rating device: its requests go to the hall.
  const local = await counter.context().newPage();
  await local.setViewportSize(TABLET);
  await local.goto(new URL('#/floor/rating/HJ01', counter.url()).toString());
  await expect(local.getByTestId('rating-device-nowindow')).toHaveText(
    '本机已登记到大厅，评价请求都发往大厅：评价器须是一台在大厅登记为“评价器”的平板（登记名称以窗口编号开头，例如“HJ01 评价器”），不能在本机窗口中打开。',
  );
  await shot(local, 'rating-hall-counter-window-not-device-zh-CN');
  await local.close();
  await expect(device.getByTestId('rating-device')).toHaveAttribute('data-screen', 'idle', {
    timeout: 10_000,
  });
  expect(await deviceWatch.finish()).toBe('');
});

test('a rating tablet enrolled without its window in the label says so, in its language', async ({
  baseURL,
}) => {
  test.setTimeout(240_000);
  const device = await device_('PJ09', 'Rating device', baseURL!, TABLET, 'en');
  await expect(device).toHaveURL(/#\/floor\/rating$/);
  await expect(device.getByTestId('rating-device-nowindow')).toHaveText(
    'This rating device was enrolled with the hall without its window, so it cannot show ratings. Ask an administrator to enrol it again with the window code first, e.g. --label "HJ01 rating".',
  );
  await shot(device, 'rating-hall-device-unbound-en');
  // An address naming a window changes nothing: the hall binds the device, not the address.
  await device.evaluate(() => (window.location.hash = '#/floor/rating/HJ01'));
  await expect(device).toHaveURL(/#\/floor\/rating\/HJ01$/);
  await expect(device.getByTestId('rating-device-nowindow')).toBeVisible();
  await expect(device.getByTestId('rating-device')).toHaveCount(0);
});
