// 设置 › 大厅同步 and the sync status in the frame, end to end in zh-CN and en. The hall server
// is a small real one (tests/fixtures/hallFake.ts) reached through the page's own origin — the
// page's CSP allows nothing else (docs/hall-station.md) — so the browser host's fetch, its
// WebCrypto sync key and the enrolment are all real. After the enrolment the sync engine
// (renderer/src/data/sync/) runs against it; the frame's other phases are then fed through the
// harness-only window.owSyncStatusFeed, under which the app runs no engine.
import type { Page } from '@playwright/test';
import { test, expect, shot } from './fixtures';
import { setUpAndSignIn, setUpWithStaff, signIn, STATION_ADMIN } from './session';
import { startFakeHall, type FakeHall } from '../fixtures/hallFake';
import { feedSyncStatus, routeToFakeHall } from './fakeHallPage';

let hall: FakeHall;
test.beforeEach(async () => {
  hall = await startFakeHall();
});
test.afterEach(async () => {
  await hall.close();
});

const origin = (page: Page) => new URL(page.url()).origin;

async function openHallPage(page: Page) {
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('open-hall').click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

async function asAdmin(page: Page) {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('menu-signout').click();
  await signIn(page, STATION_ADMIN.username, STATION_ADMIN.password);
}

async function enrolFlow(page: Page, lang: 'zh-CN' | 'en') {
  const zh = lang === 'zh-CN';
  await openHallPage(page);
  await expect(page.getByTestId('hall-stationCode')).toHaveValue('HJ01');
  await shot(page, `hall-settings-empty-${lang}`);

  // Wrong inputs, each with its sentence.
  await page.getByTestId('hall-serverUrl').fill('http://192.168.1.10:8443');
  await page.getByTestId('hall-code').fill('abcd-12');
  await page.getByTestId('hall-enrol').click();
  await expect(
    page.getByText(
      zh ? 'http:// 只能用于服务器就在本机' : 'http:// is only for a server on this computer',
    ),
  ).toBeVisible();
  await expect(
    page.getByText(zh ? '登记码应为 12 位字母或数字' : 'The enrolment code is 12 letters'),
  ).toBeVisible();
  await expect(page.getByText(zh ? '请输入本机名称' : 'Enter a station name')).toBeVisible();
  await shot(page, `hall-settings-error-fields-${lang}`);
  await page.getByTestId('hall-serverUrl').fill('https://hall/path');
  await page.getByTestId('hall-probe').click();
  await expect(
    page.getByText(zh ? '服务器地址格式不对' : 'That is not a server address'),
  ).toBeVisible();

  // The server's own refusal: a code already used.
  await page.getByTestId('hall-serverUrl').fill(origin(page));
  await page.getByTestId('hall-probe').click();
  await expect(page.getByTestId('hall-message')).toHaveText(
    zh ? '已连接到服务器“惠济区服务大厅”。' : 'Connected to the server “惠济区服务大厅”.',
  );
  await page.getByTestId('hall-label').fill(zh ? '2号窗口' : 'Window 2');
  // What the station is for: the floor devices by the names the screens and docs/floor.md use.
  await page.getByRole('combobox', { name: zh ? '本机用途' : 'What this station is for' }).click();
  await expect(page.getByRole('option')).toHaveText(
    zh
      ? [
          '窗口（受理、发证）',
          '科室办公（审查、审批）',
          '外业笔记本',
          '取号机',
          '叫号大屏',
          '评价器',
        ]
      : [
          'Window (intake, issuance)',
          'Office desk (review, approval)',
          'Field laptop',
          'Ticket machine',
          'Hall display',
          'Rating device',
        ],
  );
  await shot(page, `hall-settings-kinds-${lang}`);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('option')).toHaveCount(0);
  await page.getByTestId('hall-code').fill('used used used');
  await page.getByTestId('hall-enrol').click();
  await expect(page.getByTestId('hall-message')).toContainText(
    zh ? '这个登记码已经用过' : 'That enrolment code has been used',
  );
  await shot(page, `hall-settings-error-server-${lang}`);
  expect(hall.seen.filter((s) => s === 'POST /v1/enrol')).toHaveLength(1);

  // The right code, typed without dashes in lower case: enrolled.
  await page.getByTestId('hall-code').fill('abcdefghjk23');
  await page.getByTestId('hall-enrol').click();
  await expect(page.getByTestId('hall-enrolled-message')).toHaveText(
    zh
      ? '登记成功：本机已加入大厅“惠济区服务大厅”，站点代码 HJ01。同步运行后，本机的办件记录会自动上传。'
      : 'Enrolled: this station has joined the hall “惠济区服务大厅” as HJ01. Once sync runs, its case records upload by themselves.',
  );
  await expect(page.getByTestId('hall-enrolment')).toContainText(origin(page));
  await expect(page.getByTestId('hall-enrolment')).toContainText('HJ01');
  expect(hall.publicKey).not.toBeNull();
  // The sync engine starts with the enrolment: the station's events go up, the frame says 已同步.
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-phase', 'synced', {
    timeout: 30_000,
  });
  await expect(page.getByTestId('sync-status')).toContainText(zh ? '已同步' : 'Synced');
  await shot(page, `hall-settings-enrolled-${lang}`);

  // The hall refuses the next push's signature (the sync key is not the enrolled one): the
  // engine stops pushing and raises the alert. Signing in again appends events to push.
  hall.refusePush = {
    status: 400,
    body: { error: { code: 'bad_signature', message: 'signature does not verify' } },
  };
  await asAdmin(page);
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-phase', 'alert', {
    timeout: 30_000,
  });
  await expect(page.getByTestId('sync-status')).toContainText(zh ? '同步已停止' : 'Sync stopped');
  await shot(page, `hall-frame-bad-signature-${lang}`);
  await openHallPage(page);

  // Enrolling again (a new certificate, a reinstall): into the same hall, the address kept.
  await page.getByTestId('hall-again').click();
  await expect(page.getByTestId('hall-again-warning')).toContainText(
    zh
      ? '重新登记只能登记回本机所属的大厅“惠济区服务大厅”'
      : "only works into this station's own hall “惠济区服务大厅”",
  );
  await expect(page.getByTestId('hall-serverUrl')).toHaveValue(origin(page));
  await page.getByTestId('hall-label').fill(zh ? '3号窗口' : 'Window 3');
  await page.getByTestId('hall-code').fill('ABCD-EFGH-JK23');
  await shot(page, `hall-settings-again-${lang}`);
  await page.getByTestId('hall-enrol').click();
  await expect(page.getByTestId('hall-enrolled-message')).toContainText(
    zh ? '登记成功' : 'Enrolled',
  );
  await expect(page.getByTestId('hall-again-warning')).toHaveCount(0);
  // Enrolled again under the same code: a fresh engine (not the one that stopped with the
  // alert) pushes what waited, and the frame says 已同步 again.
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-phase', 'synced', {
    timeout: 30_000,
  });
  await shot(page, `hall-settings-again-synced-${lang}`);
}

