// 设置 › 科室与事项分工 end to end: a clerk takes a building permit in and sees it under the default
// 建设工程规划科 (with the note that the departments are defaults) and cannot change the setup; the
// administrator is told why a department in use cannot be deleted and why an empty name is
// refused, renames the section, then adds a new one and moves the building permit to it — the
// statistics' 按科室 table follows each save and the default note is gone; English screens.
import type { Page } from '@playwright/test';
import { test, expect, shot } from './fixtures';
import { acceptOneCase } from './flows';
import { setUpWithStaff, signIn, STATION_ADMIN, switchUser } from './session';

async function signInAsAdmin(page: Page) {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('menu-signout').click();
  await signIn(page, STATION_ADMIN.username, STATION_ADMIN.password);
}

/** The rows of the 按科室 table on the statistics screen, as "name|taken in". */
async function byDepartment(page: Page): Promise<string[]> {
  await page.getByTestId('nav-stats').click();
  const table = page
    .getByRole('region', { name: /按科室|By department/ })
    .getByTestId('stats-table');
  await expect(table).toBeVisible();
  const rows = await table.locator('tbody tr').all();
  const out: string[] = [];
  for (const r of rows) {
    const cells = await r.locator('td').allInnerTexts();
    out.push(`${cells[0]}|${cells[1]}`);
  }
  return out;
}

const section = (page: Page) => page.getByTestId('departments-settings');

test('an administrator renames a department and moves a matter to a new one; a clerk cannot; stats follow', async ({
  app,
}) => {
  await setUpWithStaff(app, ['clerk']);
  await acceptOneCase(app);

  // Defaults: the building permit is counted under its stage's department, with the note.
  expect(await byDepartment(app)).toEqual(['建设工程规划科|1']);
  await expect(app.getByTestId('stats-departments-default')).toBeVisible();
  await shot(app, 'departments-stats-default-zh-CN');

  // A clerk sees the assignments, read-only.
  await app.getByTestId('nav-settings').click();
  await expect(section(app).getByTestId('departments-readonly')).toBeVisible();
  await expect(section(app).getByTestId('departments-save')).toHaveCount(0);
  await expect(section(app).getByTestId('dept-name-1')).toHaveCount(0);
  await expect(section(app).getByTestId('dept-name-cell-1')).toHaveText('建设工程规划科');
  await expect(section(app).getByTestId('matter-dept-GCGH-JZ')).toHaveCount(0);
  await expect(section(app).getByTestId('matter-dept-cell-GCGH-JZ')).toHaveText('建设工程规划科');
  await section(app).scrollIntoViewIfNeeded();
  await shot(app, 'departments-clerk-readonly-zh-CN');

  await signInAsAdmin(app);
  await app.getByTestId('nav-settings').click();
  const s = section(app);
  await expect(s.getByTestId('departments-defaults')).toBeVisible();

  // A department that still handles matters cannot be deleted: the matters are named.
  await s.getByTestId('dept-delete-1').click();
  await expect(s.getByTestId('departments-status')).toContainText('不能删除');
  await expect(s.getByTestId('departments-status')).toContainText('GCGH-JZ');
  await expect(s.getByTestId('dept-name-1')).toHaveValue('建设工程规划科');

  // An empty name is refused with what to do, and nothing is stored.
  await s.getByTestId('dept-name-1').fill('');
  await s.getByTestId('departments-save').click();
  await expect(s.getByTestId('departments-status')).toContainText('未填写中文名称');
  await expect(s.getByTestId('dept-name-1')).toHaveAttribute('aria-invalid', 'true');
  await shot(app, 'departments-invalid-zh-CN');

  // Rename, save: the statistics show the new name at once.
  await s.getByTestId('dept-name-1').fill('规划管理科');
  await s.getByTestId('dept-nameEn-1').fill('Planning section');
  await s.getByTestId('departments-save').click();
  await expect(s.getByTestId('departments-status')).toContainText('已保存');
  await expect(s.getByTestId('departments-defaults')).toHaveCount(0);
  expect(await byDepartment(app)).toEqual(['规划管理科|1']);
  await expect(app.getByTestId('stats-departments-default')).toHaveCount(0);

  // A new department takes the building permit; the other matters of its stage stay.
  await app.getByTestId('nav-settings').click();
  await s.getByTestId('dept-add').click();
  await s.getByTestId('dept-name-4').fill('建筑工程审批科');
  await s.getByTestId('dept-nameEn-4').fill('Building approvals section');
  await s.getByTestId('matter-dept-GCGH-JZ').selectOption({ label: '建筑工程审批科' });
  await s.getByTestId('departments-save').click();
  await expect(s.getByTestId('departments-status')).toContainText('已保存');
  await expect(s.getByTestId('matter-dept-GCGH-SZ')).toHaveValue('engineeringPermit');
  await s.scrollIntoViewIfNeeded();
  await shot(app, 'departments-zh-CN');
  expect(await byDepartment(app)).toEqual(['建筑工程审批科|1']);
  await shot(app, 'departments-stats-zh-CN');

  // The clerk still cannot change it, and finds what the administrator saved.
  await switchUser(app, 'clerk');
  await app.getByTestId('nav-settings').click();
  await expect(section(app).getByTestId('departments-save')).toHaveCount(0);
  await expect(section(app).getByTestId('dept-name-cell-1')).toHaveText('规划管理科');
  await expect(section(app).getByTestId('matter-dept-cell-GCGH-JZ')).toHaveText('建筑工程审批科');

  // English: the English names in settings and in the statistics.
  await app.getByTestId('language-en').click();
  await expect(app.locator('html')).toHaveAttribute('lang', 'en');
  await expect(section(app)).toContainText('Departments and matters');
  await shot(app, 'departments-en');
  expect(await byDepartment(app)).toEqual(['Building approvals section|1']);
  await shot(app, 'departments-stats-en');
  await signInAsAdmin(app);
  await app.getByTestId('nav-settings').click();
  await expect(section(app).getByTestId('dept-nameEn-4')).toHaveValue('Building approvals section');
  await section(app).scrollIntoViewIfNeeded();
  await shot(app, 'departments-admin-en');
});
