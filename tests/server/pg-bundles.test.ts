// Field bundles on real PostgreSQL (issue 17 item 5, migration 006): a station's bundle imported
// through the push's own rules, the hall's bundle back signed with the hall's bundle key; a
// bundle damaged (any byte changed, cut off), foreign (another station's key, another hall, the
// wrong direction, a station not enrolled), re-imported, or out of order (a gap) is refused with
// its reason and changes nothing.
import { createHash, generateKeyPairSync } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hallInfo, verifyHall } from '../../server/admin';
import { bundleKeyOf } from '../../server/bundleKey';
import { BundleRefused, exportHallBundle, importStationBundle } from '../../server/bundles';
import { nodeChainHash, verifySignature } from '../../server/crypto';
import { migrate } from '../../server/db/migrate';
import { postgresDb } from '../../server/db/sql';
import { SqlStore } from '../../server/db/store';
import { buildApp } from '../../server/http/app';
import { blobPath } from '../../server/http/blobs';
import { testDatabase, type TestDatabase } from '../../server/testing/cluster';
import { PROTOCOL_VERSION, sessionSigningText, type WireEvent } from '../../server/protocol';
import {
  bodyOf,
  bundleSigningText,
  openEnvelope,
  sealBundle,
  type BundleEnvelope,
  type StationBundleBody,
} from '../../server/protocol/bundle';
import { makeEvents, testStation, type TestStation } from './helpers';
import { enrolStation, openSession, pushEvents } from './http-helpers';

let pgdb: TestDatabase;
let db: ReturnType<typeof postgresDb>;
let store: SqlStore;
let blobDir: string;
let app: ReturnType<typeof buildApp>['app'];
let hallId: string;
let field: TestStation;
let counter: TestStation;
const key = bundleKeyOf(generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey);
const sha = (x: string | Uint8Array) => createHash('sha256').update(x).digest('hex');

beforeAll(async () => {
  pgdb = await testDatabase();
  db = postgresDb(pgdb.url, 4);
  await migrate(db);
  blobDir = await mkdtemp(join(tmpdir(), 'ow-bundle-blobs-'));
  store = new SqlStore(db);
  app = buildApp({
    db,
    store,
    blobDir,
    bundleKey: key.spki,
    log: () => undefined,
    anonymousRate: { perSecond: 1000, burst: 1000 },
  }).app;
  field = await enrolStation(app, db, 'HJ09');
  counter = await enrolStation(app, db, 'HJ01');
  hallId = (await hallInfo(db)).hallId!;
}, 90_000);

afterAll(async () => {
  await app?.close();
  await db?.close();
  await pgdb?.stop();
  await rm(blobDir, { recursive: true, force: true });
});

const SCAN = new TextEncoder().encode('现场照片的字节 / the bytes of a site photo');
const SCAN_SHA = sha(SCAN);
/** The field laptop's week: 60 events, the 7th names the scan. */
const week = makeEvents('HJ09', 60, {
  payload: (seq) => (seq === 7 ? { sha256: SCAN_SHA, note: 'scan' } : { note: `n${seq}` }),
});

async function stationBundle(
  st: TestStation,
  chains: StationBundleBody['chains'],
  o: { hall?: string; code?: string; id?: string; blobs?: boolean; cursor?: number } = {},
) {
  const body: StationBundleBody = {
    cursor: o.cursor ?? 0,
    chains,
    credentials: [],
    blobs:
      o.blobs === false ? [] : [{ sha256: SCAN_SHA, data: Buffer.from(SCAN).toString('base64') }],
  };
  const { text } = await sealBundle(
    {
      kind: 'station',
      bundleId: o.id ?? crypto.randomUUID(),
      hallId: o.hall ?? hallId,
      stationCode: o.code ?? st.code,
      createdAt: '2026-12-01T09:00:00.000Z',
    },
    body,
    { sha256Hex: sha, sign: async (t) => st.sign(t) },
  );
  return text;
}

const range = (from: number, to: number) => [
  { chainId: 'HJ09', fromSeq: from, events: week.slice(from - 1, to) as WireEvent[] },
];

async function counts() {
  const [r] = await db.query<{ events: number; bundles: number; blobs: number }>(
    `SELECT (SELECT count(*)::int FROM events) AS events, (SELECT count(*)::int FROM bundles) AS bundles,
            (SELECT count(*)::int FROM blobs) AS blobs`,
  );
  return r!;
}

async function refusal(text: string): Promise<BundleRefused> {
  const before = await counts();
  const e = await importStationBundle({ db, store, blobDir }, text).then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(BundleRefused);
  expect(await counts()).toEqual(before);
  return e as BundleRefused;
}

let first = '';

