// Issuance end to end: a case taken in at the window, passed by reviewer, chief and director
// (each signed in), then issued with a gapless number and a signed QR code, collected with the
// 送达回证 printed, the rating left to the window's rating device; voided by the chief and reissued; and the
// verification screen telling a voided certificate and a tampered payload apart from a genuine one.
import type { Page } from '@playwright/test';
import { makeCreditCode } from '../../renderer/src/domain/ids';
import { test, expect, shot, pdfsOf, pdfText } from './fixtures';
import { acceptOneCase as acceptWith } from './flows';
import { setUpWithStaff, switchUser } from './session';

const CREDIT = makeCreditCode('91410108MA44XY321');
const APPLICANT = '郑州宏达置业有限公司';
const PROJECT_CODE = '2026-410108-70-01-000321';
/** Takes in one complete building-permit application at the window and accepts it. */
const acceptOneCase = (page: Page) =>
  acceptWith(page, { credit: CREDIT, projectCode: PROJECT_CODE, project: '宏达住宅小区三期' });
// Valid resident ID (GB 11643 check character) of the person who collects the certificate.
const COLLECTOR_ID = '11010519491231002X';

/** One approval step as the signed-in approver: open the case from the inbox and pass it. */
async function passStep(page: Page, caseNo: string) {
  await page.keyboard.press('Alt+4');
  await page.getByTestId(`inbox-row-${caseNo}`).click();
  await page.getByTestId('opinion-text').fill('经审查，符合规划条件，同意。');
  await page.getByTestId('action-pass').click();
  await expect(page.getByTestId(`inbox-row-${caseNo}`)).toHaveCount(0, { timeout: 15_000 });
}

async function printAndClose(page: Page) {
  await page.getByTestId('print-confirm').click();
  await expect(page.getByRole('dialog').getByRole('status')).toBeVisible({ timeout: 20_000 });
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /关闭|Close/ })
    .click();
}

