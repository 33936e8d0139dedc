// First-run set-up, sign-in, lockout after five wrong passwords, the idle lock that keeps an
// open form, and user administration — through the real screens, in Chinese and in English.
import type { Page } from '@playwright/test';
import { test, expect, shot } from './fixtures';

const ADMIN = { username: 'admin', name: '王管理', password: 'counter-2026' };

/** Sets a setting before the app reads it (the browser host keeps settings in localStorage). */
async function withSettings(page: Page, patch: Record<string, unknown>) {
  await page.evaluate((p) => {
    const raw = localStorage.getItem('onewindow.settings');
    localStorage.setItem(
      'onewindow.settings',
      JSON.stringify({ ...(raw ? JSON.parse(raw) : {}), ...p }),
    );
  }, patch);
  await page.reload();
}

async function setUp(page: Page, name?: string) {
  await expect(page.getByTestId('setup-submit')).toBeVisible();
  await page.getByTestId('setup-officeName').fill('郑州市惠济区自然资源和规划局');
  await page.getByTestId('setup-officeShortName').fill('惠济资规');
  await page.getByTestId('setup-divisionCode').fill('410108');
  // Typed in lower case: the field upper-cases it.
  await page.getByTestId('setup-stationCode').fill('hj01');
  await expect(page.getByTestId('setup-stationCode')).toHaveValue('HJ01');
  await page.getByTestId('setup-username').fill(ADMIN.username);
  await page.getByTestId('setup-name').fill(ADMIN.name);
  await page.getByTestId('setup-password').fill(ADMIN.password);
  await page.getByTestId('setup-password2').fill(ADMIN.password);
  if (name) await shot(page, name);
  await page.getByTestId('setup-submit').click();
  await expect(page.getByTestId('signin-submit')).toBeVisible({ timeout: 20_000 });
}

async function signIn(page: Page, username: string, password: string) {
  await page.getByTestId('signin-username').fill(username);
  await page.getByTestId('signin-password').fill(password);
  await page.getByTestId('signin-submit').click();
}

test('first-run set-up, sign-in, and five wrong passwords lock the account', async ({ app }) => {
  // Wrong fields are named before anything is saved.
  await app.getByTestId('setup-divisionCode').fill('41010');
  await app.getByTestId('setup-submit').click();
  await expect(app.getByText('行政区划代码应为 6 位数字。')).toBeVisible();
  await app.getByTestId('setup-divisionCode').fill('');
  await shot(app, 'auth-setup-errors-zh-CN');

  await setUp(app, 'auth-setup-zh-CN');
  await expect(app.getByText('设置已完成')).toBeVisible();
  await expect(app.getByTestId('signin-username')).toHaveValue('admin');
  await expect(app.getByTestId('signin-station')).toContainText('HJ01');
  await shot(app, 'auth-signin-zh-CN');

  for (let i = 1; i <= 4; i++) {
    await signIn(app, 'admin', `wrong-${i}`);
    await expect(app.getByTestId('signin-error')).toContainText(
      i >= 3 ? `再错 ${5 - i} 次` : '登录名或密码不正确',
    );
  }
  await signIn(app, 'admin', 'wrong-5');
  await expect(app.getByTestId('signin-error')).toContainText('账户已锁定，请 15 分钟后');
  // Locked: even the right password is refused now.
  await signIn(app, 'admin', ADMIN.password);
  await expect(app.getByTestId('signin-error')).toContainText('账户已锁定');
  await expect(app.getByRole('navigation')).toHaveCount(0);
  await shot(app, 'auth-locked-zh-CN');
});

