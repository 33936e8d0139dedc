// The rating of a queue ticket served without a case (issue 18 item 4: counselling, an enquiry, a
// certificate collected with no case opened at the window). The applicant rates on the window's
// rating device exactly as for a case; the record is a rating (the same shape as a case's, so
// the appeal, the follow-up and the figures treat both alike) plus the ticket it is about — its
// number and business, nothing personal. It is kept as an entry of the `ledger` read table
// (kind 'ticketRating', folded from its own events on stream `ledger:ticketRating-<ratingId>`,
// data/ticketRatings.ts); a ticket linked to a case is rated on the case instead.
//
// The same rules as decideRating: only the device records a rating (never a clerk's screen,
// whatever a bureau's permission table says), once; the section chief appeals it once with a
// reason; the director decides once, after an appeal. Nothing is deleted.
import { DEVICE_ROLE } from './decideRating';
import type { Refusal } from './refusals';
import {
  APPEAL_OUTCOMES,
  BAD_RATING_REASONS,
  isBadRating,
  MAX_APPEAL_REASON,
  MIN_APPEAL_REASON,
  validAppealReason,
  type AppealOutcome,
  type BadRatingReason,
  type CaseRating,
  type RatingLevel,
  type RatingPlace,
} from './rating';
import { can, defaultPermissions, type Actor, type PermissionTable } from './roles';

/** The ticket a rating is about: what the device showed instead of a case number and matter. */
export interface RatedTicket {
  ticketId: string;
  /** A023 */
  number: string;
  /** The business type of the ticket (domain/floor/types.ts BUSINESS_TYPES). */
  business: string;
}

/** A ticket's rating as the ledger entry keeps it: a rating, and the ticket it is about. */
export interface TicketRating extends CaseRating {
  ticket: RatedTicket;
}

export type TicketRatingCommand =
  | {
      type: 'ratingRecorded';
      ratingId: string;
      ticket: RatedTicket;
      channel: 'device';
      overall: RatingLevel;
      place: RatingPlace;
      reasons?: BadRatingReason[];
    }
  | { type: 'appealRating'; ratingId: string; reason: string }
  | { type: 'decideRatingAppeal'; ratingId: string; outcome: AppealOutcome; reason: string };

/** The events of a ticket rating (data/eventRegistry.ts names and checks them). */
export type TicketRatingEvent =
  | {
      type: 'ledger.ticket_rating_recorded';
      ratingId: string;
      ticket: RatedTicket;
      channel: 'device';
      overall: RatingLevel;
      bad: boolean;
      place: RatingPlace;
      reasons?: BadRatingReason[];
      on: string;
    }
  | {
      type: 'ledger.ticket_rating_appealed';
      ratingId: string;
      reason: string;
      by: Actor;
      on: string;
    }
  | {
      type: 'ledger.ticket_rating_appeal_decided';
      ratingId: string;
      outcome: AppealOutcome;
      reason: string;
      by: Actor;
      on: string;
    };

export type TicketRatingOutcome =
  { ok: true; event: TicketRatingEvent } | { ok: false; refusal: Refusal };

const REASON_LIMITS = { min: MIN_APPEAL_REASON, max: MAX_APPEAL_REASON };
const filled = (s: unknown) => typeof s === 'string' && s.trim() !== '';
const refused = (code: Refusal['code'], params?: Refusal['params']): TicketRatingOutcome => ({
  ok: false,
  refusal: params ? { code, params } : { code },
});

/**
 * Whether a ticket-rating command may happen on the rating as it stands (null: none recorded
 * yet), and the event it makes. `on` is the hall's local date.
 */
