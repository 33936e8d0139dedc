// Text-level readers for the State Council's holiday notice (holidayNotice.ts does the rules):
// clean-up of what a web page copy gives, line numbering, dates with their bracket notes, and
// festival names. Nothing here decides whether a line is right; it only reads it or says it can't.

/** Characters a copied page may hold in place of the notice's own punctuation. */
const SAME_AS: [RegExp, string][] = [
  [/[:∶﹕]/g, '：'],
  [/[(﹙]/g, '（'],
  [/[)﹚]/g, '）'],
  [/[,﹐]/g, '，'],
  [/[､﹑]/g, '、'],
  [/[;﹔]/g, '；'],
  [/｡/g, '。'],
];

/**
 * Full-width digits to ASCII, all white space removed (the notice's Chinese has no meaningful
 * spaces; NBSP, U+3000 and tabs are copy artefacts) and punctuation in one form. Full stops
 * and dashes are left alone here because "1." may still be a line number: see `normaliseBody`.
 */
export function normaliseLine(raw: string): string {
  let s = raw
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u200b-\u200d\ufeff]/g, '');
  for (const [re, to] of SAME_AS) s = s.replace(re, to);
  return s;
}

/** The original line without surrounding white space (NBSP, U+3000, zero-width too). */
export function trimLine(raw: string): string {
  return raw.replace(/^[\s\u200b-\u200d\ufeff]+|[\s\u200b-\u200d\ufeff]+$/g, '');
}

const NUMBERING =
  /^(?:[一二三四五六七八九十]{1,3}[、.．]|\d{1,2}[、.．]|（[一二三四五六七八九十\d]{1,3}）)/;

/** Splits off 「一、」「1.」「1、」「（一）」; `numbered` tells whether there was one. */
export function splitNumbering(line: string): { numbered: boolean; body: string } {
  const m = NUMBERING.exec(line);
  return m ? { numbered: true, body: line.slice(m[0].length) } : { numbered: false, body: line };
}

/**
 * After the numbering is gone: a '.' is a full stop unless it sits between digits, and a dash
 * or tilde between two dates means 至.
 */
export function normaliseBody(body: string): string {
  return body
    .replace(/(?<!\d)[.．]|[.．](?!\d)/g, '。')
    .replace(/([日）])(?:[-–—－~～〜]+)(?=\d)/g, '$1至');
}

/** Somewhere in the text there is something that looks like a day: "2月9日", "17日". */
export const HAS_DAY = /\d+日/;
/** Words that only a holiday or working-day sentence uses. */
export const HAS_KEYWORD = /放假|上班|调休|休息/;

/** A date as written: year and month may be left out (then they come from the context). */
export interface WrittenDate {
  year?: number;
  month?: number;
  day: number;
  /** What the bracket says the weekday is (0 = Sunday), with the words as written. */
  weekday?: { day: number; written: string };
}

const WEEKDAY_WORD = /^(?:周|星期|礼拜)(.)$/;
const WEEKDAY_CHARS = '日一二三四五六';

/**
 * Reads the words in a date's bracket: 「周六」「星期日」「农历除夕、周二」. Other words are
 * lunar dates or similar and are ignored; a word that starts like a weekday but isn't one
 * (「周八」) makes the date unreadable (null), as do two different weekdays.
 */
function readAnnotation(note: string): WrittenDate['weekday'] | null {
  let weekday: WrittenDate['weekday'];
  for (const word of note.split(/[、，]/)) {
    if (!/^(?:周|星期|礼拜)/.test(word)) continue;
    const ch = WEEKDAY_WORD.exec(word)?.[1] ?? '';
    const day = ch === '天' ? 0 : WEEKDAY_CHARS.indexOf(ch);
    if (!ch || day < 0 || (weekday && weekday.day !== day)) return null;
    weekday = { day, written: word };
  }
  return weekday;
}

