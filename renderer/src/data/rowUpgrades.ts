// What each schema version changes in stored rows, as plain functions of one row. The Dexie
// upgrade of a version (db.ts) and the restore of a backup made by an older version (backup.ts)
// both run these, so a backup taken before an update restores into exactly the rows the update
// would have produced in place.
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
};

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
  }
  return out;
}
