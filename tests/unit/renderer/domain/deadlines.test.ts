import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  caseDeadlines,
  dueDate,
  issuanceDueOn,
  supplementNoticeStatus,
  trafficLight,
  workingDaysLeft,
  type CaseClock,
} from '../../../../renderer/src/domain/deadlines';
import { addCalendarDays, compareDates } from '../../../../renderer/src/domain/dates';

/** A building permit accepted on Monday 2026-03-02 (20 legal / 2 promised days). */
function clockOf(overrides: Partial<CaseClock> = {}): CaseClock {
  return {
    acceptedOn: '2026-03-02',
    legalDays: 20,
    promisedDays: 2,
    greenChannel: false,
    suspensions: [],
    extended: false,
    decidedOn: null,
    ...overrides,
  };
}

describe('caseDeadlines', () => {
  it('counts promised and legal limits in working days from acceptance', () => {
    expect(caseDeadlines(clockOf(), '2026-03-02')).toEqual({
      promisedDueOn: '2026-03-04',
      legalDueOn: '2026-03-30',
      issuanceDueOn: null,
      suspendedDays: 0,
      estimated: { promised: false, legal: false, issuance: false, suspendedDays: false },
    });
  });

  it('the extension adds 10 working days to the legal limit, skipping Qingming', () => {
    // 2026-03-30 + 10 working days crosses 04-04…04-06.
    expect(caseDeadlines(clockOf({ extended: true }), '2026-03-02').legalDueOn).toBe('2026-04-14');
    expect(caseDeadlines(clockOf({ extended: true }), '2026-03-02').promisedDueOn).toBe(
      '2026-03-04',
    );
  });

  it('a closed suspension moves both due dates by the suspended working days', () => {
    // Suspended Wednesday, resumed Friday: Thursday and Friday did not count.
    const d = caseDeadlines(
      clockOf({ suspensions: [{ from: '2026-03-04', to: '2026-03-06' }] }),
      '2026-03-10',
    );
    expect(d.suspendedDays).toBe(2);
    expect(d.promisedDueOn).toBe('2026-03-06');
    expect(d.legalDueOn).toBe('2026-04-01');
  });

  it('an open suspension keeps pushing the due date while it lasts', () => {
    const clock = clockOf({ suspensions: [{ from: '2026-03-03', to: null }] });
    expect(caseDeadlines(clock, '2026-03-05').promisedDueOn).toBe('2026-03-06');
    expect(caseDeadlines(clock, '2026-03-09').promisedDueOn).toBe('2026-03-10');
  });

  it('green-channel cases are promised for the same day; the legal limit still stands', () => {
    const d = caseDeadlines(clockOf({ greenChannel: true }), '2026-03-02');
    expect(d.promisedDueOn).toBe('2026-03-02');
    expect(d.legalDueOn).toBe('2026-03-30');
  });

  it('Art. 44: issuance within 10 working days of the decision', () => {
    expect(caseDeadlines(clockOf({ decidedOn: '2026-09-24' }), '2026-09-24').issuanceDueOn).toBe(
      // 09-25…09-27 and 10-01…10-07 are off; 10-10 is a make-up Saturday.
      issuanceDueOn('2026-09-24'),
    );
    expect(issuanceDueOn('2026-09-24')).toBe('2026-10-15');
  });

  const date2026 = fc.integer({ min: 0, max: 240 }).map((k) => addCalendarDays('2026-01-05', k));

  it('property: a suspension never shortens a deadline', () => {
    fc.assert(
      fc.property(
        date2026,
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 20 }),
        fc.boolean(),
        (acceptedOn, startAfter, length, limitDays, closed) => {
          const from = addCalendarDays(acceptedOn, startAfter);
          const to = addCalendarDays(from, length);
          const today = addCalendarDays(to, 3);
          const base = dueDate({ acceptedOn, limitDays }, today);
          const suspended = dueDate(
            { acceptedOn, limitDays, suspensions: [{ from, to: closed ? to : null }] },
            today,
          );
          expect(compareDates(suspended, base)).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('traffic light', () => {
  it.each([
    ['2026-03-16', '2026-03-02', 'green'],
    // Two working days left: yellow.
    ['2026-03-04', '2026-03-02', 'yellow'],
    ['2026-03-04', '2026-03-04', 'yellow'],
    // Due Friday, today Saturday: overdue even though no working day has passed.
    ['2026-03-06', '2026-03-07', 'red'],
  ] as const)('due %s, today %s → %s', (due, today, light) => {
    expect(trafficLight(due, today)).toBe(light);
  });

  it('thresholds are configurable', () => {
    expect(
      trafficLight('2026-03-16', '2026-03-02', { yellowAtDaysLeft: 10, redAtDaysLeft: 0 }),
    ).toBe('yellow');
    expect(
      trafficLight('2026-03-02', '2026-03-02', { yellowAtDaysLeft: 10, redAtDaysLeft: 0 }),
    ).toBe('red');
  });

  it('counts days left across a holiday', () => {
    expect(workingDaysLeft('2026-02-24', '2026-02-13')).toBe(2);
    expect(workingDaysLeft('2026-02-13', '2026-02-24')).toBe(-2);
  });
});

describe('Art. 32 supplement notice', () => {
  it('warns from the third working day and is overdue after the fifth', () => {
    // Received Friday 2026-02-13; 02-14 is a make-up Saturday, then the Spring Festival.
    expect(supplementNoticeStatus('2026-02-13', '2026-02-14')).toMatchObject({
      elapsed: 1,
      level: 'ok',
    });
    expect(supplementNoticeStatus('2026-02-13', '2026-02-25')).toMatchObject({
      elapsed: 3,
      level: 'warn',
    });
    expect(supplementNoticeStatus('2026-02-13', '2026-02-26').dueOn).toBe('2026-02-27');
    expect(supplementNoticeStatus('2026-02-13', '2026-03-02').level).toBe('overdue');
  });
});
