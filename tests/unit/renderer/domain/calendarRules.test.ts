// The calendar on data it was not written for: random years of holidays and make-up days against
// a naive day-by-day count, the estimate in years without data, and the rules a year must pass.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addWorkingDays,
  isEstimated,
  validateCalendarYear,
  workingDaysBetween,
  type CalendarYear,
  type HolidayCalendar,
} from '../../../../renderer/src/domain/calendar';
import { addCalendarDays, dayOfWeek, yearOf } from '../../../../renderer/src/domain/dates';

/** The rule written out plainly, day by day: what the fast paths must agree with. */
function naiveWorking(date: string, cal: HolidayCalendar): boolean {
  for (const y of cal.years) {
    if (y.makeUpWorkdays.includes(date)) return true;
    if (y.holidays.some((h) => h.from <= date && date <= h.to)) return false;
  }
  const dow = dayOfWeek(date);
  return dow !== 0 && dow !== 6;
}

function naiveAdd(start: string, n: number, cal: HolidayCalendar): string {
  let d = start;
  let left = n;
  while (left > 0) {
    d = addCalendarDays(d, 1);
    if (naiveWorking(d, cal)) left -= 1;
  }
  return d;
}

function naiveBetween(from: string, to: string, cal: HolidayCalendar): number {
  let count = 0;
  for (let d = addCalendarDays(from, 1); d <= to; d = addCalendarDays(d, 1)) {
    if (naiveWorking(d, cal)) count += 1;
  }
  return count;
}

const day = (year: number, k: number) => addCalendarDays(`${year}-01-01`, k);

/** A random year: up to six non-overlapping periods of 1–9 days, make-up days on weekends. */
const yearArb = (year: number): fc.Arbitrary<CalendarYear> =>
  fc
    .record({
      starts: fc.uniqueArray(fc.integer({ min: 0, max: 35 }), { maxLength: 6 }),
      lengths: fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 6, maxLength: 6 }),
      makeUps: fc.uniqueArray(fc.integer({ min: 0, max: 364 }), { maxLength: 8 }),
    })
    .map(({ starts, lengths, makeUps }) => {
      // Starts spread over the year in 10-day slots, so periods never overlap.
      const holidays = [...starts]
        .sort((a, b) => a - b)
        .map((s, i) => ({
          name: `假${i}`,
          nameEn: `H${i}`,
          from: day(year, s * 10),
          to: day(year, s * 10 + (lengths[i] ?? 1) - 1),
        }));
      const off = (d: string) => holidays.some((h) => h.from <= d && d <= h.to);
      const makeUpWorkdays = makeUps
        .map((k) => day(year, k))
        .filter((d) => [0, 6].includes(dayOfWeek(d)) && !off(d) && yearOf(d) === year)
        .sort();
      return { year, holidays, makeUpWorkdays };
    });

const calendarArb: fc.Arbitrary<HolidayCalendar> = fc
  .record({ a: yearArb(2030), b: yearArb(2031), keepB: fc.boolean() })
  // Sometimes 2031 is missing: the count runs on in weekdays, like the estimate.
  .map(({ a, b, keepB }) => ({ years: keepB ? [a, b] : [a] }));

