// The rating device across the hall (issue 18 items 4 and 6): a tablet enrolled with a real hall
// server as a station of kind 'rating' (label "HJ01 评价器": it serves window HJ01) starts into
// its page without sign-in and without a window in its address; a counter station HJ01 enrolled
// with the same hall takes a case in, the tablet shows the case number and the matter (nothing
// personal), the applicant taps, and the rating reaches the case on the counter — picked up from
// the hall and recorded there by the device as actor. Web target only; the hall server is
// spawned by hallHarness.ts (embedded PGlite in a temp folder).
import type { Page } from '@playwright/test';
import { watch } from './a11y';
import { test, expect, pickTarget, shot } from './fixtures';
import { acceptOneCase, FLOW_APPLICANT } from './flows';
import { closeStations, HallProcess, openStation, type Station } from './hallHarness';
import { addStaff, signIn, STAFF, STATION_ADMIN } from './session';

test.skip(pickTarget() !== 'web', 'the browser host speaks to the hall here');

const hall = new HallProcess('ow-rating-hall-');

test.beforeAll(async () => {
  test.setTimeout(240_000);
  await hall.create([
    { code: 'HJ01', kind: 'counter', label: 'HJ01' },
    { code: 'PJ01', kind: 'rating', label: 'HJ01 评价器' },
    { code: 'PJ09', kind: 'rating', label: '评价器' },
  ]);
  await hall.start();
});

test.afterAll(async () => {
  await hall.close();
});

const TABLET = { width: 800, height: 1280 };
const opened: Station[] = [];
test.afterEach(async () => {
  await closeStations(opened);
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
  // The next start after enrolling: straight into the device's page.
  const me = await openStation(hall, code, baseURL, {
    viewport,
    language,
    label: code,
    use: kind,
    // A device keeps no events of its own (its frame never says 已同步); the counter does.
    synced: code === 'HJ01',
    restart: true,
  });
  opened.push(me);
  return me.page;
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
