// 套打 at the issuance desk: without an administrator's layout the clerk is told who sets it up
// and prints a full page; with one, the clerk chooses 套打, sees the values over a faint outline
// of the form, survives a printer failure (archived once), and the archived PDF holds the values
// and none of the form's printed titles. A reprint keeps the number and is recorded as a reprint.
import type { Page } from '@playwright/test';
import { makeCreditCode } from '../../renderer/src/domain/ids';
import { expect, pdfsOf, pdfText, shot, test } from './fixtures';
import { acceptOneCase } from './flows';
import { signIn, setUpWithStaff, STATION_ADMIN, switchUser } from './session';

const APPLICANT = '郑州宏达置业有限公司';
const PROJECT = '宏达住宅小区五期';
const LOCATION = '惠济区江山路与天河路交叉口';

async function passStep(page: Page, caseNo: string) {
  await page.keyboard.press('Alt+4');
  await page.getByTestId(`inbox-row-${caseNo}`).click();
  await page.getByTestId('opinion-text').fill('经审查，符合规划条件，同意。');
  await page.getByTestId('action-pass').click();
  await expect(page.getByTestId(`inbox-row-${caseNo}`)).toHaveCount(0, { timeout: 15_000 });
}

async function openIssuance(page: Page, caseNo: string) {
  await page.keyboard.press('Alt+5');
  await page.getByTestId(`issuance-row-${caseNo}`).click();
  await expect(page.getByTestId('print-mode')).toBeVisible();
}

/** The administrator measures the stock: one field moved, the default printer calibrated. */
async function adminSetsUpOverlay(page: Page) {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('menu-signout').click();
  await signIn(page, STATION_ADMIN.username, STATION_ADMIN.password);
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('calibration-dx').fill('1.5');
  await page.getByTestId('calibration-dy').fill('-0.8');
  await page.getByTestId('calibration-save').click();
  await expect(page.getByTestId('calibration-status')).toContainText('打印设置已保存');
  await page.getByTestId('overlay-builder-x').fill('64');
  await page.getByTestId('overlay-save').click();
  await expect(page.getByTestId('overlay-status')).toContainText('打印设置已保存');
}

/** The print dialog's preview once its fonts have loaded (text is blank until then). */
async function previewFrame(page: Page) {
  const frame = page.getByRole('dialog').locator('iframe').contentFrame();
  await frame.locator('body').evaluate(async (b) => {
    await b.ownerDocument.fonts.ready;
  });
  return frame;
}

/** The next browser print fails as a printer would (the host's print frame is unavailable). */
async function failNextPrint(page: Page) {
  await page.evaluate(() => {
    const proto = HTMLIFrameElement.prototype;
    const real = Object.getOwnPropertyDescriptor(proto, 'contentWindow');
    let armed = true;
    Object.defineProperty(proto, 'contentWindow', {
      configurable: true,
      get(this: HTMLIFrameElement) {
        if (armed && this.getAttribute('aria-hidden') === 'true') {
          armed = false;
          return null;
        }
        return real?.get?.call(this) as Window | null;
      },
    });
  });
}

/**
 * The shell scrolls inside its main area, so a full-page shot of a long page repeats the header:
 * make the window tall enough for the whole issuance page, shoot, and restore it.
 */
async function tallShot(page: Page, name: string) {
  await page.setViewportSize({ width: 1366, height: 1400 });
  await shot(page, name);
  await page.setViewportSize({ width: 1366, height: 800 });
}

async function printAndClose(page: Page) {
  await page.getByTestId('print-confirm').click();
  await expect(page.getByRole('dialog').getByRole('status')).toBeVisible({ timeout: 30_000 });
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /关闭|Close/ })
    .click();
  await expect(page.getByRole('dialog')).toBeHidden();
}

