// 从日志重建 beside 数据校验: the administrator compares the read tables with the fold of the log,
// sees a row the log does not know named in words, rebuilds, and the comparison is clean again —
// in Chinese and in English.
import type { Page } from '@playwright/test';
import { test, expect, shot } from './fixtures';
import { setUpAndSignIn, signIn, STATION_ADMIN } from './session';

/** A certificate row no event made, put straight into IndexedDB behind the app's back. */
async function strayCertificate(page: Page) {
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('onewindow');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('certificates', 'readwrite');
          tx.objectStore('certificates').put({
            id: 'x:1',
            number: 'X-1',
            caseId: 'x',
            certType: 't',
            status: 'current',
            data: {},
          });
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

async function openPanel(page: Page) {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('menu-integrity').click();
  await expect(page.getByTestId('rebuild-panel')).toBeVisible();
}

test('the administrator compares with the log, rebuilds, and it compares clean', async ({
  app,
}) => {
  await setUpAndSignIn(app);
  await openPanel(app);
  await app.getByTestId('rebuild-compare').click();
  await expect(app.getByTestId('rebuild-result')).toHaveText(
    /^比对完成：由 \d+ 条记录推算出的各表与存储的完全一致。$/,
  );
  await expect(app.getByTestId('rebuild-apply')).toHaveCount(0);
  await strayCertificate(app);
  await app.getByTestId('rebuild-compare').click();
  await expect(app.getByTestId('rebuild-result')).toHaveText(
    '比对发现 1 处不一致：证照多出 1 行。可点击“按日志重建”按记录改正。',
  );
  await shot(app, 'rebuild-differences-zh-CN');
  await app.getByTestId('rebuild-apply').click();
  await expect(app.getByTestId('rebuild-result')).toHaveText(
    '已按日志重建证照，共改正 1 处。此次重建已记入办件记录。',
  );
  await shot(app, 'rebuild-done-zh-CN');
  await app.getByTestId('rebuild-compare').click();
  await expect(app.getByTestId('rebuild-result')).toContainText('完全一致');

  // The same in English.
  await strayCertificate(app);
  await app.evaluate(() => {
    const raw = localStorage.getItem('onewindow.settings');
    localStorage.setItem(
      'onewindow.settings',
      JSON.stringify({ ...(raw ? JSON.parse(raw) : {}), language: 'en' }),
    );
  });
  await app.reload();
  await signIn(app, STATION_ADMIN.username, STATION_ADMIN.password);
  await openPanel(app);
  await app.getByTestId('rebuild-compare').click();
  await expect(app.getByTestId('rebuild-result')).toHaveText(
    'Compared: 1 difference — certificates: 1 extra row. Click “Rebuild from the log” to put it right.',
  );
  await shot(app, 'rebuild-differences-en');
});
