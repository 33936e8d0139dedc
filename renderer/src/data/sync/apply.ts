// The apply step of the pull: the streams touched by what the hall delivered are folded again
// from their events, in the hall order (sync/order.ts), and their read rows rewritten — through
// the fold's entry point (data/rebuild.ts refoldStreams: applied, merged, or parked in
// state.parked when decided on a stale version the case no longer admits; never dropped). The
// fold is clock-free, so every station that holds the same events writes the same rows.
// Counselling streams are folded here with the same fold (refoldStreams writes case and ledger
// rows); user streams and the settings of the `station` stream through sync/staff.ts (the hall's
// staff: users with the hashes beside their events, settings of every station; never the
// station row). The other streams (auth, case-deadlines, documents, …) are stored for the audit.
import type { OneWindowDb } from '../db';
import { foldLog, type EventReport } from '../fold';
import { refoldStreams, refoldTables } from '../rebuild';
import { hallOrder } from './order';
import { applySettings, applyUsers, staffTables } from './staff';

export { hallOrder };

/** The tables the apply step reads and writes: the pull's transaction spans them. */
export const applyTables = (db: OneWindowDb) => [
  ...new Set([...refoldTables(db), db.meta, db.counselling, ...staffTables(db)]),
];

const REFOLDED = ['case:', 'ledger:'];

/**
 * Folds the given streams again from their events and rewrites their read rows; returns what
 * the fold merged, parked or skipped. Must run inside a 'rw' transaction over `applyTables(db)`.
 */
export async function applyStreams(
  db: OneWindowDb,
  streamIds: Iterable<string>,
): Promise<EventReport[]> {
  const ids = [...new Set(streamIds)];
  const refold = ids.filter((s) => REFOLDED.some((p) => s.startsWith(p)));
  const counselling = ids.filter((s) => s.startsWith('counselling:'));
  // Settings first: the cases refolded below count their due dates on the calendar as folded.
  if (ids.includes('station')) await applySettings(db);
  await applyUsers(
    db,
    ids.filter((s) => s.startsWith('user:')),
  );
  const [folded, lists] = await Promise.all([
    refold.length > 0 ? refoldStreams(db, refold) : null,
    Promise.all(counselling.map((s) => db.events.where('streamId').equals(s).toArray())),
  ]);
  const rows = foldLog(lists.flat().sort(hallOrder)).tables.counselling;
  if (rows.length > 0) await db.counselling.bulkPut(rows.map((r) => r.row) as never[]);
  return folded?.report ?? [];
}
