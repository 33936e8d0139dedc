// The engine's side of a restored hall (docs/hall.md "Restoring the server"): when the hall
// answers `restoring`, hand it back what this station holds (refill.ts), one refill at a time,
// and show the progress in the sync state. The station works on as offline meanwhile; never a
// fork, nothing dropped. Split from engine.ts.
import type { OneWindowDb } from '../db';
import { errorOf } from './engineOptions';
import { FATAL_CODES } from './push';
import { refillOnce, type RefillOutcome } from './refill';
import type { AlertCode, SyncStore } from './state';
import type { HallTransport } from './transport';

export interface RefillHooks {
  /** A refusal no retry settles: the engine stops pushing and raises the alert. */
  raise(code: AlertCode, detail: string): void;
  /** The hall serves again: the session is opened afresh (its heads are whole again). */
  opened(): void;
}

export class RefillRunner {
  private refilling: Promise<RefillOutcome> | null = null;

  constructor(
    private readonly db: OneWindowDb,
    private readonly transport: HallTransport,
    private readonly store: SyncStore,
    private readonly hooks: RefillHooks,
  ) {}

  run(): Promise<RefillOutcome> {
    this.refilling ??= refillOnce(this.db, this.transport)
      .catch((e: unknown): RefillOutcome => ({ kind: 'error', error: errorOf(e) }))
      .then((r) => {
        this.note(r);
        return r;
      })
      .finally(() => {
        this.refilling = null;
      });
    return this.refilling;
  }

  private note(r: RefillOutcome): void {
    const store = this.store;
    if (r.kind === 'open') {
      this.hooks.opened();
      store.set({ restoring: undefined });
    } else if (r.kind === 'waiting') {
      const { lastGseq, holds, refilled, waitingFor } = r;
      const before = store.get().restoring?.refilled ?? 0;
      store.set({ restoring: { lastGseq, holds, refilled: before + refilled, waitingFor } });
    } else if (FATAL_CODES.has(r.error.code)) {
      store.set({ restoring: undefined });
      this.hooks.raise(r.error.code, r.error.message);
    } else if (!store.get().restoring) {
      store.set({ restoring: { lastGseq: 0, holds: 0, refilled: 0, waitingFor: [] } });
    }
  }
}
