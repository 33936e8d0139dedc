// The rating device across the hall on real PostgreSQL (docs/floor.md): over HTTP the station's
// kind is checked — a kiosk cannot ask for a rating, a counter cannot submit one, a rating device
// reads only the window its enrolment label names; a new request replaces the window's open one;
// a double submit records once; the requesting counter alone picks the rating up. Then the
// station's ports end to end through the wire schemas: the device's tap reaches the case once.
import { describe, expect, it } from 'vitest';
import { RATING_REASONS, ratingAnswerSchema, ratingRequest } from '../../server/protocol/rating';
import { dispatch } from '../../renderer/src/data/dispatch';
import {
  hallRatingPort,
  pickUpRatings,
  type HallRatingCall,
} from '../../renderer/src/data/ratingHall';
import type { OneWindowDb } from '../../renderer/src/data/db';
import type { CaseState, Command } from '../../renderer/src/domain';
import { BAD_RATING_REASONS } from '../../renderer/src/domain/rating';
import type { RatingRequest } from '../../renderer/src/domain/floor/rating';
import { freshDb as emptyDb, stationWithStaff } from '../unit/renderer/data/helpers';
import { acceptOf } from '../unit/renderer/domain/workflowFixtures';
import { clusterDatabases } from './helpers';
import { auth, enrolled, hallApp, hostChannel, type Session } from './http-helpers';

const cluster = clusterDatabases('rating');

/**
 * A hall with the counter HJ01 (its session) and its rating device PJ01 (enrolled with
 * `deviceLabel`), each with its host's 'hall.rating' channel, and the counter's station with its
 * staff.
 */
async function counterWithDevice(deviceLabel: string) {
  const db = await cluster.fresh();
  const app = hallApp(db);
  const counter = await enrolled(app, db, 'HJ01', 'counter');
  const device = await enrolled(app, db, 'PJ01', 'rating', deviceLabel);
  const host = hostChannel(app, ratingRequest, ratingAnswerSchema);
  const staff = await stationWithStaff(new Date());
  return { db, app, staff, counter, toCounter: host(counter), toDevice: host(device) };
}

/**
 * The counter's pickup records the rated requests, once: a second round (or a restart) finds
 * nothing to do.
 */
async function expectPickedUpOnce(db: OneWindowDb, toCounter: HallRatingCall, ids: string[]) {
  expect(await pickUpRatings(db, toCounter)).toEqual({
    ok: true,
    value: { recorded: ids, already: [], failed: [] },
  });
  expect(await pickUpRatings(db, toCounter)).toEqual({
    ok: true,
    value: { recorded: [], already: [], failed: [] },
  });
}

const input = (id: string, caseId = 'c1', window = 'HJ01') => ({
  id,
  window,
  caseId,
  caseNumber: 'HJ01-20261201-0001',
  matterName: '建设工程规划许可证核发（建筑类）',
  clerkId: 'u-clerk',
  clerkName: '王窗口',
});

it('the wire knows the bad-rating reasons of the domain', () => {
  expect([...RATING_REASONS]).toEqual([...BAD_RATING_REASONS]);
});

