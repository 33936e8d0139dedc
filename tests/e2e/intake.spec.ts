// 受理 end to end, in the Chinese UI on real IndexedDB: every decision records the case and
// prints its papers (real PDFs, read back with pdftotext); bad input is named and blocks.
import type { Page } from '@playwright/test';
import { hallDateTime } from '../../renderer/src/domain/dates';
import { makeCreditCode } from '../../renderer/src/domain/ids';
import { test, expect, shot, pdfsOf, pdfText } from './fixtures';
import { setUpWithStaff, STAFF } from './session';
import { fillIntake, closePrintDialog } from './flows';

const CREDIT = makeCreditCode('91410108MA44XY123');
const APPLICANT = '郑州宏达置业有限公司';

const fillBasics = (page: Page, opts: { tickAll: boolean; matterLabel?: string }) =>
  fillIntake(page, { ...opts, applicant: APPLICANT, credit: CREDIT.toLowerCase() });

test('accept: the case is recorded and the acceptance notice and receipt print as PDFs', async ({
  app,
}) => {
  await setUpWithStaff(app, ['clerk']);
  await fillBasics(app, { tickAll: true });
  // The credit code was typed in lower case; the field shows it upper-cased and described.
  await expect(app.getByTestId('intake-creditCode')).toHaveValue(CREDIT);
  await expect(app.getByText('企业 · 行政区划 410108')).toBeVisible();
  await expect(app.getByTestId('materials-status')).toContainText('必需材料已齐全');
  await shot(app, 'intake-filled-zh-CN');
  const before = hallDateTime(new Date());
  await app.getByTestId('decide-accept').click();
  await expect(app.getByRole('dialog')).toContainText('打印预览');
  const after = hallDateTime(new Date());
  await shot(app, 'intake-print-preview-zh-CN');
  await app.getByTestId('print-confirm').click();
  await expect(app.getByRole('dialog').getByRole('status')).toContainText('已存档 2 份 PDF');
  await closePrintDialog(app);
  const done = app.getByTestId('intake-done');
  await expect(done).toContainText(/已受理，办件编号 HJ01-\d{8}-0001/);
  const caseNo = /HJ01-\d{8}-0001/.exec((await done.textContent()) ?? '')![0];

  const [notice, receipt] = pdfsOf(app).map(pdfText);
  expect(notice).toContain('受理通知书');
  expect(notice).toContain(APPLICANT);
  expect(notice).toContain(caseNo);
  expect(notice).toContain('建设工程规划许可证核发（建筑类）');
  expect(notice).toMatch(/惠济资规受〔\d{4}〕1号/);
  expect(receipt).toContain('收件回执');
  expect(receipt).toContain(caseNo);
  expect(receipt).toContain('建设工程规划许可申请表');
  // The time of receipt is the recorded acceptance's, on the hall's clock (Beijing time) — the
  // browser here runs in the machine's zone, not Beijing's.
  const at = /(\d{2}:\d{2})/.exec(receipt!.slice(receipt!.indexOf('收件时间')))?.[1];
  expect([before.slice(11), after.slice(11)]).toContain(at);
  // The draft is gone once the decision is recorded.
  await expect(app.getByTestId('intake-applicantName')).toHaveValue('');
});

test('missing material → supplement notice names exactly the missing items → received → accepted', async ({
  app,
}) => {
  await setUpWithStaff(app, ['clerk']);
  await fillBasics(app, { tickAll: true });
  // Two required items did not come.
  const missing = ['1:500 或 1:1000 地形图', '建筑面积计算表'];
  for (const row of await app.locator('[data-testid^="material-"]').all()) {
    const text = (await row.textContent()) ?? '';
    if (missing.some((m) => text.includes(m)))
      await row.locator('[data-testid^="received-"]').uncheck();
  }
  await expect(app.getByTestId('materials-status')).toContainText('还缺 2 项必需材料');
  await expect(app.getByTestId('decide-accept')).toBeDisabled();
  await app.getByTestId('decide-supplement').click();
  await expect(app.locator('textarea[data-testid^="supplement-req-"]')).toHaveCount(2);
  await app.getByTestId('decision-confirm').click();
  await app.getByTestId('print-confirm').click();
  await expect(app.getByRole('dialog').getByRole('status')).toContainText('已存档');
  await closePrintDialog(app);
  const text = pdfText(pdfsOf(app)[0]!);
  expect(text).toContain('补正材料通知书');
  for (const m of missing) expect(text).toContain(m);
  // Nothing that was received is asked for again.
  expect(text).not.toContain('建设工程规划许可申请表');

  // The applicant comes back with both items.
  await app.getByRole('button', { name: '打开办件' }).waitFor();
  const hrefCase = await app.getByTestId('intake-done').textContent();
  const caseNo = /HJ01-\d{8}-\d{4}/.exec(hrefCase ?? '')![0];
  await app.getByRole('button', { name: '打开办件' }).click();
  const id = decodeURIComponent(new URL(app.url()).hash.split('/').pop()!);
  await app.goto(`${new URL(app.url()).origin}/#/intake/case/${encodeURIComponent(id)}`);
  await expect(app.getByTestId('supplement-in')).toContainText(caseNo);
  for (const m of missing) await app.getByLabel(m).check();
  await shot(app, 'intake-supplement-in-zh-CN');
  await app.getByTestId('supplement-in-submit').click();
  await expect(app.getByText('补正材料已交齐')).toBeVisible();
  await expect(app.getByText(`补正后受理：${caseNo}`)).toBeVisible();
  await expect(app.getByTestId('materials-status')).toContainText('必需材料已齐全');
  await app.getByTestId('decide-accept').click();
  await closePrintDialog(app);
  await expect(app.getByTestId('intake-done')).toContainText(`已受理，办件编号 ${caseNo}`);
});

