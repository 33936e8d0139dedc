// Certificate numbers on an enrolled station (issue 17 item 1): the hall allocates them, gapless
// for the bureau per (type, year) and idempotent by a request key; the station writes the number
// (domain/numbering.ts) and records it with the issue. A lone station keeps numbering with its
// own counter inside dispatch, exactly as before.
//
// The order matters, because a number the hall handed out must never be lost or doubled:
// 1. the command is checked first (the case, its version, decide with a stand-in number), so a
//    refused issue never asks the hall for a number;
// 2. the attempt (its request key) is kept in `meta` before the hall is asked, so an answer lost
//    on the way, a crash or a refused dispatch is retried with the same key — and gets the same
//    number back;
// 3. the number goes into the dispatch, which deletes the attempt in the transaction that records
//    the issue.
// While the hall cannot be reached, nothing is asked and nothing is recorded: the screen says
// why (`hall_offline`), and a number assigned by the national system can still be recorded.
import type {
  AllocateCertificateRequest,
  AllocateCertificateResponse,
} from '../../../server/protocol';
import { decide, defaultCatalogue, type CaseState, type Command } from '../domain';
import { toLocalDate } from '../domain/calendar';
import { nextCertificateNumber } from '../domain/numbering';
import type { OneWindowDb } from './db';
import { dispatch, type DispatchOptions, type DispatchResult } from './dispatch';
import { calendarFromStored, CALENDAR_KEY } from './holidayCalendar';
import { queueVoid } from './numberLeases';
import { getStation } from './station';
import type { HallResult } from './sync/transport';

/** The host's `hall.allocateNumber` as the data layer sees it. */
export interface NumberTransport {
  allocateNumber(
    args: AllocateCertificateRequest,
  ): Promise<HallResult<{ response: AllocateCertificateResponse }>>;
}

/** The HostApi's channel ('hall.allocateNumber' → hallAllocateNumber). */
export const hostNumbers = (host: {
  hallAllocateNumber: NumberTransport['allocateNumber'];
}): NumberTransport => ({ allocateNumber: (args) => host.hallAllocateNumber(args) });

/** One issue's request to the hall, kept until the issue is recorded. */
export interface NumberAttempt {
  requestKey: string;
  certType: string;
  year: number;
  caseId: string;
  command: 'certificateIssued' | 'certificateReissued';
  startedAt: string;
}

export const attemptKey = (caseId: string, command: NumberAttempt['command']) =>
  `hallNumber:${caseId}:${command}`;

type CertificateCommand = Extract<Command, { type: 'certificateIssued' | 'certificateReissued' }>;

/** Whether this command needs an internal number the hall gives (not typed in, not given). */
export function needsHallNumber(command: Command): command is CertificateCommand {
  return (
    (command.type === 'certificateIssued' || command.type === 'certificateReissued') &&
    !command.external &&
    !command.number
  );
}

/** A request key the protocol accepts: case id, command, attempt id. */
function newRequestKey(caseId: string, command: string): string {
  const safe = caseId.replace(/[^A-Za-z0-9._-]/g, '_');
  return `${safe}:${command}:${crypto.randomUUID()}`;
}

/**
 * A certificate issued with a number typed in (the supervision system's) while an attempt for an
 * internal one is held: the hall may have reserved a number for it, which will never be used. The
 * attempt ends with the issue, and the reservation is voided on the hall by its request key
 * ('attempt_abandoned', by the clerk) at the next lease round (data/numberLeases.ts).
 */
async function withoutHallNumber(
  db: OneWindowDb,
  command: Command,
  options: DispatchOptions,
): Promise<DispatchResult> {
  if (command.type !== 'certificateIssued' && command.type !== 'certificateReissued')
    return dispatch(db, command, options);
  const key = attemptKey(command.caseId, command.type);
  const held = (await db.meta.get(key))?.value as NumberAttempt | undefined;
  if (!held) return dispatch(db, command, options);
  const r = await dispatch(db, command, {
    ...options,
    clearMeta: [...(options.clearMeta ?? []), key],
  });
  if (r.ok) {
    await db.transaction('rw', db.meta, () =>
      queueVoid(db, {
        numbers: [],
        requestKeys: [held.requestKey],
        reason: 'attempt_abandoned',
        by: options.actor.name,
      }),
    );
  }
  return r;
}

