// The start-up check: a record edited behind the app's back is found when the app next opens,
// named, and shown to whoever signs in.
import { test, expect, shot } from './fixtures';
import { setUpAndSignIn, signIn, STATION_ADMIN } from './session';

test('a tampered event is found at start-up and named in a banner', async ({ app }) => {
  await setUpAndSignIn(app);
  await expect(app.getByTestId('integrity-banner')).toHaveCount(0);
  // Edit the first event's payload directly in IndexedDB, bypassing dispatch.
  await app.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('onewindow');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('events', 'readwrite');
          const store = tx.objectStore('events');
          const get = store.get(1);
          get.onsuccess = () => {
            const e = get.result as { payload: Record<string, unknown> };
            e.payload = { ...e.payload, officeName: '被篡改的机关名称' };
            store.put(e);
          };
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
  await app.reload();
  await signIn(app, STATION_ADMIN.username, STATION_ADMIN.password);
  const banner = app.getByTestId('integrity-banner');
  await expect(banner).toContainText('记录校验未通过');
  await expect(banner).toContainText('HJ01-1');
  await shot(app, 'integrity-broken-zh-CN');
  // The administrator can run the check again on demand and gets the same verdict.
  await app.getByTestId('user-menu').click();
  await app.getByTestId('menu-integrity').click();
  await app.getByTestId('integrity-verify').click();
  await expect(app.getByTestId('integrity-panel').getByTestId('integrity-broken')).toContainText(
    'HJ01-1',
  );
  await shot(app, 'integrity-panel-zh-CN');
});
