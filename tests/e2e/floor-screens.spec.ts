// The hall floor's screens (issue 18): the ticket machine and the hall display, opened by the
// administrator from 设置 › 大厅现场设备 in new windows of the same station (one origin, one
// IndexedDB: the real local floor store). The kiosk issues three tickets, one green channel; the
// printed tickets are read back from the PDF of the very HTML sent to the printer. The display
// follows calls made through the real FloorPort (floorDriver.ts) and says how it announces them.
import type { Page } from '@playwright/test';
import { htmlToPdf } from '../print/chromium';
import { pdfTextRaw, writeTemp } from '../print/pdfTools';
import { watch } from './a11y';
import { test, expect, shot, checkA11y } from './fixtures';
import { floorDriver } from './floorDriver';
import { setUpAndSignIn } from './session';

/** Every document the page sent to print (the browser host prints through a srcdoc frame). */
const CAPTURE_PRINTS = `(() => {
  const printed = [];
  Object.defineProperty(window, 'owPrinted', { value: printed });
  const desc = Object.getOwnPropertyDescriptor(HTMLIFrameElement.prototype, 'srcdoc');
  Object.defineProperty(HTMLIFrameElement.prototype, 'srcdoc', {
    configurable: true,
    get() { return desc.get.call(this); },
    set(v) { printed.push(String(v)); desc.set.call(this, v); },
  });
})();`;

async function openFromSettings(
  app: Page,
  which: 'kiosk' | 'display',
  size: { width: number; height: number },
) {
  await app.getByTestId('nav-settings').click();
  const [popup] = await Promise.all([
    app.context().waitForEvent('page'),
    app.getByTestId(`floor-open-${which}`).click(),
  ]);
  await popup.setViewportSize(size);
  await expect(app.getByTestId('floor-devices-status')).toHaveText(
    `已在新窗口打开：${which === 'kiosk' ? '取号机' : '叫号大屏'}`,
  );
  const watcher = watch(popup);
  return { popup, watcher };
}

async function printedText(page: Page, index: number): Promise<string[]> {
  await expect
    .poll(() =>
      page.evaluate(() => (window as unknown as { owPrinted: string[] }).owPrinted.length),
    )
    .toBeGreaterThan(index);
  const html = await page.evaluate(
    (i) => (window as unknown as { owPrinted: string[] }).owPrinted[i]!,
    index,
  );
  const pdfPage = await page.context().newPage();
  try {
    const pdf = await htmlToPdf(pdfPage, { html, paper: { widthMm: 80, heightMm: null } });
    return (
      pdfTextRaw(writeTemp(pdf))
        .split('\n')
        // pdftotext's spacing around the middle dot depends on the font's metrics: make it one.
        .map((l) =>
          l
            .trim()
            .replace(/\s{2,}/g, ' ')
            .replace(/\s*·\s*/g, ' · '),
        )
        .filter(Boolean)
    );
  } finally {
    await pdfPage.close();
  }
}

/** The hall clock's date and time of now, as printed ('2026年12月1日 15:40'), to compare. */
const hallNow = (lang: 'zh-CN' | 'en') => {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date())
      .map((x) => [x.type, x.value]),
  );
  const months = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');
  return lang === 'zh-CN'
    ? `${p.year}年${Number(p.month)}月${Number(p.day)}日`
    : `${Number(p.day)} ${months[Number(p.month) - 1]} ${p.year}`;
};

