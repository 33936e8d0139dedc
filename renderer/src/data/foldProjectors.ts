// The projectors of the log's fold (data/fold.ts): one per read table, each naming the event
// types it reads. Each is a pure function of the events it is given and of what the fold built
// before them — never of the clock. Where a writer elsewhere in data/ builds the same row, both
// call the same function (projectCase, ledgerRowOf, followUpRowOf …), so they cannot drift.
import {
  CASE_EVENT_TYPES,
  rectificationDue,
  stepStream,
  type CaseState,
  type DomainEvent,
  type HolidayCalendar,
} from '../domain';
import type { FileMetaRow, UserRow } from './db';
import { DEPARTMENTS_KEY } from './departments';
import { EVENT_SCHEMA } from './eventRegistry';
import type { StoredEvent } from './eventTypes';
import type { Kept, ReadTable } from './fold';
import { documentRowOf } from './documentRows';
import { followUpRowOf, FOLLOW_UP_KIND, type RatingFollowUp } from './followUps';
import { CALENDAR_KEY, withoutYear, withYear } from './holidayCalendar';
import { IDLE_LOCK_KEY } from './idleLock';
import { ledgerRowOf, type LedgerKind, type Stored } from './ledgers';
import type { PrintRecord } from './prints';
import {
  certificateRowsOf,
  counsellingRowOf,
  partyRowOf,
  projectCase,
  projectRowOf,
} from './projection';
import { RANKING_RULES_KEY } from './rankingRules';
import {
  foldTicketRating,
  TICKET_RATING_KIND,
  ticketRatingRowOf,
  type TicketRatingEntry,
} from './ticketRatings';
import type { TicketRatingEvent } from '../domain/ticketRating';

/** A ledger entry as the fold has it: the stored data and the changes it parked. */
interface LedgerFold {
  kind: LedgerKind;
  stored: Stored<LedgerKind> & { parked?: { eventId: string; basedOn: number; version: number }[] };
}

export interface FoldRun {
  tables: Record<ReadTable, Map<string, unknown>>;
  /** Case states by stream id. */
  cases: Map<string, CaseState>;
  ledgers: Map<string, LedgerFold>;
  kept: Kept;
  /** The station's calendar as folded so far. */
  calendar: () => HolidayCalendar;
  /** What became of the event being folded, when a projector decides it. */
  outcome: { outcome: 'applied' | 'merged' | 'parked' | 'skipped'; reason?: string } | null;
}

export interface Projector {
  table: ReadTable;
  types: readonly string[];
  apply: (run: FoldRun, e: StoredEvent) => void;
  /** Rows that depend on the end of the fold (due dates on the calendar the fold ended with). */
  finish?: (run: FoldRun) => void;
}

type Payload = Record<string, unknown>;
const INTAKE_EVENTS = ['caseAccepted', 'supplementRequested', 'caseRefused'];
const CERTIFICATE_EVENTS = ['certificateIssued', 'certificateReissued', 'certificateVoided'];
const LEDGER_EVENTS = [
  'legacyIssueRecorded',
  'legacyIssueMeetingHeld',
  'legacyIssueResolved',
  'supervisionOpened',
  'supervisionProgress',
  'complaintRecorded',
  'complaintReturnCall',
  'commendationRecorded',
];

const applied = (run: FoldRun) =>
  run.outcome?.outcome === 'applied' || run.outcome?.outcome === 'merged';
/** The case a case event of this stream is about, once the cases projector has folded it. */
const caseOf = (run: FoldRun, e: StoredEvent) =>
  applied(run) ? run.cases.get(e.streamId) : undefined;

const cases: Projector = {
  table: 'cases',
  types: CASE_EVENT_TYPES,
  apply: (run, e) => {
    const step = stepStream(run.cases.get(e.streamId) ?? null, e, { maxSchema: EVENT_SCHEMA });
    if (step.state) run.cases.set(e.streamId, step.state);
    run.outcome = step.outcome;
  },
  // The stored due date is counted on the station's calendar as it is now: every calendar change
  // re-projects the open cases (holidayCalendar.ts), and every dispatch reads the calendar.
  finish: (run) => {
    const calendar = run.calendar();
    for (const state of run.cases.values())
      run.tables.cases.set(state.caseId, projectCase(state, calendar));
  },
};

const certificates: Projector = {
  table: 'certificates',
  types: CERTIFICATE_EVENTS,
  apply: (run, e) => {
    const state = caseOf(run, e);
    if (state) for (const row of certificateRowsOf(state)) run.tables.certificates.set(row.id, row);
  },
};

