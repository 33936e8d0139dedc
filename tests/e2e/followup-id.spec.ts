// A bad rating of a private person's case (docs/security.md "Audit events hold no more than
// they need"): the follow-up in 督办台账 names the applicant, never the ID number, and gives a
// person no enterprise link (the link would carry the number in the address). Its cells say what
// a chief can quote: 差评回访 and the case number (never the row id), the case's department, the
// clerk the rating names. zh-CN and en; the weekly paper (PDF read back) in Chinese.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { makeIdNumber } from '../../renderer/src/domain/ids';
import { expect, pdfsOf, pdfText, shot, test } from './fixtures';
import { closePrintDialog, fillIntake } from './flows';
import { setUpWithStaff, STAFF, switchUser } from './session';

const PERSON_ID = makeIdNumber('410105', '1990-01-01', 123);

/** Takes in a person's case, rated 非常不满意 on the device; returns the case number. */
async function ratedBadly(app: Page): Promise<string> {
  const device = await app.context().newPage();
  await device.setViewportSize({ width: 800, height: 1280 });
  await device.goto(new URL('#/floor/rating/HJ01', app.url()).toString());
  await expect(device.getByTestId('rating-device')).toHaveAttribute('data-screen', 'idle');
  await fillIntake(app);
  await app.getByTestId('intake-kind-person').click();
  await app.getByTestId('intake-applicantName').fill('李秀英');
  await app.getByTestId('intake-idNumber').fill(PERSON_ID);
  await app.getByTestId('decide-accept').click();
  await app.getByTestId('print-confirm').click();
  await closePrintDialog(app);
  const done = (await app.getByTestId('intake-done').textContent()) ?? '';
  const caseNo = /HJ01-\d{8}-\d{4}/.exec(done)![0];
  await expect(device.getByTestId('rating-device')).toHaveAttribute('data-screen', 'levels');
  await device.getByTestId('rating-level-1').click();
  await device.getByTestId('rating-reason-slow').click();
  await device.getByTestId('rating-reasons-submit').click();
  await expect(device.getByTestId('rating-thanks')).toBeVisible();
  await device.close();
  return caseNo;
}

const CELLS = {
  'zh-CN': (caseNo: string) => ({
    header: '申请人（企业/个人）',
    number: `差评回访 · ${caseNo}`,
    title: '非常不满意（办事效率低）',
    applicant: '李秀英（个人）',
    department: '建设工程规划科',
    person: `${STAFF.clerk.name}（HJ01 窗口经办）`,
  }),
  en: (caseNo: string) => ({
    header: 'Applicant (enterprise / person)',
    number: `Bad-rating follow-up · ${caseNo}`,
    title: 'Very dissatisfied (Slow service)',
    applicant: '李秀英 (person)',
    department: 'Building permits section',
    person: `${STAFF.clerk.name} (served at window HJ01)`,
  }),
};

for (const lang of ['zh-CN', 'en'] as const) {
  test(`${lang}: a person's bad-rating follow-up shows the name, not the ID number`, async ({
    app,
  }) => {
    test.setTimeout(240_000);
    await setUpWithStaff(app, ['clerk', 'chief']);
    const caseNo = await ratedBadly(app);
    await switchUser(app, 'chief');
    if (lang === 'en') {
      await app.getByTestId('nav-settings').click();
      await app.getByTestId('language-en').click();
      await expect(app.locator('html')).toHaveAttribute('lang', 'en');
    }
    await app.getByTestId('nav-ledgers').click();
    await app.getByTestId('tab-supervision').click();
    const row = app.getByTestId('supervision-row').filter({ hasText: '李秀英' });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(lang === 'zh-CN' ? '差评' : 'Bad rating');
    // The name as plain text: no link to an enterprise page for a person.
    await expect(row.getByRole('button', { name: '李秀英' })).toHaveCount(0);
    await expect(app.getByTestId('supervision')).not.toContainText(PERSON_ID);
    await expect(app.getByTestId('supervision')).not.toContainText(PERSON_ID.slice(6, 14));
    // The cells a chief reads and quotes: never the row id, never a blank.
    const want = CELLS[lang](caseNo);
    await expect(app.getByTestId('supervision').getByRole('columnheader').nth(3)).toHaveText(
      want.header,
    );
    await expect(row.getByTestId('supervision-number')).toHaveText(want.number);
    await expect(row.getByTestId('supervision-title')).toHaveText(want.title);
    await expect(row.getByTestId('supervision-applicant')).toHaveText(want.applicant);
    await expect(row.getByTestId('supervision-department')).toHaveText(want.department);
    await expect(row.getByTestId('supervision-person')).toHaveText(want.person);
    await expect(app.getByTestId('supervision')).not.toContainText('followUp-');
    await shot(app, `followup-person-supervision-${lang}`);
    if (lang === 'en') return;

    // The weekly paper, read back: the same words, in Chinese; no row id, no ID number.
    await app.getByTestId('supervision-print').click();
    const dialog = app.getByRole('dialog');
    await app.getByTestId('print-confirm').click();
    await expect(dialog.getByRole('status')).toBeVisible({ timeout: 30_000 });
    await dialog.getByRole('button', { name: '关闭' }).click();
    const pdf = pdfsOf(app).at(-1)!;
    const text = pdfText(pdf);
    // Cell by cell (pdftotext -raw: a cell wrapped in its column stays together), read flat.
    const file = 'test-results/screens/followup-person-weekly-zh-CN.pdf';
    writeFileSync(file, pdf);
    const cells = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });
    expect(cells.replace(/\s+/g, '')).toContain(
      `1差评回访·${caseNo}李秀英（个人）非常不满意（办事效率低）`,
    );
    expect(cells.replace(/\s+/g, '')).toContain('差评整改建设工程规划科李窗口（HJ01窗口经办）');
    expect(text).not.toContain('followUp-');
    expect(text).not.toContain(PERSON_ID);
  });
}
