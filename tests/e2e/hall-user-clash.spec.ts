// Hall users of one name (issue 17 item 2), end to end with a real hall server: HJ01 and HJ02
// each create a `wangchuang` before either pulled the other's (their pushes held back at the
// route until both were created). The third station HJ03 keeps HJ01's and leaves HJ02's 王创
// out: its administrator sees it on 用户管理 (a count on the user menu), renames it hall-wide, is
// told the new name, and 王创 signs in on HJ03 with their own password. Every station was set up
// with the same administrator's name, so the set-up admins are listed too. Web target only.
import type { Page, Route } from '@playwright/test';
import { join } from 'node:path';
import { test, expect, pickTarget, checkA11y } from './fixtures';
import { closeStations, enrolStation, HallProcess, openStation, type Station } from './hallHarness';

test.skip(pickTarget() !== 'web', 'the browser host speaks to the hall here');
test.describe.configure({ mode: 'serial' });

const hall = new HallProcess('ow-hall-clash-');
const stations: Station[] = [];

test.beforeAll(async () => {
  test.setTimeout(240_000);
  await hall.create(['HJ01', 'HJ02', 'HJ03', 'HJ04']);
  await hall.start();
});
test.afterAll(async () => {
  await closeStations(stations);
  await hall.close();
});

/** The users screen (a full-screen dialog) as the viewport shows it, tall enough for the list. */
async function shot(page: Page, name: string) {
  await checkA11y(page, name);
  await page.screenshot({
    path: join(import.meta.dirname, '../../test-results/screens', `${name}.png`),
  });
}

/** Holds the station's pushes at the route until `release` is called. */
function holdPushes(page: Page) {
  let open!: () => void;
  const gate = new Promise<void>((r) => (open = r));
  void page.route('**/v1/push', async (route: Route) => {
    await gate;
    await route.fallback();
  });
  return open;
}

async function createUser(page: Page, name: string, password: string, username = 'wangchuang') {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('menu-users').click();
  await page.getByTestId('newuser-username').fill(username);
  await page.getByTestId('newuser-name').fill(name);
  await page.getByTestId('newuser-password').fill(password);
  await page.getByTestId('newuser-password2').fill(password);
  await page.getByTestId('newuser-submit').click();
  await expect(page.getByTestId(`user-row-${username}`)).toContainText(name);
  await page.getByTestId('admin-close').click();
}

test('a third station shows the hall account it left out; renamed, the person signs in there', async ({
  baseURL,
}) => {
  test.setTimeout(480_000);
  const [a, b] = [
    await openStation(hall, 'HJ01', baseURL!),
    await openStation(hall, 'HJ02', baseURL!),
  ];
  stations.push(a, b);
  const releaseA = holdPushes(a.page);
  const releaseB = holdPushes(b.page);
  await createUser(a.page, '王窗口', 'wang-hj01-2026');
  await createUser(b.page, '王创', 'wang-hj02-2026');
  // HJ01's reaches the hall first, then HJ02's.
  releaseA();
  await expect(a.page.getByTestId('sync-status')).toHaveAttribute('data-phase', 'synced', {
    timeout: 60_000,
  });
  releaseB();
  await expect(b.page.getByTestId('sync-status')).toHaveAttribute('data-phase', 'synced', {
    timeout: 60_000,
  });

  const c = await openStation(hall, 'HJ03', baseURL!, { viewport: { width: 1366, height: 1500 } });
  stations.push(c);
  const page = c.page;
  // HJ03 holds its own admin and HJ01's 王窗口: HJ01's and HJ02's admins and HJ02's 王创 left out.
  await expect(page.getByTestId('user-menu-clashes')).toContainText('3', { timeout: 60_000 });
  await page.getByTestId('user-menu').click();
  await expect(page.getByTestId('menu-users-clashes')).toHaveText('3 个同名账号待处理');
  await shot(page, 'user-menu-clashes-zh-CN');
  await page.getByTestId('menu-users').click();
  const card = page.getByTestId('user-clash-wangchuang');
  await expect(card.getByTestId('user-clash-held')).toHaveText(
    /^本工作站启用的账号：王窗口（窗口受理员），HJ01 于 \d{4}-\d\d-\d\d \d\d:\d\d 创建$/,
  );
  await expect(card.getByTestId('user-clash-left-out')).toHaveText(
    /^未同步到本工作站的账号：王创（窗口受理员），HJ02 于 \d{4}-\d\d-\d\d \d\d:\d\d 创建$/,
  );
  await expect(card.getByTestId('user-clash-meaning')).toHaveText(
    '王创（HJ02 创建的账号）在本工作站无法登录：用“wangchuang”登录的是 王窗口（HJ01 创建的账号）。改名之前一直如此。',
  );
  await expect(card.getByTestId('user-clash-todo')).toHaveText(
    '处理办法：给 王创 的账号另取一个登录名（它在大厅中后创建，除 HJ02 外，大厅各工作站都未启用它）。改名会同步到大厅各工作站，密码不变；改名后请当面告知本人新的登录名。',
  );
  await expect(page.getByTestId('user-clash-admin')).toHaveCount(2);
  await shot(page, 'user-clashes-zh-CN');

  // A name this station holds is refused, in words.
  await card.getByTestId('user-clash-new-name').fill('admin');
  await card.getByTestId('user-clash-rename').click();
  await expect(card.getByTestId('user-clash-problem')).toHaveText('该登录名已被使用，请换一个。');
  await card.getByTestId('user-clash-new-name').fill('wangchuang2');
  await card.getByTestId('user-clash-rename').click();
  await expect(page.getByTestId('user-clash-renamed')).toHaveText(
    '王创 的登录名已由“wangchuang”改为“wangchuang2”，大厅各工作站同步后生效。请告知本人：今后用“wangchuang2”登录，密码不变。',
  );
  await expect(page.getByTestId('user-clash-wangchuang')).toHaveCount(0);
  await expect(page.getByTestId('user-row-wangchuang2')).toContainText('王创');
  await shot(page, 'user-clashes-renamed-zh-CN');
  await page.getByTestId('admin-close').click();
  await expect(page.getByTestId('user-menu-clashes')).toContainText('2');

  // The other stations take the new name at their pull: HJ01 writes 王创 under it.
  await expect(async () => {
    const names = await a.page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const r = indexedDB.open('onewindow');
        r.onsuccess = () => ok(r.result);
        r.onerror = () => fail(r.error);
      });
      const rows = await new Promise<{ username: string; name: string }[]>((ok, fail) => {
        const r = db.transaction('users').objectStore('users').getAll();
        r.onsuccess = () => ok(r.result as { username: string; name: string }[]);
        r.onerror = () => fail(r.error);
      });
      db.close();
      return rows.map((u) => `${u.username}:${u.name}`).sort();
    });
    expect(names).toContain('wangchuang2:王创');
  }).toPass({ timeout: 60_000 });

  // 王创 signs in on HJ03 with their own password.
  await page.getByTestId('user-menu').click();
  await page.getByTestId('menu-signout').click();
  await page.getByTestId('signin-username').fill('wangchuang2');
  await page.getByTestId('signin-password').fill('wang-hj02-2026');
  await page.getByTestId('signin-submit').click();
  await expect(page.getByTestId('user-menu')).toContainText('王创');

  // The list in English (the administrator again).
  await page.getByTestId('user-menu').click();
  await page.getByTestId('menu-signout').click();
  await page.getByTestId('signin-username').fill('admin');
  await page.getByTestId('signin-password').fill('counter-2026');
  await page.getByTestId('signin-submit').click();
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('language-en').click();
  await page.getByTestId('user-menu').click();
  await page.getByTestId('menu-users').click();
  await expect(page.getByTestId('user-clash-admin').first()).toContainText(
    'Account left out: 王管理 (Administrator), created on HJ0',
  );
  await shot(page, 'user-clashes-en');
});

