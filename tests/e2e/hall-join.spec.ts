// Joining the hall with data of one's own (issue 17 item 4), end to end: a real hall server
// process (embedded PGlite in a temp folder) and two Chromium profiles, each its own IndexedDB.
// A is enrolled first and takes a case in (受理通知书 N°1). B ran alone: its own administrator
// `admin` and its own clerk `li.clerk` (A has both names too), its own case with the same notice
// number. B is enrolled: nothing is pushed, the frame says why, and 设置 › 大厅同步 lists the
// three clashes (screenshots in zh-CN and en). The administrator settles each — the clerk is
// another person (renamed), the notice number is recorded, B's administrator is A's (closed
// here) — and only then B pushes: both stations end with the same cases, and both list the
// recorded duplicate number. Web target only (the Electron host speaks to the hall from main).
import type { Page } from '@playwright/test';
import { test, expect, pickTarget, shot } from './fixtures';
import { addStaff, signIn, STAFF, STATION_ADMIN } from './session';
import { takeInCase } from './flows';
import { closeStations, enrolStation, HallProcess, openStation, type Station } from './hallHarness';

const hall = new HallProcess('ow-hall-join-');
const profiles: Station[] = [];

test.skip(pickTarget() !== 'web', 'the browser host speaks to the hall here');

test.beforeAll(async () => {
  test.setTimeout(240_000);
  await hall.create([
    { code: 'HJ01', label: '1号窗口', kind: 'counter' },
    { code: 'HJ02', label: '2号窗口', kind: 'counter' },
  ]);
  await hall.start();
});

test.afterAll(async () => {
  await closeStations(profiles);
  await hall.close();
});

/** A fresh profile whose /v1/* goes to the hall server, set up alone as `code`, signed in. */
async function island(code: 'HJ01' | 'HJ02', baseURL: string): Promise<Page> {
  const me = await openStation(hall, code, baseURL, { enrol: false });
  profiles.push(me);
  return me.page;
}

async function signInAgain(page: Page, username: string, password: string) {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('menu-signout').click();
  await signIn(page, username, password);
}

/** Signed in as the administrator: 设置 › 大厅同步, enrolled with the station's code. */
async function enrol(page: Page, code: 'HJ01' | 'HJ02') {
  // Not until 已同步: a station holding clashes is held (暂停上传).
  await enrolStation(hall, page, code, { synced: false });
}

async function openHallPage(page: Page) {
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('open-hall').click();
}

async function caseNos(page: Page) {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const r = indexedDB.open('onewindow');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    const rows = await new Promise<{ caseNo: string }[]>((ok, fail) => {
      const r = db.transaction('cases').objectStore('cases').getAll();
      r.onsuccess = () => ok(r.result as { caseNo: string }[]);
      r.onerror = () => fail(r.error);
    });
    db.close();
    return rows.map((c) => c.caseNo).sort();
  });
}

