// The appeal of a GOOD ticket rating (台账 › 取号评价, data/ticketRatings.ts): a 非常满意 the chief
// believes the clerk tapped herself has no follow-up row, yet is listed, appealed by the section
// chief and decided by the director by their stored roles, with the same refusals as a case's;
// upheld it stays listed and on the log and leaves the figures; the refold of its stream (what
// the hall's pull does on another station) gives the same row.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OneWindowDb } from '../../../../renderer/src/data/db';
import { supervisionLedger } from '../../../../renderer/src/data/ledgersQueries';
import { localRatingPort } from '../../../../renderer/src/data/ratingRequests';
import { refoldStreams, refoldTables } from '../../../../renderer/src/data/rebuild';
import {
  appealTicketRating,
  listTicketRatings,
  ticketRatingsOfMonth,
} from '../../../../renderer/src/data/ticketRatings';
import { ticketLinkedRatings } from '../../../../renderer/src/domain/floor/figures';
import type { RatingLevel } from '../../../../renderer/src/domain/rating';
import { monthlyFigures } from '../../../../renderer/src/domain/stats';
import { stationWithStaff } from './helpers';

type Staff = Awaited<ReturnType<typeof stationWithStaff>>;
let s: Staff;
let db: OneWindowDb;
const t0 = new Date('2026-12-01T02:00:00Z');
const t1 = new Date('2026-12-01T03:30:00Z');
let ids = 0;

beforeEach(async () => {
  s = await stationWithStaff(t0);
  db = s.db;
  ids = 0;
});
afterEach(() => db.close());

async function rate(now: Date, number: string, overall: RatingLevel) {
  const p = localRatingPort(db, { now: () => now, newId: () => `req-${++ids}` });
  const req = await p.request({
    window: 'HJ01',
    clerkId: s.clerk.id,
    clerkName: s.clerk.name,
    ticketId: `t-${number}`,
    ticketNumber: number,
    business: 'enquiry',
  });
  if (!req.ok) throw new Error(req.message);
  const r = await p.submit({ requestId: req.value.id, overall, reasons: [] });
  if (!r.ok) throw new Error(r.message);
  return req.value.id;
}

const figures = async () => {
  const ticketRatings = await ticketRatingsOfMonth(db, '2026-12');
  const m = monthlyFigures([], { month: '2026-12', today: '2026-12-31', ticketRatings });
  return {
    total: [m.total.ratings, m.total.badRatings],
    clerk: m.byClerk.map((c) => [c.name, c.ratings]),
    floor: ticketLinkedRatings([], ticketRatings).map((r) => r.ticketId),
  };
};

