// The 红黑榜 ranking rules of a station: kept with the station's data (backed up and restored with
// it), changed only by a director or an administrator — checked here against the stored user, not
// only by hiding the button — and every change recorded in the event log with the new rules.
import {
  defaultRankingRules,
  validateRankingRules,
  type RankingRules,
} from '../domain/statsRanking';
import type { OneWindowDb } from './db';
import type { EventActor } from './eventTypes';
import { saveStationSetting } from './stationSettings';

export const RANKING_RULES_KEY = 'stats.rankingRules';

/** Roles that set the ranking rules: the office's head, and the administrator who sets it up. */
export const RANKING_RULE_SETTERS: readonly string[] = ['director', 'admin'];

export async function loadRankingRules(db: OneWindowDb): Promise<RankingRules> {
  const value = (await db.settings.get(RANKING_RULES_KEY))?.value as RankingRules | undefined;
  // Stored rules are checked as they are read: a damaged row never ranks anyone.
  try {
    return value && validateRankingRules(value).length === 0 ? value : defaultRankingRules;
  } catch {
    return defaultRankingRules;
  }
}

/**
 * Rules the previous version kept in the browser's localStorage under this key: imported once
 * into the station's settings by the first director or administrator who opens the statistics
 * (through saveRankingRules, so role-checked and recorded), then removed.
 */
export const OLD_RULES_STORAGE_KEY = 'ow.stats.rankingRules';

export async function importOldRankingRules(
  db: OneWindowDb,
  actor: EventActor,
  storage: Pick<Storage, 'getItem' | 'removeItem'>,
  now = new Date(),
): Promise<'imported' | 'nothing' | 'kept'> {
  const raw = storage.getItem(OLD_RULES_STORAGE_KEY);
  if (raw === null) return 'nothing';
  // The station already has its own rules: the old browser copy is stale.
  if (await db.settings.get(RANKING_RULES_KEY)) {
    storage.removeItem(OLD_RULES_STORAGE_KEY);
    return 'nothing';
  }
  let rules: RankingRules;
  try {
    rules = JSON.parse(raw) as RankingRules;
  } catch {
    storage.removeItem(OLD_RULES_STORAGE_KEY);
    return 'nothing';
  }
  const result = await saveRankingRules(db, actor, rules, now);
  // Invalid values are dropped; a user who may not set rules leaves them for one who may.
  if (result.ok || result.code === 'invalid') storage.removeItem(OLD_RULES_STORAGE_KEY);
  return result.ok ? 'imported' : result.code === 'invalid' ? 'nothing' : 'kept';
}

export type SaveRulesResult =
  | { ok: true }
  | { ok: false; code: 'forbidden_role' | 'no_station' }
  | { ok: false; code: 'invalid'; fields: string[] };

export async function saveRankingRules(
  db: OneWindowDb,
  actor: EventActor,
  rules: RankingRules,
  now = new Date(),
): Promise<SaveRulesResult> {
  const fields = validateRankingRules(rules);
  if (fields.length > 0) return { ok: false, code: 'invalid', fields };
  return saveStationSetting<never>(
    db,
    actor,
    {
      key: RANKING_RULES_KEY,
      roles: RANKING_RULE_SETTERS,
      decide: async () => ({
        value: rules,
        event: { type: 'settings.rankingRulesChanged', payload: { rules } },
      }),
    },
    now,
  );
}