describe('field bundles (PostgreSQL)', () => {
  it('round trip: a station bundle goes in through the push; the bundle back is signed by the hall', async () => {
    const s = await openSession(app, counter);
    expect((await pushEvents(app, s, makeEvents('HJ01', 5))).statusCode).toBe(200);
    first = await stationBundle(field, range(1, 40), { cursor: 0 });
    const r = await importStationBundle({ db, store, blobDir }, first);
    expect(r).toEqual({
      bundleId: JSON.parse(first).bundleId,
      stationCode: 'HJ09',
      accepted: 40,
      duplicates: 0,
      blobs: 1,
      chains: [{ chainId: 'HJ09', fromSeq: 1, toSeq: 40 }],
    });
    expect(existsSync(blobPath(blobDir, SCAN_SHA))).toBe(true);
    const rows = await db.query<{ gseq: number; station_seq: number }>(
      `SELECT gseq, station_seq FROM events WHERE chain_id = 'HJ09' ORDER BY gseq`,
    );
    expect(rows.map((x) => [x.gseq, x.station_seq])).toEqual(
      Array.from({ length: 40 }, (_, i) => [6 + i, 1 + i]),
    );
    expect((await verifyHall(db)).ok).toBe(true);

    // Back: every hall event after the cursor the station's bundle said (0), with its heads.
    const out = await exportHallBundle({ db, store, blobDir }, key, 'HJ09');
    expect(out).toMatchObject({ after: 0, lastGseq: 45, events: 45 });
    expect(out.fileName).toMatch(/^onewindow-hall-to-HJ09-\d{8}-\d{6}\.owb$/);
    const opened = await openEnvelope(out.text, 'hall', sha);
    expect(opened.ok).toBe(true);
    const env = (opened as { envelope: BundleEnvelope }).envelope as BundleEnvelope & {
      kind: 'hall';
    };
    expect(verifySignature(key.spki, bundleSigningText(env), env.signature)).toBe(true);
    const body = bodyOf(env)!;
    expect(body.events.map((e) => e.gseq)).toEqual(Array.from({ length: 45 }, (_, i) => i + 1));
    expect(body.heads).toEqual([
      expect.objectContaining({ chainId: 'HJ09', seq: 40, hash: week[39]!.hash, status: 'open' }),
    ]);
    // The session answer tells stations the key to pin.
    const ch = await app.inject({
      method: 'POST',
      url: '/v1/session/challenge',
      payload: { stationCode: 'HJ09' },
    });
    const { challengeId, nonce } = ch.json() as { challengeId: string; nonce: string };
    const session = await app.inject({
      method: 'POST',
      url: '/v1/session',
      payload: {
        stationCode: 'HJ09',
        challengeId,
        signature: field.sign(sessionSigningText('HJ09', challengeId, nonce)),
        protocol: PROTOCOL_VERSION,
        appVersion: '0.1.0',
        maxEventSchema: 2,
      },
    });
    expect((session.json() as { bundleKey?: string }).bundleKey).toBe(key.spki);
  });

  it('re-imported: refused, says when, changes nothing', async () => {
    const e = await refusal(first);
    expect(e.code).toBe('replayed');
    expect(e.zh).toMatch(/^此同步包已于 \d{4}-\d\d-\d\dT.* 导入过，本次未作任何改动$/);
    expect(e.en).toMatch(/^This bundle was imported before \(.*\); nothing changed$/);
  });

  it('a later bundle that repeats what the hall holds: the repeated part counts as duplicates', async () => {
    const r = await importStationBundle(
      { db, store, blobDir },
      await stationBundle(field, range(1, 45), { cursor: 45 }),
    );
    expect(r).toMatchObject({ accepted: 5, duplicates: 40, blobs: 1 });
    // The next bundle back starts after the cursor that bundle said.
    const out = await exportHallBundle({ db, store, blobDir }, key, 'HJ09');
    expect(out).toMatchObject({ after: 45, lastGseq: 50, events: 5 });
  });

  it('damaged: any byte changed or the file cut off', async () => {
    const text = await stationBundle(field, range(46, 50));
    for (const at of [10, 200, Math.floor(text.length / 2), text.length - 300, text.length - 2]) {
      const c = text[at] === 'a' ? 'b' : 'a';
      const e = await refusal(text.slice(0, at) + c + text.slice(at + 1));
      expect(['damaged', 'foreign']).toContain(e.code);
    }
    const inBody = text.indexOf('"note\\":\\"n47');
    expect(inBody).toBeGreaterThan(0);
    const changed = text.slice(0, inBody + 12) + '8' + text.slice(inBody + 13);
    const e = await refusal(changed);
    expect(e.code).toBe('damaged');
    expect(e.zh).toContain('同步包已损坏（内容被改动或不完整），未导入任何内容');
    expect(e.en).toContain('The bundle is damaged (changed or incomplete); nothing was imported');
    expect((await refusal(text.slice(0, text.length - 100))).code).toBe('damaged');
    expect((await refusal('')).code).toBe('damaged');
  });

  it('foreign: another station’s key, another hall, the wrong direction, a station not enrolled', async () => {
    const posing = await stationBundle(counter, range(46, 50), { code: 'HJ09' });
    const e1 = await refusal(posing);
    expect(e1.code).toBe('foreign');
    expect(e1.zh).toBe('不是本大厅可接收的同步包：签名与站点 HJ09 登记的密钥不符，未导入任何内容');
    const e2 = await refusal(await stationBundle(field, range(46, 50), { hall: 'another-hall' }));
    expect(e2.en).toBe(
      'Not a bundle for this hall: it was exported for another hall; nothing was imported',
    );
    const back = await exportHallBundle({ db, store, blobDir }, key, 'HJ09');
    expect((await refusal(back.text)).zh).toContain('这是大厅写给站点的同步包，应在站点上导入');
    const stranger = testStation('HJ77');
    const e4 = await refusal(await stationBundle(stranger, range(46, 50), { code: 'HJ77' }));
    expect(e4.en).toBe(
      'Not a bundle for this hall: station HJ77 is not enrolled in this hall; nothing was imported',
    );
  });

  it('out of order: a bundle that starts past the hall’s head is refused with where to start', async () => {
    const e = await refusal(await stationBundle(field, range(51, 60)));
    expect(e.code).toBe('gap');
    expect(e.zh).toBe(
      '同步包顺序不对：它从链 HJ09 的第 51 条记录开始，大厅只有到第 45 条；请先导入更早的同步包，或在站点上重新导出',
    );
    // The one before fills the gap; then the later one goes in.
    expect(
      (await importStationBundle({ db, store, blobDir }, await stationBundle(field, range(46, 50))))
        .accepted,
    ).toBe(5);
    expect(
      (await importStationBundle({ db, store, blobDir }, await stationBundle(field, range(51, 60))))
        .accepted,
    ).toBe(10);
    expect((await verifyHall(db)).ok).toBe(true);
  });

  it('a fork in a bundle is the push’s fork: refused, the chain quarantined', async () => {
    const other = makeEvents('HJ09', 3, { variant: 'restored-backup' });
    const text = await stationBundle(field, [{ chainId: 'HJ09', fromSeq: 1, events: other }], {
      blobs: false,
    });
    const e = await importStationBundle({ db, store, blobDir }, text).catch(
      (x: BundleRefused) => x,
    );
    expect((e as BundleRefused).code).toBe('fork');
    const [c] = await db.query<{ status: string }>(
      `SELECT status FROM chains WHERE chain_id = 'HJ09'`,
    );
    expect(c!.status).toBe('quarantined');
    expect((await refusal(await stationBundle(field, range(58, 60)))).code).toBe('quarantined');
  });

  it('the credentials ride inside the signed body: a hash swapped is damaged, re-hashed is foreign', async () => {
    const clerk = await enrolStation(app, db, 'HJ08');
    const HASH = 'pbkdf2-sha256$600000$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA==';
    const SWAPPED = 'pbkdf2-sha256$600000$c2FsdHNhbHRzYWx0$c3dhcHBlZHN3YXBwZWQ=';
    const created = makeEvents('HJ08', 1, {
      type: 'user.created',
      payload: () => ({ id: 'u-sun', username: 'sunchuang', name: '孙窗口', role: 'clerk' }),
    });
    // The user event on its own stream, re-hashed as the station's log would.
    const { hash: _h, ...body0 } = created[0]!;
    const event = { ...body0, streamId: 'user:u-sun' };
    const user = [{ ...event, hash: nodeChainHash(event.prevHash, event) } as WireEvent];
    const body: StationBundleBody = {
      cursor: 0,
      chains: [{ chainId: 'HJ08', fromSeq: 1, events: user }],
      credentials: [{ eventId: 'HJ08-1', userId: 'u-sun', hash: HASH }],
      blobs: [],
    };
    const head = {
      kind: 'station' as const,
      bundleId: crypto.randomUUID(),
      hallId,
      stationCode: 'HJ08',
      createdAt: '2026-12-01T09:00:00.000Z',
    };
    const { text } = await sealBundle(head, body, {
      sha256Hex: sha,
      sign: async (t) => clerk.sign(t),
    });
    expect(text).toContain(HASH.slice(-20));
    // Swapped in the body as written: the body no longer hashes to its bodySha256.
    expect((await refusal(text.replace(HASH, SWAPPED))).code).toBe('damaged');
    // Swapped and the body's hash written anew: the signature covers that hash, so it fails.
    const env = JSON.parse(text) as BundleEnvelope;
    const swappedBody = env.body.replace(HASH, SWAPPED);
    const rehashed = JSON.stringify({ ...env, body: swappedBody, bodySha256: sha(swappedBody) });
    const e = await refusal(rehashed);
    expect(e.code).toBe('foreign');
    expect(e.en).toBe(
      "Not a bundle for this hall: the signature does not verify with station HJ08's enrolled key; nothing was imported",
    );
    expect(await db.query(`SELECT 1 FROM credentials WHERE station_code = 'HJ08'`)).toEqual([]);
    // As the station sealed it: the credential is kept beside its event.
    expect((await importStationBundle({ db, store, blobDir }, text)).accepted).toBe(1);
    expect(
      await db.query<{ hash: string }>(`SELECT hash FROM credentials WHERE station_code = 'HJ08'`),
    ).toEqual([{ hash: HASH }]);
  });
});