type Status = {
  phase: 'synced' | 'syncing' | 'offline' | 'alert';
  lastSyncAt: string | null;
  pending: number;
  alert?: { code: string; detail?: string };
  clockSkewMs: number | null;
};

/** 08:41 and 07:55 in the station's own time zone (the test machine's). */
/** hh:mm today on the hall's clock (Asia/Shanghai, UTC+8 all year), whatever the machine's zone. */
const at = (hh: number, mm: number) => {
  const d = new Date();
  d.setUTCHours(hh - 8, mm, 0, 0);
  return d.toISOString();
};

async function framePhases(page: Page, lang: 'zh-CN' | 'en') {
  const zh = lang === 'zh-CN';
  const feed = await feedSyncStatus<Status>(page);
  const chip = page.getByTestId('sync-status');
  await expect(chip).toHaveText(zh ? '未连接' : 'Not connected');

  await feed({ phase: 'synced', lastSyncAt: at(8, 41), pending: 0, clockSkewMs: 800 });
  await expect(chip).toHaveText(zh ? '已同步 08:41' : 'Synced 08:41');
  await shot(page, `hall-frame-synced-${lang}`);

  await feed({ phase: 'syncing', lastSyncAt: at(8, 41), pending: 3, clockSkewMs: 800 });
  await expect(chip).toHaveText(zh ? '同步中 · 3 条待上传' : 'Syncing · 3 to upload');
  await shot(page, `hall-frame-syncing-${lang}`);

  await feed({ phase: 'offline', lastSyncAt: at(7, 55), pending: 12, clockSkewMs: null });
  await expect(chip).toHaveText(
    zh ? '离线 · 上次同步 07:55 · 12 条待上传' : 'Offline · last sync 07:55 · 12 to upload',
  );
  await shot(page, `hall-frame-offline-${lang}`);

  await feed({
    phase: 'alert',
    lastSyncAt: at(7, 55),
    pending: 12,
    alert: { code: 'fork', detail: 'HJ01 #57' },
    clockSkewMs: null,
  });
  await expect(chip).toHaveText(zh ? '同步已停止 · 12 条待上传' : 'Sync stopped · 12 to upload');
  await expect(page.getByTestId('sync-alert')).toContainText(
    zh
      ? '同步已停止：本机记录与大厅记录出现分叉'
      : "Sync stopped: this station's records and the hall's have forked",
  );
  await shot(page, `hall-frame-alert-fork-${lang}`);

  const alertWords = {
    schema_too_new: zh ? '大厅拒收本机的记录格式' : "the hall refuses this station's record format",
    bad_hash: zh ? '记录校验值不符' : "a record's check value does not match",
    credentials_mismatch: zh
      ? '随新建或重置的用户上传的密码数据在途中被改动'
      : 'the password data sent with new or reset users was changed on the way',
  };
  for (const code of ['schema_too_new', 'bad_hash', 'credentials_mismatch'] as const) {
    await feed({
      phase: 'alert',
      lastSyncAt: null,
      pending: 1,
      alert: { code },
      clockSkewMs: null,
    });
    await expect(page.getByTestId('sync-alert')).toContainText(alertWords[code]);
    await shot(page, `hall-frame-alert-${code}-${lang}`);
  }

  // Three minutes ahead of the server: told so, with what to do.
  await feed({ phase: 'synced', lastSyncAt: at(8, 41), pending: 0, clockSkewMs: 180_000 });
  await expect(page.getByTestId('sync-clock')).toContainText(
    zh
      ? '本机时钟比大厅服务器快 3 分钟。'
      : "This station's clock is 3 minutes ahead of the hall server.",
  );
  await expect(chip).toHaveText(zh ? '已同步 08:41 · 时钟偏差' : 'Synced 08:41 · Clock off');
  await shot(page, `hall-frame-clock-${lang}`);
}