// Parties and projects: the last intake decision in the log's order that names one writes it.
const parties: Projector = {
  table: 'parties',
  types: INTAKE_EVENTS,
  apply: (run, e) => {
    const state = caseOf(run, e);
    if (!state) return;
    const row = partyRowOf(state);
    run.tables.parties.set(row.id, row);
  },
};

const projects: Projector = {
  table: 'projects',
  types: INTAKE_EVENTS,
  apply: (run, e) => {
    const state = caseOf(run, e);
    const row = state && projectRowOf(state);
    if (row) run.tables.projects.set(row.id, row);
  },
};

const counselling: Projector = {
  table: 'counselling',
  types: ['counsellingSaved'],
  apply: (run, e) => {
    const row = counsellingRowOf(
      e.payload as Extract<DomainEvent, { type: 'counsellingSaved' }>,
      e.actor,
    );
    run.tables.counselling.set(row.id, row);
  },
};

// A ledger change replaces the entry's fields: one decided on an older version than the entry
// has is parked (kept in stored.parked for the conflict queue), never applied over the other.
const ledgers: Projector = {
  table: 'ledger',
  types: LEDGER_EVENTS,
  apply: (run, e) => {
    const p = e.payload as { id: string; kind: LedgerKind; fields: Payload; basedOn?: number };
    const prev = run.ledgers.get(p.id);
    const version = prev?.stored.version ?? 0;
    if (p.basedOn !== undefined && p.basedOn !== version && prev) {
      const parked = [
        ...(prev.stored.parked ?? []),
        { eventId: e.id, basedOn: p.basedOn, version },
      ];
      prev.stored = { ...prev.stored, parked };
      run.outcome = { outcome: 'parked', reason: 'stale' };
    } else {
      const stored: LedgerFold['stored'] = {
        version: version + 1,
        createdAt: prev?.stored.createdAt ?? e.at,
        createdBy: prev?.stored.createdBy ?? e.actor.name,
        fields: p.fields as unknown as Stored<LedgerKind>['fields'],
        ...(prev?.stored.parked ? { parked: prev.stored.parked } : {}),
      };
      run.ledgers.set(p.id, { kind: p.kind, stored });
    }
    const entry = run.ledgers.get(p.id);
    if (entry) run.tables.ledger.set(p.id, ledgerRowOf(p.id, entry.kind, entry.stored));
  },
};

// A follow-up's rectification limit follows the calendar like a case's due date.
const followUps: Projector = {
  table: 'ledger',
  types: ['followUpOpened'],
  apply: (run, e) => {
    const { id, kind: _k, basedOn: _b, ...fields } = e.payload as Payload & { id: string };
    run.tables.ledger.set(
      id,
      followUpRowOf(id, fields as unknown as RatingFollowUp, e.at, e.actor.name),
    );
  },
  finish: (run) => {
    const calendar = run.calendar();
    for (const [id, row] of run.tables.ledger) {
      const r = row as ReturnType<typeof followUpRowOf>;
      const f = r.data as RatingFollowUp & { createdAt: string; createdBy: string };
      if (r.kind !== FOLLOW_UP_KIND || r.status !== 'open' || f.rectification === 'done') continue;
      if (!f.ratedOn) continue;
      const due = rectificationDue(f.ratedOn, calendar);
      if (due.dueOn === f.rectifyDueOn && due.estimated === f.dueEstimated) continue;
      run.tables.ledger.set(id, {
        ...r,
        dueDate: due.dueOn,
        data: { ...f, rectifyDueOn: due.dueOn, dueEstimated: due.estimated },
      });
    }
  },
};

// The rating of a ticket served without a case (data/ticketRatings.ts): recorded once, appealed
// once, decided once; an event that does not fit the rating as it stands is parked (kept in the
// log, no effect).
const ticketRatings: Projector = {
  table: 'ledger',
  types: [
    'ledger.ticket_rating_recorded',
    'ledger.ticket_rating_appealed',
    'ledger.ticket_rating_appeal_decided',
  ],
  apply: (run, e) => {
    const p = e.payload as unknown as TicketRatingEvent & { id: string };
    const row = run.tables.ledger.get(p.id) as { kind?: string; data?: unknown } | undefined;
    const prev = row?.kind === TICKET_RATING_KIND ? (row.data as TicketRatingEntry) : null;
    const { id, basedOn: _b, ...event } = p as typeof p & { basedOn?: number };
    const next = foldTicketRating(prev, event as TicketRatingEvent);
    if (!next) {
      run.outcome = { outcome: 'parked', reason: 'ticket_rating_not_admitted' };
      return;
    }
    run.tables.ledger.set(id, ticketRatingRowOf(id, next));
  },
};

