// Times on screens are the hall's (Beijing time), like every local date of the domain: a PC set to
// another zone (or a test machine on UTC) must not show 01:00 for a case taken in at 09:00.
import { describe, expect, it } from 'vitest';
import { formatClockTime, formatTime } from '../../../../renderer/src/features/cases/caseFormat';

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

describe('formatClockTime', () => {
  it('shows the time of day on the hall clock (a lockout ends at 03:28 in the hall, not 19:28 UTC)', () => {
    expect(formatClockTime('2026-12-01T19:28:00Z', 'zh-CN')).toBe('03:28');
    expect(formatClockTime('2026-12-01T19:28:00Z', 'en')).toBe('03:28');
    expect(formatClockTime('never', 'en')).toBe('never');
  });
});

// Every screen that prints an instant goes through the hall clock: none formats in the PC's zone.
describe('screens', () => {
  it('format no instant with toLocale…String without the hall time zone', async () => {
    const { readFileSync, readdirSync, statSync } = await import('node:fs');
    const { join } = await import('node:path');
    const root = join(import.meta.dirname, '../../../../renderer/src/features');
    const files: string[] = [];
    const walk = (d: string) =>
      readdirSync(d).forEach((f) => {
        const p = join(d, f);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.tsx?$/.test(p)) files.push(p);
      });
    walk(root);
    const offenders = files.flatMap((p) => {
      const lines = readFileSync(p, 'utf8').split('\n');
      return lines.flatMap((line, i) =>
        /new Date\([^)]*\)\.toLocale(Time)?String\(/.test(line) &&
        !lines
          .slice(i, i + 4)
          .join(' ')
          .includes('timeZone')
          ? [`${p.slice(root.length + 1)}:${i + 1}`]
          : [],
      );
    });
    expect(offenders).toEqual([]);
  });
});
