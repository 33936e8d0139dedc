// The monthly ranking and its red list / black list (红黑榜). The rules are data so that the
// bureau can set its own thresholds; the defaults are a starting point, not a regulation.
import type { GroupFigures } from './stats';

export interface RankingRules {
  /** Fewer cases taken in and concluded than this: not ranked (too few to judge fairly). */
  minCases: number;
  red: {
    minOnTimeRate: number;
    maxOverdue: number;
    maxBadRatingRate: number;
    /** At most this many on the red list, best first. */
    size: number;
  };
  black: {
    /** Any one of these puts a name on the black list. */
    belowOnTimeRate: number;
    overdueAtLeast: number;
    badRatingRateAbove: number;
  };
}

export const defaultRankingRules: RankingRules = {
  minCases: 3,
  red: { minOnTimeRate: 0.95, maxOverdue: 0, maxBadRatingRate: 0, size: 3 },
  black: { belowOnTimeRate: 0.8, overdueAtLeast: 3, badRatingRateAbove: 0.1 },
};

export type BlackReason = 'onTimeRate' | 'overdue' | 'badRatingRate';

export interface RankedRow {
  rank: number;
  row: GroupFigures;
  list: 'red' | 'black' | null;
  blackReasons: BlackReason[];
}

export interface Ranking {
  ranked: RankedRow[];
  /** Names with too few cases to rank. */
  unranked: GroupFigures[];
  red: RankedRow[];
  /** Worst first. */
  black: RankedRow[];
}

/** Best first: on-time rate, then fewer overdue, then fewer average days, then more cases. */
function compare(a: GroupFigures, b: GroupFigures): number {
  const rate = (x: GroupFigures) => x.onTimeRate ?? -1;
  return (
    rate(b) - rate(a) ||
    a.overdue - b.overdue ||
    (a.averageWorkingDays ?? Infinity) - (b.averageWorkingDays ?? Infinity) ||
    b.takenIn - a.takenIn ||
    a.name.localeCompare(b.name, 'zh-CN')
  );
}

export function blackReasons(row: GroupFigures, rules: RankingRules): BlackReason[] {
  const reasons: BlackReason[] = [];
  if (row.onTimeRate !== null && row.onTimeRate < rules.black.belowOnTimeRate) {
    reasons.push('onTimeRate');
  }
  if (row.overdue >= rules.black.overdueAtLeast) reasons.push('overdue');
  if (row.badRatingRate !== null && row.badRatingRate > rules.black.badRatingRateAbove) {
    reasons.push('badRatingRate');
  }
  return reasons;
}

function qualifiesRed(row: GroupFigures, rules: RankingRules): boolean {
  return (
    row.onTimeRate !== null &&
    row.onTimeRate >= rules.red.minOnTimeRate &&
    row.overdue <= rules.red.maxOverdue &&
    (row.badRatingRate ?? 0) <= rules.red.maxBadRatingRate
  );
}

export function rank(
  rows: readonly GroupFigures[],
  rules: RankingRules = defaultRankingRules,
): Ranking {
  const rankable = rows.filter((r) => r.takenIn + r.concluded >= rules.minCases);
  const unranked = rows.filter((r) => r.takenIn + r.concluded < rules.minCases);
  const sorted = [...rankable].sort(compare);
  let reds = 0;
  const ranked = sorted.map((row, i): RankedRow => {
    const reasons = blackReasons(row, rules);
    let list: RankedRow['list'] = null;
    if (reasons.length > 0) list = 'black';
    else if (reds < rules.red.size && qualifiesRed(row, rules)) {
      list = 'red';
      reds += 1;
    }
    return { rank: i + 1, row, list, blackReasons: reasons };
  });
  return {
    ranked,
    unranked,
    red: ranked.filter((r) => r.list === 'red'),
    black: ranked.filter((r) => r.list === 'black').reverse(),
  };
}

/** Checks edited rules; an empty list means they can be saved. */
export function validateRankingRules(rules: RankingRules): string[] {
  const bad: string[] = [];
  const rate = (x: number) => Number.isFinite(x) && x >= 0 && x <= 1;
  const count = (x: number) => Number.isInteger(x) && x >= 0;
  if (!count(rules.minCases)) bad.push('minCases');
  if (!rate(rules.red.minOnTimeRate)) bad.push('red.minOnTimeRate');
  if (!count(rules.red.maxOverdue)) bad.push('red.maxOverdue');
  if (!rate(rules.red.maxBadRatingRate)) bad.push('red.maxBadRatingRate');
  if (!count(rules.red.size)) bad.push('red.size');
  if (!rate(rules.black.belowOnTimeRate)) bad.push('black.belowOnTimeRate');
  if (!count(rules.black.overdueAtLeast) || rules.black.overdueAtLeast < 1) {
    bad.push('black.overdueAtLeast');
  }
  if (!rate(rules.black.badRatingRateAbove)) bad.push('black.badRatingRateAbove');
  return bad;
}
