// The frame: opens in Chinese, every area reachable by mouse and keyboard, language remembered.
import { test, expect, shot } from './fixtures';
import { setUpAndSignIn, signIn, STATION_ADMIN } from './session';

test.beforeEach(async ({ app }) => {
  await setUpAndSignIn(app);
});

const areas = [
  ['counselling', '辅导', 'Counselling'],
  ['intake', '受理', 'Intake'],
  ['cases', '办件查询', 'Case desk'],
  ['approval', '审批', 'Approval'],
  ['issuance', '发证', 'Issuance'],
  ['ledgers', '台账', 'Ledgers'],
  ['stats', '统计', 'Statistics'],
  ['settings', '设置', 'Settings'],
] as const;

test('opens in Chinese with the navigation of the counter flow', async ({ app }) => {
  await expect(app.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(app.getByText('一窗通', { exact: true })).toBeVisible();
  const nav = app.getByRole('navigation', { name: '功能导航' });
  for (const [, zh] of areas) {
    await expect(nav.getByText(zh, { exact: true })).toBeVisible();
  }
  await shot(app, 'frame-zh-CN');
});

test('every area is reachable by mouse', async ({ app }) => {
  for (const [key, zh] of areas) {
    await app.getByTestId(`nav-${key}`).click();
    await expect(app.getByRole('heading', { level: 1, name: zh })).toBeVisible();
    await expect(app.getByTestId(`nav-${key}`)).toHaveAttribute('aria-current', 'page');
    await shot(app, `area-${key}-zh-CN`);
  }
});

test('every area is reachable by keyboard: Alt+number, and Tab + Enter', async ({ app }) => {
  for (const [i, [key, zh]] of areas.entries()) {
    await app.keyboard.press(`Alt+${i + 1}`);
    await expect(app.getByRole('heading', { level: 1, name: zh })).toBeVisible();
    await expect(app.getByTestId(`nav-${key}`)).toHaveAttribute('aria-current', 'page');
  }
  // Tab from the start of the page until the 受理 item has focus, then Enter.
  await app.keyboard.press('Alt+1');
  let reached = false;
  for (let n = 0; n < 20 && !reached; n++) {
    await app.keyboard.press('Tab');
    reached = await app.getByTestId('nav-intake').evaluate((el) => el === document.activeElement);
  }
  expect(reached).toBe(true);
  await app.keyboard.press('Enter');
  await expect(app.getByRole('heading', { level: 1, name: '受理' })).toBeVisible();
  // F1 lists the shortcuts.
  await app.keyboard.press('F1');
  await expect(app.getByRole('dialog', { name: '键盘快捷键' })).toBeVisible();
  await shot(app, 'shortcuts-zh-CN');
  await app.keyboard.press('Escape');
  await expect(app.getByRole('dialog')).toBeHidden();
});

test('every area opens to its screen or to an honest empty state, never to sample data', async ({
  app,
}) => {
  for (const [key, zh] of areas) {
    await app.getByTestId(`nav-${key}`).click();
    await expect(app.getByRole('heading', { level: 1 }).first()).toBeVisible();
    const empty = app.getByTestId(`empty-${key}`);
    if ((await empty.count()) > 0) {
      // Not built: it says so, names the area, and shows no table of made-up rows.
      await expect(empty).toContainText(`「${zh}」尚未建成`);
      await expect(app.getByRole('table')).toHaveCount(0);
    }
  }
});

test('English is complete, and the choice survives a reload; back to Chinese too', async ({
  app,
  reopen,
}) => {
  await app.getByTestId('nav-settings').click();
  await app.getByTestId('language-en').click();
  await expect(app.getByRole('status')).toContainText('Settings saved.');
  await expect(app.locator('html')).toHaveAttribute('lang', 'en');
  const page = await reopen();
  // A reload ends the session: sign in again (the language is remembered on the sign-in screen).
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await signIn(page, STATION_ADMIN.username, STATION_ADMIN.password);
  await page.getByTestId('nav-settings').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Areas' });
  for (const [key, , en] of areas) {
    await expect(nav.getByText(en, { exact: true })).toBeVisible();
    // No Chinese may be left in the English navigation.
    await expect(page.getByTestId(`nav-${key}`)).not.toContainText(/[\u4e00-\u9fff]/);
  }
  await shot(page, 'settings-en');
  for (const [key] of areas) {
    await page.getByTestId(`nav-${key}`).click();
    await shot(page, `area-${key}-en`);
  }
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('language-zh-CN').click();
  await expect(page.getByRole('status')).toContainText('设置已保存');
  const again = await reopen();
  await signIn(again, STATION_ADMIN.username, STATION_ADMIN.password);
  await again.getByTestId('nav-settings').click();
  await expect(again.getByRole('heading', { level: 1, name: '设置' })).toBeVisible();
  await shot(again, 'settings-zh-CN');
});
