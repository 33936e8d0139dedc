// The engine's two loops on the injected scheduler (engine.ts `start`): the push loop, kicked
// after each dispatch and retried with capped backoff, and the pull loop, long-polling once
// caught up. The steps themselves (`pushAll`, `pullOnce`) are the engine's. Split from engine.ts.
import { backoffDelay, type BackoffPolicy } from './backoff';
import type { Schedule } from './engineOptions';
import type { PullOutcome } from './pull';
import type { PushOutcome } from './push';

export interface LoopSteps {
  pushAll(): Promise<PushOutcome>;
  pullOnce(waitMs: number): Promise<PullOutcome>;
  /** Consecutive failures of each loop (the backoff's exponent). */
  pushFailures(): number;
  pullFailures(): number;
  /** The last pull delivered all there was: the next one long-polls. */
  caughtUp(): boolean;
}

export interface LoopTiming {
  schedule: Schedule;
  random: () => number;
  policy: BackoffPolicy;
  pullWaitMs: number;
  idlePullMs: number;
}

export class EngineLoops {
  running = false;
  private pushing: Promise<void> | null = null;
  private pushAgain = false;
  private cancelPushRetry: (() => void) | null = null;
  private cancelPull: (() => void) | null = null;

  constructor(
    private readonly steps: LoopSteps,
    private readonly t: LoopTiming,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.kickPush();
    this.pullLoop(0);
  }

  stop(): void {
    this.running = false;
    this.cancelPushRetry?.();
    this.cancelPull?.();
    this.cancelPushRetry = this.cancelPull = null;
  }

  kickPush(): void {
    if (this.pushing) {
      this.pushAgain = true;
      return;
    }
    this.cancelPushRetry?.();
    this.cancelPushRetry = null;
    // A failure of the station's own database (closed, quota) is retried like an unreachable hall.
    const retry: PushOutcome = { kind: 'retry', error: { code: 'unreachable', message: 'local' } };
    this.pushing = this.steps
      .pushAll()
      .catch((): PushOutcome => retry)
      .then((r) => {
        if (!this.running) return;
        if (r.kind === 'retry') {
          const ms = backoffDelay(this.steps.pushFailures(), this.t.random, this.t.policy);
          this.cancelPushRetry = this.t.schedule(() => this.kickPush(), ms, 'push');
        }
      })
      .finally(() => {
        this.pushing = null;
        if (this.pushAgain && this.running) {
          this.pushAgain = false;
          this.kickPush();
        }
      });
  }

  private pullLoop(delayMs: number): void {
    this.cancelPull = this.t.schedule(
      () => {
        if (!this.running) return;
        const local: PullOutcome = { kind: 'error', error: { code: 'unreachable', message: '' } };
        void this.steps
          .pullOnce(this.steps.caughtUp() ? this.t.pullWaitMs : 0)
          .catch(() => local)
          .then((r) => {
            if (!this.running) return;
            const failed = r.kind !== 'ok' && r.kind !== 'held';
            // A host that answered at once with nothing (no long-poll) is asked again a little later.
            // A held join is looked at again as often (a settlement on screen lets it go).
            const idle = r.kind === 'held' || (r.kind === 'ok' && r.delivered === 0 && !r.more);
            const ms = failed
              ? backoffDelay(Math.max(1, this.steps.pullFailures()), this.t.random, this.t.policy)
              : idle
                ? this.t.idlePullMs
                : 0;
            this.pullLoop(ms);
          });
      },
      delayMs,
      'pull',
    );
  }
}
