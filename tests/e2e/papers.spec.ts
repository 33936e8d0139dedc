// The papers as an applicant reads them, from a station set up with only some office facts:
// set-up asks for them, settings and the print dialog say what is missing, and the papers leave
// those sentences out instead of printing blanks. The 补正 dialog takes a requirement per item
// and a supply-by date, and the notice prints both (real PDFs read back with pdftotext).
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { test, expect, shot, pdfsOf, pdfText } from './fixtures';
import { closePrintDialog, fillIntake } from './flows';
import { addStaff, fillSetUp, signIn, STATION_ADMIN } from './session';

/** A screenshot of one part of a long screen (the settings page is many screens tall). */
const shotOf = (part: Locator, name: string) =>
  part.screenshot({ path: join(import.meta.dirname, '../../test-results/screens', `${name}.png`) });

const flat = (pdf: Buffer) => pdfText(pdf).replace(/\s+/g, '');
/** Monday 2 March 2026, 09:00 in Zhengzhou. */
const MONDAY = new Date('2026-03-02T09:00:00+08:00');

/** The browser host keeps the language in localStorage: the set-up screen in English. */
async function setUpScreenIn(page: Page, language: 'en' | 'zh-CN') {
  await page.evaluate((lng) => {
    const raw = localStorage.getItem('onewindow.settings');
    const settings = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    localStorage.setItem('onewindow.settings', JSON.stringify({ ...settings, language: lng }));
  }, language);
  await page.reload();
  await expect(page.getByTestId('setup-submit')).toBeVisible({ timeout: 20_000 });
}

test('set-up asks for the office facts; what is missing is said, and no paper prints a blank', async ({
  app,
  target,
}) => {
  test.setTimeout(180_000);
  await app.clock.install({ time: MONDAY });
  await expect(app.getByTestId('setup-submit')).toBeVisible({ timeout: 20_000 });
  await expect(app.getByText('文书上的机关信息')).toBeVisible();
  await shot(app, 'papers-setup-zh-CN');
  if (target === 'web') {
    await setUpScreenIn(app, 'en');
    await expect(app.getByText('Office details on the papers')).toBeVisible();
    await shot(app, 'papers-setup-en');
    await setUpScreenIn(app, 'zh-CN');
  }

  // Only the enquiry phone is known at set-up; a wrong one is named before anything is saved.
  await fillSetUp(app);
  await app.getByTestId('setup-phone').fill('63500000');
  await app.getByTestId('setup-submit').click();
  await expect(app.getByText('咨询电话应为带区号的固定电话').first()).toBeVisible();
  await app.getByTestId('setup-phone').fill('0371-63500000');
  await app.getByTestId('setup-submit').click();
  await signIn(app, STATION_ADMIN.username, STATION_ADMIN.password);

  await app.keyboard.press('Alt+8');
  const missing = app.getByTestId('office-missing');
  await expect(missing).toContainText(
    '以下信息尚未填写：机关地址、办理进度查询网址、行政复议机关、行政诉讼管辖法院',
  );
  await expect(missing).toContainText('依法向有管辖权的行政复议机关申请行政复议');
  await expect(app.getByTestId('office-phone')).toHaveValue('0371-63500000');
  await shotOf(app.getByRole('region', { name: '本机关信息' }), 'papers-settings-office-zh-CN');
  await app.getByTestId('language-en').click();
  await expect(app.getByTestId('office-missing')).toContainText('Not filled in yet');
  await shotOf(app.getByRole('region', { name: 'This office' }), 'papers-settings-office-en');
  await app.getByTestId('language-zh-CN').click();

  await addStaff(app, ['clerk']);

  // 补正: two required items did not come; each gets its requirement, and a supply-by date.
  await fillIntake(app);
  for (const id of ['topoMap', 'areaTable']) await app.getByTestId(`received-${id}`).uncheck();
  await app.getByTestId('decide-supplement').click();
  await expect(app.getByTestId('supplement-req-topoMap')).toHaveValue('原件2份');
  await expect(app.getByTestId('supplement-req-areaTable')).toHaveValue('原件1份');
  // Ten working days from Monday 2 March.
  await expect(app.getByTestId('supplement-due')).toHaveValue('2026-03-16');
  await app.getByTestId('supplement-req-topoMap').fill('原件2份，近一年内测绘，加盖测绘单位成果章');
  await app.getByTestId('supplement-req-areaTable').fill('');
  await expect(app.getByRole('dialog')).toContainText('留空则打印');
  await shotOf(app.getByRole('dialog'), 'papers-supplement-dialog-zh-CN');
  await app.getByTestId('supplement-due').fill('2026-03-02');
  await app.getByTestId('decision-confirm').click();
  await expect(app.getByRole('dialog')).toContainText('请填写今天以后的日期');
  await app.getByTestId('supplement-due').fill('2026-03-13');
  await app.getByTestId('decision-confirm').click();
  await app.getByTestId('print-confirm').click();
  await expect(app.getByRole('dialog').getByRole('status')).toContainText('已存档');
  await closePrintDialog(app);
  const supplement = flat(pdfsOf(app).at(-1)!);
  expect(supplement).toContain('补正材料通知书');
  expect(supplement).toContain('原件2份，近一年内测绘，加盖测绘单位成果章');
  expect(supplement).toContain('按一次性告知单所列要求提交，符合法定形式');
  expect(supplement).toContain('请于2026年3月13日前按上述要求补正全部材料后一并提交');

  // Accepted: the progress sentence names the phone only; the print dialog says the website is missing.
  await fillIntake(app);
  await app.getByTestId('decide-accept').click();
  await expect(app.getByTestId('print-office-gaps')).toContainText('办理进度查询网址');
  await app.getByTestId('print-confirm').click();
  await expect(app.getByRole('dialog').getByRole('status')).toContainText('已存档 2 份');
  await closePrintDialog(app);
  const caseNo = /HJ01-\d{8}-\d{4}/.exec((await app.getByTestId('intake-done').textContent())!)![0];
  const notice = flat(pdfsOf(app).at(-2)!);
  expect(notice).toContain(`办理进度可拨打0371-63500000，凭申请编号${caseNo}查询。`);
  expect(notice).not.toContain('或登录');
  expect(notice).toContain('联系电话：0371-63500000');

  // The same dialog in English.
  await app.keyboard.press('Alt+8');
  await app.getByTestId('language-en').click();
  await fillIntake(app, { matterLabel: 'Matter' });
  await app.getByTestId('received-topoMap').uncheck();
  await app.getByTestId('decide-supplement').click();
  await expect(app.getByRole('dialog')).toContainText('Supply by');
  await shotOf(app.getByRole('dialog'), 'papers-supplement-dialog-en');
});
