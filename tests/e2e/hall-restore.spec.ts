// The frame while the hall server is restored from an older backup (issue 17 item 7): the status
// says 大厅恢复中 (not a fork, no red alert), the page says the station works on and what it has
// handed back and whom the hall waits for; a station the hall reopened without gets the red
// alert that says what to do. The station is enrolled for real against the small hall of
// tests/fixtures/hallFake.ts; the states are fed through the harness-only
// window.owSyncStatusFeed (the engine's own refill is tested in
// tests/unit/renderer/data/sync/restore.test.ts, the server's on PostgreSQL in
// tests/server/pg-restore.test.ts).
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

async function feedStates(page: Page, lang: 'zh-CN' | 'en') {
  const zh = lang === 'zh-CN';
  const feed = await stationFedByTest(page, hall, lang);
  const restoring = { lastGseq: 1180, holds: 1204, refilled: 24, waitingFor: ['HJ03', 'HJ05'] };
  await feed({ phase: 'offline', lastSyncAt: null, pending: 2, clockSkewMs: 0, restoring });
  await expect(page.getByTestId('sync-status')).toHaveText(
    zh ? '大厅恢复中 · 2 条待上传' : 'Hall restoring · 2 to upload',
  );
  const banner = page.getByTestId('sync-restoring');
  await expect(banner).toHaveText(
    zh
      ? '大厅服务器正在从备份恢复本机照常办件，记录保存在本机，什么也不会丢。本机已把持有的 24 条记录交回大厅（大厅现有 1180 条，本机持有至第 1204 条）。正在等待这些窗口上线补回：HJ03、HJ05。全部补回或管理员开放后，自动恢复同步。'
      : 'The hall server is being restored from a backupWork on as usual: records are kept on this station and nothing is lost. This station has handed 24 records back to the hall (the hall holds 1180, this station up to number 1204).Waiting for these windows to come online and hand theirs back: HJ03, HJ05. Sync resumes by itself once all have, or once the administrator opens the hall.',
  );
  await expect(page.getByTestId('sync-alert')).toHaveCount(0);
  await shot(page, `hall-restoring-${lang}`);

  await feed({
    phase: 'alert',
    lastSyncAt: null,
    pending: 0,
    clockSkewMs: 0,
    alert: { code: 'hall_rewound', detail: 'the hall opened at gseq 1190 without this station' },
  });
  await expect(page.getByTestId('sync-restoring')).toHaveCount(0);
  await expect(page.getByTestId('sync-alert')).toContainText(
    zh
      ? '同步已停止：大厅服务器恢复后已在本机缺席时开放'
      : 'Sync stopped: the hall was reopened after a restore without this station',
  );
  await shot(page, `hall-rewound-${lang}`);
}

for (const lang of ['zh-CN', 'en'] as const) {
  test(`${lang}: a restoring hall is shown as such, the station works on`, async ({ app }) => {
    test.setTimeout(180_000);
    await feedStates(app, lang);
  });
}
