// The fixed wording of the papers lives in locales/*/print.json. Official papers print in
// Chinese; the English file lets the English UI preview them. A plain lookup (no i18next
// instance) keeps rendering synchronous and usable from Node scripts and tests.
import zh from '../locales/zh-CN/print.json';
import en from '../locales/en/print.json';
import { formatDate, formatDateTime, type PrintLocale } from './chineseDate';

type Tree = { [key: string]: string | Tree };

const bundles: Record<PrintLocale, Tree> = { 'zh-CN': zh, en };

export type Vars = Record<string, string | number>;
export type Translate = (key: string, vars?: Vars) => string;

function lookup(tree: Tree, key: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** i18next-style {{name}} interpolation, so the same JSON can be loaded by the app's i18next. */
export function makeTranslate(locale: PrintLocale): Translate {
  return (key, vars) => {
    const text = lookup(bundles[locale], key) ?? lookup(bundles['zh-CN'], key);
    if (text === undefined) throw new Error(`print text missing: ${key}`);
    return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
      const v = vars?.[name];
      if (v === undefined) throw new Error(`print text ${key} needs {{${name}}}`);
      return String(v);
    });
  };
}

export interface PrintContextValue {
  locale: PrintLocale;
  t: Translate;
  date: (iso: string) => string;
  dateTime: (iso: string) => string;
}

export function makePrintContext(locale: PrintLocale): PrintContextValue {
  return {
    locale,
    t: makeTranslate(locale),
    date: (iso) => formatDate(locale, iso),
    dateTime: (iso) => formatDateTime(locale, iso),
  };
}

export function allKeys(tree: Tree = bundles['zh-CN'], prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [prefix + k] : allKeys(v, `${prefix}${k}.`),
  );
}

export { bundles as printBundles };
