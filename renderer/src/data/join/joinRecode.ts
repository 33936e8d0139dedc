// Re-coding a station that ran alone under a code the hall already holds (issue 17 item 4): the
// join check lists the clash `station_code`; besides withdrawing, the administrator may give this
// station a new code that the hall does not hold, and the whole local log is re-chained under it.
// Renumbering is never silent:
//
//  - ONE Dexie transaction (all or nothing; a crash midway leaves the old log as it was): every
//    event of this station's chains gets the id `<new chain>-<seq>`, stationId and chainId under
//    the new code (HJ02 → HJ05, HJ02.2 → HJ05.2), the stream `join:<old>` becomes `join:<new>`, and
//    the hashes are computed again link by link (chainSync: no await inside the transaction), so
//    the integrity check (integrity.ts) verifies the new chains as any other. The old chains are
//    verified first, link by link: a log that does not verify is not re-chained (`log_broken`).
//    Payloads stay as written, except what names an event or a chain of the old log (a restore's
//    `chain.opened`, a conflict resolution's `eventId`).
//  - Nothing is lost: every old event is kept byte for byte in `recodedEvents` (Dexie v11) beside
//    its new id; verifyRecodedArchive walks it against the old heads the re-coding recorded.
//  - Each case of the old code gets a `case.renumbered` event (HJ02-20260302-0007 →
//    HJ05-20260302-0007: date and sequence kept) — the fold keeps the old one in formerNumbers,
//    search finds both, the timeline says 原编号 … — then the clash is settled (`join.clash_settled`,
//    decision `recoded`), then `station.recoded` at the head of the new chain: old and new code,
//    the old chains' heads, the count of events, every case number old → new, who, the note.
//  - Meta follows: the station, the chain heads, the credentials beside user events (by event
//    id), the case counters (`seq:case:<code>:<date>`); the read tables of the cases are folded
//    again (refoldStreams). Notice and certificate numbers are not touched (other decisions), and
//    neither is a certificate's QR code: its signed claim names the certificate, not the case or
//    the station (features/issuance/qrPayload.ts), so it verifies as before.
//
// Only while the join check holds the station with that clash, and only if nothing of this
// station ever reached the hall (no own event acknowledged, no acknowledged mark): what the hall
// holds cannot be renamed. The new code is checked against the hall's events by the caller
// (joinRecodeFlow.ts, which also enrols the station under the new code first). After it the
// record is `checking`: the check runs again under the new code, then the station pushes.
import { toLocalDate } from '../../domain/dates';
import { parseCaseNumber } from '../../domain/numbering';
import { CREDENTIAL_PREFIX } from '../credentials';
import type { MetaRow, OneWindowDb, RecodedEventRow } from '../db';
import type { EventActor } from '../eventTypes';
import { HALL_ENROLLERS } from '../hallEnrolment';
import { lastIntegrityReport } from '../integrity';
import {
  appendBatches,
  chainIdOf,
  chainNumber,
  CLOSED_HEAD_PREFIX,
  closedHeadKey,
  HEAD_KEY,
  type AppendBatch,
  type ChainHead,
} from '../log';
import { rechainOwnLog, type Rechained } from '../logRecode';
import { refoldStreams, refoldTables } from '../rebuild';
import { getStation, STATION_KEY, type Station } from '../station';
import { readAcked } from '../sync/hallMeta';
import { JOIN_KEY, joinStream, readJoin, type JoinRecord } from './joinCheck';
import { JOIN_NOTE_MAX, JOIN_NOTE_MIN } from './joinSettle';

/** A code the hall takes (a letter first) that a case number carries (2–4 characters). */
export const RECODE_CODE = /^[A-Z][A-Z0-9]{1,3}$/;
export const normaliseStationCode = (s: string) => s.trim().toUpperCase();

export type RecodeProblem =
  | 'not_admin'
  | 'no_station'
  | 'not_held'
  | 'code_invalid'
  | 'code_same'
  | 'code_held'
  | 'pushed'
  | 'log_broken'
  | 'note_required'
  | 'note_too_long';

export interface RecodeInput {
  newCode: string;
  note: string;
}

export interface RenumberedCase {
  caseId: string;
  from: string;
  to: string;
}

