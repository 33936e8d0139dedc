// The office's contact details: set once by the administrator in 设置, printed on every paper.
import { test, expect, shot, pdfsOf, pdfText } from './fixtures';
import { acceptOneCase } from './flows';
import { setUpWithStaff, signIn, STAFF, STATION_ADMIN } from './session';

test('the administrator sets the office address and phone; the acceptance notice carries them', async ({
  app,
}) => {
  await setUpWithStaff(app, ['clerk']);
  // A clerk reads them but cannot change them.
  await app.keyboard.press('Alt+8');
  await expect(app.getByTestId('office-phone')).toBeDisabled();
  await app.getByTestId('user-menu').click();
  await app.getByTestId('menu-signout').click();
  await signIn(app, STATION_ADMIN.username, STATION_ADMIN.password);
  await app.keyboard.press('Alt+8');
  await app.getByTestId('office-address').fill('郑州市惠济区天河路1号');
  await app.getByTestId('office-phone').fill('63501234');
  await app.getByTestId('office-save').click();
  await expect(app.getByRole('status').first()).toContainText('咨询电话应为带区号的固定电话');
  await app.getByTestId('office-phone').fill('0371-63501234');
  await app.getByTestId('office-website').fill('hjzrzy.zhengzhou.gov.cn');
  await app.getByTestId('office-save').click();
  await expect(app.getByRole('status').first()).toContainText('已保存');
  await shot(app, 'settings-office-zh-CN');

  await app.getByTestId('user-menu').click();
  await app.getByTestId('menu-signout').click();
  await signIn(app, STAFF.clerk.username, STAFF.clerk.password);
  await acceptOneCase(app);
  const notice = pdfText(pdfsOf(app).at(-2)!).replace(/\s+/g, '');
  expect(notice).toContain('0371-63501234');
  expect(notice).toContain('hjzrzy.zhengzhou.gov.cn');
});
