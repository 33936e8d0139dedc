// What makes a year of the working-day calendar usable, checked before anything is saved: the
// calendar decides legal deadlines, so a typo must be named next to its field, never stored.
import type { CalendarYear, HolidayCalendar } from './calendar';
import { dayNumber, dayOfWeek, isLocalDate, yearOf } from './dates';

export const CALENDAR_PROBLEM_CODES = [
  'bad_year',
  'no_holidays',
  'required',
  'bad_date',
  'outside_year',
  'reversed',
  'too_long',
  'overlap',
  'not_weekend',
  'inside_holiday',
  'duplicate',
] as const;
export type CalendarProblemCode = (typeof CALENDAR_PROBLEM_CODES)[number];

/**
 * One thing wrong, by field: `year`, `holidays`, `holidays.<i>.name`, `holidays.<i>.from`,
 * `holidays.<i>.to`, `makeUp.<i>`. `params` fill the message (the other period's name, a date).
 */
export interface CalendarProblem {
  year: number;
  field: string;
  code: CalendarProblemCode;
  params?: Record<string, string | number>;
}

export const FIRST_CALENDAR_YEAR = 2000;
export const LAST_CALENDAR_YEAR = 2100;
/** A period may reach this many days into the neighbouring year (元旦 from 12-31, say). */
export const YEAR_EDGE_DAYS = 7;
/** Longer than any arrangement published: a longer period is a typo (10-01 to 12-08). */
export const MAX_HOLIDAY_DAYS = 15;
export const MAX_NAME_LENGTH = 20;

const edges = (year: number) => ({
  first: dayNumber(`${year}-01-01`) - YEAR_EDGE_DAYS,
  last: dayNumber(`${year}-12-31`) + YEAR_EDGE_DAYS,
});

interface Span {
  name: string;
  from: number;
  to: number;
}

/** The periods' day spans, for those whose dates are readable and in order. */
function spansOf(y: CalendarYear): (Span | null)[] {
  return y.holidays.map((h) => {
    if (!isLocalDate(h.from) || !isLocalDate(h.to)) return null;
    const from = dayNumber(h.from);
    const to = dayNumber(h.to);
    return from <= to ? { name: h.name, from, to } : null;
  });
}

/**
 * Problems of one year; `others` are the calendar's other years (a period may not overlap one of
 * theirs either). An empty list means the year can be saved.
 */
export function validateCalendarYear(
  y: CalendarYear,
  others: readonly CalendarYear[] = [],
): CalendarProblem[] {
  const out: CalendarProblem[] = [];
  const push = (
    field: string,
    code: CalendarProblemCode,
    params?: Record<string, string | number>,
  ) => out.push(params ? { year: y.year, field, code, params } : { year: y.year, field, code });
  if (!Number.isInteger(y.year) || y.year < FIRST_CALENDAR_YEAR || y.year > LAST_CALENDAR_YEAR) {
    push('year', 'bad_year', { first: FIRST_CALENDAR_YEAR, last: LAST_CALENDAR_YEAR });
    return out;
  }
  if (y.holidays.length === 0) push('holidays', 'no_holidays');
  const { first, last } = edges(y.year);
  const spans = spansOf(y);
  y.holidays.forEach((h, i) => {
    const f = `holidays.${i}`;
    if (!h.name.trim()) push(`${f}.name`, 'required');
    else if (h.name.trim().length > MAX_NAME_LENGTH)
      push(`${f}.name`, 'too_long', { max: MAX_NAME_LENGTH });
    const before = out.length;
    for (const end of ['from', 'to'] as const) {
      const d = h[end];
      if (!d) push(`${f}.${end}`, 'required');
      else if (!isLocalDate(d)) push(`${f}.${end}`, 'bad_date', { date: d });
      else if (dayNumber(d) < first || dayNumber(d) > last)
        push(`${f}.${end}`, 'outside_year', { date: d, edge: YEAR_EDGE_DAYS });
    }
    if (isLocalDate(h.from) && isLocalDate(h.to)) {
      const days = dayNumber(h.to) - dayNumber(h.from) + 1;
      if (days < 1) push(`${f}.to`, 'reversed', { from: h.from, to: h.to });
      else if (days > MAX_HOLIDAY_DAYS) push(`${f}.to`, 'too_long', { max: MAX_HOLIDAY_DAYS });
      else if (out.length === before && yearOf(h.from) !== y.year && yearOf(h.to) !== y.year)
        push(`${f}.from`, 'outside_year', { date: h.from, edge: YEAR_EDGE_DAYS });
    }
  });
  // Overlaps: with an earlier period of this year, or with any period of another year.
  const foreign = others.filter((o) => o.year !== y.year).flatMap((o) => spansOf(o));
  spans.forEach((s, i) => {
    if (!s) return;
    const clash =
      spans.slice(0, i).find((o) => o && o.from <= s.to && s.from <= o.to) ??
      foreign.find((o) => o && o.from <= s.to && s.from <= o.to);
    if (clash) push(`holidays.${i}.from`, 'overlap', { other: clash.name });
  });
  const seen = new Set<string>();
  y.makeUpWorkdays.forEach((d, i) => {
    const f = `makeUp.${i}`;
    if (!d) return push(f, 'required');
    if (!isLocalDate(d)) return push(f, 'bad_date', { date: d });
    const n = dayNumber(d);
    if (n < first || n > last) return push(f, 'outside_year', { date: d, edge: YEAR_EDGE_DAYS });
    if (seen.has(d)) return push(f, 'duplicate', { date: d });
    seen.add(d);
    const dow = dayOfWeek(d);
    if (dow !== 0 && dow !== 6) return push(f, 'not_weekend', { date: d });
    const inside = spans.find((s) => s && s.from <= n && n <= s.to);
    if (inside) push(f, 'inside_holiday', { date: d, other: inside.name });
  });
  return out;
}

/** Checks every year of a calendar (each against the others); empty means usable. */
export function validateCalendar(calendar: HolidayCalendar): CalendarProblem[] {
  const years = new Set<number>();
  const out: CalendarProblem[] = [];
  for (const y of calendar.years) {
    if (years.has(y.year)) out.push({ year: y.year, field: 'year', code: 'duplicate' });
    years.add(y.year);
    out.push(...validateCalendarYear(y, calendar.years));
  }
  return out;
}
