// The F1 help is complete: every key a component reacts to goes through the one registry
// (features/shared/shortcuts.ts), every recogniser there belongs to a line of the help, and every line has
// its text in both languages.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  areaOfKey,
  isKey,
  SHORTCUTS,
  type KeyId,
  type KeyLike,
} from '../../../../renderer/src/features/shared/shortcuts';
import zh from '../../../../renderer/src/locales/zh-CN/app.json';
import en from '../../../../renderer/src/locales/en/app.json';

const src = join(__dirname, '../../../../renderer/src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(n) ? [p] : [];
  });
}

const key = (k: Partial<KeyLike>): KeyLike => ({
  key: '',
  code: '',
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...k,
});

describe('keyboard shortcuts', () => {
  it('no component reads a key or a modifier itself: they all ask the registry', () => {
    const reads = /\b(?:e|ev|event)\.(?:key|code|ctrlKey|altKey|metaKey|shiftKey)\b/;
    // Files that handle keys (an error's e.code elsewhere is not a key).
    const handlers = files(src)
      .filter((f) => !f.endsWith(join('shared', 'shortcuts.ts')))
      .filter((f) => /onKeyDown|'keydown'|KeyboardEvent/.test(readFileSync(f, 'utf8')));
    expect(handlers.length).toBeGreaterThanOrEqual(12);
    const offenders = handlers
      .filter((f) => reads.test(readFileSync(f, 'utf8')))
      .map((f) => relative(src, f));
    expect(offenders).toEqual([]);
    // …and the files with key handlers do use it (so the scan above is not vacuous).
    const users = files(src).filter((f) => /isKey\(|areaOfKey\(/.test(readFileSync(f, 'utf8')));
    expect(users.length).toBeGreaterThanOrEqual(11);
  });

  it('every recogniser belongs to a line of the help, and every line reads in both languages', () => {
    const used = new Set(SHORTCUTS.flatMap((s) => s.uses));
    const all: KeyId[] = ['area', 'frame', 'help', 'search', 'enter', 'escape', 'up', 'down'];
    for (const id of all) expect(used).toContain(id);
    for (const s of SHORTCUTS) {
      for (const [lang, m] of [
        ['zh-CN', zh],
        ['en', en],
      ] as const) {
        const texts = m as Record<string, string>;
        expect([lang, s.id, typeof texts[`shortcuts.do.${s.id}`]]).toEqual([lang, s.id, 'string']);
        expect([lang, s.scope, typeof texts[`shortcuts.scope.${s.scope}`]]).toEqual([
          lang,
          s.scope,
          'string',
        ]);
      }
    }
    // The shortcuts the issue found missing are listed.
    const keys = SHORTCUTS.flatMap((s) => s.keys);
    for (const k of ['F1', 'F3', 'Ctrl+F', 'Ctrl+S', 'Ctrl+Enter', 'Alt+1 … Alt+8']) {
      expect(keys).toContain(k);
    }
  });

  it('recognises the keys as the handlers expect them', () => {
    expect(isKey('search', key({ key: 'F3' }))).toBe(true);
    expect(isKey('search', key({ key: 'f', ctrlKey: true }))).toBe(true);
    expect(isKey('save', key({ key: 'S', ctrlKey: true }))).toBe(true);
    expect(isKey('save', key({ key: 's' }))).toBe(false);
    expect(isKey('submit', key({ key: 'Enter', ctrlKey: true }))).toBe(true);
    expect(isKey('enter', key({ key: 'Enter', ctrlKey: true }))).toBe(false);
    // Shift+Enter makes a new line in the certificate check box, it does not check.
    expect(isKey('enter', key({ key: 'Enter', shiftKey: true }))).toBe(false);
    expect(areaOfKey(key({ code: 'Digit3', altKey: true }))).toBe('cases');
    expect(areaOfKey(key({ code: 'Digit9', altKey: true }))).toBeNull();
    expect(isKey('frame', key({ key: 'F1' }))).toBe(true);
  });
});
