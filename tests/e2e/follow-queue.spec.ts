// Following the queue from a phone (扫码查看排队进度, docs/floor.md): a real hall server started
// with --public-url, a kiosk enrolled with it issues tickets in the browser, and the printed
// ticket's QR code is the code of `<public url>/q/<ticket id>`; that address opened on a phone
// (390 × 844, zh-CN) shows the ticket waiting, then called to window 1 when a counter calls it
// (the counter is a simulated station: P-256 key, challenge–response session, plain HTTP).
// Web target only (the browser host speaks to the hall here).
import { chromium, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROTOCOL_VERSION, sessionSigningText } from '../../server/protocol';
import { testStation } from '../../server/testing/stations';
import { qrSvg } from '../../renderer/src/print/qr';
import { htmlToPdf } from '../print/chromium';
import { pdfTextRaw, writeTemp } from '../print/pdfTools';
import { HallProcess } from './hallHarness';
import {
  test,
  expect,
  chromiumArgs,
  chromiumEnv,
  chromiumPath,
  pickTarget,
  shot,
} from './fixtures';
import { fillSetUp, signIn, STATION_ADMIN } from './session';

test.skip(pickTarget() !== 'web', 'the browser host speaks to the hall here');

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

const hall = new HallProcess();
let publicUrl = '';

test.beforeAll(async () => {
  test.setTimeout(240_000);
  await hall.create(['HJ01']);
  const out = await hall.cli(
    'station',
    'enrol',
    '--code',
    'KS01',
    '--label',
    'KS01',
    '--kind',
    'kiosk',
  );
  hall.codes.KS01 = /([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})/.exec(out)![1]!;
  // The address phones reach: here the server itself, on loopback.
  publicUrl = `http://127.0.0.1:${hall.port}`;
  await hall.start(['--public-url', `${publicUrl}/`]);
});

test.afterAll(async () => {
  await hall.stop();
  hall.dispose();
});

