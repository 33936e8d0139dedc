// Enrolling this station with the hall server (设置 › 大厅同步): only an administrator, as stored
// in the users table (not as the screen claims), and always under this station's own code — the
// code every event and case number of this station carries, so the hall can never be told a
// different one. The host does the rest (key, certificate pin, the call itself).
import type { ArgsOf, HostApi, ResultOf } from '../../../electron/contract';
import { stationCodeSchema } from '../../../server/protocol';
import type { OneWindowDb } from './db';
import type { EventActor } from './eventTypes';
import { markHallJoined, noteHallContact } from './hallPresence';
import { beginJoin } from './join/joinCheck';
import { getStation } from './station';

export type EnrolInput = Omit<ArgsOf<'hall.enrol'>, 'stationCode'>;

export type EnrolOutcome =
  | { ok: true; result: ResultOf<'hall.enrol'>; stationCode: string }
  | { ok: false; problem: 'not_admin' | 'no_station' | 'station_code_unfit'; code?: string };

/** Who may enrol the station. */
export const HALL_ENROLLERS: readonly string[] = ['admin'];

/** The station code to enrol under, or why this station cannot enrol. */
export async function enrolmentStationCode(
  db: OneWindowDb,
): Promise<
  | { ok: true; code: string }
  | { ok: false; problem: 'no_station' | 'station_code_unfit'; code?: string }
> {
  const station = await getStation(db);
  if (!station) return { ok: false, problem: 'no_station' };
  // The hall's codes start with a letter (HJ01); a code such as 01 was fine alone, not in a hall.
  if (!stationCodeSchema.safeParse(station.stationCode).success)
    return { ok: false, problem: 'station_code_unfit', code: station.stationCode };
  return { ok: true, code: station.stationCode };
}

/** Enrols; a refusal by the hall or the host arrives as the host's HostError('hall', code). */
export async function enrolStation(
  db: OneWindowDb,
  actor: EventActor,
  input: EnrolInput,
  hall: Pick<HostApi, 'hallEnrol'>,
): Promise<EnrolOutcome> {
  const stored = await db.users.get(actor.id);
  if (!stored || stored.disabled || !HALL_ENROLLERS.includes(stored.role))
    return { ok: false, problem: 'not_admin' };
  const code = await enrolmentStationCode(db);
  if (!code.ok) return code;
  const result = await hall.hallEnrol({ ...input, stationCode: code.code });
  // The enrolment was an exchange with the hall: user administration may go on at once.
  noteHallContact(db, new Date());
  await markHallJoined(db, new Date());
  // A station that ran alone holds data of its own: the join check lists every clash with the
  // hall before anything is pushed (data/join/); one set up for the hall joins at once.
  await beginJoin(db);
  return { ok: true, result, stationCode: code.code };
}
