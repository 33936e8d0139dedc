// Every problem the calendar can name has a sentence in both languages: a code without one would
// reach the administrator as a bare key.
import { describe, expect, it } from 'vitest';
import zh from '../../../../renderer/src/locales/zh-CN/calendar.json';
import en from '../../../../renderer/src/locales/en/calendar.json';
import { flatten } from '../../../../renderer/src/app/i18n';
import {
  CALENDAR_PROBLEM_CODES,
  NOTICE_NOTE_CODES,
  NOTICE_PROBLEM_CODES,
} from '../../../../renderer/src/domain';

const zhKeys = flatten(zh);
const enKeys = flatten(en);

describe('calendar texts', () => {
  it.each([
    ...CALENDAR_PROBLEM_CODES.map((c) => `problem.${c}`),
    ...NOTICE_PROBLEM_CODES.map((c) => `noticeProblem.${c}`),
    ...NOTICE_NOTE_CODES.map((c) => `noticeNote.${c}`),
    ...['forbidden_role', 'no_station', 'invalid', 'failed'].map((c) => `refused.${c}`),
    ...['past', 'cases', 'missing'].map((c) => `refused.in_use.${c}`),
  ])('%s is said in Chinese and in English', (key) => {
    expect(zhKeys[key], key).toBeTruthy();
    expect(enKeys[key], key).toBeTruthy();
  });

  it('both languages have the same keys and the same placeholders', () => {
    expect(Object.keys(enKeys).sort()).toEqual(Object.keys(zhKeys).sort());
    const placeholders = (s: string) => [...s.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();
    for (const [key, text] of Object.entries(zhKeys)) {
      expect(placeholders(enKeys[key] ?? ''), key).toEqual(placeholders(text));
    }
  });
});
