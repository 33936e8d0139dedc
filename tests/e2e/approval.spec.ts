// 审批 end to end, in the Chinese UI on real IndexedDB: a case taken in at the window goes
// 审查 → 审核 → 审批 with each role signed in; a return and resubmission; a suspension whose
// working days move the deadline exactly; extension and denial print their notices (real PDFs
// read back with pdftotext); a clerk's attempt is refused with the domain's message.
import type { Page } from '@playwright/test';
import { addWorkingDays, caseDeadlines } from '../../renderer/src/domain';
import { test, expect, shot, pdfsOf, pdfText } from './fixtures';
import { FLOW_APPLICANT, openStep, takeInCase, closePrintDialog } from './flows';
import { setUpWithStaff, switchUser } from './session';

/** Monday 2 March 2026, 09:00 in Zhengzhou: a plain working week with no holidays. */
/** pdftotext -layout breaks long lines: compare without whitespace. */
const flat = (pdf: Buffer) => pdfText(pdf).replace(/\s+/g, '');

const MONDAY = new Date('2026-03-02T09:00:00+08:00');

async function passStep(page: Page, caseNo: string, phrase: string, flash: string) {
  await page.keyboard.press('Alt+4');
  const row = page.getByTestId(`inbox-row-${caseNo}`);
  await expect(row).toBeVisible();
  // Keyboard: focus the row and open it with Enter.
  await row.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('step-case-no')).toHaveText(caseNo);
  await page.getByTestId(`phrase-${phrase}`).click();
  await page.getByTestId('opinion-text').press('Control+Enter');
  await expect(page.getByTestId('approval-flash')).toContainText(flash);
}

test('one case through 审查 → 审核 → 审批 with a return and resubmission; a clerk is refused', async ({
  app,
}) => {
  test.setTimeout(180_000);
  await setUpWithStaff(app, ['clerk', 'reviewer', 'chief', 'director']);
  const { caseNo, caseId } = await takeInCase(app);

  // The clerk sees that the area is for approvers, and an attempt is refused by the domain.
  await app.keyboard.press('Alt+4');
  await expect(app.getByTestId('approval-not-approver')).toContainText(
    '审批区供审查、审核、审批人员使用',
  );
  await shot(app, 'approval-clerk-zh-CN');
  await openStep(app, caseId);
  await expect(app.getByTestId('step-role-warning')).toBeVisible();
  await app.getByTestId('opinion-text').fill('同意');
  await app.getByTestId('action-pass').click();
  await expect(app.getByTestId('step-error')).toContainText(
    '您的角色（窗口受理员）无权执行此操作（审查通过）',
  );
  await expect(app.getByTestId('step-status')).toHaveText('审查');

  await switchUser(app, 'reviewer');
  await app.keyboard.press('Alt+4');
  await expect(app.getByTestId('inbox-title')).toHaveText('审查待办');
  await expect(app.getByTestId('inbox-counts')).toContainText('待办 1 件');
  await expect(app.getByTestId(`inbox-row-${caseNo}`)).toContainText(FLOW_APPLICANT);
  await shot(app, 'approval-inbox-zh-CN');
  await passStep(app, caseNo, 'conform', `${caseNo} 审查通过，已送审核。`);
  await expect(app.getByTestId('inbox-waiting-empty')).toBeVisible();

  // The chief sends it back with a reason; it returns to the reviewer's inbox.
  await switchUser(app, 'chief');
  await app.keyboard.press('Alt+4');
  await app.getByTestId(`inbox-row-${caseNo}`).click();
  await app.getByTestId('action-return').click();
  await expect(app.getByTestId('dialog-return')).toContainText('将退回到“审查”环节');
  // No reason: the dialog says so and nothing is recorded.
  await app.getByTestId('action-confirm').click();
  await expect(app.getByTestId('dialog-return')).toContainText('请填写此项');
  await app.getByTestId('dialog-return-reason').fill('总平面图与用地红线不一致，请核实');
  await app.getByTestId('action-confirm').click();
  await expect(app.getByTestId('approval-flash')).toContainText('已退回上一环节');

  await switchUser(app, 'reviewer');
  await app.keyboard.press('Alt+4');
  await app.getByTestId(`inbox-row-${caseNo}`).click();
  await expect(app.getByTestId('return-line')).toContainText('总平面图与用地红线不一致');
  await app.getByTestId('opinion-text').fill('已核实，总平面图与红线一致，拟同意。');
  await app.getByTestId('action-pass').click();
  await expect(app.getByTestId('approval-flash')).toContainText('审查通过');

  await switchUser(app, 'chief');
  await passStep(app, caseNo, 'agree', `${caseNo} 审核通过，已送审批。`);

  await switchUser(app, 'director');
  await app.keyboard.press('Alt+4');
  await app.getByTestId(`inbox-row-${caseNo}`).click();
  await expect(app.getByTestId('step-history')).toContainText('同意审查意见，报请审批。');
  await app.getByTestId('phrase-approve').click();
  await shot(app, 'approval-step-zh-CN');
  await app.getByTestId('action-pass').click();
  await expect(app.getByTestId('approval-flash')).toContainText(`${caseNo} 已批准`);
  await expect(app.getByTestId('inbox-counts')).toContainText('待办 0 件');
  await openStep(app, caseId);
  await expect(app.getByTestId('step-status')).toHaveText('已批准待发证');
});

