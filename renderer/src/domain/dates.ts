// Local calendar dates as 'YYYY-MM-DD' strings, handled as whole days counted from 1970-01-01.
// Working-day rules are about the date on the wall in the hall, never about instants, so all
// arithmetic here goes through UTC day numbers and never through the machine's time zone.

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** China has used UTC+8 without daylight saving since 1991. */
export const CHINA_TZ_OFFSET_MINUTES = 480;

/** A string that is not a real 'YYYY-MM-DD' date. */
export class InvalidDateError extends Error {
  readonly code = 'invalid_date';
  constructor(readonly value: string) {
    super(`Not a valid local date (YYYY-MM-DD): ${JSON.stringify(value)}`);
    this.name = 'InvalidDateError';
  }
}

/** Whether `s` is a real calendar date in 'YYYY-MM-DD' form (2026-02-30 is not). */
export function isLocalDate(s: string): boolean {
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Day number (days since 1970-01-01) of a local date; throws InvalidDateError. */
export function dayNumber(date: string): number {
  if (!isLocalDate(date)) throw new InvalidDateError(date);
  const y = Number(date.slice(0, 4));
  const mo = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  return Math.round(Date.UTC(y, mo - 1, d) / MS_PER_DAY);
}

export function fromDayNumber(n: number): string {
  return new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: string): number {
  // 1970-01-01 was a Thursday (4).
  return (((dayNumber(date) + 4) % 7) + 7) % 7;
}

export function addCalendarDays(date: string, days: number): string {
  return fromDayNumber(dayNumber(date) + days);
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

/** Compares two local dates: negative if a is earlier, 0 if equal, positive if later. */
export function compareDates(a: string, b: string): number {
  return dayNumber(a) - dayNumber(b);
}

/**
 * The local date of an instant (ISO string or Date) at a fixed UTC offset (default China, +8).
 * A plain 'YYYY-MM-DD' string is returned as it is. The offset is explicit on purpose: a
 * laptop set to another zone must still count the bureau's days.
 */
export function toLocalDate(
  isoOrDate: string | Date,
  tzOffsetMinutes: number = CHINA_TZ_OFFSET_MINUTES,
): string {
  if (typeof isoOrDate === 'string' && isLocalDate(isoOrDate)) return isoOrDate;
  const ms = typeof isoOrDate === 'string' ? Date.parse(isoOrDate) : isoOrDate.getTime();
  if (!Number.isFinite(ms)) throw new InvalidDateError(String(isoOrDate));
  return new Date(ms + tzOffsetMinutes * 60_000).toISOString().slice(0, 10);
}

/** The hall's time zone: papers and screens show its wall clock, whatever zone the PC is set to. */
export const HALL_TIME_ZONE = 'Asia/Shanghai';

const hallClock = new Intl.DateTimeFormat('en-CA', {
  timeZone: HALL_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/**
 * The hall's wall-clock date and time of an instant, 'YYYY-MM-DDTHH:mm' (the form the paper
 * templates print), taken in Asia/Shanghai — never in the machine's zone.
 */
export function hallDateTime(isoOrDate: string | Date): string {
  const ms = typeof isoOrDate === 'string' ? Date.parse(isoOrDate) : isoOrDate.getTime();
  if (!Number.isFinite(ms)) throw new InvalidDateError(String(isoOrDate));
  const part = Object.fromEntries(
    hallClock.formatToParts(new Date(ms)).map((p) => [p.type, p.value]),
  ) as Record<string, string>;
  return `${part.year}-${part.month}-${part.day}T${part.hour}:${part.minute}`;
}
