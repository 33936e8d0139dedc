// dispatch(): the only way a case or counselling session changes. In one Dexie transaction it
// loads the state, asks the domain to decide, allocates numbers (the case's, a certificate's, the
// document number of the notice the decision prints), appends the events to the hash-chained log
// (with the scans linked at intake) and updates the read tables — all or nothing. IndexedDB serialises
// read-write transactions over the same tables, so two dispatches on one case never interleave;
// a screen that loaded an older version of the case is refused ('stale'), never applied blindly.
import {
  decide,
  defaultCatalogue,
  isCaseEventType,
  stepStream,
  type Actor,
  type CaseState,
  type Command,
  type DecideContext,
  type DomainEvent,
  type Refusal,
  USER_COMMANDS,
} from '../domain';
import { toLocalDate } from '../domain/calendar';
import {
  caseSequenceKey,
  certificateSequenceKey,
  nextCaseNumber,
  nextCertificateNumber,
} from '../domain/numbering';
import type { Table } from 'dexie';
import type { OneWindowDb } from './db';
import type { StoredEvent } from './eventTypes';
import { reportBlocks, REPORT_KEY, type IntegrityReport } from './integrity';
import { EVENT_SCHEMA, type EventType } from './eventRegistry';
import type { AttachmentMeta } from './attachments';
import {
  docNumberSource,
  extrasTables,
  leaseExhausted,
  planExtras,
  recordExtras,
} from './decisionRecords';
import type { DocumentRow } from './documentRows';
import { appendBatches, HEAD_KEY, headOf } from './log';
import { calendarFromStored, CALENDAR_KEY } from './holidayCalendar';
import { certificateRowsOf, projectCase, projectCounselling, projectParties } from './projection';
import { STATION_KEY, type Station } from './station';

/** Refusals the data layer adds to the domain's. */
export type DataRefusalCode =
  | 'stale'
  | 'read_only'
  | 'no_station'
  | 'numbering_failed'
  | 'wrong_door'
  | 'hall_offline'
  | 'hall_number_refused'
  | 'numbers_exhausted';
export type DispatchRefusal =
  Refusal | { code: DataRefusalCode; params?: Record<string, string | number> };

export type DispatchResult =
  | {
      ok: true;
      events: StoredEvent[];
      state: CaseState | null;
      caseNo?: string;
      /** The document numbers recorded with the decision, for its papers. */
      documents: DocumentRow[];
    }
  | { ok: false; refusal: DispatchRefusal };

export interface DispatchOptions {
  actor: Actor;
  /** The case version the screen showed; absent for commands that start a case. */
  expectedVersion?: number;
  now?: Date;
  ctx?: DecideContext;
  /** Scans to link with an intake decision, recorded in the same transaction. */
  attachments?: readonly AttachmentMeta[];
  /**
   * Meta rows to delete in the same transaction when the command is recorded: the hall number
   * attempt (data/hallNumbers.ts) ends with the issue it numbered, never before.
   */
  clearMeta?: readonly string[];
}

const INTAKE = new Set(['accept', 'acceptWithDeficiencies', 'requestSupplement', 'refuse']);
const CERTIFICATE = new Set(['certificateIssued', 'certificateReissued']);

const FOLD = { maxSchema: EVENT_SCHEMA };

/** Meta rows read with the case in the transaction's first request, by key. */
type Prefetched = Map<string, unknown>;

async function nextCounter(db: OneWindowDb, key: string, prefetched: Prefetched): Promise<number> {
  const metaKey = `seq:${key}`;
  const value = prefetched.has(metaKey)
    ? prefetched.get(metaKey)
    : (await db.meta.get(metaKey))?.value;
  return (value as number | undefined) ?? 0;
}

/**
 * The station code a database last dispatched for. Only a guess, used to read the day's case
 * counter together with everything else (one round trip instead of two); the station itself is
 * read in every transaction, and a counter read for a guess that was wrong is never asked for.
 */
const lastStation = new WeakMap<OneWindowDb, string>();

