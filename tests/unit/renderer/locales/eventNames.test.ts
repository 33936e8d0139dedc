// Every event type the log can hold has a name in both languages (cases.json event.<type>):
// lists that show any event — the flagged actions, the conflict queue, the timeline — never print
// a raw type such as "documentNumberAllocated" on a Chinese screen.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EVENT_REGISTRY } from '../../../../renderer/src/data/eventRegistry';

const dir = join(__dirname, '../../../../renderer/src/locales');
const names = (lang: string) =>
  JSON.parse(readFileSync(join(dir, lang, 'cases.json'), 'utf8')) as Record<string, string>;

describe('event names', () => {
  for (const lang of ['zh-CN', 'en']) {
    it(`${lang}: every registered event type has a name`, () => {
      const texts = names(lang);
      const missing = Object.keys(EVENT_REGISTRY).filter((t) => !texts[`event.${t}`]?.trim());
      expect(missing).toEqual([]);
    });
  }

  it('zh-CN names are Chinese, not the type echoed', () => {
    const texts = names('zh-CN');
    const echoed = Object.keys(EVENT_REGISTRY).filter((t) =>
      /^[\x20-\x7e]+$/.test(texts[`event.${t}`] ?? ''),
    );
    expect(echoed).toEqual([]);
  });
});