describe('the appeal of a good ticket rating', () => {
  it('lists the month’s ticket ratings newest first with the time each was recorded', async () => {
    await rate(t0, 'C001', 5);
    await rate(t1, 'C002', 3);
    const list = await listTicketRatings(db, '2026-12');
    expect(list.map((x) => [x.rating.ticket.number, x.rating.overall, x.recordedAt])).toEqual([
      ['C002', 3, '2026-12-01T03:30:00.000Z'],
      ['C001', 5, '2026-12-01T02:00:00.000Z'],
    ]);
    expect(list[0]!.rating.place).toMatchObject({ window: 'HJ01', clerkName: s.clerk.name });
    expect(await listTicketRatings(db, '2026-11')).toEqual([]);
  });

  it('is appealed by the chief and decided by the director, refused otherwise, kept', async () => {
    const id = await rate(t0, 'C001', 5);
    await rate(t1, 'C002', 4);
    // Good: no follow-up, so no row in 每周督办 to appeal it from.
    expect((await supervisionLedger(db)).filter((x) => x.ticketRating)).toEqual([]);
    expect(await figures()).toEqual({
      total: [2, 0],
      clerk: [[s.clerk.name, 2]],
      floor: ['t-C001', 't-C002'],
    });

    const appeal = {
      type: 'appealRating' as const,
      ratingId: id,
      reason: '经查看录像，系经办人本人点击',
    };
    const decision = {
      type: 'decideRatingAppeal',
      ratingId: id,
      outcome: 'upheld',
      reason: '录像属实，申诉成立',
    } as const;
    const refusal = async (cmd: Parameters<typeof appealTicketRating>[1], userId: string) => {
      const r = await appealTicketRating(db, cmd, userId, t1);
      return r.ok ? 'recorded' : r.refusal;
    };
    // Before an appeal the director has nothing to decide.
    expect(await refusal(decision, s.director.id)).toEqual({ code: 'not_appealed' });
    // Wrong roles, an unknown user, a blank or too short reason.
    for (const who of [s.clerk.id, s.director.id, s.admin.id])
      expect(await refusal(appeal, who)).toMatchObject({
        code: 'forbidden_role',
        params: { command: 'appealRating' },
      });
    expect(await refusal(appeal, 'nobody')).toEqual({ code: 'no_user' });
    for (const reason of ['', '   ', '误触'])
      expect(await refusal({ ...appeal, reason }, s.chief.id)).toEqual({
        code: 'appeal_reason_required',
        params: { min: 4, max: 500 },
      });
    expect((await db.ledger.get(`ticketRating-${id}`))?.status).toBe('rated');

    expect(await refusal(appeal, s.chief.id)).toBe('recorded');
    expect(await refusal({ ...appeal, reason: '再次申诉一次' }, s.chief.id)).toEqual({
      code: 'already_appealed',
    });
    expect((await db.ledger.get(`ticketRating-${id}`))?.status).toBe('appealed');
    // Still counted while the appeal waits.
    expect((await figures()).total).toEqual([2, 0]);

    for (const who of [s.clerk.id, s.chief.id])
      expect(await refusal(decision, who)).toMatchObject({
        code: 'forbidden_role',
        params: { command: 'decideRatingAppeal' },
      });
    expect(await refusal({ ...decision, reason: ' ' }, s.director.id)).toEqual({
      code: 'appeal_reason_required',
      params: { min: 4, max: 500 },
    });
    expect(await refusal(decision, s.director.id)).toBe('recorded');
    expect(await refusal({ ...decision, outcome: 'rejected' }, s.director.id)).toEqual({
      code: 'appeal_decided',
    });

    // Kept and shown with both steps; out of the office's, the clerk's and the floor's figures.
    const listed = (await listTicketRatings(db, '2026-12')).find((x) => x.rating.ratingId === id)!;
    expect(listed.rating.overall).toBe(5);
    expect(listed.rating.appeal).toEqual({
      reason: '经查看录像，系经办人本人点击',
      by: s.chief,
      on: '2026-12-01',
      decision: {
        outcome: 'upheld',
        reason: '录像属实，申诉成立',
        by: s.director,
        on: '2026-12-01',
      },
    });
    expect(await figures()).toEqual({
      total: [1, 0],
      clerk: [[s.clerk.name, 1]],
      floor: ['t-C002'],
    });
    const stream = `ledger:ticketRating-${id}`;
    const events = await db.events.where('streamId').equals(stream).toArray();
    expect(events.map((e) => [e.type, e.actor.role])).toEqual([
      ['ledger.ticket_rating_recorded', 'device'],
      ['ledger.ticket_rating_appealed', 'chief'],
      ['ledger.ticket_rating_appeal_decided', 'director'],
    ]);

    // Another station of the hall folds the same row from the pulled events alone.
    const stored = await db.ledger.get(`ticketRating-${id}`);
    expect(stored?.status).toBe('upheld');
    await db.transaction('rw', refoldTables(db), async () => {
      await db.ledger.delete(`ticketRating-${id}`);
      await refoldStreams(db, [stream]);
    });
    expect(await db.ledger.get(`ticketRating-${id}`)).toEqual(stored);
  });

  it('a rejected appeal leaves the rating in the figures', async () => {
    const id = await rate(t0, 'C001', 4);
    const chief = await appealTicketRating(
      db,
      { type: 'appealRating', ratingId: id, reason: '疑似恶意评价，请核查' },
      s.chief.id,
      t1,
    );
    expect(chief.ok).toBe(true);
    const director = await appealTicketRating(
      db,
      { type: 'decideRatingAppeal', ratingId: id, outcome: 'rejected', reason: '无证据，评价有效' },
      s.director.id,
      t1,
    );
    expect(director).toMatchObject({
      ok: true,
      rating: { appeal: { decision: { outcome: 'rejected' } } },
    });
    expect((await db.ledger.get(`ticketRating-${id}`))?.status).toBe('rejected');
    expect((await figures()).total).toEqual([1, 0]);
  });
});
