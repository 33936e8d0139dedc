// Reads the State Council's yearly holiday notice (国务院办公厅关于YYYY年部分节假日安排的通知) as
// an administrator pastes it — the whole web page or only the festival lines — into one
// CalendarYear. It never guesses: a festival line it cannot read, a date that does not exist, a
// weekday or day count that disagrees with the dates is a problem, and any problem means no
// result at all, so a garbled copy cannot slip a wrong day into the working-day calendar.
import type { CalendarYear, HolidayPeriod } from './calendar';
import { dayNumber, dayOfWeek, isLocalDate } from './dates';
import {
  FESTIVAL_NAME,
  HAS_DAY,
  HAS_KEYWORD,
  englishName,
  normaliseBody,
  normaliseLine,
  readHolidaySentence,
  readHolidayTail,
  readWorkdaySentence,
  splitNumbering,
  trimLine,
  type WrittenDate,
} from './holidayNoticeText';

export const NOTICE_PROBLEM_CODES = [
  'no_year',
  'year_mismatch',
  'nothing_found',
  'unreadable_line',
  'bad_date',
  'date_outside_year',
  'weekday_mismatch',
  'day_count_mismatch',
  'cross_year_without_year',
  'range_reversed',
  'make_up_not_weekend',
  'make_up_on_holiday',
  'holidays_overlap',
] as const;
export type NoticeProblemCode = (typeof NOTICE_PROBLEM_CODES)[number];

export const NOTICE_NOTE_CODES = ['advice_not_holiday'] as const;
export type NoticeNoteCode = (typeof NOTICE_NOTE_CODES)[number];

export interface NoticeProblem {
  /** 1-based line in the pasted text; 0 for the text as a whole. */
  line: number;
  /** That line, trimmed; '' for line 0. */
  text: string;
  code: NoticeProblemCode;
  params?: Record<string, string | number>;
}

/** Information for the administrator that does not stop the notice from being used. */
export interface NoticeNote {
  line: number;
  text: string;
  code: NoticeNoteCode;
  params?: Record<string, string | number>;
}

export type HolidayNoticeResult =
  { ok: true; year: CalendarYear; notes: NoticeNote[] } | { ok: false; problems: NoticeProblem[] };

interface Line {
  line: number;
  text: string;
  /** Normalised, numbering removed. */
  body: string;
  numbered: boolean;
}

interface Found {
  holidays: { period: HolidayPeriod; line: Line }[];
  workdays: { date: string; line: Line }[];
}

type Report = (code: NoticeProblemCode, params?: Record<string, string | number>) => void;

// Where the notice names its year: the title and the first sentence. The signature's date
// (国务院办公厅 2024年11月12日) is the year before, so a bare "YYYY年" is never taken.
const YEAR_PATTERNS = [/关于(\d{4})年部分节假日/, /(\d{4})年部分节假日安排/, /现将(\d{4})年/];

/** The notice as a CalendarYear, or every problem found in it. */
export function parseHolidayNotice(text: string, year?: number): HolidayNoticeResult {
  const lines = text.split(/\r\n|[\r\n\u2028\u2029]/).map((raw, i): Line => {
    const { numbered, body } = splitNumbering(normaliseLine(raw));
    return { line: i + 1, text: trimLine(raw), body: normaliseBody(body), numbered };
  });
  const problems: NoticeProblem[] = [];
  const notes: NoticeNote[] = [];
  const noticeYear = findYear(lines, year, problems);
  if (!lines.some(isFestivalLine)) problems.push(wholeText('nothing_found'));
  if (noticeYear === undefined || problems.length > 0) return { ok: false, problems };

  const found: Found = { holidays: [], workdays: [] };
  for (const l of lines) {
    const report: Report = (code, params) =>
      problems.push({ line: l.line, text: l.text, code, ...(params ? { params } : {}) });
    if (isFestivalLine(l)) readFestivalLine(l, noticeYear, found, notes, report);
    else if (mentionsDay(l.body)) readStandaloneLine(l, notes, report);
  }
  checkTogether(found, problems);
  if (problems.length > 0) return { ok: false, problems };

  const holidays = found.holidays
    .map((h) => h.period)
    .sort((a, b) => dayNumber(a.from) - dayNumber(b.from));
  const makeUpWorkdays = [...new Set(found.workdays.map((w) => w.date))].sort();
  return { ok: true, year: { year: noticeYear, holidays, makeUpWorkdays }, notes };
}

