// The EventStore in memory, for a fast deterministic simulation of many stations and the hall:
// the same rules (core/hall.ts + core/push.ts), one lock for the whole store, no I/O.
import { GENESIS_HASH } from '../../renderer/src/domain/audit';
import type { Credential, NumberUse, WireEvent } from '../protocol';
import { Notifier } from './notifier';
import type { ChainState, HeldEvent } from './push';
import {
  EventIdTaken,
  type ChainHeadRow,
  type ChainTx,
  type EventStore,
  type StoredRow,
} from './store';

interface MemChain extends ChainState {
  chainId: string;
  owner: string;
  bySeq: Map<number, HeldEvent>;
  forkSeq?: number;
}

export class MemoryStore implements EventStore {
  readonly kind = 'memory' as const;
  readonly rows: StoredRow[] = [];
  readonly chains = new Map<string, MemChain>();
  readonly blobs = new Set<string>();
  readonly pushes: { pushId: string; accepted: number; duplicates: number }[] = [];
  /** The credentials beside their events, by event id (the SQL `credentials` table). */
  readonly credentials = new Map<string, Credential & { stationCode: string }>();
  /**
   * Where the numbers a push's fresh events record go (a MemoryLeases' recordUses), applied with
   * the events when the push commits; none: the store keeps no numbers.
   */
  numberUses: ((uses: readonly NumberUse[], stationCode: string) => void) | null = null;
  private readonly eventIds = new Set<string>();
  private readonly notifier = new Notifier();
  private lock: Promise<unknown> = Promise.resolve();

  async withChain<T>(chainId: string, owner: string, fn: (tx: ChainTx) => Promise<T>) {
    const run = this.lock.then(() => this.locked(chainId, owner, fn));
    this.lock = run.catch(() => undefined);
    return run;
  }

  private async locked<T>(chainId: string, owner: string, fn: (tx: ChainTx) => Promise<T>) {
    const existing = this.chains.get(chainId);
    const c: MemChain = existing ?? {
      chainId,
      owner,
      headSeq: 0,
      headHash: GENESIS_HASH,
      status: 'open',
      bySeq: new Map(),
    };
    // Changes are staged and applied only when fn returns (a throw rolls back).
    const staged: {
      rows: StoredRow[];
      head?: { seq: number; hash: string };
      fork?: number;
      credentials: (Credential & { stationCode: string })[];
      uses: { uses: readonly NumberUse[]; stationCode: string }[];
    } = { rows: [], credentials: [], uses: [] };
    const pushes: MemoryStore['pushes'] = [];
    const tx: ChainTx = {
      state: { headSeq: c.headSeq, headHash: c.headHash, status: c.status },
      owner: c.owner,
      held: async (from, to) => {
        const out: HeldEvent[] = [];
        for (let s = from; s <= to; s++) {
          const h = c.bySeq.get(s);
          if (h) out.push(h);
        }
        return out;
      },
      append: async (_id, events: readonly WireEvent[], head) => {
        const base = this.rows.length + staged.rows.length;
        for (const e of events) {
          if (this.eventIds.has(e.id)) throw new EventIdTaken(e.id);
        }
        const gseqs = events.map((e, i) => {
          staged.rows.push({ gseq: base + i + 1, json: JSON.stringify(e) });
          return base + i + 1;
        });
        staged.head = head;
        return gseqs;
      },
      quarantine: async (seq) => {
        staged.fork = seq;
      },
      storeCredentials: async (credentials, stationCode) => {
        for (const c of credentials) staged.credentials.push({ ...c, stationCode });
      },
      ...(this.numberUses
        ? {
            markNumbersUsed: async (uses: readonly NumberUse[], stationCode: string) => {
              staged.uses.push({ uses, stationCode });
            },
          }
        : {}),
      recordPush: async (p) => {
        pushes.push({ pushId: p.pushId, accepted: p.accepted, duplicates: p.duplicates });
      },
    };
    const out = await fn(tx);
    if (!existing) this.chains.set(chainId, c);
    for (const r of staged.rows) {
      const e = JSON.parse(r.json) as WireEvent;
      this.rows.push(r);
      this.eventIds.add(e.id);
      c.bySeq.set(e.stationSeq, { seq: e.stationSeq, hash: e.hash, gseq: r.gseq });
    }
    if (staged.head) {
      c.headSeq = staged.head.seq;
      c.headHash = staged.head.hash;
    }
    if (staged.fork !== undefined) {
      c.status = 'quarantined';
      c.forkSeq = staged.fork;
    }
    this.pushes.push(...pushes);
    for (const u of staged.uses) this.numberUses?.(u.uses, u.stationCode);
    for (const c of staged.credentials)
      if (!this.credentials.has(c.eventId)) this.credentials.set(c.eventId, c);
    if (staged.rows.length > 0) this.notifier.publish(this.rows.length);
    return out;
  }

  async pull(after: number, limit: number) {
    const rows = this.rows.slice(after, after + limit);
    return { rows, lastGseq: this.rows.length, credentials: this.credentialsOf(rows) };
  }

  /** The credentials of these rows' events, in their order. */
  credentialsOf(rows: readonly StoredRow[]): Credential[] {
    if (this.credentials.size === 0) return [];
    return rows.flatMap((r) => {
      const c = this.credentials.get((JSON.parse(r.json) as WireEvent).id);
      return c ? [{ eventId: c.eventId, userId: c.userId, hash: c.hash }] : [];
    });
  }

  async lastGseq() {
    return this.rows.length;
  }

  async heads(stationCode: string): Promise<ChainHeadRow[]> {
    return [...this.chains.values()]
      .filter((c) => c.owner === stationCode)
      .map((c) => ({ chainId: c.chainId, seq: c.headSeq, hash: c.headHash, status: c.status }));
  }

  async missingBlobs(hashes: readonly string[]) {
    return hashes.filter((h) => !this.blobs.has(h));
  }

  waitPast(after: number, waitMs: number) {
    return this.notifier.wait(after, waitMs, () => this.lastGseq());
  }
}
