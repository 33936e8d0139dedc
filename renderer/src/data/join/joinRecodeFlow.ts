// The re-coding as the administrator runs it from 设置 › 大厅同步 (joinRecode.ts does the local
// part). In order, each step refusing with its reason and changing nothing when it refuses:
//
//  1. the checks that need no hall (joinRecode.ts recodeRefusal): an administrator, the join check
//     holding the station with a station-code clash, nothing ever pushed, the code's form, a note;
//  2. the hall's events read page by page, storing nothing (a pull, as the join check does): the
//     new code must not be one any event of the hall carries (`code_held`);
//  3. the enrolment under the new code with the single-use code the hall's administrator gave
//     for it (`station enrol --code HJ05` on the server): the host keeps its key and the hall,
//     only the station code changes (`replace`). A hall that already holds a chain under the new
//     code answers with its heads: refused too. Skipped when the host is enrolled under the new
//     code already (a re-coding that stopped after this step is run again);
//  4. the re-coding itself, one transaction; then the integrity check over the new log.
//
// Why the enrolment first: the sync engine signs as the code the host is enrolled under. Until
// the local log is re-coded the join check still holds the station (held: nothing is pushed or
// pulled), so a stop between 3 and 4 sends nothing anywhere; the other way round, a re-coded
// station enrolled under its old code would push chains the hall refuses as foreign.
import { ChainWalker } from '../chains';
import type { OneWindowDb } from '../db';
import type { EventActor } from '../eventTypes';
import { verifyLog } from '../integrity';
import { chainIdOf, type ChainHead } from '../log';
import type { ChainHeadInfo, StationKind } from '../../../../server/protocol';
import type { EnrolArgs, HallError, HallTransport } from '../sync/transport';
import {
  normaliseStationCode,
  recodeRefusal,
  recodeStation,
  type RecodeInput,
  type RecodeProblem,
  type RecodeSummary,
} from './joinRecode';
import type { JoinRecord } from './joinCheck';

export interface RecodeFlowInput extends RecodeInput {
  /** The single-use enrolment code the hall's administrator issued for the new code. */
  enrolmentCode: string;
  /** How the hall lists this station under the new code. */
  label: string;
}

export type RecodeFlowResult =
  | { ok: true; record: JoinRecord; summary: RecodeSummary }
  | { ok: false; problem: RecodeProblem }
  /** The hall could not be read, or refused the enrolment: its code (sync.json hallError.*). */
  | { ok: false; problem: 'hall'; error: HallError };

/** What the flow needs of the host (hall.status, hall.enrol with `replace`, hall.pull). */
export interface RecodeHall {
  pull: HallTransport['pull'];
  status(): Promise<{
    enrolled: boolean;
    serverUrl: string | null;
    stationCode: string | null;
    fingerprint: string | null;
    kind?: StationKind | null;
  }>;
  enrol(args: EnrolArgs & { replace: true }): Promise<{ heads: ChainHeadInfo[] }>;
}

const ENROL_CODE = /^[A-Z0-9]{4}(-[A-Z0-9]{4}){2}$/;
export const normaliseEnrolmentCode = (s: string) => s.trim().toUpperCase();
export const isEnrolmentCode = (s: string) => ENROL_CODE.test(normaliseEnrolmentCode(s));

/** The station codes the hall's events carry (station ids and chain roots), storing nothing. */
export async function readHallCodes(
  transport: Pick<HallTransport, 'pull'>,
  limit = 2000,
): Promise<{ ok: true; codes: Set<string> } | { ok: false; error: HallError }> {
  const codes = new Set<string>();
  for (let after = 0; ;) {
    const r = await transport.pull({ after, limit, waitMs: 0 });
    if (!r.ok) return { ok: false, error: r.error };
    const events = [...r.response.events].sort((x, y) => x.gseq - y.gseq);
    let run = 0;
    for (const h of events) {
      if (h.gseq !== after + run + 1) break;
      run += 1;
      const e = h.event as unknown as { stationId: string; chainId?: string };
      codes.add(e.stationId);
      codes.add(chainIdOf(e).split('.')[0]!);
    }
    after += run;
    if (after >= r.response.lastGseq) return { ok: true, codes };
    if (run === 0)
      return { ok: false, error: { code: 'unreachable', message: 'hall order has a hole' } };
  }
}

