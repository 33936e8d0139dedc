// The statistics screen as it prints and exports: at 1366 px no cell of the ranking wraps, an
// empty list says 无 on screen and on the printed 红黑榜, in Chinese and English.
import { writeFileSync } from 'node:fs';
import { test, expect, shot, pdfsOf, pdfText } from './fixtures';
import { setUpWithStaff, switchUser } from './session';
import { acceptOneCase } from './flows';

test('the ranking keeps one line per cell at 1366 px; empty lists say 无 on screen and paper', async ({
  app,
}) => {
  await setUpWithStaff(app, ['clerk', 'director']);
  await acceptOneCase(app);
  // The director lets a clerk with one case into the ranking, so the table has a row.
  await switchUser(app, 'director');
  await app.getByTestId('nav-stats').click();
  await app.getByTestId('stats-rules').click();
  await app.getByRole('dialog').getByLabel('参与排名的最少件数（受理＋办结）').fill('0');
  await app.getByRole('dialog').getByTestId('rules-save').click();
  await expect(app.getByRole('dialog')).toHaveCount(0);

  const ranking = app.getByRole('region', { name: '排名与红黑榜' }).getByTestId('stats-table');
  await expect(ranking.locator('tbody tr').first()).toContainText('李窗口');
  // No word is broken: the only cell on two lines is the long heading, broken at its bracket
  // (before: "名/次", "李窗/口", one character a line).
  const lines = await ranking.locator('th, td').evaluateAll((cells) =>
    cells.map((c) => {
      const text = c.textContent ?? '';
      const node = c.querySelector('*')?.firstChild ?? c.firstChild;
      const out: string[] = [];
      let top: number | null = null;
      for (let k = 0; node && k < (node.textContent ?? '').length; k++) {
        const range = document.createRange();
        range.setStart(node, k);
        range.setEnd(node, k + 1);
        const y = Math.round(range.getBoundingClientRect().top);
        const ch = node.textContent![k] ?? '';
        if (top === null || Math.abs(y - top) > 4) out.push(ch);
        else out[out.length - 1] = `${out[out.length - 1] ?? ''}${ch}`;
        top = y;
      }
      return out.length ? out : [text];
    }),
  );
  expect(lines.filter((l) => l.length > 1)).toEqual([['平均用时', '（工作日）']]);
  // …and the page itself does not grow wider than the window.
  expect(await app.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBe(
    0,
  );
  await expect(app.getByTestId('stats-list-red')).toHaveText('红榜：无');
  await expect(app.getByTestId('stats-list-black')).toHaveText('黑榜：无');
  await shot(app, 'stats-ranking-zh-CN');

  await app.getByTestId('stats-print').click();
  await app.getByTestId('print-confirm').click();
  await expect(app.getByRole('dialog').getByRole('status')).toBeVisible({ timeout: 30_000 });
  const pdf = pdfsOf(app).at(-1)!;
  writeFileSync('test-results/screens/stats-red-black-empty.pdf', pdf);
  const paper = pdfText(pdf);
  // 红榜 and 黑榜 each print their table with one row that says 无.
  expect(paper.replace(/[ \t]+/g, ' ')).toMatch(
    /红榜[\s\S]*名次[\s\S]*\n\s*无\s*\n[\s\S]*黑榜[\s\S]*名次[\s\S]*\n\s*无\s*\n/,
  );
  await app.getByRole('dialog').getByRole('button', { name: '关闭' }).click();

  await app.getByTestId('nav-settings').click();
  await app.getByTestId('language-en').click();
  await app.getByTestId('nav-stats').click();
  await expect(app.getByTestId('stats-list-black')).toHaveText('Black list: none');
  // English headings may wrap between words; every table fits the screen without scrolling.
  const overflow = await app
    .getByTestId('stats-table')
    .evaluateAll((tables) => tables.map((t) => t.scrollWidth - t.parentElement!.clientWidth));
  expect(overflow.filter((px) => px > 0)).toEqual([]);
  await expect(
    app.getByRole('region', { name: 'Ranking' }).locator('tbody tr').first(),
  ).toContainText('李窗口');
  await shot(app, 'stats-ranking-en');
});
