// The counter station's pickup of the hall's ratings (data/ratingHall.ts) on a fake IndexedDB and
// a memory hall: the rating the device took is recorded on the case as `ratingRecorded` by the
// window's device (with the device's station code), its follow-up opened — exactly once, even
// when the station stops between recording it and telling the hall, and the port it picks is
// the hall's only when enrolled.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OneWindowDb } from '../../../../renderer/src/data/db';
import { dispatch } from '../../../../renderer/src/data/dispatch';
import { followUpsOfCase } from '../../../../renderer/src/data/followUps';
import { verifyLog } from '../../../../renderer/src/data/integrity';
import {
  pickUpRatings,
  ratingPortFor,
  type HallRatingCall,
} from '../../../../renderer/src/data/ratingHall';
import type { CaseState, Command } from '../../../../renderer/src/domain';
import type { RatedRequest } from '../../../../server/protocol/rating';
import { acceptOf, actors } from '../domain/workflowFixtures';
import { stationDb } from './helpers';

let db: OneWindowDb;
const t0 = new Date('2026-03-02T02:00:00Z');

beforeEach(async () => {
  db = await stationDb(t0);
  const r = await dispatch(
    db,
    { ...(acceptOf() as Extract<Command, { type: 'accept' }>), caseId: 'c1', caseNo: '' },
    { actor: actors.clerk, now: t0 },
  );
  expect(r.ok).toBe(true);
});
afterEach(() => db.close());

const rated = (id: string, overall: number, reasons: RatedRequest['reasons']): RatedRequest => ({
  id,
  window: 'HJ01',
  caseId: 'c1',
  caseNumber: 'HJ01-20260302-0001',
  matterName: '建设工程规划许可证核发（建筑类）',
  clerkId: actors.clerk.id,
  clerkName: actors.clerk.name,
  requestedAt: '2026-03-02T02:00:10.000Z',
  expiresAt: '2026-03-02T02:03:10.000Z',
  status: 'rated',
  overall,
  ratedAt: '2026-03-02T02:00:30.000Z',
  reasons,
  ratedBy: 'PJ01',
});

/** The hall's side of the pickup, in memory: lists until told recorded. */
function memoryHall(list: RatedRequest[], o: { failAcks?: number } = {}) {
  const acked = new Set<string>();
  let failAcks = o.failAcks ?? 0;
  const calls: string[] = [];
  const call: HallRatingCall = async (args) => {
    calls.push(args.action);
    if (args.action === 'rated') {
      return { ok: true, answer: { ok: true, value: list.filter((r) => !acked.has(r.id)) } };
    }
    if (args.action === 'recorded') {
      if (failAcks > 0) {
        failAcks -= 1;
        return { ok: false, error: { code: 'unreachable', message: 'connection reset' } };
      }
      acked.add(args.body.requestId);
      return { ok: true, answer: { ok: true, value: { bad: true } } };
    }
    throw new Error(`unexpected ${args.action}`);
  };
  return { call, acked, calls };
}

const ratings = async () => ((await db.cases.get('c1'))!.state as CaseState).ratings;
const caseEvents = () => db.events.where('streamId').equals('case:c1').toArray();
const at = () => new Date('2026-03-02T02:00:35Z');

describe('the counter picks up the hall’s ratings', () => {
  it('records the device’s rating on the case once, by the device, with its follow-up', async () => {
    const hall = memoryHall([rated('hr-1', 2, ['slow'])]);
    expect(await pickUpRatings(db, hall.call, at)).toEqual({
      ok: true,
      value: { recorded: ['hr-1'], already: [], failed: [] },
    });
    expect(await ratings()).toEqual([
      {
        ratingId: 'hr-1',
        channel: 'device',
        overall: 2,
        bad: true,
        on: '2026-03-02',
        place: {
          window: 'HJ01',
          clerkId: actors.clerk.id,
          clerkName: actors.clerk.name,
          deviceStation: 'PJ01',
        },
        reasons: ['slow'],
      },
    ]);
    const event = (await caseEvents()).at(-1)!;
    expect([event.type, event.actor]).toEqual([
      'ratingRecorded',
      { id: 'rating-device:HJ01', name: 'HJ01', role: 'device' },
    ]);
    expect((await followUpsOfCase(db, 'c1')).map((f) => [f.ratingId, f.reasons])).toEqual([
      ['hr-1', ['slow']],
    ]);
    expect([...hall.acked]).toEqual(['hr-1']);
    // Nothing is listed any more: the next round records nothing.
    expect(await pickUpRatings(db, hall.call, at)).toEqual({
      ok: true,
      value: { recorded: [], already: [], failed: [] },
    });
    expect(await ratings()).toHaveLength(1);
    expect((await verifyLog(db, at())).ok).toBe(true);
  });

  it('survives a stop between recording and telling the hall: the next round records nothing twice', async () => {
    const hall = memoryHall([rated('hr-1', 5, [])], { failAcks: 1 });
    expect(await pickUpRatings(db, hall.call, at)).toEqual({
      ok: true,
      value: { recorded: ['hr-1'], already: [], failed: [] },
    });
    expect(hall.acked.size).toBe(0);
    const events = (await caseEvents()).length;
    // The station starts again: the hall still lists it; the case already has it.
    expect(await pickUpRatings(db, hall.call, at)).toEqual({
      ok: true,
      value: { recorded: [], already: ['hr-1'], failed: [] },
    });
    expect((await caseEvents()).length).toBe(events);
    expect((await ratings()).map((r) => [r.ratingId, r.overall, r.reasons])).toEqual([
      ['hr-1', 5, undefined],
    ]);
    expect([...hall.acked]).toEqual(['hr-1']);
    expect(await db.ledger.count()).toBe(0);
  });

  it('a rating for a case this station does not hold stays listed; a hall away says offline', async () => {
    const hall = memoryHall([{ ...rated('hr-9', 4, []), caseId: 'c-unknown' }]);
    const r = await pickUpRatings(db, hall.call, at);
    expect(r.ok && r.value.failed.map((f) => f.id)).toEqual(['hr-9']);
    expect(hall.acked.size).toBe(0);
    const away: HallRatingCall = async () => ({
      ok: false,
      error: { code: 'unreachable', message: 'no route' },
    });
    expect(await pickUpRatings(db, away, at)).toEqual({
      ok: false,
      code: 'offline',
      message: 'unreachable: no route',
    });
  });

  it('the station uses the hall’s store only when enrolled', async () => {
    const hall = memoryHall([]);
    const host = (enrolled: boolean) => ({
      hallStatus: async () => ({ enrolled }),
      hallRating: hall.call,
    });
    expect((await ratingPortFor(db, host(true))).mode).toBe('hall');
    expect((await ratingPortFor(db, host(false))).mode).toBe('local');
    const broken = { hallStatus: () => Promise.reject(new Error('x')), hallRating: hall.call };
    expect((await ratingPortFor(db, broken)).mode).toBe('local');
  });
});