test('a station that ran alone lists its clashes, pushes nothing until each is settled, then converges', async ({
  baseURL,
}) => {
  test.setTimeout(360_000);
  const a = await island('HJ01', baseURL!);
  await enrol(a, 'HJ01');
  await addStaff(a, ['clerk']);
  const onA = await takeInCase(a);
  await expect(a.getByTestId('sync-status')).toHaveAttribute('data-phase', 'synced', {
    timeout: 60_000,
  });

  // B, alone: the same two user names, its own case with the same notice number.
  const b = await island('HJ02', baseURL!);
  await addStaff(b, ['clerk']);
  const onB = await takeInCase(b);
  await signInAgain(b, STATION_ADMIN.username, STATION_ADMIN.password);
  await enrol(b, 'HJ02');

  const join = b.getByTestId('hall-join');
  await expect(join).toHaveAttribute('data-status', 'held', { timeout: 60_000 });
  await expect(b.getByTestId('sync-status')).toHaveAttribute('data-phase', 'held');
  await expect(b.getByTestId('sync-status')).toContainText('暂停上传 · 3 处加入冲突待处理');
  await expect(b.getByTestId('hall-join-open')).toHaveText('3 处冲突待处理');
  const cards = join.locator('[data-testid^="join-clash-"]');
  await expect(cards).toHaveCount(3);
  expect(
    await cards.evaluateAll((els) => els.map((e) => `${e.dataset['testid']} ${e.dataset['key']}`)),
  ).toEqual([
    'join-clash-username admin',
    `join-clash-username ${STAFF.clerk.username}`,
    'join-clash-notice 惠济资规受〔2026〕1号',
  ]);
  const notice = b.getByTestId('join-clash-notice');
  await expect(notice.getByTestId('join-explain')).toHaveText(
    `文书编号 惠济资规受〔2026〕1号：本机用于案件 ${onB.caseNo}，HJ01 也用于案件 ${onA.caseNo}。文书已经送达，编号不改。`,
  );
  await shot(b, 'hall-join-clashes-zh-CN');
  // Nothing of B is in the hall: A has only its own case.
  expect(await caseNos(a)).toEqual([onA.caseNo]);

  // The same list in English.
  await b.getByTestId('nav-settings').click();
  await b.getByTestId('language-en').click();
  await expect(b.locator('html')).toHaveAttribute('lang', 'en');
  await b.getByTestId('open-hall').click();
  await expect(b.getByTestId('hall-join-open')).toHaveText('Clashes to settle: 3');
  await expect(b.getByTestId('sync-status')).toContainText(
    'Upload held · join clashes to settle: 3',
  );
  await shot(b, 'hall-join-clashes-en');
  await b.getByTestId('nav-settings').click();
  await b.getByTestId('language-zh-CN').click();
  await expect(b.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await b.getByTestId('open-hall').click();

  // Settled one by one; a note is required where the number stands on paper.
  const clerk = b.getByTestId('join-clash-username').filter({ hasText: STAFF.clerk.username });
  await clerk.getByTestId('join-decision-different_person').check();
  await clerk.getByTestId('join-rename').fill('li.clerk2');
  await clerk.getByTestId('join-settle').click();
  await expect(cards).toHaveCount(2);
  await notice.getByTestId('join-settle').click();
  await expect(notice.getByTestId('join-problem')).toHaveText('请写明已经怎样处理，至少 4 个字。');
  await notice.getByTestId('join-note').fill('通知书已交申请人，不改号');
  await notice.getByTestId('join-settle').click();
  await expect(cards).toHaveCount(1);
  await expect(b.getByTestId('sync-status')).toContainText('1 处加入冲突待处理');
  expect(await caseNos(a)).toEqual([onA.caseNo]);
  const admin = b.getByTestId('join-clash-username');
  await admin.getByTestId('join-decision-same_person').check();
  await admin.getByTestId('join-settle').click();

  // Clear: B pushes and pulls; both hold both cases and list the recorded number.
  await expect(b.getByTestId('hall-join-clear')).toBeVisible({ timeout: 60_000 });
  await expect(b.getByTestId('sync-status')).toHaveAttribute('data-phase', 'synced', {
    timeout: 60_000,
  });
  const both = [onA.caseNo, onB.caseNo].sort();
  await expect(async () => expect(await caseNos(a)).toEqual(both)).toPass({ timeout: 30_000 });
  await expect(async () => expect(await caseNos(b)).toEqual(both)).toPass({ timeout: 30_000 });
  await expect(b.getByTestId('hall-join-recorded')).toContainText('通知书已交申请人，不改号');
  await shot(b, 'hall-join-settled-zh-CN');
  await signInAgain(a, STATION_ADMIN.username, STATION_ADMIN.password);
  await openHallPage(a);
  const recordedOnA = a.getByTestId('hall-join-recorded');
  await expect(recordedOnA).toContainText('惠济资规受〔2026〕1号');
  await expect(recordedOnA).toContainText(onA.caseNo);
  await expect(recordedOnA).toContainText(onB.caseNo);
  await shot(a, 'hall-join-recorded-on-A-zh-CN');
  // B's clerk signs in under the new name; B's own administrator account is closed.
  await signInAgain(b, 'li.clerk2', STAFF.clerk.password);
});