test('zh-CN: a clerk reads, the administrator enrols; the frame shows each phase', async ({
  app,
}) => {
  test.setTimeout(240_000);
  await routeToFakeHall(app, hall);
  await setUpWithStaff(app, ['clerk']);
  // A lone station shows no sync status at all.
  await expect(app.getByTestId('nav-settings')).toBeVisible();
  await expect(app.getByTestId('sync-status')).toHaveCount(0);
  await openHallPage(app);
  await expect(app.getByTestId('hall-readonly')).toHaveText(
    '只有系统管理员可以把本机登记到大厅；您可以查看登记情况。',
  );
  await expect(app.getByTestId('hall-enrol')).toHaveCount(0);
  await shot(app, 'hall-settings-readonly-zh-CN');
  await asAdmin(app);
  await enrolFlow(app, 'zh-CN');
  await framePhases(app, 'zh-CN');
});

test('en: the administrator enrols; the frame shows each phase', async ({ app }) => {
  test.setTimeout(240_000);
  await routeToFakeHall(app, hall);
  await setUpAndSignIn(app);
  await app.getByTestId('nav-settings').click();
  await app.getByTestId('language-en').click();
  await expect(app.locator('html')).toHaveAttribute('lang', 'en');
  await enrolFlow(app, 'en');
  await framePhases(app, 'en');
});
