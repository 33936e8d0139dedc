// The conflict queue (同步冲突): every event the fold parked or merged — a case event decided on
// another version (state.parked, state.merged: domain/foldStream.ts) and a ledger change decided
// on an older entry (the entry's `parked` list: data/foldProjectors.ts) — with the case, who did
// what on which station, what the stream applied meanwhile (between the version the writer saw
// and the one the event met), and what the fold did with it. Resolutions are events of their own
// stream, `conflict:<caseId>` (`conflict:ledger:<id>` for a ledger entry), never of the case's:
// a resolution does not move the case's version, so it parks nothing on any other station. They
// are folded here, at read time: a resolved entry leaves the open list and stays on record.
//
// Who sees an entry: the owner of the case's current step (STEP_ROLE / inboxRoleOf, the clerk
// for the counter's steps), section chiefs, and the writer of the event (told that what their
// screen confirmed was parked); ledger entries section chiefs and the writer. Checked against
// the stored user.
import {
  inboxRoleOf,
  stepStream,
  type CaseState,
  type MergedEvent,
  type ParkedEvent,
} from '../domain';
import type { CaseRow, LedgerRow, OneWindowDb } from './db';
import { EVENT_SCHEMA } from './eventRegistry';
import type { EventActor, StoredEvent } from './eventTypes';
import { CONFLICT_TERM, hasConflicts } from './projection';
import { hallOrder } from './sync/order';

export const CONFLICT_STREAM_PREFIX = 'conflict:';
/** The stream a resolution of an event of `subject` (case:<id> or ledger:<id>) is recorded on. */
export const conflictStream = (subject: string): string =>
  subject.startsWith('case:')
    ? `${CONFLICT_STREAM_PREFIX}${subject.slice('case:'.length)}`
    : `${CONFLICT_STREAM_PREFIX}${subject}`;

export type ConflictResolution = 'acknowledged' | 'redo';

/** One event of a stream, as the queue shows it. */
export interface ConflictEvent {
  id: string;
  type: string;
  actor: EventActor;
  stationId: string;
  at: string;
  /** The opinion or reason the writer gave, when the event has one. */
  text: string;
}

export type ConflictSubject =
  | {
      kind: 'case';
      stream: string;
      caseId: string;
      caseNo: string;
      matter: { code: string; name: string; nameEn: string };
      status: string;
      /** Who owns the case's current step ('' when no one does: closed). */
      owner: string;
    }
  | { kind: 'ledger'; stream: string; entryId: string; ledgerKind: string; owner: 'chief' };

export interface ConflictEntry {
  subject: ConflictSubject;
  event: ConflictEvent;
  /** The version the writer decided on. */
  basedOn: number;
  /** What the fold did: not applied (why), or applied on a later version than it was decided on. */
  fold:
    | { outcome: 'parked'; reason: 'not_admitted' | 'stale'; version: number }
    | { outcome: 'merged'; version: number };
  /** What the stream applied between `basedOn` and the event, in the hall order. */
  meanwhile: ConflictEvent[];
  resolution: {
    resolution: ConflictResolution;
    note: string;
    by: EventActor;
    at: string;
    stationId: string;
    eventId: string;
  } | null;
}

export type ConflictQuery =
  { ok: true; open: ConflictEntry[]; resolved: ConflictEntry[] } | { ok: false; code: 'forbidden' };

/** The tables the queue reads (a command that checks an entry reads them in its transaction). */
export const conflictTables = (db: OneWindowDb) => [
  db.events,
  db.cases,
  db.ledger,
  db.users,
  db.meta,
];

/** The meta row that says every stored case row carries its CONFLICT_TERM (markConflictRows). */
export const CONFLICT_MARKS_KEY = 'upkeep:conflictTerms';

const textOf = (e: StoredEvent): string => {
  const p = e.payload as Record<string, unknown>;
  for (const k of ['opinion', 'reason', 'note', 'detail'])
    if (typeof p[k] === 'string' && p[k] !== '') return p[k] as string;
  return '';
};

const eventOf = (e: StoredEvent): ConflictEvent => ({
  id: e.id,
  type: e.type,
  actor: e.actor,
  stationId: e.stationId,
  at: e.at,
  text: textOf(e),
});

