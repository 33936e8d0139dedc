// The apply step of the pull: the streams touched by what the hall delivered are folded again
// from their events, in the hall order (confirmed events by gseq, then this station's own
// pending ones in its chain order), and their read rows rewritten. Deterministic and clock-free
// but for `today` (due dates), so every station that holds the same events writes the same rows.
//
// This is the one function the issue-15 fold (helper `fold`: basedOn, admits, parked/merged,
// `refoldStreams(db, streamIds)`) replaces at merge time: it then also parks a case event decided
// on a stale version instead of applying it, and folds the other streams (users, ledgers, …),
// which this version leaves as stored events only.
import { evolve, type CaseState, type DomainEvent, type HolidayCalendar } from '../../domain';
import { toLocalDate } from '../../domain/calendar';
import type { OneWindowDb } from '../db';
import { EVENT_SCHEMA } from '../eventRegistry';
import type { StoredEvent } from '../eventTypes';
import { calendarFromStored, CALENDAR_KEY } from '../holidayCalendar';
import { projectCase, projectCounselling, projectParties } from '../projection';

/** The tables the apply step reads and writes: the pull's transaction spans them. */
export const applyTables = (db: OneWindowDb) => [
  db.events,
  db.meta,
  db.cases,
  db.parties,
  db.projects,
  db.certificates,
  db.counselling,
  db.settings,
];

/** Hall order: confirmed by gseq, then own pending by local position. */
export function hallOrder(a: StoredEvent, b: StoredEvent): number {
  if (a.gseq !== undefined && b.gseq !== undefined) return a.gseq - b.gseq;
  if (a.gseq !== undefined) return -1;
  if (b.gseq !== undefined) return 1;
  return (a.pos ?? 0) - (b.pos ?? 0);
}

const INTAKE_EVENTS = new Set(['caseAccepted', 'supplementRequested', 'caseRefused']);

/** Events this version can fold: not of a newer envelope ("update the app": kept, not folded). */
const foldable = (e: StoredEvent) => (e.schema ?? 1) <= EVENT_SCHEMA;

async function applyCase(
  db: OneWindowDb,
  events: StoredEvent[],
  today: string,
  calendar: HolidayCalendar,
) {
  let state: CaseState | null = null;
  let intake = false;
  for (const e of events) {
    if (!foldable(e)) continue;
    state = evolve(state, { ...e.payload, type: e.type } as unknown as DomainEvent);
    if (INTAKE_EVENTS.has(e.type)) intake = true;
  }
  if (!state) return;
  const writes: Promise<unknown>[] = [db.cases.put(projectCase(state, today, calendar))];
  if (intake) writes.push(projectParties(db, state));
  const cert = state.certificate;
  if (cert) {
    // Certificate numbers are per station until the hall allocates them (SYNC.md principle 5):
    // a number another case already holds here is left to the conflict list, not overwritten.
    const holder = await db.certificates.where('number').equals(cert.number).first();
    if (!holder || holder.caseId === state.caseId) {
      writes.push(
        db.certificates.put({
          id: `${state.caseId}:${cert.number}`,
          number: cert.number,
          caseId: state.caseId,
          certType: cert.type,
          status: state.status === 'certificateVoided' ? 'voided' : 'current',
          data: cert,
        }),
      );
    }
  }
  await Promise.all(writes);
}

/**
 * Folds the given streams again from their events and rewrites their read rows. Must run inside
 * a 'rw' transaction over `applyTables(db)`.
 */
export async function applyStreams(
  db: OneWindowDb,
  streamIds: Iterable<string>,
  now: Date,
): Promise<void> {
  const ids = [...new Set(streamIds)].filter(
    (s) => s.startsWith('case:') || s.startsWith('counselling:'),
  );
  if (ids.length === 0) return;
  const [calendarRow, ...streams] = await Promise.all([
    db.settings.get(CALENDAR_KEY),
    ...ids.map((s) => db.events.where('streamId').equals(s).toArray()),
  ]);
  const calendar = calendarFromStored(calendarRow?.value).calendar;
  const today = toLocalDate(now);
  await Promise.all(
    ids.map((id, i) => {
      const events = (streams[i] as StoredEvent[]).sort(hallOrder);
      if (id.startsWith('case:')) return applyCase(db, events, today, calendar);
      return Promise.all(
        events
          .filter((e) => e.type === 'counsellingSaved' && foldable(e))
          .map((e) =>
            projectCounselling(
              db,
              { ...e.payload, type: 'counsellingSaved' } as Extract<
                DomainEvent,
                { type: 'counsellingSaved' }
              >,
              e.actor,
            ),
          ),
      );
    }),
  );
}
