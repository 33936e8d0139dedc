// The clerk's screen finished a case (or a ticket without one) at its window: ask the window's rating device for the
// applicant's rating (一次一评). The clerk never sees or enters the rating; a request that cannot
// be made never stops the clerk's own command — the caller only says whether it went out.
import type { CaseState } from '../../domain';
import type { RatingRequest } from '../../domain/floor/rating';
import type { Ticket } from '../../domain/floor/types';
import { getStation } from '../../data/station';
import { appDb } from '../../data/stationDb';
import { currentActor } from '../../app/stores/sessionStore';
import { stationRatingPort } from './stationRating';

/** Asks the device at this station's window; null when no request could be made. */
export async function requestRatingFor(
  state: CaseState,
  ticketId?: string,
  /** The window's code when the caller knows it (the calling panel); else the station's code. */
  windowCode?: string,
): Promise<RatingRequest | null> {
  try {
    const db = appDb();
    const station = await getStation(db);
    const actor = currentActor();
    if (!station) return null;
    // The hall's store when enrolled (the tablet at the window is a station), else this PC's.
    const port = await stationRatingPort();
    const r = await port.request({
      // The window is the counter station's code (docs/floor.md).
      window: windowCode ?? station.stationCode,
      caseId: state.caseId,
      caseNumber: state.caseNo,
      matterName: state.matter?.name ?? state.intake.matterCode,
      ...(state.matter?.nameEn ? { matterNameEn: state.matter.nameEn } : {}),
      clerkId: actor.id,
      clerkName: actor.name,
      ...(ticketId ? { ticketId } : {}),
    });
    // A case just rated here is not asked again (data/ratingRequests.ts): nothing went out.
    return r.ok && r.value.status === 'waiting' ? r.value : null;
  } catch {
    return null;
  }
}

/**
 * A ticket finished at the window with no case (counselling, an enquiry, a certificate collected
 * without a case opened here): the device shows the ticket's number and business instead of a
 * case number and matter. Null when no request could be made.
 */
export async function requestTicketRating(
  ticket: Pick<Ticket, 'id' | 'number' | 'business'>,
  windowCode: string,
): Promise<RatingRequest | null> {
  try {
    const actor = currentActor();
    const port = await stationRatingPort();
    const r = await port.request({
      window: windowCode,
      clerkId: actor.id,
      clerkName: actor.name,
      ticketId: ticket.id,
      ticketNumber: ticket.number,
      business: ticket.business,
    });
    return r.ok && r.value.status === 'waiting' ? r.value : null;
  } catch {
    return null;
  }
}
