// Resolving an entry of the conflict queue (data/conflicts.ts) is a command and an event:
// `conflict.resolved` on the stream `conflict:<caseId>` (`conflict:ledger:<id>`), never on the
// case's own stream, so the case's version does not move and no other station's event is parked
// by it. Two ways: acknowledge, with a note of at least four characters; or redo the action on
// the current state (the screen then opens the case's current step) — the parked event stays in
// the log either way. One transaction: the stored user, the entry still open and theirs to see,
// the note, then the append.
import type { OneWindowDb } from './db';
import {
  allConflicts,
  conflictStream,
  conflictTables,
  maySee,
  type ConflictEntry,
  type ConflictResolution,
} from './conflicts';
import type { EventActor } from './eventTypes';
import { append } from './log';
import { getStation } from './station';

export const NOTE_MIN = 4;
export const NOTE_MAX = 500;

export interface ResolveInput {
  /** The parked or merged event. */
  eventId: string;
  resolution: ConflictResolution;
  note: string;
}

export type ResolveRefusal =
  'forbidden' | 'not_found' | 'already_resolved' | 'note_required' | 'note_too_long' | 'no_station';

export type ResolveResult =
  { ok: true; entry: ConflictEntry; eventId: string } | { ok: false; code: ResolveRefusal };

/** What is wrong with a note, if anything (the screen shows it before sending). */
export function noteProblem(
  resolution: ConflictResolution,
  note: string,
): 'note_required' | 'note_too_long' | null {
  const n = note.trim();
  if (n.length > NOTE_MAX) return 'note_too_long';
  if (resolution === 'acknowledged' && n.length < NOTE_MIN) return 'note_required';
  return null;
}

export async function resolveConflict(
  db: OneWindowDb,
  actor: EventActor,
  input: ResolveInput,
  now: Date = new Date(),
): Promise<ResolveResult> {
  return db.transaction(
    'rw',
    [...conflictTables(db), db.meta],
    async (): Promise<ResolveResult> => {
      const user = await db.users.get(actor.id);
      if (!user || user.disabled === 1) return { ok: false, code: 'forbidden' };
      const entry = (await allConflicts(db)).find((e) => e.event.id === input.eventId);
      if (!entry) return { ok: false, code: 'not_found' };
      if (!maySee(user, entry)) return { ok: false, code: 'forbidden' };
      if (entry.resolution) return { ok: false, code: 'already_resolved' };
      const problem = noteProblem(input.resolution, input.note);
      if (problem) return { ok: false, code: problem };
      const station = await getStation(db);
      if (!station) return { ok: false, code: 'no_station' };
      const stored = await append(
        db,
        station,
        conflictStream(entry.subject.stream),
        [
          {
            type: 'conflict.resolved',
            payload: {
              subject: entry.subject.stream,
              eventId: entry.event.id,
              outcome: entry.fold.outcome,
              resolution: input.resolution,
              note: input.note.trim(),
            },
          },
        ],
        { id: user.id, name: user.name, role: user.role },
        now,
      );
      return { ok: true, entry, eventId: stored[0]?.id ?? '' };
    },
  );
}