async function allocateNumbers(
  db: OneWindowDb,
  station: Station,
  command: Command,
  state: CaseState | null,
  today: string,
  prefetched: Prefetched,
): Promise<{ command: Command; counters: [string, number][] } | DataRefusalCode> {
  // A renewed intake (after a supplement) keeps its number; a new case gets the next one.
  if (INTAKE.has(command.type) && 'caseNo' in command && !command.caseNo && !state) {
    const key = caseSequenceKey(station.stationCode, today);
    const n = nextCaseNumber(station.stationCode, today, await nextCounter(db, key, prefetched));
    if (!n.ok) return 'numbering_failed';
    return { command: { ...command, caseNo: n.number }, counters: [[key, n.seq]] };
  }
  if (INTAKE.has(command.type) && 'caseNo' in command && !command.caseNo && state) {
    return { command: { ...command, caseNo: state.caseNo }, counters: [] };
  }
  // Internal certificate numbers are allocated here, in the transaction that records the issue:
  // a refused or failed dispatch never consumes a number, so the sequence has no gaps. On an
  // enrolled station the hall allocates them instead (data/hallNumbers.ts): the command then
  // carries its number and seq, and the station's counter is neither read nor moved.
  if (
    CERTIFICATE.has(command.type) &&
    'external' in command &&
    !command.external &&
    !command.number &&
    state
  ) {
    const certType = state.matter.certificateType;
    const type = certType
      ? defaultCatalogue.certificateTypes.find((c) => c.id === certType)
      : undefined;
    if (!type) return { command, counters: [] }; // decide() refuses: no certificate for the matter
    const year = Number(today.slice(0, 4));
    const key = certificateSequenceKey(type.id, year);
    const n = nextCertificateNumber({
      prefix: type.numberPrefix,
      division: station.divisionCode,
      year,
      lastSeq: await nextCounter(db, key, prefetched),
    });
    if (!n.ok) return 'numbering_failed';
    return {
      command: { ...command, number: n.number, seq: n.seq } as Command,
      counters: [[key, n.seq]],
    };
  }
  return { command, counters: [] };
}

function streamOf(command: Command, caseId: string | null): string {
  if (command.type === 'counsellingSaved') return `counselling:${command.counsellingId}`;
  return `case:${caseId}`;
}

