// The ranking rules the bureau set on this station, kept in localStorage (a station setting of
// the statistics screen; the defaults apply until someone saves other values).
import {
  defaultRankingRules,
  validateRankingRules,
  type RankingRules,
} from '../../domain/statsRanking';

const KEY = 'ow.stats.rankingRules';

export function loadRankingRules(): RankingRules {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return defaultRankingRules;
    const r = JSON.parse(raw) as RankingRules;
    return validateRankingRules(r).length === 0 ? r : defaultRankingRules;
  } catch {
    return defaultRankingRules;
  }
}

export function saveRankingRules(r: RankingRules): string[] {
  const bad = validateRankingRules(r);
  if (bad.length === 0) localStorage.setItem(KEY, JSON.stringify(r));
  return bad;
}
