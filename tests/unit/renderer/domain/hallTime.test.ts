// The hall's wall clock on papers: Asia/Shanghai, whatever zone the machine is set to. The test
// sets the process to New York (a zone with daylight saving, 12–13 hours behind) and checks that
// the machine's own clock really differs before checking the hall's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hallDateTime, toLocalDate } from '../../../../renderer/src/domain/dates';
import { newCounsellingId } from '../../../../renderer/src/features/counselling/model';

const saved = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'America/New_York';
});
afterAll(() => {
  if (saved === undefined) delete process.env.TZ;
  else process.env.TZ = saved;
});

describe('hallDateTime', () => {
  it('gives Beijing time on a machine set to New York', () => {
    const at = new Date('2026-03-02T02:05:00.000Z');
    // The machine's zone is New York: its wall clock shows the evening before.
    expect([at.getDate(), at.getHours(), at.getMinutes()]).toEqual([1, 21, 5]);
    expect(hallDateTime(at)).toBe('2026-03-02T10:05');
    expect(hallDateTime('2026-03-02T02:05:00.000Z')).toBe('2026-03-02T10:05');
  });

  it('turns the date at Beijing midnight, and agrees with the domain’s local date', () => {
    for (const [iso, wall] of [
      ['2025-12-31T15:59:00.000Z', '2025-12-31T23:59'],
      ['2025-12-31T16:00:00.000Z', '2026-01-01T00:00'],
      // New York's clocks change on 2026-03-08; Beijing's never do.
      ['2026-03-08T06:30:00.000Z', '2026-03-08T14:30'],
      ['2026-07-01T00:00:00.000Z', '2026-07-01T08:00'],
    ] as const) {
      expect(hallDateTime(iso), iso).toBe(wall);
      expect(toLocalDate(iso)).toBe(wall.slice(0, 10));
    }
  });

  it('stamps the printed counselling number with the hall’s date and time', () => {
    // 23:30 on 28 November in New York is 12:30 on the 29th in Beijing.
    const at = new Date('2026-11-29T04:30:09Z');
    expect(at.getDate()).toBe(28);
    expect(newCounsellingId('HJ01', at, () => 0)).toBe('FDHJ0120261129123009000');
  });

  it('refuses what is not an instant', () => {
    expect(() => hallDateTime('yesterday')).toThrow(/yesterday/);
  });
});
