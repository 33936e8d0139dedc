// The fold is deterministic: random command sequences through dispatch on a real (fake-indexeddb)
// station; the fold of the log equals the stored read tables byte for byte (canonical JSON), and
// folding again — or with the machine's clock on another day — gives the same bytes.
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OneWindowDb } from '../../../../renderer/src/data/db';
import { dispatch } from '../../../../renderer/src/data/dispatch';
import { foldLog, READ_TABLES, rowBytes } from '../../../../renderer/src/data/fold';
import { recordRating } from '../../../../renderer/src/data/followUps';
import type { Actor, Command } from '../../../../renderer/src/domain';
import { casePool, commandStep } from '../domain/commandPool';
import { fuzzOptions } from '../../security/fuzzConfig';
import { stationDb } from './helpers';

const pool = ['c1', 'c2'].flatMap((id) => casePool(id, ''));
const step = commandStep(pool, { happy: 30, maxDays: 3 });

const now0 = Date.parse('2026-03-02T02:00:00Z');
const actorOf = (role: Actor['role']): Actor => ({ id: `u-${role}`, name: role, role });

/** Every read table as stored, in canonical bytes, sorted by key. */
async function stored(db: OneWindowDb) {
  const kept = { users: new Map((await db.users.toArray()).map((u) => [u.id, u])) };
  const bytes: Record<string, string[]> = {};
  for (const t of READ_TABLES) {
    const rows = (await db.table(t).toArray()) as { id?: string; key?: string }[];
    bytes[t] = rows
      .sort((a, b) => String(a.id ?? a.key).localeCompare(String(b.id ?? b.key)))
      .map(rowBytes);
  }
  return { bytes, kept };
}

const folded = (fold: ReturnType<typeof foldLog>) =>
  Object.fromEntries(READ_TABLES.map((t) => [t, fold.tables[t].map((r) => rowBytes(r.row))]));

afterEach(() => vi.useRealTimers());

describe('fold determinism', () => {
  it('the fold of the log is the stored tables, and the same bytes again on another day', async () => {
    const reached = new Set<string>();
    await fc.assert(
      fc.asyncProperty(
        fc.array(step, { minLength: 30, maxLength: 120, size: 'max' }),
        async (steps) => {
          const db = await stationDb(new Date(now0));
          try {
            let day = 0;
            for (const { command, role, dayOffset } of steps) {
              day += dayOffset;
              const now = new Date(now0 + day * 86_400_000);
              const options = { actor: actorOf(role), now };
              // A bad rating goes through the data layer's rating door: it opens a follow-up too.
              const r =
                command.type === 'ratingRecorded'
                  ? await recordRating(
                      db,
                      command as Extract<Command, { type: 'ratingRecorded' }>,
                      options,
                    )
                  : await dispatch(db, command, options);
              if (r.ok && r.state) reached.add(r.state.status);
            }
            const { bytes, kept } = await stored(db);
            const events = await db.events.orderBy('pos').toArray();
            const first = foldLog(events, { kept });
            expect(folded(first)).toEqual(bytes);
            expect(first.report).toEqual([]);
            // Again, with the machine's clock a year and a half on.
            vi.useFakeTimers({ toFake: ['Date'] });
            vi.setSystemTime(new Date('2027-09-15T15:00:00Z'));
            const again = foldLog(structuredClone(events), { kept });
            vi.useRealTimers();
            expect(JSON.stringify(folded(again))).toBe(JSON.stringify(folded(first)));
          } finally {
            db.close();
          }
        },
      ),
      fuzzOptions(40),
    );
    expect([...reached]).toEqual(expect.arrayContaining(['review', 'approved', 'issued']));
  }, 120_000);
});
