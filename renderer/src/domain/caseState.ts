// The state of one case, folded from its events, and the statuses it may move between.
import type { MatterSnapshot } from './catalogue';
import type {
  CertificateValues,
  Delivery,
  IntakeDetails,
  MissingItem,
  RefusalGround,
  SuspensionKind,
} from './commands';
import type { ApprovalStep, Deficiencies } from './events';
import type { Actor, Role } from './roles';
import type { CaseRating } from './rating';

export type CaseStatus =
  | 'supplementRequested' // 补正中: waiting for the applicant
  | 'intakePending' // supplement in, intake decision due
  | 'refused' // 不予受理
  | 'review' // 审查 (reviewer)
  | 'verify' // 审核 (section chief)
  | 'approval' // 审批/签发 (director)
  | 'suspended' // 特殊程序: clock stopped
  | 'approved' // decided, waiting for the certificate
  | 'denied' // 不予许可
  | 'withdrawn' // 撤回
  | 'issued' // certificate printed
  | 'delivered' // handed over or posted
  | 'certificateVoided'; // voided, waiting for reissue

export const CASE_STATUSES: readonly CaseStatus[] = [
  'supplementRequested',
  'intakePending',
  'refused',
  'review',
  'verify',
  'approval',
  'suspended',
  'approved',
  'denied',
  'withdrawn',
  'issued',
  'delivered',
  'certificateVoided',
];

/** Status a new case may start in. */
export const INITIAL_STATUSES: readonly CaseStatus[] = ['supplementRequested', 'review', 'refused'];

/**
 * Every status change the workflow allows (staying in the same status is always allowed: ratings,
 * extensions, partial supplements). decide() is written so that nothing else can happen; the
 * property tests check it against this table.
 */
export const ALLOWED_TRANSITIONS: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  supplementRequested: ['intakePending', 'withdrawn'],
  intakePending: ['review', 'supplementRequested', 'refused', 'withdrawn'],
  refused: [],
  review: ['verify', 'suspended', 'denied', 'withdrawn'],
  verify: ['approval', 'review', 'suspended', 'denied', 'withdrawn'],
  approval: ['approved', 'verify', 'suspended', 'denied', 'withdrawn'],
  suspended: ['review', 'verify', 'approval', 'withdrawn'],
  approved: ['issued', 'delivered'],
  denied: [],
  withdrawn: [],
  issued: ['delivered', 'certificateVoided'],
  delivered: ['certificateVoided'],
  certificateVoided: ['issued'],
};

export const APPROVAL_STEPS: readonly ApprovalStep[] = ['review', 'verify', 'approval'];

export function isApprovalStep(s: CaseStatus): s is ApprovalStep {
  return (APPROVAL_STEPS as readonly string[]).includes(s);
}

/**
 * The one step-to-role table (审查 → 审核 → 审批): who owns each approval step — whose inbox a case
 * at that step sits in, who may pass it on or send it back. Everything else derives from it.
 */
export const STEP_ROLE: Readonly<Record<ApprovalStep, Role>> = {
  review: 'reviewer',
  verify: 'chief',
  approval: 'director',
};

/** The step a role owns, if it owns one (the inverse of STEP_ROLE). */
export function stepOfRole(role: string): ApprovalStep | null {
  return APPROVAL_STEPS.find((s) => STEP_ROLE[s] === role) ?? null;
}

/** The step a case goes back to from each step (none from the first). */
export const PREVIOUS_STEP: Readonly<Record<ApprovalStep, ApprovalStep | null>> = {
  review: null,
  verify: 'review',
  approval: 'verify',
};

/** Statuses in which the approval clock runs or is stopped by a special procedure. */
export const PROCESSING: readonly CaseStatus[] = ['review', 'verify', 'approval', 'suspended'];
/** Statuses an applicant may withdraw from. */
export const WITHDRAWABLE: readonly CaseStatus[] = [
  'supplementRequested',
  'intakePending',
  ...PROCESSING,
];

