// Showing a case's personal numbers in full (ID numbers, phones) is recorded: who, when, which
// case, which numbers. Screens show them masked; the case page asks here first, and only shows
// them when this returns ok. The event goes to its own stream of the case ('case-personal:<id>'),
// beside its papers and files, so the case's workflow version is not touched by a look.
import type { CaseState } from '../domain/caseState';
import { mayRevealPersonalData } from '../domain/maskReveal';
import type { OneWindowDb } from './db';
import type { EventActor, StoredEvent } from './eventTypes';
import { append } from './log';
import { getStation } from './station';

export const PERSONAL_DATA_REVEALED = 'personalDataRevealed' as const;

export const personalStream = (caseId: string) => `case-personal:${caseId}`;

/** Why a reveal was refused: each has a message under cases.json "personal.refusal.<code>". */
export type RevealRefusal = 'not_allowed' | 'case_not_found' | 'no_station';

export type RevealResult = { ok: true; event: StoredEvent } | { ok: false; refusal: RevealRefusal };

/** The personal numbers a case holds, by field, so the record says what was seen. */
export type PersonalField = 'idNumber' | 'phone' | 'agentIdNumber' | 'agentPhone';

export function personalFieldsOf(state: CaseState | undefined): PersonalField[] {
  const intake = state?.intake;
  if (!intake) return [];
  const fields: PersonalField[] = [];
  if (intake.applicant.kind === 'person' && intake.applicant.idNumber) fields.push('idNumber');
  if (intake.contact.phone) fields.push('phone');
  if (intake.agent?.idNumber) fields.push('agentIdNumber');
  if (intake.agent?.phone) fields.push('agentPhone');
  return fields;
}

/**
 * Records that `actor` is shown the full personal numbers of a case. The role is the one stored
 * for the user (not the one the screen holds), so a hidden button is never the only guard; a
 * refusal writes nothing.
 */
export async function revealPersonalData(
  db: OneWindowDb,
  actor: EventActor,
  caseId: string,
  now = new Date(),
): Promise<RevealResult> {
  return db.transaction('rw', [db.events, db.meta, db.users, db.cases], async () => {
    const user = await db.users.get(actor.id);
    if (!user || user.disabled === 1 || !mayRevealPersonalData(user.role))
      return { ok: false, refusal: 'not_allowed' };
    const row = await db.cases.get(caseId);
    if (!row) return { ok: false, refusal: 'case_not_found' };
    const station = await getStation(db);
    if (!station) return { ok: false, refusal: 'no_station' };
    const [event] = await append(
      db,
      station,
      personalStream(caseId),
      [
        {
          type: PERSONAL_DATA_REVEALED,
          payload: {
            caseId,
            caseNo: row.caseNo,
            fields: personalFieldsOf(row.state as CaseState | undefined),
          },
        },
      ],
      // The stored name and role: the log says who it really was.
      { id: user.id, name: user.name, role: user.role },
      now,
    );
    return { ok: true, event: event as StoredEvent };
  });
}
