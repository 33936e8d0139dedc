// Read tables from the domain's case state: the fields screens filter and sort on, plus the
// state itself. Pure functions of the state (and today), so a fresh fold of the event log gives
// the same rows — the security fuzzing checks exactly that.
import {
  caseDeadlines,
  clockOf,
  defaultCalendar,
  type CaseState,
  type CaseStatus,
  type DomainEvent,
  type HolidayCalendar,
} from '../domain';
import type { CaseRow, OneWindowDb } from './db';
import { termsOf } from './search';
import type { EventActor } from './eventTypes';

/** Whose inbox a case sits in. Suspended cases stay with the step that suspended them. */
export function inboxRoleOf(state: CaseState): string {
  const byStatus: Record<CaseStatus, string> = {
    supplementRequested: 'clerk',
    intakePending: 'clerk',
    refused: '',
    review: 'reviewer',
    verify: 'chief',
    approval: 'director',
    suspended: '',
    approved: 'clerk',
    denied: '',
    withdrawn: '',
    issued: 'clerk',
    delivered: '',
    certificateVoided: 'clerk',
  };
  if (state.status === 'suspended') {
    return { review: 'reviewer', verify: 'chief', approval: 'director' }[
      state.suspendedFrom ?? 'review'
    ];
  }
  return byStatus[state.status];
}

export const NO_DUE_DATE = '9999-12-31';
const OPEN: readonly CaseStatus[] = [
  'review',
  'verify',
  'approval',
  'approved',
  'issued',
  'certificateVoided',
];

/** Statuses whose stored due date follows the calendar (a calendar change re-projects them). */
export const DEADLINE_STATUSES: readonly CaseStatus[] = [...OPEN, 'suspended'];

/**
 * The promised due date of an open case (the one the traffic light and the inbox order use). In
 * a year the calendar does not cover it is the weekday estimate, so the case still sorts and
 * counts by it; a calendar change re-projects it (data/holidayCalendar.ts).
 */
export function dueDateOf(
  state: CaseState,
  today: string,
  calendar: HolidayCalendar = defaultCalendar,
): string {
  if (!OPEN.includes(state.status)) return NO_DUE_DATE;
  const clock = clockOf(state);
  if (!clock) return NO_DUE_DATE;
  const d = caseDeadlines(clock, today, calendar);
  // After the decision the clock that matters is Art. 44's issuance limit.
  if (state.decision && d.issuanceDueOn) return d.issuanceDueOn;
  return d.promisedDueOn;
}

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

export function projectCase(
  state: CaseState,
  today: string,
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
    dueDate: dueDateOf(state, today, calendar),
    receivedDate: state.receivedOn,
    greenChannel: state.greenChannel ? 1 : 0,
    terms: termsOf(state.intake.applicant.name, state.intake.projectName),
    state,
  };
}

/** Registers (or refreshes) the applicant and the project of a case. */
export async function projectParties(db: OneWindowDb, state: CaseState) {
  const a = state.intake.applicant;
  const code = partyCodeOf(state);
  const party = db.parties.put({
    id: partyIdOf(state),
    kind: a.kind,
    code,
    name: a.name,
    data: { applicant: a, contact: state.intake.contact, agent: state.intake.agent ?? null },
  });
  const projectCode = (state.intake.projectCode ?? '').toUpperCase();
  const id = projectIdOf(state);
  const project = id
    ? db.projects.put({
        id,
        code: projectCode,
        name: state.intake.projectName,
        data: { location: state.intake.fields['location'] ?? '' },
      })
    : null;
  await Promise.all([party, project]);
}

export async function projectCounselling(
  db: OneWindowDb,
  e: Extract<DomainEvent, { type: 'counsellingSaved' }>,
  actor: EventActor,
) {
  await db.counselling.put({
    id: e.counsellingId,
    createdAt: e.on,
    data: { ...e, clerk: actor },
  });
}