function wholeText(code: NoticeProblemCode, params?: Record<string, number>): NoticeProblem {
  return { line: 0, text: '', code, ...(params ? { params } : {}) };
}

/** The year the text names, checked against the one given; problems go to `problems`. */
function findYear(
  lines: Line[],
  given: number | undefined,
  problems: NoticeProblem[],
): number | undefined {
  let year = given;
  for (const l of lines) {
    for (const re of YEAR_PATTERNS) {
      const found = re.exec(l.body);
      if (!found) continue;
      const y = Number(found[1]);
      if (year === undefined) year = y;
      else if (y !== year) {
        problems.push({
          line: l.line,
          text: l.text,
          code: 'year_mismatch',
          params: { found: y, expected: year },
        });
      }
      break;
    }
  }
  if (year === undefined) problems.push(wholeText('no_year'));
  return year;
}

function mentionsDay(body: string): boolean {
  return HAS_DAY.test(body) && HAS_KEYWORD.test(body);
}

/**
 * A numbered line that says anything about days, or 「名称：…」 whose part after the colon
 * does. Page furniture such as 「成文日期：2024年11月12日」 has a day but no keyword.
 */
function isFestivalLine(l: Line): boolean {
  const colon = l.body.indexOf('：');
  if (l.numbered) return colon >= 0 || HAS_DAY.test(l.body) || HAS_KEYWORD.test(l.body);
  return colon >= 0 && mentionsDay(l.body.slice(colon + 1));
}

function sentencesOf(s: string): string[] {
  return s.split(/[。；]/).filter((x) => x !== '');
}

// Sentences with no day in them that change nothing: one-day festivals end with these.
const HARMLESS = ['不调休', '与周末连休'];

/** 「鼓励各单位…安排职工在除夕（2月9日）休息」: advice to employers, not a day off. */
function isAdvice(s: string): boolean {
  return s.includes('鼓励') && s.includes('休息');
}

function adviceNote(l: Line, sentence: string): NoticeNote {
  return { line: l.line, text: l.text, code: 'advice_not_holiday', params: { sentence } };
}

function readFestivalLine(
  l: Line,
  year: number,
  found: Found,
  notes: NoticeNote[],
  report: Report,
): void {
  const colon = l.body.indexOf('：');
  const name = l.body.slice(0, colon);
  if (colon < 0 || !FESTIVAL_NAME.test(name)) return report('unreadable_line');
  const ranges: { from: WrittenDate; to?: WrittenDate; counts: number[] }[] = [];
  const workdays: WrittenDate[] = [];
  const lineNotes: NoticeNote[] = [];
  for (const s of sentencesOf(l.body.slice(colon + 1))) {
    const holiday = readHolidaySentence(s);
    const counts = holiday && readHolidayTail(holiday.tail);
    const days = readWorkdaySentence(s);
    if (holiday && counts) ranges.push({ ...holiday, counts });
    else if (days) workdays.push(...days);
    else if (isAdvice(s)) lineNotes.push(adviceNote(l, s));
    else if (!HARMLESS.includes(s) && (/\d/.test(s) || HAS_KEYWORD.test(s))) {
      // One problem per line, naming the first sentence that could not be read.
      return report('unreadable_line', { sentence: s });
    }
  }
  // A festival line that gives no days off was not understood, whatever else it says.
  // Dates are checked only once the whole line has been read, so a line has one problem or
  // the dates' own problems, never both.
  if (ranges.length === 0) return report('unreadable_line');
  for (const r of ranges) {
    const period = toPeriod(name, r.from, r.to, r.counts, year, report);
    if (period) found.holidays.push({ period, line: l });
  }
  for (const w of workdays) {
    const date = toDate(w, year, year, report);
    if (date === undefined) continue;
    const dow = dayOfWeek(date);
    if (dow !== 0 && dow !== 6) report('make_up_not_weekend', { date });
    found.workdays.push({ date, line: l });
  }
  notes.push(...lineNotes);
}

