// The follow-the-queue page as HTML (扫码查看排队进度, docs/floor.md): one small document, Chinese
// first with the English under it, for a phone — no script, no external asset, no form; it
// refreshes itself by a meta refresh until the ticket reaches a final status. The texts are the
// app's own (renderer/src/locales/*/followPage.json, the business names of the printed ticket
// and the window names of the hall display); every text and value is HTML-escaped once, here.
import { createHash } from 'node:crypto';
import { createInstance, type TFunction } from 'i18next';
import zhFollow from '../../renderer/src/locales/zh-CN/followPage.json';
import enFollow from '../../renderer/src/locales/en/followPage.json';
import zhPrint from '../../renderer/src/locales/zh-CN/print.json';
import enPrint from '../../renderer/src/locales/en/print.json';
import zhScreens from '../../renderer/src/locales/zh-CN/floorScreens.json';
import enScreens from '../../renderer/src/locales/en/floorScreens.json';
import { CHINA_TZ_OFFSET_MINUTES } from '../../renderer/src/domain/dates';
import {
  FOLLOW_REFRESH_SECONDS,
  isFinal,
  type FollowStatus,
  type FollowWindow,
} from '../../renderer/src/domain/floor/follow';
import type { Ticket } from '../../renderer/src/domain/floor/types';

type Json = { [key: string]: string | Json };
function flatten(obj: Json, prefix = '', out: Record<string, string> = {}) {
  for (const [key, value] of Object.entries(obj)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out[full] = value;
    else flatten(value, full, out);
  }
  return out;
}

const i18n = createInstance();
void i18n.init({
  resources: {
    'zh-CN': {
      followPage: flatten(zhFollow),
      print: flatten(zhPrint),
      floorScreens: flatten(zhScreens),
    },
    en: {
      followPage: flatten(enFollow),
      print: flatten(enPrint),
      floorScreens: flatten(enScreens),
    },
  },
  lng: 'zh-CN',
  fallbackLng: 'zh-CN',
  ns: ['followPage', 'print', 'floorScreens'],
  defaultNS: 'followPage',
  keySeparator: false,
  initAsync: false,
  // Escaped once, by esc(), where the text goes into the page.
  interpolation: { escapeValue: false },
});
const zh = i18n.getFixedT('zh-CN');
const en = i18n.getFixedT('en');