describe('/v1/floor/rating over HTTP', () => {
  it('checks kinds and windows, replaces an open request, takes a double submit once', async () => {
    const db = await cluster.fresh();
    const app = hallApp(db);
    const counter = await enrolled(app, db, 'HJ01', 'counter');
    const other = await enrolled(app, db, 'HJ02', 'counter');
    const kiosk = await enrolled(app, db, 'QH01', 'kiosk');
    const display = await enrolled(app, db, 'DP01', 'display');
    const device = await enrolled(app, db, 'PJ01', 'rating', 'HJ01 评价器');
    const device2 = await enrolled(app, db, 'PJ02', 'rating', 'HJ02 评价器');
    const unbound = await enrolled(app, db, 'PJ09', 'rating', '评价器');
    const post = (s: Session, path: string, payload: object) =>
      app.inject({ method: 'POST', url: `/v1/floor/rating/${path}`, headers: auth(s), payload });
    const get = (s: Session, path: string) =>
      app.inject({ method: 'GET', url: `/v1/floor/rating/${path}`, headers: auth(s) });
    const refused = (res: { statusCode: number; json(): unknown }, message: string) => {
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ error: { code: 'station_kind_refused', message } });
    };

    // A kiosk (and a display, and a device) cannot ask for a rating.
    refused(await post(kiosk, 'request', input('req-0001')), 'a kiosk station may not request');
    refused(await post(display, 'request', input('req-0001')), 'a display station may not request');
    refused(await post(device, 'request', input('req-0001')), 'a rating station may not request');
    const first = await post(counter, 'request', input('req-0001'));
    expect(first.json()).toMatchObject({ ok: true, value: { id: 'req-0001', status: 'waiting' } });
    // A retry of the same request gets it back; the id is not another station's to reuse.
    expect((await post(counter, 'request', input('req-0001'))).json().value.id).toBe('req-0001');
    expect((await post(other, 'request', input('req-0001'))).json()).toEqual({
      ok: false,
      code: 'conflict',
      message: 'rating_request_id_taken',
    });

    // The device reads its own window — by name or without one — and no other.
    const cur = (await get(device, 'current?window=HJ01')).json();
    expect(cur).toMatchObject({ ok: true, value: { window: 'HJ01', request: { id: 'req-0001' } } });
    expect((await get(device, 'current')).json().value.window).toBe('HJ01');
    refused(
      await get(device, 'current?window=HJ02'),
      'the rating device of HJ01 may not read HJ02',
    );
    refused(
      await get(device, 'watch?window=HJ02&after=0&waitMs=0'),
      'the rating device of HJ01 may not read HJ02',
    );
    refused(
      await get(unbound, 'current'),
      'the rating device PJ09 serves no window (its label names none)',
    );
    refused(await get(counter, 'current?window=HJ01'), 'a counter station may not current');
    expect((await get(device2, 'current')).json().value).toMatchObject({
      window: 'HJ02',
      request: null,
    });

    // A newer finish at the window replaces the open request.
    const rev = cur.value.rev as number;
    const watching = get(device, `watch?window=HJ01&after=${rev}&waitMs=5000`);
    await post(counter, 'request', input('req-0002', 'c2'));
    expect((await watching).json().value).toMatchObject({ request: { id: 'req-0002' } });
    const [old] = await db.query<{ status: string }>(
      "SELECT status FROM rating_requests WHERE id = 'req-0001'",
    );
    expect(old!.status).toBe('replaced');
    expect(
      (await post(device, 'submit', { requestId: 'req-0001', overall: 5, reasons: [] })).json(),
    ).toEqual({ ok: false, code: 'conflict', message: 'rating_request_replaced' });

    // A counter cannot submit; another window's device does not even learn of the request.
    const tap = { requestId: 'req-0002', overall: 1, reasons: ['attitude', 'attitude'] };
    refused(await post(counter, 'submit', tap), 'a counter station may not submit');
    refused(await post(kiosk, 'submit', tap), 'a kiosk station may not submit');
    expect((await post(device2, 'submit', tap)).json()).toEqual({
      ok: false,
      code: 'not_found',
      message: 'rating_request_not_found',
    });
    // A double tap, both at once, and a late one with another level: recorded once, the first.
    const [a, b] = await Promise.all([post(device, 'submit', tap), post(device, 'submit', tap)]);
    expect([a.json(), b.json()]).toEqual([
      { ok: true, value: { bad: true } },
      { ok: true, value: { bad: true } },
    ]);
    const late = await post(device, 'submit', { ...tap, overall: 5, reasons: [] });
    expect(late.json()).toEqual({ ok: true, value: { bad: true } });
    const rows = await db.query<{ overall: number; reasons: string[]; rated_by: string }>(
      "SELECT overall, reasons, rated_by FROM rating_requests WHERE status = 'rated'",
    );
    expect(rows).toEqual([{ overall: 1, reasons: ['attitude'], rated_by: 'PJ01' }]);
    expect((await get(device, 'current')).json().value.request).toBeNull();

    // Only the station that asked picks it up, until it says it is recorded.
    refused(await get(device, 'rated'), 'a rating station may not rated');
    expect((await get(other, 'rated')).json()).toEqual({ ok: true, value: [] });
    const listed = (await get(counter, 'rated')).json().value as { id: string; ratedBy: string }[];
    expect(listed.map((r) => [r.id, r.ratedBy])).toEqual([['req-0002', 'PJ01']]);
    expect((await post(other, 'recorded', { requestId: 'req-0002' })).json()).toMatchObject({
      ok: false,
      code: 'not_found',
    });
    expect((await post(counter, 'recorded', { requestId: 'req-0002' })).json()).toEqual({
      ok: true,
      value: { bad: true },
    });
    expect((await get(counter, 'rated')).json()).toEqual({ ok: true, value: [] });

    // The device expires its own window's request only.
    await post(counter, 'request', input('req-0003', 'c3'));
    expect((await post(device2, 'expire', { requestId: 'req-0003' })).json()).toMatchObject({
      ok: false,
      code: 'not_found',
    });
    refused(
      await post(counter, 'expire', { requestId: 'req-0003' }),
      'a counter station may not expire',
    );
    expect((await post(device, 'expire', { requestId: 'req-0003' })).json()).toMatchObject({
      ok: true,
      value: { id: 'req-0003', status: 'expired' },
    });
    expect((await post(device, 'request', { window: 'hj01' })).statusCode).toBe(403);
    expect(
      (await post(counter, 'request', { ...input('req-0004'), window: 'hj01' })).statusCode,
    ).toBe(400);
    await app.close();
  });
});

