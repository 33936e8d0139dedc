// Reusable steps of the counter flow for end-to-end specs: a clerk takes one complete
// building-permit application in through the intake screen and accepts it (its acceptance notice
// and receipt printed and archived). Other areas' specs start from this case.
import type { Page } from '@playwright/test';
import { makeCreditCode } from '../../renderer/src/domain/ids';
import { expect } from './fixtures';

export const FLOW_APPLICANT = '郑州宏达置业有限公司';
export const FLOW_CREDIT = makeCreditCode('91410108MA44XY123');
export const FLOW_PROJECT = '宏达住宅小区二期';

export interface TakenCase {
  caseNo: string;
  caseId: string;
}

export interface IntakeInput {
  applicant?: string;
  /** As typed: the field upper-cases it. */
  credit?: string;
  project?: string;
  projectCode?: string;
  /** The matter field's label in the current language. */
  matterLabel?: string;
  /** Tick every checklist line as received. */
  tickAll?: boolean;
}

/** Signed in as a clerk: fills the intake of a complete building-permit application. */
export async function fillIntake(page: Page, opts: IntakeInput = {}) {
  await page.keyboard.press('Alt+2');
  await expect(page.getByTestId('intake-applicantName')).toBeVisible();
  await page.getByTestId('intake-applicantName').fill(opts.applicant ?? FLOW_APPLICANT);
  await page.getByTestId('intake-creditCode').fill(opts.credit ?? FLOW_CREDIT);
  await page.getByTestId('intake-contactName').fill('张经办');
  await page.getByTestId('intake-contactPhone').fill('13812345678');
  await page.getByTestId('intake-projectName').fill(opts.project ?? FLOW_PROJECT);
  await page.getByTestId('intake-projectCode').fill(opts.projectCode ?? '2026-410108-70-01-000123');
  await page.getByRole('combobox', { name: opts.matterLabel ?? '申请事项' }).click();
  await page.getByTestId('matter-GCGH-JZ').click();
  await page.getByTestId('q-deptOpinion-no').click();
  await page.getByTestId('q-demolition-no').click();
  await page.getByTestId('intake-field-location').fill('惠济区江山路与天河路交叉口');
  await page.getByTestId('intake-field-floorArea').fill('52000');
  await page.getByTestId('intake-field-scale').fill('住宅6栋，地上18层');
  if (opts.tickAll ?? true) {
    for (const box of await page.locator('[data-testid^="received-"]').all()) await box.check();
  }
}

/** Closes the print dialog once it is there (decisions open it after their papers render). */
export async function closePrintDialog(page: Page) {
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible({ timeout: 30_000 });
  await dialog.getByRole('button', { name: '关闭' }).click();
  await expect(dialog).toBeHidden();
}

/** Fills, accepts and prints (notice + receipt archived); returns the case number. */
export async function acceptOneCase(page: Page, opts: IntakeInput = {}): Promise<string> {
  await fillIntake(page, { ...opts, tickAll: true });
  await page.getByTestId('decide-accept').click();
  await page.getByTestId('print-confirm').click();
  await expect(page.getByRole('dialog').getByRole('status')).toContainText('已存档 2 份');
  await closePrintDialog(page);
  const done = (await page.getByTestId('intake-done').textContent()) ?? '';
  return /[A-Z][A-Z0-9]{1,9}-\d{8}-\d{4}/.exec(done)![0];
}

/** Signed in as a clerk: takes in and accepts one case, opens it; returns its number and id. */
export async function takeInCase(page: Page, opts: IntakeInput = {}): Promise<TakenCase> {
  const caseNo = await acceptOneCase(page, opts);
  await page.getByRole('button', { name: '打开办件' }).click();
  await expect(page).toHaveURL(/#\/cases\/case\//);
  const caseId = decodeURIComponent(new URL(page.url()).hash.split('/').pop()!);
  return { caseNo, caseId };
}

/** Opens the step screen of a case in the 审批 area. */
export async function openStep(page: Page, caseId: string) {
  await page.evaluate((id) => {
    window.location.hash = `#/approval/case/${encodeURIComponent(id)}`;
  }, caseId);
  await expect(page.getByTestId('step-page')).toBeVisible();
}
