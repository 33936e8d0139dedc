// A minimal in-test model of the hall server's push/pull rules (SYNC.md, server/protocol): the
// `server` helper's pure rules module and in-memory store were not on h/server when this was
// written, so the station's tests and the simulation run against this model. It keeps exactly
// what the protocol promises: contiguous ranges per chain, a repeated range acknowledged as
// duplicates, a gap refused with the expected seq, a different history for a held seq refused as
// a fork and the chain quarantined, hashes recomputed, blobs before the events naming them, a
// gapless gseq.
import {
  blobRefsOf,
  type ChainHeadInfo,
  type HallEvent,
  type PullResponse,
  type PushResponse,
  type WireEvent,
} from '../../../../../server/protocol';
import { chain, GENESIS_HASH } from '../../../../../renderer/src/domain/audit';
import { chainIdOf, chainNumber } from '../../../../../renderer/src/data/log';
import type {
  HallError,
  HallResult,
  HallTransport,
  PullArgs,
  PushArgs,
  SessionResult,
} from '../../../../../renderer/src/data/sync/transport';

interface ChainRow {
  seq: number;
  hash: string;
  status: 'open' | 'closed' | 'quarantined';
  gseqs: number[];
  hashes: string[];
}

export class HallModel {
  readonly events: HallEvent[] = [];
  readonly chains = new Map<string, ChainRow>();
  readonly blobs = new Set<string>();
  /** Every blob hash asked to be uploaded, in order (tests check "before the events"). */
  readonly uploads: string[] = [];
  serverTime = '2026-03-02T02:00:00.000Z';

  headsOf(stationCode: string): ChainHeadInfo[] {
    return [...this.chains]
      .filter(([id]) => chainNumber(id, stationCode) !== null)
      .map(([chainId, c]) => ({ chainId, seq: c.seq, hash: c.hash, status: c.status }));
  }

  get lastGseq() {
    return this.events.length;
  }

  private refuse(error: HallError): { ok: false; error: HallError } {
    return { ok: false, error };
  }

  async push(stationCode: string, req: PushArgs): Promise<HallResult<{ response: PushResponse }>> {
    if (chainNumber(req.chainId, stationCode) === null)
      return this.refuse({ code: 'foreign_chain', message: req.chainId });
    const row = this.chains.get(req.chainId) ?? {
      seq: 0,
      hash: GENESIS_HASH,
      status: 'open' as const,
      gseqs: [],
      hashes: [],
    };
    if (row.status === 'quarantined') return this.refuse({ code: 'quarantined', message: '' });
    if (req.events.some((e, i) => e.stationSeq !== req.fromSeq + i || chainIdOf(e) !== req.chainId))
      return this.refuse({ code: 'bad_request', message: 'not a contiguous range' });
    if (req.fromSeq > row.seq + 1)
      return this.refuse({ code: 'gap', message: '', expectedSeq: row.seq + 1 });
    const gseqs: number[] = [];
    let duplicates = 0;
    const fresh: WireEvent[] = [];
    for (const e of req.events) {
      if (e.stationSeq <= row.seq) {
        if (row.hashes[e.stationSeq - 1] !== e.hash) {
          row.status = 'quarantined';
          this.chains.set(req.chainId, row);
          return this.refuse({ code: 'fork', message: '', seq: e.stationSeq });
        }
        duplicates += 1;
        gseqs.push(row.gseqs[e.stationSeq - 1]!);
      } else fresh.push(e);
    }
    let prev = row.hash;
    for (const e of fresh) {
      const { hash: _h, ...body } = e;
      if (e.prevHash !== prev || (await chain(prev, body)) !== e.hash)
        return this.refuse({ code: 'bad_hash', message: '', seq: e.stationSeq });
      prev = e.hash;
    }
    const missing = [...new Set(fresh.flatMap((e) => blobRefsOf(e)))].filter(
      (h) => !this.blobs.has(h),
    );
    if (missing.length > 0) return this.refuse({ code: 'blob_missing', message: '', missing });
    for (const e of fresh) {
      const gseq = this.events.length + 1;
      this.events.push({ gseq, event: JSON.parse(JSON.stringify(e)) as WireEvent });
      row.seq = e.stationSeq;
      row.hash = e.hash;
      row.gseqs.push(gseq);
      row.hashes.push(e.hash);
      gseqs.push(gseq);
    }
    this.chains.set(req.chainId, row);
    return {
      ok: true,
      response: {
        accepted: fresh.length,
        duplicates,
        head: { chainId: req.chainId, seq: row.seq, hash: row.hash, status: row.status },
        gseqs,
        serverTime: this.serverTime,
      },
    };
  }

