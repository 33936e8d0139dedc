// In-process wake-up for long-polling pulls: the store publishes the hall's last gseq after each
// commit (and, on PostgreSQL, LISTEN relays what other server processes committed).

export class Notifier {
  private last = 0;
  private waiters = new Set<{ after: number; wake: () => void }>();

  publish(lastGseq: number): void {
    if (lastGseq > this.last) this.last = lastGseq;
    for (const w of [...this.waiters]) if (this.last > w.after) w.wake();
  }

  /** Resolves once a gseq past `after` is published (or was already), or after waitMs. */
  wait(after: number, waitMs: number, current?: () => Promise<number>): Promise<void> {
    if (this.last > after || waitMs <= 0) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const w = {
        after,
        wake: () => {
          clearTimeout(timer);
          this.waiters.delete(w);
          resolve();
        },
      };
      const timer = setTimeout(w.wake, waitMs);
      this.waiters.add(w);
      // A commit between the caller's read and this registration is caught here.
      void current?.().then(
        (n) => this.publish(n),
        () => undefined,
      );
    });
  }

  get waiting(): number {
    return this.waiters.size;
  }
}
