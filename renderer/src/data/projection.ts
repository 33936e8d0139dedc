// Read rows from the domain's case state: the fields screens filter and sort on, plus the state
// itself. Pure functions of the state and the station's calendar — never of the day they run
// on — so a fold of the event log gives byte-identical rows on any day and any machine
// (data/fold.ts rebuilds every read table with them; the tests compare the bytes).
import {
  DUE_STATUSES,
  defaultCalendar,
  dueDateOf,
  inboxRoleOf,
  type CaseState,
  type CaseStatus,
  type DomainEvent,
  type HolidayCalendar,
} from '../domain';
import type {
  CaseRow,
  CertificateRow,
  CounsellingRow,
  OneWindowDb,
  PartyRow,
  ProjectRow,
} from './db';
import { termsOf } from './search';
import type { EventActor } from './eventTypes';

export { inboxRoleOf, NO_DUE_DATE } from '../domain';

/** Statuses whose stored due date follows the calendar (a calendar change re-projects them). */
export const DEADLINE_STATUSES: readonly CaseStatus[] = [...DUE_STATUSES, 'suspended'];

export const partyCodeOf = (state: CaseState) =>
  state.intake.applicant.kind === 'enterprise'
    ? state.intake.applicant.creditCode.toUpperCase()
    : state.intake.applicant.idNumber.toUpperCase();

/**
 * The applicant's record: by code; a walk-in refused (or asked to supplement) without one is
 * kept by name, so code-less applicants never share one record.
 */
const partyIdOf = (state: CaseState) => {
  const code = partyCodeOf(state);
  return code ? `party:${code}` : `party:name:${state.intake.applicant.name}`;
};

/** The project's record: by code, else by name; none when the walk-in named no project. */
const projectIdOf = (state: CaseState): string | null => {
  const code = (state.intake.projectCode ?? '').toUpperCase();
  if (code) return `project:${code}`;
  return state.intake.projectName ? `project:name:${state.intake.projectName}` : null;
};

/**
 * The index entry of a case that has parked or merged events (state.parked / state.merged), in
 * the `*terms` index beside the name bigrams: the conflict queue reads those rows by
 * `where('terms').equals(CONFLICT_TERM)` instead of every case (no schema version needed). A
 * number sorts before every string in IndexedDB, so no bigram equality or prefix range of the
 * name search can include it.
 */
export const CONFLICT_TERM = 0;

/** Whether the fold parked or merged an event of this case (the conflict queue lists it). */
export const hasConflicts = (state: CaseState): boolean =>
  (state.parked?.length ?? 0) > 0 || (state.merged?.length ?? 0) > 0;

export function projectCase(
  state: CaseState,
  calendar: HolidayCalendar = defaultCalendar,
): CaseRow {
  const partyCode = partyCodeOf(state);
  const projectCode = (state.intake.projectCode ?? '').toUpperCase();
  return {
    id: state.caseId,
    caseNo: state.caseNo,
    version: state.version,
    status: state.status,
    matterCode: state.matter.code,
    applicantId: partyIdOf(state),
    projectId: projectIdOf(state),
    applicantName: state.intake.applicant.name,
    projectName: state.intake.projectName,
    partyCode,
    projectCode,
    inboxRole: inboxRoleOf(state),
    dueDate: dueDateOf(state, calendar),
    receivedDate: state.receivedOn,
    greenChannel: state.greenChannel ? 1 : 0,
    terms: [
      ...termsOf(state.intake.applicant.name, state.intake.projectName),
      ...(hasConflicts(state) ? [CONFLICT_TERM] : []),
    ],
    // Only on a renumbered case: every other row stays byte for byte what it was.
    ...(state.formerNumbers?.length ? { formerNumbers: state.formerNumbers } : {}),
    state,
  };
}

/** The applicant's row as a case's intake names it. */
export function partyRowOf(state: CaseState): PartyRow {
  const a = state.intake.applicant;
  return {
    id: partyIdOf(state),
    kind: a.kind,
    code: partyCodeOf(state),
    name: a.name,
    data: { applicant: a, contact: state.intake.contact, agent: state.intake.agent ?? null },
  };
}

/** The project's row as a case's intake names it (none when it names no project). */
export function projectRowOf(state: CaseState): ProjectRow | null {
  const id = projectIdOf(state);
  if (!id) return null;
  return {
    id,
    code: (state.intake.projectCode ?? '').toUpperCase(),
    name: state.intake.projectName,
    data: { location: state.intake.fields['location'] ?? '' },
  };
}

/** Registers (or refreshes) the applicant and the project of a case. */
export async function projectParties(db: OneWindowDb, state: CaseState) {
  const project = projectRowOf(state);
  await Promise.all([db.parties.put(partyRowOf(state)), project && db.projects.put(project)]);
}

/** A case's certificates: the current one, and every one voided (as issued, marked voided). */
export function certificateRowsOf(state: CaseState): CertificateRow[] {
  const row = (c: NonNullable<CaseState['certificate']>, status: string): CertificateRow => ({
    id: `${state.caseId}:${c.number}`,
    number: c.number,
    caseId: state.caseId,
    certType: c.type,
    status,
    data: c,
  });
  const voided = state.voidedCertificates.map(({ voidedOn: _o, reason: _r, ...c }) =>
    row(c, 'voided'),
  );
  return state.certificate ? [...voided, row(state.certificate, 'current')] : voided;
}

export function counsellingRowOf(
  e: Extract<DomainEvent, { type: 'counsellingSaved' }>,
  actor: EventActor,
): CounsellingRow {
  return { id: e.counsellingId, createdAt: e.on, data: { ...e, clerk: actor } };
}

export async function projectCounselling(
  db: OneWindowDb,
  e: Extract<DomainEvent, { type: 'counsellingSaved' }>,
  actor: EventActor,
) {
  await db.counselling.put(counsellingRowOf(e, actor));
}
