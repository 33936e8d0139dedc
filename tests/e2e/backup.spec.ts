// Backups through the screens: back up now, restore a listed backup (then sign in again), and
// a damaged or foreign file refused with a message and nothing changed.
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { canonicalJson, sha256Hex } from '../../renderer/src/domain/audit';
import { test, expect, shot } from './fixtures';

const PASSWORD = 'counter-2026';

async function setUpAndSignIn(page: Page, stationCode = 'HJ01') {
  await page.getByTestId('setup-officeName').fill('郑州市惠济区自然资源和规划局');
  await page.getByTestId('setup-officeShortName').fill('惠济资规');
  await page.getByTestId('setup-divisionCode').fill('410108');
  await page.getByTestId('setup-stationCode').fill(stationCode);
  await page.getByTestId('setup-username').fill('admin');
  await page.getByTestId('setup-name').fill('王管理');
  await page.getByTestId('setup-password').fill(PASSWORD);
  await page.getByTestId('setup-password2').fill(PASSWORD);
  await page.getByTestId('setup-submit').click();
  await signIn(page, 'admin');
}

async function signIn(page: Page, username: string) {
  await page.getByTestId('signin-username').fill(username);
  await page.getByTestId('signin-password').fill(PASSWORD);
  await page.getByTestId('signin-submit').click();
  await expect(page.getByTestId('user-menu')).toBeVisible({ timeout: 20_000 });
}

async function openBackups(page: Page) {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('menu-backups').click();
  await expect(page.getByRole('heading', { name: /备份与恢复|Backups/ })).toBeVisible();
}

test('back up now, then restore that backup and sign in again', async ({ app }) => {
  await setUpAndSignIn(app);
  await openBackups(app);
  // The daily automatic backup was written at start; a manual one adds a second row.
  await expect(app.getByTestId('backup-row')).toHaveCount(1);
  await app.getByTestId('backup-now').click();
  await expect(app.getByRole('status')).toContainText('备份已保存');
  await expect(app.getByTestId('backup-row')).toHaveCount(2);
  await expect(app.getByTestId('backup-row').first()).toContainText('手动');
  await shot(app, 'admin-backups-zh-CN');

  await app.getByTestId('backup-row').first().getByRole('button', { name: '恢复' }).click();
  await shot(app, 'admin-restore-confirm-zh-CN');
  await app.getByTestId('restore-confirm').click();
  await expect(app.getByTestId('restore-done')).toBeVisible({ timeout: 20_000 });
  await app.getByTestId('restore-done').click();
  await expect(app.getByTestId('signin-submit')).toBeVisible();
  await signIn(app, 'admin');
});

test('a file with one byte changed is refused with a message; the data stays', async ({ app }) => {
  await setUpAndSignIn(app);
  await openBackups(app);
  // Export the station's file through the page (what an admin would upload), damage one byte.
  const download = app.waitForEvent('download');
  await app.getByTestId('backup-row').first().getByRole('button', { name: '导出' }).click();
  const file = await (await download).path();
  const original = readFileSync(file);
  const damaged = Buffer.from(original);
  const mid = Math.floor(damaged.length / 2);
  damaged[mid] = (original[mid] as number) ^ 0x01;
  await app.getByTestId('restore-file').setInputFiles({
    name: 'damaged.owbak',
    mimeType: 'application/octet-stream',
    buffer: damaged,
  });
  await app.getByTestId('restore-confirm').click();
  await expect(app.getByTestId('restore-refused')).toContainText('已损坏或被改动过');
  await shot(app, 'admin-restore-refused-zh-CN');
  await app.getByRole('button', { name: '取消' }).click();
  // Nothing changed: the same user is signed in and the backups are listed as before.
  await expect(app.getByTestId('backup-row')).toHaveCount(1);
});

test('a backup of another station asks for confirmation; cancelling changes nothing', async ({
  app,
}) => {
  await setUpAndSignIn(app);
  await openBackups(app);
  const download = app.waitForEvent('download');
  await app.getByTestId('backup-row').first().getByRole('button', { name: '导出' }).click();
  // Make it another station's file, correctly signed (as a real backup of ZY02 would be).
  const file = JSON.parse(gunzipSync(readFileSync(await (await download).path())).toString()) as {
    stationId: string;
    checksum: string;
    tables: { meta: { key: string; value: Record<string, unknown> }[] };
  };
  file.stationId = 'ZY02';
  for (const row of file.tables.meta) {
    if (row.key === 'station') row.value = { ...row.value, stationId: 'ZY02', stationCode: 'ZY02' };
  }
  const { checksum: _old, ...body } = file;
  file.checksum = await sha256Hex(canonicalJson(body));
  await app.getByTestId('restore-file').setInputFiles({
    name: 'zy02.owbak',
    mimeType: 'application/octet-stream',
    buffer: gzipSync(JSON.stringify(file)),
  });
  await app.getByTestId('restore-confirm').click();
  await expect(app.getByRole('heading', { name: '这是其他工位的备份' })).toBeVisible();
  await expect(app.getByRole('dialog')).toContainText('工位 ZY02');
  await shot(app, 'admin-restore-foreign-zh-CN');
  await app.getByRole('button', { name: '取消' }).click();
  await expect(app.getByRole('dialog', { name: '这是其他工位的备份' })).toHaveCount(0);
  // Still this station: a fresh sign-in screen would name HJ01.
  await app.getByTestId('admin-close').click();
  await app.getByTestId('user-menu').click();
  await app.getByTestId('menu-signout').click();
  await expect(app.getByTestId('signin-station')).toContainText('HJ01');
});