test('issue with 套打: values only in the archive, retry archives once, reprint keeps the number', async ({
  app,
}) => {
  test.setTimeout(300_000);
  await setUpWithStaff(app, ['clerk', 'reviewer', 'chief', 'director']);
  const caseNo = await acceptOneCase(app, {
    credit: makeCreditCode('91410108MA44XY555'),
    projectCode: '2026-410108-70-01-000555',
    project: PROJECT,
  });
  for (const role of ['reviewer', 'chief', 'director'] as const) {
    await switchUser(app, role);
    await passStep(app, caseNo);
  }

  // No layout yet: 套打 is unavailable, the clerk is told who sets it up and where; 整页 stands.
  await switchUser(app, 'clerk');
  await openIssuance(app, caseNo);
  await expect(app.getByTestId('print-mode-no-layout')).toContainText('系统管理员');
  await expect(app.getByTestId('print-mode-no-layout')).toContainText('打印设置');
  await expect(app.getByTestId('print-mode-overlay')).toBeDisabled();
  await expect(app.getByTestId('print-mode-full')).toBeChecked();
  await tallShot(app, 'overlay-no-layout-zh-CN');

  await adminSetsUpOverlay(app);
  await switchUser(app, 'clerk');
  await openIssuance(app, caseNo);
  // A layout but no certificate printer of its own: 整页 by default, 套打 allowed with a warning.
  await expect(app.getByTestId('print-mode-full')).toBeChecked();
  await app.getByTestId('print-mode-overlay').check();
  await expect(app.getByTestId('print-mode-no-printer')).toContainText('证书打印机');
  await app.getByTestId('cert-field-attachments').fill('总平面图、建筑单体图');
  await tallShot(app, 'overlay-choice-zh-CN');

  await app.getByTestId('issue-submit').click();
  const number = `建字第410108${new Date().getFullYear()}00001号`;
  await expect(app.getByTestId('issuance-notice')).toContainText(number);
  await expect(app.getByRole('dialog')).toContainText('（套打）');
  const frame = await previewFrame(app);
  // The preview: values at the administrator's x plus the calibration, over the form's outline.
  await expect(frame.locator('[data-key="builder"]')).toHaveAttribute('style', /left:64mm/);
  await expect(frame.locator('.cal')).toHaveAttribute('style', /translate\(1\.5mm,-0\.8mm\)/);
  await expect(frame.locator('[data-key="certNumber"]')).toHaveText(number);
  await expect(frame.locator('img.form-bg')).toHaveCount(1);
  await tallShot(app, 'overlay-preview-zh-CN');

  // The printer fails once: the clerk is told, retries, and the paper is archived only once.
  const before = pdfsOf(app).length;
  await failNextPrint(app);
  await app.getByTestId('print-confirm').click();
  await expect(app.getByRole('dialog').getByRole('alert')).toContainText('打印失败');
  await expect(app.getByTestId('print-confirm')).toHaveText('重试打印');
  await app.getByTestId('print-confirm').click();
  await expect(app.getByRole('dialog').getByRole('status')).toBeVisible({ timeout: 30_000 });
  expect(pdfsOf(app).length, 'archived once across the failed print and the retry').toBe(
    before + 1,
  );
  await app.getByRole('dialog').getByRole('button', { name: '关闭' }).click();

  // The archived PDF: the values, and none of the form's printed titles, labels or outline.
  const archived = pdfText(pdfsOf(app).at(-1)!);
  for (const value of [number, APPLICANT, PROJECT, LOCATION, '总平面图、建筑单体图'])
    expect(archived, value).toContain(value);
  for (const printed of [
    '建设工程规划许可证',
    '中华人民共和国',
    '许可证号',
    '建设单位',
    '遵守事项',
  ])
    expect(archived, printed).not.toContain(printed);

  // Reprint in 套打 (the choice was remembered): same number, a new archived copy.
  await expect(app.getByTestId('print-mode-overlay')).toBeChecked();
  await app.getByTestId('cert-print-again').click();
  await expect((await previewFrame(app)).locator('[data-key="certNumber"]')).toHaveText(number);
  await printAndClose(app);
  // The words come from the record of the issue (the event log), not from this browser: the
  // attachments the clerk typed are there again.
  const again = pdfText(pdfsOf(app).at(-1)!);
  expect(again).toContain(number);
  expect(again).toContain('总平面图、建筑单体图');
  await expect(app.getByTestId('cert-number')).toHaveText(number);

  // Reprint as a full page: the whole certificate, same number, also a reprint of the first.
  await app.getByTestId('print-mode-full').check();
  await app.getByTestId('cert-print-again').click();
  await printAndClose(app);
  const full = pdfText(pdfsOf(app).at(-1)!);
  expect(full).toContain('建设工程规划许可证');
  expect(full).toContain(number);

  // The case's papers: one original 套打 print and two reprints pointing at it.
  const caseId = decodeURIComponent(new URL(app.url()).hash.split('/').pop()!);
  await app.evaluate((id) => {
    window.location.hash = `#/cases/case/${encodeURIComponent(id)}`;
  }, caseId);
  const papers = app.getByTestId('papers');
  await expect(papers).toContainText(`证书 ${number}（套打）`);
  const certRows = papers.locator('tr', { hasText: number });
  await expect(certRows).toHaveCount(3);
  await expect(certRows.getByTestId('reprint-of')).toHaveCount(2);

  // The choice and the preview in English.
  await app.keyboard.press('Alt+8');
  await app.getByTestId('language-en').click();
  await expect(app.locator('html')).toHaveAttribute('lang', 'en');
  await app.evaluate((id) => {
    window.location.hash = `#/issuance/case/${encodeURIComponent(id)}`;
  }, caseId);
  await app.getByTestId('print-mode-overlay').check();
  await expect(app.getByTestId('print-mode')).toContainText(
    'Overlay (pre-printed certificate stock)',
  );
  await expect(app.getByTestId('print-mode-no-printer')).toContainText('certificate printer');
  await tallShot(app, 'overlay-choice-en');
  await app.getByTestId('cert-print-again').click();
  await previewFrame(app);
  await tallShot(app, 'overlay-preview-en');
  await app.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
});
