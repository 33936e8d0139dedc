// Writing the ledgers. Each write appends its event to the hash-chained log and puts the row in
// one Dexie transaction (as attachments.ts does), after checking the writer's role here — not
// only by hiding a button — and the fields (credit codes by their check character, linked case
// numbers against the case table).
import { leaseSeriesId } from '../../../server/protocol/leases';
import { ledgerUsedAlone, numbersFromLeases, takeLeasedIn } from './numberLeases';
import { isLocalDate, isValidCreditCode, normaliseCode, isRole, toLocalDate } from '../domain';
import type { Role } from '../domain';
import type { LedgerRow, OneWindowDb } from './db';
import type { EventActor } from './eventTypes';
import type { EventType } from './eventRegistry';
import { append, type NewEvent } from './log';
import { getStation } from './station';
import { knownCaseNumbers } from './queries';
import {
  NUMBER_PREFIX,
  SUPERVISION_SOURCES,
  type Commendation,
  type Complaint,
  type LedgerDataOf,
  type LedgerItem,
  type LedgerKind,
  type LegacyIssue,
  type Meeting,
  type ReturnCall,
  type SupervisionItem,
} from './ledgersModel';

export * from './ledgersModel';

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

// ---- validation ----

/** '' is allowed (optional); anything else must be a valid 统一社会信用代码. */
function creditCodeProblem(code: string, required: boolean): boolean {
  if (code === '') return required;
  return !isValidCreditCode(normaliseCode(code));
}

const blank = (s: string) => s.trim() === '';

export function legacyIssueProblems(d: Omit<LegacyIssue, 'number' | 'supervisionId'>): string[] {
  const bad: string[] = [];
  if (creditCodeProblem(d.creditCode, true)) bad.push('creditCode');
  if (blank(d.enterpriseName)) bad.push('enterpriseName');
  if (blank(d.projectName)) bad.push('projectName');
  if (blank(d.obstacle)) bad.push('obstacle');
  if (blank(d.responsible)) bad.push('responsible');
  if (!isLocalDate(d.dueDate)) bad.push('dueDate');
  for (const m of d.meetings) bad.push(...meetingProblems(m));
  return [...new Set(bad)];
}

export function meetingProblems(m: Meeting): string[] {
  const bad: string[] = [];
  if (!isLocalDate(m.date)) bad.push('meeting.date');
  if (blank(m.participants)) bad.push('meeting.participants');
  if (blank(m.decisions)) bad.push('meeting.decisions');
  return bad;
}

export function supervisionProblems(d: Omit<SupervisionItem, 'number'>): string[] {
  const bad: string[] = [];
  if (blank(d.title)) bad.push('title');
  // A bad rating's follow-up is opened by the rating itself (data/followUps.ts), never by hand.
  if (!SUPERVISION_SOURCES.includes(d.source) || d.source === 'badRating') bad.push('source');
  if (creditCodeProblem(d.creditCode, false)) bad.push('creditCode');
  if (blank(d.department)) bad.push('department');
  if (blank(d.person)) bad.push('person');
  if (!isLocalDate(d.dueDate)) bad.push('dueDate');
  return bad;
}

export function complaintProblems(d: Omit<Complaint, 'number'>): string[] {
  const bad: string[] = [];
  if (!isLocalDate(d.receivedOn)) bad.push('receivedOn');
  if (blank(d.complainant)) bad.push('complainant');
  if (creditCodeProblem(d.creditCode, false)) bad.push('creditCode');
  if (blank(d.content)) bad.push('content');
  if (!isLocalDate(d.dueDate)) bad.push('dueDate');
  return bad;
}

export function commendationProblems(d: Omit<Commendation, 'number'>): string[] {
  const bad: string[] = [];
  if (!isLocalDate(d.receivedOn)) bad.push('receivedOn');
  if (blank(d.from)) bad.push('from');
  if (creditCodeProblem(d.creditCode, false)) bad.push('creditCode');
  // Linked to a case or to staff: at least one of them.
  if (blank(d.caseNumber) && blank(d.staff)) bad.push('staff');
  return bad;
}

// ---- the one write path ----

interface Change {
  id: string;
  kind: LedgerKind;
  /** null for a new row. */
  expectedVersion: number | null;
  event: EventType;
  build: (prev: LedgerDataOf[LedgerKind] | null, number: string) => LedgerDataOf[LedgerKind];
}