test('signs in, and the same screens read in English', async ({ app }) => {
  await withSettings(app, { language: 'en' });
  await expect(app.getByRole('heading', { name: 'First-run set-up' })).toBeVisible();
  await setUp(app, 'auth-setup-en');
  await signIn(app, 'admin', 'not the password');
  await expect(app.getByTestId('signin-error')).toHaveText('Wrong username or password.');
  await shot(app, 'auth-signin-error-en');
  await signIn(app, 'admin', ADMIN.password);
  await expect(app.getByRole('navigation', { name: 'Areas' })).toBeVisible({ timeout: 20_000 });
  await expect(app.getByTestId('user-menu')).toContainText('Administrator');
  await app.getByTestId('user-menu').click();
  await shot(app, 'auth-usermenu-en');
  // No Chinese may be left in the English auth screens (the office name is data, not UI).
  await expect(app.getByRole('menu')).not.toContainText(/[\u4e00-\u9fff]/);
  await app.getByTestId('menu-users').click();
  await expect(app.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
  await shot(app, 'admin-users-en');
  await app.getByTestId('admin-close').click();
  await app.getByTestId('user-menu').click();
  await app.getByTestId('menu-backups').click();
  await expect(app.getByTestId('backup-row')).toHaveCount(1);
  await shot(app, 'admin-backups-en');
  await app.getByTestId('admin-close').click();
  await app.getByTestId('user-menu').click();
  await app.getByTestId('menu-lock').click();
  await expect(app.getByRole('heading', { name: 'Screen locked' })).toBeVisible();
  await shot(app, 'auth-lock-en');
});

test('the idle lock covers the app, keeps a typed value, and blocks shortcuts', async ({ app }) => {
  await app.clock.install();
  await withSettings(app, { idleLockMinutes: 1 });
  await setUp(app);
  await signIn(app, 'admin', ADMIN.password);
  await app.getByTestId('user-menu').click();
  await app.getByTestId('menu-users').click();
  // Half-typed work in an open form.
  await app.getByTestId('newuser-username').fill('zhao.reviewer');
  await app.getByTestId('newuser-name').fill('赵审查');

  await app.clock.fastForward('00:30');
  await expect(app.getByTestId('lock-overlay')).toHaveCount(0);
  await app.clock.fastForward('00:35');
  await expect(app.getByRole('heading', { name: '屏幕已锁定' })).toBeVisible();
  // The form underneath is still mounted, and the app's shortcuts do nothing while locked.
  await expect(app.getByTestId('newuser-name')).toHaveValue('赵审查');
  await app.keyboard.press('Alt+3');
  await app.keyboard.press('F1');
  await expect(app.getByRole('dialog', { name: '键盘快捷键' })).toHaveCount(0);
  await shot(app, 'auth-idle-lock-zh-CN');

  await app.getByTestId('lock-password').fill('wrong password');
  await app.getByTestId('lock-unlock').click();
  await expect(app.getByTestId('lock-error')).toContainText('不正确');
  await app.getByTestId('lock-password').fill(ADMIN.password);
  await app.getByTestId('lock-unlock').click();
  await expect(app.getByTestId('lock-overlay')).toHaveCount(0);
  await expect(app.getByTestId('newuser-username')).toHaveValue('zhao.reviewer');
  await expect(app.getByTestId('newuser-name')).toHaveValue('赵审查');
  // Alt+3 pressed while locked did not move the app to another area.
  await app.getByTestId('admin-close').click();
  await expect(app.getByTestId('nav-counselling')).toHaveAttribute('aria-current', 'page');
});

test('an administrator creates a clerk, who cannot administer users', async ({ app }) => {
  await setUp(app);
  await signIn(app, 'admin', ADMIN.password);
  await app.getByTestId('user-menu').click();
  await app.getByTestId('menu-users').click();
  await app.getByTestId('newuser-username').fill('li.clerk');
  await app.getByTestId('newuser-name').fill('李窗口');
  await app.getByTestId('newuser-password').fill('clerk-pass-1');
  await app.getByTestId('newuser-password2').fill('clerk-pass-1');
  await app.getByTestId('newuser-submit').click();
  await expect(app.getByRole('status')).toContainText('已创建用户 李窗口');
  await expect(app.getByTestId('user-row-li.clerk')).toContainText('窗口受理员');
  await shot(app, 'admin-users-zh-CN');

  // The last administrator cannot be disabled: refused with a reason.
  await app.getByTestId('user-row-admin').getByRole('button', { name: '停用' }).click();
  await expect(app.getByRole('alert')).toContainText('没有可用的系统管理员');

  await app.getByTestId('admin-close').click();
  await app.getByTestId('user-menu').click();
  await app.getByTestId('menu-signout').click();
  await signIn(app, 'li.clerk', 'clerk-pass-1');
  await expect(app.getByTestId('user-menu')).toContainText('李窗口');
  await app.getByTestId('user-menu').click();
  await expect(app.getByTestId('menu-lock')).toBeVisible();
  await expect(app.getByTestId('menu-users')).toHaveCount(0);
  await expect(app.getByTestId('menu-backups')).toHaveCount(0);
});