test('intake → three approvals → issue, collect, rate; void, reissue; verify', async ({ app }) => {
  test.setTimeout(240_000);
  await setUpWithStaff(app, ['clerk', 'reviewer', 'chief', 'director']);
  const caseNo = await acceptOneCase(app);

  // A clerk cannot approve: the domain refuses it. (The approval screen says so too.)
  for (const role of ['reviewer', 'chief', 'director'] as const) {
    await switchUser(app, role);
    await passStep(app, caseNo);
  }

  // The clerk's issuance desk: the approved case with the Art. 44 limit and its light.
  await switchUser(app, 'clerk');
  await app.keyboard.press('Alt+5');
  const row = app.getByTestId(`issuance-row-${caseNo}`);
  await expect(row).toContainText('已批准待发证');
  await expect(row.locator('[data-light]')).toHaveAttribute('data-light', 'green');
  await shot(app, 'issuance-desk-zh-CN');
  // The applicant hands over the receipt: a scanner types its QR text into the desk's box.
  await app.getByTestId('issuance-search').click();
  await app.keyboard.type(`OW-CASE:${caseNo}`, { delay: 5 });
  await app.keyboard.press('Enter');

  // The form is pre-filled from the case.
  await expect(app.getByTestId('cert-field-builder')).toHaveValue(APPLICANT);
  await expect(app.getByTestId('cert-field-location')).toHaveValue('惠济区江山路与天河路交叉口');
  await expect(app.getByTestId('issuance-due')).toHaveText(/\d{4}-\d{2}-\d{2}/);
  await app.getByTestId('cert-field-attachments').fill('总平面图、建筑单体图');
  await shot(app, 'issuance-issue-zh-CN');
  await app.getByTestId('issue-submit').click();
  const year = new Date().getFullYear();
  const first = `建字第410108${year}00001号`;
  await expect(app.getByTestId('issuance-notice')).toContainText(first);
  await shot(app, 'issuance-print-zh-CN');
  await printAndClose(app);
  await expect(app.getByTestId('cert-number')).toHaveText(first);
  // Printed: the notice no longer asks for the print.
  await expect(app.getByTestId('issuance-notice')).toHaveText(
    `已发证并已打印证书，证书编号 ${first}。下一步：送达。`,
  );
  await shot(app, 'issuance-printed-zh-CN');

  // Printing again reuses the archived paper: the number stays the same.
  await app.getByTestId('cert-print-again').click();
  await expect(app.getByRole('dialog')).toBeVisible();
  await app.getByRole('dialog').getByRole('button', { name: '关闭' }).click();
  await expect(app.getByTestId('cert-number')).toHaveText(first);

  // Collected at the window by an agent with an authorisation; the 送达回证 prints.
  await app.getByTestId('delivery-pickup').click();
  await app.getByTestId('delivery-name').fill('刘代领');
  await app.getByTestId('delivery-id').fill(COLLECTOR_ID);
  await app.getByTestId('delivery-proxy').check();
  await app.getByTestId('delivery-authorisation').fill('持授权委托书');
  await app.getByTestId('delivery-submit').click();
  await expect(app.getByRole('dialog')).toContainText('送达回证');
  await printAndClose(app);
  await expect(app.getByTestId('cert-facts')).toContainText('1101**********002X');
  // The 送达回证 names who collected and the ID number shown, masked as on every paper.
  const service = pdfText(pdfsOf(app).at(-1)!).replace(/\s+/g, '');
  expect(service).toContain('送达回证');
  // Its number was recorded with the delivery, the first of the year's 送 series.
  expect(service).toMatch(/惠济资规送〔\d{4}〕1号/);
  expect(service).toContain('领取人刘代领');
  expect(service).toContain('1101**********002X');
  expect(service).not.toContain(COLLECTOR_ID);
  expect(service).toContain('代收理由：持授权委托书');

  // Collected at the window: the window's rating device is asked (一次一评); the clerk's screen
  // shows the ratings read-only and offers no way to enter one (tests/e2e/rating.spec.ts rates).
  await expect(app.getByTestId('section-case-ratings')).toContainText('尚无评价');
  await expect(app.getByTestId('section-case-ratings').getByRole('button')).toHaveCount(0);
  await expect(app.getByTestId('rating-submit')).toHaveCount(0);
  await shot(app, 'issuance-rating-zh-CN');

  const caseHash = new URL(app.url()).hash;

  // The chief voids the certificate (the record is kept); the clerk reissues with the next number.
  await switchUser(app, 'chief');
  await app.evaluate((h) => (window.location.hash = h), caseHash);
  await app.getByTestId('cert-void').click();
  await app.getByTestId('void-reason').fill('证书内容打印错误');
  await app.getByTestId('void-confirm').click();
  await expect(app.getByTestId('cert-voided')).toContainText(first);
  await switchUser(app, 'clerk');
  await app.keyboard.press('Alt+5');
  await app.getByTestId(`issuance-row-${caseNo}`).click();
  await expect(app.getByTestId('cert-field-attachments')).toHaveValue('总平面图、建筑单体图');
  await app.getByTestId('issue-submit').click();
  const second = `建字第410108${year}00002号`;
  await expect(app.getByTestId('issuance-notice')).toContainText(second);
  await printAndClose(app);
  await expect(app.getByTestId('cert-number')).toHaveText(second);
  await expect(app.getByTestId('cert-voided')).toContainText(first);
  await shot(app, 'issuance-reissued-zh-CN');

  // Verification: the voided number is replaced, the new one current, a forged payload not genuine.
  await app.keyboard.press('Alt+5');
  await app.getByTestId('issuance-verify-open').click();
  const verify = async (text: string) => {
    await app.getByTestId('verify-input').fill(text);
    await app.keyboard.press('Enter');
    return app.getByTestId('verify-result');
  };
  await expect(await verify(first)).toHaveAttribute('data-verdict', 'replaced');
  await expect(app.getByTestId('verify-result')).toContainText(second);
  await shot(app, 'issuance-verify-replaced-zh-CN');
  await expect(await verify(second)).toHaveAttribute('data-verdict', 'onRecord');
  const forged = `{"d":"${year}-01-05","h":"${APPLICANT}","k":"0123456789abcdef","no":"${second}","t":"constructionPermit","v":1}.${'A'.repeat(86)}`;
  await expect(await verify(forged)).toHaveAttribute('data-verdict', 'notGenuine');
  await shot(app, 'issuance-verify-forged-zh-CN');
});

