// The rating device (评价器, issue 18 item 4) on one PC: a second page of the same origin at
// #/floor/rating/HJ01, an 800×1280 tablet. The clerk takes a case in; the device shows the case
// number, the matter, the clerk and the five levels; the applicant taps 不满意, ticks reasons and
// submits — the rating is on the case page (read-only: the clerk's screen offers no way to enter
// one), the bad rating is in the follow-up ledger, the chief appeals, the director upholds, and the
// rating stays on the record, on the timeline and in the ledger. Screenshots in zh-CN and en.
// Then a counselling ticket finished without a case: the device shows the ticket's number and
// business under the window's number ("1 号窗口"), the tap lands in the figures and the follow-up
// ledger, and the chief's appeal and the director's decision work on it there.
import type { Page } from '@playwright/test';
import { a11yEnabled, axeFaults } from './a11y';
import { test, expect, shot } from './fixtures';
import { floorDriver } from './floorDriver';
import { acceptOneCase, FLOW_APPLICANT } from './flows';
import { addStaff, setUpAndSignIn, setUpWithStaff, STAFF, switchUser } from './session';

const TABLET = { width: 800, height: 1280 };

async function openDevice(app: Page, window = 'HJ01'): Promise<Page> {
  const device = await app.context().newPage();
  await device.setViewportSize(TABLET);
  await device.goto(new URL(`#/floor/rating/${window}`, app.url()).toString());
  await expect(device.getByTestId('rating-device')).toHaveAttribute('data-screen', 'idle');
  return device;
}

/** The device page is not the suite's watched page: its screens are checked with axe here. */
async function deviceShot(device: Page, name: string) {
  if (a11yEnabled) expect(await axeFaults(device), name).toEqual([]);
  await shot(device, name);
}

async function openCase(app: Page, caseId: string) {
  await app.evaluate(
    (id) => (window.location.hash = `#/cases/case/${encodeURIComponent(id)}`),
    caseId,
  );
  await expect(app.getByTestId('section-case-ratings')).toBeVisible();
}

