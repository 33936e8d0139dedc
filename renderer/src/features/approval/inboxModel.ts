// The approver's inbox as pure data: which step a role owns, the live deadline and light of each
// case (computed for today from the folded state, so a suspension that is still running moves
// the due date day by day), the order (green channel on top, then earliest deadline), filters
// and counts. Kept free of React and Dexie so the rules can be tested on plain rows.
import {
  deadlinesOf,
  defaultCalendar,
  missingYears,
  trafficLight,
  workingDaysLeft,
  type ApprovalStep,
  type CaseState,
  type Command,
  type HolidayCalendar,
  type Role,
  type TrafficLight,
  STEP_ROLE,
  stepOfRole,
} from '../../domain';
import type { CaseRow } from '../../data/db';

export type ApproverRole = 'reviewer' | 'chief' | 'director';

/** The step each approver role owns (审查 → 审核 → 审批): the domain's STEP_ROLE, inverted. */
export const STEP_OF_ROLE = Object.fromEntries(
  Object.entries(STEP_ROLE).map(([step, role]) => [role, step]),
) as Readonly<Record<ApproverRole, ApprovalStep>>;

/** The command that passes a case on from its step. */
export const PASS_COMMAND: Readonly<Record<ApprovalStep, 'review' | 'verify' | 'approve'>> = {
  review: 'review',
  verify: 'verify',
  approval: 'approve',
};

export function isApprover(role: Role | string): role is ApproverRole {
  return stepOfRole(role) !== null;
}

/**
 * The promised deadline of a case in approval, for today (none before acceptance). `estimated`
 * lists the years without holiday data each date was counted across (empty when exact).
 */
export type StepDeadline =
  | {
      kind: 'due';
      promisedDueOn: string;
      legalDueOn: string;
      suspendedDays: number;
      estimated: { promised: number[]; legal: number[] };
    }
  | { kind: 'none' };

export function stepDeadline(
  state: CaseState,
  today: string,
  calendar: HolidayCalendar = defaultCalendar,
): StepDeadline {
  const d = deadlinesOf(state, today, calendar);
  const acceptedOn = state.acceptedOn;
  if (!d || !acceptedOn) return { kind: 'none' };
  const years = (due: string, estimated: boolean) =>
    estimated ? missingYears(acceptedOn, due, calendar) : [];
  return {
    kind: 'due',
    promisedDueOn: d.promisedDueOn,
    legalDueOn: d.legalDueOn,
    suspendedDays: d.suspendedDays,
    estimated: {
      promised: years(d.promisedDueOn, d.estimated.promised),
      legal: years(d.legalDueOn, d.estimated.legal),
    },
  };
}

export interface InboxItem {
  row: CaseRow;
  state: CaseState;
  deadline: StepDeadline;
  /** Light and working days left of the promised deadline; null when it cannot be computed. */
  light: TrafficLight | null;
  daysLeft: number | null;
}

export type LightFilter = 'all' | TrafficLight;

export interface InboxFilters {
  /** Matter code, or '' for every matter. */
  matter: string;
  light: LightFilter;
  greenOnly: boolean;
}

export const NO_FILTERS: InboxFilters = { matter: '', light: 'all', greenOnly: false };

export interface InboxCounts {
  /** Cases waiting at the step (not suspended), before filters. */
  total: number;
  green: number;
  yellow: number;
  red: number;
  greenChannel: number;
  suspended: number;
  /** Shown after filters. */
  shown: number;
}

export interface Inbox {
  active: InboxItem[];
  suspended: InboxItem[];
  counts: InboxCounts;
  /** Matters present in the inbox, for the matter filter. */
  matters: { code: string; name: string; nameEn: string }[];
}

function itemOf(row: CaseRow, today: string, calendar: HolidayCalendar): InboxItem {
  const state = row.state as CaseState;
  const deadline = stepDeadline(state, today, calendar);
  if (deadline.kind !== 'due') return { row, state, deadline, light: null, daysLeft: null };
  // An estimated deadline still lights and sorts the case, by the weekday estimate.
  return {
    row,
    state,
    deadline,
    light: trafficLight(deadline.promisedDueOn, today, undefined, calendar),
    daysLeft: workingDaysLeft(deadline.promisedDueOn, today, calendar),
  };
}

const dueKey = (i: InboxItem) => (i.deadline.kind === 'due' ? i.deadline.promisedDueOn : '9999');

/** Green channel first (same-day service), then the earliest deadline, then the case number. */
export function compareItems(a: InboxItem, b: InboxItem): number {
  const green = Number(b.state.greenChannel) - Number(a.state.greenChannel);
  if (green !== 0) return green;
  return dueKey(a).localeCompare(dueKey(b)) || a.row.caseNo.localeCompare(b.row.caseNo);
}

export function matchesFilters(item: InboxItem, f: InboxFilters): boolean {
  if (f.matter && item.row.matterCode !== f.matter) return false;
  if (f.greenOnly && !item.state.greenChannel) return false;
  if (f.light !== 'all' && item.light !== f.light) return false;
  return true;
}

/**
 * Builds a role's inbox from the rows of its index range. Rows of another step are left out
 * (the index is by role, the step is checked again here); suspended cases of the role's step are
 * listed apart, since their clock is stopped.
 */
export function buildInbox(
  rows: readonly CaseRow[],
  role: ApproverRole,
  today: string,
  filters: InboxFilters = NO_FILTERS,
  calendar: HolidayCalendar = defaultCalendar,
): Inbox {
  const step = STEP_OF_ROLE[role];
  const waiting: InboxItem[] = [];
  const suspended: InboxItem[] = [];
  const matters = new Map<string, { code: string; name: string; nameEn: string }>();
  for (const row of rows) {
    const state = row.state as CaseState;
    if (state.status === step) waiting.push(itemOf(row, today, calendar));
    else if (state.status === 'suspended' && state.suspendedFrom === step)
      suspended.push(itemOf(row, today, calendar));
    else continue;
    matters.set(row.matterCode, {
      code: row.matterCode,
      name: state.matter.name,
      nameEn: state.matter.nameEn,
    });
  }
  waiting.sort(compareItems);
  suspended.sort(compareItems);
  const active = waiting.filter((i) => matchesFilters(i, filters));
  const countLight = (l: TrafficLight) => waiting.filter((i) => i.light === l).length;
  return {
    active,
    // A suspended case's clock is stopped: its light says nothing, so only matter and channel filter it.
    suspended: suspended.filter((i) => matchesFilters(i, { ...filters, light: 'all' })),
    counts: {
      total: waiting.length,
      green: countLight('green'),
      yellow: countLight('yellow'),
      red: countLight('red'),
      greenChannel: waiting.filter((i) => i.state.greenChannel).length,
      suspended: suspended.length,
      shown: active.length,
    },
    matters: [...matters.values()].sort((a, b) => a.code.localeCompare(b.code)),
  };
}

/** The pass command for a case at its step, with the opinion typed. */
export function passCommand(state: CaseState, opinion: string): Command | null {
  if (state.status !== 'review' && state.status !== 'verify' && state.status !== 'approval')
    return null;
  return { type: PASS_COMMAND[state.status], caseId: state.caseId, opinion };
}
