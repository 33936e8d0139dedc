// The appeal of a GOOD ticket rating across the hall: the counter HJ01 records a 非常满意 of a
// ticket served without a case (by the device actor, as its pickup does) and its section chief
// appeals it; HJ02 pulls the stream and lists the rating as appealed; HJ02's director upholds it;
// HJ01 pulls and has it decided and out of its figures. The hall keeps no projection of its own of
// these events: it relays the `ledger:ticketRating-…` stream and every station folds it.
import { afterEach, describe, expect, it } from 'vitest';
import type { OneWindowDb } from '../../../../../renderer/src/data/db';
import { SyncEngine } from '../../../../../renderer/src/data/sync';
import {
  appealTicketRating,
  listTicketRatings,
  recordTicketRating,
  ticketRatingsOfMonth,
} from '../../../../../renderer/src/data/ticketRatings';
import { createUser } from '../../../../../renderer/src/data/users';
import type { Role } from '../../../../../renderer/src/domain';
import { monthlyFigures } from '../../../../../renderer/src/domain/stats';
import { HallModel, ModelTransport } from './hallModel';
import { NOW, stationNamed } from './fixtures';

const dbs: OneWindowDb[] = [];
afterEach(() => dbs.splice(0).forEach((d) => d.close()));

async function station(hall: HallModel, code: string, username: string, role: Role) {
  const db = await stationNamed(code);
  dbs.push(db);
  const admin = (await db.users.where('username').equals('admin').first())!;
  const user = await createUser(
    db,
    { id: admin.id, name: admin.name, role: admin.role },
    { username, name: username, password: 'long enough pass', role },
    { iterations: 1000, now: NOW },
  );
  const engine = new SyncEngine({ db, transport: new ModelTransport(hall, code), now: () => NOW });
  return { db, user, engine };
}

const device = { id: 'rating-device:HJ01', name: 'HJ01', role: 'device' } as const;
const row = (db: OneWindowDb) => db.ledger.get('ticketRating-req-7');
const counted = async (db: OneWindowDb) =>
  monthlyFigures([], {
    month: '2026-03',
    today: '2026-03-31',
    ticketRatings: await ticketRatingsOfMonth(db, '2026-03'),
  }).total.ratings;

describe('a good ticket rating appealed on one station and decided on another', () => {
  it('travels through the hall as its ledger stream, folded alike on both', async () => {
    const hall = new HallModel();
    const a = await station(hall, 'HJ01', 'sun.chief', 'chief');
    const b = await station(hall, 'HJ02', 'chen.director', 'director');

    const rated = await recordTicketRating(
      a.db,
      {
        type: 'ratingRecorded',
        ratingId: 'req-7',
        ticket: { ticketId: 'tk-7', number: 'A007', business: 'counselling' },
        channel: 'device',
        overall: 5,
        place: { window: 'HJ01', clerkId: 'u-clerk', clerkName: '李窗口' },
      },
      { actor: device, now: NOW },
    );
    expect(rated).toMatchObject({ ok: true, rating: { bad: false } });
    expect(rated.ok && rated.followUpId).toBeFalsy();
    const appealed = await appealTicketRating(
      a.db,
      { type: 'appealRating', ratingId: 'req-7', reason: '经查看录像，系经办人本人点击' },
      a.user.id,
      NOW,
    );
    expect(appealed.ok).toBe(true);
    expect((await a.engine.pushAll()).kind).toBe('pushed');

    // HJ02 has it from the pull alone: listed, appealed, still counted.
    await b.engine.pullOnce();
    expect((await row(b.db))?.status).toBe('appealed');
    const listed = await listTicketRatings(b.db, '2026-03');
    expect(
      listed.map((x) => [x.rating.ticket.number, x.rating.overall, x.rating.appeal?.reason]),
    ).toEqual([['A007', 5, '经查看录像，系经办人本人点击']]);
    expect(listed[0]!.recordedAt).toBe(NOW.toISOString());
    expect(await counted(b.db)).toBe(1);

    // HJ02's director decides; HJ01 pulls the decision.
    const decided = await appealTicketRating(
      b.db,
      { type: 'decideRatingAppeal', ratingId: 'req-7', outcome: 'upheld', reason: '录像属实' },
      b.user.id,
      NOW,
    );
    expect(decided.ok).toBe(true);
    expect((await b.engine.pushAll()).kind).toBe('pushed');
    await a.engine.pullOnce();
    expect((await row(a.db))?.status).toBe('upheld');
    expect(await row(a.db)).toEqual(await row(b.db));
    expect(await counted(a.db)).toBe(0);
    expect(await counted(b.db)).toBe(0);
    const types = async (db: OneWindowDb) =>
      (await db.events.where('streamId').equals('ledger:ticketRating-req-7').toArray())
        .map((e) => e.type)
        .sort();
    expect(await types(a.db)).toEqual([
      'ledger.ticket_rating_appeal_decided',
      'ledger.ticket_rating_appealed',
      'ledger.ticket_rating_recorded',
    ]);
    expect(await types(b.db)).toEqual(await types(a.db));
  });
});
