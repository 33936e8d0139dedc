// The rating device (评价器, issue 18 item 4): what a window's rating request holds and the port
// the device and the counter screens talk to — local (Dexie, one PC) or the hall (server).
// The request carries what the device may show and nothing personal: the case number, the
// matter, the clerk's name and the window — or, for a ticket served without a case, the ticket's
// number and business instead of the case number and matter. The rating itself is
// `ratingRecorded` on the case (channel 'device'), or the ticket's rating entry
// (domain/ticketRating.ts), written when the applicant taps a level.
import type { BadRatingReason, RatingLevel } from '../rating';
import type { FloorResult } from './types';

/** How long a request waits for the applicant's tap before it expires, recording nothing. */
export const RATING_REQUEST_TTL_MS = 3 * 60 * 1000;
/** How long the thank-you screen stays before the device goes back to idle. */
export const RATING_THANKS_MS = 5000;

export type RatingRequestStatus = 'waiting' | 'rated' | 'expired' | 'replaced';

/**
 * What the clerk's screen sends when a case (or a ticket) is finished at a window: a case
 * (caseId, caseNumber, matterName), or a ticket served without a case (ticketId, ticketNumber,
 * business, no caseId).
 */
export interface RatingRequestInput {
  /** The window's station code, e.g. 'HJ02'. */
  window: string;
  caseId?: string;
  caseNumber?: string;
  matterName?: string;
  /** The matter's English name, for a device set to English (the Chinese one otherwise). */
  matterNameEn?: string;
  clerkId: string;
  clerkName: string;
  ticketId?: string;
  /** A ticket served without a case: its number (A023) and business type. */
  ticketNumber?: string;
  business?: string;
}

/** A request about a ticket served without a case (rated as the ticket's own entry). */
export const isTicketRequest = (r: RatingRequestInput): boolean => !r.caseId;

/** Whether the request says what the device must show: a case, or a ticket without one. */
export function requestComplete(r: RatingRequestInput): boolean {
  const filled = (s: string | undefined) => typeof s === 'string' && s.trim() !== '';
  if (![r.window, r.clerkId, r.clerkName].every(filled)) return false;
  return r.caseId !== undefined
    ? filled(r.caseId) && filled(r.caseNumber)
    : filled(r.ticketId) && filled(r.ticketNumber) && filled(r.business);
}

export interface RatingRequest extends RatingRequestInput {
  /** Also the rating's id on the case: one request, one rating at most. */
  id: string;
  requestedAt: string;
  expiresAt: string;
  status: RatingRequestStatus;
  ratedAt?: string;
  overall?: RatingLevel;
}

export interface RatingSubmission {
  requestId: string;
  overall: RatingLevel;
  reasons: BadRatingReason[];
}

/** A request is open while it waits and its time has not run out. */
export const isOpenRequest = (r: RatingRequest, now: Date): boolean =>
  r.status === 'waiting' && Date.parse(r.expiresAt) > now.getTime();

/**
 * The rating store: one interface, two implementations — local (the station's IndexedDB: the
 * device is a browser window of the same origin) and hall (the server, for a tablet that is a
 * station of kind 'rating').
 */
export interface RatingPort {
  readonly mode: 'local' | 'hall';
  /** A new request for the window; a request still waiting there is replaced (never rated). */
  request(input: RatingRequestInput): Promise<FloorResult<RatingRequest>>;
  /** The window's open request, or null. */
  current(window: string): Promise<FloorResult<RatingRequest | null>>;
  /** Called with the window's open request (or null) whenever it changes. */
  watch(window: string, onChange: (r: RatingRequest | null) => void): () => void;
  /** The applicant's tap: records the rating on the case. */
  submit(s: RatingSubmission): Promise<FloorResult<{ bad: boolean; followUpId?: string }>>;
  /** The request ran out unrated: marked expired, nothing recorded on the case. */
  expire(requestId: string): Promise<FloorResult<RatingRequest>>;
  /**
   * The window's number in the floor settings (设置 › 大厅叫号: "1 号窗口"), or null when the
   * settings give it none — the device's heading then names the station code.
   */
  windowNumber(window: string): Promise<FloorResult<number | null>>;
  /** Hall only: the window the hall binds this rating device to (from its enrolment label). */
  deviceWindow?(): Promise<FloorResult<string>>;
}