export interface RecodeSummary {
  /** The id of the `station.recoded` event (the archive's key). */
  recoding: string;
  from: string;
  to: string;
  events: number;
  cases: RenumberedCase[];
}

export type RecodeResult =
  { ok: true; record: JoinRecord; summary: RecodeSummary } | { ok: false; problem: RecodeProblem };

/** The problem of a typed code and note alone (null = fine); the rest needs the database. */
export function recodeInputProblem(
  input: RecodeInput,
  current: string,
): 'code_invalid' | 'code_same' | 'note_required' | 'note_too_long' | null {
  const code = normaliseStationCode(input.newCode);
  if (!RECODE_CODE.test(code)) return 'code_invalid';
  if (code === current) return 'code_same';
  const note = input.note.trim();
  if (note.length > JOIN_NOTE_MAX) return 'note_too_long';
  if (note.length < JOIN_NOTE_MIN) return 'note_required';
  return null;
}

/** Whether anything of this station's chains ever reached the hall. */
export async function everPushed(db: OneWindowDb, stationId: string): Promise<boolean> {
  const acked = await readAcked(db);
  if (Object.entries(acked).some(([c, m]) => chainNumber(c, stationId) !== null && m.seq > 0))
    return true;
  const acknowledged = await db.events
    .where('gseq')
    .above(0)
    .filter((e) => chainNumber(chainIdOf(e), stationId) !== null)
    .count();
  return acknowledged > 0;
}

/**
 * Everything that can refuse a re-coding before the hall is asked (the transaction asks again):
 * an administrator as stored, a station held by the join check with a station-code clash,
 * nothing pushed, a code of the right form that is not this station's, a note.
 */
export async function recodeRefusal(
  db: OneWindowDb,
  actor: EventActor,
  input: RecodeInput,
): Promise<RecodeProblem | null> {
  const stored = await db.users.get(actor.id);
  if (!stored || stored.disabled === 1 || !HALL_ENROLLERS.includes(stored.role)) return 'not_admin';
  const station = await getStation(db);
  if (!station) return 'no_station';
  const record = await readJoin(db);
  if (record?.status !== 'held' || !record.clashes.some((c) => c.kind === 'station_code'))
    return 'not_held';
  const typed = recodeInputProblem(input, station.stationCode);
  if (typed) return typed;
  if (await everPushed(db, station.stationId)) return 'pushed';
  if ((await lastIntegrityReport(db))?.ok === false) return 'log_broken';
  return null;
}

/** The case number under the new code: the date and sequence stay. */
export const renumbered = (caseNo: string, from: string, to: string): string | null => {
  const p = parseCaseNumber(caseNo);
  return p && p.stationCode === from ? `${to}${caseNo.slice(from.length)}` : null;
};

/** The meta rows that carry the code or an event id, renamed (the keys to delete, the rows). */
function movedMeta(
  rows: readonly MetaRow[],
  station: Station,
  to: string,
  r: Rechained,
): { drop: string[]; put: MetaRow[] } {
  const from = station.stationId;
  const drop: string[] = [];
  const put: MetaRow[] = [
    { key: STATION_KEY, value: { ...station, stationId: to, stationCode: to } },
  ];
  const counter = `seq:case:${from}:`;
  for (const row of rows) {
    if (row.key === HEAD_KEY) {
      const head = row.value as ChainHead;
      put.push({ key: HEAD_KEY, value: r.heads.get(head.chainId ?? from)!.after });
    } else if (row.key.startsWith(CLOSED_HEAD_PREFIX)) {
      const moved = r.heads.get(row.key.slice(CLOSED_HEAD_PREFIX.length));
      if (!moved) continue;
      drop.push(row.key);
      put.push({ key: closedHeadKey(moved.after.chainId!), value: moved.after });
    } else if (row.key.startsWith(CREDENTIAL_PREFIX)) {
      const id = r.idMap.get(row.key.slice(CREDENTIAL_PREFIX.length));
      if (!id) continue;
      drop.push(row.key);
      put.push({ key: `${CREDENTIAL_PREFIX}${id}`, value: row.value });
    } else if (row.key.startsWith(counter)) {
      drop.push(row.key);
      put.push({ key: `seq:case:${to}:${row.key.slice(counter.length)}`, value: row.value });
    }
  }
  return { drop, put };
}

