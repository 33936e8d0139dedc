// Settling a clash of the join check (joinCheck.ts) is a command of an administrator (as stored
// in the users table) and an event: `join.clash_settled` on the stream `join:<station code>`,
// naming what clashed with what and the decision. It travels with the station's other events once
// the push is no longer held, so every station of the hall holds it — a certificate or notice
// number that two stations issued stands recorded on all of them (recordedNumberClashes).
//
//   station_code  withdraw — this PC does not join under the code; the station keeps working
//                 alone; nothing was pushed or stored. Or re-coded — not here: joinRecode.ts
//                 re-chains the whole log under a new code (every event and case number carries
//                 the code) and records this settlement with decision `recoded` itself.
//   username      same_person — this station's account and the hall's are one person: this
//                 station's account is closed (renamed `<name>.<code>` and disabled, its past
//                 work stays under it) and the person signs in with the hall's account.
//                 different_person — this station's user keeps the account under a new sign-in
//                 name the administrator types (user.renamed); the person must be told.
//                 When several hall users have the name (two hall stations set up with `admin`)
//                 there is a clash against each, settled one by one: the first settlement changes
//                 the account; a later different_person leaves it under the name it has now, a
//                 later same_person closes it (`<name>.<code>`, disabled) if it is still open.
//                 The second of them is left out by the stations: never same_person (decisionsFor).
//   certificate,  recorded — the number is on paper already and is not changed; the clash is
//   notice        recorded with a note (what was done: the applicant called, a decision filed).
//
// When the last clash is settled the record goes back to checking: the engine runs the check
// once more (the hall may hold new clashes by then) before it pushes.
import type { OneWindowDb } from '../db';
import type { EventActor } from '../eventTypes';
import { append } from '../log';
import { getStation, isUsername, normaliseUsername } from '../station';
import {
  JOIN_KEY,
  joinStream,
  readJoin,
  type ClashKind,
  type JoinClash,
  type JoinRecord,
} from './joinCheck';
import { HALL_ENROLLERS } from '../hallEnrolment';
import { JOINED_KEY } from '../hallPresence';

export type JoinDecision = 'withdraw' | 'same_person' | 'different_person' | 'recorded';

/** The decisions each kind of clash admits. */
export const DECISIONS: Record<ClashKind, readonly JoinDecision[]> = {
  station_code: ['withdraw'],
  username: ['same_person', 'different_person'],
  certificate: ['recorded'],
  notice: ['recorded'],
};

/**
 * The decisions this clash admits: a hall account that the stations leave out (the second of two
 * hall accounts of one name: joinCheck.ts `leftOut`) cannot be "the same person" — the person
 * could sign in with it nowhere. Its hall account is renamed first (用户管理, data/userClashes.ts).
 */
export function decisionsFor(clash: Pick<JoinClash, 'kind' | 'other'>): readonly JoinDecision[] {
  if (clash.kind === 'username' && clash.other['leftOut'] === 1) return ['different_person'];
  return DECISIONS[clash.kind];
}

export const JOIN_NOTE_MIN = 4;
export const JOIN_NOTE_MAX = 500;

export interface SettleInput {
  clashId: string;
  decision: JoinDecision;
  note: string;
  /** different_person: the new sign-in name of this station's user. */
  renameTo?: string;
}

export type SettleProblem =
  | 'not_admin'
  | 'no_station'
  | 'not_found'
  | 'decision_unfit'
  | 'note_required'
  | 'note_too_long'
  | 'username_invalid'
  | 'username_taken'
  | 'self_last';

export type SettleResult = { ok: true; record: JoinRecord } | { ok: false; problem: SettleProblem };

/** Notes are required where nothing else says what was done (numbers on paper, a withdrawal). */
export function settleNoteProblem(
  decision: JoinDecision,
  note: string,
): 'note_required' | 'note_too_long' | null {
  const n = note.trim();
  if (n.length > JOIN_NOTE_MAX) return 'note_too_long';
  if ((decision === 'recorded' || decision === 'withdraw') && n.length < JOIN_NOTE_MIN)
    return 'note_required';
  return null;
}

/** The sign-in name a closed account takes (`admin` on HJ02 → `admin.hj02`). */
export const closedName = (username: string, stationCode: string) =>
  `${username.slice(0, 31 - stationCode.length)}.${stationCode.toLowerCase()}`;

