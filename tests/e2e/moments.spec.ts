// The counter's quick paths and the messages that go with them, in the Chinese UI on real
// IndexedDB: a walk-in refused with only the applicant's name, the matter and the reason; the
// receipt's QR text typed by a scanner into the desk's and the issuance desk's search boxes; and
// messages that say what is true now — the sign-in screen after a sign-out, the success message
// after 受理, the manual lock and a wrong unlock password, an approval result not shown to the
// next user.
import type { Page } from '@playwright/test';
import { join, resolve } from 'node:path';
import { test, expect, shot, pdfsOf, pdfText } from './fixtures';
import { acceptOneCase, closePrintDialog, fillIntake } from './flows';
import { setUpWithStaff, signIn, STAFF, switchUser } from './session';

const WALK_IN = '郑州惠民装饰工程有限公司';
const screens = resolve(import.meta.dirname, '../../test-results/screens');

/** What is on the screen now (not the whole page): proves a message is in view. */
const viewShot = (page: Page, name: string) =>
  page.screenshot({ path: join(screens, `${name}.png`) });

async function toEnglish(page: Page) {
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('language-en').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
}

test('a walk-in refused with only name, matter and reason; its QR text opens it from the desks', async ({
  app,
}) => {
  await setUpWithStaff(app, ['clerk']);
  await app.keyboard.press('Alt+2');
  // An untouched form: no warnings, only what can be done.
  await expect(app.getByTestId('decision-problems')).toHaveCount(0);
  await expect(app.getByTestId('decision-start')).toHaveText(
    '填写申请人名称并选择申请事项后，即可不予受理或补正；全部填写并收齐材料后可受理。',
  );
  await app.getByTestId('intake-applicantName').fill(WALK_IN);
  await app.getByRole('combobox', { name: '申请事项' }).click();
  await app.getByTestId('matter-GCGH-JZ').click();
  // No credit code, contact, project or materials: 受理 waits, 不予受理 does not.
  await expect(app.getByTestId('decide-accept')).toBeDisabled();
  await expect(app.getByTestId('decide-refuse')).toBeEnabled();
  await expect(app.getByTestId('decision-problems')).toContainText('受理前还有');
  await expect(app.getByTestId('decision-short-ready')).toHaveText(
    '不予受理只需申请人名称和申请事项（已填写的证件号码、电话须正确），现在即可作出。',
  );
  // 补正 names the missing items, which depend on the situation questions.
  await expect(app.getByTestId('decide-supplement')).toBeDisabled();
  await expect(app.getByTestId('supplement-questions')).toBeVisible();
  await shot(app, 'moments-walkin-zh-CN');
  // A credit code typed wrong blocks the refusal too: what is typed must be right.
  await app.getByTestId('intake-creditCode').fill('91410108');
  await expect(app.getByTestId('decide-refuse')).toBeDisabled();
  await app.getByTestId('intake-creditCode').fill('');
  await expect(app.getByTestId('decide-refuse')).toBeEnabled();

  await app.getByTestId('decide-refuse').click();
  await app.getByTestId('refuse-detail').fill('项目位于郑东新区，不属于本局管辖');
  await app.getByTestId('refuse-agency').fill('郑州市自然资源和规划局郑东新区分局');
  await app.getByTestId('decision-confirm').click();
  await app.getByTestId('print-confirm').click();
  await expect(app.getByRole('dialog').getByRole('status')).toContainText('已存档 1 份 PDF');
  await closePrintDialog(app);
  const done = app.getByTestId('intake-done');
  await expect(done).toContainText('已决定不予受理');
  await expect(done).toBeInViewport();
  const caseNo = /HJ01-\d{8}-\d{4}/.exec((await done.textContent()) ?? '')![0];
  const notice = pdfText(pdfsOf(app).at(-1)!).replace(/\s+/g, '');
  expect(notice).toContain('不予受理通知书');
  expect(notice).toContain(WALK_IN);
  expect(notice).toContain('郑州市自然资源和规划局郑东新区分局');
  // No contact or code was given: the notice says so instead of leaving the cells blank.
  expect(notice).toMatch(/联系人及电话\s*未登记/);

  // The desk's search: the QR text and Enter open the case.
  await app.keyboard.press('Alt+3');
  await expect(app.getByTestId('case-search')).toBeFocused();
  await app.keyboard.type(`OW-CASE:${caseNo}`, { delay: 5 });
  await app.keyboard.press('Enter');
  await expect(app).toHaveURL(/#\/cases\/case\//);
  await expect(app.getByTestId('case-no')).toHaveText(caseNo);
  await expect(app.getByTestId('case-status')).toHaveText('不予受理');
  // A cut-off QR text says so instead of "no case contains it".
  await app.getByRole('button', { name: '返回办件查询' }).click();
  await app.getByTestId('case-search').fill(`OW-CASE:${caseNo.slice(0, 9)}`);
  await expect(app.getByText('这是本系统回执上的二维码，但编号不完整或已损坏')).toBeVisible();
  await shot(app, 'moments-desk-scan-damaged-zh-CN');

  // The issuance desk's search: a refused case cannot be issued, and it says so.
  await app.keyboard.press('Alt+5');
  await app.getByTestId('issuance-search').fill(`OW-CASE:${caseNo}`);
  await app.getByTestId('issuance-search').press('Enter');
  await expect(app.getByTestId('issuance-search-not-yet')).toContainText(
    `案件 ${caseNo} 当前为“不予受理”，还不能发证。`,
  );
  await shot(app, 'moments-issuance-scan-zh-CN');

  await toEnglish(app);
  await app.keyboard.press('Alt+3');
  await app.getByTestId('case-search').fill(`OW-CASE:${caseNo.slice(0, 9)}`);
  await expect(app.getByText('This is the QR code of one of our receipts')).toBeVisible();
  await shot(app, 'moments-desk-scan-damaged-en');
  await app.keyboard.press('Alt+5');
  await app.getByTestId('issuance-search').fill(`OW-CASE:${caseNo}`);
  await app.getByTestId('issuance-search').press('Enter');
  await expect(app.getByTestId('issuance-search-not-yet')).toContainText('cannot be issued yet');
  await shot(app, 'moments-issuance-scan-en');
  await app.keyboard.press('Alt+2');
  await app.getByTestId('intake-applicantName').fill(WALK_IN);
  await app.getByRole('combobox', { name: 'Matter' }).click();
  await app.getByTestId('matter-GCGH-JZ').click();
  await expect(app.getByTestId('decision-short-ready')).toBeVisible();
  await shot(app, 'moments-walkin-en');
});

test('messages of the moment: sign-out, after 受理, the manual lock, an approval result', async ({
  app,
}) => {
  test.setTimeout(180_000);
  await setUpWithStaff(app, ['clerk', 'reviewer', 'chief']);

  // Signed out: a plain sign-in screen — no "set-up done", no administrator's name.
  await app.getByTestId('user-menu').click();
  await app.getByTestId('menu-signout').click();
  await expect(app.getByTestId('signin-submit')).toBeVisible();
  await expect(app.getByTestId('signin-username')).toHaveValue('');
  await expect(app.getByText('设置已完成')).toHaveCount(0);
  await shot(app, 'moments-signin-after-signout-zh-CN');
  await signIn(app, STAFF.clerk.username, STAFF.clerk.password);

  // After 受理: the success message is in view, the emptied form shows no warnings.
  const caseNo = await acceptOneCase(app);
  const done = app.getByTestId('intake-done');
  await expect(done).toBeInViewport();
  await expect(done).toBeFocused();
  await expect(app.getByTestId('decision-problems')).toHaveCount(0);
  await expect(app.getByTestId('decision-start')).toBeVisible();
  await viewShot(app, 'moments-after-accept-zh-CN');

  // The manual lock does not say the clerk was away; a wrong password names whose it must be.
  await app.getByTestId('user-menu').click();
  await app.getByTestId('menu-lock').click();
  await expect(app.getByTestId('lock-body')).toHaveText(
    '李窗口（窗口受理员）锁定了屏幕。请输入密码继续，打开的内容都保留着。',
  );
  await app.getByTestId('lock-password').fill('not-my-password');
  await app.getByTestId('lock-unlock').click();
  await expect(app.getByTestId('lock-error')).toHaveText('密码不正确：请输入 李窗口 的登录密码。');
  await shot(app, 'moments-lock-wrong-zh-CN');
  await app.getByTestId('lock-password').fill(STAFF.clerk.password);
  await app.getByTestId('lock-unlock').click();
  await expect(app.getByTestId('lock-overlay')).toHaveCount(0);

  // The reviewer's result is the reviewer's: the chief signing in next does not see it.
  await switchUser(app, 'reviewer');
  await app.keyboard.press('Alt+4');
  await app.getByTestId(`inbox-row-${caseNo}`).click();
  await app.getByTestId('opinion-text').fill('经审查，符合规划条件，同意。');
  await app.getByTestId('action-pass').click();
  await expect(app.getByTestId('approval-flash')).toContainText(`${caseNo} 审查通过`);
  await switchUser(app, 'chief');
  await app.keyboard.press('Alt+4');
  await expect(app.getByTestId(`inbox-row-${caseNo}`)).toBeVisible();
  await expect(app.getByTestId('approval-flash')).toHaveCount(0);
  await shot(app, 'moments-inbox-next-user-zh-CN');

  // English.
  await toEnglish(app);
  await app.getByTestId('user-menu').click();
  await app.getByTestId('menu-lock').click();
  await app.getByTestId('lock-password').fill('not-my-password');
  await app.getByTestId('lock-unlock').click();
  await expect(app.getByTestId('lock-body')).toContainText('locked the screen');
  await expect(app.getByTestId('lock-error')).toHaveText(
    `Wrong password: enter the password of ${STAFF.chief.name}.`,
  );
  await shot(app, 'moments-lock-wrong-en');
  await app.getByTestId('lock-password').fill(STAFF.chief.password);
  await app.getByTestId('lock-unlock').click();
  await expect(app.getByTestId('lock-overlay')).toHaveCount(0);
  await app.getByTestId('nav-approval').click();
  await expect(app.getByTestId(`inbox-row-${caseNo}`)).toBeVisible();
  await expect(app.getByTestId('approval-flash')).toHaveCount(0);
  await shot(app, 'moments-inbox-next-user-en');
  await app.getByTestId('user-menu').click();
  await app.getByTestId('menu-lock').click();
  await app.getByTestId('lock-signout').click();
  await expect(app.getByTestId('signin-username')).toHaveValue('');
  await shot(app, 'moments-signin-after-signout-en');
  await signIn(app, STAFF.clerk.username, STAFF.clerk.password);
  await acceptOneCaseEn(app);
  await viewShot(app, 'moments-after-accept-en');
});

/** The accept flow in English: the same form, English labels. */
async function acceptOneCaseEn(page: Page) {
  await fillIntake(page, { matterLabel: 'Matter' });
  await page.getByTestId('decide-accept').click();
  await page.getByTestId('print-confirm').click();
  await expect(page.getByRole('dialog').getByRole('status')).toContainText('archived');
  await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
  await expect(page.getByTestId('intake-done')).toBeInViewport();
  await expect(page.getByTestId('decision-problems')).toHaveCount(0);
}