/**
 * Re-codes this station (see the top of this file). `hallCodes`: the station codes the hall's
 * events carry, read just before (joinRecodeFlow.ts); the new code must not be among them.
 */
export async function recodeStation(
  db: OneWindowDb,
  actor: EventActor,
  input: RecodeInput,
  hallCodes: ReadonlySet<string>,
  now: Date = new Date(),
): Promise<RecodeResult> {
  const tables = [db.events, db.meta, db.users, db.recodedEvents, ...refoldTables(db)];
  return db.transaction('rw', tables, async (): Promise<RecodeResult> => {
    const refused = await recodeRefusal(db, actor, input);
    if (refused) return { ok: false, problem: refused };
    const to = normaliseStationCode(input.newCode);
    if (hallCodes.has(to)) return { ok: false, problem: 'code_held' };
    const station = (await getStation(db))!;
    const record = (await readJoin(db))!;
    const from = station.stationId;
    const [all, metaRows, caseRows] = await Promise.all([
      db.events.toArray(),
      db.meta.toArray(),
      db.cases.toArray(),
    ]);
    const own = all.filter((e) => chainNumber(chainIdOf(e), from) !== null);
    const recorded = new Map<string, ChainHead>();
    for (const row of metaRows) {
      const head = row.value as ChainHead;
      if (row.key === HEAD_KEY) recorded.set(head.chainId ?? from, head);
      else if (row.key.startsWith(CLOSED_HEAD_PREFIX))
        recorded.set(row.key.slice(CLOSED_HEAD_PREFIX.length), head);
    }
    const r = await rechainOwnLog(db, own, recorded, from, to);
    if (!r) return { ok: false, problem: 'log_broken' };
    const meta = movedMeta(metaRows, station, to, r);
    await db.meta.bulkDelete(meta.drop);
    await db.meta.bulkPut(meta.put);

    const cases: RenumberedCase[] = caseRows
      .flatMap((c) => {
        const next = renumbered(c.caseNo, from, to);
        return next ? [{ caseId: c.id, from: c.caseNo, to: next }] : [];
      })
      .sort((a, b) => (a.from < b.from ? -1 : 1));
    const versions = new Map(caseRows.map((c) => [c.id, c.version]));
    const on = toLocalDate(now);
    const batches: AppendBatch[] = cases.map((c) => ({
      streamId: `case:${c.caseId}`,
      events: [
        {
          type: 'case.renumbered',
          payload: {
            type: 'case.renumbered',
            caseId: c.caseId,
            on,
            basedOn: versions.get(c.caseId) ?? 0,
            from: c.from,
            to: c.to,
            reason: 'station_recoded',
          },
        },
      ],
    }));
    const note = input.note.trim();
    const codeClashes = record.clashes.filter((c) => c.kind === 'station_code');
    batches.push({
      streamId: joinStream(to),
      events: codeClashes.map((clash) => ({
        type: 'join.clash_settled',
        payload: {
          clashId: clash.id,
          kind: clash.kind,
          key: clash.key,
          decision: 'recoded',
          own: clash.own,
          other: clash.other,
          recodedTo: to,
          note,
        },
      })),
    });
    const heads = [...r.heads.values()].map((h) => h.before);
    batches.push({
      streamId: 'station',
      events: [
        {
          type: 'station.recoded',
          payload: { from, to, heads, events: own.length, cases, note },
        },
      ],
    });
    const stored = await appendBatches(db, { stationId: to }, batches, actor, now);
    const recoding = stored.at(-1)!.id;
    const archive: RecodedEventRow[] = own.map((e) => ({
      recoding,
      oldId: e.id,
      newId: r.idMap.get(e.id)!,
      event: e,
    }));
    await db.recodedEvents.bulkAdd(archive);
    await refoldStreams(
      db,
      cases.map((c) => `case:${c.caseId}`),
    );
    // The check runs again under the new code (the clashes left are listed anew), then the push.
    const next: JoinRecord = { status: 'checking', checkedAt: record.checkedAt, clashes: [] };
    await db.meta.put({ key: JOIN_KEY, value: next });
    return {
      ok: true,
      record: next,
      summary: { recoding, from, to, events: own.length, cases },
    };
  });
}
