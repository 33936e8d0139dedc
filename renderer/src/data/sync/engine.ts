// The sync engine: one object per station that keeps its log and the hall's in step. It pushes
// the outbox right after each dispatch (the app calls `afterDispatch()`; dispatch itself is not
// touched) and retries with capped backoff while the hall cannot be reached; it long-polls the
// hall from the cursor and applies what comes. A refusal no retry can settle (fork, quarantine,
// bad hash, a schema too new …) stops the pushing and raises the alert; a hall that does not
// answer only makes the station 'offline' — everything else works exactly as without a hall.
//
// `pushAll` and `pullOnce` are steps a test can drive one by one (the simulation does); `start`
// runs them as loops on the injected scheduler.
import type { OneWindowDb } from '../db';
import { markHallJoined, noteHallContact, noteHallLost } from '../hallPresence';
import { DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import { EngineLoops } from './engineLoops';
import { defaultSchedule, errorOf, type SyncEngineOptions } from './engineOptions';
import { RefillRunner } from './engineRefill';
import { joinGate } from './joinGate';
import { LeaseTopUp } from './leaseTopUp';
import { ownChains, pendingCount, stationIdOf } from './outbox';
import { pullOnce, type PullOutcome } from './pull';
import { pushOnce, setAcked, FATAL_CODES, type PushOutcome } from './push';
import { heldGseq, type RefillOutcome } from './refill';
import { createSyncStore, type AlertCode, type SyncStore } from './state';
import type { HallError, HallTransport, SessionResult } from './transport';

export { errorOf, type SyncEngineOptions } from './engineOptions';

export class SyncEngine {
  readonly store: SyncStore = createSyncStore();
  private readonly db: OneWindowDb;
  private readonly transport: HallTransport;
  private readonly now: () => Date;
  private readonly pullLimit: number;
  private readonly pushLimit: number;
  private session: SessionResult | null = null;
  private stationId: string | null = null;
  /** Consecutive failed push attempts (the backoff's exponent); 0 after a success. */
  pushFailures = 0;
  pullFailures = 0;
  private pushStopped = false;
  private pullCaughtUp = false;
  private gating: Promise<HallError | 'held' | null> | null = null;
  /** The join check let this station go (a clear record stays clear): no need to look again. */
  private joinClear = false;
  private readonly leases: LeaseTopUp;
  private readonly refiller: RefillRunner;
  private readonly loops: EngineLoops;

  constructor(o: SyncEngineOptions) {
    this.db = o.db;
    this.transport = o.transport;
    this.now = o.now ?? (() => new Date());
    // The server's largest page: a catch-up of 200,000 events is 100 transactions, not 400.
    this.pullLimit = o.pullLimit ?? 2000;
    this.pushLimit = o.pushLimit ?? 200;
    this.leases = new LeaseTopUp(this.db, this.transport, this.now, o.leasePlan ?? null);
    this.refiller = new RefillRunner(this.db, this.transport, this.store, {
      raise: (code, detail) => this.raise(code, detail),
      opened: () => {
        this.session = null;
      },
    });
    const policy: BackoffPolicy = o.backoff ?? DEFAULT_BACKOFF;
    this.loops = new EngineLoops(
      {
        pushAll: () => this.pushAll(),
        pullOnce: (waitMs) => this.pullOnce(waitMs),
        pushFailures: () => this.pushFailures,
        pullFailures: () => this.pullFailures,
        caughtUp: () => this.pullCaughtUp,
      },
      {
        schedule: o.schedule ?? defaultSchedule,
        random: o.random ?? Math.random,
        policy,
        pullWaitMs: o.pullWaitMs ?? 25_000,
        idlePullMs: o.idlePullMs ?? 1000,
      },
    );
  }

  private raise(code: AlertCode, detail: string) {
    this.pushStopped = true;
    this.store.set({ phase: 'alert', alert: { code, detail } });
  }

  private skew(serverTime: string) {
    const t = Date.parse(serverTime);
    if (Number.isFinite(t)) this.store.set({ clockSkewMs: this.now().getTime() - t });
  }

  /** Pending count and phase after a step. */
  private async settle(offline: boolean) {
    const pending = await pendingCount(this.db);
    if (this.store.get().alert) return this.store.set({ pending, phase: 'alert' });
    if (this.store.get().held) return this.store.set({ pending, phase: 'held' });
    if (offline || this.store.get().restoring) return this.store.set({ pending, phase: 'offline' });
    if (pending === 0 && this.pullCaughtUp)
      return this.store.set({ pending, phase: 'synced', lastSyncAt: this.now().toISOString() });
    this.store.set({ pending, phase: 'syncing' });
  }

  /**
   * The join check's gate (sync/joinGate.ts): null to go on, 'held' while clashes wait (the state
   * says how many), or the error that kept the check from running. One check at a time.
   */
  private gate(): Promise<HallError | 'held' | null> {
    if (this.joinClear) return Promise.resolve(null);
    this.gating ??= (async (): Promise<HallError | 'held' | null> => {
      let g;
      try {
        g = await joinGate(this.db, this.transport, this.stationId!, this.now());
      } catch (e) {
        return errorOf(e);
      }
      if (g.kind === 'error') return g.error;
      if (g.kind === 'held') {
        const { status, clashes } = g.record;
        this.store.set({ held: { open: clashes.length, withdrawn: status === 'withdrawn' } });
        await this.settle(false);
        return 'held';
      }
      if (this.store.get().held) this.store.set({ held: undefined });
      this.joinClear = true;
      return null;
    })().finally(() => {
      this.gating = null;
    });
    return this.gating;
  }

  /** A session, and the acknowledged marks set from the hall's heads. Null when unreachable. */
  private async ensureSession(): Promise<HallError | null> {
    if (!this.stationId) this.stationId = await stationIdOf(this.db);
    if (!this.stationId) return { code: 'unreachable', message: 'station not set up' };
    if (this.session) return null;
    const heldBefore = await heldGseq(this.db);
    let session: SessionResult;
    try {
      session = await this.transport.session();
    } catch (e) {
      return errorOf(e);
    }
    this.skew(session.serverTime);
    noteHallContact(this.db, this.now());
    // The hall's order ends before what this station holds: restored from an older dump. Its
    // lower heads are not taken as marks and nothing is pushed (it would take gseqs this station
    // holds for other events) until it is refilled.
    if (session.lastGseq < heldBefore)
      return { code: 'restoring', message: `the hall ends at ${session.lastGseq}` };
    await markHallJoined(this.db, this.now());
    const local = new Map(
      (await ownChains(this.db, this.stationId)).map((c) => [c.chainId, c.head]),
    );
    for (const h of session.heads) {
      const mine = local.get(h.chainId);
      if (h.status === 'quarantined') {
        this.raise('quarantined', h.chainId);
      } else if (!mine || h.seq > mine.stationSeq) {
        // The hall holds more of this chain than this station: an old backup restored, a clone.
        this.raise('fork', `hall holds ${h.chainId} to ${h.seq}`);
      } else await setAcked(this.db, h.chainId, h.seq);
    }
    this.session = session;
    // The station is back with the hall: its leases reconciled and topped up (a round that fails
    // is tried again after the next pull).
    await this.topUpLeases(true);
    return null;
  }

  /** One lease round at a time (leaseTopUp.ts); the first that succeeds reconciles. */
  topUpLeases(reconcile = false): Promise<unknown> {
    return this.leases.run(reconcile);
  }

  /** Pushes ranges until the outbox is empty or the hall fails; one outcome back. */
  async pushAll(): Promise<PushOutcome> {
    if (this.pushStopped) return { kind: 'idle' };
    if (!this.stationId) this.stationId = await stationIdOf(this.db);
    if (!this.stationId)
      return this.pushFailed({ code: 'unreachable', message: 'station not set up' });
    const held = await this.gate();
    if (held === 'held') return { kind: 'held' };
    if (held) return this.pushFailed(held);
    const sessionError = await this.ensureSession();
    if (sessionError) return this.pushFailed(sessionError);
    let limit = this.pushLimit;
    let last: PushOutcome = { kind: 'idle' };
    for (let moves = 0; !this.pushStopped;) {
      const r = await pushOnce(this.db, this.transport, this.stationId!, limit);
      if (r.kind === 'idle') break;
      last = r;
      if (r.kind === 'pushed') {
        this.skew(r.serverTime);
        noteHallContact(this.db, this.now());
        this.pushFailures = 0;
        limit = this.pushLimit;
        continue;
      }
      if (r.kind === 'moved' && ++moves < 5) continue;
      if (r.kind === 'retry' && r.error.code === 'too_large' && limit > 1) {
        limit = Math.ceil(limit / 2);
        continue;
      }
      if (r.kind === 'moved') return this.pushFailed({ code: 'gap', message: 'gap repeats' });
      if (r.kind === 'fatal') {
        this.raise(r.error.code as AlertCode, r.error.message);
        await this.settle(false);
        return r;
      }
      if (r.kind === 'retry' && r.session === 'renew') this.session = null;
      return this.pushFailed((r as Extract<PushOutcome, { kind: 'retry' }>).error);
    }
    await this.settle(false);
    return last;
  }

  private async pushFailed(error: HallError): Promise<PushOutcome> {
    this.pushFailures += 1;
    if (error.code === 'restoring') {
      this.session = null;
      await this.refill();
      await this.settle(true);
      return { kind: 'retry', error };
    }
    if (FATAL_CODES.has(error.code)) {
      this.raise(error.code, error.message);
      await this.settle(false);
      return { kind: 'fatal', error };
    }
    this.session = error.code === 'unreachable' ? this.session : null;
    if (error.code === 'unreachable') noteHallLost(this.db);
    await this.settle(error.code === 'unreachable');
    return { kind: 'retry', error };
  }

  /** One pull (waitMs 0 answers at once), applied. */
  async pullOnce(waitMs = 0): Promise<PullOutcome> {
    if (!this.stationId) this.stationId = await stationIdOf(this.db);
    if (!this.stationId) return { kind: 'error', error: { code: 'unreachable', message: '' } };
    let r: Exclude<PullOutcome, { kind: 'held' }>;
    const held = await this.gate();
    if (held === 'held') return { kind: 'held' };
    // What it held before asking: own events acknowledged while the pull is under way (the push
    // loop runs beside it) are past the answer's lastGseq without the hall being behind.
    const heldBefore = await heldGseq(this.db);
    if (held) r = { kind: 'error', error: held };
    else
      try {
        r = await pullOnce(this.db, this.transport, this.stationId, {
          limit: this.pullLimit,
          waitMs,
          now: this.now(),
        });
      } catch (e) {
        r = { kind: 'error', error: errorOf(e) };
      }
    if (r.kind === 'error' && r.error.code === 'restoring') {
      this.pullFailures += 1;
      this.pullCaughtUp = false;
      await this.refill();
      await this.settle(true);
      return r;
    }
    if (r.kind === 'error') {
      this.pullFailures += 1;
      this.pullCaughtUp = false;
      if (FATAL_CODES.has(r.error.code)) this.raise(r.error.code, r.error.message);
      if (r.error.code === 'unreachable') noteHallLost(this.db);
      await this.settle(r.error.code === 'unreachable');
      return r;
    }
    // A hall whose order ends before what this station holds was restored from an older dump
    // without being told (server/http/restore.ts detects a cursor past it; this, events acknowledged
    // past it): nothing of the answer was new, and the refill tells the hall.
    if (r.kind === 'ok' && r.lastGseq < heldBefore) {
      this.session = null;
      await this.refill();
      await this.settle(true);
      return { kind: 'error', error: { code: 'restoring', message: `hall ends at ${r.lastGseq}` } };
    }
    this.pullFailures = 0;
    // The hall serves again (it opened while this station waited).
    if (this.store.get().restoring) this.store.set({ restoring: undefined });
    this.skew(r.serverTime);
    noteHallContact(this.db, this.now());
    await this.topUpLeases();
    if (r.kind === 'fault') {
      const f = r.faults[0]!;
      // The screen's words for these are the server's: a fork of this station's own chain, or a
      // delivered event whose hash or link does not fit (the detail says which, for support).
      const code: AlertCode = f.reason === 'fork' ? 'fork' : 'bad_hash';
      this.raise(code, `${f.reason} ${f.chainId} ${f.eventId} (gseq ${f.gseq})`);
      this.pullCaughtUp = false;
    } else {
      this.pullCaughtUp = !r.more;
      // A catch-up starts more than a page behind and shows its progress bar (the cursor of the
      // hall's last gseq) until nothing more is due.
      const catching =
        r.more &&
        (this.store.get().catchUp !== undefined || r.lastGseq - r.cursor > this.pullLimit);
      this.store.set({
        catchUp: catching ? { cursor: r.cursor, lastGseq: r.lastGseq } : undefined,
      });
    }
    await this.settle(false);
    return r;
  }

  /**
   * The hall answered `restoring`: hand it back what this station holds (data/sync/refill.ts),
   * one refill at a time. The station works on as offline meanwhile; never a fork, nothing
   * dropped. Once the hall serves again the session is opened afresh (its heads are whole again).
   */
  refill(): Promise<RefillOutcome> {
    return this.refiller.run();
  }

  // ---- the loops --------------------------------------------------------------------------

  /**
   * The hook the app calls after each dispatch that appended events: the pending count is
   * refreshed and, when the engine runs, the outbox pushed at once. Never rejects.
   */
  afterDispatch(): Promise<void> {
    if (this.loops.running) this.loops.kickPush();
    return pendingCount(this.db).then(
      (pending) => {
        const { alert, phase } = this.store.get();
        this.store.set(
          alert || pending === 0 || phase === 'offline' || phase === 'held'
            ? { pending }
            : { pending, phase: 'syncing' },
        );
      },
      () => undefined,
    );
  }

  start(): void {
    this.loops.start();
  }

  stop(): void {
    this.loops.stop();
  }

  /** After an administrator dealt with the alert (or for a fresh start): push again. */
  clearAlert(): void {
    this.pushStopped = false;
    this.session = null;
    this.store.set({ alert: undefined });
    if (this.loops.running) this.loops.kickPush();
  }
}
