// A working-day index for bulk statistics: the calendar's working days as a prefix count over
// day numbers, so "working days between" and "n-th working day after" are array look-ups.
// The calendar module walks day by day, which is right for one case on a screen and far too
// slow for 100,000 cases a month; both must agree (the stats tests check it).
import { defaultCalendar, isWorkingDay, coveredYears, type HolidayCalendar } from './calendar';
import { dayNumber } from './dates';

/** Years after the calendar's last one the index still counts in, by the weekday estimate. */
export const ESTIMATED_YEARS_AFTER = 3;

export interface WorkdayIndex {
  /** Whether the index can count at a date (a covered year, or one of the estimated after it). */
  covers(date: string): boolean;
  /** Whether a date lies in a year the calendar has holiday data for (counts there are exact). */
  exact(date: string): boolean;
  /** Working days in (from, to]; negative when `to` is before `from`. Dates must be covered. */
  between(from: string, to: string): number;
}

const cache = new WeakMap<HolidayCalendar, WorkdayIndex>();

export function workdayIndex(calendar: HolidayCalendar = defaultCalendar): WorkdayIndex {
  const hit = cache.get(calendar);
  if (hit) return hit;
  const years = coveredYears(calendar);
  const first = years[0];
  const last = years[years.length - 1];
  if (first === undefined || last === undefined) {
    const empty: WorkdayIndex = { covers: () => false, exact: () => false, between: () => 0 };
    cache.set(calendar, empty);
    return empty;
  }
  const base = dayNumber(`${first}-01-01`);
  const end = dayNumber(`${last + ESTIMATED_YEARS_AFTER}-12-31`);
  const covered = new Set(years);
  // cum[i] = working days in [base, base + i].
  const cum = new Int32Array(end - base + 1);
  let count = 0;
  for (let n = base; n <= end; n++) {
    const date = new Date(n * 86_400_000).toISOString().slice(0, 10);
    // In a year without data isWorkingDay counts Monday to Friday (the estimate).
    if (isWorkingDay(date, calendar)) {
      count += 1;
    }
    cum[n - base] = count;
  }
  const at = (date: string): number => {
    const i = dayNumber(date) - base;
    return cum[i] ?? 0;
  };
  const index: WorkdayIndex = {
    covers: (date) => {
      const n = dayNumber(date);
      return n >= base && n <= end;
    },
    exact: (date) => covered.has(Number(date.slice(0, 4))),
    between: (from, to) => at(to) - at(from),
  };
  cache.set(calendar, index);
  return index;
}