/** The role whose inbox holds a case now ('' when no one's). Suspended cases stay with their step. */
export function inboxRoleOf(state: CaseState): Role | '' {
  switch (state.status) {
    case 'supplementRequested':
    case 'intakePending':
    case 'approved':
    case 'issued':
    case 'certificateVoided':
      return 'clerk';
    case 'review':
    case 'verify':
    case 'approval':
      return STEP_ROLE[state.status];
    case 'suspended':
      return STEP_ROLE[state.suspendedFrom ?? 'review'];
    default:
      return '';
  }
}

export interface Opinion {
  step: ApprovalStep;
  opinion: string;
  by: Actor;
  on: string;
}

export interface Suspension {
  from: string;
  to: string | null;
  kind: SuspensionKind;
  reason: string;
  expectedDays?: number;
}

export interface CertificateRecord {
  type: string;
  number: string;
  external: boolean;
  seq: number | null;
  issuedOn: string;
  /** What it says, as issued: a reprint prints exactly this (absent for early certificates). */
  values?: CertificateValues;
}

export interface CaseState {
  caseId: string;
  caseNo: string;
  /** Numbers the case had before (a station re-coded: case.renumbered); absent when none. */
  formerNumbers?: string[];
  status: CaseStatus;
  /** Number of events folded into this state. */
  version: number;
  intake: IntakeDetails;
  matter: MatterSnapshot;
  greenChannel: boolean;
  receivedOn: string;
  acceptedOn: string | null;
  supplement: {
    requestedOn: string;
    missing: MissingItem[];
    outstanding: MissingItem[];
    /** The supply-by date the notice gave (absent for notices printed before it was asked). */
    dueOn?: string;
  } | null;
  deficiencies: (Deficiencies & { outstanding: MissingItem[] }) | null;
  refusal: { ground: RefusalGround; detail: string; rightAgency?: string; on: string } | null;
  opinions: Opinion[];
  returns: { from: ApprovalStep; to: ApprovalStep; reason: string; by: Actor; on: string }[];
  /** The step to go back to on resume, while suspended. */
  suspendedFrom: ApprovalStep | null;
  suspensions: Suspension[];
  extension: { reason: string; days: number; by: Actor; on: string } | null;
  decision: {
    outcome: 'approved' | 'denied';
    on: string;
    reason?: string;
    legalBasis?: string;
  } | null;
  certificate: CertificateRecord | null;
  voidedCertificates: (CertificateRecord & { voidedOn: string; reason: string })[];
  delivery: (Delivery & { on: string }) | null;
  ratings: CaseRating[];
  withdrawal: { reason: string; on: string } | null;
  /**
   * Queue tickets served for this case (ticketServed, issue 18): waiting and serving seconds.
   * Absent until the first, so states folded before the field existed read the same.
   */
  tickets?: {
    ticketId: string;
    number: string;
    business: string;
    window: string;
    clerkId: string;
    issuedAt: string;
    finishedAt: string;
    waitingSeconds: number;
    servingSeconds: number;
    on: string;
  }[];
  /**
   * Events of this case's stream the fold kept but did not apply (foldStream.ts): decided on an
   * older version, and no longer admitted by the state. Absent while there are none, so states
   * folded before the field existed read the same. The conflict queue lists them.
   */
  parked?: ParkedEvent[];
  /**
   * Events of this stream decided on another version that the state still admitted, so the fold
   * applied them (merged). Absent while there are none. The conflict queue lists them too.
   */
  merged?: MergedEvent[];
}

/** An event the fold applied although it was decided on another version. */
export interface MergedEvent {
  eventId: string;
  type: string;
  /** The stream version it was decided on, and the version it was applied on. */
  basedOn: number;
  version: number;
}

/** An event the fold kept without applying it, and why. */
export interface ParkedEvent {
  eventId: string;
  type: string;
  /** The stream version it was decided on, and the version it met. */
  basedOn: number;
  version: number;
  reason: 'not_admitted';
}

/** The key an outstanding item is matched by when it is handed in. */
export function itemKey(item: MissingItem): string {
  return item.materialId ?? item.name;
}
