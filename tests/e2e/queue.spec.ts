// 叫号 (issue 18): the administrator sets up two windows in 设置 › 大厅叫号; three tickets (one
// green channel) are issued through the real local FloorPort (floorDriver.ts, the kiosk's store);
// two windows — two browser pages of one origin, one IndexedDB — call them in the right order
// (green first, then by issue time, never one ticket twice); a no-show is skipped only after the
// set number of calls; the ticket served for a case carries its waiting and serving time on the
// case's timeline and facts. The calling panel is looked at in zh-CN and en.
import type { Page } from '@playwright/test';
import { test, expect, shot } from './fixtures';
import { floorDriver } from './floorDriver';
import { takeInCase } from './flows';
import { setUpAndSignIn, signIn, STATION_ADMIN, switchUser } from './session';

async function addWindow(page: Page, i: number, id: string, business: string, green = false) {
  await page.getByRole('button', { name: '添加窗口' }).click();
  const row = page.getByTestId(`floor-window-${i}`);
  await page.getByTestId(`floor-window-id-${i}`).fill(id);
  await page.getByTestId(`floor-window-number-${i}`).fill(String(i + 1));
  await row.getByLabel(business).check();
  if (green) await row.getByLabel('绿色通道窗口').check();
}

const panel = (page: Page) => page.getByTestId('calling-panel');
const current = (page: Page) => page.getByTestId('calling-current');
const note = (page: Page) => page.getByTestId('calling-note');

