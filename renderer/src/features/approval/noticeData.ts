// The data of the three approval notices, filled from the case as recorded after the command
// (never from the form alone): 特殊程序告知书 and 恢复审查告知书 (Art. 45), 延期告知书 (Art. 42) and
// 不予许可决定书.
// Pure, so the dates on paper can be tested against the deadline rules.
import {
  deadlinesOf,
  isEstimated,
  suspendedWorkingDays,
  type CaseState,
  type HolidayCalendar,
  type SuspensionKind,
} from '../../domain';
import type {
  CaseNoticeBase,
  DenialDecisionData,
  ExtensionNoticeData,
  Officer,
  Office,
  Party,
  Remedies,
  ResumptionNoticeData,
  SpecialProcedureNoticeData,
} from '../../print';

/**
 * The print template knows the procedures of Art. 45 plus 公示; the domain's 'other' kind is
 * offered on screen as 批前公示, so it prints as such.
 */
export const PROCEDURE_OF_KIND: Readonly<
  Record<SuspensionKind, SpecialProcedureNoticeData['procedure']>
> = {
  hearing: 'hearing',
  inspection: 'inspection',
  testing: 'testing',
  expertReview: 'expert_review',
  other: 'public_notice',
};

export interface NoticeContext {
  docNumber: string;
  office: Office;
  officer: Officer;
  issuedOn: string;
  /** The station's working-day calendar (the shipped one when absent). */
  calendar?: HolidayCalendar;
}

export function partyOf(state: CaseState): Party {
  const a = state.intake.applicant;
  return {
    kind: a.kind,
    name: a.name,
    code: a.kind === 'enterprise' ? a.creditCode : a.idNumber,
    contact: state.intake.contact.name,
    phone: state.intake.contact.phone,
  };
}

function base(state: CaseState, ctx: NoticeContext): CaseNoticeBase {
  return {
    docNumber: ctx.docNumber,
    caseNumber: state.caseNo,
    office: ctx.office,
    issuedOn: ctx.issuedOn,
    applicant: partyOf(state),
    matterName: state.matter.name,
    applicationDate: state.receivedOn,
    officer: ctx.officer,
  };
}

/** The suspension just recorded: the open one (to === null). */
export function specialProcedureData(
  state: CaseState,
  ctx: NoticeContext,
  expectedDays: number,
): SpecialProcedureNoticeData {
  const open = state.suspensions.find((s) => s.to === null);
  if (!open || !state.acceptedOn) throw new Error('The case is not suspended');
  return {
    ...base(state, ctx),
    acceptedOn: state.acceptedOn,
    procedure: PROCEDURE_OF_KIND[open.kind],
    reason: open.reason,
    startsOn: open.from,
    expectedDays,
  };
}

/**
 * null when the period crosses a year the calendar has no holidays for: the count would be an
 * estimate, and the notice then gives no number.
 */
function notCounted(from: string, to: string, calendar?: HolidayCalendar): number | null {
  if (isEstimated(from, to, calendar)) return null;
  return suspendedWorkingDays([{ from, to }], to, calendar);
}

/**
 * The suspension just ended: the last closed one. Its working days not counted are those of
 * deadlines.ts (the day it began still counts, the day it ended does not), on the calendar given
 * — the same the deadlines are computed with.
 */
export function resumptionData(
  state: CaseState,
  ctx: NoticeContext,
  calendar: HolidayCalendar | undefined = ctx.calendar,
): ResumptionNoticeData {
  const ended = state.suspensions.filter((s) => s.to !== null).at(-1);
  if (!ended || ended.to === null || !state.acceptedOn || state.status === 'suspended')
    throw new Error('The case has not resumed');
  return {
    ...base(state, ctx),
    acceptedOn: state.acceptedOn,
    procedure: PROCEDURE_OF_KIND[ended.kind],
    startedOn: ended.from,
    endedOn: ended.to,
    notCountedDays: notCounted(ended.from, ended.to, calendar),
  };
}

/** The statutory due date before and after the extension, as of the day it was granted. */
export function extensionData(state: CaseState, ctx: NoticeContext): ExtensionNoticeData {
  if (!state.extension || !state.acceptedOn) throw new Error('The case is not extended');
  const on = state.extension.on;
  // As of the day it was granted: the same case without the extension, and with it.
  const before = deadlinesOf({ ...state, extension: null }, on, ctx.calendar);
  const after = deadlinesOf(state, on, ctx.calendar);
  if (!before || !after) throw new Error('The case is not extended');
  // A date counted across a year without holiday data is an estimate: the notice then states
  // the extension in working days only.
  const exact = !before.estimated.legal && !after.estimated.legal;
  return {
    ...base(state, ctx),
    acceptedOn: state.acceptedOn,
    ...(exact ? { originalDueDate: before.legalDueOn, newDueDate: after.legalDueOn } : {}),
    extendedDays: state.extension.days,
    reason: state.extension.reason,
  };
}

export function denialData(
  state: CaseState,
  ctx: NoticeContext,
  legalBasis: string,
  remedies: Remedies,
): DenialDecisionData {
  if (!state.decision || state.decision.outcome !== 'denied' || !state.acceptedOn)
    throw new Error('The case is not denied');
  return {
    ...base(state, ctx),
    acceptedOn: state.acceptedOn,
    facts: state.decision.reason ?? '',
    legalBasis,
    remedies,
  };
}
