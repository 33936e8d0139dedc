// Ratings of tickets served without a case on one PC (data/ticketRatings.ts through the local
// rating store): the device shows the ticket, the tap becomes the ticket's rating entry by the
// window's device, once; a bad one opens the follow-up the supervision ledger names by the ticket;
// the chief appeals and the director decides (stored roles); the upheld rating stays and leaves
// the figures; the fold of the log gives the same rows.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OneWindowDb } from '../../../../renderer/src/data/db';
import { supervisionLedger } from '../../../../renderer/src/data/ledgersQueries';
import { localRatingPort } from '../../../../renderer/src/data/ratingRequests';
import {
  rebuildReadTables,
  refoldStreams,
  refoldTables,
} from '../../../../renderer/src/data/rebuild';
import {
  appealTicketRating,
  recordTicketRating,
  ticketRatingsOfMonth,
} from '../../../../renderer/src/data/ticketRatings';
import { monthlyFigures } from '../../../../renderer/src/domain/stats';
import { stationWithStaff } from './helpers';

type Staff = Awaited<ReturnType<typeof stationWithStaff>>;
let s: Staff;
let db: OneWindowDb;
const t0 = new Date('2026-12-01T02:00:00Z');
let ids = 0;

beforeEach(async () => {
  s = await stationWithStaff(t0);
  db = s.db;
  ids = 0;
});
afterEach(() => db.close());

const port = () => localRatingPort(db, { now: () => t0, newId: () => `req-${++ids}` });
const ticketInput = () => ({
  window: 'HJ01',
  clerkId: s.clerk.id,
  clerkName: s.clerk.name,
  ticketId: 't-3',
  ticketNumber: 'A003',
  business: 'counselling',
});

