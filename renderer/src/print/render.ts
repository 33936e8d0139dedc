// renderDocument: a template plus plain data → one standalone HTML document (inline CSS,
// embedded fonts, no script, no network) and the paper spec the host prints it on.
import { createElement, type ComponentType } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { PrintContext } from './context';
import { makePrintContext } from './texts';
import type { PrintLocale } from './chineseDate';
import { fontFaceCss, fontStack, titleStack, type FontSource, type PrintFont } from './fonts';
import { pageRule, toSpec, type Paper, type PaperSpec } from './paper';
import { baseCss } from './styles';

export interface PrintTemplate<D> {
  id: string;
  /** Key in print.json of the paper's name (used as the HTML title). */
  titleKey: string;
  paper: Paper;
  /** Extra CSS of this template. */
  css?: string;
  Component: ComponentType<{ data: D }>;
}

export interface RenderOptions {
  locale?: PrintLocale;
  font?: PrintFont;
  /** Where the bundled font's faces come from; absent = rely on installed fonts only. */
  fontSource?: FontSource;
  /** Overrides the template's paper (certificate stock size is a setting). */
  paper?: Paper;
}

export interface RenderedDocument {
  html: string;
  paper: PaperSpec;
}

const BOLD_TAGS = /<(h1|h2|h3|th|strong|b)\b[^>]*>([\s\S]*?)<\/\1>/g;

/** The text inside bold elements, so only those characters pull in the bold font faces. */
export function boldTextOf(markup: string): string {
  let out = '';
  for (const m of markup.matchAll(BOLD_TAGS)) out += (m[2] ?? '').replace(/<[^>]*>/g, '');
  return out;
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Origins a font URL may come from (data: always); a srcdoc frame has none of its own. */
function fontOrigins(source: FontSource | undefined): string {
  const first = source?.faces[0];
  if (!source || !first) return '';
  const src = source.src(first);
  if (src.startsWith('data:')) return '';
  try {
    return ` ${new URL(src).origin}`;
  } catch {
    return '';
  }
}

export function assembleDocument(args: {
  title: string;
  lang: string;
  css: string;
  body: string;
  fontSource?: FontSource;
}): string {
  const csp =
    `default-src 'none'; style-src 'unsafe-inline'; img-src data:; ` +
    `font-src data:${fontOrigins(args.fontSource)}`;
  return (
    `<!DOCTYPE html><html lang="${args.lang}"><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="${csp}">` +
    `<title>${escapeHtml(args.title)}</title><style>${args.css}</style></head>` +
    `<body>${args.body}</body></html>`
  );
}

export function renderDocument<D>(
  template: PrintTemplate<D>,
  data: D,
  options: RenderOptions = {},
): RenderedDocument {
  const locale = options.locale ?? 'zh-CN';
  const font = options.font ?? 'bundled';
  const paper = options.paper ?? template.paper;
  const ctx = makePrintContext(locale);
  const body = renderToStaticMarkup(
    createElement(
      PrintContext.Provider,
      { value: ctx },
      createElement(template.Component, { data }),
    ),
  );
  const faces = options.fontSource
    ? fontFaceCss(options.fontSource, ctx.t(template.titleKey) + body, boldTextOf(body))
    : '';
  const css = [
    faces,
    pageRule(paper),
    baseCss(paper, fontStack(font), titleStack(font)),
    template.css ?? '',
  ].join('\n');
  const html = assembleDocument({
    title: ctx.t(template.titleKey),
    lang: locale,
    css,
    body,
    fontSource: options.fontSource,
  });
  return { html, paper: toSpec(paper) };
}

/** The data type a template takes. */
export type DataOf<T> = T extends PrintTemplate<infer D> ? D : never;
