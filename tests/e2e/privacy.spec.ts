// Personal numbers on screen (docs/security.md: masked in lists and on receipts, whole only where
// the task needs them): a case taken in for a private person shows the ID number and phone masked;
// "显示完整号码" shows them to the counter roles, and the look is in the case's timeline; the
// reviewer is not offered it. Papers: the acceptance notice keeps the phone it must carry
// (docs/domain.md), the receipt and the one-time notice mask theirs.
import type { Page } from '@playwright/test';
import { makeIdNumber } from '../../renderer/src/domain/ids';
import { expect, pdfsOf, pdfText, shot, test } from './fixtures';
import { closePrintDialog, fillIntake } from './flows';
import { setUpWithStaff, switchUser } from './session';

// 金水区 410105, born 1990-01-01: a number the intake accepts (check digit computed).
const PERSON_ID = makeIdNumber('410105', '1990-01-01', 123);
const PERSON_ID_MASKED = `4101**********${PERSON_ID.slice(-4)}`;
// The contact phone fillIntake types.
const PHONE = '13812345678';
const PHONE_MASKED = '138****5678';
const squash = (s: string) => s.replace(/\s+/g, '');

/** As a clerk: takes in and accepts a building-permit case for a private person, opens it. */
async function takeInPersonCase(page: Page): Promise<string> {
  await fillIntake(page);
  await page.getByTestId('intake-kind-person').click();
  await page.getByTestId('intake-applicantName').fill('李秀英');
  await page.getByTestId('intake-idNumber').fill(PERSON_ID);
  await page.getByTestId('decide-accept').click();
  await page.getByTestId('print-confirm').click();
  await expect(page.getByRole('dialog').getByRole('status')).toContainText('已存档 2 份');
  await closePrintDialog(page);
  await page.getByRole('button', { name: '打开办件' }).click();
  await expect(page).toHaveURL(/#\/cases\/case\//);
  return decodeURIComponent(new URL(page.url()).hash.split('/').pop()!);
}

const openCase = async (page: Page, caseId: string) => {
  await page.evaluate((id) => {
    window.location.hash = `#/cases/case/${encodeURIComponent(id)}`;
  }, caseId);
  await expect(page.getByTestId('case-page')).toBeVisible();
};

test('the case page masks a person’s ID number and phone; a clerk reveals them and the timeline records it', async ({
  app,
}) => {
  await setUpWithStaff(app, ['clerk', 'reviewer']);
  const caseId = await takeInPersonCase(app);

  // Papers: the acceptance notice carries the applicant's phone (docs/domain.md: 受理通知书 —
  // applicant, contact, phone); the receipt only identifies the person, so both are masked.
  const texts = pdfsOf(app).map((pdf) => squash(pdfText(pdf)));
  const notice = texts.find((t) => t.includes('受理通知书'));
  const receipt = texts.find((t) => t.includes('收件回执'));
  expect(notice).toContain(PHONE);
  expect(notice).not.toContain(PERSON_ID);
  expect(receipt).toContain(PERSON_ID_MASKED);
  expect(receipt).not.toContain(PERSON_ID);
  expect(receipt).not.toContain(PHONE);

  const facts = app.getByTestId('facts-applicant');
  await expect(facts).toContainText(PERSON_ID_MASKED);
  await expect(facts).toContainText(PHONE_MASKED);
  await expect(facts).not.toContainText(PERSON_ID);
  await expect(facts).not.toContainText(PHONE);
  const timeline = app.getByTestId('timeline');
  await expect(timeline.locator('[data-event="personalDataRevealed"]')).toHaveCount(0);
  await shot(app, 'privacy-case-masked-zh-CN');

  await app.getByTestId('personal-reveal').click();
  await expect(facts).toContainText(PERSON_ID);
  await expect(facts).toContainText(PHONE);
  const record = timeline.locator('[data-event="personalDataRevealed"]');
  await expect(record).toHaveCount(1);
  await expect(record).toContainText('查看完整号码');
  await expect(record).toContainText('李窗口');
  await expect(record).toContainText('申请人身份证号码、联系电话');
  await shot(app, 'privacy-case-revealed-zh-CN');

  // Hiding shows less and records nothing.
  await app.getByTestId('personal-hide').click();
  await expect(facts).toContainText(PERSON_ID_MASKED);
  await expect(facts).not.toContainText(PERSON_ID);
  await expect(record).toHaveCount(1);

  // The reviewer's work does not need the whole numbers: no button, numbers masked, and the
  // clerk's reveal is no longer in force for the next user at this station.
  await switchUser(app, 'reviewer');
  await openCase(app, caseId);
  await expect(facts).toContainText(PERSON_ID_MASKED);
  await expect(facts).not.toContainText(PERSON_ID);
  await expect(app.getByTestId('personal-reveal')).toHaveCount(0);
  await expect(timeline.locator('[data-event="personalDataRevealed"]')).toHaveCount(1);
  await shot(app, 'privacy-case-reviewer-zh-CN');
});

test('English: the reveal control and its timeline record read in English', async ({ app }) => {
  await setUpWithStaff(app, ['clerk']);
  const caseId = await takeInPersonCase(app);
  await app.getByTestId('nav-settings').click();
  await app.getByTestId('language-en').click();
  await expect(app.locator('html')).toHaveAttribute('lang', 'en');
  await openCase(app, caseId);

  const facts = app.getByTestId('facts-applicant');
  await expect(facts).toContainText(PERSON_ID_MASKED);
  await expect(app.getByTestId('personal-reveal')).toHaveText('Show full number');
  await app.getByTestId('personal-reveal').click();
  await expect(facts).toContainText(PERSON_ID);
  const record = app.getByTestId('timeline').locator('[data-event="personalDataRevealed"]');
  await expect(record).toContainText('Full numbers shown');
  await expect(record).toContainText("applicant's ID number, contact phone");
  await expect(app.getByTestId('personal-hide')).toHaveText('Hide numbers');
  await shot(app, 'privacy-case-revealed-en');
});

test('a saved counselling session and its one-time notice show the phone masked', async ({
  app,
}) => {
  await setUpWithStaff(app, ['clerk']);
  await expect(app.getByTestId('counselling-editor')).toBeVisible();
  await app.getByTestId('matter-search').fill('GCGH-JZ');
  await app.getByTestId('matter-search').press('Enter');
  for (const q of ['agent', 'deptOpinion', 'demolition'])
    await app.getByTestId(`answer-${q}-no`).click();
  await app.getByTestId('applicant-name').fill('李秀英');
  await app.getByTestId('applicant-phone').fill('13803712468');
  // Where the clerk types, the number stays as typed.
  await expect(app.getByTestId('applicant-phone')).toHaveValue('13803712468');

  await app.getByTestId('save-print').click();
  await app.getByTestId('print-confirm').click();
  const dialog = app.getByRole('dialog');
  await expect(dialog.getByRole('status')).toBeVisible({ timeout: 30_000 });
  await dialog.getByRole('button', { name: '关闭' }).click();
  const paper = squash(pdfText(pdfsOf(app).at(-1)!));
  expect(paper).toContain('一次性告知单');
  expect(paper).toContain('138****2468');
  expect(paper).not.toContain('13803712468');

  const saved = app.getByTestId('saved-session');
  await expect(saved.getByTestId('applicant-phone')).toHaveValue('138****2468');
  await shot(app, 'privacy-counselling-saved-zh-CN');
});
