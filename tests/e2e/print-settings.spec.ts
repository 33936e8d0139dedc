// The print settings in 设置: font, calibration, certificate paper and overlay positions are
// saved through the host and are still there after a restart; only an administrator may move
// overlay fields; screenshots in Chinese and English.
import { join, resolve } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, shot, test } from './fixtures';
import { setUpAndSignIn, setUpWithStaff, signIn, STATION_ADMIN } from './session';

const screens = resolve(import.meta.dirname, '../../test-results/screens');

async function openSettings(page: Page) {
  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('print-settings')).toBeVisible();
}

/**
 * Waits until the overlay preview has painted its text (its fonts block text until loaded). The
 * preview's frame may be rendered afresh while the page settles (a resize, a banner appearing),
 * which destroys the document being asked: then it asks the new one.
 */
async function previewReady(page: Page) {
  const body = page.getByTestId('overlay-preview').locator('iframe').contentFrame().locator('body');
  await expect
    .poll(() =>
      body
        .evaluate(async (b) => {
          await b.ownerDocument.fonts.ready;
          return 'ready';
        })
        .catch((e: unknown) => String(e)),
    )
    .toBe('ready');
}

/**
 * The shell scrolls inside its main area, so a full-page shot shows one screen: make the window
 * tall enough for the whole settings page, then shoot the page and each section.
 */
async function shotAll(page: Page, lang: string) {
  await page.setViewportSize({ width: 1366, height: 4600 });
  if (await page.getByTestId('overlay-preview').count()) await previewReady(page);
  await shot(page, `print-settings-${lang}`);
  for (const part of ['printers', 'papers', 'calibration', 'overlay']) {
    await shotOf(page.getByTestId(`print-${part}`), `print-settings-${part}-${lang}`);
  }
  await page.setViewportSize({ width: 1366, height: 800 });
}

async function shotOf(section: Locator, name: string) {
  await section.screenshot({ path: join(screens, `${name}.png`) });
}

test('font, calibration, paper and overlay positions are saved and survive a restart', async ({
  app,
  reopen,
}) => {
  await setUpAndSignIn(app);
  await openSettings(app);
  // The browser host lists no printers: the screen must say who picks the printer.
  await expect(app.getByTestId('printers-browser')).toContainText('浏览器的打印对话框');

  await app.getByTestId('print-font-system-fangsong').click();
  await expect(app.getByTestId('printers-status')).toContainText('打印设置已保存');

  await app.getByTestId('calibration-dx').fill('1.5');
  await app.getByTestId('calibration-dy').fill('-0.8');
  await app.getByTestId('calibration-save').click();
  await expect(app.getByTestId('calibration-status')).toContainText('打印设置已保存');

  await app.getByTestId('paper-rural-width').fill('280');
  await app.getByTestId('paper-rural-height').fill('200');
  await app.getByTestId('papers-save').click();
  await expect(app.getByTestId('papers-status')).toContainText('打印设置已保存');

  // An out-of-range offset is refused with a message, not saved.
  await app.getByTestId('calibration-dx').fill('80');
  await app.getByTestId('calibration-save').click();
  await expect(app.getByTestId('calibration-status')).toContainText('标红');

  await app.getByTestId('overlay-builder-x').fill('70.5');
  await app.getByTestId('overlay-save').click();
  await expect(app.getByTestId('overlay-status')).toContainText('打印设置已保存');
  // The live preview shows the overlay of the sample certificate at true scale.
  const preview = app.getByTestId('overlay-preview').locator('iframe');
  await expect(preview).toBeVisible();
  await expect(preview.contentFrame().locator('[data-key="builder"]')).toHaveAttribute(
    'style',
    /left:70\.5mm/,
  );
  await expect(
    preview.contentFrame().locator('.cal'),
    'the certificate printer is the default one, calibrated at (1.5, -0.8)',
  ).toHaveAttribute('style', /translate\(1\.5mm,-0\.8mm\)/);
  await shotAll(app, 'zh-CN');

  const page = await reopen();
  await signIn(page, STATION_ADMIN.username, STATION_ADMIN.password);
  await openSettings(page);
  await expect(page.getByTestId('print-font-system-fangsong').locator('input')).toBeChecked();
  await expect(page.getByTestId('calibration-dx')).toHaveValue('1.5');
  await expect(page.getByTestId('calibration-dy')).toHaveValue('-0.8');
  await expect(page.getByTestId('paper-rural-width')).toHaveValue('280');
  await expect(page.getByTestId('paper-rural-height')).toHaveValue('200');
  await expect(page.getByTestId('overlay-builder-x')).toHaveValue('70.5');

  await page.getByTestId('language-en').click();
  await expect(page.getByTestId('printers-browser')).toContainText("browser's print dialog");
  // No Chinese left in the English print settings, except the font names (仿宋, 宋体) that are
  // the names a clerk looks for.
  const text = (await page.getByTestId('print-settings').innerText()).replace(/[仿宋体]/g, '');
  expect(text).not.toMatch(/[\u4e00-\u9fff]/);
  await shotAll(page, 'en');
});

test('a clerk sets calibration but is told only an administrator moves overlay fields', async ({
  app,
}) => {
  await setUpWithStaff(app, ['clerk']);
  await openSettings(app);
  await expect(app.getByTestId('overlay-admin-only')).toContainText('系统管理员');
  await expect(app.getByTestId('overlay-save')).toHaveCount(0);
  await app.getByTestId('calibration-dy').fill('2');
  await app.getByTestId('calibration-save').click();
  await expect(app.getByTestId('calibration-status')).toContainText('打印设置已保存');
  // The calibration page goes to the browser's print dialog (nothing to measure in a test, but
  // the call must not fail).
  await app.getByTestId('calibration-print').click();
  await expect(app.getByTestId('calibration-status')).toContainText('校准页已送打印');
  await shotAll(app, 'clerk-zh-CN');
});
