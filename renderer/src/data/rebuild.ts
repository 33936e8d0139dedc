// Rebuilding read tables from the event log, two ways:
//  - rebuildReadTables: an administrator's check (beside 数据校验) that folds the whole log
//    (data/fold.ts) and compares every read table with what is stored — row by row, in canonical
//    JSON — and, when asked, rewrites the tables that differ, in one transaction;
//  - refoldStreams: the entry point for events that arrive from elsewhere (the hall's sync): it
//    re-reads the given streams' events from the log and rewrites their read rows inside the
//    caller's transaction.
// Both fold events in local log order (`pos`); once the hall orders events across stations, the
// order becomes the hall's sequence (gseq) and only the query that reads them changes.
import type { Table } from 'dexie';
import type { CaseState } from '../domain';
import type { FileMetaRow, OneWindowDb, UserRow } from './db';
import { DEPARTMENTS_KEY } from './departments';
import type { EventActor } from './eventTypes';
import {
  foldLog,
  LogFolder,
  READ_TABLES,
  rowBytes,
  type EventReport,
  type ReadTable,
} from './fold';
import { CALENDAR_KEY } from './holidayCalendar';
import { IDLE_LOCK_KEY } from './idleLock';
import { lastIntegrityReport } from './integrity';
import { append } from './log';
import { RANKING_RULES_KEY } from './rankingRules';
import { getStation } from './station';
import { hallOrder } from './sync/order';

/** The settings the log's events write; any other row of `settings` is not a fold and is left alone. */
const CHUNK = 2000;

export const FOLDED_SETTINGS: readonly string[] = [
  CALENDAR_KEY,
  DEPARTMENTS_KEY,
  RANKING_RULES_KEY,
  IDLE_LOCK_KEY,
];

export interface TableDifference {
  table: ReadTable;
  stored: number;
  rebuilt: number;
  /** Keys of rows the log gives that are not stored, stored rows it does not give, and rows that differ. */
  missing: string[];
  extra: string[];
  changed: string[];
}

export interface RebuildReport {
  mode: 'compare' | 'apply';
  events: number;
  /** Rows that differ, over every table (0: the tables are the fold of the log). */
  differences: number;
  tables: TableDifference[];
  /** Events merged, parked or skipped by the fold. */
  outcomes: EventReport[];
}

export type RebuildResult =
  | { ok: true; report: RebuildReport }
  | { ok: false; code: 'forbidden' | 'no_station' | 'log_broken' };

const keyOf = (table: ReadTable, row: unknown) =>
  String((row as Record<string, unknown>)[table === 'settings' ? 'key' : 'id']);

const tableOf = (db: OneWindowDb, t: ReadTable) => db[t] as unknown as Table<unknown, string>;

function compare(table: ReadTable, stored: unknown[], rebuilt: { key: string; row: unknown }[]) {
  const have = new Map(stored.map((r) => [keyOf(table, r), rowBytes(r)]));
  const want = new Map(rebuilt.map((r) => [r.key, rowBytes(r.row)]));
  const diff: TableDifference = {
    table,
    stored: have.size,
    rebuilt: want.size,
    missing: [...want.keys()].filter((k) => !have.has(k)),
    extra: [...have.keys()].filter((k) => !want.has(k)),
    changed: [...want.keys()].filter((k) => have.has(k) && have.get(k) !== want.get(k)),
  };
  return diff;
}

const count = (d: TableDifference) => d.missing.length + d.extra.length + d.changed.length;

/**
 * Folds the whole log and compares every read table with it; with `apply`, rewrites each table
 * that differs (rows the log does not give are removed) and records that as an event. Only an
 * administrator, as stored; a log whose last verification found a break is not rebuilt from.
 */