/** HTML-escapes a text for an element's content or a quoted attribute. */
export function esc(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;background:#f3f5f8;color:#111;line-height:1.45}
main{max-width:560px;margin:0 auto;padding:20px 18px 32px}
header{background:#0b4f8a;color:#fff;border-radius:14px;padding:16px 18px;margin-bottom:16px}
.hall{margin:0 0 4px;font-size:18px}
h1{margin:0;font-size:30px;font-weight:800}
.en{margin:2px 0 0;font-size:17px;color:#3d4652}
header .en{color:#dce8f5}
section{background:#fff;border-radius:14px;padding:16px 18px;margin-bottom:14px;border:1px solid #d5dbe3}
.label{margin:0 0 4px;font-size:18px;font-weight:700;color:#3d4652}
.number{margin:0;font-size:72px;font-weight:800;letter-spacing:.04em;line-height:1.1}
.value{margin:0;font-size:24px;font-weight:700}
.status .value{font-size:34px}
.s-called{border:3px solid #b3261e;background:#fff4f2}
.s-called .value{color:#b3261e}
.s-serving .value,.s-done .value{color:#1b5e20}
.s-noShow .value,.s-cancelled .value{color:#5f2120}
.green{display:inline-block;margin-top:8px;padding:4px 12px;border-radius:8px;background:#14532d;color:#fff;font-size:20px;font-weight:700}
.hint{margin:8px 0 0;font-size:20px}
.ahead .value{font-size:40px}
.meta{margin:6px 2px;font-size:16px;color:#3d4652}
`;

/** The Content-Security-Policy of the page: nothing but its own inline style, by hash. */
export const FOLLOW_CSP =
  `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'; ` +
  "img-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** 'HH:mm' or 'HH:mm:ss' of an instant on the hall's clock (Asia/Shanghai, no summer time). */
function hallClock(at: Date | string, seconds: boolean): string {
  const ms = new Date(at).getTime() + CHINA_TZ_OFFSET_MINUTES * 60_000;
  return new Date(ms).toISOString().slice(11, seconds ? 19 : 16);
}

/** A Chinese line with its English under it. */
const both = (cls: string, zhText: string, enText: string) =>
  `<p class="${cls}">${esc(zhText)}</p><p class="en" lang="en">${esc(enText)}</p>`;

const windowText = (t: TFunction, w: FollowWindow) =>
  'number' in w
    ? t('floorScreens:display.windowNumber', { number: w.number })
    : t('floorScreens:display.windowCode', { code: w.code });

function statusText(t: TFunction, s: FollowStatus): string {
  switch (s.kind) {
    case 'called':
      return t('floorScreens:display.toWindow', { window: windowText(t, s.window) });
    case 'serving':
    case 'transferredWindow':
      return t(`status.${s.kind}`, { window: windowText(t, s.window) });
    case 'transferredBusiness':
      return t('status.transferredBusiness', {
        business: t(`print:ticket.business.${s.business}`),
      });
    default:
      return t(`status.${s.kind}`);
  }
}

function page(o: { title: string; body: string; refresh: boolean }): string {
  return (
    '<!doctype html>\n<html lang="zh-CN"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    '<meta name="robots" content="noindex, nofollow">' +
    '<meta name="referrer" content="no-referrer">' +
    (o.refresh ? `<meta http-equiv="refresh" content="${FOLLOW_REFRESH_SECONDS}">` : '') +
    `<title>${esc(o.title)}</title><style>${STYLE}</style></head><body><main>${o.body}</main></body></html>\n`
  );
}

const header = (hallName: string) =>
  `<header>${hallName ? `<p class="hall">${esc(hallName)}</p>` : ''}` +
  `<h1>${esc(zh('title'))}</h1><p class="en" lang="en">${esc(en('title'))}</p></header>`;

export interface FollowView {
  hallName: string;
  ticket: Ticket;
  status: FollowStatus;
  now: Date;
}

/** The page of one ticket of today. */
export function followHtml(v: FollowView): string {
  const { ticket, status } = v;
  const final = isFinal(status);
  const business = `print:ticket.business.${ticket.business}`;
  const parts = [
    header(v.hallName),
    '<section class="ticket">',
    both('label', zh('number'), en('number')),
    `<p class="number" data-testid="follow-number">${esc(ticket.number)}</p>`,
    both('value', zh(business), en(business)),
    ticket.green ? `<span class="green">${esc(zh('green'))} · ${esc(en('green'))}</span>` : '',
    '</section>',
    `<section class="status s-${status.kind}" data-testid="follow-status">`,
    both('label', zh('status.label'), en('status.label')),
    both('value', statusText(zh, status), statusText(en, status)),
  ];
  const hint = `hint.${status.kind}`;
  if (i18n.exists(hint, { ns: 'followPage' })) parts.push(both('hint', zh(hint), en(hint)));
  parts.push('</section>');
  if ('ahead' in status) {
    const n = status.ahead;
    parts.push(
      '<section class="ahead" data-testid="follow-ahead">',
      both('label', zh('ahead.label'), en('ahead.label')),
      both('value', zh('ahead.count', { count: n }), en('ahead.count', { count: n })),
      n === 0 ? both('hint', zh('ahead.next'), en('ahead.next')) : '',
      '</section>',
    );
  }
  const issued = hallClock(ticket.issuedAt, false);
  const time = hallClock(v.now, true);
  const seconds = FOLLOW_REFRESH_SECONDS;
  const updated = final ? 'updatedFinal' : 'updatedAt';
  parts.push(
    `<p class="meta">${esc(`${zh('print:ticket.issuedAt')} ${issued}`)} · ` +
      `<span lang="en">${esc(`${en('print:ticket.issuedAt')} ${issued}`)}</span></p>`,
    `<p class="meta" data-testid="follow-updated">${esc(zh(updated, { time, seconds }))}<br>` +
      `<span lang="en">${esc(en(updated, { time, seconds }))}</span></p>`,
    `<p class="meta">${esc(zh('privacy'))}<br><span lang="en">${esc(en('privacy'))}</span></p>`,
  );
  return page({
    title: `${ticket.number} ${zh('title')} · ${en('title')}`,
    body: parts.join(''),
    refresh: !final,
  });
}

/** The page of a refusal: not found (404), too many requests (429), the hall failed (500). */
export function followProblemHtml(kind: 'notFound' | 'busy' | 'failed', hallName = ''): string {
  return page({
    title: `${zh(`${kind}.title`)} · ${en(`${kind}.title`)}`,
    body:
      header(hallName) +
      `<section class="status s-cancelled" data-testid="follow-problem">` +
      both('value', zh(`${kind}.title`), en(`${kind}.title`)) +
      both('hint', zh(`${kind}.what`), en(`${kind}.what`)) +
      '</section>',
    refresh: false,
  });
}
