// 台账 › 取号评价 on one PC: two counselling tickets finished without a case are rated on the
// window's device — A001 非常满意 (believed tapped by the clerk herself), A002 不满意 (办事效率低).
// Both are listed with ticket, business, window, clerk, level, reasons and the hall time; the
// clerk sees no appeal action; the section chief appeals the GOOD one (no follow-up row exists
// for it in 每周督办), the director upholds it; both steps stay on its row, and the figures leave
// it out (the office's bad-rating rate goes from 50.0% to 100.0%). Screenshots in zh-CN and en.
import type { Page } from '@playwright/test';
import { test, expect, shot } from './fixtures';
import { floorDriver } from './floorDriver';
import { addStaff, setUpAndSignIn, STAFF, switchUser } from './session';

async function openDevice(app: Page): Promise<Page> {
  const device = await app.context().newPage();
  await device.setViewportSize({ width: 800, height: 1280 });
  await device.goto(new URL('#/floor/rating/HJ01', app.url()).toString());
  await expect(device.getByTestId('rating-device')).toHaveAttribute('data-screen', 'idle');
  return device;
}

async function openList(app: Page) {
  await app.getByTestId('nav-ledgers').click();
  await app.getByTestId('tab-ticketRatings').click();
  await expect(app.getByTestId('ticket-ratings')).toBeVisible();
}

