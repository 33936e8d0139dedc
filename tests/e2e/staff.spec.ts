// The staff helper every counter spec relies on: an administrator creates staff, they sign in.
import { test, expect } from './fixtures';
import { setUpWithStaff, switchUser } from './session';

test('the administrator creates a clerk and a reviewer; each signs in with their role', async ({
  app,
}) => {
  await setUpWithStaff(app, ['clerk', 'reviewer']);
  await expect(app.getByTestId('user-menu')).toContainText('李窗口');
  await switchUser(app, 'reviewer');
  await expect(app.getByTestId('user-menu')).toContainText('赵审查');
});