test('suspend and resume move the deadline by exactly the suspended working days; extend and deny print', async ({
  app,
}) => {
  test.setTimeout(180_000);
  await app.clock.install({ time: MONDAY });
  await setUpWithStaff(app, ['clerk', 'reviewer', 'chief', 'director']);
  const { caseNo, caseId } = await takeInCase(app);

  await switchUser(app, 'reviewer');
  await openStep(app, caseId);
  const before = await app.getByTestId('due-promised').textContent();
  const clock = {
    acceptedOn: '2026-03-02',
    legalDays: 20,
    promisedDays: 2,
    greenChannel: false,
    extended: false,
  };
  expect(before).toBe(caseDeadlines({ ...clock, suspensions: [] }, '2026-03-02').promisedDueOn);

  await app.getByTestId('action-suspend').click();
  await app.getByTestId('dialog-suspend-reason').fill('需组织专家对日照分析进行论证');
  await app.getByTestId('suspend-days').fill('3');
  await app.getByTestId('action-confirm').click();
  await expect(app.getByRole('dialog')).toContainText('打印预览');
  await app.getByTestId('print-confirm').click();
  await expect(app.getByRole('dialog').getByRole('status')).toContainText('已存档');
  await closePrintDialog(app);
  await expect(app.getByTestId('approval-flash')).toContainText('已进入特殊程序');
  await expect(app.getByTestId(`inbox-row-${caseNo}`)).toBeVisible();
  await expect(app.getByTestId('inbox-suspended')).toContainText(caseNo);
  const special = flat(pdfsOf(app).at(-1)!);
  expect(special).toContain('特殊程序告知书');
  expect(special).toContain('需组织专家对日照分析进行论证');
  expect(special).toContain('预计需要3个工作日');
  expect(special).toContain(caseNo);
  await shot(app, 'approval-inbox-suspended-zh-CN');

  // Three working days later (Thursday) the expert opinion is in.
  await app.clock.setSystemTime(new Date('2026-03-05T09:30:00+08:00'));
  await openStep(app, caseId);
  await app.getByTestId('action-resume').click();
  await app.getByTestId('action-confirm').click();
  // Resuming prints the written notice the 特殊程序告知书 promised, with the days not counted.
  await expect(app.getByRole('dialog')).toContainText('打印预览：恢复审查告知书');
  await app.getByTestId('print-confirm').click();
  await expect(app.getByRole('dialog').getByRole('status')).toContainText('已存档');
  await closePrintDialog(app);
  await expect(app.getByTestId('step-notice')).toContainText('已恢复计时');
  const resumption = flat(pdfsOf(app).at(-1)!);
  expect(resumption).toContain('恢复审查告知书');
  expect(resumption).toContain(caseNo);
  expect(resumption).toContain('专家评审已于2026年3月5日结束');
  expect(resumption).toContain('专家评审所需时间共3个工作日，不计算在行政许可期限内');
  expect(resumption).toContain('本机关自即日起恢复审查，审批期限继续计算');
  expect(resumption).toMatch(/惠济资规恢〔2026〕1号/);
  await expect(app.getByTestId('step-status')).toHaveText('审查');
  const after = await app.getByTestId('due-promised').textContent();
  const suspensions = [{ from: '2026-03-02', to: '2026-03-05' }];
  expect(after).toBe(caseDeadlines({ ...clock, suspensions }, '2026-03-05').promisedDueOn);
  expect(after).toBe(addWorkingDays(before!, 3));
  await expect(app.getByTestId('suspended-days')).toContainText('3 个工作日');

  // On to the director, who extends (notice printed) and then denies (decision printed).
  await app.getByTestId('opinion-text').fill('专家论证意见已收到，拟同意。');
  await app.getByTestId('action-pass').click();
  await switchUser(app, 'chief');
  await openStep(app, caseId);
  await app.getByTestId('opinion-text').fill('同意审查意见，报请审批。');
  await app.getByTestId('action-pass').click();
  await expect(app.getByTestId('approval-flash')).toContainText('审核通过');

  await switchUser(app, 'director');
  await openStep(app, caseId);
  const legalBefore = await app.getByTestId('due-legal').textContent();
  await app.getByTestId('action-extend').click();
  await app.getByTestId('dialog-extend-reason').fill('项目涉及多部门联合审查，相关意见尚未反馈');
  await app.getByTestId('action-confirm').click();
  await app.getByTestId('print-confirm').click();
  await expect(app.getByRole('dialog').getByRole('status')).toContainText('已存档');
  await closePrintDialog(app);
  await expect(app.getByTestId('step-notice')).toContainText('已延期 10 个工作日');
  await expect(app.getByTestId('due-legal')).toHaveText(addWorkingDays(legalBefore!, 10));
  await expect(app.getByTestId('action-extend')).toHaveCount(0);
  const extension = flat(pdfsOf(app).at(-1)!);
  expect(extension).toContain('延期告知书');
  expect(extension).toContain('项目涉及多部门联合审查');

  await app.getByTestId('action-deny').click();
  await app
    .getByTestId('dialog-deny-reason')
    .fill('申请的建设工程容积率为3.2，超出规划条件确定的上限2.5');
  await shot(app, 'approval-deny-dialog-zh-CN');
  await app.getByTestId('action-confirm').click();
  await app.getByTestId('print-confirm').click();
  await expect(app.getByRole('dialog').getByRole('status')).toContainText('已存档');
  await closePrintDialog(app);
  await expect(app.getByTestId('approval-flash')).toContainText('已作出不予许可决定');
  const denial = flat(pdfsOf(app).at(-1)!);
  expect(denial).toContain('不予行政许可决定书');
  expect(denial).toContain('容积率为3.2');
  expect(denial).toContain('城乡规划法');
  expect(denial).toMatch(/惠济资规不许〔2026〕1号/);
  // The applicant's remedies: administrative review within 60 days or a lawsuit within six
  // months; no review body is set at this station, so the general wording, never a blank.
  expect(denial).toContain('自收到本决定书之日起六十日内依法向有管辖权的行政复议机关申请行政复议');
  expect(denial).toContain('自收到本决定书之日起六个月内依法向有管辖权的人民法院提起行政诉讼');
  await openStep(app, caseId);
  await expect(app.getByTestId('step-status')).toHaveText('不予许可');
  await expect(app.getByTestId('step-closed')).toBeVisible();
  // The record holds what the notices said: the expected days and the legal basis.
  await app.evaluate((id) => {
    window.location.hash = `#/cases/case/${encodeURIComponent(id)}`;
  }, caseId);
  const timeline = app.getByTestId('timeline');
  await expect(timeline.locator('[data-event="caseSuspended"]')).toContainText('预计 3 个工作日');
  await expect(timeline.locator('[data-event="caseDenied"]')).toContainText(
    '依据：《中华人民共和国城乡规划法》第四十条',
  );
  await shot(app, 'approval-case-timeline-zh-CN');
  // Every notice of the case is on its page, the resumption notice with them, and it opens.
  const papers = app.getByTestId('papers');
  await expect(papers).toContainText('特殊程序告知书');
  await expect(papers).toContainText('恢复审查告知书');
  await expect(papers).toContainText('延期告知书');
  await papers.screenshot({ path: 'test-results/screens/approval-case-papers-zh-CN.png' });
  await papers
    .getByRole('row', { name: /恢复审查告知书/ })
    .getByTestId('paper-open')
    .click();
  await expect(app.getByRole('dialog')).toContainText('恢复审查告知书');
});

test('English: the inbox and step screen are complete', async ({ app }) => {
  test.setTimeout(120_000);
  await setUpWithStaff(app, ['clerk', 'reviewer']);
  const { caseNo } = await takeInCase(app);
  await switchUser(app, 'reviewer');
  await app.getByTestId('nav-settings').click();
  await app.getByTestId('language-en').click();
  await expect(app.locator('html')).toHaveAttribute('lang', 'en');
  await app.keyboard.press('Alt+4');
  await expect(app.getByTestId('inbox-title')).toHaveText('Review inbox');
  await expect(app.getByTestId('inbox-counts')).toContainText('1 waiting');
  await shot(app, 'approval-inbox-en');
  await app.getByTestId(`inbox-row-${caseNo}`).click();
  await expect(app.getByTestId('action-pass')).toHaveText('Pass review, send to verification');
  await app.getByTestId('phrase-conform').click();
  await shot(app, 'approval-step-en');
  // The labels of the screen are English (applicant data and opinion phrases stay as recorded).
  await expect(app.getByTestId('step-deadlines')).not.toContainText(/[期限承诺]/);
});