export function decideTicketRating(
  current: TicketRating | null,
  cmd: TicketRatingCommand,
  actor: Actor,
  on: string,
  permissions: PermissionTable = defaultPermissions,
): TicketRatingOutcome {
  if (!can(actor.role, cmd.type, permissions))
    return refused('forbidden_role', { command: cmd.type, role: actor.role });
  switch (cmd.type) {
    case 'ratingRecorded': {
      // 一次一评: the applicant's own tap on the device, whatever the permission table says.
      if (actor.role !== DEVICE_ROLE || cmd.channel !== 'device')
        return refused('rating_not_from_device');
      const p = cmd.place;
      const t = cmd.ticket;
      if (![p?.window, p?.clerkId, p?.clerkName, t?.ticketId, t?.number, t?.business].every(filled))
        return refused('invalid_rating');
      if (!Number.isInteger(cmd.overall) || cmd.overall < 1 || cmd.overall > 5)
        return refused('invalid_rating');
      const reasons = cmd.reasons ?? [];
      if (reasons.some((r) => !(BAD_RATING_REASONS as readonly string[]).includes(r)))
        return refused('invalid_rating');
      if (reasons.length > 0 && !isBadRating(cmd.overall)) return refused('invalid_rating');
      if (current) return refused('already_rated');
      return {
        ok: true,
        event: {
          type: 'ledger.ticket_rating_recorded',
          ratingId: cmd.ratingId,
          ticket: { ticketId: t.ticketId, number: t.number, business: t.business },
          channel: 'device',
          overall: cmd.overall,
          bad: isBadRating(cmd.overall),
          place: { ...p, ticketId: t.ticketId },
          ...(reasons.length > 0 ? { reasons: [...new Set(reasons)] } : {}),
          on,
        },
      };
    }
    case 'appealRating':
      if (!current || current.ratingId !== cmd.ratingId) return refused('rating_not_found');
      if (current.appeal) return refused('already_appealed');
      if (!validAppealReason(cmd.reason)) return refused('appeal_reason_required', REASON_LIMITS);
      return {
        ok: true,
        event: {
          type: 'ledger.ticket_rating_appealed',
          ratingId: cmd.ratingId,
          reason: cmd.reason.trim(),
          by: actor,
          on,
        },
      };
    case 'decideRatingAppeal':
      if (!current || current.ratingId !== cmd.ratingId) return refused('rating_not_found');
      if (!current.appeal) return refused('not_appealed');
      if (current.appeal.decision) return refused('appeal_decided');
      if (!APPEAL_OUTCOMES.includes(cmd.outcome)) return refused('invalid_rating');
      if (!validAppealReason(cmd.reason)) return refused('appeal_reason_required', REASON_LIMITS);
      return {
        ok: true,
        event: {
          type: 'ledger.ticket_rating_appeal_decided',
          ratingId: cmd.ratingId,
          outcome: cmd.outcome,
          reason: cmd.reason.trim(),
          by: actor,
          on,
        },
      };
  }
}

/**
 * The rating after one of its events; null when the event does not fit the rating as it stands
 * (a second record, an appeal of nothing, a second decision — the fold keeps such an event in the
 * log and leaves the rating as it was). Writer and fold both use it.
 */
export function evolveTicketRating(
  current: TicketRating | null,
  e: TicketRatingEvent,
): TicketRating | null {
  switch (e.type) {
    case 'ledger.ticket_rating_recorded':
      if (current) return null;
      return {
        ratingId: e.ratingId,
        ticket: e.ticket,
        channel: e.channel,
        overall: e.overall,
        bad: e.bad,
        on: e.on,
        place: e.place,
        ...(e.reasons ? { reasons: e.reasons } : {}),
      };
    case 'ledger.ticket_rating_appealed':
      if (!current || current.ratingId !== e.ratingId || current.appeal) return null;
      return { ...current, appeal: { reason: e.reason, by: e.by, on: e.on } };
    case 'ledger.ticket_rating_appeal_decided':
      if (!current?.appeal || current.ratingId !== e.ratingId || current.appeal.decision)
        return null;
      return {
        ...current,
        appeal: {
          ...current.appeal,
          decision: { outcome: e.outcome, reason: e.reason, by: e.by, on: e.on },
        },
      };
  }
}

/** The ledger entry id of a ticket's rating (and its stream: `ledger:<id>`). */
export const ticketRatingId = (ratingId: string): string => `ticketRating-${ratingId}`;
