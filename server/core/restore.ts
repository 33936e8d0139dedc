// Restoring the hall (docs/hall.md "Restoring the server"): a hall restored from an older dump
// holds a shorter order than its stations do. Until they have handed back what they hold it
// refuses pulls, pushes and numbers (`restoring`) — serving the shorter order would let new
// events take gseqs that stations already hold for other events. Each station refills: the
// events it holds past the hall's last gseq, in gseq order, **with their original gseqs** — its
// own and the other stations' it pulled, relayed as they are, so every chain is checked link by
// link and hash by hash as in a push (a relay cannot invent an event that fits a chain's hashes
// and its origin's later re-push must match them, or the chain is a fork). The hall opens when
// every active station has checked in and holds nothing past it, or when the administrator opens
// it with the list of who has not.
import type { Credential, HallEvent, WireEvent } from '../protocol';
import { blobRefsOf } from '../protocol';
import { credentialProblem } from './hall';
import { chainIdOfEvent, defaultChainHash, planPush, type ChainHash } from './push';
import { EventIdTaken, type EventStore } from './store';

export interface RestoreState {
  restoring: boolean;
  /** When the restore began, how (the administrator's command, or a station past the hall). */
  beganAt: string | null;
  beganHow: 'admin' | 'detected' | null;
  /** The hall's last gseq when the restore began (what the dump held). */
  fromGseq: number | null;
  openedAt: string | null;
  openedHow: 'refilled' | 'forced' | null;
  /** The hall's last gseq when it opened. */
  openedGseq: number | null;
  /**
   * A forced opening: the stations that had not refilled then and have not checked in since —
   * each is refused (`restoring`) until it checks in: holding nothing past the opening it is
   * served again, else it holds a history the hall has given away (`hall_rewound`).
   */
  missing: string[];
}

/** One active station during a restore: checked in (since the restore began), and what it holds. */
export interface StationProgress {
  code: string;
  label: string;
  checkedInAt: string | null;
  /** The highest gseq the station said it holds; null when it has not checked in. */
  holds: number | null;
  /** Events of this station's refills the hall took. */
  refilled: number;
}

export interface RestoreStore {
  state(): Promise<RestoreState>;
  /** Enters restore mode (check-ins of an earlier restore forgotten); false when already in it. */
  begin(how: 'admin' | 'detected', lastGseq: number, at: Date): Promise<boolean>;
  checkIn(stationCode: string, holds: number, refilled: number, at: Date): Promise<void>;
  /** Every active station, with its check-in of this restore. */
  progress(): Promise<StationProgress[]>;
  /**
   * Opens the hall; certificate series raised to the numbers the refilled events carry (a
   * number issued after the dump is never handed out again).
   */
  open(how: 'refilled' | 'forced', lastGseq: number, missing: string[], at: Date): Promise<void>;
  /** A station missing at a forced opening checked in holding nothing past it. */
  settleLate(stationCode: string): Promise<void>;
}

/** Whether the hall serves this station pulls, pushes and numbers now. */
export const refusesStation = (s: RestoreState, stationCode: string) =>
  s.restoring || s.missing.includes(stationCode);

export interface RefillRequest {
  /** The highest gseq the station holds. */
  holds: number;
  /** Events past the hall's last gseq, in gseq order, with their original gseqs. */
  events: readonly HallEvent[];
  credentials?: readonly Credential[];
}

export type RefillResult =
  | {
      ok: true;
      restoring: boolean;
      lastGseq: number;
      accepted: number;
      /** The request's events stopped short: the hall needs this gseq next (someone else has it). */
      next: number | null;
      /** Active stations that have not refilled yet (while restoring). */
      waitingFor: string[];
    }
  | {
      ok: false;
      code:
        | 'bad_request'
        | 'bad_hash'
        | 'fork'
        | 'quarantined'
        | 'blob_missing'
        | 'gap'
        | 'hall_rewound';
      message: string;
      seq?: number;
      missing?: string[];
    };

/** Thrown inside a chain's lock when the gseqs handed out are not the claimed ones: rolled back. */
class GseqMoved extends Error {}

/** Whether every active station has checked in and holds nothing past the hall. */
export function stillMissing(progress: readonly StationProgress[], lastGseq: number): string[] {
  return progress
    .filter((p) => p.checkedInAt === null || (p.holds ?? 0) > lastGseq)
    .map((p) => p.code);
}