// 「2022年12月31日（周六）」; in a range's end the month may be left out: 「至17日」.
const DATE_SRC = '(?:(\\d{4})年)?(\\d{1,2})月(\\d{1,2})日(?:（([^（）]*)）)?';
const END_SRC = '(?:(\\d{4})年)?(?:(\\d{1,2})月)?(\\d{1,2})日(?:（([^（）]*)）)?';

function toWritten(groups: (string | undefined)[]): WrittenDate | null {
  const [y, mo, d, note] = groups;
  const weekday = note === undefined ? undefined : readAnnotation(note);
  if (weekday === null) return null;
  return {
    ...(y ? { year: Number(y) } : {}),
    ...(mo ? { month: Number(mo) } : {}),
    day: Number(d),
    ...(weekday ? { weekday } : {}),
  };
}

const HOLIDAY_RE = new RegExp(`^${DATE_SRC}(?:至${END_SRC})?放假(.*)$`);

/** 「<date>[至<date>]放假<tail>」, or null if the sentence is not of that shape. */
export function readHolidaySentence(
  s: string,
): { from: WrittenDate; to?: WrittenDate; tail: string } | null {
  const m = HOLIDAY_RE.exec(s);
  if (!m) return null;
  const from = toWritten(m.slice(1, 5));
  const to = m[7] === undefined ? undefined : toWritten(m.slice(5, 9));
  if (!from || to === null) return null;
  return { from, ...(to ? { to } : {}), tail: m[9] ?? '' };
}

/**
 * What follows 放假: 「调休」, 「1天」, 「，共8天」, 「，不调休」, 「，与周末连休」. Returns the
 * day counts written (usually one), or null if anything else is there.
 */
export function readHolidayTail(tail: string): number[] | null {
  const m = /^(?:调休)?(?:共?(\d+)天)?((?:，[^，]*)*)$/.exec(tail);
  if (!m) return null;
  const counts = m[1] ? [Number(m[1])] : [];
  for (const clause of (m[2] ?? '').split('，').slice(1)) {
    const count = /^共(\d+)天$/.exec(clause);
    if (count) counts.push(Number(count[1]));
    else if (!['不调休', '与周末连休', '调休'].includes(clause)) return null;
  }
  return counts;
}

const DATE_AT = new RegExp(DATE_SRC, 'y');

/** 「1月26日（周日）、2月8日（周六）上班」 (also joined by ，和及), or null. */
export function readWorkdaySentence(s: string): WrittenDate[] | null {
  if (!s.endsWith('上班')) return null;
  const list = s.slice(0, -'上班'.length);
  const dates: WrittenDate[] = [];
  let at = 0;
  for (;;) {
    DATE_AT.lastIndex = at;
    const m = DATE_AT.exec(list);
    const date = m && toWritten(m.slice(1, 5));
    if (!m || !date) return null;
    dates.push(date);
    at = DATE_AT.lastIndex;
    if (at === list.length) return dates;
    if (!'、，和及'.includes(list.charAt(at))) return null;
    at += 1;
  }
}

// English names as in calendarData.ts.
const NAME_EN: Record<string, string> = {
  元旦: "New Year's Day",
  春节: 'Spring Festival',
  清明节: 'Qingming Festival',
  劳动节: 'Labour Day',
  端午节: 'Dragon Boat Festival',
  中秋节: 'Mid-Autumn Festival',
  国庆节: 'National Day',
};

/** A festival's name: Chinese characters, merged names joined by 、和与 (「国庆节、中秋节」). */
export const FESTIVAL_NAME = /^[\u4e00-\u9fff]{1,10}(?:[、和与][\u4e00-\u9fff]{1,10}){0,3}$/;

/** "National Day and Mid-Autumn Festival"; a name not known is kept as it is, whole. */
export function englishName(name: string): string {
  const parts = name.split(/[、和与]/).map((p) => NAME_EN[p]);
  if (parts.some((p) => p === undefined)) return name;
  const en = parts as string[];
  return en.length === 1 ? en[0]! : `${en.slice(0, -1).join(', ')} and ${en[en.length - 1]}`;
}
