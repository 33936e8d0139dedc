import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addWorkingDays,
  defaultCalendar,
  holidayOf,
  isEstimated,
  isWorkingDay,
  missingYears,
  toLocalDate,
  validateCalendar,
  workingDaysBetween,
  type HolidayCalendar,
} from '../../../../renderer/src/domain/calendar';
import { addCalendarDays, dayOfWeek } from '../../../../renderer/src/domain/dates';

// The State Council notices, typed out day by day here (not derived from the shipped ranges),
// so a typo in the data file's ranges shows up as a mismatch.
const OFF_DAYS = [
  '2025-01-01',
  ...['01-28', '01-29', '01-30', '01-31', '02-01', '02-02', '02-03', '02-04'].map(
    (d) => `2025-${d}`,
  ),
  ...['04-04', '04-05', '04-06'].map((d) => `2025-${d}`),
  ...['05-01', '05-02', '05-03', '05-04', '05-05'].map((d) => `2025-${d}`),
  ...['05-31', '06-01', '06-02'].map((d) => `2025-${d}`),
  ...['10-01', '10-02', '10-03', '10-04', '10-05', '10-06', '10-07', '10-08'].map(
    (d) => `2025-${d}`,
  ),
  ...['01-01', '01-02', '01-03'].map((d) => `2026-${d}`),
  ...['02-15', '02-16', '02-17', '02-18', '02-19', '02-20', '02-21', '02-22', '02-23'].map(
    (d) => `2026-${d}`,
  ),
  ...['04-04', '04-05', '04-06'].map((d) => `2026-${d}`),
  ...['05-01', '05-02', '05-03', '05-04', '05-05'].map((d) => `2026-${d}`),
  ...['06-19', '06-20', '06-21'].map((d) => `2026-${d}`),
  ...['09-25', '09-26', '09-27'].map((d) => `2026-${d}`),
  ...['10-01', '10-02', '10-03', '10-04', '10-05', '10-06', '10-07'].map((d) => `2026-${d}`),
];
const MAKE_UP_DAYS = [
  ...['01-26', '02-08', '04-27', '09-28', '10-11'].map((d) => `2025-${d}`),
  ...['01-04', '02-14', '02-28', '05-09', '09-20', '10-10'].map((d) => `2026-${d}`),
];

function expectedWorking(date: string): boolean {
  if (MAKE_UP_DAYS.includes(date)) return true;
  if (OFF_DAYS.includes(date)) return false;
  const dow = dayOfWeek(date);
  return dow !== 0 && dow !== 6;
}

function everyDay(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addCalendarDays(d, 1)) out.push(d);
  return out;
}

describe('isWorkingDay — every holiday and make-up day of 2025 and 2026', () => {
  it.each(OFF_DAYS)('%s is a day off', (d) => {
    expect(isWorkingDay(d)).toBe(false);
  });

  it.each(MAKE_UP_DAYS)('%s is a make-up working day on a weekend', (d) => {
    // A make-up day that is not a weekend would mean the notice was mistyped.
    expect([0, 6]).toContain(dayOfWeek(d));
    expect(isWorkingDay(d)).toBe(true);
  });

  // The days either side of every holiday and make-up day, which is where off-by-one errors live.
  const around = [
    ...new Set(
      [...OFF_DAYS, ...MAKE_UP_DAYS].flatMap((d) => [-1, 1].map((k) => addCalendarDays(d, k))),
    ),
  ]
    .filter((d) => d >= '2025-01-01' && d <= '2026-12-31')
    .filter((d) => !OFF_DAYS.includes(d) && !MAKE_UP_DAYS.includes(d));
  it.each(around)('%s, next to a holiday or make-up day, follows the weekday rule', (d) => {
    expect(isWorkingDay(d)).toBe(expectedWorking(d));
  });

  it('agrees with the notices on every single day of both years', () => {
    for (const d of everyDay('2025-01-01', '2026-12-31')) {
      expect([d, isWorkingDay(d)]).toEqual([d, expectedWorking(d)]);
    }
  });

  it.each([
    // 2026-02-14 is a Saturday but a make-up working day before the Spring Festival.
    ['2026-02-14', true],
    ['2026-02-13', true],
    // 2026-02-23 is a Monday inside the Spring Festival break.
    ['2026-02-23', false],
    ['2026-02-24', true],
    // 2025-10-08 is a Wednesday, the last day of the National Day break.
    ['2025-10-08', false],
    ['2025-10-11', true],
    ['2025-10-12', false],
    ['2026-01-04', true],
  ] as const)('%s working = %s', (d, expected) => {
    expect(isWorkingDay(d)).toBe(expected);
  });

  it('names the holiday a day belongs to', () => {
    expect(holidayOf('2026-02-17')?.name).toBe('春节');
    expect(holidayOf('2026-02-14')).toBeUndefined();
  });

  it('the shipped calendar passes its own validation', () => {
    expect(validateCalendar(defaultCalendar)).toEqual([]);
  });

  it('validation catches a make-up day that is not on a weekend', () => {
    const bad: HolidayCalendar = {
      years: [
        {
          year: 2027,
          holidays: [
            { name: '元旦', nameEn: "New Year's Day", from: '2027-01-01', to: '2027-01-01' },
          ],
          makeUpWorkdays: ['2027-03-03'],
        },
      ],
    };
    expect(validateCalendar(bad)).toEqual([
      { code: 'not_weekend', year: 2027, field: 'makeUp.0', params: { date: '2027-03-03' } },
    ]);
  });
});

