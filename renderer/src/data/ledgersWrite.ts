// The one write path of the ledgers. Each write appends its event to the hash-chained log and puts
// the row in one Dexie transaction (as attachments.ts does), after checking the writer's role here —
// not only by hiding a button — and the linked case numbers against the case table. The entries'
// own fields are checked before, by ledgersProblems.ts; the per-ledger commands that call `write`
// are in ledgersIssues.ts and ledgersCounter.ts.
import { leaseSeriesId } from '../../../server/protocol/leases';
import { ledgerUsedAlone, numbersFromLeases, takeLeasedIn } from './numberLeases';
import { normaliseCode, isRole, toLocalDate } from '../domain';
import type { Role } from '../domain';
import type { LedgerRow, OneWindowDb } from './db';
import type { EventActor } from './eventTypes';
import type { EventType } from './eventRegistry';
import { append, type NewEvent } from './log';
import { getStation } from './station';
import { knownCaseNumbers } from './queries';
import { NUMBER_PREFIX, type LedgerDataOf, type LedgerItem, type LedgerKind } from './ledgersModel';

export type LedgerAction =
  'legacyIssue' | 'supervision' | 'progress' | 'complaint' | 'returnCall' | 'commendation';

/**
 * Who may write what. Section chiefs and the director run the legacy issues and the supervision
 * ledger; anyone doing casework reports weekly progress; the counter records complaints, return
 * calls and commendations. The administrator runs the system, not the work, as in the workflow.
 */
export const ledgerPermissions: Readonly<Record<LedgerAction, readonly Role[]>> = {
  legacyIssue: ['chief', 'director'],
  supervision: ['chief', 'director'],
  progress: ['clerk', 'reviewer', 'chief', 'director'],
  complaint: ['clerk', 'chief', 'director'],
  returnCall: ['clerk', 'chief', 'director'],
  commendation: ['clerk', 'chief', 'director'],
};

export function mayWriteLedger(role: string, action: LedgerAction): boolean {
  return isRole(role) && ledgerPermissions[action].includes(role);
}

export type LedgerRefusal =
  | { code: 'forbidden' }
  | { code: 'invalid'; fields: string[] }
  | { code: 'unknownCases'; caseNumbers: string[] }
  | { code: 'notFound' }
  | { code: 'stale' }
  | { code: 'noStation' }
  | { code: 'numbersExhausted' };

export type LedgerResult = { ok: true; id: string } | { ok: false; refusal: LedgerRefusal };

class Refused extends Error {
  constructor(readonly refusal: LedgerRefusal) {
    super(refusal.code);
  }
}

export interface Stored<K extends LedgerKind> {
  version: number;
  createdAt: string;
  createdBy: string;
  fields: LedgerDataOf[K];
}

export function itemOf<K extends LedgerKind>(row: LedgerRow): LedgerItem<K> {
  const s = row.data as Stored<K>;
  return {
    id: row.id,
    kind: row.kind as K,
    version: s.version,
    createdAt: s.createdAt,
    createdBy: s.createdBy,
    data: s.fields,
  };
}

const statusOf = (kind: LedgerKind, d: LedgerDataOf[LedgerKind]): string =>
  kind === 'commendation' ? 'recorded' : (d as { status: string }).status;
const dueOf = (d: LedgerDataOf[LedgerKind]): string =>
  (d as { dueDate?: string }).dueDate ?? (d as { receivedOn: string }).receivedOn;

/** The read row of a ledger entry (the writer below and the fold of the log both use it). */
export const ledgerRowOf = (
  id: string,
  kind: LedgerKind,
  stored: Stored<LedgerKind>,
): LedgerRow => ({
  id,
  kind,
  status: statusOf(kind, stored.fields),
  dueDate: dueOf(stored.fields),
  data: stored,
});

// ---- the one write path ----

export interface Change {
  id: string;
  kind: LedgerKind;
  /** null for a new row. */
  expectedVersion: number | null;
  event: EventType;
  build: (prev: LedgerDataOf[LedgerKind] | null, number: string) => LedgerDataOf[LedgerKind];
}