test('voided shows as voided; the screens in English, and a reissue printed', async ({ app }) => {
  test.setTimeout(240_000);
  await setUpWithStaff(app, ['clerk', 'reviewer', 'chief', 'director']);
  const caseNo = await acceptOneCase(app);
  for (const role of ['reviewer', 'chief', 'director'] as const) {
    await switchUser(app, role);
    await passStep(app, caseNo);
  }
  await switchUser(app, 'clerk');
  await app.keyboard.press('Alt+5');
  await app.getByTestId(`issuance-row-${caseNo}`).click();
  // An externally assigned number (national supervision system) typed in.
  await app.getByTestId('cert-field-attachments').fill('总平面图');
  await app.getByTestId('number-external').check();
  await app.getByTestId('external-number').fill('JG-2026-0001234');
  await app.getByTestId('issue-submit').click();
  await expect(app.getByTestId('issuance-notice')).toContainText('JG-2026-0001234');
  await printAndClose(app);
  const caseHash = new URL(app.url()).hash;
  // A clerk may not void: the domain refuses with a message.
  await app.getByTestId('cert-void').click();
  await app.getByTestId('void-reason').fill('测试');
  await app.getByTestId('void-confirm').click();
  await expect(app.getByTestId('issuance-notice')).toContainText('无权');
  await switchUser(app, 'chief');
  await app.evaluate((h) => (window.location.hash = h), caseHash);
  await app.getByTestId('cert-void').click();
  await app.getByTestId('void-reason').fill('申请人撤回');
  await app.getByTestId('void-confirm').click();
  await expect(app.getByTestId('cert-voided')).toContainText('JG-2026-0001234');
  await app.keyboard.press('Alt+5');
  await app.getByTestId('issuance-verify-open').click();
  await app.getByTestId('verify-input').fill('JG-2026-0001234');
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('verify-result')).toHaveAttribute('data-verdict', 'voided');

  // English.
  await app.keyboard.press('Alt+8');
  await app.getByTestId('language-en').click();
  await expect(app.locator('html')).toHaveAttribute('lang', 'en');
  await app.keyboard.press('Alt+5');
  await expect(app.getByRole('heading', { name: 'Issuance' })).toBeVisible();
  await shot(app, 'issuance-desk-en');
  await app.getByTestId(`issuance-row-${caseNo}`).click();
  await expect(app.getByTestId('section-issuance-reissue')).toContainText('Reissue');
  await shot(app, 'issuance-reissue-en');
  await app.keyboard.press('Alt+5');
  await app.getByTestId('issuance-verify-open').click();
  await app.getByTestId('verify-input').fill('JG-2026-0001234');
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('verify-result')).toContainText('Voided');
  await shot(app, 'issuance-verify-en');

  // The clerk reissues and prints: the notice then says it was printed.
  await switchUser(app, 'clerk');
  await app.keyboard.press('Alt+5');
  await app.getByTestId(`issuance-row-${caseNo}`).click();
  await app.getByTestId('number-external').check();
  await app.getByTestId('external-number').fill('JG-2026-0001235');
  await app.getByTestId('issue-submit').click();
  await printAndClose(app);
  await expect(app.getByTestId('issuance-notice')).toHaveText(
    'Certificate JG-2026-0001235 issued and printed. Next: delivery.',
  );
  await shot(app, 'issuance-printed-en');
});
