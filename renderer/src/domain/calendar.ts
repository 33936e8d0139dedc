// The working-day calendar (行政许可法 Art. 82: limits are working days, statutory holidays
// excluded). Dates are local 'YYYY-MM-DD' strings; see dates.ts for why.
import { compareDates, dayNumber, dayOfWeek, fromDayNumber, yearOf } from './dates';
import { defaultCalendar } from './calendarData';

export { defaultCalendar };
export { toLocalDate, isLocalDate, InvalidDateError, CHINA_TZ_OFFSET_MINUTES } from './dates';

export interface HolidayPeriod {
  name: string;
  nameEn: string;
  /** First day off, inclusive. */
  from: string;
  /** Last day off, inclusive. */
  to: string;
}

export interface CalendarYear {
  year: number;
  holidays: HolidayPeriod[];
  /** Weekend days that are worked (调休上班). */
  makeUpWorkdays: string[];
}

/** Editable holiday data; only the listed years can be computed in. */
export interface HolidayCalendar {
  years: CalendarYear[];
}

/** Longest stretch of calendar days searched for one working day: guards against bad data. */
const MAX_GAP_DAYS = 60;

interface Compiled {
  years: Set<number>;
  offDays: Map<string, HolidayPeriod>;
  workDays: Set<string>;
  /** Working or not, by day number: filled as days are asked for (deadlines walk the same days). */
  byDayNumber: Map<number, boolean>;
}

// Calendars are plain data that may be edited; compiled sets are cached per object identity,
// so an edited calendar must be a new object (which is how immutable state is updated anyway).
const compiled = new WeakMap<HolidayCalendar, Compiled>();

function compile(calendar: HolidayCalendar): Compiled {
  const hit = compiled.get(calendar);
  if (hit) return hit;
  const c: Compiled = {
    years: new Set(),
    offDays: new Map(),
    workDays: new Set(),
    byDayNumber: new Map(),
  };
  for (const y of calendar.years) {
    c.years.add(y.year);
    for (const h of y.holidays) {
      for (let n = dayNumber(h.from); n <= dayNumber(h.to); n++) c.offDays.set(fromDayNumber(n), h);
    }
    for (const d of y.makeUpWorkdays) c.workDays.add(d);
  }
  compiled.set(calendar, c);
  return c;
}

/** Years the calendar has data for, ascending. */
export function coveredYears(calendar: HolidayCalendar = defaultCalendar): number[] {
  return [...compile(calendar).years].sort((a, b) => a - b);
}

export function isCovered(date: string, calendar: HolidayCalendar = defaultCalendar): boolean {
  dayNumber(date);
  return compile(calendar).years.has(yearOf(date));
}

/**
 * The years from `a` to `b` (either order, both included) the calendar has no data for. A limit
 * counted across one of them is an estimate: those years' days are counted as Monday–Friday.
 */
export function missingYears(
  a: string,
  b: string,
  calendar: HolidayCalendar = defaultCalendar,
): number[] {
  const years = compile(calendar).years;
  const [lo, hi] = [yearOf(a), yearOf(b)].sort((x, y) => x - y) as [number, number];
  const out: number[] = [];
  for (let y = lo; y <= hi; y++) if (!years.has(y)) out.push(y);
  return out;
}

/** Whether a count of working days from `a` to `b` crosses a year without data. */
export function isEstimated(
  a: string,
  b: string,
  calendar: HolidayCalendar = defaultCalendar,
): boolean {
  return missingYears(a, b, calendar).length > 0;
}

/**
 * Whether a day is worked. In a year the calendar has no data for, Monday to Friday are counted
 * as working days — an estimate, which callers mark as such (see isEstimated); a command is never
 * refused for it, and the exact date appears once the year is entered.
 */
export function isWorkingDay(date: string, calendar: HolidayCalendar = defaultCalendar): boolean {
  dayNumber(date);
  const c = compile(calendar);
  if (c.workDays.has(date)) return true;
  if (c.offDays.has(date)) return false;
  const dow = dayOfWeek(date);
  return dow !== 0 && dow !== 6;
}

/** The holiday a date belongs to, if any (for showing "春节" beside a date). */
export function holidayOf(
  date: string,
  calendar: HolidayCalendar = defaultCalendar,
): HolidayPeriod | undefined {
  return compile(calendar).offDays.get(date);
}

/** isWorkingDay by day number, remembered per calendar. */
function isWorkingDayNumber(n: number, calendar: HolidayCalendar): boolean {
  const known = compile(calendar).byDayNumber;
  const hit = known.get(n);
  if (hit !== undefined) return hit;
  const working = isWorkingDay(fromDayNumber(n), calendar);
  known.set(n, working);
  return working;
}

/**
 * The date of the `days`-th working day after `start` (start itself not counted).
 * `days` = 0 returns `start` unchanged (same-day service).
 */
export function addWorkingDays(
  start: string,
  days: number,
  calendar: HolidayCalendar = defaultCalendar,
): string {
  if (!Number.isInteger(days) || days < 0) {
    throw new RangeError(`addWorkingDays needs a whole number of days ≥ 0, got ${days}`);
  }
  let n = dayNumber(start);
  let left = days;
  let gap = 0;
  while (left > 0) {
    n += 1;
    if (isWorkingDayNumber(n, calendar)) {
      left -= 1;
      gap = 0;
    } else if (++gap > MAX_GAP_DAYS) {
      throw new RangeError(`No working day within ${MAX_GAP_DAYS} days after ${fromDayNumber(n)}`);
    }
  }
  return fromDayNumber(n);
}

/**
 * Working days in the half-open range (from, to]: so that
 * workingDaysBetween(s, addWorkingDays(s, n)) === n. Negative when `to` is before `from`.
 */
export function workingDaysBetween(
  from: string,
  to: string,
  calendar: HolidayCalendar = defaultCalendar,
): number {
  const cmp = compareDates(from, to);
  // `0 - x` rather than `-x`: a backwards range with no working days must be 0, not -0.
  if (cmp > 0) return 0 - workingDaysBetween(to, from, calendar);
  let count = 0;
  const last = dayNumber(to);
  for (let n = dayNumber(from) + 1; n <= last; n++) {
    if (isWorkingDayNumber(n, calendar)) count += 1;
  }
  return count;
}

/** The first working day on or after `date`. */
export function nextWorkingDayOnOrAfter(
  date: string,
  calendar: HolidayCalendar = defaultCalendar,
): string {
  return isWorkingDay(date, calendar) ? date : addWorkingDays(date, 1, calendar);
}

export { CALENDAR_PROBLEM_CODES, validateCalendar, validateCalendarYear } from './calendarRules';
export type { CalendarProblem, CalendarProblemCode } from './calendarRules';
