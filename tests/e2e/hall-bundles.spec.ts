// 设置 › 大厅同步 › 同步包 (issue 17 item 5), zh-CN and en: an enrolled station with its network
// cut exports a signed bundle (a real download, checked as the hall would: envelope, body hash,
// the station's own events past what the hall acknowledged) and imports the hall's bundle back,
// signed with the bundle key the station pinned from its session; the same bundle again, a
// damaged one and one of the wrong direction are refused with their sentences.
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, shot } from './fixtures';
import { setUpAndSignIn, signIn, STATION_ADMIN } from './session';
import { startFakeHall, type FakeHall } from '../fixtures/hallFake';
import { enrolWithFakeHall } from './fakeHallPage';
import { nodeChainHash } from '../../server/crypto';
import { GENESIS_HASH } from '../../renderer/src/domain/audit';
import { sealBundle, type StationBundleBody } from '../../server/protocol/bundle';
import type { WireEvent } from '../../server/protocol';

const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const HALL_KEY = publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
const hallSign = (t: string) =>
  sign('sha256', Buffer.from(t), { key: privateKey, dsaEncoding: 'ieee-p1363' }).toString('base64');
const sha = (t: string) => createHash('sha256').update(t).digest('hex');

let hall: FakeHall;
test.beforeEach(async () => {
  hall = await startFakeHall({ bundleKey: HALL_KEY });
});
test.afterEach(async () => {
  await hall.close();
});

/** Two sign-ins on another station (HJ02): the events a bundle back brings. */
function otherStationEvents(): WireEvent[] {
  let prev = GENESIS_HASH;
  return [1, 2].map((seq) => {
    const body = {
      id: `HJ02-e${seq}`,
      schema: 2,
      chainId: 'HJ02',
      stationId: 'HJ02',
      stationSeq: seq,
      streamId: 'auth',
      type: 'auth.sign_in_failed',
      payload: { username: 'nobody', reason: 'unknown_user' },
      actor: { id: 'system', name: '系统', role: 'system' },
      at: '2026-12-01T08:00:00.000Z',
      prevHash: prev,
    };
    prev = nodeChainHash(prev, body);
    return { ...body, hash: prev } as WireEvent;
  });
}

/** The hall's bundle back: every event it holds (the station's own, then HJ02's), signed. */
async function hallBundle() {
  const own = hall.pushes.flatMap((p) => p.events);
  const events = [...own, ...otherStationEvents()].map((event, i) => ({ gseq: i + 1, event }));
  const last = own.at(-1)!;
  const { text } = await sealBundle(
    {
      kind: 'hall',
      bundleId: crypto.randomUUID(),
      hallId: 'hall-1',
      stationCode: 'HJ01',
      createdAt: new Date().toISOString(),
    },
    {
      hallName: '惠济区服务大厅',
      after: 0,
      lastGseq: events.length,
      events,
      credentials: [],
      heads: [{ chainId: 'HJ01', seq: last.stationSeq, hash: last.hash, status: 'open' }],
    },
    { sha256Hex: sha, sign: async (t) => hallSign(t) },
  );
  return { text, own: own.length };
}

async function pick(page: Page, name: string, text: string) {
  await page.getByTestId('bundle-file').setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(text, 'utf8'),
  });
}

