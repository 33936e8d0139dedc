// Deadlines in working days (行政许可法 Art. 32, 42, 44, 45, 82). Everything takes "today" as an
// argument; dates are local 'YYYY-MM-DD'. A count that crosses a year the calendar has no data
// for is made in weekdays (calendar.ts) and reported as an estimate, never refused and never blank.
import {
  addWorkingDays,
  defaultCalendar,
  isEstimated,
  missingYears,
  workingDaysBetween,
  type HolidayCalendar,
} from './calendar';
import { compareDates } from './dates';
import type { CaseState, CaseStatus } from './caseState';

/** Art. 42: the head of the bureau may extend by 10 working days, with reasons. */
export const STATUTORY_EXTENSION_DAYS = 10;
/** Art. 32: a supplement notice within 5 days of receiving the materials. */
export const SUPPLEMENT_NOTICE_DAYS = 5;
/** Warn the clerk when this many of those 5 days have passed. */
export const SUPPLEMENT_NOTICE_WARN_DAYS = 3;
/** Art. 44: the certificate is issued and served within 10 days of the decision. */
export const ISSUANCE_DAYS = 10;
/** Every bad rating called back and rectified in 15 working days (one province; docs/domain.md). */
export const RECTIFY_WORKING_DAYS = 15;

export interface SuspensionPeriod {
  from: string;
  /** null while the case is still suspended. */
  to: string | null;
}

/**
 * Working days a suspension stopped the clock: those in (from, to]. The day the case is
 * suspended still counts as used; the day it resumes does not. An open suspension runs to today.
 */
export function suspendedWorkingDays(
  periods: readonly SuspensionPeriod[],
  today: string,
  calendar: HolidayCalendar = defaultCalendar,
): number {
  let total = 0;
  for (const p of periods) {
    const end = p.to ?? today;
    if (compareDates(end, p.from) > 0) total += workingDaysBetween(p.from, end, calendar);
  }
  return total;
}

export interface DueDateInput {
  acceptedOn: string;
  limitDays: number;
  /** Green-channel cases are due the day they are accepted. */
  greenChannel?: boolean;
  suspensions?: readonly SuspensionPeriod[];
  extended?: boolean;
}

/** Due date of a limit counted from acceptance, moved by suspensions and the extension. */
export function dueDate(
  input: DueDateInput,
  today: string,
  calendar: HolidayCalendar = defaultCalendar,
): string {
  const base = input.greenChannel ? 0 : input.limitDays;
  const extra =
    suspendedWorkingDays(input.suspensions ?? [], today, calendar) +
    (input.extended ? STATUTORY_EXTENSION_DAYS : 0);
  return addWorkingDays(input.acceptedOn, base + extra, calendar);
}

export interface CaseClock {
  acceptedOn: string;
  legalDays: number;
  promisedDays: number;
  greenChannel: boolean;
  suspensions: readonly SuspensionPeriod[];
  extended: boolean;
  /** Date of approval or denial, if decided. */
  decidedOn?: string | null;
}

export interface CaseDeadlines {
  promisedDueOn: string;
  legalDueOn: string;
  /** Art. 44 limit for issuing and serving, once decided. */
  issuanceDueOn: string | null;
  suspendedDays: number;
  /** Which of them were counted across a year without holiday data (weekdays only). */
  estimated: { promised: boolean; legal: boolean; issuance: boolean; suspendedDays: boolean };
}

/** Whether suspensions were counted across a year without holiday data. */
function suspensionsEstimated(
  periods: readonly SuspensionPeriod[],
  today: string,
  calendar: HolidayCalendar,
): boolean {
  return periods.some((p) => isEstimated(p.from, p.to ?? today, calendar));
}

export function caseDeadlines(
  clock: CaseClock,
  today: string,
  calendar: HolidayCalendar = defaultCalendar,
): CaseDeadlines {
  const common = {
    acceptedOn: clock.acceptedOn,
    greenChannel: clock.greenChannel,
    suspensions: clock.suspensions,
  };
  // The extension is to the statutory limit; the promise is the bureau's own and does not move.
  const promisedDueOn = dueDate({ ...common, limitDays: clock.promisedDays }, today, calendar);
  const legalDueOn = dueDate(
    { ...common, greenChannel: false, limitDays: clock.legalDays, extended: clock.extended },
    today,
    calendar,
  );
  const issuanceDueOn = clock.decidedOn
    ? addWorkingDays(clock.decidedOn, ISSUANCE_DAYS, calendar)
    : null;
  const suspended = suspensionsEstimated(clock.suspensions, today, calendar);
  return {
    promisedDueOn,
    legalDueOn,
    issuanceDueOn,
    suspendedDays: suspendedWorkingDays(clock.suspensions, today, calendar),
    estimated: {
      promised: suspended || isEstimated(clock.acceptedOn, promisedDueOn, calendar),
      legal: suspended || isEstimated(clock.acceptedOn, legalDueOn, calendar),
      issuance:
        !!clock.decidedOn &&
        !!issuanceDueOn &&
        isEstimated(clock.decidedOn, issuanceDueOn, calendar),
      suspendedDays: suspended,
    },
  };
}

/**
 * Working days left until `dueOn`: 0 on the due date, negative once past it (at least −1 on the
 * first day after, even if that is a weekend).
 */