export async function dispatch(
  db: OneWindowDb,
  command: Command,
  options: DispatchOptions,
): Promise<DispatchResult> {
  // Users are managed through data/users.ts, which checks the stored role and writes the users
  // table; dispatch is the door for cases and counselling only.
  if ((USER_COMMANDS as readonly string[]).includes(command.type)) {
    return { ok: false, refusal: { code: 'wrong_door' } };
  }
  const now = options.now ?? new Date();
  const today = toLocalDate(now);
  const caseId = 'caseId' in command ? command.caseId : null;
  // The decision's document number and scans are recorded with it (data/decisionRecords.ts).
  const extras = planExtras(
    command,
    today,
    INTAKE.has(command.type) ? (options.attachments ?? []) : [],
  );
  // Only the stores this command can touch: a smaller scope is a cheaper transaction.
  const tables: Table[] = [db.events, db.meta, db.cases, db.settings];
  if (INTAKE.has(command.type)) tables.push(db.parties, db.projects);
  if (command.type === 'counsellingSaved') tables.push(db.counselling);
  if (CERTIFICATE.has(command.type) || command.type === 'certificateVoided')
    tables.push(db.certificates);
  tables.push(...extrasTables(db, extras));
  const guessedStation = lastStation.get(db);
  const metaKeys = [STATION_KEY, REPORT_KEY, HEAD_KEY, ...extras.metaKeys];
  const fixedKeys = metaKeys.length;
  if (guessedStation && INTAKE.has(command.type))
    metaKeys.push(`seq:${caseSequenceKey(guessedStation, today)}`);
  return db.transaction('rw', tables, async (): Promise<DispatchResult> => {
    // Three requests, sent together: the case, every meta row dispatch needs (station, integrity
    // verdict, chain head, the day's case counter) and the station's working-day calendar. Each
    // awaited request is a round trip.
    const [row, metaRows, calendarRow] = await Promise.all([
      caseId ? db.cases.get(caseId) : undefined,
      db.meta.bulkGet(metaKeys),
      options.ctx?.calendar ? undefined : db.settings.get(CALENDAR_KEY),
    ]);
    const calendar = options.ctx?.calendar ?? calendarFromStored(calendarRow?.value).calendar;
    const ctx: DecideContext = { ...options.ctx, calendar };
    const [stationRow, integrityRow, headRow] = metaRows;
    // The document counter, the leased block and `hall:joined`, when the decision puts a notice
    // on paper, follow the fixed three.
    const docSource = docNumberSource(metaRows.slice(3, 3 + extras.metaKeys.length));
    const station = (stationRow?.value as Station | undefined) ?? null;
    if (!station) return { ok: false, refusal: { code: 'no_station' } };
    // Keyed by the whole counter key: a guess for another station is never the key asked for.
    const prefetched: Prefetched = new Map(
      metaKeys.slice(fixedKeys).map((k, i) => [k, metaRows[fixedKeys + i]?.value]),
    );
    lastStation.set(db, station.stationCode);
    const readOnly =
      !!caseId &&
      reportBlocks(integrityRow?.value as IntegrityReport | undefined, `case:${caseId}`);
    const state = (row?.state as CaseState | undefined) ?? null;
    if (options.expectedVersion !== undefined && (row?.version ?? 0) !== options.expectedVersion) {
      return { ok: false, refusal: { code: 'stale', params: { version: row?.version ?? 0 } } };
    }
    if (readOnly) return { ok: false, refusal: { code: 'read_only' } };
    const allocated = await allocateNumbers(db, station, command, state, today, prefetched);
    if (typeof allocated === 'string') return { ok: false, refusal: { code: allocated } };

    const decision = decide(state, allocated.command, options.actor, now, ctx);
    if (!decision.ok) return { ok: false, refusal: decision.refusal };
    // An enrolled station whose leased block of this notice series is used up (and the hall away
    // to refill it): refused before anything is written.
    if (leaseExhausted(extras, docSource)) {
      return {
        ok: false,
        refusal: { code: 'numbers_exhausted', params: { docType: extras.docType ?? '' } },
      };
    }

    // Each case event records the version it was decided on (`basedOn`: the version seen, plus
    // the case events of the same decision before it), and is folded as the log's fold folds it
    // (domain/foldStream.ts) — decide only makes events admits() accepts, so all apply.
    let next = state;
    const events = decision.events.map((e) => {
      if (!isCaseEventType(e.type)) return { ...e };
      const stamped = { ...e, basedOn: next?.version ?? 0 };
      const step = stepStream(next, { id: '', type: e.type, payload: stamped }, FOLD);
      if (step.outcome.outcome !== 'applied')
        throw new Error(`decide made ${e.type}, not admitted`);
      next = step.state;
      return stamped;
    });
    const recorded = recordExtras(
      extras,
      caseId ?? '',
      station.officeShortName,
      today,
      docSource,
      now,
    );
    // The door checks each event against the registry and issues its writes at once (the head
    // is already read): a refused event throws, and the whole transaction aborts.
    const appended = appendBatches(
      db,
      station,
      [
        {
          streamId: streamOf(allocated.command, caseId),
          events: events.map((e) => ({ type: e.type as EventType, payload: e })),
        },
        ...recorded.batches,
      ],
      options.actor,
      now,
      {
        head: headOf(headRow?.value),
        meta: [
          ...allocated.counters.map(([key, seq]) => ({ key: `seq:${key}`, value: seq })),
          ...recorded.meta,
        ],
      },
    );
    // Every write is issued at once, in as few requests as the stores allow: one round trip, and
    // the transaction still commits all or nothing.
    const writes: Promise<unknown>[] = [appended, ...recorded.write(db)];
    if (options.clearMeta?.length) writes.push(db.meta.bulkDelete([...options.clearMeta]));
    if (next) {
      writes.push(db.cases.put(projectCase(next, calendar)));
      // The applicant and project only change with an intake decision.
      if (INTAKE.has(allocated.command.type)) writes.push(projectParties(db, next));
      if (CERTIFICATE.has(allocated.command.type) || allocated.command.type === 'certificateVoided')
        writes.push(db.certificates.bulkPut(certificateRowsOf(next)));
    }
    for (const e of decision.events as DomainEvent[]) {
      if (e.type === 'counsellingSaved') writes.push(projectCounselling(db, e, options.actor));
    }
    await Promise.all(writes);
    return {
      ok: true,
      events: await appended,
      state: next,
      caseNo: next?.caseNo,
      documents: recorded.documents,
    };
  });
}