/** The counter HJ01 as a simulated station: enrolled, with a session, calling over HTTP. */
async function counter() {
  const st = testStation('HJ01');
  const api = async (path: string, body: unknown, token?: string) => {
    const res = await fetch(`http://127.0.0.1:${hall.port}/v1${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<Record<string, unknown>>;
  };
  await api('/enrol', {
    code: hall.codes.HJ01,
    stationCode: st.code,
    label: 'HJ01 窗口',
    kind: 'counter',
    publicKey: st.publicKey,
    appVersion: '0.1.0',
    protocol: PROTOCOL_VERSION,
  });
  const ch = (await api('/session/challenge', { stationCode: st.code })) as {
    challengeId: string;
    nonce: string;
  };
  const { token } = (await api('/session', {
    stationCode: st.code,
    challengeId: ch.challengeId,
    signature: st.sign(sessionSigningText(st.code, ch.challengeId, ch.nonce)),
    protocol: PROTOCOL_VERSION,
    appVersion: '0.1.0',
    maxEventSchema: 2,
  })) as { token: string };
  const act = (path: string, body: unknown) => api(`/floor/${path}`, body, token);
  return { act };
}

test('the printed QR code opens the ticket’s page on a phone: waiting, then called', async ({
  baseURL,
}) => {
  test.setTimeout(240_000);
  const hj01 = await counter();
  await hj01.act('settings', {
    settings: {
      maxCalls: 3,
      windows: [{ id: 'HJ01', number: 1, businesses: ['counselling'], green: false }],
    },
    userId: 'u-admin',
  });

  // The kiosk: a browser station enrolled as a kiosk, its /v1/* on to the hall.
  const profile = mkdtempSync(join(tmpdir(), 'ow-e2e-follow-KS01-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    args: chromiumArgs,
    env: chromiumEnv,
    locale: 'zh-CN',
    viewport: { width: 1080, height: 1920 },
  });
  const issued: { id: string; number: string }[] = [];
  try {
    const kiosk = context.pages()[0] ?? (await context.newPage());
    await kiosk.addInitScript(CAPTURE_PRINTS);
    await kiosk.route('**/v1/**', async (route) => {
      const url = new URL(route.request().url());
      try {
        const response = await route.fetch({
          url: `http://127.0.0.1:${hall.port}${url.pathname}${url.search}`,
          timeout: 40_000,
        });
        if (url.pathname === '/v1/floor/issue') {
          const body = (await response.json()) as {
            value: { ticket: { id: string; number: string } };
          };
          issued.push(body.value.ticket);
        }
        await route.fulfill({ response });
      } catch {
        await route.abort('connectionrefused').catch(() => undefined);
      }
    });
    await kiosk.goto(baseURL!);
    await fillSetUp(kiosk);
    await kiosk.getByTestId('setup-stationCode').fill('KS01');
    await kiosk.getByTestId('setup-submit').click();
    await signIn(kiosk, STATION_ADMIN.username, STATION_ADMIN.password);
    await kiosk.getByTestId('nav-settings').click();
    await kiosk.getByTestId('open-hall').click();
    await kiosk.getByTestId('hall-serverUrl').fill(new URL(kiosk.url()).origin);
    await kiosk.getByTestId('hall-label').fill('KS01');
    await kiosk.getByRole('combobox', { name: '本机用途' }).click();
    await kiosk.getByRole('option', { name: '取号机' }).click();
    await kiosk.getByTestId('hall-code').fill(hall.codes.KS01!);
    await kiosk.getByTestId('hall-enrol').click();
    await expect(kiosk.getByTestId('hall-enrolled-message')).toBeVisible({ timeout: 30_000 });
    await kiosk.goto(baseURL!);
    await expect(kiosk).toHaveURL(/#\/floor\/kiosk$/);
    // The hall's snapshot is in (it carries the public address): the waiting counts show.
    await expect(kiosk.getByTestId('kiosk-waiting-counselling')).toHaveText('等候 0 人');

    for (const n of ['A001', 'A002']) {
      await kiosk.getByTestId('kiosk-business-counselling').click();
      await expect(kiosk.getByTestId('kiosk-ticket-number')).toHaveText(n);
      await expect(kiosk.getByTestId('kiosk-print-status')).toHaveText(
        '请取走小票，留意大屏和语音叫号',
      );
      await kiosk.getByTestId('kiosk-done').click();
    }
    expect(issued.map((t) => t.number)).toEqual(['A001', 'A002']);
    const printed = await kiosk.evaluate(
      () => (window as unknown as { owPrinted: string[] }).owPrinted,
    );
    expect(printed).toHaveLength(2);
    // The second ticket's QR code is the code of its page's address (the same module matrix).
    const page2 = `${publicUrl}/q/${issued[1]!.id}`;
    expect(page2).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/q\/tk-[0-9a-f-]{36}$/);
    expect(printed[1]).toContain(qrSvg(page2, 24));
    const pdfPage = await context.newPage();
    const pdf = await htmlToPdf(pdfPage, {
      html: printed[1]!,
      paper: { widthMm: 80, heightMm: null },
    });
    await pdfPage.close();
    expect(pdfTextRaw(writeTemp(pdf))).toContain('扫码查看排队进度');

    // The phone: no station, no session — just the address in the code.
    const phoneBrowser = await chromium.launch({
      executablePath: chromiumPath,
      args: chromiumArgs,
      env: chromiumEnv,
    });
    const phoneCtx = await phoneBrowser.newContext({
      viewport: { width: 390, height: 844 },
      locale: 'zh-CN',
    });
    const mobile: Page = await phoneCtx.newPage();
    const res = await mobile.goto(page2);
    expect(res?.status()).toBe(200);
    await expect(mobile.getByTestId('follow-number')).toHaveText('A002');
    await expect(mobile.getByTestId('follow-status')).toContainText('等候中');
    await expect(mobile.getByTestId('follow-ahead')).toContainText('前面等候');
    await expect(mobile.getByTestId('follow-ahead')).toContainText('1 人');
    await shot(mobile, 'follow-waiting-zh-CN');

    // The counter calls A001, finishes it, and calls A002: the page says where to go.
    const call = async (key: string) =>
      (await hj01.act('call-next', { window: 'HJ01', clerkId: 'u-clerk', requestKey: key })) as {
        value: { id: string; number: string };
      };
    const a1 = (await call('call-HJ01-0001')).value;
    expect(a1.number).toBe('A001');
    await mobile.reload();
    await expect(mobile.getByTestId('follow-ahead')).toContainText('下一位就是您，请留意叫号');
    const who = { ticketId: a1.id, window: 'HJ01', clerkId: 'u-clerk' };
    await hj01.act('serve', who);
    await hj01.act('finish', who);
    expect((await call('call-HJ01-0002')).value.number).toBe('A002');
    // The page refreshes itself (every 15 s): no reload by the test.
    await expect(mobile.getByTestId('follow-status')).toContainText('请到 1 号窗口办理', {
      timeout: 25_000,
    });
    await expect(mobile.getByTestId('follow-ahead')).toHaveCount(0);
    await shot(mobile, 'follow-called-zh-CN');

    // An address that is not a ticket of today: 404 with what to do.
    const missing = await mobile.goto(`${publicUrl}/q/tk-${crypto.randomUUID()}`);
    expect(missing?.status()).toBe(404);
    await expect(mobile.getByTestId('follow-problem')).toContainText('请向大厅工作人员询问');
    await shot(mobile, 'follow-not-found-zh-CN');
    await phoneBrowser.close();
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});