const settings: Projector = {
  table: 'settings',
  types: [
    'settings.calendarChanged',
    'settings.departmentsChanged',
    'settings.rankingRulesChanged',
    'settings.idle_lock_changed',
  ],
  apply: (run, e) => {
    const p = e.payload;
    const put = (key: string, value: unknown) => run.tables.settings.set(key, { key, value });
    switch (e.type) {
      case 'settings.calendarChanged': {
        // Events before the whole calendar was recorded: the change applied to the calendar as
        // folded so far (as the writer applied it to the one it loaded).
        const year = p as { action: 'saved' | 'deleted'; year: number; data: unknown };
        const value =
          p['calendar'] ??
          (year.action === 'saved' && year.data
            ? withYear(run.calendar(), year.data as Parameters<typeof withYear>[1])
            : withoutYear(run.calendar(), year.year));
        return put(CALENDAR_KEY, value);
      }
      case 'settings.departmentsChanged':
        return put(DEPARTMENTS_KEY, p);
      case 'settings.rankingRulesChanged':
        return put(RANKING_RULES_KEY, p['rules']);
      case 'settings.idle_lock_changed':
        return put(IDLE_LOCK_KEY, p['minutes']);
    }
  },
};

// Users without their secrets: the hash comes from the credential kept beside the event that
// set it (created, password reset: data/credentials.ts) or, when none was kept (events from
// before credentials travelled), from the stored row; lockout counters always from the stored
// row — they are this station's own.
const users: Projector = {
  table: 'users',
  types: [
    'user.created',
    'user.role_changed',
    'user.disabled',
    'user.enabled',
    'user.password_reset',
    'user.renamed',
  ],
  apply: (run, e) => {
    const p = e.payload;
    const id = e.type === 'user.created' ? String(p['id']) : e.streamId.replace(/^user:/, '');
    const prev = run.tables.users.get(id) as UserRow | undefined;
    const credential = run.kept.credentials?.get(e.id);
    if (e.type === 'user.created') {
      const kept = run.kept.users?.get(id);
      const row: UserRow = {
        id,
        username: String(p['username']),
        name: String(p['name']),
        role: String(p['role']),
        disabled: p['disabled'] === 1 ? 1 : 0,
        passwordHash: credential ?? kept?.passwordHash ?? '',
        failedAttempts: kept?.failedAttempts ?? 0,
        lockedUntil: kept?.lockedUntil ?? null,
      };
      run.tables.users.set(id, row);
      return;
    }
    if (!prev) return;
    if (e.type === 'user.password_reset') {
      if (credential) run.tables.users.set(id, { ...prev, passwordHash: credential });
    } else if (e.type === 'user.renamed')
      run.tables.users.set(id, { ...prev, username: String(p['to']) });
    else if (e.type === 'user.role_changed')
      run.tables.users.set(id, { ...prev, role: String(p['to']) });
    else run.tables.users.set(id, { ...prev, disabled: e.type === 'user.disabled' ? 1 : 0 });
  },
};

const attachments: Projector = {
  table: 'files',
  types: ['attachmentsLinked'],
  apply: (run, e) => {
    const p = e.payload as { caseId: string; attachments: { id: string }[] };
    for (const a of p.attachments) {
      const row: FileMetaRow = {
        id: `${p.caseId}:${a.id}`,
        caseId: p.caseId,
        kind: 'attachment',
        data: a,
      };
      run.tables.files.set(row.id, row);
    }
  },
};

const prints: Projector = {
  table: 'files',
  types: ['paperPrinted', 'paperReprinted'],
  apply: (run, e) => {
    const p = e.payload as Payload & { archiveId: string; caseId: string | null };
    const stored = run.kept.files?.get(p.archiveId)?.data as Partial<PrintRecord> | undefined;
    const record = {
      ...stored,
      ...p,
      printedAt: p['printedAt'] ?? stored?.printedAt ?? e.at,
      by: e.actor,
      html: stored?.html ?? '',
    };
    const row: FileMetaRow = {
      id: p.archiveId,
      caseId: p.caseId ?? '',
      kind: 'print',
      data: record,
    };
    run.tables.files.set(row.id, row);
  },
};

/** The register of document numbers: the same pure row the allocating dispatch writes. */
const documents: Projector = {
  table: 'documents',
  types: ['documentNumberAllocated'],
  apply: (run, e) => {
    const row = documentRowOf(e);
    if (row) run.tables.documents.set(row.id, row);
  },
};

/** Every projector, in the order each event meets them (cases first: the others read its state). */
export const PROJECTORS: readonly Projector[] = [
  cases,
  certificates,
  parties,
  projects,
  counselling,
  ledgers,
  followUps,
  ticketRatings,
  settings,
  users,
  attachments,
  prints,
  documents,
];
