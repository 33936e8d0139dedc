// The browser mode as a plain browser serves it (`npm start` where Electron cannot run): no PDF
// engine. Every printed paper still belongs to the case — archived exactly as rendered (HTML, in
// IndexedDB), listed on the case page, reopened (hash checked) and reprinted from there, the
// reprint recorded — and the counselling notice is saved as the page it was printed as. The
// messages say honestly that no PDF could be made.
import { readFileSync } from 'node:fs';
import { test, expect, shot } from './fixtures';
import { acceptOneCase } from './flows';
import { setUpWithStaff } from './session';

test.use({ pdfEngine: false });

test('a plain browser: papers on the case page, reopened and reprinted; the counselling notice saved', async ({
  app,
  target,
}) => {
  test.skip(target === 'electron', 'the desktop host always makes PDFs');
  await setUpWithStaff(app, ['clerk']);

  // The counselling notice: printed, then saved — as the page it was printed as.
  await app.getByTestId('matter-search').fill('GCGH-JZ');
  await app.getByTestId('matter-search').press('Enter');
  await app.getByTestId('answer-agent-no').click();
  await app.getByTestId('answer-deptOpinion-no').click();
  await app.getByTestId('answer-demolition-no').click();
  await app.getByTestId('applicant-name').fill('郑州黄河智造科技有限公司');
  await app.getByTestId('save-print').click();
  await app.getByTestId('print-confirm').click();
  const status = app.getByRole('dialog').getByRole('status');
  await expect(status).toHaveText(
    '1 份文书已送打印，并已存档 1 份。本机浏览器不能生成 PDF，存档的是打印时的原样网页，可在案件页查看和重新打印。',
    { timeout: 30_000 },
  );
  await shot(app, 'papers-browser-print-done-zh-CN');
  await app.getByRole('dialog').getByRole('button', { name: '关闭' }).click();
  const [notice] = await Promise.all([
    app.waitForEvent('download'),
    app.getByTestId('save-pdf').click(),
  ]);
  const counsellingId = decodeURIComponent(new URL(app.url()).hash.split('/').pop() ?? '');
  expect(notice.suggestedFilename()).toBe(`${counsellingId}.html`);
  const noticeHtml = readFileSync(await notice.path(), 'utf8');
  expect(noticeHtml).toContain('一次性告知单');
  expect(noticeHtml).toContain('郑州黄河智造科技有限公司');
  await expect(app.getByTestId('saved-session').getByRole('status')).toHaveText(
    `本机浏览器不能生成 PDF：告知单已按打印原样另存为网页文件 ${counsellingId}.html，用浏览器打开即可打印或另存为 PDF。`,
  );
  await shot(app, 'papers-browser-counselling-saved-zh-CN');

  // Intake: the acceptance notice and the receipt, both archived.
  const caseNo = await acceptOneCase(app);
  await app.getByRole('button', { name: '打开办件' }).click();
  await expect(app.getByTestId('case-no')).toHaveText(caseNo);
  const rows = app.getByTestId('papers').locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.getByTestId('paper-format')).toHaveText([
    '存档为打印时的原样网页（浏览器模式不能生成 PDF）',
    '存档为打印时的原样网页（浏览器模式不能生成 PDF）',
  ]);
  const timeline = app.getByTestId('timeline');
  await expect(timeline.locator('[data-event="paperPrinted"]')).toHaveCount(2);
  await shot(app, 'papers-browser-case-zh-CN');

  // Reopen the acceptance notice: the page as printed, hash checked, in the sandboxed preview.
  const acceptance = rows.filter({ hasText: '受理通知书' });
  const originalId = (await acceptance.getAttribute('data-testid'))!.replace('paper-', '');
  await acceptance.getByTestId('paper-open').click();
  const dialog = app.getByRole('dialog');
  await expect(dialog).toContainText('浏览器不能生成 PDF，存档的是打印时的原样网页');
  await expect(dialog).toContainText('SHA-256');
  const page = dialog.frameLocator('iframe').first();
  await expect(page.locator('body')).toContainText('受理通知书');
  await expect(page.locator('body')).toContainText(caseNo);
  const [download] = await Promise.all([
    app.waitForEvent('download'),
    app.getByTestId('paper-download').click(),
  ]);
  expect(download.suggestedFilename()).toBe(`${originalId}.html`);
  expect(readFileSync(await download.path(), 'utf8')).toContain(caseNo);
  await shot(app, 'papers-browser-reopen-zh-CN');
  await dialog.getByRole('button', { name: '关闭' }).click();

  // Reprint it from the case page: archived again and recorded as a reprint of the original.
  await acceptance.getByTestId('paper-reprint').click();
  await app.getByTestId('print-confirm').click();
  await expect(app.getByRole('dialog').getByRole('status')).toContainText('已存档 1 份');
  await app.getByRole('dialog').getByRole('button', { name: '关闭' }).click();
  await expect(rows).toHaveCount(3);
  const reprint = rows.filter({ has: app.getByTestId('reprint-of') });
  await expect(reprint.getByTestId('reprint-of')).toContainText(originalId);
  await expect(timeline.locator('[data-event="paperReprinted"]')).toContainText(originalId);
  await shot(app, 'papers-browser-reprinted-zh-CN');

  // English.
  await app.getByTestId('nav-settings').click();
  await app.getByTestId('language-en').click();
  await app.goBack();
  await expect(rows.first().getByTestId('paper-format')).toHaveText(
    'Archived as the page printed (the browser mode cannot make PDFs)',
  );
  await shot(app, 'papers-browser-case-en');
  await app.getByTestId(`paper-${originalId}`).getByTestId('paper-open').click();
  await expect(app.getByRole('dialog')).toContainText('Printed in the browser mode');
  await expect(
    app.getByRole('dialog').frameLocator('iframe').first().locator('body'),
  ).toContainText(caseNo);
  await shot(app, 'papers-browser-reopen-en');
  await app.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
  await app.getByTestId(`paper-${originalId}`).getByTestId('paper-reprint').click();
  await app.getByTestId('print-confirm').click();
  await expect(app.getByRole('dialog').getByRole('status')).toHaveText(
    'Sent to the printer; 1 archived. This browser cannot make PDFs, so the paper is archived exactly as printed (as a web page); view and reprint it on the case page.',
  );
  await shot(app, 'papers-browser-print-done-en');
  await app.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
  await expect(rows).toHaveCount(4);

  // The counselling notice, saved again from its session in English.
  await app.evaluate((id) => (window.location.hash = `#/counselling/session/${id}`), counsellingId);
  await app.getByTestId('save-pdf').click();
  await expect(app.getByTestId('saved-session').getByRole('status')).toHaveText(
    `This browser cannot make PDFs: the notification was saved exactly as printed, as the web page ${counsellingId}.html; open it in a browser to print it or save it as PDF.`,
  );
  await shot(app, 'papers-browser-counselling-saved-en');
});
