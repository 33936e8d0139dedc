// The 红黑榜 rules are station data: only a director or an administrator (as stored, not as the
// screen claims) changes them, bad values are refused with the fields named, and every change is
// in the event log.
import { afterEach, describe, expect, it } from 'vitest';
import type { OneWindowDb } from '../../../../renderer/src/data/db';
import { verifyLog } from '../../../../renderer/src/data/integrity';
import {
  importOldRankingRules,
  loadRankingRules,
  OLD_RULES_STORAGE_KEY,
  RANKING_RULES_KEY,
  saveRankingRules,
} from '../../../../renderer/src/data/rankingRules';
import {
  defaultRankingRules,
  type RankingRules,
} from '../../../../renderer/src/domain/statsRanking';
import { stationDb, stationWithStaff } from './helpers';

const now = new Date('2026-03-02T02:00:00Z');
let db: OneWindowDb;
afterEach(() => db?.close());

/** Stricter than the defaults in every part, so a saved copy is told apart from them. */
const strict = (over: Partial<RankingRules> = {}): RankingRules => ({
  minCases: 5,
  red: { minOnTimeRate: 0.98, maxOverdue: 0, maxBadRatingRate: 0, size: 2 },
  black: { belowOnTimeRate: 0.85, overdueAtLeast: 2, badRatingRateAbove: 0.05 },
  ...over,
});

async function withUsers() {
  const staff = await stationWithStaff(now);
  db = staff.db;
  return staff;
}

describe('ranking rules', () => {
  it('are the defaults until a director saves others; the change is logged and the chain holds', async () => {
    const { director } = await withUsers();
    expect(await loadRankingRules(db)).toEqual(defaultRankingRules);
    const before = await db.events.count();
    expect(await saveRankingRules(db, director, strict(), now)).toEqual({ ok: true });
    expect(await loadRankingRules(db)).toEqual(strict());
    const last = (await db.events.orderBy('pos').last())!;
    expect(await db.events.count()).toBe(before + 1);
    expect(last).toMatchObject({
      type: 'settings.rankingRulesChanged',
      actor: { id: director.id, role: 'director' },
      payload: { rules: strict() },
    });
    expect((await verifyLog(db, now)).ok).toBe(true);
  });

  it('an administrator may; a chief or a clerk may not, even when the screen claims a higher role', async () => {
    const { admin, chief, clerk } = await withUsers();
    expect(await saveRankingRules(db, admin, strict(), now)).toEqual({ ok: true });
    const before = await db.events.count();
    for (const who of [chief, clerk, { ...clerk, role: 'director' }]) {
      expect(await saveRankingRules(db, who, strict({ minCases: 9 }), now)).toEqual({
        ok: false,
        code: 'forbidden_role',
      });
    }
    expect((await loadRankingRules(db)).minCases).toBe(5);
    expect(await db.events.count()).toBe(before);
  });

  it('refuses out-of-range values with the fields named, changing nothing', async () => {
    const { director } = await withUsers();
    const bad = strict({ minCases: -1, red: { ...strict().red, minOnTimeRate: 1.5 } });
    expect(await saveRankingRules(db, director, bad, now)).toEqual({
      ok: false,
      code: 'invalid',
      fields: ['minCases', 'red.minOnTimeRate'],
    });
    expect(await loadRankingRules(db)).toEqual(defaultRankingRules);
  });

  it('a damaged stored row falls back to the defaults instead of ranking by it', async () => {
    db = await stationDb(now);
    await db.settings.put({ key: RANKING_RULES_KEY, value: { minCases: 'many' } });
    expect(await loadRankingRules(db)).toEqual(defaultRankingRules);
  });
});

describe('rules from the version that kept them in localStorage', () => {
  /** A Storage stand-in holding the old key, as the previous version left it. */
  const storageWith = (value: string | null) => {
    const items = new Map<string, string>();
    if (value !== null) items.set(OLD_RULES_STORAGE_KEY, value);
    return {
      getItem: (k: string) => items.get(k) ?? null,
      removeItem: (k: string) => void items.delete(k),
      has: () => items.has(OLD_RULES_STORAGE_KEY),
    };
  };

  it('are imported once by a director (recorded), then removed from the browser', async () => {
    const { director } = await withUsers();
    const storage = storageWith(JSON.stringify(strict()));
    expect(await importOldRankingRules(db, director, storage, now)).toBe('imported');
    expect(await loadRankingRules(db)).toEqual(strict());
    expect(storage.has()).toBe(false);
    expect((await db.events.orderBy('pos').last())?.type).toBe('settings.rankingRulesChanged');
    expect(await importOldRankingRules(db, director, storage, now)).toBe('nothing');
  });

  it('wait for someone allowed; invalid or stale copies are dropped without changing anything', async () => {
    const { chief, director } = await withUsers();
    const storage = storageWith(JSON.stringify(strict()));
    expect(await importOldRankingRules(db, chief, storage, now)).toBe('kept');
    expect(storage.has()).toBe(true);
    expect(await loadRankingRules(db)).toEqual(defaultRankingRules);

    const bad = storageWith(JSON.stringify(strict({ minCases: -3 })));
    expect(await importOldRankingRules(db, director, bad, now)).toBe('nothing');
    expect(bad.has()).toBe(false);
    const broken = storageWith('{ not json');
    expect(await importOldRankingRules(db, director, broken, now)).toBe('nothing');
    expect(await loadRankingRules(db)).toEqual(defaultRankingRules);

    // The station saved its own since: the browser's old copy never overwrites them.
    await saveRankingRules(db, director, strict({ minCases: 7 }), now);
    expect(await importOldRankingRules(db, director, storage, now)).toBe('nothing');
    expect((await loadRankingRules(db)).minCases).toBe(7);
    expect(storage.has()).toBe(false);
  });
});
