// The service rating (好差评, 一次一评) and its appeal (申诉). The applicant rates on the rating
// device facing them at the window (channel 'device'); a clerk never keys in a rating about
// herself — decide() refuses a clerk whatever the permission table says. Ratings recorded at the
// counter before the device existed stay valid in the fold (history is never rewritten).
//
// An appeal: the section chief believes a rating mistaken or malicious and says why (once per
// rating); the director decides (once): upheld — the rating is kept and shown, but left out of
// the figures; rejected — it stays as it was.
import type { Actor } from './roles';

export type RatingLevel = 1 | 2 | 3 | 4 | 5;
export type RatingChannel = 'counter' | 'online' | 'device';

/** The five levels, best first, as the device shows them. */
export const RATING_LEVELS: readonly RatingLevel[] = [5, 4, 3, 2, 1];

/** 不满意 / 非常不满意: a bad rating, followed up by a return call and rectification. */
export const isBadRating = (level: number): boolean => level <= 2;

/**
 * What the applicant can tick for a bad rating. 国办发〔2019〕51号 names no fixed list (FACTS.md
 * has none), so these are the usual ones; 'other' takes no text on the device (no keyboard, no
 * personal data).
 */
export const BAD_RATING_REASONS = [
  'slow', // 办事效率低
  'attitude', // 服务态度差
  'notToldAtOnce', // 一次性告知不到位
  'overdue', // 超时限办理
  'other', // 其他
] as const;
export type BadRatingReason = (typeof BAD_RATING_REASONS)[number];
export const isBadRatingReason = (s: string): s is BadRatingReason =>
  (BAD_RATING_REASONS as readonly string[]).includes(s);

/** Where a device rating was given: the window and the clerk who served there. */
export interface RatingPlace {
  window: string;
  clerkId: string;
  clerkName: string;
  /** The queue ticket the visit was for, when there was one. */
  ticketId?: string;
  /**
   * Across the hall: the rating device's station code, as the hall recorded the tap (the rating's
   * id is the hall's request id, so the audit can compare the level with the hall's record).
   */
  deviceStation?: string;
}

export type AppealOutcome = 'upheld' | 'rejected';
export const APPEAL_OUTCOMES: readonly AppealOutcome[] = ['upheld', 'rejected'];

/** Longest appeal or decision reason. */
export const MAX_APPEAL_REASON = 500;
/** Shortest: a reason must say something. */
export const MIN_APPEAL_REASON = 4;

export interface RatingAppeal {
  reason: string;
  by: Actor;
  on: string;
  decision?: { outcome: AppealOutcome; reason: string; by: Actor; on: string };
}

/** One rating as the case state keeps it. */
export interface CaseRating {
  ratingId: string;
  channel: RatingChannel;
  overall: RatingLevel;
  bad: boolean;
  on: string;
  /** Device ratings: where, and whom. Absent on counter and online ratings. */
  place?: RatingPlace;
  reasons?: BadRatingReason[];
  appeal?: RatingAppeal;
}

/** Whether a rating counts in the figures: every rating except one whose appeal was upheld. */
export const ratingCounts = (r: Pick<CaseRating, 'appeal'>): boolean =>
  r.appeal?.decision?.outcome !== 'upheld';

export const validAppealReason = (reason: string): boolean => {
  const n = reason.trim().length;
  return n >= MIN_APPEAL_REASON && n <= MAX_APPEAL_REASON;
};