/** Splits a gseq-ordered run into maximal runs of one chain with consecutive seqs. */
function runsOf(events: readonly HallEvent[]): HallEvent[][] {
  const runs: HallEvent[][] = [];
  for (const h of events) {
    const run = runs.at(-1);
    const prev = run?.at(-1);
    if (
      run &&
      prev &&
      chainIdOfEvent(prev.event) === chainIdOfEvent(h.event) &&
      prev.event.stationSeq + 1 === h.event.stationSeq
    )
      run.push(h);
    else runs.push([h]);
  }
  return runs;
}

/**
 * One refill (POST /v1/restore/refill) over any store. Starts restore mode when the station holds
 * past an open hall that has not been restored knowingly (detected). Takes the events from the
 * hall's last gseq + 1 on, stops at the first the station does not have (another station will
 * bring it), records the check-in, and opens the hall when nobody is missing any more.
 */
export async function refill(
  store: EventStore,
  restore: RestoreStore,
  stationCode: string,
  req: RefillRequest,
  opts: { now: Date; hashOf?: ChainHash; log?: (line: string) => void },
): Promise<RefillResult> {
  let state = await restore.state();
  let last = await store.lastGseq();
  if (!state.restoring) {
    if (state.missing.includes(stationCode)) {
      if (req.holds > (state.openedGseq ?? 0)) {
        opts.log?.(`restore: ${stationCode} came back holding past the forced opening`);
        return {
          ok: false,
          code: 'hall_rewound',
          message: `the hall opened at gseq ${state.openedGseq} without this station, which holds ${req.holds}`,
        };
      }
      await restore.settleLate(stationCode);
    }
    if (req.holds <= last) {
      return {
        ok: true,
        restoring: false,
        lastGseq: last,
        accepted: 0,
        next: null,
        waitingFor: [],
      };
    }
    await restore.begin('detected', last, opts.now);
    opts.log?.(`restore mode: ${stationCode} holds gseq ${req.holds}, the hall ends at ${last}`);
    state = await restore.state();
  }
  const credential = credentialProblem({
    pushId: '',
    chainId: '',
    fromSeq: 1,
    events: req.events.map((h) => h.event),
    credentials: req.credentials,
  });
  if (credential) return { ok: false, code: 'bad_request', message: credential };
  const fresh = req.events.filter((h) => h.gseq > last);
  const refs = [...new Set(fresh.flatMap((h) => blobRefsOf(h.event)))];
  if (refs.length > 0) {
    const missing = await store.missingBlobs(refs);
    if (missing.length > 0)
      return { ok: false, code: 'blob_missing', message: `${missing.length} blobs`, missing };
  }
  let accepted = 0;
  let next: number | null = null;
  for (const run of runsOf(fresh)) {
    if (run[0]!.gseq !== last + 1) {
      next = last + 1;
      break;
    }
    const r = await appendRun(store, stationCode, run, req.credentials ?? [], opts.hashOf);
    if (!r.ok) return r;
    accepted += run.length;
    last = run.at(-1)!.gseq;
  }
  await restore.checkIn(stationCode, req.holds, accepted, opts.now);
  const waitingFor = stillMissing(await restore.progress(), last);
  if (waitingFor.length === 0) {
    await restore.open('refilled', last, [], opts.now);
    opts.log?.(`restore done: every active station refilled, the hall opens at gseq ${last}`);
    return { ok: true, restoring: false, lastGseq: last, accepted, next, waitingFor };
  }
  return { ok: true, restoring: true, lastGseq: last, accepted, next, waitingFor };
}

