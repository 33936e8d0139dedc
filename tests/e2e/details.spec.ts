// The counter's small things (issue 14 item 11): F1 lists every shortcut, a new intake over a
// draft asks in an app dialog (no browser confirm()), the favicon loads, the 授权委托书 reads as
// required once an agent acts, and no requirement chip is cut short — in Chinese and English.
import type { Page } from '@playwright/test';
import { test, expect, shot } from './fixtures';
import { setUpWithStaff, signIn, STAFF, STATION_ADMIN } from './session';

async function counsellingWithAgent(page: Page) {
  await page.getByTestId('matter-search').fill('GCGH-JZ');
  await page.getByTestId('matter-GCGH-JZ').click();
  await page.getByTestId('answer-agent-yes').click();
}

/** Chip labels in the checklist that do not show their whole text. */
const cutChips = (page: Page) =>
  page
    .locator('[data-testid^="material-"] .MuiChip-label')
    .evaluateAll((labels) =>
      labels.filter((l) => l.scrollWidth > l.clientWidth).map((l) => l.textContent),
    );

test('F1 lists every shortcut; the favicon loads; a new intake asks in an app dialog', async ({
  app,
  baseURL,
}) => {
  const failed: string[] = [];
  app.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
  });
  await setUpWithStaff(app, ['clerk']);
  // A fresh load (the sign-in screen after it) asks for nothing that is not there.
  await app.reload();
  await expect(app.getByTestId('signin-submit')).toBeVisible({ timeout: 20_000 });
  await signIn(app, STAFF.clerk.username, STAFF.clerk.password);
  expect(await app.locator('link[rel="icon"]').getAttribute('href')).toBe('./favicon.png');
  const icon = await app.request.get(new URL('favicon.png', baseURL).toString());
  expect([icon.status(), icon.headers()['content-type']]).toEqual([200, 'image/png']);
  expect(failed).toEqual([]);

  await app.keyboard.press('F1');
  const help = app.getByRole('dialog', { name: '键盘快捷键' });
  const row = (id: string) => help.locator(`[data-shortcut="${id}"]`);
  await expect(row('search')).toContainText('F3 / Ctrl+F');
  await expect(row('save')).toContainText('Ctrl+S保存并打印一次性告知单');
  await expect(row('submit')).toContainText('Ctrl+Enter在审批意见框中：通过并送下一环节');
  await expect(row('area-cases')).toContainText('Alt+3办件查询');
  await expect(row('callNext')).toContainText('Alt+N呼叫下一位');
  await expect(help.locator('[data-shortcut]')).toHaveCount(20 + 8);
  await shot(app, 'shortcuts-all-zh-CN');
  await app.keyboard.press('Escape');

  // A draft with something typed: 新建受理 asks first, in the app's own dialog.
  let nativeDialog = false;
  app.on('dialog', (d) => {
    nativeDialog = true;
    void d.dismiss();
  });
  await app.keyboard.press('Alt+2');
  await app.getByTestId('intake-applicantName').fill('郑州宏达置业有限公司');
  await app.getByTestId('intake-new').click();
  const ask = app.getByTestId('intake-new-dialog');
  await expect(ask.getByRole('dialog', { name: '新建受理' })).toContainText(
    '清空当前草稿并新建？已填写的内容将丢失。',
  );
  await shot(app, 'intake-new-confirm-zh-CN');
  await ask.getByTestId('intake-new-dialog-cancel').click();
  await expect(app.getByTestId('intake-applicantName')).toHaveValue('郑州宏达置业有限公司');
  await app.getByTestId('intake-new').click();
  await app.getByTestId('intake-new-dialog-confirm').click();
  await expect(app.getByTestId('intake-applicantName')).toHaveValue('');
  expect(nativeDialog).toBe(false);

  await app.getByTestId('nav-settings').click();
  await app.getByTestId('language-en').click();
  await app.keyboard.press('F1');
  const helpEn = app.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(helpEn.locator('[data-shortcut="save"]')).toContainText(
    'Ctrl+SSave and print the one-time notification',
  );
  await shot(app, 'shortcuts-all-en');
});

