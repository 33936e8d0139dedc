// The case desk on a real case: taken in through the intake screen (Chinese UI, real IndexedDB,
// real PDFs), then found by a scanner's Enter, read on its page (timeline, papers), reopened from
// the archive and reprinted (the reprint recorded against the original), and followed on the
// project page under its stage.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { makeCreditCode } from '../../renderer/src/domain/ids';
import { test, expect, shot } from './fixtures';
import { acceptOneCase as acceptWith } from './flows';
import { setUpWithStaff } from './session';

const CREDIT = makeCreditCode('91410108MA44XY123');
const PROJECT_CODE = '2026-410108-70-01-000123';
/** Takes in one complete building-permit application at the window and accepts it. */
const acceptOneCase = (page: Page) =>
  acceptWith(page, { credit: CREDIT, projectCode: PROJECT_CODE });

const pdfToText = (path: string) => execFileSync('pdftotext', ['-layout', path, '-']).toString();

test('scanner lookup, the case page with timeline and papers, reopen, reprint, project page', async ({
  app,
}) => {
  test.setTimeout(120_000);
  await setUpWithStaff(app, ['clerk']);
  const caseNo = await acceptOneCase(app);

  // The desk counts the new case as taken in today.
  await app.keyboard.press('Alt+3');
  await expect(app.getByTestId('count-takenToday')).toHaveText('1');
  await expect(app.getByTestId('count-overdue')).toHaveText('0');
  await shot(app, 'cases-desk-zh-CN');

  // A scanner types the number and presses Enter: the case page opens directly.
  await expect(app.getByTestId('case-search')).toBeFocused();
  await app.keyboard.type(caseNo, { delay: 5 });
  await app.keyboard.press('Enter');
  await expect(app).toHaveURL(/#\/cases\/case\//);
  await expect(app.getByTestId('case-no')).toHaveText(caseNo);
  await expect(app.getByTestId('case-status')).toHaveText('审查');
  // The full credit code is on the case page (not personal data); the contact phone is masked
  // until someone reveals it (tests/e2e/privacy.spec.ts).
  await expect(app.getByTestId('facts-applicant')).toContainText(CREDIT);
  await expect(app.getByTestId('facts-applicant')).toContainText('138****5678');
  await expect(app.getByTestId('facts-applicant')).not.toContainText('13812345678');
  await expect(app.getByTestId('materials-table')).toContainText('建设工程规划许可申请表');

  // The timeline: the acceptance by the clerk and the two papers printed.
  const timeline = app.getByTestId('timeline');
  await expect(timeline.locator('[data-event="caseAccepted"]')).toContainText('李窗口');
  await expect(timeline.locator('[data-event="caseAccepted"]')).toContainText('受理');
  await expect(timeline.locator('[data-event="paperPrinted"]')).toHaveCount(2);

  // Every paper printed for the case, with its archive id.
  const papers = app.getByTestId('papers').locator('tbody tr');
  await expect(papers).toHaveCount(2);
  await expect(app.getByTestId('papers')).toContainText('受理通知书');
  await expect(app.getByTestId('papers')).toContainText('收件回执');
  await shot(app, 'cases-case-page-zh-CN');

  // Reopen the archived notice: the PDF the host kept (hash checked) is the one printed.
  const notice = papers.filter({ hasText: '受理通知书' });
  const originalId = (await notice.getAttribute('data-testid'))!.replace('paper-', '');
  await notice.getByTestId('paper-open').click();
  await expect(app.getByRole('dialog')).toContainText('SHA-256');
  const [download] = await Promise.all([
    app.waitForEvent('download'),
    app.getByTestId('paper-download').click(),
  ]);
  const path = await download.path();
  expect(readFileSync(path).subarray(0, 5).toString()).toBe('%PDF-');
  const text = pdfToText(path);
  expect(text).toContain('受理通知书');
  expect(text).toContain(caseNo);
  await app.getByRole('dialog').getByRole('button', { name: '关闭' }).click();

  // Reprint it: archived again, recorded as a reprint of the original, on the page and the log.
  await notice.getByTestId('paper-reprint').click();
  await expect(app.getByRole('dialog')).toContainText('受理通知书');
  await app.getByTestId('print-confirm').click();
  await expect(app.getByRole('dialog').getByRole('status')).toContainText('已存档');
  await app.getByRole('dialog').getByRole('button', { name: '关闭' }).click();
  await expect(papers).toHaveCount(3);
  const reprint = app
    .getByTestId('papers')
    .locator('tbody tr', { has: app.getByTestId('reprint-of') });
  await expect(reprint).toHaveCount(1);
  await expect(reprint.getByTestId('reprint-of')).toContainText(originalId);
  await expect(timeline.locator('[data-event="paperReprinted"]')).toContainText(originalId);
  await shot(app, 'cases-case-reprinted-zh-CN');

  // The project page shows the case under 工程建设许可, and nothing under the other stages.
  await app.getByTestId('to-project').click();
  await expect(app.getByTestId('project-page')).toContainText(PROJECT_CODE);
  await expect(app.getByTestId('stage-engineeringPermit')).toContainText(caseNo);
  for (const stage of ['landUsePlanning', 'constructionPermit', 'completionAcceptance'])
    await expect(app.getByTestId(`stage-${stage}`)).toContainText('本阶段暂无案件');
  await shot(app, 'cases-project-zh-CN');

  // Back on the desk: a name fragment lists the case; arrow down and Enter open it.
  await app.getByRole('button', { name: '返回办件查询' }).click();
  const box = app.getByTestId('case-search');
  await box.fill('宏达');
  await expect(app.getByTestId(`case-row-${caseNo}`)).toBeVisible();
  // The list masks nothing that is not personal: an enterprise's credit code is shown.
  await expect(app.getByTestId(`case-row-${caseNo}`)).toContainText(CREDIT);
  await shot(app, 'cases-desk-results-zh-CN');
  await box.press('ArrowDown');
  await expect(app.getByTestId(`case-row-${caseNo}`)).toHaveAttribute('aria-selected', 'true');
  await box.press('Enter');
  await expect(app.getByTestId('case-no')).toHaveText(caseNo);

  // English: the same pages in the second language.
  await app.getByTestId('nav-settings').click();
  await app.getByTestId('language-en').click();
  await expect(app.locator('html')).toHaveAttribute('lang', 'en');
  await app.goBack();
  await expect(app.getByTestId('case-status')).toHaveText('Review');
  await expect(timeline.locator('[data-event="paperReprinted"]')).toContainText('Paper reprinted');
  await shot(app, 'cases-case-page-en');
  await app.getByTestId('to-project').click();
  await expect(app.getByTestId('stage-engineeringPermit')).toContainText(caseNo);
  await shot(app, 'cases-project-en');
  await app.getByRole('button', { name: 'Back to the case desk' }).click();
  await expect(app.getByTestId('count-takenToday')).toHaveText('1');
  await shot(app, 'cases-desk-en');
});