describe('the station’s hall rating ports', () => {
  it('the counter asks, the device taps, the counter records it on the case once', async () => {
    const { app, staff, toCounter, toDevice } = await counterWithDevice('HJ01');
    const accepted = await dispatch(
      staff.db,
      { ...(acceptOf() as Extract<Command, { type: 'accept' }>), caseId: 'c1', caseNo: '' },
      { actor: staff.clerk, now: new Date() },
    );
    expect(accepted.ok).toBe(true);
    const atCounter = hallRatingPort(staff.db, toCounter);
    // The tablet holds no case: its port has an empty database behind it.
    const atDevice = hallRatingPort(emptyDb(), toDevice, { watchWaitMs: 2000 });
    expect(await atDevice.deviceWindow!()).toEqual({ ok: true, value: 'HJ01' });
    expect(await atCounter.request({ ...input('x'), clerkId: 'u-nobody' })).toEqual({
      ok: false,
      code: 'refused',
      message: 'not an active user',
    });
    const seen: (RatingRequest | null)[] = [];
    const stop = atDevice.watch('HJ01', (r) => seen.push(r));
    const { id: _id, ...rest } = input('x');
    const asked = await atCounter.request({ ...rest, clerkId: staff.clerk.id });
    expect(asked.ok && asked.value.status).toBe('waiting');
    const id = asked.ok ? asked.value.id : '';
    for (let i = 0; i < 100 && seen.at(-1)?.id !== id; i++)
      await new Promise((r) => setTimeout(r, 20));
    expect(seen.at(-1)).toMatchObject({
      id,
      caseNumber: 'HJ01-20261201-0001',
      clerkName: '王窗口',
    });
    expect(await atCounter.submit({ requestId: id, overall: 5, reasons: [] })).toEqual({
      ok: false,
      code: 'refused',
      message: 'a counter station may not submit',
    });
    expect(await atDevice.submit({ requestId: id, overall: 2, reasons: ['slow'] })).toEqual({
      ok: true,
      value: { bad: true },
    });
    stop();
    await expectPickedUpOnce(staff.db, toCounter, [id]);
    const state = (await staff.db.cases.get('c1'))!.state as CaseState;
    expect(state.ratings.map((r) => [r.ratingId, r.overall, r.reasons, r.place])).toEqual([
      [
        id,
        2,
        ['slow'],
        { window: 'HJ01', clerkId: staff.clerk.id, clerkName: '王窗口', deviceStation: 'PJ01' },
      ],
    ]);
    await app.close();
  });
});