export async function rebuildReadTables(
  db: OneWindowDb,
  actor: EventActor,
  options: { apply?: boolean; now?: Date; /** Events read per request. */ chunk?: number } = {},
): Promise<RebuildResult> {
  const apply = options.apply ?? false;
  const tables = [db.events, db.meta, ...READ_TABLES.map((t) => tableOf(db, t))];
  return db.transaction(apply ? 'rw' : 'r', tables, async (): Promise<RebuildResult> => {
    const user = await db.users.get(actor.id);
    if (!user || user.disabled === 1 || user.role !== 'admin')
      return { ok: false, code: 'forbidden' };
    const station = await getStation(db);
    if (!station) return { ok: false, code: 'no_station' };
    if (apply && (await lastIntegrityReport(db))?.ok === false)
      return { ok: false, code: 'log_broken' };
    const stored = await Promise.all(READ_TABLES.map((t) => tableOf(db, t).toArray()));
    const byTable = new Map(READ_TABLES.map((t, i) => [t, stored[i] ?? []]));
    // Settings the log does not write are not compared (and never removed).
    byTable.set(
      'settings',
      (byTable.get('settings') ?? []).filter((r) => FOLDED_SETTINGS.includes(keyOf('settings', r))),
    );
    const kept = {
      users: new Map((byTable.get('users') as UserRow[]).map((u) => [u.id, u])),
      files: new Map((byTable.get('files') as FileMetaRow[]).map((f) => [f.id, f])),
    };
    // The log in chunks of local position: the events are never all in memory at once.
    const folder = new LogFolder({ kept });
    for (let last = 0; ;) {
      const chunk = await db.events.where('pos').above(last).limit(CHUNK).toArray();
      for (const e of chunk) folder.add(e);
      if (chunk.length < CHUNK) break;
      last = chunk[chunk.length - 1]!.pos!;
    }
    const fold = folder.finish();
    const diffs = READ_TABLES.map((t) => compare(t, byTable.get(t) ?? [], fold.tables[t]));
    const differences = diffs.reduce((n, d) => n + count(d), 0);
    if (apply && differences > 0) {
      const changed = diffs.filter((d) => count(d) > 0);
      for (const d of changed) {
        const table = tableOf(db, d.table);
        if (d.table === 'settings') await table.bulkDelete(d.extra);
        else await table.clear();
        await table.bulkPut(fold.tables[d.table].map((r) => r.row));
      }
      await append(
        db,
        station,
        'station',
        [
          {
            type: 'station.tables_rebuilt',
            payload: { tables: changed.map((d) => d.table), differences },
          },
        ],
        { id: user.id, name: user.name, role: user.role },
        options.now ?? new Date(),
      );
    }
    return {
      ok: true,
      report: {
        mode: apply ? 'apply' : 'compare',
        events: fold.events,
        differences,
        tables: diffs,
        outcomes: fold.report,
      },
    };
  });
}

/** The tables refoldStreams writes: run it in a transaction over at least these. */
export const refoldTables = (db: OneWindowDb): Table[] => [
  db.events,
  db.settings,
  db.cases,
  db.certificates,
  db.parties,
  db.projects,
  db.ledger,
];

export interface RefoldResult {
  /** The case states the streams fold to (parked events in state.parked). */
  cases: Map<string, CaseState>;
  /** Events merged, parked or skipped. */
  report: EventReport[];
}

/**
 * Re-reads the events of `streamIds` (case:… and ledger:… streams) from the log, in the hall order
 * (data/sync/order.ts: confirmed events by gseq, then own pending ones; log order before a hall),
 * folds them and rewrites their read rows: the case row, its certificates, the applicant and
 * project its intake names, the ledger entry. Runs inside the caller's transaction (refoldTables).
 * The applicant and project are written from these streams' intake; a full rebuild writes them
 * from the last intake of the whole log that names them.
 */
export async function refoldStreams(
  db: OneWindowDb,
  streamIds: readonly string[],
): Promise<RefoldResult> {
  const ids = [...new Set(streamIds)];
  const [lists, settingRows] = await Promise.all([
    Promise.all(ids.map((id) => db.events.where('streamId').equals(id).toArray())),
    db.settings.bulkGet([...FOLDED_SETTINGS]),
  ]);
  const events = lists.flat().sort(hallOrder);
  const settings = new Map(
    settingRows.flatMap((r) => (r ? [[r.key, r.value] as [string, unknown]] : [])),
  );
  const fold = foldLog(events, { settings });
  const put = (t: ReadTable) =>
    fold.tables[t].length > 0 ? tableOf(db, t).bulkPut(fold.tables[t].map((r) => r.row)) : null;
  // A certificate row the fold no longer makes (its issue parked in the hall order, say) goes:
  // bulkPut alone would keep the row a local dispatch wrote.
  const caseIds = ids.filter((id) => id.startsWith('case:')).map((id) => id.slice(5));
  const kept = new Set(fold.tables.certificates.map((r) => (r.row as { id: string }).id));
  const stale = (await db.certificates.where('caseId').anyOf(caseIds).primaryKeys()).filter(
    (id) => !kept.has(id),
  );
  if (stale.length > 0) await db.certificates.bulkDelete(stale);
  await Promise.all((['cases', 'certificates', 'parties', 'projects', 'ledger'] as const).map(put));
  return { cases: new Map(fold.cases), report: fold.report };
}
