// What each schema version changes in stored rows, as plain functions of one row. The Dexie
// upgrade of a version (db.ts) and the restore of a backup made by an older version (backup.ts)
// both run these, so a backup taken before an update restores into exactly the rows the update
// would have produced in place.
import { termsOf } from './search';

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
  // v4: case name terms are bigrams with an end mark (see data/search.ts).
  4: [
    {
      table: 'cases',
      apply: (row) => {
        row['terms'] = termsOf(
          String(row['applicantName'] ?? ''),
          String(row['projectName'] ?? ''),
        );
      },
    },
  ],
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