test('the device rates a finished case; bad rating followed up, appealed and decided, kept', async ({
  app,
}) => {
  test.setTimeout(360_000);
  await setUpWithStaff(app, ['clerk', 'chief', 'director']);
  const device = await openDevice(app);
  await deviceShot(device, 'rating-device-idle-zh-CN');

  // The clerk accepts a case at window HJ01: the device shows it, nothing personal.
  const caseNo = await acceptOneCase(app);
  await expect(app.getByTestId('intake-rating-requested')).toHaveText(
    '已请申请人在 HJ01 窗口的评价器上评价。',
  );
  await expect(device.getByTestId('rating-device')).toHaveAttribute('data-screen', 'levels');
  await expect(device.getByTestId('rating-device-caseNumber')).toHaveText(caseNo);
  await expect(device.getByTestId('rating-device-matter')).toHaveText(
    '建设工程规划许可证核发（建筑类）',
  );
  await expect(device.getByTestId('rating-device-clerk')).toHaveText(STAFF.clerk.name);
  await expect(device.getByTestId('rating-device-window')).toHaveText('HJ01');
  await expect(device.getByTestId('rating-device')).not.toContainText(FLOW_APPLICANT);
  await expect(device.getByTestId('rating-device')).not.toContainText('13812345678');
  for (const [level, text] of [
    [5, '非常满意'],
    [4, '满意'],
    [3, '基本满意'],
    [2, '不满意'],
    [1, '非常不满意'],
  ] as const) {
    const button = device.getByTestId(`rating-level-${level}`);
    await expect(button).toHaveText(text);
    // Large touch targets: the full width of the tablet and over 2 cm tall.
    const box = (await button.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(120);
    expect(box.width).toBeGreaterThanOrEqual(680);
  }
  await deviceShot(device, 'rating-device-levels-zh-CN');

  // 不满意: the reasons to tick, then the rating.
  await device.getByTestId('rating-level-2').click();
  await expect(device.getByTestId('rating-device')).toHaveAttribute('data-screen', 'reasons');
  await expect(device.locator('[data-testid^="rating-reason-"]')).toHaveText([
    /办事效率低/,
    /服务态度差/,
    /一次性告知不到位/,
    /超时限办理/,
    /其他/,
  ]);
  await device.getByTestId('rating-reason-slow').click();
  await device.getByTestId('rating-reason-notToldAtOnce').click();
  await expect(device.getByTestId('rating-reason-slow')).toHaveAttribute('aria-pressed', 'true');
  await deviceShot(device, 'rating-device-reasons-zh-CN');
  await device.getByTestId('rating-reasons-submit').click();
  await expect(device.getByTestId('rating-thanks')).toHaveText(
    '感谢您的评价！我们将回访您，并限期整改。',
  );
  await deviceShot(device, 'rating-device-thanks-zh-CN');
  // Back to idle after a few seconds.
  await expect(device.getByTestId('rating-device')).toHaveAttribute('data-screen', 'idle', {
    timeout: 10_000,
  });

  // The case page: the rating, read-only — no form, no level to pick, no appeal for a clerk.
  await app.getByRole('button', { name: '打开办件' }).click();
  await expect(app).toHaveURL(/#\/cases\/case\//);
  const caseId = decodeURIComponent(new URL(app.url()).hash.split('/').pop()!);
  const ratings = app.getByTestId('section-case-ratings');
  await expect(ratings.getByTestId('rating-line')).toHaveText(
    new RegExp(`^不满意 · 评价器 · \\d{4}-\\d{2}-\\d{2}$`),
  );
  await expect(ratings).toContainText(`HJ01 窗口 · 经办人 ${STAFF.clerk.name}`);
  await expect(ratings.getByTestId('rating-reasons')).toHaveText(
    '原因：办事效率低、一次性告知不到位',
  );
  await expect(ratings.getByTestId('rating-followup')).toContainText('差评回访整改');
  await expect(ratings.locator('input, textarea, [role="radio"]')).toHaveCount(0);
  await expect(ratings.getByRole('button')).toHaveCount(0);
  const rated = app.getByTestId('timeline').locator('tr[data-event="ratingRecorded"]');
  await expect(rated).toContainText('HJ01评价器');
  await expect(rated).toContainText('总体评价：不满意 · HJ01窗口');
  await shot(app, 'rating-case-clerk-zh-CN');

  // …nor at the issuance desk, nor anywhere on the clerk's screens: no rating form exists.
  for (const id of ['rating-submit', 'rating-overall-2', 'rating-comment'])
    await expect(app.getByTestId(id)).toHaveCount(0);

  // The bad rating is in the follow-up ledger (督办台账).
  await switchUser(app, 'chief');
  await app.getByTestId('nav-ledgers').click();
  await app.getByTestId('tab-supervision').click();
  const followUp = app
    .getByTestId('supervision-row')
    .filter({ hasText: FLOW_APPLICANT })
    .filter({ hasText: '差评' });
  await expect(followUp).toHaveCount(1);
  await expect(followUp.getByTestId('supervision-appeal')).toHaveCount(0);

  // The chief appeals it, with a reason; a reason too short is refused in words.
  await openCase(app, caseId);
  await app.getByTestId('rating-appeal-open').click();
  await app.getByTestId('appeal-reason').fill('误触');
  await app.getByTestId('appeal-submit').click();
  await expect(app.getByTestId('appeal-error')).toHaveText('请写明理由（4至500个字）。');
  await app.getByTestId('appeal-reason').fill('经查看窗口录像，申请人系误触评价器');
  await shot(app, 'rating-appeal-zh-CN');
  await app.getByTestId('appeal-submit').click();
  await expect(app.getByTestId('rating-appeal')).toContainText('申诉中（' + STAFF.chief.name);
  await expect(app.getByTestId('rating-appeal-open')).toHaveCount(0);

  // The director decides: upheld. The rating stays, marked as left out of the figures.
  await switchUser(app, 'director');
  await openCase(app, caseId);
  await app.getByTestId('rating-decide-open').click();
  await app.getByTestId('appeal-submit').click();
  await expect(app.getByTestId('appeal-error')).toHaveText('请选择裁定结果。');
  await app.getByTestId('appeal-outcome-upheld').check();
  await app.getByTestId('appeal-reason').fill('录像属实，申诉成立');
  await app.getByTestId('appeal-submit').click();
  const appeal = app.getByTestId('section-case-ratings').getByTestId('rating-appeal');
  await expect(appeal).toContainText('经查看窗口录像，申请人系误触评价器');
  await expect(appeal).toContainText(`申诉成立，不计入统计（${STAFF.director.name}`);
  // Decided, the appeal reads in the past tense above the decision.
  await expect(appeal).toContainText('已申诉（' + STAFF.chief.name);
  await expect(app.getByTestId('rating-decide-open')).toHaveCount(0);
  await expect(app.getByTestId('rating-line')).toHaveText(/^不满意 · 评价器/);
  const timeline = app.getByTestId('timeline');
  await expect(timeline.locator('tr[data-event="case.rating_appealed"]')).toContainText(
    '申诉理由：经查看窗口录像，申请人系误触评价器',
  );
  await expect(timeline.locator('tr[data-event="case.rating_appeal_decided"]')).toContainText(
    '申诉成立：录像属实，申诉成立',
  );
  await expect(timeline.locator('tr[data-event="ratingRecorded"]')).toHaveCount(1);
  await shot(app, 'rating-case-decided-zh-CN');

  // Still in the ledger, with the appeal's outcome.
  await app.getByTestId('nav-ledgers').click();
  await app.getByTestId('tab-supervision').click();
  await expect(followUp.getByTestId('supervision-appeal')).toHaveText('申诉成立');
  await shot(app, 'rating-ledger-zh-CN');

  // The device in English (the machine's language, read when the page starts); the counter goes
  // back to Chinese and finishes a second case at the window.
  await app.getByTestId('nav-settings').click();
  await app.getByTestId('language-en').click();
  await expect(app.locator('html')).toHaveAttribute('lang', 'en');
  await device.reload();
  await expect(device.getByTestId('rating-device')).toContainText('Rate our service · window HJ01');
  await deviceShot(device, 'rating-device-idle-en');
  await app.getByTestId('language-zh-CN').click();
  await expect(app.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await switchUser(app, 'clerk');
  await acceptOneCase(app);
  await expect(device.getByTestId('rating-device')).toHaveAttribute('data-screen', 'levels');
  await expect(device.getByTestId('rating-device-matter')).toHaveText(
    'Construction Project Planning Permit (buildings)',
  );
  await expect(device.getByTestId('rating-level-5')).toHaveText('Very satisfied');
  await deviceShot(device, 'rating-device-levels-en');
  await device.getByTestId('rating-level-1').click();
  await device.getByTestId('rating-reason-attitude').click();
  await deviceShot(device, 'rating-device-reasons-en');
  await device.getByTestId('rating-reasons-back').click();
  // A good rating is one tap.
  await device.getByTestId('rating-level-5').click();
  await expect(device.getByTestId('rating-thanks')).toHaveText('Thank you for your rating!');
  await deviceShot(device, 'rating-device-thanks-en');
  await device.close();
});

test('a counselling ticket finished without a case is rated on the device, counted and followed up', async ({
  app,
}) => {
  test.setTimeout(300_000);
  await setUpAndSignIn(app);
  // The floor: this station (HJ01) is window 1, serving counselling.
  const kiosk = await floorDriver(app);
  await kiosk.saveWindows([{ id: 'HJ01', number: 1, businesses: ['counselling'], green: false }]);
  await addStaff(app, ['clerk', 'chief', 'director']);
  const device = await openDevice(app);
  await expect(device.getByRole('heading', { level: 1 })).toHaveText('服务评价 · 1 号窗口');

  // A counselling ticket: called, served and finished at window 1 with no case opened.
  const ticket = await kiosk.issue('counselling');
  expect(ticket.number).toBe('A001');
  const panel = app.getByTestId('calling-panel');
  await panel.getByRole('button', { name: '叫下一号' }).click();
  await expect(app.getByTestId('calling-current')).toHaveText('A001');
  await panel.getByRole('button', { name: '开始办理' }).click();
  await panel.getByRole('button', { name: '办结' }).click();
  await expect(app.getByTestId('calling-note')).toHaveText(
    'A001 已办结，已请申请人在 HJ01 窗口的评价器上评价',
  );

  // The device: the ticket's number and business instead of a case, nothing personal.
  await expect(device.getByTestId('rating-device')).toHaveAttribute('data-screen', 'levels');
  await expect(device.getByTestId('rating-device-ticketNumber')).toHaveText('A001');
  await expect(device.getByTestId('rating-device-business')).toHaveText('咨询');
  await expect(device.getByTestId('rating-device-clerk')).toHaveText(STAFF.clerk.name);
  await expect(device.getByTestId('rating-device-window')).toHaveText('1 号窗口');
  await expect(device.getByTestId('rating-device-caseNumber')).toHaveCount(0);
  await expect(device.getByTestId('rating-device-case')).toContainText('排队号');
  await expect(device.getByTestId('rating-level-1')).toHaveText('非常不满意');
  await deviceShot(device, 'rating-device-ticket-levels-zh-CN');
  await device.getByTestId('rating-level-1').click();
  await device.getByTestId('rating-reason-attitude').click();
  await device.getByTestId('rating-reasons-submit').click();
  await expect(device.getByTestId('rating-thanks')).toHaveText(
    '感谢您的评价！我们将回访您，并限期整改。',
  );

  // The figures: the office's bad-rating rate, and the floor's ratings of counselling.
  const office = app.getByRole('region', { name: '全局', exact: true }).getByRole('row').nth(1);
  const counselling = app
    .getByRole('region', { name: '排队 · 按业务类型' })
    .getByRole('row')
    .filter({ hasText: '咨询' });
  await app.getByTestId('nav-stats').click();
  await expect(office.getByRole('cell').first()).toHaveText('全局合计');
  await expect(office.getByRole('cell').last()).toHaveText('100.0%');
  await expect(counselling.getByRole('cell').nth(6)).toHaveText('1');
  await expect(counselling.getByRole('cell').nth(7)).toHaveText('100.0%');
  const byClerk = app.getByRole('region', { name: '按人员', exact: true });
  await expect(byClerk.getByRole('row').filter({ hasText: STAFF.clerk.name })).toHaveCount(1);
  await shot(app, 'rating-ticket-stats-zh-CN');

  // The follow-up ledger names the ticket; the chief appeals there, the director decides.
  await switchUser(app, 'chief');
  await app.getByTestId('nav-ledgers').click();
  await app.getByTestId('tab-supervision').click();
  const followUp = app
    .getByTestId('supervision-row')
    .filter({ hasText: '排队号 A001（咨询，未立案）' });
  await expect(followUp).toHaveCount(1);
  await expect(followUp.getByTestId('supervision-title')).toHaveText('排队号 A001（咨询，未立案）');
  // Its cells: the kind and the ticket with its day (never the row id), nobody asked, and what
  // is not known said so; the clerk the rating names.
  await expect(followUp.getByTestId('supervision-number')).toHaveText(
    /^差评回访 · 排队号 A001（\d{4}-\d{2}-\d{2}）$/,
  );
  await expect(followUp.getByTestId('supervision-applicant')).toHaveText(
    '未登记（排队号，未立案）',
  );
  await expect(followUp.getByTestId('supervision-department')).toHaveText('未指定科室（未立案）');
  await expect(followUp.getByTestId('supervision-person')).toHaveText(
    `${STAFF.clerk.name}（HJ01 窗口经办）`,
  );
  await expect(followUp).toContainText('差评');
  await followUp.getByTestId('rating-appeal-open').click();
  await app.getByTestId('appeal-reason').fill('误触');
  await app.getByTestId('appeal-submit').click();
  await expect(app.getByTestId('appeal-error')).toHaveText('请写明理由（4至500个字）。');
  await app.getByTestId('appeal-reason').fill('经查看窗口录像，申请人系误触评价器');
  await app.getByTestId('appeal-submit').click();
  await expect(followUp.getByTestId('supervision-appeal')).toHaveText('申诉中');
  await expect(followUp.getByTestId('rating-appeal-open')).toHaveCount(0);

  await switchUser(app, 'director');
  await app.getByTestId('nav-ledgers').click();
  await app.getByTestId('tab-supervision').click();
  await followUp.getByTestId('rating-decide-open').click();
  await app.getByTestId('appeal-outcome-upheld').check();
  await app.getByTestId('appeal-reason').fill('录像属实，申诉成立');
  await app.getByTestId('appeal-submit').click();
  await expect(followUp.getByTestId('supervision-appeal')).toHaveText('申诉成立');
  await expect(followUp.getByTestId('rating-decide-open')).toHaveCount(0);
  await shot(app, 'rating-ticket-ledger-zh-CN');

  // Upheld: kept in the ledger, left out of the figures.
  await app.getByTestId('nav-stats').click();
  await expect(office.getByRole('cell').last()).toHaveText('—');
  await expect(counselling.getByRole('cell').nth(6)).toHaveText('0');

  // The device in English: the ticket and its business in English, the window by its number.
  await app.getByTestId('nav-settings').click();
  await app.getByTestId('language-en').click();
  await expect(app.locator('html')).toHaveAttribute('lang', 'en');
  await device.reload();
  await expect(device.getByRole('heading', { level: 1 })).toHaveText('Rate our service · Window 1');
  await kiosk.issue('counselling');
  await panel.getByRole('button', { name: 'Call next' }).click();
  await panel.getByRole('button', { name: 'Start serving' }).click();
  await panel.getByRole('button', { name: 'Finish', exact: true }).click();
  await expect(device.getByTestId('rating-device-ticketNumber')).toHaveText('A002');
  await expect(device.getByTestId('rating-device-business')).toHaveText('Counselling');
  await expect(device.getByTestId('rating-device-window')).toHaveText('Window 1');
  await deviceShot(device, 'rating-device-ticket-levels-en');
  await device.getByTestId('rating-level-5').click();
  await expect(device.getByTestId('rating-thanks')).toHaveText('Thank you for your rating!');
  await app.getByTestId('language-zh-CN').click();
  await device.close();
});