/**
 * May this stored user see an entry? Section chiefs, the owner of the case's current step, and
 * the writer of the event itself (whose screen said it was done before the pull parked it).
 */
export const maySee = (
  user: { id: string; role: string },
  entry: Pick<ConflictEntry, 'subject' | 'event'>,
): boolean =>
  user.role === 'chief' ||
  (entry.subject.owner !== '' && entry.subject.owner === user.role) ||
  entry.event.actor.id === user.id;

/** The case events a stream applied, each with the version it brought the case to. */
function caseVersions(events: StoredEvent[]): Map<string, number> {
  const versions = new Map<string, number>();
  let state: CaseState | null = null;
  for (const e of events) {
    const step = stepStream(state, e, { maxSchema: EVENT_SCHEMA });
    state = step.state;
    if (step.outcome.outcome === 'applied' || step.outcome.outcome === 'merged')
      versions.set(e.id, state?.version ?? 0);
  }
  return versions;
}

/** The ledger changes an entry's stream applied, each with the entry version it made. */
function ledgerVersions(events: StoredEvent[], parked: ReadonlySet<string>): Map<string, number> {
  const versions = new Map<string, number>();
  let version = 0;
  for (const e of events) {
    if (parked.has(e.id)) continue;
    version += 1;
    versions.set(e.id, version);
  }
  return versions;
}

interface Marked {
  eventId: string;
  basedOn: number;
  version: number;
  fold: ConflictEntry['fold'];
}

/** The entries of one stream: the marked events with what came between. */
async function entriesOf(
  db: OneWindowDb,
  subject: ConflictSubject,
  marked: Marked[],
  versionsOf: (events: StoredEvent[]) => Map<string, number>,
): Promise<Omit<ConflictEntry, 'resolution'>[]> {
  const events = (await db.events.where('streamId').equals(subject.stream).toArray()).sort(
    hallOrder,
  );
  const versions = versionsOf(events);
  const index = new Map(events.map((e, i) => [e.id, i]));
  return marked.flatMap((m) => {
    const at = index.get(m.eventId);
    const e = at === undefined ? undefined : events[at];
    if (!e || at === undefined) return [];
    const meanwhile = events
      .slice(0, at)
      .filter((x) => {
        const v = versions.get(x.id);
        return v !== undefined && v > m.basedOn && v <= m.version;
      })
      .map(eventOf);
    return [{ subject, event: eventOf(e), basedOn: m.basedOn, fold: m.fold, meanwhile }];
  });
}

function caseSubject(row: CaseRow, state: CaseState): ConflictSubject {
  return {
    kind: 'case',
    stream: `case:${row.id}`,
    caseId: row.id,
    caseNo: state.caseNo,
    matter: { code: state.matter.code, name: state.matter.name, nameEn: state.matter.nameEn },
    status: state.status,
    owner: inboxRoleOf(state),
  };
}

const markedOfCase = (state: CaseState): Marked[] => [
  ...(state.parked ?? []).map((p: ParkedEvent) => ({
    eventId: p.eventId,
    basedOn: p.basedOn,
    version: p.version,
    fold: { outcome: 'parked' as const, reason: p.reason, version: p.version },
  })),
  ...(state.merged ?? []).map((m: MergedEvent) => ({
    eventId: m.eventId,
    basedOn: m.basedOn,
    version: m.version,
    fold: { outcome: 'merged' as const, version: m.version },
  })),
];

type LedgerParked = { eventId: string; basedOn: number; version: number }[];

/** Every resolution recorded, by the event it resolves (the first one counts). */
async function resolutions(db: OneWindowDb): Promise<Map<string, ConflictEntry['resolution']>> {
  const events = (
    await db.events.where('streamId').startsWith(CONFLICT_STREAM_PREFIX).toArray()
  ).sort(hallOrder);
  const out = new Map<string, ConflictEntry['resolution']>();
  for (const e of events) {
    if (e.type !== 'conflict.resolved') continue;
    const p = e.payload as { eventId: string; resolution: ConflictResolution; note: string };
    if (out.has(p.eventId)) continue;
    out.set(p.eventId, {
      resolution: p.resolution,
      note: p.note,
      by: e.actor,
      at: e.at,
      stationId: e.stationId,
      eventId: e.id,
    });
  }
  return out;
}