test('the power of attorney is required once an agent acts; no chip is cut short', async ({
  app,
}) => {
  await setUpWithStaff(app, ['clerk']);
  await counsellingWithAgent(app);
  const checklist = app.getByTestId('checklist-GCGH-JZ');
  await expect(checklist.getByTestId('requirement-powerOfAttorney')).toHaveText('必交');
  await expect(checklist.getByTestId('requirement-agentId')).toHaveText('必交');
  expect(await cutChips(app)).toEqual([]);

  await app.getByTestId('nav-settings').click();
  await app.getByTestId('language-en').click();
  await app.getByTestId('nav-counselling').click();
  await expect(checklist.getByTestId('requirement-powerOfAttorney')).toHaveText('Required');
  expect(await cutChips(app)).toEqual([]);
  await shot(app, 'counselling-agent-required-en');

  // The intake's checklist: the agent box makes it required there too, and no chip is cut.
  await app.keyboard.press('Alt+2');
  await app.getByRole('combobox', { name: 'Matter' }).click();
  await app.getByTestId('matter-GCGH-JZ').click();
  await app.getByRole('checkbox', { name: 'An agent applies (power of attorney needed)' }).check();
  await expect(app.getByTestId('requirement-powerOfAttorney')).toHaveText('Required');
  expect(await cutChips(app)).toEqual([]);
  await shot(app, 'intake-agent-required-en');
});

test('the idle-lock minutes are the administrator’s setting, and the lock follows them', async ({
  app,
}) => {
  await app.clock.install();
  await setUpWithStaff(app, ['clerk']);
  // setUpWithStaff leaves the clerk signed in: the clerk reads the setting, cannot change it.
  await app.getByTestId('nav-settings').click();
  await expect(app.getByTestId('idle-lock-readonly')).toHaveText(
    '无操作 5 分钟后屏幕自动锁定（由系统管理员设置）。',
  );
  await expect(app.getByTestId('idle-lock-minutes')).toHaveCount(0);
  await shot(app, 'settings-idle-lock-clerk-zh-CN');

  await app.getByTestId('user-menu').click();
  await app.getByTestId('menu-signout').click();
  await signIn(app, STATION_ADMIN.username, STATION_ADMIN.password);
  await app.getByTestId('nav-settings').click();
  const minutes = app.getByTestId('idle-lock-minutes');
  await expect(minutes).toHaveValue('5');
  await minutes.fill('0');
  await app.getByTestId('idle-lock-save').click();
  await expect(app.getByTestId('idle-lock-status')).toHaveText(
    '请填写 1–120 之间的整数分钟数，未做任何更改。',
  );
  await minutes.fill('2');
  await app.getByTestId('idle-lock-save').click();
  await expect(app.getByTestId('idle-lock-status')).toHaveText('已保存：无操作 2 分钟后锁屏。');
  await shot(app, 'settings-idle-lock-zh-CN');
  await app
    .getByRole('region', { name: '屏幕锁定' })
    .screenshot({ path: 'test-results/screens/settings-idle-lock-section-zh-CN.png' });

  // Two minutes, not the five of before.
  await app.clock.fastForward('01:50');
  await expect(app.getByTestId('lock-overlay')).toHaveCount(0);
  await app.clock.fastForward('00:20');
  await expect(app.getByTestId('lock-overlay')).toBeVisible();
  await app.getByTestId('lock-password').fill(STATION_ADMIN.password);
  await app.getByTestId('lock-unlock').click();
  await expect(app.getByTestId('lock-overlay')).toHaveCount(0);

  await app.getByTestId('language-en').click();
  await expect(app.getByRole('region', { name: 'Screen lock' })).toContainText(
    'A whole number from 1 to 120',
  );
  await shot(app, 'settings-idle-lock-en');
  await app
    .getByRole('region', { name: 'Screen lock' })
    .screenshot({ path: 'test-results/screens/settings-idle-lock-section-en.png' });
});

test('a complaint names who handles it; that person, not the clerk, is on the supervision item', async ({
  app,
}) => {
  await setUpWithStaff(app, ['clerk']);
  await app.getByTestId('nav-ledgers').click();
  await app.getByTestId('tab-complaints').click();
  await app.getByRole('button', { name: '登记投诉或来信' }).click();
  const form = app.getByTestId('complaint-form');
  await form.locator('[data-field="complainant"]').fill('李先生');
  await form.locator('[data-field="content"]').fill('窗口排队时间长');
  await app.getByTestId('complaint-form-save').click();
  await expect(form.getByRole('alert')).toHaveText('以下内容需要补充或更正：责任人。');
  await shot(app, 'ledgers-complaint-responsible-zh-CN');
  await form.locator('[data-field="responsible"]').fill('周科长');
  await form.locator('[data-field="department"]').fill('政务服务科');
  await app.getByTestId('complaint-form-save').click();
  await expect(form).toBeHidden();
  await app.getByTestId('tab-supervision').click();
  const item = app.getByTestId('supervision');
  await expect(item).toContainText('周科长');
  await expect(item).not.toContainText('李窗口');
});