describe('a ticket served without a case, across the hall', () => {
  it('the device shows the ticket and the window’s number; the pickup records the ticket’s rating once', async () => {
    const { db, app, staff, counter, toCounter, toDevice } = await counterWithDevice('HJ01 评价器');
    const atCounter = hallRatingPort(staff.db, toCounter);
    const atDevice = hallRatingPort(emptyDb(), toDevice);
    // No number in the floor settings yet: none (the device then names the station code).
    expect(await atDevice.windowNumber('HJ01')).toEqual({ ok: true, value: null });
    await db.query(`UPDATE floor_state SET settings = $1 WHERE id = 1`, [
      JSON.stringify({
        maxCalls: 3,
        windows: [{ id: 'HJ01', number: 1, businesses: ['counselling'], green: false }],
      }),
    ]);
    expect(await atDevice.windowNumber('HJ01')).toEqual({ ok: true, value: 1 });

    // A request with neither a case nor a whole ticket does not match the protocol.
    const bare = { id: 'req-bare-1', window: 'HJ01', clerkId: staff.clerk.id, clerkName: '王窗口' };
    const res = await app.inject({
      method: 'POST',
      url: '/v1/floor/rating/request',
      headers: auth(counter),
      payload: { ...bare, ticketId: 't-3' },
    });
    expect(res.statusCode).toBe(400);
    // …nor does the table take one (migration 012).
    await expect(
      db.query(
        `INSERT INTO rating_requests (id, window_code, clerk_id, clerk_name, status, requested_by,
           requested_at, expires_at, rev) VALUES ('r-x', 'HJ01', 'u', 'n', 'waiting', 'HJ01', now(),
           now(), 1)`,
      ),
    ).rejects.toThrow(/rating_requests_subject/);

    // The clerk at HJ01 asks for ticket A003's rating (a ticket served without a case).
    const askForA003 = () =>
      atCounter.request({
        window: 'HJ01',
        clerkId: staff.clerk.id,
        clerkName: staff.clerk.name,
        ticketId: 't-3',
        ticketNumber: 'A003',
        business: 'counselling',
      });
    const asked = await askForA003();
    expect(asked.ok && asked.value).toMatchObject({
      status: 'waiting',
      ticketId: 't-3',
      ticketNumber: 'A003',
      business: 'counselling',
    });
    expect(
      asked.ok && ['caseId', 'caseNumber', 'matterName'].filter((k) => k in asked.value),
    ).toEqual([]);
    const id = asked.ok ? asked.value.id : '';
    expect(await atDevice.current('HJ01')).toMatchObject({
      ok: true,
      value: { id, ticketNumber: 'A003', business: 'counselling', clerkName: staff.clerk.name },
    });
    expect(await atDevice.submit({ requestId: id, overall: 1, reasons: ['attitude'] })).toEqual({
      ok: true,
      value: { bad: true },
    });
    // Asked again for the same ticket within the visit: answered with the rating, nothing new.
    const again = await askForA003();
    expect(again.ok && [again.value.id, again.value.status]).toEqual([id, 'rated']);

    await expectPickedUpOnce(staff.db, toCounter, [id]);
    const entry = await staff.db.ledger.get(`ticketRating-${id}`);
    expect(entry?.data).toMatchObject({
      version: 1,
      rating: {
        ratingId: id,
        ticket: { ticketId: 't-3', number: 'A003', business: 'counselling' },
        overall: 1,
        bad: true,
        reasons: ['attitude'],
        place: {
          window: 'HJ01',
          clerkId: staff.clerk.id,
          clerkName: staff.clerk.name,
          ticketId: 't-3',
          deviceStation: 'PJ01',
        },
      },
    });
    const events = await staff.db.events
      .where('streamId')
      .equals(`ledger:ticketRating-${id}`)
      .toArray();
    expect(events.map((e) => [e.type, e.actor.id])).toEqual([
      ['ledger.ticket_rating_recorded', 'rating-device:HJ01'],
    ]);
    expect((await staff.db.ledger.get(`followUp-${id}`))?.data).toMatchObject({
      ticketNumber: 'A003',
      business: 'counselling',
      applicantName: '',
      caseNo: '',
    });
    await app.close();
  });
});