async function write(
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

const newId = (kind: LedgerKind) => `${kind}-${crypto.randomUUID()}`;
const invalid = (fields: string[]): LedgerResult => ({
  ok: false,
  refusal: { code: 'invalid', fields },
});
const trimmedCode = (s: string) => (s.trim() === '' ? '' : normaliseCode(s));

// ---- legacy issues ----

export type LegacyIssueInput = Omit<
  LegacyIssue,
  'number' | 'supervisionId' | 'status' | 'resolution'
>;

/** Records an issue and opens its supervision item (source 'legacyIssue') in the same write. */
export async function recordLegacyIssue(
  db: OneWindowDb,
  input: LegacyIssueInput,
  actor: EventActor,
  now = new Date(),
): Promise<LedgerResult> {
  const d = {
    ...input,
    creditCode: trimmedCode(input.creditCode),
    // Recorded together with its first meeting, the issue is already being worked on.
    status: input.meetings.length > 0 ? ('inProgress' as const) : ('open' as const),
    resolution: '',
  };
  const bad = legacyIssueProblems(d);
  if (bad.length > 0) return invalid(bad);
  const id = newId('legacyIssue');
  const supervisionId = newId('supervision');
  let issueNumber = '';
  return write(
    db,
    'legacyIssue',
    actor,
    now,
    [
      {
        id,
        kind: 'legacyIssue',
        expectedVersion: null,
        event: 'legacyIssueRecorded',
        build: (_p, number) => {
          issueNumber = number;
          return { ...d, number, supervisionId };
        },
      },
      {
        id: supervisionId,
        kind: 'supervision',
        expectedVersion: null,
        event: 'supervisionOpened',
        build: (_p, number): SupervisionItem => ({
          number,
          title: `${issueNumber} ${d.enterpriseName} ${d.projectName}：${d.obstacle}`,
          source: 'legacyIssue',
          sourceId: id,
          creditCode: d.creditCode,
          enterpriseName: d.enterpriseName,
          caseNumber: d.caseNumbers[0] ?? '',
          department: d.department,
          person: d.responsible,
          dueDate: d.dueDate,
          status: 'open',
          progress: [],
        }),
      },
    ],
    d.caseNumbers,
  );
}

export async function addMeeting(
  db: OneWindowDb,
  id: string,
  meeting: Meeting,
  expectedVersion: number,
  actor: EventActor,
  now = new Date(),
): Promise<LedgerResult> {
  const bad = meetingProblems(meeting);
  if (bad.length > 0) return invalid(bad);
  return write(
    db,
    'legacyIssue',
    actor,
    now,
    [
      {
        id,
        kind: 'legacyIssue',
        expectedVersion,
        event: 'legacyIssueMeetingHeld',
        build: (prev) => {
          const p = prev as LegacyIssue;
          return {
            ...p,
            meetings: [...p.meetings, meeting],
            status: p.status === 'open' ? 'inProgress' : p.status,
          };
        },
      },
    ],
    [],
  );
}

export async function resolveLegacyIssue(
  db: OneWindowDb,
  id: string,
  resolution: string,
  expectedVersion: number,
  actor: EventActor,
  now = new Date(),
): Promise<LedgerResult> {
  if (blank(resolution)) return invalid(['resolution']);
  return write(
    db,
    'legacyIssue',
    actor,
    now,
    [
      {
        id,
        kind: 'legacyIssue',
        expectedVersion,
        event: 'legacyIssueResolved',
        build: (prev) => ({ ...(prev as LegacyIssue), status: 'resolved', resolution }),
      },
    ],
    [],
  );
}

// ---- supervision ----

export type SupervisionInput = Omit<SupervisionItem, 'number' | 'status' | 'progress' | 'sourceId'>;

export async function recordSupervision(
  db: OneWindowDb,
  input: SupervisionInput,
  actor: EventActor,
  now = new Date(),
): Promise<LedgerResult> {
  const d: Omit<SupervisionItem, 'number'> = {
    ...input,
    creditCode: trimmedCode(input.creditCode),
    sourceId: null,
    status: 'open',
    progress: [],
  };
  const bad = supervisionProblems(d);
  if (bad.length > 0) return invalid(bad);
  return write(
    db,
    'supervision',
    actor,
    now,
    [
      {
        id: newId('supervision'),
        kind: 'supervision',
        expectedVersion: null,
        event: 'supervisionOpened',
        build: (_p, number) => ({ ...d, number }),
      },
    ],
    [d.caseNumber],
  );
}

/** Monday of the week a date lies in: progress is reported once a week. */
export function weekOf(date: string): string {
  const t = Date.UTC(
    Number(date.slice(0, 4)),
    Number(date.slice(5, 7)) - 1,
    Number(date.slice(8, 10)),
  );
  const dow = (new Date(t).getUTCDay() + 6) % 7;
  return new Date(t - dow * 86_400_000).toISOString().slice(0, 10);
}

export async function addProgress(
  db: OneWindowDb,
  id: string,
  note: string,
  done: boolean,
  expectedVersion: number,
  actor: EventActor,
  now = new Date(),
): Promise<LedgerResult> {
  if (blank(note)) return invalid(['note']);
  const entry = { week: weekOf(toLocalDate(now)), note, by: actor.name, at: now.toISOString() };
  return write(
    db,
    'progress',
    actor,
    now,
    [
      {
        id,
        kind: 'supervision',
        expectedVersion,
        event: 'supervisionProgress',
        build: (prev) => {
          const p = prev as SupervisionItem;
          return { ...p, progress: [...p.progress, entry], status: done ? 'done' : p.status };
        },
      },
    ],
    [],
  );
}

// ---- complaints and the director's mailbox ----

export type ComplaintInput = Omit<Complaint, 'number' | 'status' | 'returnCalls'>;

/** Who handles a complaint: chosen when it is recorded, never whoever typed it in. */
export interface ComplaintRouting {
  department: string;
  responsible: string;
}

/** Records a complaint or letter and opens its supervision item (source 'complaint'). */
export async function recordComplaint(
  db: OneWindowDb,
  input: ComplaintInput,
  routing: ComplaintRouting,
  actor: EventActor,
  now = new Date(),
): Promise<LedgerResult> {
  const { department } = routing;
  const responsible = routing.responsible.trim();
  const d: Omit<Complaint, 'number'> = {
    ...input,
    creditCode: trimmedCode(input.creditCode),
    status: 'open',
    returnCalls: [],
  };
  const bad = [...complaintProblems(d), ...(responsible === '' ? ['responsible'] : [])];
  if (bad.length > 0) return invalid(bad);
  const id = newId('complaint');
  let complaintNumber = '';
  return write(
    db,
    'complaint',
    actor,
    now,
    [
      {
        id,
        kind: 'complaint',
        expectedVersion: null,
        event: 'complaintRecorded',
        build: (_p, number) => {
          complaintNumber = number;
          return { ...d, number };
        },
      },
      {
        id: newId('supervision'),
        kind: 'supervision',
        expectedVersion: null,
        event: 'supervisionOpened',
        build: (_p, number): SupervisionItem => ({
          number,
          title: `${complaintNumber} ${d.complainant}：${d.content}`,
          source: 'complaint',
          sourceId: id,
          creditCode: d.creditCode,
          enterpriseName: '',
          caseNumber: d.caseNumber,
          department: department.trim() === '' ? '-' : department,
          person: responsible,
          dueDate: d.dueDate,
          status: 'open',
          progress: [],
        }),
      },
    ],
    [d.caseNumber],
  );
}

export async function addReturnCall(
  db: OneWindowDb,
  id: string,
  call: Omit<ReturnCall, 'by'>,
  close: boolean,
  expectedVersion: number,
  actor: EventActor,
  now = new Date(),
): Promise<LedgerResult> {
  const bad: string[] = [];
  if (!isLocalDate(call.date)) bad.push('call.date');
  if (blank(call.result)) bad.push('call.result');
  if (bad.length > 0) return invalid(bad);
  return write(
    db,
    'returnCall',
    actor,
    now,
    [
      {
        id,
        kind: 'complaint',
        expectedVersion,
        event: 'complaintReturnCall',
        build: (prev) => {
          const p = prev as Complaint;
          return {
            ...p,
            returnCalls: [...p.returnCalls, { ...call, by: actor.name }],
            status: close ? 'closed' : p.status,
          };
        },
      },
    ],
    [],
  );
}

// ---- commendations ----

export type CommendationInput = Omit<Commendation, 'number'>;

export async function recordCommendation(
  db: OneWindowDb,
  input: CommendationInput,
  actor: EventActor,
  now = new Date(),
): Promise<LedgerResult> {
  const d = { ...input, creditCode: trimmedCode(input.creditCode) };
  const bad = commendationProblems(d);
  if (bad.length > 0) return invalid(bad);
  return write(
    db,
    'commendation',
    actor,
    now,
    [
      {
        id: newId('commendation'),
        kind: 'commendation',
        expectedVersion: null,
        event: 'commendationRecorded',
        build: (_p, number) => ({ ...d, number }),
      },
    ],
    [d.caseNumber],
  );
}