test('two windows call the tickets in order, a no-show is skipped after two calls, and the served ticket’s times are on its case', async ({
  app,
}) => {
  test.setTimeout(180_000);
  // The administrator sets up the floor: window 1 is this station (HJ01), window 2 another.
  await setUpAndSignIn(app);
  await app.getByTestId('nav-settings').click();
  await app.getByTestId('floor-max-calls').fill('0');
  await addWindow(app, 0, 'HJ01', '咨询');
  await addWindow(app, 1, 'HJ02', '咨询');
  await app.getByTestId('floor-settings-save').click();
  await expect(app.getByRole('status').filter({ hasText: '呼叫次数' })).toHaveText(
    '呼叫次数须为 1 至 9 的整数。',
  );
  await app.getByTestId('floor-max-calls').fill('2');
  await app.getByTestId('floor-window-id-1').fill('HJ01');
  await app.getByTestId('floor-settings-save').click();
  await expect(app.getByRole('status').filter({ hasText: '重复' })).toHaveText(
    '工位代码 HJ01 重复。',
  );
  await app.getByTestId('floor-window-id-1').fill('HJ02');
  await app.getByTestId('floor-settings-save').click();
  await expect(app.getByRole('status').filter({ hasText: '已保存' })).toHaveText(
    '大厅叫号设置已保存。',
  );
  await expect(panel(app)).toBeVisible();

  // Three tickets from the kiosk's store: two ordinary, then one green channel.
  const kiosk = await floorDriver(app);
  const a1 = await kiosk.issue('counselling');
  const a2 = await kiosk.issue('counselling');
  const a3 = await kiosk.issue('counselling', true);
  expect([a1.number, a2.number, a3.number]).toEqual(['A001', 'A002', 'A003']);
  await expect(app.getByTestId('calling-waiting')).toHaveText('本窗口业务等候 3 人');

  // Window 1 on this page, window 2 in a second page of the same origin (its own choice).
  await app.getByTestId('user-menu').click();
  await app.getByTestId('menu-users').click();
  await addClerk(app);
  const two = await app.context().newPage();
  await two.goto(app.url().split('#')[0]!);
  await signIn(two, STATION_ADMIN.username, STATION_ADMIN.password);
  await expect(panel(two)).toBeVisible();
  await two.getByRole('combobox', { name: '本页窗口' }).click();
  await two.getByRole('option', { name: '2 号窗口' }).click();
  await expect(panel(two)).toContainText('2 号窗口');

  // Both call at once: the green ticket goes first, the other window gets the earliest; never one twice.
  await Promise.all([
    app.getByRole('button', { name: '叫下一号' }).click(),
    two.getByRole('button', { name: '叫下一号' }).click(),
  ]);
  await expect(current(app)).not.toHaveText('当前无号');
  await expect(current(two)).not.toHaveText('当前无号');
  const called = [await current(app).textContent(), await current(two).textContent()].sort();
  expect(called).toEqual(['A001', 'A003']);
  const greenPage = (await current(app).textContent()) === 'A003' ? app : two;
  const otherPage = greenPage === app ? two : app;
  await expect(panel(greenPage).getByText('绿色通道')).toBeVisible();
  await expect(panel(otherPage)).toContainText('本窗口业务等候 1 人');

  // A001 does not come: "no-show" only after two calls.
  const skip = panel(otherPage).getByRole('button', { name: '过号' });
  await expect(skip).toBeDisabled();
  await expect(panel(otherPage)).toContainText('呼叫满 2 次后方可过号');
  await panel(otherPage).getByRole('button', { name: '重呼' }).click();
  await expect(otherPage.getByTestId('calling-status')).toHaveText('已叫号（第 2 次）');
  await expect(skip).toBeEnabled();
  await skip.click();
  await expect(note(otherPage)).toHaveText('A001 已过号');
  await panel(otherPage).getByRole('button', { name: '叫下一号' }).click();
  await expect(current(otherPage)).toHaveText('A002');
  await expect(panel(otherPage)).toContainText('本窗口业务等候 0 人');

  // The clerk's window: a case for the applicant of the ticket at the counter.
  // (The two pages split the two tickets by a race: whichever took A003 serves it for its case.)
  await panel(greenPage).getByRole('button', { name: '开始办理' }).click();
  await expect(greenPage.getByTestId('calling-status')).toHaveText('办理中');
  await switchUser(greenPage, 'clerk');
  await expect(current(greenPage)).toHaveText('A003');
  const { caseNo, caseId } = await takeInCase(greenPage);
  // Taken in at this window while A003 is at the counter: the ticket is linked to the new case
  // by itself (关联本案件 stays for a case opened from the search).
  await expect(greenPage.getByTestId('calling-linked')).toHaveText(`关联案件：${caseNo}`);
  await expect(panel(greenPage).getByRole('button', { name: '关联本案件' })).toHaveCount(0);
  await shot(greenPage, 'queue-panel-serving-zh');
  await panel(greenPage).screenshot({
    path: 'test-results/screens/queue-panel-serving-zh-panel.png',
  });
  await panel(greenPage).getByRole('button', { name: '办结' }).click();
  await expect(note(greenPage)).toHaveText(`等候与办理时间已记入案件 ${caseNo}`);
  await expect(current(greenPage)).toHaveText('当前无号');

  // The case carries the ticket: number, window, waiting and serving time.
  await greenPage.goto(
    `${greenPage.url().split('#')[0]}#/cases/case/${encodeURIComponent(caseId)}`,
  );
  const line = /A003 · HJ0[12] 窗口 · 等候 \d+ (秒|分 \d+ 秒) · 办理 \d+ (秒|分 \d+ 秒)/;
  await expect(greenPage.getByText('取号办理')).toBeVisible();
  await expect(greenPage.getByText(line).first()).toBeVisible();
  await shot(greenPage, 'queue-case-ticket-zh');

  // The other window finishes its ticket without a case (the window's rating device is asked for
  // the ticket's own rating: rating.spec.ts); nothing is left waiting.
  await panel(otherPage).getByRole('button', { name: '开始办理' }).click();
  await panel(otherPage).getByRole('button', { name: '办结' }).click();
  await expect(note(otherPage)).toHaveText(
    /^A002 已办结，已请申请人在 HJ0[12] 窗口的评价器上评价$/,
  );
  await panel(otherPage).getByRole('button', { name: '叫下一号' }).click();
  await expect(note(otherPage)).toHaveText('没有等候的号。');
  await shot(otherPage, 'queue-panel-zh');

  // The month's figures on the statistics screen, beside the efficiency tables.
  await otherPage.getByTestId('nav-stats').click();
  const byBusiness = otherPage.getByRole('region', { name: '排队 · 按业务类型' });
  await expect(byBusiness.getByRole('row').nth(1).getByRole('cell').nth(0)).toHaveText('咨询');
  const counts = byBusiness.getByRole('row').nth(1).getByRole('cell');
  await expect(counts.nth(1)).toHaveText('3'); // issued
  await expect(counts.nth(2)).toHaveText('2'); // served
  await expect(counts.nth(3)).toHaveText('1'); // no-show
  const byWindow = otherPage.getByRole('region', { name: '排队 · 按窗口' });
  await expect(byWindow.getByRole('row')).toHaveCount(3);
  await byBusiness.screenshot({ path: 'test-results/screens/queue-stats-zh.png' });

  // In English.
  await otherPage.getByTestId('nav-settings').click();
  await otherPage.getByTestId('language-en').click();
  await expect(otherPage.locator('html')).toHaveAttribute('lang', 'en');
  await expect(panel(otherPage)).toContainText('0 waiting for this window');
  await expect(panel(otherPage).getByRole('button', { name: 'Call next' })).toBeVisible();
  await shot(otherPage, 'queue-panel-en');
  await otherPage.evaluate(() => window.scrollTo(0, 0));
  await expect(note(otherPage)).toHaveText('Nobody is waiting.');
  await panel(otherPage).screenshot({ path: 'test-results/screens/queue-panel-en-panel.png' });
  await otherPage
    .getByRole('region', { name: 'Hall queue' })
    .screenshot({ path: 'test-results/screens/queue-settings-en.png' });
  await otherPage.getByTestId('language-zh-CN').click();
  await two.close();
});

/** The administrator's users page is open: adds the clerk the case is taken in by. */
async function addClerk(page: Page) {
  await page.getByTestId('newuser-username').fill('li.clerk');
  await page.getByTestId('newuser-name').fill('李窗口');
  await page.getByRole('combobox', { name: '角色' }).first().click();
  await page.getByRole('option', { name: '窗口受理员', exact: true }).click();
  await page.getByTestId('newuser-password').fill('clerk-pass-1');
  await page.getByTestId('newuser-password2').fill('clerk-pass-1');
  await page.getByTestId('newuser-submit').click();
  await expect(page.getByTestId('user-row-li.clerk')).toContainText('窗口受理员');
  await page.getByTestId('admin-close').click();
}
