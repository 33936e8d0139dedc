// 辅导 through the real screens on real IndexedDB, as a clerk: the personalised checklist for
// 建设工程规划许可证 with an agent, saved and printed as a one-time notification whose archived PDF
// is read back with pdftotext; the hand-over to intake; reopening; a reload keeping the draft;
// and bad input that saves nothing.
import type { Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, shot } from './fixtures';
import { setUpWithStaff, signIn, STAFF } from './session';

/** What the applicant brings for 建设工程规划许可证（建筑类） with an agent, no other departments, no demolition. */
const NEEDED = [
  '建设工程规划许可申请表',
  '建设用地批准或土地权属证明及附图',
  '项目批准、核准或备案文件',
  '设计方案审查意见（或规划条件）',
  '建设工程设计方案总平面图',
  '1:500 或 1:1000 地形图',
  '建筑面积计算表',
  '营业执照（或统一社会信用代码证书）',
  '法定代表人身份证明',
  // The agent question adds these two.
  '授权委托书',
  '受托人身份证',
];
/** Ruled out by the answers (or optional), so not on the notice. */
const NOT_NEEDED = ['相关部门意见', '拆迁（征收）相关文件', '日照分析报告'];

async function chooseMatter(page: Page, query: string, code: string) {
  await page.getByTestId('matter-search').fill(query);
  await page.getByTestId('matter-search').press('Enter');
  await expect(page.getByTestId(`matter-${code}`)).toHaveAttribute('aria-checked', 'true');
}

async function answer(page: Page, question: string, value: 'yes' | 'no') {
  await page.getByTestId(`answer-${question}-${value}`).click();
}

/** 建设工程规划许可证（建筑类）, agent yes, the other two questions no, applicant filled in. */
async function fillGcgh(page: Page) {
  await chooseMatter(page, 'GCGH-JZ', 'GCGH-JZ');
  await answer(page, 'agent', 'yes');
  await answer(page, 'deptOpinion', 'no');
  await answer(page, 'demolition', 'no');
  await page.getByTestId('applicant-name').fill('郑州黄河智造科技有限公司');
  await page.getByTestId('applicant-phone').fill('13803712468');
}

type HashLog = Window & { owHashes?: string[] };

/**
 * Starts recording every hash the app navigates to. The intake screen (not this spec's) takes
 * '#/intake/from/<id>' in and then drops the parameters, so the final URL cannot show it.
 */
async function recordHashes(page: Page) {
  await page.evaluate(() => {
    const w = window as HashLog;
    w.owHashes = [];
    window.addEventListener('hashchange', () => w.owHashes?.push(window.location.hash));
  });
}

async function expectIntakeFrom(page: Page, id: string) {
  await expect
    .poll(() => page.evaluate(() => (window as HashLog).owHashes ?? []))
    .toContain(`#/intake/from/${id}`);
  await expect(page.getByTestId('nav-intake')).toHaveAttribute('aria-current', 'page');
}