test('an island joining: a hall account the stations leave out is never offered as the same person', async ({
  baseURL,
}) => {
  test.setTimeout(300_000);
  // The hall holds three `admin`s (HJ01's first, then HJ02's and HJ03's, left out by the stations).
  const d = await openStation(hall, 'HJ04', baseURL!, {
    enrol: false,
    viewport: { width: 1366, height: 1500 },
  });
  stations.push(d);
  const page = d.page;
  await createUser(page, '张三', 'zhang-san-2026', 'zhangsan');
  await enrolStation(hall, page, 'HJ04', { synced: false });
  const join = page.getByTestId('hall-join');
  await expect(join).toHaveAttribute('data-status', 'held', { timeout: 60_000 });
  const cards = join.locator('[data-testid="join-clash-username"][data-key="admin"]');
  await expect(cards).toHaveCount(3);
  // HJ01's: either decision; HJ02's and HJ03's: why, what to do, and no "same person".
  await expect(cards.nth(0).getByTestId('join-left-out')).toHaveCount(0);
  await expect(cards.nth(0).getByTestId('join-decision-same_person')).toBeEnabled();
  for (const [i, code] of [
    [1, 'HJ02'],
    [2, 'HJ03'],
  ] as const) {
    await expect(cards.nth(i).getByTestId('join-left-out')).toHaveText(
      `大厅中用户名 admin 已有一个先创建的账号；王管理 的这个账号（${code} 创建）是后来的同名账号：除 ${code} 外，大厅各工作站都未启用它，用它登录不了，所以不能选“是同一个人”。若本机的 王管理 与这个大厅账号确是同一个人：请先在大厅中一个已联网工作站的“用户管理”里给这个大厅账号改名，然后再处理本项；否则选择“不是同一个人”，给本机账号另取用户名。`,
    );
    await expect(cards.nth(i).getByTestId('join-decision-same_person')).toBeDisabled();
    await expect(cards.nth(i).getByTestId('join-decision-different_person')).toBeEnabled();
  }
  await cards.nth(1).scrollIntoViewIfNeeded();
  await shot(page, 'hall-join-left-out-zh-CN');

  // The same card in English.
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('language-en').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByTestId('open-hall').click();
  const cardsEn = page
    .getByTestId('hall-join')
    .locator('[data-testid="join-clash-username"][data-key="admin"]');
  await expect(cardsEn.nth(1).getByTestId('join-left-out')).toContainText(
    'every station of the hall but HJ02 leaves out — nobody can sign in with it there, so it cannot be "the same person". If this station\'s 王管理 and that hall account are one person: first rename that hall account under Users',
  );
  await expect(cardsEn.nth(1).getByTestId('join-decision-same_person')).toBeDisabled();
  await cardsEn.nth(1).scrollIntoViewIfNeeded();
  await shot(page, 'hall-join-left-out-en');
});
