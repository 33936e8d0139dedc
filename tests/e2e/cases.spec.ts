// The case desk (办件查询) on an empty station: the dashboard's honest zeros, the search box's
// messages for bad input, and the not-found pages. Cases taken in through the intake screen are
// in cases-flow.spec.ts.
import { test, expect, shot } from './fixtures';
import { setUpWithStaff } from './session';

test.beforeEach(async ({ app }) => {
  await setUpWithStaff(app, ['clerk']);
  await app.getByTestId('nav-cases').click();
  await expect(app.getByRole('heading', { level: 1, name: '办件查询' })).toBeVisible();
});

test('an empty station: every dashboard count is zero and the search box has focus', async ({
  app,
}) => {
  for (const key of ['takenToday', 'awaitingSupplement', 'dueSoon', 'overdue', 'greenChannel']) {
    await expect(app.getByTestId(`count-${key}`)).toHaveText('0');
  }
  await expect(app.getByTestId('case-search')).toBeFocused();
  // A tile opens its (empty) list and says so.
  await app.getByTestId('tile-overdue').click();
  await expect(app.getByTestId('no-results')).toHaveText('该列表中暂无案件。');
  // F3 brings the focus back to the search box from anywhere on the desk.
  await app.getByTestId('tile-takenToday').focus();
  await app.keyboard.press('F3');
  await expect(app.getByTestId('case-search')).toBeFocused();
  await shot(app, 'cases-desk-empty-zh-CN');
});

test('bad input: empty Enter, a mistyped ID number, a misshapen project code, an unknown number', async ({
  app,
}) => {
  const box = app.getByTestId('case-search');
  await box.press('Enter');
  await expect(app.getByRole('alert')).toContainText('请先输入要查找的内容');

  // 11010519491231002X is valid; one digit changed breaks the check digit.
  await box.fill('110105194912310021');
  await expect(app.getByRole('alert')).toContainText('校验位或出生日期不对');

  await box.fill('2026-410108-70-01-00012');
  await expect(app.getByRole('alert')).toContainText('投资项目代码格式应为');

  // A scanner types a number no case has, then Enter: no page opens, the desk says why.
  await box.fill('HJ01-20260302-0099');
  await box.press('Enter');
  await expect(app.getByTestId('no-results')).toContainText('没有编号为“HJ01-20260302-0099”的案件');
  await expect(app).toHaveURL(/#\/cases$/);
  await shot(app, 'cases-desk-bad-input-zh-CN');

  await box.fill('某某不存在的公司');
  await expect(app.getByTestId('no-results')).toContainText('没有申请人或项目名称包含');
  await box.press('Escape');
  await expect(box).toHaveValue('');
  await expect(app.getByTestId('no-results')).toBeHidden();
});

test('a case or project that does not exist says so and offers the way back', async ({ app }) => {
  await app.evaluate(() => (window.location.hash = '#/cases/case/no-such-case'));
  await expect(app.getByTestId('case-not-found')).toContainText('找不到该案件');
  await app.getByTestId('back-to-desk').click();
  await expect(app.getByTestId('case-search')).toBeVisible();
  await app.evaluate(() => (window.location.hash = '#/cases/project/project:nothing'));
  await expect(app.getByTestId('project-not-found')).toBeVisible();
});

test('English: the desk is complete, with no Chinese left on it', async ({ app }) => {
  await app.getByTestId('nav-settings').click();
  await app.getByTestId('language-en').click();
  await expect(app.locator('html')).toHaveAttribute('lang', 'en');
  await app.getByTestId('nav-cases').click();
  await expect(app.getByRole('heading', { level: 1, name: 'Case desk' })).toBeVisible();
  await app.getByTestId('case-search').fill('110105194912310021');
  await expect(app.getByRole('alert')).toContainText('check digit or birth date is wrong');
  await expect(app.getByRole('main')).not.toContainText(/[\u4e00-\u9fff]/);
  await shot(app, 'cases-desk-empty-en');
});
