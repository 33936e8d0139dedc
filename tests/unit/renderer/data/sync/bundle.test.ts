// Field bundles on the station (issue 17 item 5b): HJ09 has no network at all. Its bundle is
// sealed by the host's own code (electron/hall-bundle.ts, the station's key), carried to the
// hall (here the in-memory hall with the server's push rules; the real import is
// tests/server/pg-bundles.test.ts), and the hall's bundle back — signed with the hall's bundle
// key the station pinned — is imported through the pull's own path. A bundle back that is
// damaged, foreign, re-imported or out of order is refused with the reason and changes nothing.
import { createHash, generateKeyPairSync, sign, verify } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sealStationBundle } from '../../../../../electron/hall-bundle';
import type { OneWindowDb } from '../../../../../renderer/src/data/db';
import type { EventActor } from '../../../../../renderer/src/data/eventTypes';
import {
  BUNDLES_IN_KEY,
  exportStationBundle,
  importHallBundle,
} from '../../../../../renderer/src/data/sync/bundle';
import { SyncEngine } from '../../../../../renderer/src/data/sync/engine';
import { pendingCount } from '../../../../../renderer/src/data/sync/outbox';
import {
  bodyOf,
  bundleSigningText,
  openEnvelope,
  sealBundle,
  type BundleEnvelope,
} from '../../../../../server/protocol/bundle';
import { JOIN_KEY } from '../../../../../renderer/src/data/join/joinCheck';
import { HallModel, ModelTransport } from './hallModel';
import { NOW, stationNamed, takeIn } from './fixtures';

const HALL_ID = 'hall-huiji';
const keyPair = () => {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return {
    spki: publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
    sign: (t: string) =>
      sign('sha256', Buffer.from(t), { key: privateKey, dsaEncoding: 'ieee-p1363' }).toString(
        'base64',
      ),
  };
};
const hallKey = keyPair();
const fieldKey = keyPair();
const sha = (x: string | Uint8Array) => createHash('sha256').update(x).digest('hex');
const PHOTO = new TextEncoder().encode('现场照片');
const PHOTO_SHA = sha(PHOTO);

let field: OneWindowDb;
let counter: OneWindowDb;
let hall: HallModel;
let admin: EventActor;
let counterEngine: SyncEngine;
const status = { bundleKey: hallKey.spki as string | null };

const fieldHost = {
  hallStatus: async () => ({
    enrolled: true,
    serverUrl: 'https://hall.test',
    hallName: '惠济区政务服务大厅',
    stationCode: 'HJ09',
    fingerprint: null,
    kind: 'counter' as const,
    hallId: HALL_ID,
    bundleKey: status.bundleKey,
  }),
  hallSealBundle: (args: Parameters<typeof sealStationBundle>[1]) =>
    sealStationBundle(
      {
        enrolment: async () => ({ hallId: HALL_ID, stationCode: 'HJ09' }),
        keys: { sign: async (t) => ({ signature: fieldKey.sign(t) }) },
        readBlob: async (s) => {
          if (s.id !== PHOTO_SHA) throw new Error('not_found');
          return PHOTO;
        },
        sha256Hex: sha,
        now: () => NOW,
      },
      args,
    ),
};

/** The hall's side, as `bundle import` does it: envelope, signature, one push per chain. */
async function hallImports(bytes: Uint8Array) {
  const opened = await openEnvelope(new TextDecoder().decode(bytes), 'station', sha);
  if (!opened.ok) throw new Error(opened.detail);
  const env = opened.envelope as BundleEnvelope & { kind: 'station' };
  const ok = verify(
    'sha256',
    Buffer.from(bundleSigningText(env)),
    {
      key: Buffer.from(fieldKey.spki, 'base64'),
      format: 'der',
      type: 'spki',
      dsaEncoding: 'ieee-p1363',
    },
    Buffer.from(env.signature, 'base64'),
  );
  expect(ok).toBe(true);
  const body = bodyOf(env)!;
  for (const b of body.blobs) {
    expect(sha(Buffer.from(b.data, 'base64'))).toBe(b.sha256);
    hall.blobs.add(b.sha256);
  }
  for (const c of body.chains) {
    const r = await hall.push('HJ09', { chainId: c.chainId, fromSeq: c.fromSeq, events: c.events });
    expect(r.ok).toBe(true);
  }
  return body;
}