/** What decide is shown in place of the number while the command is checked. */
const STAND_IN = 'hall-number-pending';

/** Codes after which the same request, asked again later, can succeed. */
const TRANSIENT = new Set(['unreachable', 'rate_limited', 'internal', 'restoring', 'bad_response']);

/**
 * dispatch() for an enrolled station: certificate issues with an internal number take it from
 * the hall; every other command (and an external number) goes straight to dispatch.
 */
export async function dispatchWithHallNumber(
  db: OneWindowDb,
  transport: NumberTransport,
  command: Command,
  options: DispatchOptions,
): Promise<DispatchResult> {
  if (!needsHallNumber(command)) return withoutHallNumber(db, command, options);
  const now = options.now ?? new Date();
  const [row, station, calendarRow] = await Promise.all([
    db.cases.get(command.caseId),
    getStation(db),
    db.settings.get(CALENDAR_KEY),
  ]);
  if (!station) return { ok: false, refusal: { code: 'no_station' } };
  // Nothing to number (no case, no certificate for the matter): dispatch refuses as it does.
  const state = (row?.state as CaseState | undefined) ?? null;
  const type = defaultCatalogue.certificateTypes.find(
    (c) => c.id === state?.matter.certificateType,
  );
  if (!row || !state || !type) return dispatch(db, command, options);
  if (options.expectedVersion !== undefined && row.version !== options.expectedVersion) {
    return { ok: false, refusal: { code: 'stale', params: { version: row.version } } };
  }

  const key = attemptKey(command.caseId, command.type);
  const held = (await db.meta.get(key))?.value as NumberAttempt | undefined;
  const attempt: NumberAttempt =
    held && held.certType === type.id
      ? held
      : {
          requestKey: newRequestKey(command.caseId, command.type),
          certType: type.id,
          year: Number(toLocalDate(now).slice(0, 4)),
          caseId: command.caseId,
          command: command.type,
          startedAt: now.toISOString(),
        };
  // The same checks the dispatch will make, before a number is taken for an issue that fails.
  // The stand-in is no real number, so it never meets one voided on this case.
  const calendar = options.ctx?.calendar ?? calendarFromStored(calendarRow?.value).calendar;
  const probe = decide(state, { ...command, number: STAND_IN, seq: 1 }, options.actor, now, {
    ...options.ctx,
    calendar,
  });
  if (!probe.ok) return { ok: false, refusal: probe.refusal };

  if (held !== attempt) await db.meta.put({ key, value: attempt });
  const answer = await transport.allocateNumber({
    requestKey: attempt.requestKey,
    certType: attempt.certType,
    year: attempt.year,
    caseId: attempt.caseId,
  });
  if (!answer.ok) {
    if (TRANSIENT.has(answer.error.code)) return { ok: false, refusal: { code: 'hall_offline' } };
    // The hall will never give this key a number (request_key_reused …): the next try starts
    // a new attempt.
    if (answer.error.code === 'request_key_reused') await db.meta.delete(key);
    return {
      ok: false,
      refusal: { code: 'hall_number_refused', params: { code: answer.error.code } },
    };
  }
  const n = nextCertificateNumber({
    prefix: type.numberPrefix,
    division: station.divisionCode,
    year: attempt.year,
    lastSeq: answer.response.seq - 1,
  });
  if (!n.ok) return { ok: false, refusal: { code: 'numbering_failed' } };
  return dispatch(
    db,
    { ...command, number: n.number, seq: n.seq },
    { ...options, clearMeta: [...(options.clearMeta ?? []), key] },
  );
}
