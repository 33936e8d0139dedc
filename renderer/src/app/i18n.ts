// i18next set-up. Every JSON file under locales/<lng>/<namespace>.json becomes a namespace;
// nested objects are flattened to dotted keys so both shapes work, and keys are matched whole.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../../electron/contract';

type Json = { [key: string]: string | Json };

const files = import.meta.glob<Json>('../locales/*/*.json', { eager: true, import: 'default' });

export function flatten(obj: Json, prefix = '', out: Record<string, string> = {}) {
  for (const [key, value] of Object.entries(obj)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out[full] = value;
    else flatten(value, full, out);
  }
  return out;
}

export function buildResources() {
  const resources: Record<string, Record<string, Record<string, string>>> = {};
  for (const [path, json] of Object.entries(files)) {
    const match = /locales\/([^/]+)\/([^/]+)\.json$/.exec(path);
    if (!match) continue;
    const [, lng, ns] = match as unknown as [string, string, string];
    (resources[lng] ??= {})[ns] = flatten(json);
  }
  return resources;
}

export async function initI18n(language: Language) {
  const resources = buildResources();
  await i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'zh-CN',
    ns: Object.keys(resources['zh-CN'] ?? { app: {} }),
    defaultNS: 'app',
    keySeparator: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = language;
  return i18next;
}

export async function changeLanguage(language: Language) {
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
}
