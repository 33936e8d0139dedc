// The service rating (好差评) and the follow-up a bad rating creates: a return call, and the
// rectification due within 15 working days. The rating goes through dispatch; the follow-up
// is an event plus a `ledger` row. Both run inside one outer transaction, so a bad rating
// never lands without its follow-up (nor a follow-up without its rating).
import { maskIdNumber, rectificationDue, RECTIFY_WORKING_DAYS, toLocalDate } from '../domain';
import { maskedFollowUp } from './followUpMask';
import type { Command } from '../domain';
import { loadCalendar } from './holidayCalendar';
import type { LedgerRow, OneWindowDb } from './db';
import { dispatch, type DispatchOptions, type DispatchResult } from './dispatch';
import { append } from './log';
import { getStation } from './station';

export { RECTIFY_WORKING_DAYS };
/** The ledger kind the ledgers screens read (data/ledgersQueries.ts). */
export const FOLLOW_UP_KIND = 'followUp';

export interface RatingFollowUp {
  /** The case rated; absent for a ticket served without a case (then `ticket` says which). */
  caseId?: string;
  caseNo: string;
  ratingId: string;
  overall: number;
  comment: string;
  /** '' for a ticket served without a case: the device asked nothing personal. */
  applicantName: string;
  /**
   * An enterprise's credit code (public: the ledgers group by it), or a person's ID number
   * MASKED (4101**********1234): the event log is an audit record served to every station, and
   * the full number stays in the case's intake, where the return call finds the contact. '' for
   * a ticket.
   */
  partyCode: string;
  /** Whose code partyCode is (absent on follow-ups opened before the ID number was masked). */
  partyKind?: 'enterprise' | 'person';
  /** Local date the rating was given. */
  ratedOn: string;
  rectifyDueOn: string;
  /** Counted across a year without holiday data (weekdays only): the date is an estimate. */
  dueEstimated: boolean;
  returnCall: 'pending' | 'done';
  rectification: 'pending' | 'done';
  /** From the rating device: what the applicant ticked, the window and the clerk served there. */
  reasons?: string[];
  window?: string;
  clerkName?: string;
  /** A ticket served without a case (data/ticketRatings.ts): its id, number and business. */
  ticketId?: string;
  ticketNumber?: string;
  business?: string;
}

/** The fields of a follow-up that depend on the rating, not on the day it is opened. */
export type FollowUpBasis = Omit<
  RatingFollowUp,
  'ratedOn' | 'rectifyDueOn' | 'dueEstimated' | 'returnCall' | 'rectification'
>;

/**
 * Opens the follow-up of a bad rating: its event on `ledger:followUp-<ratingId>` and its row, in
 * the caller's transaction (over events, meta, ledger and settings). Returns its id.
 */
export async function openFollowUp(
  db: OneWindowDb,
  basis: FollowUpBasis,
  actor: DispatchOptions['actor'],
  now: Date,
): Promise<string> {
  const station = await getStation(db);
  if (!station) throw new Error('no_station');
  const on = toLocalDate(now);
  const due = rectificationDue(on, (await loadCalendar(db)).calendar);
  const id = `${FOLLOW_UP_KIND}-${basis.ratingId}`;
  const fields: RatingFollowUp = {
    ...basis,
    ratedOn: on,
    rectifyDueOn: due.dueOn,
    dueEstimated: due.estimated,
    returnCall: 'pending',
    rectification: 'pending',
  };
  await append(
    db,
    station,
    `ledger:${id}`,
    [{ type: 'followUpOpened', payload: { id, kind: FOLLOW_UP_KIND, ...fields, basedOn: 0 } }],
    actor,
    now,
  );
  await db.ledger.put(followUpRowOf(id, fields, now.toISOString(), actor.name));
  return id;
}

type RatingCommand = Extract<Command, { type: 'ratingRecorded' }>;

/** The ledger row of a follow-up (the writer below and the fold of the log both use it). */
export const followUpRowOf = (
  id: string,
  fields: RatingFollowUp,
  createdAt: string,
  createdBy: string,
): LedgerRow => ({
  id,
  kind: FOLLOW_UP_KIND,
  status: 'open',
  dueDate: fields.rectifyDueOn,
  // Flat data: the supervision ledger reads these fields (data/ledgersQueries.ts).
  data: { ...maskedFollowUp(fields), createdAt, createdBy },
});

/** Records a rating; a bad one (1–2) also opens its follow-up item in the ledger. */
export async function recordRating(
  db: OneWindowDb,
  command: RatingCommand,
  options: DispatchOptions,
): Promise<DispatchResult & { followUpId?: string }> {
  const now = options.now ?? new Date();
  const tables = [
    db.events,
    db.meta,
    db.cases,
    db.parties,
    db.projects,
    db.counselling,
    db.certificates,
    db.ledger,
    db.settings,
  ];
  return db.transaction('rw', tables, async () => {
    const result = await dispatch(db, command, { ...options, now });
    if (!result.ok || command.overall > 2 || !result.state) return result;
    const id = await openFollowUp(
      db,
      {
        caseId: command.caseId,
        caseNo: result.state.caseNo,
        ratingId: command.ratingId,
        overall: command.overall,
        comment: command.comment ?? '',
        applicantName: result.state.intake.applicant.name,
        // Only what the follow-up needs: the case (caseId) leads to the applicant's contact.
        ...(result.state.intake.applicant.kind === 'enterprise'
          ? {
              partyCode: result.state.intake.applicant.creditCode,
              partyKind: 'enterprise' as const,
            }
          : {
              partyCode: maskIdNumber(result.state.intake.applicant.idNumber),
              partyKind: 'person' as const,
            }),
        ...(command.reasons && command.reasons.length > 0 ? { reasons: command.reasons } : {}),
        ...(command.place
          ? { window: command.place.window, clerkName: command.place.clerkName }
          : {}),
      },
      options.actor,
      now,
    );
    return { ...result, followUpId: id };
  });
}

/** The open follow-ups of one case (the issuance screen shows them under the rating). */
export async function followUpsOfCase(db: OneWindowDb, caseId: string): Promise<RatingFollowUp[]> {
  const rows = await db.ledger.where('kind').equals(FOLLOW_UP_KIND).toArray();
  return rows
    .map((r) => maskedFollowUp(r.data as RatingFollowUp))
    .filter((f) => f.caseId === caseId);
}
