// The event registry: every event type the app writes, declared once with a zod schema of its
// payload. The append door (data/log.ts) checks each new event against it and refuses an unknown
// type or a payload that does not fit — the caller's transaction aborts, nothing is written.
//
// Stored type strings never change: an event's hash covers its `type`, so renaming one would
// break every chain that holds it. The log therefore keeps the names it was written with, in the
// styles they were written in (`caseAccepted`, `user.created`, `settings.calendarChanged`); they
// are frozen in LEGACY_TYPES. A NEW type follows one rule, checked by a unit test:
//
//   <stream kind>.<what happened, past tense, snake_case>     e.g. chain.opened, user.created
//
// Envelope versions (`schema` on the stored event, covered by its hash):
//   1 (absent) — every event written before the registry: id, stationId, stationSeq, streamId,
//                type, payload, actor, at, prevHash, hash.
//   2          — adds `schema: 2` and `chainId` (the chain the event belongs to; see log.ts).
// Old events are read as they are and verify byte for byte; they are never rewritten.
import { z } from 'zod';
import { BAD_RATING_REASONS } from '../domain/rating';
import { actorSchema, basedOn, CASE_EVENT_SCHEMAS, localDate } from './eventSchemasCase';

/** The envelope version every new event is written with. */
export const EVENT_SCHEMA = 2;

const username = z.string();
const strict = z.strictObject;
const head = z.object({
  chainId: z.string(),
  stationSeq: z.number().int().min(0),
  hash: z.string(),
});
const ledgerPayload = z.object({
  id: z.string().min(1),
  kind: z.string().min(1),
  fields: z.record(z.string(), z.unknown()),
  /** The ledger row's version the change was decided on (absent in older events). */
  basedOn,
});
const deadlineMove = z.object({
  from: z.string().nullable(),
  to: z.string().nullable(),
  estimatedBefore: z.boolean(),
  estimatedAfter: z.boolean(),
});
const calendarYear = z.looseObject({ year: z.number().int() }).nullable();
/** What a print record holds besides its HTML; absent in events written before it was recorded. */
const printDetails = {
  kind: z.enum(['a4', 'receipt']).optional(),
  overlay: z.boolean().optional(),
  deviceName: z.string().nullable().optional(),
  paper: z.object({ widthMm: z.number(), heightMm: z.number().nullable() }).optional(),
  printedAt: z.string().optional(),
  format: z.enum(['pdf', 'html']).optional(),
};