async function flow(page: Page, lang: 'zh-CN' | 'en') {
  const zh = lang === 'zh-CN';
  await enrolWithFakeHall(page, hall, {
    label: zh ? '外业笔记本' : 'Field laptop',
    code: 'ABCD-EFGH-JK23',
    synced: true,
  });
  const message = page.getByTestId('bundle-message');
  await page.getByTestId('bundle-export').click();
  await expect(message).toHaveText(
    zh
      ? '没有待上传的记录：大厅已有本机的全部记录，无需导出同步包。'
      : 'Nothing waits to upload: the hall holds every record of this station, no bundle is needed.',
  );
  await shot(page, `hall-bundles-${lang}`);

  // The site has no network: the station keeps working (a sign-out and a sign-in are events).
  await page.unroute('**/v1/**');
  await page.route('**/v1/**', (route) => route.abort());
  await page.getByTestId('user-menu').click();
  await page.getByTestId('menu-signout').click();
  await signIn(page, STATION_ADMIN.username, STATION_ADMIN.password);
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-phase', 'offline', {
    timeout: 30_000,
  });
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('open-hall').click();

  const downloading = page.waitForEvent('download');
  await page.getByTestId('bundle-export').click();
  const download = await downloading;
  const file = JSON.parse(readFileSync((await download.path())!, 'utf8')) as {
    kind: string;
    stationCode: string;
    bodySha256: string;
    body: string;
  };
  expect(download.suggestedFilename()).toMatch(/^onewindow-HJ01-to-hall-\d{8}-\d{6}\.owb$/);
  expect(file).toMatchObject({ kind: 'station', stationCode: 'HJ01' });
  expect(sha(file.body)).toBe(file.bodySha256);
  const body = JSON.parse(file.body) as StationBundleBody;
  const sent = body.chains.flatMap((c) => c.events);
  const pushed = hall.pushes.flatMap((p) => p.events).length;
  expect(body.chains[0]!.fromSeq).toBe(pushed + 1);
  expect(sent.map((e) => e.type)).toEqual(expect.arrayContaining(['auth.signed_in']));
  await expect(message).toHaveText(
    zh
      ? `已导出同步包 ${download.suggestedFilename()}：${sent.length} 条记录，0 个附件。请带到大厅导入；大厅确认之前，这些记录仍算待上传。`
      : `Bundle ${download.suggestedFilename()} exported: ${sent.length} records, 0 files. Take it to the hall; until the hall acknowledges them, these records still count as waiting to upload.`,
  );
  await shot(page, `hall-bundles-exported-${lang}`);

  // Back from the hall: its events, signed with the key the session told.
  const back = await hallBundle();
  await pick(page, 'onewindow-hall-to-HJ01.owb', back.text);
  // Already here: the station's own events, unless its cursor had passed them (a pull after the
  // push acknowledged them by gseq), then the bundle's part after the cursor is all there is.
  const held = `(0|${back.own})`;
  await expect(message).toHaveText(
    new RegExp(
      zh
        ? `^已导入大厅同步包：新记录 2 条，本机已有 ${held} 条；大厅确认收到本机 0 条记录。$`
        : `^Hall bundle imported: 2 new records, ${held} already here; the hall acknowledged 0 of this station's records\\.$`,
    ),
  );
  await shot(page, `hall-bundles-imported-${lang}`);
  await pick(page, 'again.owb', back.text);
  await expect(message).toContainText(
    zh ? '这个同步包已于 ' : 'This bundle was imported before, on ',
  );
  await expect(message).toContainText(zh ? '导入过，本次未作任何改动。' : '; nothing changed.');

  const at = Math.floor(back.text.length / 2);
  const damaged =
    back.text.slice(0, at) + (back.text[at] === '1' ? '2' : '1') + back.text.slice(at + 1);
  await pick(page, 'damaged.owb', damaged);
  await expect(message).toHaveText(
    zh
      ? '同步包已损坏（内容被改动或不完整），未导入任何内容。请让大厅管理员重新导出，再复制一次。'
      : "The bundle is damaged (changed or incomplete); nothing was imported. Ask the hall's administrator to export it again and copy it once more.",
  );
  await shot(page, `hall-bundles-damaged-${lang}`);
  await pick(page, 'mine.owb', readFileSync((await download.path())!, 'utf8'));
  await expect(message).toHaveText(
    zh
      ? '这是站点写给大厅的同步包，应在大厅用 bundle import 导入；本机未导入任何内容。'
      : 'This is a bundle from a station for the hall: import it at the hall with bundle import; nothing was imported here.',
  );
}

test('zh-CN: export offline, import the hall’s bundle, refusals', async ({ app }) => {
  test.setTimeout(240_000);
  await setUpAndSignIn(app);
  await flow(app, 'zh-CN');
});

test('en: export offline, import the hall’s bundle, refusals', async ({ app }) => {
  test.setTimeout(240_000);
  await setUpAndSignIn(app);
  await app.getByTestId('nav-settings').click();
  await app.getByTestId('language-en').click();
  await expect(app.locator('html')).toHaveAttribute('lang', 'en');
  await flow(app, 'en');
});
