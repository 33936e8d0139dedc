// The engine's status for the screens: offline while the hall is unreachable (the station works
// on), syncing while events wait, synced with the time, the red alert for a session refused by
// the hall (HostError 'hall' with the code in its message), and the clock told when it is off.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OneWindowDb } from '../../../../../renderer/src/data/db';
import {
  clockSkewed,
  errorOf,
  hostTransport,
  SyncEngine,
  type HallHostApi,
  type SyncState,
} from '../../../../../renderer/src/data/sync';
import { HallModel, ModelTransport } from './hallModel';
import { NOW, review, stationNamed, takeIn } from './fixtures';

let db: OneWindowDb;
let hall: HallModel;
let net: ModelTransport;

beforeEach(async () => {
  db = await stationNamed('HJ01');
  hall = new HallModel();
  net = new ModelTransport(hall, 'HJ01');
});
afterEach(() => db.close());

describe('the sync status', () => {
  it('is offline with the events waiting while the hall is unreachable, and the station works on', async () => {
    net.faults.partitioned = true;
    const engine = new SyncEngine({ db, transport: net, now: () => NOW });
    const seen: SyncState['phase'][] = [];
    engine.store.subscribe((s) => seen.push(s.phase));
    await takeIn(db, 'c1');
    expect((await review(db, 'c1')).ok).toBe(true);
    await engine.afterDispatch();
    expect((await engine.pushAll()).kind).toBe('retry');
    expect((await engine.pullOnce()).kind).toBe('error');
    const waiting = await db.events.count();
    expect(engine.store.get()).toEqual({
      phase: 'offline',
      lastSyncAt: null,
      pending: waiting,
      clockSkewMs: 0,
    });
    expect((await db.cases.get('c1'))?.status).toBe('verify');
    net.faults.partitioned = false;
    await engine.pushAll();
    expect(engine.store.get()).toMatchObject({ phase: 'syncing', pending: 0 });
    await engine.pullOnce();
    expect(engine.store.get()).toEqual({
      phase: 'synced',
      lastSyncAt: '2026-03-02T02:00:00.000Z',
      pending: 0,
      clockSkewMs: 0,
    });
    // Offline from the start (nothing heard from the hall yet), the count growing, then caught up.
    expect(seen).toEqual(['offline', 'syncing', 'synced']);
  });

  it('raises the alert for a session the hall refuses, and pushes nothing', async () => {
    await takeIn(db, 'c1');
    const blocked: HallHostApi = {
      hallStatus: async () => ({
        enrolled: true,
        serverUrl: null,
        hallName: null,
        stationCode: 'HJ01',
        fingerprint: null,
        kind: 'counter',
      }),
      hallEnrol: async () => {
        throw new Error('no');
      },
      hallSession: async () => {
        throw Object.assign(new Error('station_blocked: blocked by the administrator'), {
          code: 'hall',
        });
      },
      hallPush: async () => {
        throw new Error('must not push');
      },
      hallPull: (a) => net.pull(a),
      hallPutBlob: async () => ({ ok: true }),
      hallMissingBlobs: async () => ({ ok: true, missing: [] }),
    };
    const engine = new SyncEngine({ db, transport: hostTransport(blocked), now: () => NOW });
    expect(await engine.pushAll()).toMatchObject({
      kind: 'fatal',
      error: { code: 'station_blocked' },
    });
    expect(engine.store.get()).toMatchObject({
      phase: 'alert',
      alert: { code: 'station_blocked', detail: 'station_blocked: blocked by the administrator' },
    });
    expect(errorOf(new TypeError('fetch failed'))).toEqual({
      code: 'unreachable',
      message: 'fetch failed',
    });
    expect(errorOf(Object.assign(new Error('unreachable: deadline'), { code: 'hall' }))).toEqual({
      code: 'unreachable',
      message: 'unreachable: deadline',
    });
  });

  it('says when the station clock is more than two minutes off the hall', async () => {
    hall.serverTime = '2026-03-02T02:03:00.000Z';
    const engine = new SyncEngine({ db, transport: net, now: () => NOW });
    await engine.pullOnce();
    // The station is three minutes behind the hall.
    expect(engine.store.get().clockSkewMs).toBe(-180_000);
    expect(clockSkewed(engine.store.get())).toBe(true);
    expect(clockSkewed({ clockSkewMs: -120_000 })).toBe(false);
    expect(clockSkewed({ clockSkewMs: -120_001 })).toBe(true);
  });

  it("stops with the fork alert when the hall holds more of this station's chain than it wrote (a cloned disk)", async () => {
    const clone = await stationNamed('HJ01');
    let cloneHead = 0;
    try {
      await takeIn(clone, 'c1');
      await takeIn(clone, 'c2');
      expect(
        (await new SyncEngine({ db: clone, transport: net, now: () => NOW }).pushAll()).kind,
      ).toBe('pushed');
      cloneHead = await clone.events.count();
    } finally {
      clone.close();
    }
    net.calls = [];
    const engine = new SyncEngine({ db, transport: net, now: () => NOW });
    expect((await engine.pushAll()).kind).toBe('idle');
    expect(engine.store.get()).toMatchObject({
      phase: 'alert',
      alert: { code: 'fork', detail: `hall holds HJ01 to ${cloneHead}` },
    });
    expect(net.calls).toEqual(['session']);
  });
});