describe('addWorkingDays and workingDaysBetween on random calendars', () => {
  it('property: both agree with a naive day-by-day count', () => {
    fc.assert(
      fc.property(
        calendarArb,
        fc.integer({ min: 0, max: 700 }),
        fc.integer({ min: 0, max: 60 }),
        (cal, k, n) => {
          // A fresh object per run: the per-calendar caches must not carry one run into the next.
          const calendar: HolidayCalendar = structuredClone(cal);
          const start = day(2030, k);
          const due = addWorkingDays(start, n, calendar);
          expect(due).toBe(naiveAdd(start, n, calendar));
          expect(workingDaysBetween(start, due, calendar)).toBe(n);
          expect(workingDaysBetween(start, due, calendar)).toBe(naiveBetween(start, due, calendar));
          const have = new Set(calendar.years.map((y) => y.year));
          let missing = false;
          for (let y = yearOf(start); y <= yearOf(due); y++) if (!have.has(y)) missing = true;
          expect(isEstimated(start, due, calendar)).toBe(missing);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('validateCalendarYear', () => {
  const base: CalendarYear = {
    year: 2027,
    holidays: [
      { name: '元旦', nameEn: "New Year's Day", from: '2027-01-01', to: '2027-01-03' },
      { name: '春节', nameEn: 'Spring Festival', from: '2027-02-05', to: '2027-02-12' },
    ],
    makeUpWorkdays: ['2027-01-31', '2027-02-20'],
  };
  const codes = (y: CalendarYear, others: CalendarYear[] = []) =>
    validateCalendarYear(y, others).map((p) => `${p.field}:${p.code}`);

  it('accepts a well-formed year', () => {
    expect(codes(base)).toEqual([]);
  });

  it.each([
    [
      'an empty name',
      { holidays: [{ ...base.holidays[0]!, name: ' ' }] },
      ['holidays.0.name:required'],
    ],
    [
      'a missing date',
      { holidays: [{ ...base.holidays[0]!, to: '' }] },
      ['holidays.0.to:required'],
    ],
    [
      'a date that does not exist',
      { holidays: [{ ...base.holidays[0]!, to: '2027-02-30' }] },
      ['holidays.0.to:bad_date'],
    ],
    [
      'from after to',
      { holidays: [{ ...base.holidays[0]!, from: '2027-01-05' }] },
      ['holidays.0.to:reversed'],
    ],
    [
      'a period far outside the year',
      { holidays: [{ ...base.holidays[0]!, from: '2026-10-01', to: '2026-10-03' }] },
      ['holidays.0.from:outside_year', 'holidays.0.to:outside_year'],
    ],
    [
      'a period longer than any notice gives',
      { holidays: [{ ...base.holidays[0]!, to: '2027-01-20' }] },
      ['holidays.0.to:too_long'],
    ],
    ['a make-up day on a weekday', { makeUpWorkdays: ['2027-01-06'] }, ['makeUp.0:not_weekend']],
    [
      'a make-up day inside a holiday',
      { makeUpWorkdays: ['2027-02-06'] },
      ['makeUp.0:inside_holiday'],
    ],
    [
      'a make-up day twice',
      { makeUpWorkdays: ['2027-01-31', '2027-01-31'] },
      ['makeUp.1:duplicate'],
    ],
    ['a year with no holidays', { holidays: [] }, ['holidays:no_holidays']],
  ] as const)('names %s next to its field', (_what, change, expected) => {
    expect(codes({ ...base, ...change } as unknown as CalendarYear)).toEqual(expected);
  });

  it('names overlapping periods, within the year and with a neighbouring year', () => {
    const clash = {
      ...base,
      holidays: [base.holidays[0]!, { ...base.holidays[1]!, from: '2027-01-02', to: '2027-01-04' }],
    };
    expect(codes(clash)).toEqual(['holidays.1.from:overlap']);
    // 2026's own 元旦 arrangement reaching into 2027 would collide with 2027's.
    const y2026: CalendarYear = {
      year: 2026,
      holidays: [{ name: '元旦', nameEn: '', from: '2026-12-31', to: '2027-01-01' }],
      makeUpWorkdays: [],
    };
    expect(codes(base, [y2026])).toEqual(['holidays.0.from:overlap']);
  });

  it('allows a period that starts in the last days of the year before (元旦 from 12-31)', () => {
    const edge = {
      ...base,
      holidays: [{ ...base.holidays[0]!, from: '2026-12-31', to: '2027-01-02' }],
    };
    expect(codes(edge)).toEqual([]);
  });

  it('refuses a year number outside 2000–2100', () => {
    expect(codes({ ...base, year: 1999 })).toEqual(['year:bad_year']);
  });
});
