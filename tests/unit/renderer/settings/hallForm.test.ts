// The enrolment form's checks: each wrong input has its own sentence (a key present in both
// languages), the code is accepted as people type it, and in Electron a typed fingerprint that
// differs from the one the server shows stops the enrolment before anything is sent.
import { describe, expect, it } from 'vitest';
import {
  emptyHallForm,
  hallFormProblems,
  needsFingerprint,
  normaliseEnrolCode,
} from '../../../../renderer/src/features/settings/hallForm';
import { flatten } from '../../../../renderer/src/app/i18n';
import zh from '../../../../renderer/src/locales/zh-CN/sync.json';
import en from '../../../../renderer/src/locales/en/sync.json';

const FP = 'ab'.repeat(32);
const typedFp = (FP.toUpperCase().match(/../g) ?? []).join(':');
const good = {
  ...emptyHallForm,
  serverUrl: 'https://192.168.1.10:8443',
  label: '2号窗口',
  code: 'ABCD-EFGH-JK23',
  fingerprint: typedFp,
};

describe('hall enrolment form', () => {
  it('accepts the code as typed: lower case, spaces, no dashes', () => {
    expect(normaliseEnrolCode('abcd efgh jk23')).toBe('ABCD-EFGH-JK23');
    expect(normaliseEnrolCode('abcdefghjk23')).toBe('ABCD-EFGH-JK23');
    expect(normaliseEnrolCode('abc-12')).toBe('ABC-12');
  });

  it('names each wrong field with a sentence that exists in both languages', () => {
    const problems = hallFormProblems(
      { ...emptyHallForm, serverUrl: 'http://192.168.1.10', code: 'abc' },
      true,
      null,
    );
    expect(problems).toEqual({
      serverUrl: 'settings.error.insecure_address',
      label: 'settings.problem.labelEmpty',
      code: 'settings.problem.codeFormat',
    });
    expect(hallFormProblems({ ...good, serverUrl: '' }, true, null).serverUrl).toBe(
      'settings.problem.serverUrlEmpty',
    );
    expect(hallFormProblems({ ...good, serverUrl: 'hall:8443' }, true, null).serverUrl).toBe(
      'settings.error.bad_address',
    );
    expect(hallFormProblems({ ...good, fingerprint: 'AB:CD' }, true, null).fingerprint).toBe(
      'settings.problem.fingerprintFormat',
    );
    const zhKeys = flatten(zh);
    const enKeys = flatten(en);
    for (const key of [
      'settings.error.insecure_address',
      'settings.error.bad_address',
      'settings.problem.labelEmpty',
      'settings.problem.codeFormat',
      'settings.problem.serverUrlEmpty',
      'settings.problem.fingerprintFormat',
      'settings.problem.fingerprintDiffers',
    ]) {
      expect(zhKeys[key], key).toBeTruthy();
      expect(enKeys[key], key).toBeTruthy();
    }
    expect(
      Object.keys(zhKeys)
        .filter((k) => !k.startsWith('status.pending'))
        .sort(),
    ).toEqual(
      Object.keys(enKeys)
        .filter((k) => !k.startsWith('status.pending'))
        .sort(),
    );
  });

  it('in Electron over https: the fingerprint is required and must match the one the server shows', () => {
    expect(needsFingerprint(good.serverUrl, true)).toBe(true);
    expect(needsFingerprint(good.serverUrl, false)).toBe(false); // a browser checks it itself
    expect(needsFingerprint('http://127.0.0.1:8080', true)).toBe(false); // loopback
    expect(hallFormProblems(good, true, FP)).toEqual({});
    expect(hallFormProblems(good, true, 'cd'.repeat(32))).toEqual({
      fingerprint: 'settings.problem.fingerprintDiffers',
    });
    expect(hallFormProblems({ ...good, fingerprint: '' }, false, null)).toEqual({});
  });
});
