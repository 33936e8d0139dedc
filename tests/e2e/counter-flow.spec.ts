// The first half of the counter flow in one go: counselling → "开始受理" pre-fills the intake →
// the clerk completes it → accept → the receipt is a real PDF whose text carries the case.
import { makeCreditCode } from '../../renderer/src/domain/ids';
import { closePrintDialog } from './flows';
import { test, expect, shot, pdfsOf, pdfText } from './fixtures';
import { setUpWithStaff } from './session';

test('counselling → intake from it → accept → receipt printed to PDF', async ({ app }) => {
  await setUpWithStaff(app, ['clerk']);
  // Counselling: the matter, its questions (an agent applies), the applicant.
  await app.keyboard.press('Alt+1');
  await app.getByTestId('matter-search').fill('GCGH-JZ');
  await app.getByTestId('matter-search').press('Enter');
  await app.getByTestId('answer-agent-yes').click();
  await app.getByTestId('answer-deptOpinion-no').click();
  await app.getByTestId('answer-demolition-no').click();
  await app.getByTestId('applicant-name').fill('郑州黄河智造科技有限公司');
  await app.getByTestId('applicant-phone').fill('13803712468');
  await app.getByTestId('save-only').click();
  await expect(app).toHaveURL(/#\/counselling\/session\/FD/);
  await app.getByTestId('start-intake').click();

  // The intake arrives pre-filled from the session.
  await expect(app.getByTestId('intake-applicantName')).toHaveValue('郑州黄河智造科技有限公司');
  await expect(app.getByTestId('intake-contactPhone')).toHaveValue('13803712468');
  await expect(app.getByTestId('intake-hasAgent')).toBeChecked();
  await expect(app.getByText('已按辅导记录预填')).toBeVisible();
  await expect(app.getByTestId('material-powerOfAttorney')).toBeVisible();
  await shot(app, 'flow-intake-prefilled-zh-CN');

  // The clerk completes what counselling did not ask.
  await app.getByTestId('intake-creditCode').fill(makeCreditCode('91410108MA9HHXX01'));
  await app.getByTestId('intake-contactName').fill('刘经办');
  await app.getByTestId('intake-agentName').fill('王代理');
  await app.getByTestId('intake-agentIdNumber').fill('11010519491231002X');
  await app.getByTestId('intake-projectName').fill('黄河智造产业园四期厂房');
  await app.getByTestId('intake-field-location').fill('惠济区古荥镇');
  await app.getByTestId('intake-field-floorArea').fill('36000');
  await app.getByTestId('intake-field-scale').fill('厂房3栋');
  for (const box of await app.locator('[data-testid^="received-"]').all()) await box.check();
  await app.getByTestId('decide-accept').click();
  await app.getByTestId('print-confirm').click();
  await expect(app.getByRole('dialog').getByRole('status')).toContainText('已存档 2 份 PDF');
  await closePrintDialog(app);
  // The pre-fill notice belonged to the draft that is now a case; the success is in view.
  await expect(app.getByText('已按辅导记录预填')).toHaveCount(0);
  await expect(app.getByTestId('intake-done')).toBeInViewport();
  const done = (await app.getByTestId('intake-done').textContent()) ?? '';
  const caseNo = /HJ01-\d{8}-0001/.exec(done)![0];

  // The receipt: the last two PDFs are this decision's notice and receipt.
  const receipt = pdfText(pdfsOf(app).at(-1)!);
  expect(receipt).toContain('收件回执');
  expect(receipt).toContain(caseNo);
  expect(receipt).toContain('郑州黄河智造科技有限公司');
  expect(receipt.replace(/\s+/g, '')).toContain('授权委托书');
});
