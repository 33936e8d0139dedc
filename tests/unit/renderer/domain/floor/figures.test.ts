import { describe, expect, it } from 'vitest';
import {
  floorFigures,
  hallHour,
  ticketLinkedRatings,
} from '../../../../../renderer/src/domain/floor/figures';
import type { CaseRating } from '../../../../../renderer/src/domain/rating';
import type { TicketRating } from '../../../../../renderer/src/domain/ticketRating';
import type { Ticket } from '../../../../../renderer/src/domain/floor/types';

// Hall times (+08:00) as instants.
const at = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+08:00`).toISOString();

function ticket(
  id: string,
  business: Ticket['business'],
  issued: string,
  more: {
    calls?: [string, string, string][]; // [time, window, clerk]
    serve?: string;
    finish?: string;
    status?: Ticket['status'];
    day?: string;
  } = {},
): Ticket {
  const day = more.day ?? '2026-12-01';
  return {
    id,
    number: `A${id.padStart(3, '0')}`,
    business,
    green: false,
    day,
    issuedAt: at(day, issued),
    issuedBy: 'QH01',
    status: more.status ?? 'waiting',
    calls: (more.calls ?? []).map(([t, window, clerkId]) => ({ at: at(day, t), window, clerkId })),
    ...(more.serve ? { servingFrom: at(day, more.serve) } : {}),
    ...(more.finish ? { finishedAt: at(day, more.finish) } : {}),
    rev: 1,
  };
}

const tickets: Ticket[] = [
  // waited 10 min, served 20 min at HJ01 by u-a
  ticket('1', 'counselling', '09:00', {
    calls: [['09:10', 'HJ01', 'u-a']],
    serve: '09:12',
    finish: '09:32',
    status: 'done',
  }),
  // waited 20 min, served 5 min at HJ02 by u-b
  ticket('2', 'counselling', '09:40', {
    calls: [['10:00', 'HJ02', 'u-b']],
    serve: '10:01',
    finish: '10:06',
    status: 'done',
  }),
  // no-show: first called after 15 min at HJ01, three calls, skipped
  ticket('3', 'collection', '10:15', {
    calls: [
      ['10:30', 'HJ01', 'u-a'],
      ['10:31', 'HJ01', 'u-a'],
      ['10:32', 'HJ01', 'u-a'],
    ],
    status: 'noShow',
    finish: '10:33',
  }),
  // still waiting
  ticket('4', 'collection', '10:50'),
  // another month: left out
  ticket('5', 'counselling', '09:00', { day: '2026-11-30' }),
];

describe('the floor figures of a month', () => {
  const f = floorFigures(tickets, '2026-12');

  it('totals: issued, served, no-shows, mean waiting and serving minutes', () => {
    expect(f.total).toEqual({
      key: '',
      issued: 4,
      called: 3,
      served: 2,
      noShows: 1,
      averageWaitingMinutes: 15, // (10 + 20 + 15) / 3
      averageServingMinutes: 12.5, // (20 + 5) / 2
      ratings: 0,
      badRatings: 0,
      badRatingRate: null,
    });
  });

  it('per business type', () => {
    expect(f.byBusiness).toEqual([
      {
        key: 'collection',
        issued: 2,
        called: 1,
        served: 0,
        noShows: 1,
        averageWaitingMinutes: 15,
        averageServingMinutes: null,
        ratings: 0,
        badRatings: 0,
        badRatingRate: null,
      },
      {
        key: 'counselling',
        issued: 2,
        called: 2,
        served: 2,
        noShows: 0,
        averageWaitingMinutes: 15,
        averageServingMinutes: 12.5,
        ratings: 0,
        badRatings: 0,
        badRatingRate: null,
      },
    ]);
  });

  it('per window and clerk of the last call; a ticket never called belongs to none', () => {
    expect(
      f.byWindow.map((w) => [
        w.key,
        w.issued,
        w.served,
        w.noShows,
        w.averageWaitingMinutes,
        w.averageServingMinutes,
      ]),
    ).toEqual([
      ['HJ01', 2, 1, 1, 12.5, 20],
      ['HJ02', 1, 1, 0, 20, 5],
    ]);
    expect(f.byClerk.map((c) => [c.key, c.issued, c.averageServingMinutes])).toEqual([
      ['u-a', 2, 20],
      ['u-b', 1, 5],
    ]);
  });

  it('tickets per hour of the hall clock', () => {
    expect(f.perHour).toEqual([
      { hour: 9, issued: 2 },
      { hour: 10, issued: 2 },
    ]);
    expect(hallHour('2026-12-01T01:59:00Z')).toBe(9);
    expect(hallHour('2026-12-01T16:00:00Z')).toBe(0);
  });

  it('a month without tickets has no means', () => {
    expect(floorFigures(tickets, '2027-01').total).toEqual({
      key: '',
      issued: 0,
      called: 0,
      served: 0,
      noShows: 0,
      averageWaitingMinutes: null,
      averageServingMinutes: null,
      ratings: 0,
      badRatings: 0,
      badRatingRate: null,
    });
  });

  it("ratings of the month's tickets, case and ticket alike, grouped as their ticket", () => {
    const place = (ticketId: string) => ({
      window: 'HJ01',
      clerkId: 'u-a',
      clerkName: 'A',
      ticketId,
    });
    const caseRating = (id: string, ticketId: string | null, overall: 1 | 2 | 3 | 4 | 5) =>
      ({
        ratingId: id,
        channel: 'device',
        overall,
        bad: overall <= 2,
        on: '2026-12-01',
        ...(ticketId ? { place: place(ticketId) } : {}),
      }) as CaseRating;
    const ticketRating = (
      id: string,
      ticketId: string,
      overall: 1 | 2 | 3 | 4 | 5,
      upheld = false,
    ) =>
      ({
        ...caseRating(id, ticketId, overall),
        ticket: { ticketId, number: 'A001', business: 'counselling' },
        ...(upheld
          ? {
              appeal: {
                reason: '误触评价器',
                by: { id: 'c', name: 'C', role: 'chief' },
                on: '2026-12-02',
                decision: {
                  outcome: 'upheld',
                  reason: '录像属实',
                  by: { id: 'd', name: 'D', role: 'director' },
                  on: '2026-12-03',
                },
              },
            }
          : {}),
      }) as TicketRating;
    const ratings = ticketLinkedRatings(
      [[caseRating('r1', '2', 5), caseRating('r2', null, 1)], [caseRating('r3', '3', 2)]],
      [ticketRating('r4', '1', 1), ticketRating('r5', '1', 1, true), ticketRating('r6', '5', 4)],
    );
    // r2 names no ticket; r5's appeal was upheld: neither counts.
    expect(ratings).toEqual([
      { ticketId: '2', bad: false },
      { ticketId: '3', bad: true },
      { ticketId: '1', bad: true },
      { ticketId: '5', bad: false },
    ]);
    const g = floorFigures(tickets, '2026-12', ratings);
    // Ticket 5 is November's: its rating is left out of December's tables.
    expect([g.total.ratings, g.total.badRatings, g.total.badRatingRate]).toEqual([3, 2, 2 / 3]);
    expect(g.byBusiness.map((b) => [b.key, b.ratings, b.badRatings, b.badRatingRate])).toEqual([
      ['collection', 1, 1, 1],
      ['counselling', 2, 1, 0.5],
    ]);
    expect(g.byWindow.map((w) => [w.key, w.ratings, w.badRatings])).toEqual([
      ['HJ01', 2, 2],
      ['HJ02', 1, 0],
    ]);
    expect(g.byClerk.map((c) => [c.key, c.ratings, c.badRatingRate])).toEqual([
      ['u-a', 2, 1],
      ['u-b', 1, 0],
    ]);
  });
});
