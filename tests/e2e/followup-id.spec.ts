// A bad rating of a private person's case (docs/security.md "Audit events hold no more than
// they need"): the follow-up in 督办台账 names the applicant, never the ID number, and gives a
// person no enterprise link (the link would carry the number in the address). zh-CN and en.
import type { Page } from '@playwright/test';
import { makeIdNumber } from '../../renderer/src/domain/ids';
import { expect, shot, test } from './fixtures';
import { closePrintDialog, fillIntake } from './flows';
import { setUpWithStaff, switchUser } from './session';

const PERSON_ID = makeIdNumber('410105', '1990-01-01', 123);

async function ratedBadly(app: Page) {
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
  await expect(device.getByTestId('rating-device')).toHaveAttribute('data-screen', 'levels');
  await device.getByTestId('rating-level-1').click();
  await device.getByTestId('rating-reason-slow').click();
  await device.getByTestId('rating-reasons-submit').click();
  await expect(device.getByTestId('rating-thanks')).toBeVisible();
  await device.close();
}

for (const lang of ['zh-CN', 'en'] as const) {
  test(`${lang}: a person's bad-rating follow-up shows the name, not the ID number`, async ({
    app,
  }) => {
    test.setTimeout(240_000);
    await setUpWithStaff(app, ['clerk', 'chief']);
    await ratedBadly(app);
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
    await shot(app, `followup-person-supervision-${lang}`);
  });
}