/** Events the data layer writes itself (stations, users, sign-in, papers, ledgers, settings). */
const DATA_EVENT_SCHEMAS = {
  'station.set_up': strict({
    stationCode: z.string(),
    divisionCode: z.string(),
    officeName: z.string(),
    officeShortName: z.string(),
    // The office's facts the papers print, when set-up was given them.
    address: z.string().optional(),
    phone: z.string().optional(),
    website: z.string().optional(),
    reviewBody: z.string().optional(),
    court: z.string().optional(),
  }),
  'station.contact_changed': strict({
    address: z.string(),
    phone: z.string(),
    website: z.string(),
    reviewBody: z.string().optional(),
    court: z.string().optional(),
  }),
  // User and sign-in events are strict: no password, hash or lockout secret can slip in.
  'user.created': strict({
    id: z.string(),
    username,
    name: z.string(),
    role: z.string(),
    disabled: z.union([z.literal(0), z.literal(1)]).optional(),
  }),
  'user.role_changed': strict({ from: z.string(), to: z.string() }),
  'user.disabled': strict({}),
  'user.enabled': strict({}),
  'user.password_reset': strict({}),
  /**
   * A user's sign-in name changed: when a station joined the hall (`join`, data/join/joinSettle.ts:
   * the hall holds another account under the old name; the settlement names it), or because two
   * hall accounts had one name and the stations left one out (`clash`, data/userClashes.ts).
   */
  'user.renamed': strict({ from: username, to: username, reason: z.enum(['join', 'clash']) }),
  'auth.sign_in_failed': strict({
    username,
    reason: z.enum(['unknown_user', 'disabled', 'locked', 'bad_password']),
    attempts: z.number().int().optional(),
  }),
  'auth.locked_out': strict({ username, lockedUntil: z.string(), attempts: z.number().int() }),
  'auth.signed_in': strict({ username }),
  'auth.signed_out': strict({ username }),
  'auth.screen_locked': strict({ username }),
  /** Written by restores before chains (v1 envelope); kept so old logs read. */
  'backup.restored': z.object({
    backupCreatedAt: z.string(),
    backupStationId: z.string().nullable(),
    checksum: z.string(),
    restoredHeadSeq: z.number().int(),
  }),
  /** The first event of a chain opened by a restore (data/backup.ts). */
  'chain.opened': strict({
    reason: z.literal('restore'),
    /** The chain this one continues: the head of the restored log. */
    previous: head,
    /** The head of the log the restore replaced, when there was one. */
    replaced: head.nullable(),
    backup: strict({
      createdAt: z.string(),
      checksum: z.string(),
      stationId: z.string().nullable(),
    }),
  }),
  /**
   * An entry of the conflict queue resolved (data/conflictResolve.ts), on stream
   * `conflict:<caseId>`: which parked or merged event of which stream, and how.
   */
  'conflict.resolved': strict({
    subject: z.string().min(1),
    eventId: z.string().min(1),
    outcome: z.enum(['parked', 'merged']),
    resolution: z.enum(['acknowledged', 'redo']),
    note: z.string().max(500),
  }),
  /**
   * A clash found when this station joined the hall, settled by an administrator
   * (data/join/joinSettle.ts), on stream `join:<station code>`: what clashed with what, and the
   * decision. Pushed once every clash is settled; every station of the hall holds it.
   */
  'join.clash_settled': strict({
    clashId: z.string().min(1),
    kind: z.enum(['station_code', 'username', 'certificate', 'notice']),
    key: z.string().min(1),
    decision: z.enum(['withdraw', 'same_person', 'different_person', 'recorded', 'recoded']),
    own: z.record(z.string(), z.union([z.string(), z.number()])),
    other: z.record(z.string(), z.union([z.string(), z.number()])),
    /** different_person: the name this station's user signs in with from now on. */
    renamedTo: z.string().optional(),
    /** recoded: the station code this station took (data/join/joinRecode.ts). */
    recodedTo: z.string().optional(),
    note: z.string().max(500),
  }),
  /**
   * This station, which ran alone under a code the hall already held, was re-coded before it
   * joined (data/join/joinRecode.ts): its log re-chained under `to`, the old one archived in
   * `recodedEvents`. The head of the new chain: the old chains' heads, how many events were
   * re-chained, every case number old → new, and the administrator's note (the actor).
   */
  'station.recoded': strict({
    from: z.string().min(1),
    to: z.string().min(1),
    heads: z.array(head),
    events: z.number().int().min(0),
    cases: z.array(strict({ caseId: z.string().min(1), from: z.string(), to: z.string() })),
    note: z.string().max(500),
  }),
  /** An administrator rebuilt read tables from the log (data/rebuild.ts): which, and how many rows differed. */
  'station.tables_rebuilt': strict({
    tables: z.array(z.string()),
    differences: z.number().int().min(0),
  }),
  attachmentsLinked: z.object({
    caseId: z.string().min(1),
    attachments: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        size: z.number(),
        mime: z.string(),
        // The scan's content hash (issue 16: the blob the hall must hold before the event).
        // Absent in events written before; the id of a scan stored by the host is the same hash.
        sha256: z.string().optional(),
      }),
    ),
  }),
  personalDataRevealed: z.object({
    caseId: z.string().min(1),
    caseNo: z.string(),
    fields: z.array(z.enum(['idNumber', 'phone', 'agentIdNumber', 'agentPhone'])),
  }),
  paperPrinted: z.object({
    ...printDetails,
    caseId: z.string().nullable(),
    archiveId: z.string().min(1),
    sha256: z.string(),
    docType: z.string(),
    title: z.string(),
    reprintOf: z.null(),
  }),
  paperReprinted: z.object({
    ...printDetails,
    caseId: z.string().nullable(),
    archiveId: z.string().min(1),
    sha256: z.string(),
    docType: z.string(),
    title: z.string(),
    reprintOf: z.string().min(1),
  }),
  documentNumberAllocated: z.object({
    docType: z.string(),
    number: z.string().min(1),
    caseId: z.string().min(1),
    // The series' year and sequence; absent in events written before version 5, whose
    // number carries them (data/documentRows.ts).
    year: z.number().int().optional(),
    seq: z.number().int().positive().optional(),
  }),
  followUpOpened: z.looseObject({
    id: z.string().min(1),
    kind: z.literal('followUp'),
    // A ticket served without a case: no case, the ticket instead (data/ticketRatings.ts).
    caseId: z.string().min(1).optional(),
    ticketId: z.string().min(1).optional(),
    ratingId: z.string().min(1),
    ratedOn: localDate,
    rectifyDueOn: localDate,
    basedOn,
  }),
  // The rating of a ticket served without a case (domain/ticketRating.ts), on its ledger stream.
  'ledger.ticket_rating_recorded': strict({
    type: z.literal('ledger.ticket_rating_recorded'),
    id: z.string().min(1),
    ratingId: z.string().min(1),
    ticket: strict({
      ticketId: z.string().min(1),
      number: z.string().regex(/^[A-Z]\d{3}$/),
      business: z.string().min(1),
    }),
    channel: z.literal('device'),
    overall: z.number().int().min(1).max(5),
    bad: z.boolean(),
    place: strict({
      window: z.string().min(1),
      clerkId: z.string().min(1),
      clerkName: z.string().min(1),
      ticketId: z.string().min(1).optional(),
      deviceStation: z.string().min(1).max(20).optional(),
    }),
    reasons: z.array(z.enum(BAD_RATING_REASONS)).optional(),
    on: localDate,
    basedOn,
  }),
  'ledger.ticket_rating_appealed': strict({
    type: z.literal('ledger.ticket_rating_appealed'),
    id: z.string().min(1),
    ratingId: z.string().min(1),
    reason: z.string().min(1),
    by: actorSchema,
    on: localDate,
    basedOn,
  }),
  'ledger.ticket_rating_appeal_decided': strict({
    type: z.literal('ledger.ticket_rating_appeal_decided'),
    id: z.string().min(1),
    ratingId: z.string().min(1),
    outcome: z.enum(['upheld', 'rejected']),
    reason: z.string().min(1),
    by: actorSchema,
    on: localDate,
    basedOn,
  }),
  legacyIssueRecorded: ledgerPayload,
  legacyIssueMeetingHeld: ledgerPayload,
  legacyIssueResolved: ledgerPayload,
  supervisionOpened: ledgerPayload,
  supervisionProgress: ledgerPayload,
  complaintRecorded: ledgerPayload,
  complaintReturnCall: ledgerPayload,
  commendationRecorded: ledgerPayload,
  'settings.departmentsChanged': z.looseObject({ departments: z.array(z.unknown()) }),
  'settings.rankingRulesChanged': z.object({ rules: z.unknown() }),
  'settings.calendarChanged': z.object({
    action: z.enum(['saved', 'deleted']),
    year: z.number().int(),
    data: calendarYear,
    previous: calendarYear,
    /** The whole calendar after the change (absent in events written before it was recorded). */
    calendar: z.object({ years: z.array(z.looseObject({ year: z.number().int() })) }).optional(),
  }),
  'settings.idle_lock_changed': strict({ minutes: z.number().int() }),
  'deadline.calendarChanged': z.object({
    year: z.number().int(),
    action: z.enum(['saved', 'deleted']),
    promised: deadlineMove.optional(),
    legal: deadlineMove.optional(),
    issuance: deadlineMove.optional(),
  }),
} satisfies Record<string, z.ZodType>;

