// Floor devices are stations (issue 18 item 6): a station enrolled with a real hall server as a
// kiosk, and one as a display, start straight into their page at the next start — no sign-in,
// no case screen — and cannot be sent elsewhere by the address. The kiosk issues through the
// hall's floor store, and the display (another station) sees the ticket wait. Web target only
// (the Electron host speaks to the hall from main); the hall server is spawned by hallHarness.ts
// (embedded PGlite in a temp folder).
import type { Page } from '@playwright/test';
import { watch } from './a11y';
import { test, expect, pickTarget, shot } from './fixtures';
import { closeStations, HallProcess, openStation, type Station } from './hallHarness';

test.skip(pickTarget() !== 'web', 'the browser host speaks to the hall here');

const hall = new HallProcess('ow-floor-devices-');

test.beforeAll(async () => {
  test.setTimeout(240_000);
  await hall.create([
    { code: 'KS01', label: 'KS01', kind: 'kiosk' },
    { code: 'DP01', label: 'DP01', kind: 'display' },
  ]);
  await hall.start();
});

test.afterAll(async () => {
  await hall.close();
});

const opened: Station[] = [];
test.afterEach(async () => {
  await closeStations(opened);
});

/** A fresh station set up as `code` and enrolled with the hall as `kind`, then started again. */
async function device(
  code: 'KS01' | 'DP01',
  kind: string,
  baseURL: string,
  viewport: { width: number; height: number },
): Promise<Page> {
  // The next start after enrolling: straight into the device's page.
  const me = await openStation(hall, code, baseURL, {
    viewport,
    label: code,
    use: kind,
    // A device keeps no events of its own: its frame never says 已同步.
    synced: false,
    restart: true,
  });
  opened.push(me);
  return me.page;
}

test('an enrolled kiosk and display start into their pages, stay there, and share the hall queue', async ({
  baseURL,
}) => {
  test.setTimeout(240_000);
  const kiosk = await device('KS01', '取号机', baseURL!, { width: 1080, height: 1920 });
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

  const display = await device('DP01', '叫号大屏', baseURL!, { width: 1920, height: 1080 });
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

  // The hall cannot be reached: the kiosk says so in large type, with what to do, and takes no
  // number; the display says it is paused. Back online, the retry takes the number.
  hall.cutOff = true;
  await kiosk.getByTestId('kiosk-done').click();
  await kiosk.getByTestId('kiosk-business-counselling').click();
  const problem = kiosk.getByTestId('kiosk-store-failed');
  await expect(problem).toContainText('暂时不能取号');
  await expect(problem).toContainText('排队系统连接不上。请稍等片刻再试，或请大厅引导员帮助。');
  await shot(kiosk, 'floor-kiosk-store-failed-zh-CN');
  await expect(display.getByTestId('display-store-failed')).toHaveText(
    '排队系统连接不上，大屏暂停更新。请检查网络或本机，恢复后自动继续。',
    { timeout: 40_000 },
  );
  await shot(display, 'floor-display-store-failed-zh-CN');
  hall.cutOff = false;
  await problem.getByRole('button', { name: '重试' }).click();
  await expect(kiosk.getByTestId('kiosk-ticket-number')).toHaveText('A001');
  await expect(display.getByTestId('display-store-failed')).toHaveCount(0, { timeout: 40_000 });
  expect(await kioskWatch.finish()).toBe('');
  expect(await displayWatch.finish()).toBe('');
});
