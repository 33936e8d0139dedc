// Field bundles end to end on real PostgreSQL (issue 17 item 5): two stations that never reach
// the network — each its own fake-indexeddb database with the real dispatcher — exchange records
// with the hall only by bundle. Each station's bundle is sealed by the host's own code
// (electron/hall-bundle.ts) and imported by `bundle import`'s function; each bundle back is
// written by `bundle export`'s and imported through the station's pull path. Both stations end
// with the same cases, nothing pending, every event with the hall's gseq, and the hall verifies.
import { createHash, generateKeyPairSync } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealStationBundle } from '../../electron/hall-bundle';
import { hallInfo, verifyHall } from '../../server/admin';
import { bundleKeyOf } from '../../server/bundleKey';
import { exportHallBundle, importStationBundle } from '../../server/bundles';
import { migrate } from '../../server/db/migrate';
import { postgresDb } from '../../server/db/sql';
import { SqlStore } from '../../server/db/store';
import { testDatabase, type TestDatabase } from '../../server/testing/cluster';
import type { OneWindowDb } from '../../renderer/src/data/db';
import { exportStationBundle, importHallBundle } from '../../renderer/src/data/sync/bundle';
import { pendingCount } from '../../renderer/src/data/sync/outbox';
import { review, stationNamed, takeIn } from '../unit/renderer/data/sync/fixtures';
import { insertStation, testStation, type TestStation } from './helpers';
import { ensureHall } from './http-helpers';

let pgdb: TestDatabase;
let db: ReturnType<typeof postgresDb>;
let store: SqlStore;
let blobDir: string;
let hallId: string;
const key = bundleKeyOf(generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey);
const sha = (x: Uint8Array) => createHash('sha256').update(x).digest('hex');
const PHOTO = new TextEncoder().encode('现场踏勘照片');

beforeAll(async () => {
  pgdb = await testDatabase();
  db = postgresDb(pgdb.url, 4);
  await migrate(db);
  store = new SqlStore(db);
  blobDir = await mkdtemp(join(tmpdir(), 'ow-bundle-rt-'));
  await ensureHall(db);
  hallId = (await hallInfo(db)).hallId!;
}, 90_000);

afterAll(async () => {
  await db?.close();
  await pgdb?.stop();
  await rm(blobDir, { recursive: true, force: true });
});

/** A station without a network: its database, its key, the host's channels it uses. */
async function islandStation(code: string) {
  const local = await stationNamed(code);
  const st: TestStation = testStation(code);
  await insertStation(db, st);
  const u = (await local.users.where('username').equals('admin').first())!;
  const host = {
    hallStatus: async () => ({
      enrolled: true,
      serverUrl: 'https://hall.test',
      hallName: '测试大厅',
      stationCode: code,
      fingerprint: null,
      kind: 'counter' as const,
      hallId,
      bundleKey: key.spki,
    }),
    hallSealBundle: (args: Parameters<typeof sealStationBundle>[1]) =>
      sealStationBundle(
        {
          enrolment: async () => ({ hallId, stationCode: code }),
          keys: { sign: async (t) => ({ signature: st.sign(t) }) },
          readBlob: async () => PHOTO,
          sha256Hex: sha,
          now: () => new Date(),
        },
        args,
      ),
  };
  return { code, db: local, host, actor: { id: u.id, name: u.name, role: u.role } };
}
type Island = Awaited<ReturnType<typeof islandStation>>;

const hall = () => ({ db, store, blobDir });

async function toHall(s: Island) {
  const out = await exportStationBundle(s.db, s.actor, s.host);
  if (!out.ok) throw new Error(JSON.stringify(out.problem));
  return importStationBundle(hall(), new TextDecoder().decode(out.bytes));
}

async function back(s: Island) {
  const { text } = await exportHallBundle(hall(), key, s.code);
  return importHallBundle(s.db, s.actor, text, s.host);
}

const rows = async (x: OneWindowDb) => JSON.stringify(await x.cases.orderBy('id').toArray());

describe('two stations with no network, only bundles', () => {
  it('converge through the hall', async () => {
    const field = await islandStation('HJ09');
    const site = await islandStation('HJ08');
    const scan = sha(PHOTO);
    for (let i = 1; i <= 12; i++)
      await takeIn(
        field.db,
        `f-${i}`,
        undefined,
        i === 1
          ? [{ id: scan, name: '踏勘.jpg', size: PHOTO.length, mime: 'image/jpeg' }]
          : undefined,
      );
    for (let i = 1; i <= 7; i++) await takeIn(site.db, `s-${i}`);

    const a = await toHall(field);
    expect(a).toMatchObject({ stationCode: 'HJ09', duplicates: 0, blobs: 1 });
    expect(a.accepted).toBe(await field.db.events.count());
    expect((await toHall(site)).duplicates).toBe(0);

    // Back to each: the other's cases arrive, its own are acknowledged.
    expect(await back(field)).toMatchObject({ ok: true, acknowledged: a.accepted });
    expect(await back(site)).toMatchObject({ ok: true });
    for (const s of [field, site]) expect(await pendingCount(s.db)).toBe(0);
    expect(await field.db.cases.count()).toBe(19);
    expect(await rows(field.db)).toBe(await rows(site.db));

    // A second round: the site reviews a field case, the field takes in one more.
    expect((await review(site.db, 'f-2')).ok).toBe(true);
    await takeIn(field.db, 'f-13');
    expect((await toHall(site)).accepted).toBeGreaterThan(0);
    expect((await toHall(field)).accepted).toBeGreaterThan(0);
    await back(field);
    await back(site);
    expect(await rows(field.db)).toBe(await rows(site.db));
    expect((await field.db.cases.get('f-2'))!.status).toBe(
      (await site.db.cases.get('f-2'))!.status,
    );
    const total = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM events');
    for (const s of [field, site]) {
      const held = await s.db.events.toArray();
      expect(held.length).toBe(total[0]!.n);
      expect(held.every((e) => typeof e.gseq === 'number')).toBe(true);
      expect(await s.db.meta.get('hall:cursor')).toMatchObject({ value: total[0]!.n });
    }
    expect((await verifyHall(db)).ok).toBe(true);
    field.db.close();
    site.db.close();
  }, 60_000);
});
