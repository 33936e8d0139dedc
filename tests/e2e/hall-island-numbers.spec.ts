// An island's own numbers in the register (issue 17 items 1 and 4; docs/hall.md, *An island's own
// numbers*): a real hall server (embedded PGlite) and station HJ01 (Chromium, enrolled, which
// leases 受〔year〕1–20). HJ03 ran alone before it joined — certificates 1, 2 and 5 and notices
// 1–2 numbered by itself — and claims them as its join check does before anything is pushed
// (POST /v1/numbers/claim, over HTTP as its sync would). HJ01's administrator reads 编号登记: the
// certificate series holds HJ03's 1, 2 and 5 as issued alone, 3–4 passed over by the hall with
// the reason, no gap; the notice series lists HJ03's 1 and 2 as recorded clashes with HJ01's
// leased numbers (zh-CN, en). Then HJ03 pushes (signed): the register stays as it was.
import { test, expect, pickTarget, shot } from './fixtures';
import { closeStation, HallProcess, openStation, type Station } from './hallHarness';
import { GENESIS_HASH } from '../../renderer/src/domain/audit';
import { nodeChainHash } from '../../server/crypto';
import {
  numberUsesOf,
  PROTOCOL_VERSION,
  sessionSigningText,
  type WireEvent,
} from '../../server/protocol';
import { signedPush, testStation } from '../../server/testing/stations';

test.skip(pickTarget() !== 'web', 'the browser host speaks to the hall here');

const hall = new HallProcess();
const stations: Station[] = [];
const year = new Date().getFullYear();
const certNo = (seq: number) => `建字第410108${year}${String(seq).padStart(5, '0')}号`;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  await hall.create(['HJ01', 'HJ03']);
  await hall.start();
});
test.afterAll(async () => {
  for (const s of stations.splice(0)) await closeStation(s);
  await hall.stop();
  hall.dispose();
});

/** HJ03's own events, as its log chained them while it ran alone. */
function islandEvents(): WireEvent[] {
  const specs = [
    ...[1, 2, 5].map((seq) => ({
      type: 'certificateIssued',
      streamId: `case:HJ03-c${seq}`,
      payload: {
        caseId: `HJ03-c${seq}`,
        certificateType: 'constructionPermit',
        number: certNo(seq),
        external: false,
        seq,
      },
    })),
    ...[1, 2].map((seq) => ({
      type: 'documentNumberAllocated',
      streamId: `case:HJ03-n${seq}`,
      payload: {
        docType: 'acceptance',
        number: `惠济规划受〔${year}〕${seq}号`,
        caseId: `HJ03-n${seq}`,
        year,
        seq,
      },
    })),
  ];
  let prev = GENESIS_HASH;
  return specs.map((s, i) => {
    const body = {
      id: `HJ03-${i + 1}`,
      schema: 2,
      chainId: 'HJ03',
      stationId: 'HJ03',
      stationSeq: i + 1,
      ...s,
      actor: { id: 'u-island', name: '单机管理员', role: 'admin' },
      at: new Date().toISOString(),
      prevHash: prev,
    };
    prev = nodeChainHash(prev, body);
    return { ...body, hash: prev } as WireEvent;
  });
}

/** HJ03 enrolled with a session: its claim and its push, as its sync would send them. */
async function asIsland() {
  const base = `http://127.0.0.1:${hall.port}/v1`;
  const st = testStation('HJ03');
  const post = async (path: string, body: unknown, token?: string) => {
    const r = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify(body),
    });
    if (!r.ok) throw new Error(`${path}: ${r.status} ${await r.text()}`);
    return (await r.json()) as Record<string, unknown>;
  };
  await post('/enrol', {
    code: hall.codes['HJ03'],
    stationCode: 'HJ03',
    label: 'HJ03 窗口',
    kind: 'counter',
    publicKey: st.publicKey,
    appVersion: '0.1.0',
    protocol: PROTOCOL_VERSION,
  });
  const ch = await post('/session/challenge', { stationCode: 'HJ03' });
  const session = await post('/session', {
    stationCode: 'HJ03',
    challengeId: ch['challengeId'],
    signature: st.sign(sessionSigningText('HJ03', String(ch['challengeId']), String(ch['nonce']))),
    protocol: PROTOCOL_VERSION,
    appVersion: '0.1.0',
    maxEventSchema: 2,
  });
  const token = String(session['token']);
  return {
    claim: () => post('/numbers/claim', { uses: islandEvents().flatMap(numberUsesOf) }, token),
    push: () => post('/push', signedPush(st, islandEvents()), token),
  };
}