export const EVENT_REGISTRY = { ...CASE_EVENT_SCHEMAS, ...DATA_EVENT_SCHEMAS } as const;

export type EventType = keyof typeof EVENT_REGISTRY;

/**
 * Type names written before the naming rule, in whatever style they had. Frozen: a new type is
 * never added here (the registry test fails on a new name outside the rule that is not listed).
 */
export const LEGACY_TYPES: readonly string[] = [
  ...Object.keys(CASE_EVENT_SCHEMAS),
  'attachmentsLinked',
  'personalDataRevealed',
  'paperPrinted',
  'paperReprinted',
  'documentNumberAllocated',
  'followUpOpened',
  'legacyIssueRecorded',
  'legacyIssueMeetingHeld',
  'legacyIssueResolved',
  'supervisionOpened',
  'supervisionProgress',
  'complaintRecorded',
  'complaintReturnCall',
  'commendationRecorded',
  'settings.departmentsChanged',
  'settings.rankingRulesChanged',
  'settings.calendarChanged',
  'deadline.calendarChanged',
];

/** The naming rule for new types: `<stream kind>.<past tense, snake_case>`. */
export const NEW_TYPE_NAME = /^[a-z]+\.[a-z]+(_[a-z]+)*$/;

export const isEventType = (type: string): type is EventType =>
  Object.prototype.hasOwnProperty.call(EVENT_REGISTRY, type);

/** A new event the registry refused: the type is named, and what did not fit. */
export class EventRefused extends Error {
  readonly eventType: string;
  readonly problems: string[];
  constructor(eventType: string, problems: string[]) {
    super(`event "${eventType}" refused: ${problems.join('; ')}`);
    this.name = 'EventRefused';
    this.eventType = eventType;
    this.problems = problems;
  }
}

/** Checks one new event's payload against its type's schema; throws EventRefused. */
export function checkEvent(type: string, payload: unknown): void {
  if (!isEventType(type)) throw new EventRefused(type, ['unknown event type']);
  const result = EVENT_REGISTRY[type].safeParse(payload);
  if (!result.success) {
    throw new EventRefused(
      type,
      result.error.issues.map((i) => `${i.path.join('.') || '(payload)'}: ${i.message}`),
    );
  }
}
