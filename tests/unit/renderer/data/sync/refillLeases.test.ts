// The refill's check-in tells a restored hall the leased blocks this station still takes numbers
// from (docs/hall.md "Restoring the server"): only blocks with a free number — the numbers used
// from the others are in the events — so the hall takes them in again and never leases them a
// second time (tests/server/pg-restore.test.ts shows the hall's side on real PostgreSQL).
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { OneWindowDb } from '../../../../../renderer/src/data/db';
import { holdingKey, type LeaseHolding } from '../../../../../renderer/src/data/numberLeases';
import { refillOnce } from '../../../../../renderer/src/data/sync/refill';
import type { HallTransport } from '../../../../../renderer/src/data/sync/transport';
import type { RefillRequest } from '../../../../../server/protocol/restore';
import { stationNamed } from './fixtures';

let db: OneWindowDb | null = null;
afterEach(async () => {
  db?.close();
  db = null;
});

function recording(sent: RefillRequest[]): HallTransport {
  return {
    refill: async (args: RefillRequest) => {
      sent.push(args);
      return {
        ok: true as const,
        response: {
          restoring: true,
          lastGseq: 0,
          accepted: 0,
          next: null,
          waitingFor: ['HJB'],
          serverTime: '2026-12-01T08:00:00.000Z',
        },
      };
    },
  } as unknown as HallTransport;
}

describe('refill check-in and leased blocks', () => {
  it('tells the blocks that still have a free number, not the used-up ones', async () => {
    db = await stationNamed('HJ71');
    const holding: LeaseHolding = {
      seriesId: 'doc:acceptance:2026',
      free: [23, 24, 25],
      blocks: [
        { leaseKey: 'k1', first: 1, last: 20, at: '2026-11-30T01:00:00.000Z' },
        { leaseKey: 'k2', first: 21, last: 25, at: '2026-12-01T01:00:00.000Z' },
      ],
    };
    await db.meta.put({ key: holdingKey(holding.seriesId), value: holding });
    const sent: RefillRequest[] = [];
    const r = await refillOnce(db, recording(sent));
    expect(r).toMatchObject({ kind: 'waiting', waitingFor: ['HJB'] });
    expect(sent[0]).toEqual({
      holds: 0,
      events: [],
      leases: [
        { seriesId: 'doc:acceptance:2026', blocks: [{ leaseKey: 'k2', first: 21, last: 25 }] },
      ],
    });
  });

  it('a station that holds no block tells none', async () => {
    db = await stationNamed('HJ72');
    const sent: RefillRequest[] = [];
    await refillOnce(db, recording(sent));
    expect(sent[0]).toEqual({ holds: 0, events: [] });
  });
});