async function appendRun(
  store: EventStore,
  stationCode: string,
  run: HallEvent[],
  credentials: readonly Credential[],
  hashOf: ChainHash = defaultChainHash,
): Promise<RefillResult | { ok: true }> {
  const first = run[0]!.event;
  const chainId = chainIdOfEvent(first);
  const events: WireEvent[] = run.map((h) => h.event);
  const ids = new Set(events.map((e) => e.id));
  const mine = credentials.filter((c) => ids.has(c.eventId));
  try {
    return await store.withChain(chainId, first.stationId, async (tx) => {
      if (tx.owner !== first.stationId) return bad(`chain ${chainId} is not ${first.stationId}'s`);
      if (tx.state.status === 'open' && first.stationSeq !== tx.state.headSeq + 1)
        return bad(
          `${chainId} seq ${first.stationSeq} does not follow the hall's ${tx.state.headSeq}`,
        );
      const plan = planPush(tx.state, [], { chainId, fromSeq: first.stationSeq, events }, hashOf);
      if (plan.kind === 'refuse') {
        // A fork of the caller's own chain is quarantined as in a push; a relay's is only refused.
        if (plan.quarantine && first.stationId === stationCode)
          await tx.quarantine(plan.quarantine.seq);
        const { code, message, seq } = plan.refusal;
        return { ok: false as const, code: code as 'gap', message, seq };
      }
      const gseqs = await tx.append(chainId, plan.fresh, plan.head, `refill-${run[0]!.gseq}`);
      if (gseqs.some((g, i) => g !== run[i]!.gseq)) throw new GseqMoved();
      if (mine.length > 0) await tx.storeCredentials(mine, stationCode);
      return { ok: true as const };
    });
  } catch (e) {
    if (e instanceof GseqMoved) return bad('another refill took these gseqs; ask again');
    if (e instanceof EventIdTaken) return bad('an event id is held at another gseq');
    // A station enrolled after the dump is unknown to the restored hall (its chain cannot be
    // made): it must be enrolled again, with its code, and then it refills its own events.
    if ((e as { code?: string }).code === '23503')
      return bad(`station ${first.stationId} is not enrolled in the restored hall`);
    throw e;
  }
}

const bad = (message: string) => ({ ok: false as const, code: 'bad_request' as const, message });

/** The administrator opens the hall: refused while someone is missing, unless forced. */
export async function openHall(
  store: EventStore,
  restore: RestoreStore,
  force: boolean,
  now: Date,
): Promise<{ opened: boolean; lastGseq: number; missing: StationProgress[]; past: string[] }> {
  const last = await store.lastGseq();
  const progress = await restore.progress();
  const missingCodes = new Set(stillMissing(progress, last));
  const missing = progress.filter((p) => missingCodes.has(p.code));
  // A station that checked in holding past the hall: opening would hand its gseqs to new events.
  const past = progress.filter((p) => (p.holds ?? 0) > last).map((p) => p.code);
  if ((missing.length > 0 && !force) || past.length > 0)
    return { opened: false, lastGseq: last, missing, past };
  await restore.open(
    missing.length > 0 ? 'forced' : 'refilled',
    last,
    missing.map((m) => m.code),
    now,
  );
  return { opened: true, lastGseq: last, missing, past };
}

/** The restore state in memory (the simulation and the station tests' hall model). */
export class MemoryRestore implements RestoreStore {
  private s: RestoreState = {
    restoring: false,
    beganAt: null,
    beganHow: null,
    fromGseq: null,
    openedAt: null,
    openedHow: null,
    openedGseq: null,
    missing: [],
  };
  private checkins = new Map<string, { at: string; holds: number; refilled: number }>();
  constructor(readonly stations: () => { code: string; label: string }[]) {}

  async state() {
    return { ...this.s };
  }
  async begin(how: 'admin' | 'detected', lastGseq: number, at: Date) {
    if (this.s.restoring) return false;
    this.s = {
      restoring: true,
      beganAt: at.toISOString(),
      beganHow: how,
      fromGseq: lastGseq,
      openedAt: null,
      openedHow: null,
      openedGseq: null,
      missing: [],
    };
    this.checkins.clear();
    return true;
  }
  async checkIn(code: string, holds: number, refilled: number, at: Date) {
    const prev = this.checkins.get(code);
    this.checkins.set(code, {
      at: at.toISOString(),
      holds,
      refilled: (prev?.refilled ?? 0) + refilled,
    });
  }
  async progress() {
    return this.stations().map((s) => {
      const c = this.checkins.get(s.code);
      return {
        ...s,
        checkedInAt: c?.at ?? null,
        holds: c?.holds ?? null,
        refilled: c?.refilled ?? 0,
      };
    });
  }
  async open(how: 'refilled' | 'forced', lastGseq: number, missing: string[], at: Date) {
    this.s = {
      ...this.s,
      restoring: false,
      openedAt: at.toISOString(),
      openedHow: how,
      openedGseq: lastGseq,
      missing,
    };
  }
  async settleLate(code: string) {
    this.s = { ...this.s, missing: this.s.missing.filter((m) => m !== code) };
  }
}
