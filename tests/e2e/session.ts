// Bringing a fresh profile to a signed-in counter: first-run set-up of the station with its
// administrator, then sign-in. Used by every spec that works behind the sign-in.
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

export const STATION_ADMIN = { username: 'admin', name: '王管理', password: 'counter-2026' };

export async function setUpAndSignIn(page: Page) {
  await fillSetUp(page);
  await page.getByTestId('setup-submit').click();
  await signIn(page, STATION_ADMIN.username, STATION_ADMIN.password);
}

/** The required fields of the set-up screen (office and first administrator), not submitted. */
export async function fillSetUp(page: Page) {
  await expect(page.getByTestId('setup-submit')).toBeVisible({ timeout: 20_000 });
  await page.getByTestId('setup-officeName').fill('郑州市惠济区自然资源和规划局');
  await page.getByTestId('setup-officeShortName').fill('惠济资规');
  await page.getByTestId('setup-divisionCode').fill('410108');
  await page.getByTestId('setup-stationCode').fill('HJ01');
  await page.getByTestId('setup-username').fill(STATION_ADMIN.username);
  await page.getByTestId('setup-name').fill(STATION_ADMIN.name);
  await page.getByTestId('setup-password').fill(STATION_ADMIN.password);
  await page.getByTestId('setup-password2').fill(STATION_ADMIN.password);
}

export async function signIn(page: Page, username: string, password: string) {
  await expect(page.getByTestId('signin-submit')).toBeVisible({ timeout: 20_000 });
  await page.getByTestId('signin-username').fill(username);
  await page.getByTestId('signin-password').fill(password);
  await page.getByTestId('signin-submit').click();
  await expect(page.getByRole('navigation')).toBeVisible({ timeout: 20_000 });
}

export type StaffRole = 'clerk' | 'reviewer' | 'chief' | 'director';
const roleLabel: Record<StaffRole, string> = {
  clerk: '窗口受理员',
  reviewer: '审查员',
  chief: '科室负责人',
  director: '局领导',
};
export const STAFF: Record<StaffRole, { username: string; name: string; password: string }> = {
  clerk: { username: 'li.clerk', name: '李窗口', password: 'clerk-pass-1' },
  reviewer: { username: 'zhao.reviewer', name: '赵审查', password: 'review-pass-1' },
  chief: { username: 'sun.chief', name: '孙科长', password: 'chief-pass-1' },
  director: { username: 'chen.director', name: '陈局长', password: 'director-pass-1' },
};

/** Fresh station, the staff of the given roles created by the administrator, signed in as the first. */
export async function setUpWithStaff(page: Page, roles: StaffRole[]) {
  await setUpAndSignIn(page);
  await addStaff(page, roles);
}

/** Signed in as the administrator: creates the staff of the given roles, signs in as the first. */
export async function addStaff(page: Page, roles: StaffRole[]) {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('menu-users').click();
  for (const role of roles) {
    const u = STAFF[role];
    await page.getByTestId('newuser-username').fill(u.username);
    await page.getByTestId('newuser-name').fill(u.name);
    await page.getByRole('combobox', { name: '角色' }).first().click();
    await page.getByRole('option', { name: roleLabel[role], exact: true }).click();
    await page.getByTestId('newuser-password').fill(u.password);
    await page.getByTestId('newuser-password2').fill(u.password);
    await page.getByTestId('newuser-submit').click();
    await expect(page.getByTestId(`user-row-${u.username}`)).toContainText(roleLabel[role]);
  }
  await page.getByTestId('admin-close').click();
  if (roles[0]) await switchUser(page, roles[0]);
}

/** Signs out and signs in as the staff member of `role` (created by setUpWithStaff). */
export async function switchUser(page: Page, role: StaffRole) {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('menu-signout').click();
  await signIn(page, STAFF[role].username, STAFF[role].password);
}