const sessionIdFromHash = async (page: Page) => {
  await expect(page).toHaveURL(/#\/counselling\/session\/FD/);
  return decodeURIComponent(new URL(page.url()).hash.split('/').pop() ?? '');
};

test('with an agent: checklist, save, print; the archived PDF lists exactly the needed materials; start intake', async ({
  app,
}) => {
  await setUpWithStaff(app, ['clerk']);
  await expect(app.getByTestId('counselling-editor')).toBeVisible();
  await fillGcgh(app);

  const checklist = app.getByTestId('checklist-GCGH-JZ');
  // Answering "yes" to the agent question adds the power of attorney and the agent's ID card.
  await expect(checklist.getByTestId('material-powerOfAttorney')).toBeVisible();
  await expect(checklist.getByTestId('material-agentId')).toBeVisible();
  await expect(checklist.getByTestId('material-demolition')).toHaveCount(0);
  await expect(checklist.getByTestId('limit-promised')).toContainText('2');
  await expect(checklist).toContainText('法定时限 20 个工作日');
  await expect(checklist).toContainText('可走绿色通道');
  await shot(app, 'counselling-form-zh-CN');

  await app.getByTestId('save-print').click();
  const dialog = app.getByRole('dialog');
  await expect(dialog).toContainText('一次性告知单');
  await shot(app, 'counselling-print-zh-CN');
  await app.getByTestId('print-confirm').click();
  await expect(dialog.getByRole('status')).toBeVisible({ timeout: 30_000 });
  await dialog.getByRole('button', { name: '关闭' }).click();

  const id = await sessionIdFromHash(app);
  await expect(app.getByTestId('saved-title')).toContainText(id);
  await expect(app.getByTestId(`session-${id}`)).toContainText('138****2468');
  await shot(app, 'counselling-saved-zh-CN');

  // The archived PDF, through the UI: a download, read back with pdftotext.
  const downloading = app.waitForEvent('download');
  await app.getByTestId('save-pdf').click();
  const download = await downloading;
  const dir = mkdtempSync(join(tmpdir(), 'ow-counselling-'));
  try {
    const pdf = join(dir, 'notice.pdf');
    await download.saveAs(pdf);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    const flat = text.replace(/\s+/g, '');
    expect(flat).toContain('一次性告知单');
    expect(flat).toContain(id);
    expect(flat).toContain('郑州黄河智造科技有限公司');
    // The materials table (the situation lines above it name some materials in their questions).
    const table = flat.slice(flat.indexOf('序号'), flat.indexOf('以上为'));
    for (const name of NEEDED) expect(table, name).toContain(name.replace(/\s+/g, ''));
    for (const name of NOT_NEEDED) expect(table, name).not.toContain(name);
    // One row per needed material: numbered 1…11 and no 12th.
    expect(text).toMatch(/^\s*11\s/m);
    expect(text).not.toMatch(/^\s*12\s/m);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  await recordHashes(app);
  await app.getByTestId('start-intake').click();
  await expectIntakeFrom(app, id);
});

test('bad input: no matter, an unanswered question, a wrong phone — a clear message and nothing saved', async ({
  app,
}) => {
  await setUpWithStaff(app, ['clerk']);
  await expect(app.getByTestId('recent-empty')).toBeVisible();

  await app.getByTestId('save-only').click();
  await expect(app.getByTestId('counselling-problems')).toContainText('请至少选择一个事项');

  await chooseMatter(app, 'GCGH-JZ', 'GCGH-JZ');
  await answer(app, 'agent', 'yes');
  await app.getByTestId('applicant-phone').fill('12345');
  await app.getByTestId('save-only').click();
  const problems = app.getByTestId('counselling-problems');
  // Two questions are still open; each is named, and the wrong phone is said too.
  await expect(problems).toContainText('项目是否需要人防、消防、交通等相关部门意见');
  await expect(problems).toContainText('是否涉及房屋拆迁');
  await expect(problems).not.toContainText('是否委托代理人');
  await expect(problems).toContainText('联系电话不正确');
  await expect(app.getByTestId('question-deptOpinion')).toContainText('请选择一项');
  await shot(app, 'counselling-bad-input-zh-CN');
  await app.keyboard.press('Control+s');
  await expect(problems).toBeVisible();

  // Nothing was written: no session in the list, still on the form.
  await expect(app.getByTestId('recent-empty')).toBeVisible();
  await expect(app).not.toHaveURL(/session/);

  // Fixing them clears the messages and the save goes through.
  await answer(app, 'deptOpinion', 'no');
  await answer(app, 'demolition', 'yes');
  await app.getByTestId('applicant-phone').fill('0371-63500000');
  await expect(problems).toHaveCount(0);
  await app.getByTestId('save-only').click();
  await sessionIdFromHash(app);
  await expect(app.getByTestId('recent-sessions').locator('tbody tr')).toHaveCount(1);
});

test('a reload keeps the unsaved form', async ({ app }) => {
  await setUpWithStaff(app, ['clerk']);
  await chooseMatter(app, 'YDGH-HF', 'YDGH-HF');
  await app.getByTestId('answer-landSupply-allocation').click();
  await app.getByTestId('applicant-name').fill('惠济区教育局');
  await app.getByTestId('notes').fill('下周带齐材料再来');

  await app.reload();
  // A reload ends the sign-in; the draft is still there afterwards.
  await signIn(app, STAFF.clerk.username, STAFF.clerk.password);
  await expect(app.getByTestId('matter-YDGH-HF')).toHaveAttribute('aria-checked', 'true');
  await expect(app.getByTestId('answer-landSupply-allocation').locator('input')).toBeChecked();
  await expect(app.getByTestId('applicant-name')).toHaveValue('惠济区教育局');
  await expect(app.getByTestId('notes')).toHaveValue('下周带齐材料再来');
  // Allocation asks for the allocation decision, not the transfer contract.
  const checklist = app.getByTestId('checklist-YDGH-HF');
  await expect(checklist.getByTestId('material-allocationDecision')).toBeVisible();
  await expect(checklist.getByTestId('material-transferContract')).toHaveCount(0);
});

test('a saved session is reopened from the list, printed again, and survives a reload', async ({
  app,
}) => {
  await setUpWithStaff(app, ['clerk']);
  await fillGcgh(app);
  await app.getByTestId('save-only').click();
  const id = await sessionIdFromHash(app);

  // Saving cleared the draft: a new session starts empty.
  await app.getByTestId('new-session').click();
  await expect(app.getByTestId('applicant-name')).toHaveValue('');
  await expect(app.getByTestId('matter-GCGH-JZ')).toHaveAttribute('aria-checked', 'false');

  const row = app.getByTestId(`session-${id}`);
  await expect(row).toContainText('郑州黄河智造科技有限公司');
  await row.getByRole('button', { name: '打开' }).click();
  const saved = app.getByTestId('saved-session');
  await expect(saved.getByTestId('material-agentId')).toBeVisible();
  await expect(saved.getByTestId('answer-agent-yes').locator('input')).toBeChecked();
  // A saved session shows the phone masked (the editor keeps it as typed).
  await expect(saved.getByTestId('applicant-phone')).toHaveValue('138****2468');

  // Not printed yet: saving the PDF says so.
  await app.getByTestId('save-pdf').click();
  await expect(saved.getByRole('status')).toContainText('还没有打印过');

  await app.getByTestId('reprint').click();
  await app.getByTestId('print-confirm').click();
  await expect(app.getByRole('dialog').getByRole('status')).toBeVisible({ timeout: 30_000 });
  await app.getByRole('dialog').getByRole('button', { name: '关闭' }).click();

  await app.reload();
  await signIn(app, STAFF.clerk.username, STAFF.clerk.password);
  await expect(app.getByTestId('saved-title')).toContainText(id);

  // From the list row too: start intake.
  await recordHashes(app);
  await app.getByTestId(`session-${id}`).getByRole('button', { name: '开始受理' }).click();
  await expectIntakeFrom(app, id);
});

test('English screens', async ({ app }) => {
  await setUpWithStaff(app, ['clerk']);
  await app.evaluate(() => {
    const raw = localStorage.getItem('onewindow.settings');
    localStorage.setItem(
      'onewindow.settings',
      JSON.stringify({ ...(raw ? JSON.parse(raw) : {}), language: 'en' }),
    );
  });
  await app.reload();
  await signIn(app, STAFF.clerk.username, STAFF.clerk.password);
  await expect(app.getByRole('heading', { level: 1, name: /Counselling/ })).toBeVisible();
  await shot(app, 'counselling-empty-en');
  await app.getByTestId('save-only').click();
  await expect(app.getByTestId('counselling-problems')).toContainText('Choose at least one matter');
  await chooseMatter(app, 'GCGH-JZ', 'GCGH-JZ');
  await answer(app, 'agent', 'yes');
  await app.getByTestId('save-only').click();
  await expect(app.getByTestId('counselling-problems')).toContainText('Answer these questions');
  await shot(app, 'counselling-form-en');
  await answer(app, 'deptOpinion', 'yes');
  await answer(app, 'demolition', 'no');
  await app.getByTestId('applicant-name').fill('Huanghe Smart Manufacturing Co.');
  await app.getByTestId('save-only').click();
  await expect(app.getByTestId('saved-title')).toContainText('Counselling session');
  await shot(app, 'counselling-saved-en');
});
