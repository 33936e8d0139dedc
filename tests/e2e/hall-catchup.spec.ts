// The catch-up progress in the frame (issue 16): a station far behind the hall shows
// 正在同步大厅数据 45% · 90,000 / 200,000 条 with a labelled progress bar, and the bar is gone once
// caught up. The station is enrolled for real against the small hall of tests/fixtures/hallFake.ts
// (through the page's origin); the phases are then fed through the harness-only
// window.owSyncStatusFeed, under which the app runs no engine (the engine's own numbers are
// tested in tests/unit/renderer/data/sync/catchUp.test.ts).
import type { Page } from '@playwright/test';
import { test, expect, shot } from './fixtures';
import { stationFedByTest } from './fakeHallPage';
import { startFakeHall, type FakeHall } from '../fixtures/hallFake';

let hall: FakeHall;
test.beforeEach(async () => {
  hall = await startFakeHall();
});
test.afterEach(async () => {
  await hall.close();
});

async function feedPhases(page: Page, lang: 'zh-CN' | 'en') {
  const zh = lang === 'zh-CN';
  const feed = await stationFedByTest(page, hall, lang);
  const base = { phase: 'syncing', lastSyncAt: null, pending: 0, clockSkewMs: 500 };
  await feed({ ...base, catchUp: { cursor: 90_000, lastGseq: 200_000 } });
  const bar = page.getByRole('progressbar', {
    name: zh ? '大厅数据同步进度' : "Progress of fetching the hall's records",
  });
  await expect(bar).toHaveAttribute('aria-valuenow', '45');
  await expect(page.getByTestId('sync-catchup')).toContainText(
    zh
      ? '正在同步大厅数据 45% · 90,000 / 200,000 条'
      : "Fetching the hall's records 45% · 90,000 / 200,000",
  );
  await expect(page.getByTestId('sync-status')).toHaveText(zh ? '同步中 · 45%' : 'Syncing · 45%');
  await shot(page, `hall-catchup-${lang}`);

  await feed({ ...base, catchUp: { cursor: 199_999, lastGseq: 200_000 } });
  await expect(bar).toHaveAttribute('aria-valuenow', '99');

  await feed({ ...base, phase: 'synced', lastSyncAt: new Date().toISOString() });
  await expect(page.getByTestId('sync-catchup')).toHaveCount(0);
  await expect(page.getByTestId('sync-status')).toContainText(zh ? '已同步' : 'Synced');
}

for (const lang of ['zh-CN', 'en'] as const) {
  test(`${lang}: the catch-up shows its progress bar, gone once caught up`, async ({ app }) => {
    test.setTimeout(180_000);
    await feedPhases(app, lang);
  });
}
