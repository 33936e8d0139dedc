// Bringing a fresh profile to a signed-in counter: first-run set-up of the station with its
// administrator, then sign-in. Used by every spec that works behind the sign-in.
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

export const STATION_ADMIN = { username: 'admin', name: '王管理', password: 'counter-2026' };

export async function setUpAndSignIn(page: Page) {
  await expect(page.getByTestId('setup-submit')).toBeVisible({ timeout: 20_000 });
  await page.getByTestId('setup-officeName').fill('郑州市惠济区自然资源和规划局');
  await page.getByTestId('setup-officeShortName').fill('惠济资规');
  await page.getByTestId('setup-divisionCode').fill('410108');
  await page.getByTestId('setup-stationCode').fill('HJ01');
  await page.getByTestId('setup-username').fill(STATION_ADMIN.username);
  await page.getByTestId('setup-name').fill(STATION_ADMIN.name);
  await page.getByTestId('setup-password').fill(STATION_ADMIN.password);
  await page.getByTestId('setup-password2').fill(STATION_ADMIN.password);
  await page.getByTestId('setup-submit').click();
  await signIn(page, STATION_ADMIN.username, STATION_ADMIN.password);
}

export async function signIn(page: Page, username: string, password: string) {
  await expect(page.getByTestId('signin-submit')).toBeVisible({ timeout: 20_000 });
  await page.getByTestId('signin-username').fill(username);
  await page.getByTestId('signin-password').fill(password);
  await page.getByTestId('signin-submit').click();
  await expect(page.getByRole('navigation')).toBeVisible({ timeout: 20_000 });
}
