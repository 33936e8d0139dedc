// Ledgers and statistics end to end: a section chief records a legacy issue with its first
// 一事一议 meeting, finds it in the weekly supervision ledger (printed, PDF read back) and in the
// enterprise view; adds a second meeting by keyboard; a clerk cannot record one; the statistics
// screen shows its tables and exports the .xlsx the screen shows; English screens.
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { test, expect, shot, pdfsOf, pdfText } from './fixtures';
import { setUpWithStaff, switchUser } from './session';
import { makeCreditCode } from '../../renderer/src/domain/ids';

const creditCode = makeCreditCode('91410108MA46PQ789');

async function recordIssue(app: import('@playwright/test').Page) {
  await app.getByTestId('nav-ledgers').click();
  await expect(app.getByRole('heading', { level: 1, name: '台账' })).toBeVisible();
  await app.getByTestId('legacy-new').click();
  const form = app.getByTestId('legacy-form');
  const field = (k: string) => form.locator(`[data-field="${k}"]`);
  await field('creditCode').fill(creditCode);
  await field('enterpriseName').fill('郑州豫发置业有限公司');
  await field('projectName').fill('豫发花园三期');
  await field('history').fill('2014年划拨取得，规划条件未落实');
  await field('obstacle').fill('用地红线与规划道路冲突');
  await field('responsible').fill('孙科长');
  await field('department').fill('规划管理科');
  await field('dueDate').fill('2026-12-31');
  await field('meetingDate').fill('2026-11-20');
  await field('participants').fill('局长、规划管理科、企业代表');
  await field('decisions').fill('按现状道路调整红线，企业补充测绘');
  await shot(app, 'ledgers-legacy-form-zh-CN');
  await app.getByTestId('legacy-form-save').click();
  await expect(form).toBeHidden();
}

test('a legacy issue with a meeting is in the supervision ledger and the enterprise view', async ({
  app,
}) => {
  await setUpWithStaff(app, ['chief', 'clerk']);
  await recordIssue(app);
  const table = app.getByTestId('legacy-issues');
  await expect(table).toContainText('豫发花园三期');
  await expect(table).toContainText('推进中');

  // The detail shows the meeting; a second one is added with the keyboard only.
  await app.getByTestId('legacy-open').first().click();
  await expect(app.getByTestId('legacy-meetings')).toContainText('按现状道路调整红线');
  await app.getByTestId('legacy-add-meeting').focus();
  await app.keyboard.press('Enter');
  await app.keyboard.type('局长、企业');
  await app.keyboard.press('Tab');
  await app.keyboard.type('企业于12月10日前提交测绘成果');
  await app.getByTestId('meeting-form-save').press('Enter');
  await expect(app.getByTestId('legacy-meetings').locator('tbody tr')).toHaveCount(2);
  await shot(app, 'ledgers-legacy-zh-CN');

  // The weekly supervision ledger lists it as a legacy-issue item; print it and read it back.
  await app.getByTestId('tab-supervision').click();
  const row = app.getByTestId('supervision-row').filter({ hasText: '郑州豫发置业有限公司' });
  await expect(row).toContainText('历史遗留问题');
  await expect(row).toContainText('孙科长');
  await shot(app, 'ledgers-supervision-zh-CN');
  await app.getByTestId('supervision-print').click();
  const dialog = app.getByRole('dialog');
  await app.getByTestId('print-confirm').click();
  await expect(dialog.getByRole('status')).toBeVisible({ timeout: 30_000 });
  await dialog.getByRole('button', { name: '关闭' }).click();
  const text = pdfText(pdfsOf(app).at(-1)!);
  expect(text).toContain('郑州豫发置业有限公司');
  expect(text).toContain('孙科长');

  // The enterprise view, through its address.
  await app.evaluate((code) => (window.location.hash = `#/ledgers/enterprise/${code}`), creditCode);
  const view = app.getByTestId('enterprise-view');
  await expect(view).toContainText('郑州豫发置业有限公司');
  await expect(app.getByTestId('enterprise-legacy')).toContainText('企业于12月10日前提交测绘成果');
  await expect(app.getByTestId('section-ent-supervision')).toContainText('孙科长');
  await shot(app, 'ledgers-enterprise-zh-CN');

  // A clerk may read but not record legacy issues.
  await switchUser(app, 'clerk');
  await app.getByTestId('nav-ledgers').click();
  await app.getByTestId('tab-legacy').click();
  await expect(app.getByTestId('legacy-issues')).toContainText('豫发花园三期');
  await expect(app.getByTestId('legacy-new')).toHaveCount(0);
});