export async function settleClash(
  db: OneWindowDb,
  actor: EventActor,
  input: SettleInput,
  now: Date = new Date(),
): Promise<SettleResult> {
  const note = settleNoteProblem(input.decision, input.note);
  if (note) return { ok: false, problem: note };
  return db.transaction('rw', [db.events, db.meta, db.users], async (): Promise<SettleResult> => {
    const stored = await db.users.get(actor.id);
    if (!stored || stored.disabled === 1 || !HALL_ENROLLERS.includes(stored.role))
      return { ok: false, problem: 'not_admin' };
    const station = await getStation(db);
    if (!station) return { ok: false, problem: 'no_station' };
    const record = await readJoin(db);
    const clash = record?.status === 'held' && record.clashes.find((c) => c.id === input.clashId);
    if (!record || !clash) return { ok: false, problem: 'not_found' };
    if (!decisionsFor(clash).includes(input.decision))
      return { ok: false, problem: 'decision_unfit' };
    const rest = record.clashes.filter((c) => c.id !== clash.id);
    let renamedTo: string | undefined;
    let userChange: (() => Promise<void>) | null = null;
    if (clash.kind === 'username') {
      const userId = String(clash.own['userId']);
      const user = await db.users.get(userId);
      if (!user) return { ok: false, problem: 'not_found' };
      // Closing the signed-in administrator's own account ends their rights here: last, then.
      if (input.decision === 'same_person' && userId === actor.id && rest.length > 0)
        return { ok: false, problem: 'self_last' };
      // Renamed already by the settlement of another hall user of this name (joinCheck.ts).
      const moved = user.username !== clash.key;
      const to =
        input.decision === 'same_person'
          ? closedName(clash.key, station.stationCode)
          : moved
            ? user.username
            : normaliseUsername(input.renameTo ?? '');
      if (!isUsername(to)) return { ok: false, problem: 'username_invalid' };
      const holder = await db.users.where('username').equals(to).first();
      if (to === clash.key || (holder && holder.id !== userId))
        return { ok: false, problem: 'username_taken' };
      const events: { type: 'user.renamed' | 'user.disabled'; payload: object }[] = [];
      if (to !== user.username)
        events.push({ type: 'user.renamed', payload: { from: user.username, to, reason: 'join' } });
      if (input.decision === 'same_person' && user.disabled === 0)
        events.push({ type: 'user.disabled', payload: {} });
      if (events.length > 0)
        userChange = async () => {
          await append(db, station, `user:${userId}`, events as never, actor, now);
          await db.users.put({
            ...user,
            username: to,
            disabled: input.decision === 'same_person' ? 1 : user.disabled,
          });
        };
      if (to !== user.username) renamedTo = to;
    }
    // The settlement first, then the account's change: an administrator closing their own
    // account settles before the disabling, so nothing of theirs follows it (flaggedActions).
    await append(
      db,
      station,
      joinStream(station.stationCode),
      [
        {
          type: 'join.clash_settled',
          payload: {
            clashId: clash.id,
            kind: clash.kind,
            key: clash.key,
            decision: input.decision,
            own: clash.own,
            other: clash.other,
            ...(renamedTo ? { renamedTo } : {}),
            note: input.note.trim(),
          },
        },
      ],
      actor,
      now,
    );
    await userChange?.();
    const next: JoinRecord =
      input.decision === 'withdraw'
        ? { ...record, status: 'withdrawn', clashes: [] }
        : rest.length > 0
          ? { ...record, clashes: rest }
          : { ...record, status: 'checking', clashes: [] };
    await db.meta.put({ key: JOIN_KEY, value: next });
    // A withdrawn station is alone again: user administration no longer waits for the hall.
    if (next.status === 'withdrawn') await db.meta.delete(JOINED_KEY);
    return { ok: true, record: next };
  });
}

export interface RecordedNumberClash {
  kind: 'certificate' | 'notice';
  number: string;
  /** The station that recorded it (joined with it). */
  stationId: string;
  own: Record<string, string | number>;
  other: Record<string, string | number>;
  note: string;
  by: string;
  at: string;
}

/** Every number clash recorded by any station of the hall (from the `join:` streams held here). */
export async function recordedNumberClashes(db: OneWindowDb): Promise<RecordedNumberClash[]> {
  const events = await db.events
    .where('streamId')
    .startsWith('join:')
    .filter((e) => e.type === 'join.clash_settled')
    .toArray();
  return events
    .filter((e) => e.payload['kind'] === 'certificate' || e.payload['kind'] === 'notice')
    .map((e) => ({
      kind: e.payload['kind'] as 'certificate' | 'notice',
      number: String(e.payload['key']),
      stationId: e.stationId,
      own: e.payload['own'] as Record<string, string | number>,
      other: e.payload['other'] as Record<string, string | number>,
      note: String(e.payload['note']),
      by: e.actor.name,
      at: e.at,
    }))
    .sort((x, y) => x.number.localeCompare(y.number));
}

/**
 * Where this station's account of a name clash stands now. When several hall users share the
 * name, the first settlement changes the account; the cards of the others then say so instead
 * of asking for a new name that would be ignored.
 */
export function ownAccountState(
  clash: { kind: string; key: string },
  user: { username: string; disabled: 0 | 1 } | undefined,
): 'open' | 'renamed' | 'closed' | null {
  if (clash.kind !== 'username') return null;
  if (!user || user.username === clash.key) return 'open';
  // same_person closes it as <name>.<code> and disables it; different_person renames it.
  return user.disabled === 1 ? 'closed' : 'renamed';
}