describe('the rating of a ticket served without a case', () => {
  it('is asked with the ticket, recorded by the device once, and followed up when bad', async () => {
    const p = port();
    const req = await p.request(ticketInput());
    expect(req.ok && req.value).toMatchObject({
      id: 'req-1',
      status: 'waiting',
      ticketNumber: 'A003',
      business: 'counselling',
    });
    expect(req.ok && 'caseId' in req.value).toBe(false);
    expect(req.ok && 'matterName' in req.value).toBe(false);
    // A request naming neither a case nor a whole ticket is refused.
    expect(await p.request({ ...ticketInput(), ticketNumber: '' })).toMatchObject({
      ok: false,
      message: 'rating_request_incomplete',
    });

    const r = await p.submit({ requestId: 'req-1', overall: 2, reasons: ['slow'] });
    expect(r).toEqual({ ok: true, value: { bad: true, followUpId: 'followUp-req-1' } });
    expect(await p.submit({ requestId: 'req-1', overall: 5, reasons: [] })).toMatchObject({
      ok: false,
      message: 'rating_request_rated',
    });
    const row = await db.ledger.get('ticketRating-req-1');
    expect(row).toMatchObject({ kind: 'ticketRating', status: 'rated', dueDate: '2026-12-01' });
    const events = await db.events.where('streamId').equals('ledger:ticketRating-req-1').toArray();
    expect(events.map((e) => [e.type, e.actor])).toEqual([
      ['ledger.ticket_rating_recorded', { id: 'rating-device:HJ01', name: 'HJ01', role: 'device' }],
    ]);
    // Recorded once: the pickup of the same rating again answers already_rated.
    const again = await recordTicketRating(
      db,
      {
        type: 'ratingRecorded',
        ratingId: 'req-1',
        ticket: { ticketId: 't-3', number: 'A003', business: 'counselling' },
        channel: 'device',
        overall: 2,
        place: { window: 'HJ01', clerkId: s.clerk.id, clerkName: s.clerk.name },
      },
      { actor: { id: 'rating-device:HJ01', name: 'HJ01', role: 'device' }, now: t0 },
    );
    expect(again).toEqual({ ok: false, refusal: { code: 'already_rated' } });
    // A clerk's screen cannot record one.
    const byClerk = await recordTicketRating(
      db,
      {
        type: 'ratingRecorded',
        ratingId: 'req-9',
        ticket: { ticketId: 't-4', number: 'A004', business: 'enquiry' },
        channel: 'device',
        overall: 5,
        place: { window: 'HJ01', clerkId: s.clerk.id, clerkName: s.clerk.name },
      },
      { actor: s.clerk, now: t0 },
    );
    expect(byClerk).toMatchObject({ ok: false, refusal: { code: 'forbidden_role' } });
    expect(await db.ledger.get('ticketRating-req-9')).toBeUndefined();

    // The supervision ledger: the follow-up, named by the ticket, nothing personal.
    const rows = (await supervisionLedger(db)).filter((x) => x.id === 'followUp-req-1');
    expect(rows.map((x) => [x.ticket, x.data.caseNumber, x.data.enterpriseName, x.appeal])).toEqual(
      [[{ ticketId: 't-3', number: 'A003', business: 'counselling' }, 'A003', '', undefined]],
    );
    expect(rows[0]?.ticketRating?.ratingId).toBe('req-1');

    // What the hall's pull does with the stream (sync/apply.ts refolds ledger:… streams): the
    // same row again from the events alone.
    const stored = await db.ledger.get('ticketRating-req-1');
    await db.transaction('rw', refoldTables(db), async () => {
      await db.ledger.delete('ticketRating-req-1');
      await refoldStreams(db, ['ledger:ticketRating-req-1']);
    });
    expect(await db.ledger.get('ticketRating-req-1')).toEqual(stored);
  });

  it('is appealed by the chief, decided by the director, kept, and left out of the figures', async () => {
    const p = port();
    await p.request(ticketInput());
    await p.submit({ requestId: 'req-1', overall: 1, reasons: [] });
    await p.request({ ...ticketInput(), ticketId: 't-4', ticketNumber: 'A004' });
    await p.submit({ requestId: 'req-2', overall: 4, reasons: [] });
    const month = async () =>
      monthlyFigures([], {
        month: '2026-12',
        today: '2026-12-31',
        ticketRatings: await ticketRatingsOfMonth(db, '2026-12'),
      });
    const before = await month();
    expect([before.total.ratings, before.total.badRatings, before.total.badRatingRate]).toEqual([
      2, 1, 0.5,
    ]);
    expect(before.byDepartment).toEqual([]);
    expect(before.byClerk.map((c) => [c.key, c.name, c.ratings, c.badRatings])).toEqual([
      [s.clerk.id, s.clerk.name, 2, 1],
    ]);
    expect((await month()).total.takenIn).toBe(0);

    const appeal = {
      type: 'appealRating',
      ratingId: 'req-1',
      reason: '经查看录像，系误触',
    } as const;
    // A clerk may not appeal; the chief may, by the stored role.
    expect(await appealTicketRating(db, appeal, s.clerk.id, t0)).toMatchObject({
      ok: false,
      refusal: { code: 'forbidden_role' },
    });
    expect(await appealTicketRating(db, appeal, 'nobody', t0)).toEqual({
      ok: false,
      refusal: { code: 'no_user' },
    });
    expect(await appealTicketRating(db, appeal, s.chief.id, t0)).toMatchObject({ ok: true });
    expect((await supervisionLedger(db)).find((x) => x.id === 'followUp-req-1')?.appeal).toBe(
      'pending',
    );
    const decision = {
      type: 'decideRatingAppeal',
      ratingId: 'req-1',
      outcome: 'upheld',
      reason: '录像属实，申诉成立',
    } as const;
    expect(await appealTicketRating(db, decision, s.chief.id, t0)).toMatchObject({
      ok: false,
      refusal: { code: 'forbidden_role' },
    });
    expect(await appealTicketRating(db, decision, s.director.id, t0)).toMatchObject({ ok: true });
    expect(await appealTicketRating(db, decision, s.director.id, t0)).toMatchObject({
      ok: false,
      refusal: { code: 'appeal_decided' },
    });

    // Kept: the rating, its follow-up and every event stay; the figures leave it out.
    expect(await db.ledger.get('ticketRating-req-1')).toMatchObject({ status: 'upheld' });
    expect(await db.ledger.get('followUp-req-1')).toMatchObject({ status: 'open' });
    expect((await supervisionLedger(db)).find((x) => x.id === 'followUp-req-1')?.appeal).toBe(
      'upheld',
    );
    const after = await month();
    expect([after.total.ratings, after.total.badRatings, after.total.badRatingRate]).toEqual([
      1, 0, 0,
    ]);
    const types = (
      await db.events.where('streamId').equals('ledger:ticketRating-req-1').toArray()
    ).map((e) => e.type);
    expect(types).toEqual([
      'ledger.ticket_rating_recorded',
      'ledger.ticket_rating_appealed',
      'ledger.ticket_rating_appeal_decided',
    ]);

    // The fold of the log gives exactly the rows the writers wrote.
    const rebuilt = await rebuildReadTables(db, s.admin);
    if (!rebuilt.ok) throw new Error(rebuilt.code);
    expect(rebuilt.report.differences).toBe(0);
  });
});
