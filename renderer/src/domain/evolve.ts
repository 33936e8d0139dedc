// Folding events into case state. evolve is total and pure: events of other streams (users,
// counselling) leave the state as it is, and it never consults the clock or the catalogue.
import { itemKey, type CaseState } from './caseState';
import type { CaseEvent, DomainEvent } from './events';

/** No case yet: the state before its first event. */
export const initialState: CaseState | null = null;

function created(e: Extract<CaseEvent, { caseNo: string }>): CaseState {
  return {
    caseId: e.caseId,
    caseNo: e.caseNo,
    status: 'review',
    version: 0,
    intake: e.intake,
    matter: e.matter,
    greenChannel: false,
    receivedOn: e.receivedOn,
    acceptedOn: null,
    supplement: null,
    deficiencies: null,
    refusal: null,
    opinions: [],
    returns: [],
    suspendedFrom: null,
    suspensions: [],
    extension: null,
    decision: null,
    certificate: null,
    voidedCertificates: [],
    delivery: null,
    ratings: [],
    withdrawal: null,
  };
}

function apply(state: CaseState | null, e: CaseEvent): CaseState | null {
  if (e.type === 'caseAccepted' || e.type === 'supplementRequested' || e.type === 'caseRefused') {
    // A renewed intake (after a supplement) keeps the case's history.
    const base: CaseState = state
      ? { ...state, intake: e.intake, matter: e.matter, receivedOn: e.receivedOn }
      : created(e);
    switch (e.type) {
      case 'caseAccepted':
        return {
          ...base,
          status: 'review',
          acceptedOn: e.on,
          greenChannel: e.greenChannel,
          deficiencies: e.deficiencies
            ? { ...e.deficiencies, outstanding: e.deficiencies.items }
            : null,
        };
      case 'supplementRequested':
        return {
          ...base,
          status: 'supplementRequested',
          supplement: {
            requestedOn: e.on,
            missing: e.missing,
            outstanding: e.missing,
            ...(e.dueOn ? { dueOn: e.dueOn } : {}),
          },
        };
      case 'caseRefused':
        return {
          ...base,
          status: 'refused',
          refusal: { ground: e.ground, detail: e.detail, rightAgency: e.rightAgency, on: e.on },
        };
    }
  }
  if (!state) return state;
  switch (e.type) {
    case 'supplementReceived': {
      const got = new Set(e.items);
      if (e.completes === 'supplement' && state.supplement) {
        const outstanding = state.supplement.outstanding.filter((i) => !got.has(itemKey(i)));
        return {
          ...state,
          supplement: { ...state.supplement, outstanding },
          status: outstanding.length === 0 ? 'intakePending' : state.status,
        };
      }
      if (e.completes === 'deficiencies' && state.deficiencies) {
        const outstanding = state.deficiencies.outstanding.filter((i) => !got.has(itemKey(i)));
        return { ...state, deficiencies: { ...state.deficiencies, outstanding } };
      }
      return state;
    }
    case 'caseReviewed':
      return {
        ...state,
        status: 'verify',
        opinions: [...state.opinions, { step: 'review', opinion: e.opinion, by: e.by, on: e.on }],
      };
    case 'caseVerified':
      return {
        ...state,
        status: 'approval',
        opinions: [...state.opinions, { step: 'verify', opinion: e.opinion, by: e.by, on: e.on }],
      };
    case 'caseApproved':
      return {
        ...state,
        status: 'approved',
        opinions: [...state.opinions, { step: 'approval', opinion: e.opinion, by: e.by, on: e.on }],
        decision: { outcome: 'approved', on: e.on },
      };
    case 'caseReturned':
      return {
        ...state,
        status: e.to,
        returns: [
          ...state.returns,
          { from: e.from, to: e.to, reason: e.reason, by: e.by, on: e.on },
        ],
      };
    case 'caseSuspended':
      if (state.status !== 'review' && state.status !== 'verify' && state.status !== 'approval')
        return state;
      return {
        ...state,
        status: 'suspended',
        suspendedFrom: state.status,
        suspensions: [
          ...state.suspensions,
          {
            from: e.on,
            to: null,
            kind: e.kind,
            reason: e.reason,
            ...(e.expectedDays !== undefined ? { expectedDays: e.expectedDays } : {}),
          },
        ],
      };
    case 'caseResumed':
      return {
        ...state,
        status: state.suspendedFrom ?? 'review',
        suspendedFrom: null,
        suspensions: state.suspensions.map((s) => (s.to === null ? { ...s, to: e.on } : s)),
      };
    case 'caseExtended':
      return { ...state, extension: { reason: e.reason, days: e.days, by: e.by, on: e.on } };
    case 'caseDenied':
      return {
        ...state,
        status: 'denied',
        decision: {
          outcome: 'denied',
          on: e.on,
          reason: e.reason,
          ...(e.legalBasis !== undefined ? { legalBasis: e.legalBasis } : {}),
        },
      };
    case 'caseWithdrawn':
      return {
        ...state,
        status: 'withdrawn',
        withdrawal: { reason: e.reason, on: e.on },
        // A withdrawal while suspended ends the suspension that day.
        suspensions: state.suspensions.map((s) => (s.to === null ? { ...s, to: e.on } : s)),
        suspendedFrom: null,
      };
    case 'certificateIssued':
      return {
        ...state,
        status: 'issued',
        certificate: {
          type: e.certificateType,
          number: e.number,
          external: e.external,
          seq: e.seq,
          issuedOn: e.on,
          ...(e.values ? { values: e.values } : {}),
        },
      };
    case 'caseDelivered':
      return { ...state, status: 'delivered', delivery: { ...e.delivery, on: e.on } };
    case 'certificateVoided':
      return {
        ...state,
        status: 'certificateVoided',
        certificate: null,
        voidedCertificates: state.certificate
          ? [
              ...state.voidedCertificates,
              { ...state.certificate, voidedOn: e.on, reason: e.reason },
            ]
          : state.voidedCertificates,
      };
    case 'certificateReissued':
      return {
        ...state,
        status: 'issued',
        delivery: null,
        certificate: {
          type: state.voidedCertificates.at(-1)?.type ?? state.matter.certificateType ?? '',
          number: e.number,
          external: e.external,
          seq: e.seq,
          issuedOn: e.on,
          ...(e.values ? { values: e.values } : {}),
        },
      };
    case 'ratingRecorded':
      return {
        ...state,
        ratings: [
          ...state.ratings,
          {
            ratingId: e.ratingId,
            channel: e.channel,
            overall: e.overall,
            bad: e.bad,
            on: e.on,
            ...(e.place ? { place: e.place } : {}),
            ...(e.reasons ? { reasons: e.reasons } : {}),
          },
        ],
      };
    case 'case.rating_appealed':
      return {
        ...state,
        ratings: state.ratings.map((r) =>
          r.ratingId === e.ratingId
            ? { ...r, appeal: { reason: e.reason, by: e.by, on: e.on } }
            : r,
        ),
      };
    case 'case.rating_appeal_decided':
      return {
        ...state,
        ratings: state.ratings.map((r) =>
          r.ratingId === e.ratingId && r.appeal
            ? {
                ...r,
                appeal: {
                  ...r.appeal,
                  decision: { outcome: e.outcome, reason: e.reason, by: e.by, on: e.on },
                },
              }
            : r,
        ),
      };
    case 'case.renumbered':
      return {
        ...state,
        caseNo: e.to,
        formerNumbers: [...(state.formerNumbers ?? []), e.from],
      };
    case 'ticketServed':
      return {
        ...state,
        tickets: [
          ...(state.tickets ?? []),
          {
            ticketId: e.ticketId,
            number: e.number,
            business: e.business,
            window: e.window,
            clerkId: e.clerkId,
            issuedAt: e.issuedAt,
            finishedAt: e.finishedAt,
            waitingSeconds: e.waitingSeconds,
            servingSeconds: e.servingSeconds,
            on: e.on,
          },
        ],
      };
  }
}

export function evolve(state: CaseState | null, event: DomainEvent): CaseState | null {
  if (!('caseId' in event)) return state;
  if (state && state.caseId !== event.caseId) return state;
  const next: CaseState | null | undefined = apply(state, event);
  // An event of a type this version does not know (written by a newer one, say) is kept in the
  // log and skipped here: it never wipes the case.
  if (next === undefined) return state;
  return next ? { ...next, version: (state?.version ?? 0) + 1 } : next;
}

/** The state of a case after all its events, in order. */
export function foldEvents(
  events: readonly DomainEvent[],
  from: CaseState | null = initialState,
): CaseState | null {
  return events.reduce<CaseState | null>(evolve, from);
}
