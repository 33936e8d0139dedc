// Times on screens are the hall's (Beijing time), like every local date of the domain: a PC set to
// another zone (or a test machine on UTC) must not show 01:00 for a case taken in at 09:00.
import { describe, expect, it } from 'vitest';
import { formatTime } from '../../../../renderer/src/features/cases/caseFormat';

describe('formatTime', () => {
  it('shows an instant on the hall clock, in both languages', () => {
    expect(formatTime('2026-12-15T01:00:00Z', 'zh-CN')).toBe('2026/12/15 09:00');
    expect(formatTime('2026-12-15T01:00:00Z', 'en')).toBe('15/12/2026, 09:00');
    // 23:30 UTC is already the next day in the hall.
    expect(formatTime('2026-12-31T23:30:00Z', 'zh-CN')).toBe('2027/01/01 07:30');
  });

  it('leaves a value that is not an instant as it is', () => {
    expect(formatTime('not a time', 'zh-CN')).toBe('not a time');
  });
});
