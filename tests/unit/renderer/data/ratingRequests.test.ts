// The rating device's local store (data/ratingRequests.ts, Dexie v9) on a fake IndexedDB: a
// request per finish at a window (a newer one replaces one still waiting), the tap recorded as
// `ratingRecorded` (channel 'device', by the window's device) with its follow-up when bad, and an
// unrated request expiring with nothing recorded on the case.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OneWindowDb } from '../../../../renderer/src/data/db';
import { dispatch } from '../../../../renderer/src/data/dispatch';
import { followUpsOfCase } from '../../../../renderer/src/data/followUps';
import { verifyLog } from '../../../../renderer/src/data/integrity';
import { localRatingPort } from '../../../../renderer/src/data/ratingRequests';
import type { CaseState, Command } from '../../../../renderer/src/domain';
import { RATING_REQUEST_TTL_MS } from '../../../../renderer/src/domain/floor/rating';
import { acceptOf, actors } from '../domain/workflowFixtures';
import { stationDb } from './helpers';

let db: OneWindowDb;
const t0 = new Date('2026-03-02T02:00:00Z');
let clock = t0;
let ids = 0;

beforeEach(async () => {
  db = await stationDb(t0);
  clock = t0;
  ids = 0;
  const r = await dispatch(
    db,
    { ...(acceptOf() as Extract<Command, { type: 'accept' }>), caseId: 'c1', caseNo: '' },
    { actor: actors.clerk, now: t0 },
  );
  expect(r.ok).toBe(true);
});
afterEach(() => db.close());

const port = () => localRatingPort(db, { now: () => clock, newId: () => `req-${++ids}` });
const input = {
  window: 'HJ01',
  caseId: 'c1',
  caseNumber: 'HJ01-20260302-0001',
  matterName: '建设工程规划许可证核发（建筑类）',
  clerkId: actors.clerk.id,
  clerkName: actors.clerk.name,
};
const ratings = async () => ((await db.cases.get('c1'))!.state as CaseState).ratings;

describe('rating requests on one PC', () => {
  it('a tap records the rating on the case, by the window’s device, with its follow-up', async () => {
    const p = port();
    const req = await p.request(input);
    expect(req.ok && req.value).toMatchObject({ id: 'req-1', status: 'waiting', window: 'HJ01' });
    expect(await p.current('HJ01')).toMatchObject({ ok: true, value: { id: 'req-1' } });
    expect(await p.current('HJ02')).toEqual({ ok: true, value: null });

    clock = new Date(t0.getTime() + 20_000);
    const r = await p.submit({ requestId: 'req-1', overall: 1, reasons: ['attitude', 'overdue'] });
    expect(r).toEqual({ ok: true, value: { bad: true, followUpId: 'followUp-req-1' } });
    expect(await ratings()).toEqual([
      {
        ratingId: 'req-1',
        channel: 'device',
        overall: 1,
        bad: true,
        on: '2026-03-02',
        place: { window: 'HJ01', clerkId: actors.clerk.id, clerkName: actors.clerk.name },
        reasons: ['attitude', 'overdue'],
      },
    ]);
    const event = (await db.events.where('streamId').equals('case:c1').toArray()).at(-1)!;
    expect([event.type, event.actor]).toEqual([
      'ratingRecorded',
      { id: 'rating-device:HJ01', name: 'HJ01', role: 'device' },
    ]);
    expect((await followUpsOfCase(db, 'c1')).map((f) => [f.ratingId, f.reasons])).toEqual([
      ['req-1', ['attitude', 'overdue']],
    ]);
    expect((await db.ratingRequests.get('req-1'))?.status).toBe('rated');
    expect(await p.current('HJ01')).toEqual({ ok: true, value: null });
    // The same request cannot be rated twice.
    expect(await p.submit({ requestId: 'req-1', overall: 5, reasons: [] })).toMatchObject({
      ok: false,
      code: 'conflict',
      message: 'rating_request_rated',
    });
    expect(await ratings()).toHaveLength(1);
    expect((await verifyLog(db, clock)).ok).toBe(true);
  });

  it('a good rating takes no reasons and opens no follow-up', async () => {
    const p = port();
    await p.request(input);
    expect(await p.submit({ requestId: 'req-1', overall: 4, reasons: ['slow'] })).toEqual({
      ok: true,
      value: { bad: false },
    });
    expect((await ratings()).map((r) => [r.overall, r.reasons])).toEqual([[4, undefined]]);
    expect(await db.ledger.count()).toBe(0);
  });

  it('a case just rated at the window is not asked again (its ticket finished moments later)', async () => {
    const p = port();
    await p.request(input);
    await p.submit({ requestId: 'req-1', overall: 5, reasons: [] });
    const again = await p.request({ ...input, ticketId: 't-1' });
    expect(again.ok && [again.value.id, again.value.status]).toEqual(['req-1', 'rated']);
    expect(await p.current('HJ01')).toEqual({ ok: true, value: null });
    // Later (another visit), the same case is asked again.
    clock = new Date(t0.getTime() + RATING_REQUEST_TTL_MS + 1);
    const later = await p.request(input);
    expect(later.ok && [later.value.id, later.value.status]).toEqual(['req-2', 'waiting']);
  });

  it('a newer finish at the window replaces a request still waiting', async () => {
    const p = port();
    await p.request(input);
    await p.request({ ...input, caseNumber: 'HJ01-20260302-0001' });
    expect((await db.ratingRequests.get('req-1'))?.status).toBe('replaced');
    expect(await p.current('HJ01')).toMatchObject({ ok: true, value: { id: 'req-2' } });
    expect(await p.submit({ requestId: 'req-1', overall: 5, reasons: [] })).toMatchObject({
      ok: false,
      message: 'rating_request_replaced',
    });
    expect(await ratings()).toEqual([]);
  });

  it('an unrated request expires and records nothing', async () => {
    const p = port();
    await p.request(input);
    clock = new Date(t0.getTime() + RATING_REQUEST_TTL_MS + 1);
    expect(await p.current('HJ01')).toEqual({ ok: true, value: null });
    expect(await p.submit({ requestId: 'req-1', overall: 5, reasons: [] })).toEqual({
      ok: false,
      code: 'refused',
      message: 'rating_request_expired',
    });
    expect((await db.ratingRequests.get('req-1'))?.status).toBe('expired');
    expect(await ratings()).toEqual([]);
    const events = await db.events.where('streamId').equals('case:c1').count();
    expect(events).toBe(1);
  });

  it('the device’s expire marks it so, and a request without its case or clerk is refused', async () => {
    const p = port();
    await p.request(input);
    expect(await p.expire('req-1')).toMatchObject({ ok: true, value: { status: 'expired' } });
    expect(await p.expire('req-1')).toMatchObject({ ok: false, code: 'conflict' });
    expect(await p.request({ ...input, clerkName: ' ' })).toEqual({
      ok: false,
      code: 'bad_request',
      message: 'rating_request_incomplete',
    });
    // A matter missing from the catalogue shows the case number, never a blank.
    const r = await p.request({ ...input, matterName: '' });
    expect(r.ok && r.value.matterName).toBe('HJ01-20260302-0001');
  });
});
