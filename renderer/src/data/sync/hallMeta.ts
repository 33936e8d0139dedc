// What a station remembers of the hall, in `meta` (written in the transactions that change it, so a
// crash never leaves it ahead of the log):
//   hall:cursor — the highest gseq up to which every event of the hall order is held (stored, or
//                 an own event acknowledged); the pull asks after it.
//   hall:acked  — per own chain, the last seq the hall holds (from the session's heads and push
//                 answers) and the local `pos` of that event when known, where the outbox starts.
import type { OneWindowDb } from '../db';

export const CURSOR_KEY = 'hall:cursor';
export const ACKED_KEY = 'hall:acked';

export interface AckedMark {
  seq: number;
  /**
   * Where the outbox starts reading: `pos` of the event at `seq` (or a later pos no later event of
   * the chain lies before: skipStoredForeign), 0 when not known (it then scans from the start).
   */
  pos: number;
}

export type AckedMarks = Record<string, AckedMark>;

export async function readCursor(db: OneWindowDb): Promise<number> {
  return ((await db.meta.get(CURSOR_KEY))?.value as number | undefined) ?? 0;
}

export async function readAcked(db: OneWindowDb): Promise<AckedMarks> {
  return ((await db.meta.get(ACKED_KEY))?.value as AckedMarks | undefined) ?? {};
}

/** Raises the marks (never lowers one: a later answer may arrive before an earlier). */
export function raised(marks: AckedMarks, chainId: string, seq: number, pos = 0): AckedMarks {
  const old = marks[chainId];
  if (old && old.seq >= seq) return marks;
  return { ...marks, [chainId]: { seq, pos: pos || (old?.pos ?? 0) } };
}

/** Read, raise and write the marks inside the caller's transaction over meta. */
export async function raiseAcked(
  db: OneWindowDb,
  raises: readonly { chainId: string; seq: number; pos?: number }[],
): Promise<AckedMarks> {
  let marks = await readAcked(db);
  const before = marks;
  for (const r of raises) marks = raised(marks, r.chainId, r.seq, r.pos);
  if (marks !== before) await db.meta.put({ key: ACKED_KEY, value: marks });
  return marks;
}

/**
 * After foreign events were stored: a chain the hall holds entirely (mark = local head) starts
 * its next event past `lastPos`, so its mark's `pos` moves there — the outbox then never reads
 * back over the hall's events (100,000s after a catch-up) to find this station's next one.
 * Inside the caller's transaction over meta.
 */
export async function skipStoredForeign(
  db: OneWindowDb,
  heads: ReadonlyMap<string, number>,
  lastPos: number,
): Promise<void> {
  const marks = await readAcked(db);
  let next = marks;
  for (const [chainId, headSeq] of heads) {
    const m = marks[chainId];
    if (m && m.seq === headSeq && m.pos < lastPos)
      next = { ...next, [chainId]: { seq: m.seq, pos: lastPos } };
  }
  if (next !== marks) await db.meta.put({ key: ACKED_KEY, value: next });
}
