// Re-coding an island whose station code the hall already holds (issue 17 item 4), end to end: a
// real hall server process (hallHarness.ts) and three Chromium profiles. A is the hall's HJ01
// (enrolled, synced); B is HJ02 (the station that looks on). C ran alone as HJ01 and took a case
// in (HJ01-<day>-0001, the number A would give); the hall's administrator enrols it under HJ01
// again. The join check holds C with the station-code clash; its administrator re-codes it as
// HJ03 in the dialog (screenshots zh-CN and en) with the enrolment code the server printed for
// HJ03. C's case becomes HJ03-<day>-0001 (原编号 HJ01-…), the check runs again under HJ03 (the
// administrator's name clashes now, settled), C pushes, and B finds C's case by the new number
// and by the old one, its timeline saying 原编号 …. Web target only.
import { chromium, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  test,
  expect,
  chromiumArgs,
  chromiumEnv,
  chromiumPath,
  pickTarget,
  shot,
} from './fixtures';
import { HallProcess, closeStation, openStation, type Station } from './hallHarness';
import { addStaff, fillSetUp, signIn, STATION_ADMIN } from './session';
import { takeInCase } from './flows';

test.skip(pickTarget() !== 'web', 'the browser host speaks to the hall here');

const hall = new HallProcess();
const opened: Station[] = [];
const islands: { close: () => Promise<void>; dir: string }[] = [];
const codeOf = (out: string) => /([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})/.exec(out)![1]!;
/** Issued before the server starts (the CLI and the server share the trial database's lock). */
const extra = { again: '', hj03: '' };

test.beforeAll(async () => {
  test.setTimeout(240_000);
  await hall.create(['HJ01', 'HJ02']);
  // A second code for HJ01 (what the hall's administrator gives C, not knowing), one for HJ03.
  extra.again = codeOf(await hall.cli('station', 'enrol', '--code', 'HJ01', '--label', 'HJ01'));
  extra.hj03 = codeOf(await hall.cli('station', 'enrol', '--code', 'HJ03', '--label', '3号窗口'));
  await hall.start();
});

test.afterAll(async () => {
  for (const s of opened.splice(0)) await closeStation(s);
  for (const p of islands.splice(0)) {
    await p.close();
    rmSync(p.dir, { recursive: true, force: true });
  }
  await hall.stop();
  hall.dispose();
});

/**
 * A profile set up alone as `code` (not enrolled), its /v1/* routed to the hall, signed in. Its
 * administrator signs in as `admin` unless told otherwise (two hall stations whose own
 * administrators share a sign-in name are a clash of their own: a station never holds both).
 */
async function island(code: string, baseURL: string, admin = STATION_ADMIN.username) {
  const dir = mkdtempSync(join(tmpdir(), `ow-e2e-recode-${code}-`));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: chromiumPath,
    args: chromiumArgs,
    env: chromiumEnv,
    locale: 'zh-CN',
    viewport: { width: 1366, height: 800 },
  });
  islands.push({ close: () => context.close(), dir });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.route('**/v1/**', async (route) => {
    const url = new URL(route.request().url());
    try {
      const response = await route.fetch({
        url: `http://127.0.0.1:${hall.port}${url.pathname}${url.search}`,
        timeout: 40_000,
      });
      await route.fulfill({ response });
    } catch {
      await route.abort('connectionrefused').catch(() => undefined);
    }
  });
  await page.goto(baseURL);
  await fillSetUp(page);
  await page.getByTestId('setup-stationCode').fill(code);
  await page.getByTestId('setup-username').fill(admin);
  await page.getByTestId('setup-submit').click();
  await signIn(page, admin, STATION_ADMIN.password);
  return page;
}

async function enrol(page: Page, enrolmentCode: string) {
  await openHallPage(page);
  await page.getByTestId('hall-serverUrl').fill(new URL(page.url()).origin);
  await page.getByTestId('hall-label').fill('窗口');
  await page.getByTestId('hall-code').fill(enrolmentCode);
  await page.getByTestId('hall-enrol').click();
  await expect(page.getByTestId('hall-enrolled-message')).toBeVisible({ timeout: 30_000 });
}

async function openHallPage(page: Page) {
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('open-hall').click();
}

async function language(page: Page, lang: 'zh-CN' | 'en') {
  await page.getByTestId('nav-settings').click();
  await page.getByTestId(`language-${lang}`).click();
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  await page.getByTestId('open-hall').click();
}

async function fillRecode(page: Page, code: string, enrolment: string, note: string) {
  await page.getByTestId('join-recode-open').click();
  await page.getByTestId('join-recode-code').fill(code);
  await page.getByTestId('join-recode-enrolment').fill(enrolment);
  await page.getByTestId('join-recode-label').fill('3号窗口');
  await page.getByTestId('join-recode-note').fill(note);
}