test('refuse: outside the remit names the right agency on the notice', async ({ app }) => {
  await setUpWithStaff(app, ['clerk']);
  await fillBasics(app, { tickAll: true });
  await app.getByTestId('decide-refuse').click();
  await app.getByTestId('refuse-detail').fill('项目位于郑东新区，不属于本局管辖');
  // Without the agency the domain refuses, the dialog stays open with what was typed.
  await app.getByTestId('decision-confirm').click();
  await expect(app.getByTestId('decision-error')).toBeVisible();
  await expect(app.getByTestId('refuse-detail')).toHaveValue('项目位于郑东新区，不属于本局管辖');
  await app.getByTestId('refuse-agency').fill('郑州市自然资源和规划局郑东新区分局');
  await app.getByTestId('decision-confirm').click();
  await app.getByTestId('print-confirm').click();
  await expect(app.getByRole('dialog').getByRole('status')).toContainText('已存档');
  await closePrintDialog(app);
  await expect(app.getByTestId('intake-done')).toContainText('已决定不予受理');
  const text = pdfText(pdfsOf(app)[0]!);
  expect(text).toContain('不予受理通知书');
  expect(text).toContain('郑州市自然资源和规划局郑东新区分局');
});

test('accept with deficiencies: the deferred item and its due date are on the notice', async ({
  app,
}) => {
  await setUpWithStaff(app, ['clerk']);
  await fillBasics(app, { tickAll: true });
  const deferrable = app.locator('[data-testid^="material-"]', { hasText: '可容缺' });
  const row = deferrable.first();
  const name = ((await row.locator('p').first().textContent()) ?? '').trim();
  await row.locator('[data-testid^="received-"]').uncheck();
  await app.getByTestId('decide-deficiencies').click();
  await app.getByTestId('deficiency-due').fill('2026-12-18');
  await shot(app, 'intake-deficiencies-zh-CN');
  await app.getByTestId('decision-confirm').click();
  await app.getByTestId('print-confirm').click();
  await expect(app.getByRole('dialog').getByRole('status')).toContainText('已存档');
  await closePrintDialog(app);
  await expect(app.getByTestId('intake-done')).toContainText('已受理');
  // Lines wrap wherever the paper ends: compare without whitespace.
  const text = pdfText(pdfsOf(app)[0]!).replace(/\s+/g, '');
  expect(text).toContain(`容缺受理`);
  expect(text).toContain(`2026年12月18日前补齐以下材料：${name}`);
});

test('a reload in the middle of an intake keeps the draft', async ({ app }) => {
  await setUpWithStaff(app, ['clerk']);
  await fillBasics(app, { tickAll: false });
  await app.getByTestId('intake-applicantName').fill(`${APPLICANT}（分公司）`);
  await app.reload();
  await app.getByTestId('signin-username').fill('li.clerk');
  await app.getByTestId('signin-password').fill('clerk-pass-1');
  await app.getByTestId('signin-submit').click();
  await app.keyboard.press('Alt+2');
  await expect(app.getByTestId('intake-applicantName')).toHaveValue(`${APPLICANT}（分公司）`);
  await expect(app.getByTestId('intake-creditCode')).toHaveValue(CREDIT);
  await expect(app.getByTestId('intake-field-location')).toHaveValue('惠济区江山路与天河路交叉口');
  await expect(app.getByTestId('draft-saved')).toContainText('草稿已自动保存');
});

test('bad input: invalid credit code and ID numbers are named next to the field and block every decision', async ({
  app,
}) => {
  await setUpWithStaff(app, ['clerk']);
  await fillBasics(app, { tickAll: true });
  // One character changed: the check character no longer fits.
  const wrong = CREDIT.slice(0, 17) + (CREDIT[17] === '0' ? '1' : '0');
  await app.getByTestId('intake-creditCode').fill(wrong);
  await expect(app.getByText('校验位不符：请逐位核对营业执照').first()).toBeVisible();
  for (const b of ['decide-accept', 'decide-supplement', 'decide-refuse'])
    await expect(app.getByTestId(b)).toBeDisabled();
  await expect(app.getByTestId('decision-problems')).toContainText('统一社会信用代码');
  await app.getByTestId('intake-creditCode').fill('91410108');
  await expect(app.getByText('应为 18 位').first()).toBeVisible();
  // A person with a wrong ID number.
  await app.getByTestId('intake-kind-person').click();
  await app.getByTestId('intake-idNumber').fill('110105194912310021');
  await expect(app.getByText('身份证号码无效').first()).toBeVisible();
  await app.getByTestId('intake-contactPhone').fill('1381234');
  await expect(app.getByText('请填写 11 位手机号').first()).toBeVisible();
  await shot(app, 'intake-bad-input-zh-CN');
  await expect(app.getByTestId('decide-accept')).toBeDisabled();
  // Fixing them unblocks the decision; nothing was saved meanwhile.
  await app.getByTestId('intake-idNumber').fill('11010519491231002X');
  await app.getByTestId('intake-contactPhone').fill('0371-63501234');
  await expect(app.getByText('出生日期 1949-12-31')).toBeVisible();
  await expect(app.getByTestId('decide-accept')).toBeEnabled();
});

