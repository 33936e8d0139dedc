// How a served queue ticket reads on the case (timeline, facts) and on the calling panel:
// 'A023 · 2 号窗口 · 等候 12 分 30 秒 · 办理 17 分 20 秒'. Words from locales/*/queue.json.
import type { TFunction } from 'i18next';

/** Seconds as people say them: 45 秒 · 12 分 30 秒 · 1 小时 5 分. */
export function durationText(t: TFunction, seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return t('queue:duration.seconds', { s });
  if (s < 3600) return t('queue:duration.minutes', { m: Math.floor(s / 60), s: s % 60 });
  return t('queue:duration.hours', { h: Math.floor(s / 3600), m: Math.floor((s % 3600) / 60) });
}

export interface ServedTicketLike {
  number: string;
  window: string;
  waitingSeconds: number;
  servingSeconds: number;
}

/** The window's number when the settings know the station, else its code (never a blank). */
export function ticketSummary(
  t: TFunction,
  k: ServedTicketLike,
  windowNumber: (station: string) => number | undefined = () => undefined,
): string {
  return t('queue:summary', {
    number: k.number,
    window: windowNumber(k.window) ?? k.window,
    waiting: durationText(t, k.waitingSeconds),
    serving: durationText(t, k.servingSeconds),
  });
}
