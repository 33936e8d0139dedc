// The fold of the event log into the read tables: one projector per table, chosen by event type,
// walking the events in the order given — today the local log position (`pos`); once stations
// share a hall, the hall's order. Deterministic: no clock, no random, no machine setting is read,
// so the same events in the same order give byte-identical rows (canonical JSON) on any day and
// any machine. Due dates come from the events and the station's calendar, itself folded from the
// settings events. What the log cannot give back (password hashes, lockout counters, the HTML of
// a paper) is taken from the stored rows handed in as `kept` — data/notDerivable.ts lists it.
//
// Events this version cannot read are kept in the log and skipped: a type it does not know, or an
// envelope newer than EVENT_SCHEMA. Case events go through the domain's stream fold
// (domain/foldStream.ts): applied, merged, or parked in state.parked.
import type { CaseState, HolidayCalendar } from '../domain';
import { canonicalJson } from '../domain/audit';
import type { FileMetaRow, UserRow } from './db';
import { EVENT_SCHEMA, isEventType } from './eventRegistry';
import type { StoredEvent } from './eventTypes';
import { PROJECTORS, type FoldRun } from './foldProjectors';
import { calendarFromStored, CALENDAR_KEY } from './holidayCalendar';

export const READ_TABLES = [
  'cases',
  'certificates',
  'parties',
  'projects',
  'counselling',
  'ledger',
  'settings',
  'users',
  'files',
  'documents',
] as const;
export type ReadTable = (typeof READ_TABLES)[number];

/** The stored rows whose non-derivable fields a fold keeps (notDerivable.ts). */
export interface Kept {
  users?: ReadonlyMap<string, UserRow>;
  files?: ReadonlyMap<string, FileMetaRow>;
  /** Password hashes kept beside their user events, by event id (data/credentials.ts). */
  credentials?: ReadonlyMap<string, string>;
}

/** What became of an event that was not simply applied. */
export interface EventReport {
  eventId: string;
  streamId: string;
  type: string;
  outcome: 'merged' | 'parked' | 'skipped';
  reason?: string;
}

export interface LogFold {
  /** Every read table's rows, sorted by primary key. */
  tables: Record<ReadTable, { key: string; row: unknown }[]>;
  /** Case states by stream id (parked events in state.parked). */
  cases: ReadonlyMap<string, CaseState>;
  /** Events merged, parked or skipped, in log order. */
  report: EventReport[];
  events: number;
}

const BY_TYPE = new Map<string, typeof PROJECTORS>();
for (const p of PROJECTORS) {
  for (const t of p.types) BY_TYPE.set(t, [...(BY_TYPE.get(t) ?? []), p]);
}

function newRun(kept: Kept, settings: ReadonlyMap<string, unknown>): FoldRun {
  const tables = Object.fromEntries(READ_TABLES.map((t) => [t, new Map()])) as FoldRun['tables'];
  for (const [key, value] of settings) tables.settings.set(key, { key, value });
  return {
    tables,
    cases: new Map(),
    ledgers: new Map(),
    kept,
    calendar: () =>
      calendarFromStored(
        (tables.settings.get(CALENDAR_KEY) as { value?: unknown } | undefined)?.value,
      ).calendar,
    outcome: null,
  };
}

export interface FoldInput {
  kept?: Kept;
  /** Settings rows to start from (a refold of some streams starts from the stored ones). */
  settings?: ReadonlyMap<string, unknown>;
}

/**
 * A fold in progress: events are added in order (in chunks, so a whole log need not be in
 * memory at once), then `finish` gives the tables.
 */
export class LogFolder {
  private readonly run: FoldRun;
  private readonly report: EventReport[] = [];
  private count = 0;

  constructor(input: FoldInput = {}) {
    this.run = newRun(input.kept ?? {}, input.settings ?? new Map());
  }

  add(e: StoredEvent): void {
    this.count += 1;
    const note = (outcome: EventReport['outcome'], reason?: string): void => {
      this.report.push({
        eventId: e.id,
        streamId: e.streamId,
        type: e.type,
        outcome,
        ...(reason ? { reason } : {}),
      });
    };
    if ((e.schema ?? 1) > EVENT_SCHEMA) return note('skipped', 'newer_schema');
    if (!isEventType(e.type)) return note('skipped', 'unknown_type');
    this.run.outcome = null;
    for (const p of BY_TYPE.get(e.type) ?? []) p.apply(this.run, e);
    const o = this.run.outcome as FoldRun['outcome'];
    if (o && o.outcome !== 'applied') note(o.outcome, o.reason);
  }

  finish(): LogFold {
    const run = this.run;
    for (const p of PROJECTORS) p.finish?.(run);
    const tables = Object.fromEntries(
      READ_TABLES.map((t) => [
        t,
        [...run.tables[t].entries()]
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([key, row]) => ({ key, row })),
      ]),
    ) as LogFold['tables'];
    return { tables, cases: run.cases, report: this.report, events: this.count };
  }
}

/** Folds events, in the order given, into every read table. */
export function foldLog(events: Iterable<StoredEvent>, input: FoldInput = {}): LogFold {
  const folder = new LogFolder(input);
  for (const e of events) folder.add(e);
  return folder.finish();
}

/** The bytes a row is compared by: canonical JSON (keys sorted, undefined dropped). */
export const rowBytes = (row: unknown): string => canonicalJson(row);

/** The calendar a fold ended with (what due dates were counted on). */
export const calendarOf = (fold: LogFold): HolidayCalendar =>
  calendarFromStored(
    (
      fold.tables.settings.find((r) => r.key === CALENDAR_KEY)?.row as
        { value?: unknown } | undefined
    )?.value,
  ).calendar;