const hallErrorOf = (e: unknown): HallError => {
  const err = e as { code?: unknown; message?: unknown } | null;
  const message = typeof err?.message === 'string' ? err.message : String(e);
  // The host throws HostError('hall', '<code>: …').
  const code = err?.code === 'hall' ? message.split(':')[0]!.trim() : 'unreachable';
  return { code: (/^[a-z_]+$/.test(code) ? code : 'unreachable') as HallError['code'], message };
};

export async function recodeAndEnrol(
  db: OneWindowDb,
  actor: EventActor,
  input: RecodeFlowInput,
  transport: RecodeHall,
  now: () => Date = () => new Date(),
): Promise<RecodeFlowResult> {
  const refused = await recodeRefusal(db, actor, input);
  if (refused) return { ok: false, problem: refused };
  const to = normaliseStationCode(input.newCode);
  const hall = await readHallCodes(transport);
  if (!hall.ok) return { ok: false, problem: 'hall', error: hall.error };
  if (hall.codes.has(to)) return { ok: false, problem: 'code_held' };
  let status;
  try {
    status = await transport.status();
  } catch (e) {
    return { ok: false, problem: 'hall', error: hallErrorOf(e) };
  }
  if (!status.enrolled || !status.serverUrl)
    return { ok: false, problem: 'hall', error: { code: 'not_enrolled', message: 'not enrolled' } };
  if (status.stationCode !== to) {
    if (!isEnrolmentCode(input.enrolmentCode))
      return {
        ok: false,
        problem: 'hall',
        error: { code: 'enrolment_code_invalid', message: 'not an enrolment code' },
      };
    let heads;
    try {
      ({ heads } = await transport.enrol({
        serverUrl: status.serverUrl,
        code: normaliseEnrolmentCode(input.enrolmentCode),
        stationCode: to,
        label: input.label.trim() || to,
        kind: status.kind ?? 'counter',
        ...(status.fingerprint ? { fingerprint: status.fingerprint } : {}),
        replace: true,
      }));
    } catch (e) {
      return { ok: false, problem: 'hall', error: hallErrorOf(e) };
    }
    if (heads.some((h) => h.seq > 0)) return { ok: false, problem: 'code_held' };
  }
  const r = await recodeStation(db, actor, input, hall.codes, now());
  if (r.ok) await verifyLog(db, now());
  return r;
}

/**
 * The archive of a re-coding checked: every old event verifies link by link and the old chains
 * end at the heads `station.recoded` recorded, with as many events as it counted.
 */
export async function verifyRecodedArchive(
  db: OneWindowDb,
  recoding: string,
): Promise<{ ok: boolean; events: number; problem?: string }> {
  const [rows, recoded] = await Promise.all([
    db.recodedEvents.where('recoding').equals(recoding).toArray(),
    db.events
      .where('streamId')
      .equals('station')
      .filter((e) => e.id === recoding && e.type === 'station.recoded')
      .first(),
  ]);
  if (!recoded) return { ok: false, events: rows.length, problem: 'no_recoding' };
  const walker = new ChainWalker();
  for (const r of rows.sort((a, b) => (a.event.pos ?? 0) - (b.event.pos ?? 0))) {
    const fault = await walker.add(r.event);
    if (fault) return { ok: false, events: rows.length, problem: `${fault.reason} ${r.oldId}` };
  }
  const p = recoded.payload as { heads: ChainHead[]; events: number };
  const fault = walker.finish(new Map(p.heads.map((h) => [h.chainId!, h])));
  if (fault) return { ok: false, events: rows.length, problem: `${fault.reason} ${fault.chainId}` };
  if (rows.length !== p.events)
    return { ok: false, events: rows.length, problem: `count ${rows.length} ≠ ${p.events}` };
  return { ok: true, events: rows.length };
}