describe('addWorkingDays / workingDaysBetween', () => {
  it.each([
    // Accepted on the Friday before the 2026 Spring Festival: the break and both weekends are skipped,
    // while the make-up Saturday 02-14 counts.
    ['2026-02-13', 1, '2026-02-14'],
    ['2026-02-13', 2, '2026-02-24'],
    ['2026-02-13', 0, '2026-02-13'],
    // 20 working days from 2025-09-25 crosses the 8-day National Day break and two make-up days.
    ['2025-09-25', 20, '2025-10-29'],
    ['2026-03-02', 10, '2026-03-16'],
  ] as const)('%s + %i working days = %s', (start, n, expected) => {
    expect(addWorkingDays(start, n)).toBe(expected);
    expect(workingDaysBetween(start, expected)).toBe(n);
  });

  it('counts Monday to Friday in a year without data, and says the count is an estimate', () => {
    // 2026-12-10 (Thu) + 20: 2026-12-11 … 12-31 are 15 working days, then 5 weekdays of 2027
    // (01-01 is a Friday, so it counts in the estimate although it will surely be a holiday).
    expect(addWorkingDays('2026-12-10', 20)).toBe('2027-01-07');
    expect(isEstimated('2026-12-10', '2027-01-07')).toBe(true);
    expect(missingYears('2026-12-10', '2027-01-07')).toEqual([2027]);
    expect(isEstimated('2026-03-02', '2026-03-30')).toBe(false);
    expect(isWorkingDay('2024-06-03')).toBe(true); // a Monday of 2024, not in the data
    expect(isWorkingDay('2027-01-02')).toBe(false); // a Saturday
    expect(missingYears('2024-12-30', '2027-02-01')).toEqual([2024, 2027]);
  });

  it('rejects negative or fractional day counts and bad dates', () => {
    expect(() => addWorkingDays('2026-03-02', -1)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-03-02', 1.5)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-02-30', 1)).toThrow(/valid local date/);
  });

  it('is negative when the range runs backwards', () => {
    expect(workingDaysBetween('2026-03-16', '2026-03-02')).toBe(-10);
  });

  const dateArb = fc.integer({ min: 0, max: 660 }).map((k) => addCalendarDays('2025-01-01', k));

  it('property: addWorkingDays and workingDaysBetween agree, and results are working days', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 0, max: 40 }), (start, n) => {
        const end = addWorkingDays(start, n);
        expect(workingDaysBetween(start, end)).toBe(n);
        if (n > 0) {
          expect(isWorkingDay(end)).toBe(true);
          expect(end > start).toBe(true);
          // No earlier date has already reached n working days.
          expect(workingDaysBetween(start, addCalendarDays(end, -1))).toBe(n - 1);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('property: workingDaysBetween is additive over a midpoint', () => {
    fc.assert(
      fc.property(dateArb, dateArb, dateArb, (a, b, c) => {
        expect(workingDaysBetween(a, c)).toBe(workingDaysBetween(a, b) + workingDaysBetween(b, c));
      }),
      { numRuns: 200 },
    );
  });
});

describe('toLocalDate', () => {
  it('uses Beijing time by default, whatever the machine zone', () => {
    // 17:30 UTC on 5 January is already 6 January at the counter in Zhengzhou.
    expect(toLocalDate('2026-01-05T17:30:00Z')).toBe('2026-01-06');
    expect(toLocalDate(new Date('2026-01-05T15:59:00Z'))).toBe('2026-01-05');
    expect(toLocalDate('2026-01-05T17:30:00Z', 0)).toBe('2026-01-05');
    expect(toLocalDate('2026-01-05')).toBe('2026-01-05');
  });
});