test("an island's own numbers: taken in, passed-over ones explained, clashes recorded", async ({
  baseURL,
}) => {
  test.setTimeout(240_000);
  const a = await openStation(hall, 'HJ01', baseURL!);
  stations.push(a);
  const island = await asIsland();
  // Claimed, nothing pushed: certificates 1, 2, 5 taken in; notices 1, 2 leased to HJ01 clash.
  expect(await island.claim()).toMatchObject({ taken: 3, clashes: 2 });

  await a.page.getByTestId('nav-settings').click();
  await a.page.getByTestId('open-hall').click();
  await a.page.getByTestId('open-number-register').click();
  const certs = a.page.getByTestId(`register-series-cert:constructionPermit:${year}`);
  await expect(certs).toContainText(`建设工程规划许可证（${year} 年）`);
  await expect(certs.locator('td').nth(1)).toHaveText('5');
  await expect(certs.locator('td').nth(2)).toHaveText('3');
  await expect(certs.locator('td').nth(5)).toHaveText('2');
  await expect(certs.locator('td').nth(6)).toHaveText('无');
  await expect(certs.locator('td').nth(7)).toHaveText('0');
  const notices = a.page.getByTestId(`register-series-doc:acceptance:${year}`);
  await expect(notices.locator('td').nth(6)).toHaveText('无');
  await expect(notices.locator('td').nth(7)).toHaveText('2');
  await certs.getByRole('button', { name: '查看' }).click();
  await expect(a.page.getByTestId('register-entry-1')).toHaveText(
    new RegExp(`^1已使用HJ03${certNo(1)}（该站加入大厅前单独签发，已收入本序列）`),
  );
  await expect(a.page.getByTestId('register-entry-3')).toContainText(
    '收入该站加入前单独签发的编号时越过，未被使用：HJ03 #5（大厅服务器）',
  );
  await expect(a.page.getByTestId('register-entry-5')).toContainText(certNo(5));
  await shot(a.page, 'hall-island-register-certs-zh-CN');
  await notices.getByRole('button', { name: '查看' }).click();
  await expect(a.page.getByTestId('register-clash-1')).toContainText(`惠济规划受〔${year}〕1号`);
  await expect(a.page.getByTestId('register-clash-1')).toContainText('HJ01 已租出');
  await expect(a.page.getByTestId('register-clash-2')).toContainText('HJ03');
  await shot(a.page, 'hall-island-register-clashes-zh-CN');

  await a.page.getByTestId('nav-settings').click();
  await a.page.getByTestId('language-en').click();
  await a.page.getByTestId('open-hall').click();
  await a.page.getByTestId('open-number-register').click();
  await certs.getByRole('button', { name: 'Show' }).click();
  await expect(a.page.getByTestId('register-entry-2')).toContainText(
    'issued by the station on its own before it joined; taken into the series',
  );
  await expect(a.page.getByTestId('register-entry-4')).toContainText(
    'passed over when the hall took in a number the station had issued on its own before it joined: HJ03 #5 (the hall server)',
  );
  await shot(a.page, 'hall-island-register-certs-en');
  await notices.getByRole('button', { name: 'Show' }).click();
  await expect(a.page.getByTestId('register-clash-2')).toContainText('HJ01 Leased');
  await shot(a.page, 'hall-island-register-clashes-en');
  // The push: its numbers are marked by the claim already — the register stays as it was.
  expect(await island.push()).toMatchObject({ accepted: 5 });
  // The hall PC's register says the same, with no unexplained gap (exit code 0).
  await hall.stop();
  const out = await hall.cli('numbers', 'register', '--series', `cert:constructionPermit:${year}`);
  expect(out).toContain(`4\t已作废 voided\tHJ03\tisland_gap: HJ03 #5 · hall`);
  expect(out).toContain(`5\t已使用 used\tHJ03\t${certNo(5)} case HJ03-c5 · 本站加入前单独签发`);
  expect(out).toContain('共 1 个编号序列，无无法解释的空号');
});