export async function write(
  db: OneWindowDb,
  action: LedgerAction,
  actor: EventActor,
  now: Date,
  changes: Change[],
  caseNumbers: string[],
): Promise<LedgerResult> {
  if (!mayWriteLedger(actor.role, action)) return { ok: false, refusal: { code: 'forbidden' } };
  try {
    await db.transaction('rw', [db.events, db.meta, db.ledger, db.cases], async () => {
      const station = await getStation(db);
      if (!station) throw new Refused({ code: 'noStation' });
      const wanted = [...new Set(caseNumbers.filter((n) => n !== ''))];
      if (wanted.length > 0) {
        const known = await knownCaseNumbers(db, wanted);
        const unknown = wanted.filter((n) => !known.has(n));
        if (unknown.length > 0) throw new Refused({ code: 'unknownCases', caseNumbers: unknown });
      }
      for (const c of changes) {
        const prevRow = await db.ledger.get(c.id);
        const prev = prevRow ? itemOf(prevRow) : null;
        if (c.expectedVersion === null ? prev !== null : prev === null) {
          throw new Refused({ code: c.expectedVersion === null ? 'stale' : 'notFound' });
        }
        if (prev && prev.version !== c.expectedVersion) throw new Refused({ code: 'stale' });
        const number = prev
          ? (prev.data as { number: string }).number
          : await nextNumber(db, c.kind, now);
        const fields = c.build(prev?.data ?? null, number);
        const stored: Stored<LedgerKind> = {
          version: (prev?.version ?? 0) + 1,
          createdAt: prev?.createdAt ?? now.toISOString(),
          createdBy: prev?.createdBy ?? actor.name,
          fields,
        };
        const event: NewEvent = {
          type: c.event,
          payload: {
            id: c.id,
            kind: c.kind,
            fields: fields as unknown as Record<string, unknown>,
            // The version the change was decided on (the fold tells a stale change by it).
            basedOn: prev?.version ?? 0,
          },
        };
        await append(db, station, `ledger:${c.id}`, [event], actor, now);
        await db.ledger.put(ledgerRowOf(c.id, c.kind, stored));
      }
    });
    return { ok: true, id: changes[0]?.id ?? '' };
  } catch (e) {
    if (e instanceof Refused) return { ok: false, refusal: e.refusal };
    throw e;
  }
}

/**
 * A change to one entry already written, decided on its version `expectedVersion` (the write
 * refuses a stale one), linking no case: a meeting held, a resolution, progress, a return call.
 */
export function amend<K extends LedgerKind>(
  db: OneWindowDb,
  action: LedgerAction,
  actor: EventActor,
  now: Date,
  entry: { id: string; kind: K; expectedVersion: number; event: EventType },
  change: (prev: LedgerDataOf[K]) => LedgerDataOf[K],
): Promise<LedgerResult> {
  return write(
    db,
    action,
    actor,
    now,
    // The write finds the entry or refuses (notFound) before it builds: prev is there.
    [{ ...entry, build: (prev) => change(prev as LedgerDataOf[K]) }],
    [],
  );
}

async function nextNumber(db: OneWindowDb, kind: LedgerKind, now: Date): Promise<string> {
  const year = toLocalDate(now).slice(0, 4);
  const prefix = `${NUMBER_PREFIX[kind]}${year}`;
  // On a station that joined a hall the number is the bureau's, from the block leased ahead
  // (data/numberLeases.ts); none left (and the hall away): refused, nothing written.
  if (await numbersFromLeases(db)) {
    // Numbers this station counted alone before it joined are passed over (ledgerUsedAlone).
    const station = (await getStation(db))?.stationCode ?? '';
    const alone = await ledgerUsedAlone(db, kind, Number(year), station);
    const leased = await takeLeasedIn(db, leaseSeriesId('ledger', kind, Number(year)), alone);
    if (!leased) throw new Refused({ code: 'numbersExhausted' });
    return `${prefix}${String(leased.seq).padStart(4, '0')}`;
  }
  const same = await db.ledger.where('kind').equals(kind).toArray();
  const taken = same
    .map((r) => itemOf(r).data as { number: string })
    .filter((d) => d.number.startsWith(prefix)).length;
  return `${prefix}${String(taken + 1).padStart(4, '0')}`;
}

export const newId = (kind: LedgerKind) => `${kind}-${crypto.randomUUID()}`;
export const invalid = (fields: string[]): LedgerResult => ({
  ok: false,
  refusal: { code: 'invalid', fields },
});
export const trimmedCode = (s: string) => (s.trim() === '' ? '' : normaliseCode(s));
