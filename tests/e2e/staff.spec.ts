// The staff helper every counter spec relies on: an administrator creates staff, they sign in.
import { test, expect } from './fixtures';
import { addStaff, setUpAndSignIn, switchUser } from './session';

test('the administrator creates a clerk and a reviewer; each signs in with their role', async ({
  app,
}) => {
  await setUpAndSignIn(app);
  // A station alone lists its own users (a station of a hall says 大厅用户, hall-stations.spec).
  await app.getByTestId('user-menu').click();
  await app.getByTestId('menu-users').click();
  await expect(app.getByRole('table', { name: '本机用户' })).toBeVisible();
  await app.getByTestId('admin-close').click();
  await addStaff(app, ['clerk', 'reviewer']);
  await expect(app.getByTestId('user-menu')).toContainText('李窗口');
  await switchUser(app, 'reviewer');
  await expect(app.getByTestId('user-menu')).toContainText('赵审查');
});
