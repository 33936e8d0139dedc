// The hall's push and pull in memory, answering exactly what the HTTP routes answer (the
// protocol's response and error bodies, with their HTTP status) — for a seeded simulation of N
// stations and the server without sockets, PostgreSQL or signatures. Faults (lost responses,
// duplicates, reordering, partitions) are the simulation's to inject around these calls.
import {
  ERROR_HTTP_STATUS,
  type ErrorBody,
  type PullResponse,
  type PushRequest,
  type PushResponse,
  type WireEvent,
} from '../protocol';
import { push } from './hall';
import { MemoryStore } from './memory';

export type Answer<T> = { status: 200; body: T } | { status: number; body: ErrorBody };

export class MemoryHall {
  readonly store = new MemoryStore();

  constructor(private readonly opts: { maxEventSchema?: number; now?: () => Date } = {}) {}

  private now() {
    return (this.opts.now?.() ?? new Date()).toISOString();
  }

  /** POST /v1/push for an authenticated station (the signature is not checked here). */
  async push(
    stationCode: string,
    req: Omit<PushRequest, 'signature'> & { signature?: string },
  ): Promise<Answer<PushResponse>> {
    const r = await push(this.store, stationCode, req, {
      maxEventSchema: this.opts.maxEventSchema ?? 2,
    });
    if (!r.ok) {
      const { code, message, ...detail } = r.refusal;
      return { status: ERROR_HTTP_STATUS[code], body: { error: { code, message, ...detail } } };
    }
    return {
      status: 200,
      body: {
        accepted: r.accepted,
        duplicates: r.duplicates,
        head: r.head,
        gseqs: r.gseqs,
        serverTime: this.now(),
      },
    };
  }

  /** GET /v1/pull?after&limit&waitMs. */
  async pull(q: { after: number; limit?: number; waitMs?: number }): Promise<Answer<PullResponse>> {
    const limit = Math.min(q.limit ?? 500, 2000);
    let page = await this.store.pull(q.after, limit);
    if (page.rows.length === 0 && (q.waitMs ?? 0) > 0) {
      await this.store.waitPast(q.after, q.waitMs ?? 0);
      page = await this.store.pull(q.after, limit);
    }
    return {
      status: 200,
      body: {
        events: page.rows.map((r) => ({ gseq: r.gseq, event: JSON.parse(r.json) as WireEvent })),
        cursor: page.rows.at(-1)?.gseq ?? q.after,
        lastGseq: page.lastGseq,
        serverTime: this.now(),
        ...(page.credentials.length > 0 ? { credentials: page.credentials } : {}),
      },
    };
  }

  /** The chain heads a session answer carries. */
  heads(stationCode: string) {
    return this.store.heads(stationCode);
  }
}