/** Every entry, seen or not, open or resolved (no role check: callers check). */
export async function allConflicts(db: OneWindowDb): Promise<ConflictEntry[]> {
  // Rows first, then their streams: no request is issued from inside a cursor's callback.
  const cases: { subject: ConflictSubject; marked: Marked[] }[] = [];
  const take = (row: CaseRow) => {
    const state = row.state as CaseState | undefined;
    if (state && hasConflicts(state))
      cases.push({ subject: caseSubject(row, state), marked: markedOfCase(state) });
  };
  // Only the cases with parked or merged events, through the terms index; until the start's
  // upkeep has given rows stored before their entry, every row (as it always was).
  if ((await db.meta.get(CONFLICT_MARKS_KEY))?.value === 'done')
    (await db.cases.where('terms').equals(CONFLICT_TERM).toArray()).forEach(take);
  else await db.cases.each(take);
  const ledgers: { subject: ConflictSubject; marked: Marked[]; ids: Set<string> }[] = [];
  await db.ledger.each((row: LedgerRow) => {
    const parked = (row.data as { parked?: LedgerParked } | null)?.parked;
    if (!parked?.length) return;
    ledgers.push({
      subject: {
        kind: 'ledger',
        stream: `ledger:${row.id}`,
        entryId: row.id,
        ledgerKind: row.kind,
        owner: 'chief',
      },
      marked: parked.map((p) => ({
        ...p,
        fold: { outcome: 'parked' as const, reason: 'stale' as const, version: p.version },
      })),
      ids: new Set(parked.map((p) => p.eventId)),
    });
  });
  const [caseLists, ledgerLists, resolved] = await Promise.all([
    Promise.all(cases.map((c) => entriesOf(db, c.subject, c.marked, caseVersions))),
    Promise.all(
      ledgers.map((l) => entriesOf(db, l.subject, l.marked, (ev) => ledgerVersions(ev, l.ids))),
    ),
    resolutions(db),
  ]);
  return [...caseLists.flat(), ...ledgerLists.flat()]
    .map((e) => ({ ...e, resolution: resolved.get(e.event.id) ?? null }))
    .sort((a, b) => (a.event.at < b.event.at ? 1 : a.event.at > b.event.at ? -1 : 0));
}

/** The queue the stored user `userId` may see: open entries and resolved ones. */
export async function conflictQueue(db: OneWindowDb, userId: string): Promise<ConflictQuery> {
  return db.transaction('r', conflictTables(db), async (): Promise<ConflictQuery> => {
    const user = await db.users.get(userId);
    if (!user || user.disabled === 1) return { ok: false, code: 'forbidden' };
    const seen = (await allConflicts(db)).filter((e) => maySee(user, e));
    return {
      ok: true,
      open: seen.filter((e) => !e.resolution),
      resolved: seen.filter((e) => e.resolution),
    };
  });
}

/** How many open entries the stored user sees (the frame's badge); 0 for anyone else. */
export async function openConflictCount(db: OneWindowDb, userId: string): Promise<number> {
  const q = await conflictQueue(db, userId);
  return q.ok ? q.open.length : 0;
}

/**
 * Gives every case row stored before CONFLICT_TERM existed its entry (the start's upkeep,
 * data/backfill.ts), in chunks of short transactions; then the queue reads through the index.
 * Rows written since carry it already (projectCase). Resolves with the rows rewritten.
 */
export async function markConflictRows(db: OneWindowDb, chunk = 500): Promise<number> {
  if ((await db.meta.get(CONFLICT_MARKS_KEY))?.value === 'done') return 0;
  const ids = await db.cases.toCollection().primaryKeys();
  let marked = 0;
  for (let i = 0; i < ids.length; i += chunk) {
    marked += await db.transaction('rw', db.cases, async () => {
      const rows = await db.cases.bulkGet(ids.slice(i, i + chunk));
      const puts = rows.flatMap((r) =>
        r && hasConflicts(r.state as CaseState) && !r.terms.includes(CONFLICT_TERM)
          ? [{ ...r, terms: [...r.terms, CONFLICT_TERM] }]
          : [],
      );
      if (puts.length > 0) await db.cases.bulkPut(puts);
      return puts.length;
    });
  }
  await db.meta.put({ key: CONFLICT_MARKS_KEY, value: 'done' });
  return marked;
}