/** The hall's bundle back: its events after `after`, the station's heads, signed. */
async function hallBundle(
  after: number,
  o: { station?: string; hallId?: string; key?: typeof hallKey } = {},
) {
  const events = hall.events.filter((e) => e.gseq > after);
  const { text } = await sealBundle(
    {
      kind: 'hall',
      bundleId: crypto.randomUUID(),
      hallId: o.hallId ?? HALL_ID,
      stationCode: o.station ?? 'HJ09',
      createdAt: NOW.toISOString(),
    },
    {
      hallName: '惠济区政务服务大厅',
      after,
      lastGseq: Math.max(after, events.at(-1)?.gseq ?? after),
      events,
      credentials: [],
      heads: hall.headsOf('HJ09'),
    },
    { sha256Hex: sha, sign: async (t) => (o.key ?? hallKey).sign(t) },
  );
  return text;
}

const snapshot = async (db: OneWindowDb) =>
  JSON.stringify({
    events: await db.events.count(),
    cases: await db.cases.orderBy('id').toArray(),
    meta: (await db.meta.toArray()).filter((m) => m.key.startsWith('hall:')),
  });

beforeEach(async () => {
  [field, counter] = await Promise.all([stationNamed('HJ09'), stationNamed('HJ01')]);
  hall = new HallModel();
  counterEngine = new SyncEngine({
    db: counter,
    transport: new ModelTransport(hall, 'HJ01'),
    now: () => NOW,
  });
  const u = (await field.users.where('username').equals('admin').first())!;
  admin = { id: u.id, name: u.name, role: u.role };
  status.bundleKey = hallKey.spki;
});
afterEach(() => {
  field.close();
  counter.close();
});

async function syncCounter() {
  await counterEngine.pushAll();
  for (let r = await counterEngine.pullOnce(); r.kind === 'ok' && r.more;)
    r = await counterEngine.pullOnce();
}

