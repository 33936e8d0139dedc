// admits(): whether the state a case is in still allows an event — the preconditions decide()
// checks on the state, read from the event instead of the command. decide() makes an event only
// where admits() accepts it (a property test holds them together), so a fold can tell an event
// decided on an older version that still applies (another station's, merged) from one that no
// longer does (parked). What admits does not check is what does not depend on the state: the
// actor's permission and the command's own data were checked when the event was decided.
import {
  isApprovalStep,
  itemKey,
  PREVIOUS_STEP,
  PROCESSING,
  STEP_ROLE,
  WITHDRAWABLE,
  type CaseState,
} from './caseState';
import type { CaseEvent } from './events';

/** Every key in `items` is still outstanding in `pool` (and there is at least one). */
function allOutstanding(items: readonly string[], pool: readonly { name: string }[] | undefined) {
  if (!pool || pool.length === 0 || items.length === 0) return false;
  const keys = new Set(pool.map((i) => itemKey(i)));
  return items.every((i) => keys.has(i));
}

export function admits(state: CaseState | null, e: CaseEvent): boolean {
  if (e.type === 'caseAccepted' || e.type === 'supplementRequested' || e.type === 'caseRefused') {
    // A new case, or the renewed intake of a case whose supplement is complete.
    return state === null || (state.caseId === e.caseId && state.status === 'intakePending');
  }
  if (state === null || state.caseId !== e.caseId) return false;
  const s = state.status;
  switch (e.type) {
    case 'supplementReceived':
      if (e.completes === 'supplement')
        return (
          s === 'supplementRequested' && allOutstanding(e.items, state.supplement?.outstanding)
        );
      return (
        (PROCESSING.includes(s) || s === 'approved') &&
        allOutstanding(e.items, state.deficiencies?.outstanding)
      );
    case 'caseReviewed':
      return s === 'review';
    case 'caseVerified':
      return s === 'verify';
    case 'caseApproved':
      return s === 'approval';
    case 'caseReturned':
      return (
        isApprovalStep(s) && s === e.from && PREVIOUS_STEP[s] === e.to && STEP_ROLE[s] === e.by.role
      );
    case 'caseSuspended':
    case 'caseDenied':
      return isApprovalStep(s);
    case 'caseResumed':
      return s === 'suspended';
    case 'caseExtended':
      return PROCESSING.includes(s) && state.extension === null;
    case 'caseWithdrawn':
      return WITHDRAWABLE.includes(s);
    case 'certificateIssued':
      return (
        s === 'approved' &&
        state.matter.certificateType !== null &&
        state.matter.certificateType === e.certificateType &&
        (state.deficiencies?.outstanding.length ?? 0) === 0
      );
    case 'caseDelivered':
      return s === 'issued' || (s === 'approved' && state.matter.certificateType === null);
    case 'certificateVoided':
      return (
        (s === 'issued' || s === 'delivered') &&
        state.certificate !== null &&
        state.certificate.number === e.number
      );
    case 'certificateReissued':
      return (
        s === 'certificateVoided' &&
        (state.voidedCertificates.at(-1)?.number ?? '') === e.replaces &&
        !state.voidedCertificates.some((c) => c.number === e.number)
      );
    case 'ratingRecorded':
      if (e.channel === 'online' && state.ratings.some((r) => r.channel === 'online')) return false;
      return !state.ratings.some((r) => r.ratingId === e.ratingId);
    case 'case.rating_appealed': {
      const rating = state.ratings.find((r) => r.ratingId === e.ratingId);
      return rating !== undefined && rating.appeal === undefined;
    }
    case 'case.rating_appeal_decided': {
      const appeal = state.ratings.find((r) => r.ratingId === e.ratingId)?.appeal;
      return appeal !== undefined && appeal.decision === undefined;
    }
    case 'case.renumbered':
      // Renames the number the case has now, into one it never had.
      return state.caseNo === e.from && !(state.formerNumbers ?? []).includes(e.to);
    case 'ticketServed':
      return !(state.tickets ?? []).some((t) => t.ticketId === e.ticketId);
  }
}
