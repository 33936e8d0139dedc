// The hall floor on real PostgreSQL (docs/floor.md): two windows calling at once never get one
// ticket, whatever the connections interleave; a retried issue or call is idempotent by its
// request key; and over HTTP the station's kind is checked — a kiosk issues but cannot call, a
// display only reads, a rating device nothing of the queue; the long-poll watch moves.
import { describe, expect, it } from 'vitest';
import { SqlFloor } from '../../server/db/floor';
import { FLOOR_BUSINESS_TYPES, floorAnswerSchema, floorRequest } from '../../server/protocol/floor';
import { hallFloor } from '../../renderer/src/data/floorHall';
import { stationWithStaff } from '../unit/renderer/data/helpers';
import { BUSINESS_TYPES, type FloorSettings } from '../../renderer/src/domain/floor/types';
import { clusterDatabases } from './helpers';
import { auth, enrolled, hallApp, hostChannel, type Session } from './http-helpers';

const cluster = clusterDatabases('floor');

const settings: FloorSettings = {
  maxCalls: 2,
  windows: [
    { id: 'HJ01', number: 1, businesses: ['counselling'], green: false },
    { id: 'HJ02', number: 2, businesses: ['counselling'], green: false },
  ],
};
const NOW = new Date('2026-12-01T02:00:00Z'); // 10:00 in the hall

const must = <T>(r: { ok: true; value: T } | { ok: false; message: string }): T => {
  if (!r.ok) throw new Error(r.message);
  return r.value;
};

it('the wire knows the business types of the floor contract', () => {
  expect([...FLOOR_BUSINESS_TYPES]).toEqual([...BUSINESS_TYPES]);
});

describe('the floor store under concurrency', () => {
  it('two windows calling 40 tickets at once, each call twice: every ticket once, none twice', async () => {
    const db = await cluster.fresh(['QH01', 'HJ01', 'HJ02']);
    let t = NOW.getTime();
    const floor = new SqlFloor(db, () => new Date((t += 1000)));
    must(await floor.saveSettings(settings));
    const issued = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        floor.issueTicket('QH01', {
          business: 'counselling',
          green: false,
          requestKey: `issue-${i}`,
        }),
      ),
    );
    const numbers = issued.map((r) => must(r).ticket.number).sort();
    expect(numbers[0]).toBe('A001');
    expect(numbers.at(-1)).toBe('A040');
    expect(new Set(numbers).size).toBe(40);
    // Each window calls, finishes at once (serve + finish), and calls again; every call is sent
    // twice at once (a retry racing its own lost answer).
    const got: Record<string, string[]> = { HJ01: [], HJ02: [] };
    async function work(window: string, clerkId: string) {
      for (let i = 0; ; i++) {
        const key = `${window}-call-${i}`;
        const [a, b] = await Promise.all([
          floor.callNext(window, { window, clerkId, requestKey: key }),
          floor.callNext(window, { window, clerkId, requestKey: key }),
        ]);
        const ta = must(a);
        expect(must(b)?.id).toBe(ta?.id);
        if (!ta) return;
        got[window]!.push(ta.number);
        must(await floor.serve({ ticketId: ta.id, window, clerkId }));
        must(await floor.finish({ ticketId: ta.id, window, clerkId }));
      }
    }
    await Promise.all([work('HJ01', 'u-a'), work('HJ02', 'u-b')]);
    const all = [...got.HJ01!, ...got.HJ02!].sort();
    expect(all).toEqual(numbers);
    expect(got.HJ01!.length).toBeGreaterThan(0);
    expect(got.HJ02!.length).toBeGreaterThan(0);
    const rows = await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM floor_tickets WHERE status = 'done'",
    );
    expect(rows).toEqual([{ n: 40 }]);
    // The rev moved once per change: the settings, 40 issues, and per ticket a call, a serve and
    // a finish; the replayed calls and the empty calls at the end changed nothing.
    const [state] = await db.query<{ rev: number }>('SELECT rev FROM floor_state');
    expect(state!.rev).toBe(1 + 40 + 40 * 3);
  });
});