describe('field bundles on the station', () => {
  it('round trip: out with the events and the scan, back with the hall’s, acknowledged', async () => {
    for (let i = 1; i <= 30; i++)
      await takeIn(
        field,
        `f-${i}`,
        NOW,
        i === 3
          ? [{ id: PHOTO_SHA, name: '现场.jpg', size: PHOTO.length, mime: 'image/jpeg' }]
          : undefined,
      );
    for (let i = 1; i <= 5; i++) await takeIn(counter, `c-${i}`);
    await syncCounter();
    const pending = await pendingCount(field);

    const out = await exportStationBundle(field, admin, fieldHost);
    expect(out).toMatchObject({ ok: true, events: pending, blobs: 1 });
    if (!out.ok) return;
    expect(out.fileName).toBe('onewindow-HJ09-to-hall-20260302-020000.owb');
    // Nothing is marked sent: a second bundle repeats it until the hall acknowledges.
    expect(await pendingCount(field)).toBe(pending);
    const body = await hallImports(out.bytes);
    expect(body.cursor).toBe(0);
    expect(hall.blobs.has(PHOTO_SHA)).toBe(true);
    await syncCounter();
    expect(await counter.cases.count()).toBe(35);

    const back = await hallBundle(body.cursor);
    const r = await importHallBundle(field, admin, back, fieldHost, NOW);
    expect(r).toEqual({
      ok: true,
      stored: hall.lastGseq - pending,
      held: pending,
      cursor: hall.lastGseq,
      acknowledged: pending,
    });
    expect(await pendingCount(field)).toBe(0);
    expect(await field.cases.count()).toBe(35);
    expect(JSON.stringify(await field.cases.orderBy('id').toArray())).toBe(
      JSON.stringify(await counter.cases.orderBy('id').toArray()),
    );
    expect((await field.events.toArray()).every((e) => typeof e.gseq === 'number')).toBe(true);
    // Nothing to send now.
    expect(await exportStationBundle(field, admin, fieldHost)).toEqual({
      ok: false,
      problem: { code: 'nothing_to_send' },
    });

    // Re-imported: refused with the date, nothing changes.
    const before = await snapshot(field);
    expect(await importHallBundle(field, admin, back, fieldHost)).toEqual({
      ok: false,
      problem: { code: 'replayed', at: NOW.toISOString() },
    });
    expect(await snapshot(field)).toBe(before);
  });

  describe('refused, changing nothing', () => {
    let back = '';
    beforeEach(async () => {
      for (let i = 1; i <= 4; i++) await takeIn(counter, `c-${i}`);
      await syncCounter();
      back = await hallBundle(0);
    });

    async function refused(text: string) {
      const before = await snapshot(field);
      const r = await importHallBundle(field, admin, text, fieldHost);
      expect(r.ok).toBe(false);
      expect(await snapshot(field)).toBe(before);
      return (r as Extract<typeof r, { ok: false }>).problem;
    }

    it('damaged: a byte changed anywhere, or the file cut off', async () => {
      for (const at of [
        5,
        120,
        Math.floor(back.length / 3),
        Math.floor(back.length / 2),
        back.length - 3,
      ]) {
        const c = back[at] === '1' ? '2' : '1';
        const p = await refused(back.slice(0, at) + c + back.slice(at + 1));
        expect(['damaged', 'foreign']).toContain(p.code);
      }
      const note = back.indexOf('c-3');
      expect(await refused(back.slice(0, note) + 'c-4' + back.slice(note + 3))).toEqual({
        code: 'damaged',
        detail: 'body_hash',
      });
      expect(await refused(back.slice(0, -40))).toEqual({ code: 'damaged', detail: 'not_json' });
    });

    it('foreign: another key, another station, another hall, the wrong direction, no pinned key', async () => {
      expect(await refused(await hallBundle(0, { key: keyPair() }))).toEqual({
        code: 'foreign',
        detail: 'bad_signature',
      });
      expect(await refused(await hallBundle(0, { station: 'HJ01' }))).toEqual({
        code: 'foreign',
        detail: 'other_station',
      });
      expect(await refused(await hallBundle(0, { hallId: 'hall-other' }))).toEqual({
        code: 'foreign',
        detail: 'other_hall',
      });
      await takeIn(field, 'f-1');
      const out = await exportStationBundle(field, admin, fieldHost);
      expect(await refused(new TextDecoder().decode((out as { bytes: Uint8Array }).bytes))).toEqual(
        {
          code: 'foreign',
          detail: 'wrong_kind',
        },
      );
      status.bundleKey = null;
      expect(await refused(back)).toEqual({ code: 'foreign', detail: 'no_key' });
    });

    it('out of order: a bundle after a cursor this station has not reached', async () => {
      expect(await refused(await hallBundle(2))).toEqual({ code: 'gap', after: 2, cursor: 0 });
      // The one from the cursor goes in; then the later one adds nothing new and is accepted.
      expect(await importHallBundle(field, admin, await hallBundle(0), fieldHost)).toMatchObject({
        ok: true,
        cursor: hall.lastGseq,
      });
      expect(await field.meta.get(BUNDLES_IN_KEY)).toMatchObject({ value: [expect.anything()] });
    });

    it('a station the join check holds exchanges no bundle either way', async () => {
      await field.meta.put({
        key: JOIN_KEY,
        value: { status: 'held', checkedAt: NOW.toISOString(), clashes: [] },
      });
      expect(await refused(back)).toEqual({ code: 'join_held' });
      expect(await exportStationBundle(field, admin, fieldHost)).toEqual({
        ok: false,
        problem: { code: 'join_held' },
      });
      // Settled: the same bundle is taken.
      await field.meta.put({
        key: JOIN_KEY,
        value: { status: 'clear', checkedAt: NOW.toISOString(), clashes: [] },
      });
      expect(await importHallBundle(field, admin, back, fieldHost)).toMatchObject({ ok: true });
    });

    it('a person not stored or disabled may not import or export', async () => {
      const ghost = { id: 'u-ghost', name: '外人', role: 'admin' };
      expect(await importHallBundle(field, ghost, back, fieldHost)).toEqual({
        ok: false,
        problem: { code: 'not_allowed' },
      });
      expect(await exportStationBundle(field, ghost, fieldHost)).toEqual({
        ok: false,
        problem: { code: 'not_allowed' },
      });
    });
  });
});