test('the intake screen in English', async ({ app }) => {
  await setUpWithStaff(app, ['clerk']);
  await app.getByTestId('nav-settings').click();
  await app.getByTestId('language-en').click();
  await fillBasics(app, { tickAll: false, matterLabel: 'Matter' });
  await expect(app.getByRole('heading', { level: 1, name: 'Intake' })).toBeVisible();
  await expect(app.getByTestId('decide-accept')).toBeDisabled();
  await shot(app, 'intake-en');
});

test('a credit code failing its check passes only with a section chief’s recorded override', async ({
  app,
}) => {
  await setUpWithStaff(app, ['clerk', 'chief']);
  const wrong = CREDIT.slice(0, 17) + (CREDIT[17] === '0' ? '1' : '0');
  await fillIntake(app, { applicant: APPLICANT, credit: wrong });
  await expect(app.getByTestId('decide-accept')).toBeDisabled();
  await app.getByTestId('override-open').click();
  // The clerk's own password is not a supervisor's.
  await app.getByTestId('override-username').fill(STAFF.clerk.username);
  await app.getByTestId('override-password').fill(STAFF.clerk.password);
  await app.getByTestId('override-reason').fill('早期试点代码，已核对营业执照原件');
  await app.getByTestId('override-confirm').click();
  await expect(app.getByRole('dialog').getByRole('alert')).toContainText('不是科室负责人或局领导');
  await app.getByTestId('override-username').fill(STAFF.chief.username);
  await app.getByTestId('override-password').fill(STAFF.chief.password);
  await app.getByTestId('override-confirm').click();
  await expect(app.getByText(`已由 ${STAFF.chief.name}`)).toBeVisible();
  await shot(app, 'intake-override-zh-CN');
  await app.getByTestId('decide-accept').click();
  await app.getByTestId('print-confirm').click();
  await expect(app.getByRole('dialog').getByRole('status')).toContainText('已存档');
  await closePrintDialog(app);
  await expect(app.getByTestId('intake-done')).toContainText('已受理');
  // The override is on the record: the case page shows the code as recorded.
  await app.getByRole('button', { name: '打开办件' }).click();
  await expect(app.getByText(wrong).first()).toBeVisible();
});

test('papers that could not be prepared: the case stands, and they are prepared again with the same number', async ({
  app,
}) => {
  await setUpWithStaff(app, ['clerk']);
  await fillBasics(app, { tickAll: true });
  // The paper's font cannot be loaded: rendering fails after the decision was recorded.
  await app.route('**/*.woff2', (route) => route.abort());
  await app.getByTestId('decide-accept').click();
  const failed = app.getByTestId('intake-papers-failed');
  await expect(failed).toContainText('决定已记录，但文书未能准备');
  await expect(app.getByTestId('intake-done')).toContainText(/已受理，办件编号 HJ01-\d{8}-0001/);
  await expect(app.getByTestId('intake-applicantName')).toHaveValue('');
  await shot(app, 'intake-papers-failed-zh-CN');
  await app.unroute('**/*.woff2');
  await failed.getByRole('button', { name: '重新准备文书' }).click();
  await expect(app.getByRole('dialog')).toContainText('打印预览');
  await app.getByTestId('print-confirm').click();
  await expect(app.getByRole('dialog').getByRole('status')).toContainText('已存档 2 份 PDF');
  await closePrintDialog(app);
  await expect(failed).toHaveCount(0);
  // The number the decision recorded — the first of the year, not a second one.
  expect(pdfText(pdfsOf(app)[0]!)).toMatch(/惠济资规受〔\d{4}〕1号/);
});

test('papers that could not be prepared, in English', async ({ app }) => {
  await setUpWithStaff(app, ['clerk']);
  await app.getByTestId('nav-settings').click();
  await app.getByTestId('language-en').click();
  await fillBasics(app, { tickAll: true, matterLabel: 'Matter' });
  await app.route('**/*.woff2', (route) => route.abort());
  await app.getByTestId('decide-accept').click();
  const failed = app.getByTestId('intake-papers-failed');
  await expect(failed).toContainText('The decision is recorded, but its papers could not be');
  await expect(failed.getByRole('button', { name: 'Prepare papers again' })).toBeVisible();
  await shot(app, 'intake-papers-failed-en');
});