describe('/v1/floor over HTTP', () => {
  it('checks the station kind, answers a retry with the same ticket, and the watch moves', async () => {
    const db = await cluster.fresh();
    const app = hallApp(db);
    const kiosk = await enrolled(app, db, 'QH01', 'kiosk');
    const counter = await enrolled(app, db, 'HJ01', 'counter');
    const display = await enrolled(app, db, 'DP01', 'display');
    const rating = await enrolled(app, db, 'PJ01', 'rating');
    const post = (s: Session, path: string, payload: unknown) =>
      app.inject({
        method: 'POST',
        url: `/v1/floor/${path}`,
        headers: auth(s),
        payload: payload as object,
      });
    const get = (s: Session, path: string) =>
      app.inject({ method: 'GET', url: `/v1/floor/${path}`, headers: auth(s) });

    expect((await post(counter, 'settings', { settings, userId: 'u-admin' })).json()).toEqual({
      ok: true,
      value: settings,
    });
    const issue = { business: 'counselling', green: true, requestKey: 'kiosk-req-0001' };
    const first = await post(kiosk, 'issue', issue);
    expect(first.statusCode).toBe(200);
    const ticket = first.json().value.ticket;
    expect(ticket).toMatchObject({
      number: 'A001',
      green: true,
      status: 'waiting',
      issuedBy: 'QH01',
    });
    // The kiosk's answer lost and asked again: the same ticket, no second one.
    const again = (await post(kiosk, 'issue', issue)).json();
    expect(again.value.ticket.id).toBe(ticket.id);
    expect((await get(display, 'snapshot')).json().value.tickets).toHaveLength(1);

    // A kiosk cannot call, a display cannot issue, a rating device cannot even read the queue.
    const call = { window: 'HJ01', clerkId: 'u-clerk', requestKey: 'call-HJ01-0001' };
    const refused = await post(kiosk, 'call-next', call);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({
      error: { code: 'station_kind_refused', message: 'a kiosk station may not callNext' },
    });
    expect((await post(display, 'issue', issue)).statusCode).toBe(403);
    expect((await get(rating, 'snapshot')).statusCode).toBe(403);
    expect((await post(kiosk, 'settings', { settings, userId: 'u-admin' })).statusCode).toBe(403);
    // Devices never see the hall's events (server/http/deviceGate.ts): no pull, push, blobs,
    // numbers — the counter's pull is served.
    for (const [s, method, url] of [
      [kiosk, 'GET', '/v1/pull?after=0'],
      [display, 'GET', '/v1/pull?after=0'],
      [rating, 'GET', '/v1/pull?after=0'],
      [rating, 'POST', '/v1/push'],
      [display, 'POST', '/v1/blobs/missing'],
      [kiosk, 'POST', '/v1/numbers/lease'],
    ] as const) {
      const res = await app.inject({ method, url, headers: auth(s), payload: {} });
      expect([url, res.statusCode, res.json().error?.code]).toEqual([
        url,
        403,
        'station_kind_refused',
      ]);
    }
    expect(
      (await app.inject({ method: 'GET', url: '/v1/pull?after=0', headers: auth(counter) }))
        .statusCode,
    ).toBe(200);

    // The display's long-poll, waiting past the current rev, wakes on the counter's call.
    const rev = (await get(display, 'snapshot')).json().value.rev as number;
    const watching = get(display, `watch?after=${rev}&waitMs=10000`);
    const called = (await post(counter, 'call-next', call)).json();
    expect(called).toMatchObject({
      ok: true,
      value: { number: 'A001', status: 'called', window: 'HJ01' },
    });
    const woke = (await watching).json().value;
    expect(woke.rev).toBe(rev + 1);
    expect(woke.tickets[0]).toMatchObject({ number: 'A001', status: 'called' });
    // A retried call: the same ticket, still one call.
    const retried = (await post(counter, 'call-next', call)).json();
    expect(retried.value.calls).toHaveLength(1);
    // A rule's refusal is an answer, not a protocol error.
    const early = await post(counter, 'skip', {
      ticketId: ticket.id,
      window: 'HJ01',
      clerkId: 'u-clerk',
    });
    expect(early.statusCode).toBe(200);
    expect(early.json()).toEqual({
      ok: false,
      code: 'refused',
      message: 'A001 was called 1 of 2 times',
    });
    // The month's tickets for the figures: a counter reads them, a kiosk may not.
    const day = (await get(display, 'snapshot')).json().value.day as string;
    const month = await get(counter, `month?month=${day.slice(0, 7)}`);
    expect(month.json().value.map((t: { number: string }) => t.number)).toEqual(['A001']);
    expect((await get(kiosk, `month?month=${day.slice(0, 7)}`)).statusCode).toBe(403);
    expect((await get(counter, 'month?month=2026-13')).statusCode).toBe(400);
    const bad = await post(counter, 'call-next', { ...call, window: 'hj01' });
    expect(bad.statusCode).toBe(400);
    await app.close();
  });
});

describe('the station’s hall floor port', () => {
  it('goes through the wire schemas; a kiosk’s call is refused, a disabled user never reaches the hall', async () => {
    const db = await cluster.fresh();
    const app = hallApp(db);
    const kiosk = await enrolled(app, db, 'QH01', 'kiosk');
    const counter = await enrolled(app, db, 'HJ01', 'counter');
    const staff = await stationWithStaff(NOW);
    const host = hostChannel(app, floorRequest, floorAnswerSchema);
    const atCounter = hallFloor(staff.db, host(counter));
    const atKiosk = hallFloor(staff.db, host(kiosk));
    expect(atCounter.mode).toBe('hall');
    expect(await atCounter.saveSettings({ settings, userId: staff.clerk.id })).toEqual({
      ok: false,
      code: 'refused',
      message: 'only an administrator sets up the floor',
    });
    must(await atCounter.saveSettings({ settings, userId: staff.admin.id }));
    const issued = must(
      await atKiosk.issueTicket({
        business: 'counselling',
        green: false,
        requestKey: 'kiosk-0001',
      }),
    );
    expect(issued).toMatchObject({ ticket: { number: 'A001' }, waitingAhead: 0 });
    const call = { window: 'HJ01', clerkId: staff.clerk.id, requestKey: 'call-0001' };
    expect(await atKiosk.callNext(call)).toEqual({
      ok: false,
      code: 'refused',
      message: 'a kiosk station may not callNext',
    });
    expect(await atCounter.callNext({ ...call, clerkId: 'u-nobody' })).toMatchObject({
      ok: false,
      message: 'not an active user',
    });
    const seen: number[] = [];
    const stop = atCounter.watch((snap) => seen.push(snap.rev));
    const called = must(await atCounter.callNext(call))!;
    expect(called).toMatchObject({ number: 'A001', status: 'called', window: 'HJ01' });
    const served = must(
      await atCounter.serve({ ticketId: called.id, window: 'HJ01', clerkId: staff.clerk.id }),
    );
    expect(served.status).toBe('serving');
    for (let i = 0; i < 100 && seen.at(-1) !== 4; i++) await new Promise((r) => setTimeout(r, 20));
    stop();
    // settings, issue, call, serve: the watch saw the rev reach 4.
    expect(seen.at(-1)).toBe(4);
    const month = must(await atCounter.monthTickets!(issued.ticket.day.slice(0, 7)));
    expect(month.map((t) => [t.number, t.status])).toEqual([['A001', 'serving']]);
    await app.close();
  });
});