test('the kiosk issues three tickets, one green channel, and prints each', async ({
  app,
  target,
}) => {
  test.skip(target === 'electron', 'window.open and the browser print frame are the browser host');
  await setUpAndSignIn(app);
  await app.context().addInitScript(CAPTURE_PRINTS);
  await app.getByTestId('nav-settings').click();
  const card = app.locator('section[aria-labelledby="floor-devices-title"]');
  await expect(card.getByRole('heading')).toHaveText('大厅现场设备');
  await checkA11y(app, 'floor-settings-devices-zh-CN');
  await card.screenshot({ path: 'test-results/screens/floor-settings-devices-zh-CN.png' });
  const { popup: kiosk, watcher } = await openFromSettings(app, 'kiosk', {
    width: 1080,
    height: 1920,
  });

  await expect(kiosk.getByRole('heading', { level: 1 })).toHaveText('取号');
  await expect(kiosk.getByTestId('kiosk-waiting-counselling')).toHaveText('等候 0 人');
  await shot(kiosk, 'floor-kiosk-zh-CN');

  // 1: counselling, nobody ahead.
  await kiosk.getByTestId('kiosk-business-counselling').click();
  await expect(kiosk.getByTestId('kiosk-ticket-number')).toHaveText('A001');
  await expect(kiosk.getByTestId('kiosk-ticket-ahead')).toHaveText('前面没有人等候，请留意叫号');
  await expect(kiosk.getByTestId('kiosk-print-status')).toHaveText(
    '请取走小票，留意大屏和语音叫号',
  );
  await shot(kiosk, 'floor-kiosk-ticket-zh-CN');
  const first = await printedText(kiosk, 0);
  expect(first.slice(0, 5)).toEqual([
    '郑州市惠济区自然资源和规划局',
    '排队取号凭条',
    'A001',
    '咨询 · 一次性告知',
    '前面等候 0人',
  ]);
  expect(first[5]).toMatch(new RegExp(`^取号时间 ${hallNow('zh-CN')} \\d{2}:\\d{2}$`));
  expect(first.join('\n')).not.toContain('绿色通道');
  await kiosk.getByTestId('kiosk-done').click();

  // 2: counselling again, one ahead; the button shows both waiting.
  await expect(kiosk.getByTestId('kiosk-waiting-counselling')).toHaveText('等候 1 人');
  await kiosk.getByTestId('kiosk-business-counselling').click();
  await expect(kiosk.getByTestId('kiosk-ticket-number')).toHaveText('A002');
  await expect(kiosk.getByTestId('kiosk-ticket-ahead')).toHaveText('前面还有 1 人等候');
  const second = await printedText(kiosk, 1);
  expect(second.slice(2, 5)).toEqual(['A002', '咨询 · 一次性告知', '前面等候 1人']);
  await kiosk.getByTestId('kiosk-done').click();
  await expect(kiosk.getByTestId('kiosk-waiting-counselling')).toHaveText('等候 2 人');

  // 3: the green channel, in English: the pass is shown to the guide, nothing is typed.
  await kiosk.getByTestId('kiosk-language').click();
  await expect(kiosk.locator('html')).toHaveAttribute('lang', 'en');
  await expect(kiosk.getByRole('heading', { level: 1 })).toHaveText('Take a number');
  await shot(kiosk, 'floor-kiosk-en');
  await kiosk.getByTestId('kiosk-green').click();
  await expect(kiosk.getByTestId('kiosk-green-hint')).toHaveText(
    'Choose your business. Then show your green-channel pass to the hall guide. No personal details are needed.',
  );
  await expect(kiosk.locator('input, textarea')).toHaveCount(0);
  await shot(kiosk, 'floor-kiosk-green-en');
  await kiosk.getByTestId('kiosk-business-intakeEngineering').click();
  await expect(kiosk.getByTestId('kiosk-ticket-number')).toHaveText('C001');
  await expect(kiosk.getByTestId('kiosk-ticket-green')).toHaveText(
    'Green channel · Please show your green-channel pass to the hall guide',
  );
  await shot(kiosk, 'floor-kiosk-ticket-green-en');
  const green = await printedText(kiosk, 2);
  expect(green.slice(2, 9)).toEqual([
    'C001',
    'Intake · construction permit',
    'Green channel',
    'Please show your green-channel pass to',
    'the hall guide',
    'Waiting ahead 0',
    expect.stringMatching(new RegExp(`^Issued at ${hallNow('en')} \\d{2}:\\d{2}$`)),
  ]);
  // Done: back to the start, in the station's language again.
  await kiosk.getByTestId('kiosk-done').click();
  await expect(kiosk.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(kiosk.getByTestId('kiosk-waiting-intakeEngineering')).toHaveText('等候 1 人');

  // In the green-channel list in Chinese, for the screenshot.
  await kiosk.getByTestId('kiosk-green').click();
  await shot(kiosk, 'floor-kiosk-green-zh-CN');
  expect(await watcher.finish()).toBe('');
});

const FAKE_ZH_VOICE = `(() => {
  const spoken = [];
  Object.defineProperty(window, 'owSpoken', { value: spoken });
  const voice = { name: '测试中文语音', lang: 'zh-CN', default: true, localService: true, voiceURI: 'test' };
  const synth = {
    getVoices: () => [voice],
    speak: (u) => spoken.push(u.text + '|' + u.lang + '|' + (u.voice && u.voice.name)),
    cancel: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  };
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  window.SpeechSynthesisUtterance = function (text) {
    this.text = text; this.lang = ''; this.rate = 1; this.voice = null; this.onerror = null;
  };
})();`;

test('the display shows each call made through the FloorPort, and how it announces them', async ({
  app,
  target,
}) => {
  test.skip(target === 'electron', 'window.open is the browser host');
  await setUpAndSignIn(app);
  const driver = await floorDriver(app);
  await driver.saveWindows([
    { id: 'HJ01', number: 1, businesses: ['counselling', 'collection'], green: false },
    { id: 'HJ02', number: 2, businesses: ['counselling', 'intakeEngineering'], green: true },
  ]);
  const a1 = await driver.issue('counselling');
  const a2 = await driver.issue('counselling');
  const c1 = await driver.issue('intakeEngineering', true);
  await driver.issue('collection');

  const { popup: display, watcher } = await openFromSettings(app, 'display', {
    width: 1920,
    height: 1080,
  });
  await expect(display.getByRole('heading', { level: 1 })).toHaveText('叫号大屏');
  await expect(display.getByTestId('display-waiting-counselling')).toHaveText('2 人');
  await expect(display.getByTestId('display-waiting-intakeEngineering')).toHaveText('1 人');
  await expect(display.getByTestId('display-waiting-collection')).toHaveText('1 人');
  // Headless Chromium has no Chinese voice: a chime and a flash. (The window was opened by a
  // click, so the browser lets it play sound; the tap-to-enable case is in announcer.test.ts.)
  const announce = display.getByTestId('display-announce');
  await expect(announce).toHaveAttribute('data-mode', 'chime');
  await shot(display, 'floor-display-empty-zh-CN');
  await expect(announce).toHaveText('无中文语音，以提示音和闪烁提示');

  // HJ02 serves green first: C001; HJ01 then the first counselling ticket.
  expect((await driver.callNext('HJ02'))?.number).toBe(c1.number);
  const calling = display.getByTestId('display-call');
  await expect(calling).toHaveCount(1);
  await expect(calling.first()).toHaveAttribute('data-number', 'C001');
  await expect(calling.first()).toContainText('C001绿色通道请到 2 号窗口办理');
  await expect(calling.first()).toHaveAttribute('data-flash', 'on');
  expect((await driver.callNext('HJ01'))?.number).toBe(a1.number);
  await expect(calling).toHaveCount(2);
  await expect(calling.first()).toHaveAttribute('data-number', 'A001');
  await expect(calling.first()).toContainText('A001请到 1 号窗口办理');
  await expect(display.getByTestId('display-waiting-counselling')).toHaveText('1 人');
  await expect(display.getByTestId('display-waiting-intakeEngineering')).toHaveText('0 人');
  // A recall shows again in the last calls.
  await driver.recall(c1.id, 'HJ02');
  await expect(display.getByTestId('display-recent').locator('li')).toHaveText([
    'C0012 号窗口',
    'A0011 号窗口',
    'C0012 号窗口',
  ]);
  await expect(calling.first()).toHaveAttribute('data-number', 'C001');
  await shot(display, 'floor-display-zh-CN');
  expect(await watcher.finish()).toBe('');

  // Where the machine has a Chinese voice, each call is read out and the screen says so.
  await app.context().addInitScript(FAKE_ZH_VOICE);
  const [voiced] = await Promise.all([
    app.context().waitForEvent('page'),
    app.evaluate(() => window.open('#/floor/display', 'voiced', 'popup,width=1920,height=1080')),
  ]);
  await voiced.setViewportSize({ width: 1920, height: 1080 });
  const voicedWatcher = watch(voiced);
  await expect(voiced.getByTestId('display-announce')).toHaveText(
    '语音播报：已开启（测试中文语音）',
  );
  await expect(voiced.getByTestId('display-call')).toHaveCount(2);
  await driver.recall(a1.id, 'HJ01');
  await expect
    .poll(() => voiced.evaluate(() => (window as unknown as { owSpoken: string[] }).owSpoken))
    .toEqual(['请 A001 号到 1 号窗口办理|zh-CN|测试中文语音']);
  await expect(voiced.getByTestId('display-call').first()).toHaveAttribute('data-flash', 'off');
  await shot(voiced, 'floor-display-voice-zh-CN');
  void a2;

  // English: the same screen in the station's second language (the voice stays Chinese).
  await app.getByTestId('language-en').click();
  await expect(app.locator('html')).toHaveAttribute('lang', 'en');
  await voiced.reload();
  await expect(voiced.getByRole('heading', { level: 1 })).toHaveText('Now serving');
  await expect(voiced.getByTestId('display-announce')).toHaveText(
    'Voice announcements: on (测试中文语音)',
  );
  await expect(voiced.getByTestId('display-call').first()).toContainText('Please go to window 1');
  await shot(voiced, 'floor-display-en');
  expect(await voicedWatcher.finish()).toBe('');
});
