// Monthly figures for February 2026, computed by hand. February is the month that tests the
// calendar: 02-15…02-23 are the Spring Festival holiday and Saturdays 02-14 and 02-28 are make-up
// working days. Every case below has a promised limit of 5 working days (green channel: 0).
import { describe, expect, it } from 'vitest';
import { monthlyFigures, monthRange } from '../../../../renderer/src/domain/stats';
import { workdayIndex } from '../../../../renderer/src/domain/statsCalendar';
import { workingDaysBetween, addCalendarDays } from '../../../../renderer/src/domain';
import { decided, rating, statsCase } from '../ledgers/statsFixtures';
import type { TicketRating } from '../../../../renderer/src/domain/ticketRating';

/** The rating of a ticket served without a case by clerk `clerk` (domain/ticketRating.ts). */
const ticketRating = (id: string, clerk: string, on: string, bad: boolean, upheld = false) =>
  ({
    ratingId: id,
    ticket: { ticketId: `t-${id}`, number: 'A001', business: 'enquiry' },
    channel: 'device',
    overall: bad ? 1 : 5,
    bad,
    on,
    place: { window: 'HJ01', clerkId: clerk, clerkName: `${clerk}-name`, ticketId: `t-${id}` },
    ...(upheld
      ? {
          appeal: {
            reason: '误触评价器',
            by: { id: 'c', name: 'C', role: 'chief' },
            on,
            decision: {
              outcome: 'upheld',
              reason: '录像属实',
              by: { id: 'd', name: 'D', role: 'director' },
              on,
            },
          },
        }
      : {}),
  }) as TicketRating;

const february = [
  // A: (02-10, 02-25] = 11, 12, 13, 14 (make-up), 24, 25 = 6 working days > 5: late. A naive
  // weekday count would say 11; the holiday must be skipped and the make-up Saturday counted.
  statsCase('k1', {
    caseId: 'A',
    acceptedOn: '2026-02-10',
    ...decided('2026-02-25'),
    ratings: [rating('2026-02-26', false)],
  }),
  // B: (02-02, 02-11] = 7 working days, minus the suspension (02-04, 02-09] = 5, 6, 9 → 4: on time.
  statsCase('k1', {
    caseId: 'B',
    acceptedOn: '2026-02-02',
    ...decided('2026-02-11'),
    suspensions: [{ from: '2026-02-04', to: '2026-02-09', kind: 'hearing', reason: '听证' }],
    ratings: [rating('2026-02-12', true)],
  }),
  // C: green channel, decided the day it was accepted: 0 ≤ 0, on time.
  statsCase('k1', {
    caseId: 'C',
    acceptedOn: '2026-02-12',
    greenChannel: true,
    ...decided('2026-02-12'),
  }),
  // D: accepted in January, still open on 02-28: 4 (Jan) + 16 (Feb) = 20 > 5: overdue.
  statsCase('k2', { caseId: 'D', acceptedOn: '2026-01-26' }),
  // E: accepted 02-25, open: (02-25, 02-28] = 3 ≤ 5, not overdue.
  statsCase('k2', { caseId: 'E', acceptedOn: '2026-02-25' }),
  // F: accepted in January, decided 02-03: 8 + 2 = 10 working days, late; its January rating
  // is not February's, its February bad rating is.
  statsCase('k2', {
    caseId: 'F',
    acceptedOn: '2026-01-20',
    ...decided('2026-02-03'),
    ratings: [rating('2026-01-30', false), rating('2026-02-05', true)],
  }),
  // G: accepted 02-26, suspended from 02-27 and still suspended: counts as suspended, not overdue.
  statsCase('k2', {
    caseId: 'G',
    acceptedOn: '2026-02-26',
    status: 'suspended',
    suspensions: [{ from: '2026-02-27', to: null, kind: 'inspection', reason: '现场踏勘' }],
  }),
  // H: waiting for a supplement, never accepted: not in any figure.
  statsCase('k2', { caseId: 'H', acceptedOn: null, status: 'supplementRequested' }),
  // I: accepted 02-03 and withdrawn 02-06: taken in, but neither concluded nor overdue.
  statsCase('k2', {
    caseId: 'I',
    acceptedOn: '2026-02-03',
    status: 'withdrawn',
    withdrawal: { reason: '申请人撤回', on: '2026-02-06' },
  }),
];