test('an island with the hall’s station code takes a new one, pushes under it, and its cases keep their old numbers', async ({
  baseURL,
}) => {
  test.setTimeout(420_000);
  const a = await openStation(hall, 'HJ01', baseURL!);
  opened.push(a);
  const b = { page: await island('HJ02', baseURL!, 'guanli2') };
  await enrol(b.page, hall.codes['HJ02']!);
  await expect(b.page.getByTestId('sync-status')).toHaveAttribute('data-phase', 'synced', {
    timeout: 60_000,
  });

  // C, alone as HJ01: its clerk takes a case in; its administrator enrols it under HJ01.
  const c = await island('HJ01', baseURL!);
  await addStaff(c, ['clerk']);
  const onC = await takeInCase(c);
  expect(onC.caseNo).toMatch(/^HJ01-\d{8}-0001$/);
  const newNo = onC.caseNo.replace(/^HJ01/, 'HJ03');
  await c.getByTestId('user-menu').click();
  await c.getByTestId('menu-signout').click();
  await signIn(c, STATION_ADMIN.username, STATION_ADMIN.password);
  const again = extra.again;
  await enrol(c, again);
  const join = c.getByTestId('hall-join');
  await expect(join).toHaveAttribute('data-status', 'held', { timeout: 60_000 });
  const card = c.getByTestId('join-clash-station_code');
  await expect(card).toHaveAttribute('data-key', 'HJ01');

  // The dialog: a wrong code is refused with its reason, the hall's code too; nothing changes.
  const hj03 = extra.hj03;
  await fillRecode(c, 'H1-', hj03, '大厅的 HJ01 是一号窗口，本机改用 HJ03');
  const dialog = c.getByTestId('join-recode-dialog');
  await expect(dialog.getByTestId('join-recode-preview')).toContainText(
    `${onC.caseNo} → …${onC.caseNo.slice(4)}`,
  );
  await c.getByTestId('join-recode-confirm').click();
  await expect(dialog.getByTestId('join-recode-problem')).toHaveText(
    '新站点代码须为 2–4 位大写字母或数字，以字母开头，例如 HJ05。',
  );
  await c.getByTestId('join-recode-code').fill('hj02');
  await c.getByTestId('join-recode-confirm').click();
  await expect(dialog.getByTestId('join-recode-problem')).toHaveText(
    '大厅已有站点代码 HJ02 的记录。请换一个大厅尚未使用的代码（可请服务器管理员运行 station list 查看）。',
  );
  await c.getByTestId('join-recode-code').fill('HJ03');
  await expect(dialog.getByTestId('join-recode-preview')).toContainText(`${onC.caseNo} → ${newNo}`);
  await shot(c, 'hall-recode-dialog-zh-CN');
  await c.getByRole('button', { name: '取消' }).click();
  await language(c, 'en');
  await fillRecode(c, 'HJ03', hj03, 'HJ01 is window 1 of the hall; this PC takes HJ03');
  await expect(c.getByTestId('join-recode-preview')).toContainText(`${onC.caseNo} → ${newNo}`);
  await expect(c.getByTestId('join-recode-dialog')).toContainText(
    'Every record of this station is re-chained under the new station code',
  );
  await shot(c, 'hall-recode-dialog-en');
  await c.getByRole('button', { name: 'Cancel' }).click();
  await language(c, 'zh-CN');

  // Re-coded: the notice says so; the check runs again under HJ03 and lists the name clash.
  await fillRecode(c, 'HJ03', hj03, '大厅的 HJ01 是一号窗口，本机改用 HJ03');
  await c.getByTestId('join-recode-confirm').click();
  await expect(c.getByTestId('join-recode-dialog')).toHaveCount(0, { timeout: 60_000 });
  await expect(c.getByTestId('hall-join-recoded')).toContainText(
    '本机的站点代码已由 HJ01 改为 HJ03',
  );
  await expect(c.getByTestId('hall-enrolment')).toContainText('HJ03');
  const name = c.getByTestId('join-clash-username');
  await expect(name).toHaveAttribute('data-key', 'admin', { timeout: 60_000 });
  await expect(c.getByTestId('join-clash-station_code')).toHaveCount(0);
  await shot(c, 'hall-recode-done-zh-CN');
  await name.getByTestId('join-decision-different_person').check();
  await name.getByTestId('join-rename').fill('guanli3');
  await name.getByTestId('join-settle').click();
  await expect(c.getByTestId('hall-join-clear')).toBeVisible({ timeout: 60_000 });
  await expect(c.getByTestId('sync-status')).toHaveAttribute('data-phase', 'synced', {
    timeout: 60_000,
  });

  // B holds C's case under HJ03, finds it by both numbers; its timeline says 原编号 ….
  await b.page.getByTestId('nav-cases').click();
  const box = b.page.getByTestId('case-search');
  await expect(async () => {
    await box.fill('');
    await box.fill(newNo);
    await expect(b.page.getByTestId(`case-row-${newNo}`)).toBeVisible({ timeout: 2000 });
  }).toPass({ timeout: 60_000 });
  await box.fill(onC.caseNo);
  const row = b.page.getByTestId(`case-row-${newNo}`);
  await expect(row).toBeVisible();
  await expect(row.getByTestId('case-row-former')).toHaveText(`原编号 ${onC.caseNo}`);
  await shot(b.page, 'hall-recode-search-on-B-zh-CN');
  await row.click();
  await expect(b.page.getByTestId('case-no')).toHaveText(newNo);
  await expect(b.page.getByTestId('case-former')).toHaveText(`原编号 ${onC.caseNo}`);
  await expect(b.page.locator('[data-event="case.renumbered"]')).toContainText(
    `原编号 ${onC.caseNo}，新编号 ${newNo}`,
  );
  await shot(b.page, 'hall-recode-timeline-on-B-zh-CN');
});