  pull(args: PullArgs): PullResponse {
    const events = this.events.slice(args.after, args.after + args.limit);
    return {
      events: JSON.parse(JSON.stringify(events)) as HallEvent[],
      cursor: events.length ? events[events.length - 1]!.gseq : args.after,
      lastGseq: this.lastGseq,
      serverTime: this.serverTime,
    };
  }

  session(stationCode: string): SessionResult {
    return {
      token: 'token-of-' + stationCode.padEnd(20, '-'),
      expiresAt: '2026-03-02T10:00:00.000Z',
      serverTime: this.serverTime,
      heads: this.headsOf(stationCode),
      lastGseq: this.lastGseq,
    };
  }
}

/** How a simulated network treats one station's calls. */
export interface NetFaults {
  /** The station cannot reach the hall at all. */
  partitioned: boolean;
  /** Chance that a push's answer is lost after the hall applied it. */
  lostAnswer: number;
  /** Chance that a delivered event is dropped, duplicated; chance the batch is shuffled. */
  drop: number;
  duplicate: number;
  shuffle: number;
}

export const CLEAN_NET: NetFaults = {
  partitioned: false,
  lostAnswer: 0,
  drop: 0,
  duplicate: 0,
  shuffle: 0,
};

const unreachable = { ok: false as const, error: { code: 'unreachable' as const, message: '' } };

/** A HallTransport over the model, with the network's faults drawn from `random`. */
export class ModelTransport implements HallTransport {
  faults: NetFaults = { ...CLEAN_NET };
  calls: string[] = [];
  constructor(
    readonly hall: HallModel,
    readonly stationCode: string,
    readonly random: () => number = () => 0.5,
  ) {}

  async status() {
    return {
      enrolled: true,
      serverUrl: 'https://hall.test',
      hallName: '惠济区政务服务大厅',
      stationCode: this.stationCode,
      fingerprint: 'AB:CD',
    };
  }
  async enrol(): Promise<never> {
    throw new Error('not in the model');
  }
  async session(): Promise<SessionResult> {
    this.calls.push('session');
    if (this.faults.partitioned) throw new Error('unreachable');
    return this.hall.session(this.stationCode);
  }
  async push(args: PushArgs) {
    this.calls.push(`push ${args.chainId} ${args.fromSeq}+${args.events.length}`);
    if (this.faults.partitioned) return unreachable;
    const r = await this.hall.push(this.stationCode, args);
    if (r.ok && this.random() < this.faults.lostAnswer) return unreachable;
    return r;
  }
  async pull(args: PullArgs) {
    this.calls.push(`pull ${args.after}`);
    if (this.faults.partitioned) return unreachable;
    const response = this.hall.pull(args);
    const out: HallEvent[] = [];
    for (const e of response.events) {
      const r = this.random();
      if (r < this.faults.drop) continue;
      out.push(e);
      if (r > 1 - this.faults.duplicate) out.push(JSON.parse(JSON.stringify(e)) as HallEvent);
    }
    if (this.random() < this.faults.shuffle) {
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(this.random() * (i + 1));
        [out[i], out[j]] = [out[j]!, out[i]!];
      }
    }
    return { ok: true as const, response: { ...response, events: out } };
  }
  async putBlob(args: { sha256: string }) {
    this.calls.push(`putBlob ${args.sha256.slice(0, 8)}`);
    if (this.faults.partitioned) return unreachable;
    this.hall.blobs.add(args.sha256);
    this.hall.uploads.push(args.sha256);
    return { ok: true as const };
  }
  async missingBlobs(args: { hashes: string[] }) {
    if (this.faults.partitioned) return unreachable;
    return { ok: true as const, missing: args.hashes.filter((h) => !this.hall.blobs.has(h)) };
  }
}