/** A line outside the festival lines that talks about days off: only advice is understood. */
function readStandaloneLine(l: Line, notes: NoticeNote[], report: Report): void {
  const advice = sentencesOf(l.body).filter((s) => HAS_DAY.test(s) && isAdvice(s));
  const other = sentencesOf(l.body).find((s) => HAS_DAY.test(s) && !isAdvice(s));
  if (other !== undefined) report('unreadable_line', { sentence: other });
  else notes.push(...advice.map((s) => adviceNote(l, s)));
}

/**
 * A written date as 'YYYY-MM-DD'. What it leaves out comes from the context (`year`, and
 * `month` for a range's end). Reports and returns undefined if the day does not exist, the
 * weekday in the bracket is wrong, or an explicit year is neither the notice's nor December
 * of the year before (元旦 may start, and be made up for, then).
 */
function toDate(
  w: WrittenDate,
  year: number,
  noticeYear: number,
  report: Report,
  month?: number,
): string | undefined {
  const y = w.year ?? year;
  const m = w.month ?? month ?? 0;
  const date = `${y}-${String(m).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
  if (!isLocalDate(date)) return void report('bad_date', { date });
  if (y !== noticeYear && !(y === noticeYear - 1 && m === 12)) {
    return void report('date_outside_year', { date, year: noticeYear });
  }
  if (w.weekday && w.weekday.day !== dayOfWeek(date)) {
    return void report('weekday_mismatch', {
      date,
      written: w.weekday.written,
      dayOfWeek: dayOfWeek(date),
    });
  }
  return date;
}

function toPeriod(
  name: string,
  fromW: WrittenDate,
  toW: WrittenDate | undefined,
  counts: number[],
  year: number,
  report: Report,
): HolidayPeriod | undefined {
  const from = toDate(fromW, year, year, report);
  // The end's year is the start's unless written: 「2022年12月31日至2023年1月2日」.
  const to = toW ? toDate(toW, Number(from?.slice(0, 4) ?? year), year, report, fromW.month) : from;
  if (from === undefined || to === undefined) return undefined;
  const length = dayNumber(to) - dayNumber(from) + 1;
  if (length < 1) {
    const crossYear = toW?.year === undefined && (toW?.month ?? 13) < (fromW.month ?? 0);
    return void report(crossYear ? 'cross_year_without_year' : 'range_reversed', { from, to });
  }
  if (Number(to.slice(0, 4)) !== year) {
    return void report('date_outside_year', { date: to, year });
  }
  for (const written of counts) {
    if (written !== length) return void report('day_count_mismatch', { from, to, written, length });
  }
  return { name, nameEn: englishName(name), from, to };
}

/** Checks across lines: periods that overlap, make-up days that fall on a day off. */
function checkTogether(found: Found, problems: NoticeProblem[]): void {
  const off = new Map<number, HolidayPeriod>();
  for (const { period, line } of found.holidays) {
    for (let n = dayNumber(period.from); n <= dayNumber(period.to); n++) {
      const other = off.get(n);
      if (other) {
        problems.push({
          line: line.line,
          text: line.text,
          code: 'holidays_overlap',
          params: { name: period.name, other: other.name },
        });
        break;
      }
      off.set(n, period);
    }
  }
  for (const { date, line } of found.workdays) {
    const holiday = off.get(dayNumber(date));
    if (holiday) {
      problems.push({
        line: line.line,
        text: line.text,
        code: 'make_up_on_holiday',
        params: { date, name: holiday.name },
      });
    }
  }
}
