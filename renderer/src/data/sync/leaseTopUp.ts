// The engine's lease top-up (data/numberLeases.ts): one round at a time, the first round that
// succeeds reconciles the station's blocks with the hall's; a failed round is simply tried again
// on the next call (after the next pull). Split from engine.ts.
import type { OneWindowDb } from '../db';
import { refillLeases, type LeasePlanEntry } from '../numberLeases';
import type { HallTransport } from './transport';

export class LeaseTopUp {
  private leasing: Promise<unknown> | null = null;
  private reconciled = false;

  constructor(
    private readonly db: OneWindowDb,
    private readonly transport: HallTransport,
    private readonly now: () => Date,
    private readonly plan: readonly LeasePlanEntry[] | null,
  ) {}

  /** One lease round (never rejects); a round already under way is the answer. */
  run(reconcile = false): Promise<unknown> {
    const transport = this.transport;
    if (!transport.numbers || this.leasing) return this.leasing ?? Promise.resolve();
    const run = refillLeases(
      this.db,
      { numbers: (args) => transport.numbers!(args) },
      {
        now: this.now(),
        reconcile: reconcile || !this.reconciled,
        ...(this.plan ? { plan: this.plan } : {}),
      },
    )
      .then((r) => {
        if (r.ok) this.reconciled = true;
      })
      .catch(() => undefined)
      .finally(() => {
        this.leasing = null;
      });
    this.leasing = run;
    return run;
  }
}
