// The 红黑榜 rules: who is ranked, in which order, who makes the red list and who the black.
import { describe, expect, it } from 'vitest';
import type { GroupFigures } from '../../../../renderer/src/domain/stats';
import {
  defaultRankingRules,
  rank,
  validateRankingRules,
  type RankingRules,
} from '../../../../renderer/src/domain/statsRanking';

function row(name: string, overrides: Partial<GroupFigures> = {}): GroupFigures {
  return {
    key: name,
    name,
    department: '政务服务科',
    takenIn: 10,
    concluded: 10,
    onTime: 10,
    onTimeRate: 1,
    averageWorkingDays: 2,
    overdue: 0,
    suspended: 0,
    greenChannel: 0,
    ratings: 0,
    badRatings: 0,
    badRatingRate: null,
    uncovered: 0,
    ...overrides,
  };
}

const rules: RankingRules = {
  minCases: 3,
  red: { minOnTimeRate: 0.95, maxOverdue: 0, maxBadRatingRate: 0, size: 2 },
  black: { belowOnTimeRate: 0.8, overdueAtLeast: 2, badRatingRateAbove: 0.1 },
};

describe('ranking', () => {
  it('orders by on-time rate, then overdue, then average days', () => {
    const r = rank(
      [
        row('乙', { onTimeRate: 0.9 }),
        row('甲', { onTimeRate: 1, averageWorkingDays: 3 }),
        row('丙', { onTimeRate: 1, averageWorkingDays: 1.5 }),
        row('丁', { onTimeRate: 0.9, overdue: 1 }),
      ],
      rules,
    );
    expect(r.ranked.map((x) => [x.rank, x.row.name])).toEqual([
      [1, '丙'],
      [2, '甲'],
      [3, '乙'],
      [4, '丁'],
    ]);
  });

  it('limits the red list to its size and keeps people with a bad rating off it', () => {
    const r = rank(
      [
        row('甲'),
        // Why: a perfect on-time record does not earn the red list with an unhappy applicant.
        row('乙', { ratings: 4, badRatings: 0, badRatingRate: 0, averageWorkingDays: 1 }),
        row('丙', { ratings: 20, badRatings: 1, badRatingRate: 0.05, averageWorkingDays: 0.5 }),
        row('丁', { averageWorkingDays: 2.5 }),
      ],
      rules,
    );
    expect(r.red.map((x) => x.row.name)).toEqual(['乙', '甲']);
    expect(r.ranked.find((x) => x.row.name === '丙')?.list).toBeNull();
  });

  it('puts anyone breaking one black rule on the black list with the reasons, worst first', () => {
    const r = rank(
      [
        row('甲'),
        row('乙', { onTimeRate: 0.7 }),
        row('丙', { overdue: 2, onTimeRate: 0.9 }),
        row('丁', { ratings: 5, badRatings: 1, badRatingRate: 0.2 }),
      ],
      rules,
    );
    expect(r.black.map((x) => [x.row.name, x.blackReasons])).toEqual([
      ['乙', ['onTimeRate']],
      ['丙', ['overdue']],
      ['丁', ['badRatingRate']],
    ]);
  });

  it('does not rank names with too few cases', () => {
    // Why: one late case out of one would otherwise put a new clerk on the black list.
    const r = rank([row('甲'), row('新人', { takenIn: 1, concluded: 1, onTimeRate: 0 })], rules);
    expect(r.ranked.map((x) => x.row.name)).toEqual(['甲']);
    expect(r.unranked.map((x) => x.name)).toEqual(['新人']);
    expect(r.black).toEqual([]);
  });

  it('validates edited rules', () => {
    expect(validateRankingRules(defaultRankingRules)).toEqual([]);
    expect(
      validateRankingRules({
        ...defaultRankingRules,
        minCases: -1,
        red: { ...defaultRankingRules.red, minOnTimeRate: 1.5 },
      }),
    ).toEqual(['minCases', 'red.minOnTimeRate']);
  });
});
