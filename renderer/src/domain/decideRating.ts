// decide() for the rating and its appeal (rating.ts says the rules). Kept apart from decide.ts
// so that the case file stays readable; decide.ts hands these commands here.
import type { CaseState } from './caseState';
import type { Command } from './commands';
import { refuse, type Outcome } from './decideIntake';
import type { DomainEvent } from './events';
import {
  APPEAL_OUTCOMES,
  BAD_RATING_REASONS,
  isBadRating,
  MAX_APPEAL_REASON,
  MIN_APPEAL_REASON,
  validAppealReason,
  type RatingPlace,
} from './rating';
import type { Actor } from './roles';

type RatingCommand = Extract<
  Command,
  { type: 'ratingRecorded' | 'appealRating' | 'decideRatingAppeal' }
>;

const REASON_LIMITS = { min: MIN_APPEAL_REASON, max: MAX_APPEAL_REASON };
const one = (e: DomainEvent): Outcome => ({ ok: true, events: [e] });

/** The role of the rating device's actor: never a person's role (roles.ts ROLES). */
export const DEVICE_ROLE = 'device' as const;

const validPlace = (p: RatingPlace | undefined): p is RatingPlace =>
  p !== undefined &&
  [p.window, p.clerkId, p.clerkName].every((s) => typeof s === 'string' && s.trim() !== '') &&
  (p.ticketId === undefined || typeof p.ticketId === 'string');

export function decideRating(
  state: CaseState,
  cmd: RatingCommand,
  actor: Actor,
  on: string,
): Outcome {
  const caseId = state.caseId;
  switch (cmd.type) {
    case 'ratingRecorded': {
      // 一次一评: the applicant rates on the device facing them. A clerk — or anyone signed in at
      // a clerk's screen — never records a rating, whatever a bureau's permission table says.
      if (actor.role !== DEVICE_ROLE || cmd.channel !== 'device')
        return refuse('rating_not_from_device');
      if (!validPlace(cmd.place)) return refuse('invalid_rating');
      const levels = [cmd.overall, ...(cmd.items ? Object.values(cmd.items) : [])];
      if (levels.some((l) => !Number.isInteger(l) || l < 1 || l > 5))
        return refuse('invalid_rating');
      const reasons = cmd.reasons ?? [];
      if (reasons.some((r) => !(BAD_RATING_REASONS as readonly string[]).includes(r)))
        return refuse('invalid_rating');
      // Reasons belong to a bad rating only.
      if (reasons.length > 0 && !isBadRating(cmd.overall)) return refuse('invalid_rating');
      if (state.ratings.some((r) => r.ratingId === cmd.ratingId)) return refuse('already_rated');
      return one({
        type: 'ratingRecorded',
        caseId,
        ratingId: cmd.ratingId,
        channel: cmd.channel,
        overall: cmd.overall,
        ...(cmd.items ? { items: cmd.items } : {}),
        ...(cmd.comment ? { comment: cmd.comment } : {}),
        bad: isBadRating(cmd.overall),
        place: cmd.place,
        ...(reasons.length > 0 ? { reasons: [...new Set(reasons)] } : {}),
        on,
      });
    }
    case 'appealRating': {
      const rating = state.ratings.find((r) => r.ratingId === cmd.ratingId);
      if (!rating) return refuse('rating_not_found');
      if (rating.appeal) return refuse('already_appealed');
      if (!validAppealReason(cmd.reason)) return refuse('appeal_reason_required', REASON_LIMITS);
      return one({
        type: 'case.rating_appealed',
        caseId,
        ratingId: cmd.ratingId,
        reason: cmd.reason.trim(),
        by: actor,
        on,
      });
    }
    case 'decideRatingAppeal': {
      const rating = state.ratings.find((r) => r.ratingId === cmd.ratingId);
      if (!rating) return refuse('rating_not_found');
      if (!rating.appeal) return refuse('not_appealed');
      if (rating.appeal.decision) return refuse('appeal_decided');
      if (!APPEAL_OUTCOMES.includes(cmd.outcome)) return refuse('invalid_rating');
      if (!validAppealReason(cmd.reason)) return refuse('appeal_reason_required', REASON_LIMITS);
      return one({
        type: 'case.rating_appeal_decided',
        caseId,
        ratingId: cmd.ratingId,
        outcome: cmd.outcome,
        reason: cmd.reason.trim(),
        by: actor,
        on,
      });
    }
  }
}