test('a wrong credit code is named and nothing is saved', async ({ app }) => {
  await setUpWithStaff(app, ['chief']);
  await app.getByTestId('nav-ledgers').click();
  await app.getByTestId('legacy-new').click();
  const form = app.getByTestId('legacy-form');
  const wrong = creditCode.slice(0, 17) + (creditCode.endsWith('0') ? '1' : '0');
  await form.locator('[data-field="creditCode"]').fill(wrong);
  await app.getByTestId('legacy-form-save').click();
  await expect(form.getByRole('alert')).toContainText('统一社会信用代码');
  await expect(form).toContainText('校验位');
  await shot(app, 'ledgers-legacy-invalid-zh-CN');
});

test('statistics: tables, chart, .xlsx export equal to the screen; English', async ({ app }) => {
  await setUpWithStaff(app, ['chief']);
  await app.getByTestId('nav-stats').click();
  await expect(app.getByRole('heading', { level: 1, name: '效能统计' })).toBeVisible();
  const tables = app.getByTestId('stats-table');
  // Four efficiency tables, then the hall floor's four (issue 18: waiting and serving times).
  await expect(tables).toHaveCount(8);
  await expect(tables.first()).toContainText('全局合计');
  await shot(app, 'stats-zh-CN');

  const downloading = app.waitForEvent('download');
  await app.getByTestId('stats-export').click();
  const download = await downloading;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
  const first = wb.worksheets[0]!;
  expect(first.getCell(1, 1).value).toBe('郑州市惠济区自然资源和规划局 效能统计 · 全局');
  expect(first.getCell(2, 1).value).toMatch(/^统计月份：\d{4}年\d{1,2}月$/);
  const screenRow = await tables.first().locator('tbody tr').first().locator('td').allInnerTexts();
  // Row 5 (after title, month, a blank row and the header); rates are numbers shown as percent.
  const dataRow = first.getRow(5);
  const fileRow = ((dataRow.values as unknown[]) ?? [])
    .slice(1)
    .map((v, i) =>
      dataRow.getCell(i + 1).numFmt === '0.0%' ? `${((v as number) * 100).toFixed(1)}%` : String(v),
    );
  expect(fileRow).toEqual(screenRow);
  expect(typeof dataRow.getCell(2).value).toBe('number');
  // Nobody on either list this month: the lists say so.
  await expect(app.getByTestId('stats-list-red')).toHaveText('红榜：无');
  await expect(app.getByTestId('stats-list-black')).toHaveText('黑榜：无');

  await app.getByTestId('stats-print').click();
  await app.getByTestId('print-confirm').click();
  await expect(app.getByRole('dialog').getByRole('status')).toBeVisible({ timeout: 30_000 });
  const paper = pdfText(pdfsOf(app).at(-1)!);
  expect(paper).toContain('红');
  // Each empty list prints 无 in its table, not an empty table.
  expect(paper.match(/^\s*无\s*$/gm)?.length).toBe(2);
  await app.getByRole('dialog').getByRole('button', { name: '关闭' }).click();

  await app.getByTestId('nav-settings').click();
  await app.getByTestId('language-en').click();
  await expect(app.locator('html')).toHaveAttribute('lang', 'en');
  await app.getByTestId('nav-stats').click();
  await expect(
    app.getByRole('heading', { level: 1, name: 'Statistics: efficiency figures' }),
  ).toBeVisible();
  await shot(app, 'stats-en');
  await app.getByTestId('nav-ledgers').click();
  await expect(app.getByRole('heading', { level: 1, name: 'Ledgers' })).toBeVisible();
  await shot(app, 'ledgers-legacy-en');
  await app.getByTestId('tab-supervision').click();
  await shot(app, 'ledgers-supervision-en');
});

test('红黑榜 rules: a director sets them for the station; bad values are named; a chief cannot', async ({
  app,
}) => {
  await setUpWithStaff(app, ['director', 'chief']);
  await app.getByTestId('nav-stats').click();
  await app.getByTestId('stats-rules').click();
  const dialog = app.getByRole('dialog');
  const minCases = dialog.getByLabel('参与排名的最少件数（受理＋办结）');
  await expect(minCases).toHaveValue('3');
  await minCases.fill('-1');
  await dialog.getByTestId('rules-save').click();
  await expect(dialog.getByRole('alert')).toContainText('件数为不小于 0 的整数');
  await shot(app, 'stats-rules-invalid-zh-CN');
  await minCases.fill('5');
  await dialog.getByTestId('rules-save').click();
  await expect(dialog).toHaveCount(0);

  // A section chief sees the rankings but not the rules button (and the data layer refuses him).
  await switchUser(app, 'chief');
  await app.getByTestId('nav-stats').click();
  await expect(app.getByTestId('stats-table')).toHaveCount(8);
  await expect(app.getByTestId('stats-rules')).toHaveCount(0);

  // The rules are the station's, not the browser session's: the director finds them saved.
  await switchUser(app, 'director');
  await app.getByTestId('nav-stats').click();
  await app.getByTestId('stats-rules').click();
  await expect(app.getByRole('dialog').getByLabel('参与排名的最少件数（受理＋办结）')).toHaveValue(
    '5',
  );
  await shot(app, 'stats-rules-zh-CN');
});