test('the chief appeals a good ticket rating from 取号评价 and the director upholds it', async ({
  app,
}) => {
  test.setTimeout(300_000);
  await setUpAndSignIn(app);
  const kiosk = await floorDriver(app);
  await kiosk.saveWindows([{ id: 'HJ01', number: 1, businesses: ['counselling'], green: false }]);
  await addStaff(app, ['clerk', 'chief', 'director']);
  const device = await openDevice(app);
  const panel = app.getByTestId('calling-panel');
  const serveOne = async (number: string) => {
    await panel.getByRole('button', { name: '叫下一号' }).click();
    await expect(app.getByTestId('calling-current')).toHaveText(number);
    await panel.getByRole('button', { name: '开始办理' }).click();
    await panel.getByRole('button', { name: '办结' }).click();
    await expect(device.getByTestId('rating-device-ticketNumber')).toHaveText(number);
    await expect(device.getByTestId('rating-device')).toHaveAttribute('data-screen', 'levels');
  };
  await kiosk.issue('counselling');
  await kiosk.issue('counselling');
  await serveOne('A001');
  await device.getByTestId('rating-level-5').click();
  await expect(device.getByTestId('rating-thanks')).toHaveText('感谢您的评价！');
  await serveOne('A002');
  await device.getByTestId('rating-level-2').click();
  await device.getByTestId('rating-reason-slow').click();
  await device.getByTestId('rating-reasons-submit').click();
  await expect(device.getByTestId('rating-thanks')).toContainText('我们将回访您');
  await device.close();

  // The office's bad-rating rate counts both: one bad of two.
  const office = app.getByRole('region', { name: '全局', exact: true }).getByRole('row').nth(1);
  await app.getByTestId('nav-stats').click();
  await expect(office.getByRole('cell').last()).toHaveText('50.0%');

  // The clerk sees the list, newest first, and no appeal action.
  await openList(app);
  const rows = app.getByTestId('ticket-rating-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.getByTestId('ticket-rating-number')).toHaveText(['A002', 'A001']);
  const good = rows.filter({ hasText: 'A001' });
  const bad = rows.filter({ hasText: 'A002' });
  await expect(good.getByTestId('ticket-rating-business')).toHaveText('咨询');
  await expect(good.getByTestId('ticket-rating-window')).toHaveText('1 号窗口');
  await expect(good.getByTestId('ticket-rating-clerk')).toHaveText(STAFF.clerk.name);
  await expect(good.getByTestId('ticket-rating-level')).toHaveText('非常满意');
  await expect(good.getByTestId('ticket-rating-reasons')).toHaveText('无');
  await expect(good.getByTestId('ticket-rating-at')).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  await expect(good.getByTestId('ticket-rating-appeal')).toHaveText('未申诉');
  await expect(bad.getByTestId('ticket-rating-level')).toHaveText('不满意');
  await expect(bad.getByTestId('ticket-rating-reasons')).toHaveText('办事效率低');
  await expect(app.getByTestId('rating-appeal-open')).toHaveCount(0);
  await expect(app.getByTestId('rating-decide-open')).toHaveCount(0);

  // The chief: the good rating has no follow-up row in 每周督办, so it is appealed here.
  await switchUser(app, 'chief');
  await openList(app);
  await expect(app.getByTestId('rating-appeal-open')).toHaveCount(2);
  await good.getByTestId('rating-appeal-open').click();
  await expect(app.getByRole('dialog')).toContainText('对这条评价提出申诉');
  await expect(app.getByRole('dialog')).toContainText('非常满意 · 评价器 ·');
  await app.getByTestId('appeal-submit').click();
  await expect(app.getByTestId('appeal-error')).toHaveText('请写明理由（4至500个字）。');
  await app.getByTestId('appeal-reason').fill('经查看窗口录像，系经办人本人点击评价器');
  await app.getByTestId('appeal-submit').click();
  await expect(app.getByTestId('ticket-ratings-done')).toHaveText('申诉已提交，待局领导裁定。');
  await expect(good.getByTestId('ticket-rating-appeal')).toHaveText(
    new RegExp(
      `^申诉中（${STAFF.chief.name}，\\d{4}-\\d{2}-\\d{2}）：经查看窗口录像，系经办人本人点击评价器$`,
    ),
  );
  await expect(good.getByTestId('rating-appeal-open')).toHaveCount(0);
  await expect(bad.getByTestId('rating-appeal-open')).toHaveCount(1);

  // The director decides: upheld, kept on the row with both steps.
  await switchUser(app, 'director');
  await openList(app);
  await expect(app.getByTestId('rating-appeal-open')).toHaveCount(0);
  await expect(app.getByTestId('rating-decide-open')).toHaveCount(1);
  await good.getByTestId('rating-decide-open').click();
  await app.getByTestId('appeal-reason').fill('录像属实，申诉成立');
  await app.getByTestId('appeal-submit').click();
  await expect(app.getByTestId('appeal-error')).toHaveText('请选择裁定结果。');
  await app.getByTestId('appeal-outcome-upheld').check();
  await app.getByTestId('appeal-submit').click();
  await expect(app.getByTestId('ticket-ratings-done')).toHaveText('申诉已裁定。');
  const appeal = good.getByTestId('ticket-rating-appeal');
  await expect(appeal).toContainText(`已申诉（${STAFF.chief.name}，`);
  await expect(appeal).not.toContainText('申诉中');
  await expect(appeal).toContainText(`申诉成立，不计入统计（${STAFF.director.name}，`);
  await expect(appeal).toContainText('）：录像属实，申诉成立');
  await expect(good.getByTestId('ticket-rating-level')).toHaveText('非常满意');
  await expect(app.getByTestId('rating-decide-open')).toHaveCount(0);
  await shot(app, 'ticket-ratings-zh-CN');

  // Upheld: left out of the figures — only the bad one counts now.
  await app.getByTestId('nav-stats').click();
  await expect(office.getByRole('cell').last()).toHaveText('100.0%');

  // In English.
  await app.getByTestId('nav-settings').click();
  await app.getByTestId('language-en').click();
  await expect(app.locator('html')).toHaveAttribute('lang', 'en');
  await openList(app);
  await expect(app.getByRole('tab', { selected: true })).toHaveText('Ticket ratings');
  await expect(good.getByTestId('ticket-rating-business')).toHaveText('Counselling');
  await expect(good.getByTestId('ticket-rating-level')).toHaveText('Very satisfied');
  await expect(good.getByTestId('ticket-rating-reasons')).toHaveText('None');
  await expect(bad.getByTestId('ticket-rating-appeal')).toHaveText('Not appealed');
  await expect(appeal).toContainText(
    `Appeal upheld, left out of the figures (${STAFF.director.name}, `,
  );
  await shot(app, 'ticket-ratings-en');
});