export function workingDaysLeft(
  dueOn: string,
  today: string,
  calendar: HolidayCalendar = defaultCalendar,
): number {
  if (compareDates(today, dueOn) <= 0) return workingDaysBetween(today, dueOn, calendar);
  return -Math.max(1, workingDaysBetween(dueOn, today, calendar));
}

export type TrafficLight = 'green' | 'yellow' | 'red';

export interface LightThresholds {
  /** Yellow when this many working days or fewer are left. */
  yellowAtDaysLeft: number;
  /** Red when this many working days or fewer are left (−1: only once overdue). */
  redAtDaysLeft: number;
}

export const defaultLightThresholds: LightThresholds = { yellowAtDaysLeft: 2, redAtDaysLeft: -1 };

export function trafficLight(
  dueOn: string,
  today: string,
  thresholds: LightThresholds = defaultLightThresholds,
  calendar: HolidayCalendar = defaultCalendar,
): TrafficLight {
  const left = workingDaysLeft(dueOn, today, calendar);
  if (left <= thresholds.redAtDaysLeft) return 'red';
  if (left <= thresholds.yellowAtDaysLeft) return 'yellow';
  return 'green';
}

export type NoticeLevel = 'ok' | 'warn' | 'overdue';

/**
 * Art. 32 for a pending intake: the supplement notice is due within 5 working days of receipt;
 * after that the application counts as accepted on the day the materials arrived.
 */
export function supplementNoticeStatus(
  receivedOn: string,
  today: string,
  calendar: HolidayCalendar = defaultCalendar,
): { dueOn: string; elapsed: number; level: NoticeLevel; estimatedYears: number[] } {
  const dueOn = addWorkingDays(receivedOn, SUPPLEMENT_NOTICE_DAYS, calendar);
  // The years without holiday data the counts crossed (empty when they are exact).
  const estimatedYears = missingYears(
    receivedOn,
    compareDates(today, dueOn) > 0 ? today : dueOn,
    calendar,
  );
  const elapsed = Math.max(0, workingDaysBetween(receivedOn, today, calendar));
  const level: NoticeLevel =
    compareDates(today, dueOn) > 0
      ? 'overdue'
      : elapsed >= SUPPLEMENT_NOTICE_WARN_DAYS
        ? 'warn'
        : 'ok';
  return { dueOn, elapsed, level, estimatedYears };
}

/** Art. 44: the date by which the certificate must be issued and served. */
export function issuanceDueOn(
  decidedOn: string,
  calendar: HolidayCalendar = defaultCalendar,
): string {
  return addWorkingDays(decidedOn, ISSUANCE_DAYS, calendar);
}

/** The clock of an accepted case, from its folded state (null before acceptance). */
export function clockOf(state: CaseState): CaseClock | null {
  if (!state.acceptedOn) return null;
  return {
    acceptedOn: state.acceptedOn,
    legalDays: state.matter.legalDays,
    promisedDays: state.matter.promisedDays,
    greenChannel: state.greenChannel,
    suspensions: state.suspensions,
    extended: state.extension !== null,
    decidedOn: state.decision?.on ?? null,
  };
}

/** The rectification limit of a bad rating's follow-up opened on `on`. */
export function rectificationDue(
  on: string,
  calendar: HolidayCalendar = defaultCalendar,
): { dueOn: string; estimated: boolean } {
  const dueOn = addWorkingDays(on, RECTIFY_WORKING_DAYS, calendar);
  return { dueOn, estimated: isEstimated(on, dueOn, calendar) };
}

/**
 * The one mapping from a case to its deadlines, for `today` (the case page, the inbox, the
 * dashboard and the papers all ask this): null before acceptance. `today` only matters while a
 * suspension is still running — it runs to today — and for whether that count is an estimate.
 */
export function deadlinesOf(
  state: CaseState,
  today: string,
  calendar: HolidayCalendar = defaultCalendar,
): CaseDeadlines | null {
  const clock = clockOf(state);
  return clock ? caseDeadlines(clock, today, calendar) : null;
}

/** The stored due date of a case without one (closed, suspended, not yet accepted). */
export const NO_DUE_DATE = '9999-12-31';

/** Statuses whose stored due date is a date: the clock runs and no suspension is open. */
export const DUE_STATUSES: readonly CaseStatus[] = [
  'review',
  'verify',
  'approval',
  'approved',
  'issued',
  'certificateVoided',
];

/**
 * The due date a case's read row stores (the one the inbox order and the dashboard's light use):
 * the promised date while it is being decided, Art. 44's issuance limit after the decision. A
 * function of the case's events and the station's calendar only — never of the day it is
 * computed on: in the statuses that have one no suspension is open (a running suspension moves
 * the date day by day, so a suspended case stores none and screens count it live with
 * deadlinesOf). In a year the calendar does not cover it is the weekday estimate.
 */
export function dueDateOf(state: CaseState, calendar: HolidayCalendar = defaultCalendar): string {
  if (!DUE_STATUSES.includes(state.status)) return NO_DUE_DATE;
  const clock = clockOf(state);
  if (!clock) return NO_DUE_DATE;
  // No suspension is open here (evolve closes it on resume); were one open, it is counted as
  // ending the day it began, so the date still depends on the events alone.
  const closed = clock.suspensions.map((p) => (p.to === null ? { ...p, to: p.from } : p));
  const d = caseDeadlines({ ...clock, suspensions: closed }, clock.acceptedOn, calendar);
  return state.decision && d.issuanceDueOn ? d.issuanceDueOn : d.promisedDueOn;
}
