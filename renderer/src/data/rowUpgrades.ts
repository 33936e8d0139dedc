// What each schema version changes in stored rows, as plain functions of one row. The Dexie
// upgrade of a version (db.ts) and the restore of a backup made by an older version (backup.ts)
// both run these, so a backup taken before an update restores into exactly the rows the update
// would have produced in place.
import { DOCUMENTS_STREAM, documentRowOf } from './documentRows';

type Row = Record<string, unknown>;

export interface RowUpgrade {
  table: string;
  /** Changes the row in place. */
  apply: (row: Row) => void;
}

export const ROW_UPGRADES: Readonly<Record<number, readonly RowUpgrade[]>> = {
  // v3: party and project name bigrams went with their indexes.
  3: [
    { table: 'parties', apply: (row) => void delete row['terms'] },
    { table: 'projects', apply: (row) => void delete row['terms'] },
  ],
  // v4 changes no row. Case name terms became bigrams with an end mark (data/search.ts), but the
  // terms v1–v3 stored (single characters and bigrams) answer every query the same way: a bigram
  // query finds their bigrams, and a one-character prefix range finds their single characters.
  // Rewriting them held the first start after the update for 40–50 s at 100,000 cases (every
  // index entry of every case rewritten); a case gets the new terms when it is next dispatched.
  4: [],
  // v5 changes no row; it adds the documents table, filled from the log (BACKFILLS below).
  5: [],
};

/**
 * A read table a version adds, derived from events already in the log: filled after the upgrade
 * in the background (data/backfill.ts), and on the restore of a backup made before it
 * (upgradeTables). One stream is read, through the events' streamId index, never the whole log.
 */
export interface Backfill {
  table: string;
  streamId: string;
  rowOf: (event: never) => object | null;
}

export const BACKFILLS: Readonly<Record<number, readonly Backfill[]>> = {
  // v5: one row per document number issued, from the documentNumberAllocated events.
  5: [{ table: 'documents', streamId: DOCUMENTS_STREAM, rowOf: documentRowOf }],
};

/** The meta row that marks a backfill done (data/backfill.ts). */
export const backfillKey = (version: number, table: string) => `backfill:v${version}:${table}`;

/** The markers of every backfill up to `version`: a database created there needs none of them. */
export const doneBackfills = (version: number) =>
  Object.entries(BACKFILLS)
    .filter(([v]) => Number(v) <= version)
    .flatMap(([v, list]) =>
      list.map((b) => ({ key: backfillKey(Number(v), b.table), value: 'done' })),
    );

/** The rows a backfill derives from the events of its stream, in log order. */
export function backfillRows(b: Backfill, events: readonly Row[]): Row[] {
  const rowOf = b.rowOf as (e: Row) => Row | null;
  return events.flatMap((e) => {
    const row = e['streamId'] === b.streamId ? rowOf(e) : null;
    return row ? [row] : [];
  });
}

/** A copy of backed-up tables with the row upgrades of every version after `from` up to `to`. */
export function upgradeTables(
  tables: Readonly<Record<string, readonly Row[]>>,
  from: number,
  to: number,
): Record<string, Row[]> {
  const out: Record<string, Row[]> = {};
  for (const [name, rows] of Object.entries(tables)) out[name] = rows.map((r) => ({ ...r }));
  for (let v = from + 1; v <= to; v++) {
    for (const u of ROW_UPGRADES[v] ?? []) (out[u.table] ?? []).forEach(u.apply);
    for (const b of BACKFILLS[v] ?? []) {
      // Keyed rows, the last event winning, as the upgrade's bulkPut does.
      const rows = new Map(backfillRows(b, out['events'] ?? []).map((r) => [r['id'], r]));
      out[b.table] = [...rows.values()];
      // Done here: nothing left for the background (data/backfill.ts).
      const marker = backfillKey(v, b.table);
      out['meta'] = [
        ...(out['meta'] ?? []).filter((r) => r['key'] !== marker),
        { key: marker, value: 'done' },
      ];
    }
  }
  return out;
}
