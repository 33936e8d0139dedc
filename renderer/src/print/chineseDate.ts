// Dates on paper. Data carries local dates as ISO strings ('2026-11-29', or with a time
// '2026-11-29T14:30'); official papers print them in Chinese form.

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?/;

interface Parts {
  y: number;
  m: number;
  d: number;
  time: string | null;
}

function parse(iso: string): Parts {
  const match = ISO.exec(iso);
  if (!match) throw new RangeError(`not an ISO date: ${iso}`);
  const [, y, m, d, hh, mm] = match;
  const parts = { y: Number(y), m: Number(m), d: Number(d) };
  // Round-trip through Date.UTC so 2026-02-30 is refused rather than printed.
  const check = new Date(Date.UTC(parts.y, parts.m - 1, parts.d));
  if (check.getUTCMonth() !== parts.m - 1 || check.getUTCDate() !== parts.d) {
    throw new RangeError(`no such day: ${iso}`);
  }
  return { ...parts, time: hh !== undefined && mm !== undefined ? `${hh}:${mm}` : null };
}

/** '2026-11-29' → '2026年11月29日' (no leading zeros, as official papers print it). */
export function formatChineseDate(iso: string): string {
  const { y, m, d } = parse(iso);
  return `${y}年${m}月${d}日`;
}

/** '2026-11-29T14:05' → '2026年11月29日 14:05'. */
export function formatChineseDateTime(iso: string): string {
  const p = parse(iso);
  return p.time ? `${formatChineseDate(iso)} ${p.time}` : formatChineseDate(iso);
}

const MONTHS = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');

/** The English preview's form: '29 Nov 2026'. */
export function formatEnglishDate(iso: string): string {
  const { y, m, d } = parse(iso);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

export type PrintLocale = 'zh-CN' | 'en';

export function formatDate(locale: PrintLocale, iso: string): string {
  return locale === 'zh-CN' ? formatChineseDate(iso) : formatEnglishDate(iso);
}

export function formatDateTime(locale: PrintLocale, iso: string): string {
  const p = parse(iso);
  const date = formatDate(locale, iso);
  return p.time ? `${date} ${p.time}` : date;
}