describe('monthly efficiency figures', () => {
  it('match the hand-computed figures for February 2026', () => {
    const f = monthlyFigures(february, { month: '2026-02', today: '2026-03-10' });
    expect(f.asOf).toBe('2026-02-28');
    expect(f.total).toEqual({
      takenIn: 6,
      concluded: 4,
      onTime: 2,
      onTimeRate: 0.5,
      averageWorkingDays: (6 + 4 + 0 + 10) / 4,
      overdue: 1,
      suspended: 2,
      greenChannel: 1,
      ratings: 3,
      badRatings: 2,
      badRatingRate: 2 / 3,
      uncovered: 0,
    });
  });

  it('split by clerk and department, adding up to the total', () => {
    const f = monthlyFigures(february, {
      month: '2026-02',
      today: '2026-03-10',
      // Why: a case's department comes from its matter through the configured map.
      departmentOf: (code) => (code === 'XCGH' ? '村镇规划科' : '规划管理科'),
    });
    const k1 = f.byClerk.find((c) => c.key === 'k1');
    const k2 = f.byClerk.find((c) => c.key === 'k2');
    expect(k1).toMatchObject({
      takenIn: 3,
      concluded: 3,
      onTime: 2,
      overdue: 0,
      ratings: 2,
      badRatings: 1,
    });
    expect(k1?.averageWorkingDays).toBeCloseTo(10 / 3, 10);
    expect(k2).toMatchObject({
      takenIn: 3,
      concluded: 1,
      onTime: 0,
      onTimeRate: 0,
      averageWorkingDays: 10,
      overdue: 1,
      suspended: 1,
      badRatingRate: 1,
      department: '规划管理科',
    });
    expect(f.byDepartment.map((d) => d.name)).toEqual(['规划管理科']);
    expect(f.byDepartment[0]?.takenIn).toBe(f.total.takenIn);
  });

  it('count the ratings of tickets served without a case beside the cases’, in no department', () => {
    const f = monthlyFigures(february, {
      month: '2026-02',
      today: '2026-03-10',
      ticketRatings: [
        ticketRating('t1', 'k1', '2026-02-10', true), // k1's: 3 ratings, 2 bad
        ticketRating('t2', 'k9', '2026-02-11', false), // a clerk with no case: 1 rating, 0 bad
        ticketRating('t3', 'k9', '2026-02-12', true, true), // upheld appeal: counts nowhere
        ticketRating('t4', 'k2', '2026-03-01', true), // March's: not February's
      ],
    });
    // The cases' 3 ratings (2 bad) and the tickets' 2 counted (1 bad).
    expect([f.total.ratings, f.total.badRatings, f.total.badRatingRate]).toEqual([5, 3, 3 / 5]);
    // Everything else is the cases' alone.
    expect([f.total.takenIn, f.total.concluded, f.total.overdue]).toEqual([6, 4, 1]);
    expect(f.byClerk.map((c) => [c.key, c.name, c.ratings, c.badRatings, c.department])).toEqual([
      ['k1', 'k1', 3, 2, 'engineeringPermit'],
      ['k2', 'k2', 1, 1, 'engineeringPermit'],
      ['k9', 'k9-name', 1, 0, ''],
    ]);
    // No department: the departments' ratings are the cases' only.
    expect(f.byDepartment.map((d) => [d.name, d.ratings, d.badRatings])).toEqual([
      ['engineeringPermit', 3, 2],
    ]);
  });

  it('stop the running month at today', () => {
    // Why: on 02-12 case D has used (01-26, 02-12] = 4 + 9 = 13 days (overdue) and A is still
    // open; E, F's later events and G lie in the future and must not count.
    const f = monthlyFigures(february, { month: '2026-02', today: '2026-02-12' });
    expect(f.asOf).toBe('2026-02-12');
    // A accepted 02-10: (02-10, 02-12] = 2 ≤ 5, not overdue; D overdue.
    expect(f.total.overdue).toBe(1);
  });

  it('leave cases in years without calendar data out of working-day figures, and say so', () => {
    const f = monthlyFigures(
      [statsCase('k1', { acceptedOn: '2024-12-20', ...decided('2025-01-06') })],
      { month: '2025-01', today: '2025-02-01' },
    );
    expect(f.total.concluded).toBe(1);
    expect(f.total.uncovered).toBe(1);
    expect(f.total.averageWorkingDays).toBeNull();
  });

  it('monthRange knows the length of each month', () => {
    expect(monthRange('2026-02')).toEqual({ first: '2026-02-01', last: '2026-02-28' });
    expect(monthRange('2028-02').last).toBe('2028-02-29');
    expect(() => monthRange('2026-13')).toThrow(RangeError);
  });
});

describe('the bulk working-day index', () => {
  it('agrees with the calendar for every pair in a sample of 2025–2026', () => {
    const wd = workdayIndex();
    for (let i = 0; i < 700; i += 7) {
      const from = addCalendarDays('2025-01-01', i);
      for (const span of [0, 1, 3, 9, 30]) {
        const to = addCalendarDays(from, span);
        if (to > '2026-12-31') continue;
        expect(wd.between(from, to)).toBe(workingDaysBetween(from, to));
      }
    }
  });
});
