// A station page against the small hall of tests/fixtures/hallFake.ts (hall, hall-catchup,
// hall-restore, hall-bundles): its /v1/* routed to the fake hall through the page's own origin
// (the page's CSP allows nothing else), the enrolment in 设置 › 大厅同步, and the harness-only
// window.owSyncStatusFeed, under which the app runs no engine and the test sets the frame's
// sync status itself (stationFedByTest: all of it, in one language). The real hall server's
// harness is hallHarness.ts.
import type { Page } from '@playwright/test';
import type { FakeHall } from '../fixtures/hallFake';
import { expect } from './fixtures';
import { setUpAndSignIn, signIn, STATION_ADMIN } from './session';

/**
 * /v1/* on the page's origin goes to the fake hall, byte for byte. A hall already closed (the
 * test's afterEach runs before the page closes, and the page still polls) is refused as a real
 * unreachable server would be, not thrown into the test as a route error.
 */
export async function routeToFakeHall(page: Page, hall: FakeHall) {
  await page.route('**/v1/**', async (route) => {
    const url = new URL(route.request().url());
    let response;
    try {
      response = await route.fetch({ url: `${hall.url}${url.pathname}${url.search}` });
    } catch {
      return route.abort('connectionrefused').catch(() => undefined);
    }
    await route.fulfill({ response });
  });
}

/** Routed to the fake hall and enrolled with it as the signed-in administrator. */
export async function enrolWithFakeHall(
  page: Page,
  hall: FakeHall,
  o: { label?: string; code?: string; synced?: boolean } = {},
) {
  await routeToFakeHall(page, hall);
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('open-hall').click();
  await page.getByTestId('hall-serverUrl').fill(new URL(page.url()).origin);
  await page.getByTestId('hall-label').fill(o.label ?? '2');
  await page.getByTestId('hall-code').fill(o.code ?? 'abcdefghjk23');
  await page.getByTestId('hall-enrol').click();
  await expect(page.getByTestId('hall-enrolled-message')).toBeVisible();
  if (o.synced)
    await expect(page.getByTestId('sync-status')).toHaveAttribute('data-phase', 'synced', {
      timeout: 30_000,
    });
}

/**
 * Started again under window.owSyncStatusFeed and signed in as the administrator; the answer
 * sets the frame's sync status (null: none).
 */
export async function feedSyncStatus<Status = unknown>(page: Page) {
  await page.addInitScript(() => {
    (window as unknown as Record<string, unknown>).owSyncStatusFeed = (set: unknown) => {
      (window as unknown as Record<string, unknown>).owSyncStatusSet = set;
    };
  });
  await page.reload();
  await signIn(page, STATION_ADMIN.username, STATION_ADMIN.password);
  return (status: Status | null) =>
    page.evaluate((s) => {
      (window as unknown as { owSyncStatusSet: (x: unknown) => void }).owSyncStatusSet(s);
    }, status);
}

/**
 * A new station in `lang`, its administrator signed in, enrolled with the fake hall and started
 * again under window.owSyncStatusFeed (hall-catchup, hall-restore): the answer sets the frame's
 * sync status.
 */
export async function stationFedByTest<Status = unknown>(
  page: Page,
  hall: FakeHall,
  lang: 'zh-CN' | 'en',
) {
  await setUpAndSignIn(page);
  if (lang === 'en') {
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('language-en').click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  }
  await enrolWithFakeHall(page, hall);
  return feedSyncStatus<Status>(page);
}
