// The hall for the station's tests and the simulation: the server helper's own rules
// (server/core/hall.ts `push` over server/core/push.ts's pure planPush) on its in-memory store
// (server/core/memory.ts), with the pull and the session heads read from that store the way the
// HTTP routes serve them. What is modelled here is only the network between (ModelTransport).
import type {
  AllocateCertificateRequest,
  AllocateCertificateResponse,
  ChainHeadInfo,
  HallEvent,
  PullResponse,
  PushResponse,
  WireEvent,
} from '../../../../../server/protocol';
import { push } from '../../../../../server/core/hall';
import { MemoryStore } from '../../../../../server/core/memory';
import { MemoryLeases } from '../../../../../server/core/leases';
import { MemoryNumbers } from '../../../../../server/core/numbers';
import { MemoryRestore, refill, refusesStation } from '../../../../../server/core/restore';
import type {
  RefillBody,
  RefillRequest,
  RefillResponse,
} from '../../../../../server/protocol/restore';
import { refillSignatureProblem, unsignedRefill } from '../../../../../server/core/refillSigning';
import { sha256Hex, verifySignature } from '../../../../../server/crypto';
import { testStation, type TestStation } from '../../../../../server/testing/stations';
import { signedRefillBody } from '../../../../../electron/hall-refill';
import type { HallNumbersArgs, HallNumbersResponse } from '../../../../../electron/hall-numbers';
import { isOwnEventId, voidRequestSchema } from '../../../../../server/protocol';
import type {
  HallError,
  HallResult,
  HallTransport,
  PullArgs,
  PushArgs,
  SessionResult,
} from '../../../../../renderer/src/data/sync/transport';

export class HallModel {
  store = new MemoryStore();
  /** The active stations (the SQL `stations` table), for the restore's check-ins. */
  readonly stations: string[] = [];
  readonly restore = new MemoryRestore(() => this.stations.map((code) => ({ code, label: code })));
  /** Hall-wide certificate numbers: the server's in-memory store, as the route answers. */
  readonly numbers = new MemoryNumbers();
  /** Leased blocks of notice and ledger numbers (server/core/leases.ts). */
  readonly leases = new MemoryLeases(this.numbers);

  constructor() {
    this.connectNumbers();
  }

  /** The store's pushes mark the numbers their events record (server/db/numberUses.ts). */
  private connectNumbers() {
    this.store.numberUses = (uses, stationCode) => this.leases.recordUses(stationCode, uses);
  }
  /** Every blob hash uploaded, in order (tests check "before the events"). */
  readonly uploads: string[] = [];
  serverTime = '2026-03-02T02:00:00.000Z';
  /** The refill signature form the session announces (0: a hall from before, which takes no signature). */
  refillSigning = 1;
  /** Refill signatures verified with the station's enrolled key. */
  verifiedRefills = 0;
  /** Each station's sync key (the host holds the private half, the hall the public one). */
  private readonly keys = new Map<string, TestStation>();
  keyOf(stationCode: string): TestStation {
    let k = this.keys.get(stationCode);
    if (!k) this.keys.set(stationCode, (k = testStation(stationCode)));
    return k;
  }
  /** Raised by a restore: the sessions opened since the dump are gone (the `sessions` table). */
  sessionEpoch = 0;
  private pushes = 0;

  get events(): HallEvent[] {
    return this.store.rows.map((r) => ({ gseq: r.gseq, event: JSON.parse(r.json) as WireEvent }));
  }

  get blobs(): Set<string> {
    return this.store.blobs;
  }

  get lastGseq() {
    return this.store.rows.length;
  }

  headsOf(stationCode: string): ChainHeadInfo[] {
    return [...this.store.chains.values()]
      .filter((c) => c.owner === stationCode)
      .map((c) => ({ chainId: c.chainId, seq: c.headSeq, hash: c.headHash, status: c.status }));
  }

  async push(stationCode: string, req: PushArgs): Promise<HallResult<{ response: PushResponse }>> {
    const r = await push(
      this.store,
      stationCode,
      { pushId: `push-${String(++this.pushes).padStart(6, '0')}`, ...req },
      { maxEventSchema: 2 },
    );
    if (!r.ok) {
      const { code, message, ...rest } = r.refusal as HallError & Record<string, unknown>;
      const error: HallError = { code, message };
      for (const k of ['expectedSeq', 'seq', 'missing'] as const)
        if (rest[k] !== undefined) (error as unknown as Record<string, unknown>)[k] = rest[k];
      return { ok: false, error };
    }
    return {
      ok: true,
      response: {
        accepted: r.accepted,
        duplicates: r.duplicates,
        head: r.head,
        gseqs: r.gseqs,
        serverTime: this.serverTime,
      },
    };
  }

  pull(args: PullArgs): PullResponse {
    const events = this.events.slice(args.after, args.after + args.limit);
    const credentials = this.store.credentialsOf(
      this.store.rows.slice(args.after, args.after + args.limit),
    );
    return {
      events,
      cursor: events.length ? events[events.length - 1]!.gseq : args.after,
      lastGseq: this.lastGseq,
      serverTime: this.serverTime,
      ...(credentials.length > 0 ? { credentials } : {}),
    };
  }

  /** POST /v1/numbers/certificate, as server/http/numbers.ts answers it. */
  async allocateNumber(
    stationCode: string,
    req: AllocateCertificateRequest,
  ): Promise<HallResult<{ response: AllocateCertificateResponse }>> {
    const r = await this.numbers.allocateCertificate(stationCode, req);
    if (!r.ok) return { ok: false, error: { code: r.code, message: r.message } };
    const a = r.allocation;
    return {
      ok: true,
      response: {
        seq: a.seq,
        seriesId: a.seriesId,
        requestKey: a.requestKey,
        caseId: a.caseId,
        replayed: r.replayed,
        allocatedAt: a.allocatedAt,
        serverTime: this.serverTime,
      },
    };
  }

  /** Whether the restore gate refuses this station's pulls, pushes and numbers now. */
  async refuses(stationCode: string): Promise<boolean> {
    return refusesStation(await this.restore.state(), stationCode);
  }

  /**
   * The hall restored from an older dump: a store holding only the events up to `gseq` (and
   * their credentials and the blobs), as pg_restore of a dump taken then would give.
   */
  async restoreDump(gseq: number): Promise<void> {
    const old = this.store;
    const next = new MemoryStore();
    for (const b of old.blobs) next.blobs.add(b);
    for (const row of old.rows.slice(0, gseq)) {
      const e = JSON.parse(row.json) as WireEvent;
      const chainId = e.chainId ?? e.stationId;
      await next.withChain(chainId, e.stationId, async (tx) => {
        await tx.append(chainId, [e], { seq: e.stationSeq, hash: e.hash }, 'dump');
        const c = old.credentials.get(e.id);
        if (c) await tx.storeCredentials([c], c.stationCode);
      });
    }
    this.store = next;
    this.connectNumbers();
    this.sessionEpoch += 1;
  }

  /** POST /v1/restore/refill, as server/http/restore.ts answers it: the signature first. */
  async refill(
    stationCode: string,
    body: RefillBody,
  ): Promise<HallResult<{ response: RefillResponse }>> {
    if (this.refillSigning === 0 && (body.signature ?? body.credentialsSha256) !== undefined)
      return { ok: false, error: { code: 'bad_request', message: 'not the protocol' } };
    const { publicKey } = this.keyOf(stationCode);
    const problem = await refillSignatureProblem(
      body,
      (text, signature) => verifySignature(publicKey, text, signature),
      sha256Hex,
    );
    if (problem) return { ok: false, error: { code: problem.code, message: problem.message } };
    if (body.signature !== undefined) this.verifiedRefills += 1;
    const req: RefillRequest = unsignedRefill(body);
    const r = await refill(this.store, this.restore, stationCode, req, {
      now: new Date(this.serverTime),
    });
    if (!r.ok) {
      const error: HallError = { code: r.code, message: r.message };
      if (r.missing) error.missing = r.missing;
      return { ok: false, error };
    }
    const { ok: _ok, ...response } = r;
    return { ok: true, response: { ...response, serverTime: this.serverTime } };
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
const unauthorized = { ok: false as const, error: { code: 'unauthorized' as const, message: '' } };
const restoring = { ok: false as const, error: { code: 'restoring' as const, message: '' } };

/** A HallTransport over the model, with the network's faults drawn from `random`. */
export class ModelTransport implements HallTransport {
  faults: NetFaults = { ...CLEAN_NET };
  calls: string[] = [];
  /** Changes a signed refill on the way (after the host signed it, before the hall reads it). */
  tamperRefill: ((body: RefillBody) => void) | null = null;
  /** The size of each claim of an island's numbers that reached the hall (join/joinClaim.ts). */
  claims: number[] = [];
  private epoch = 0;
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
    this.epoch = this.hall.sessionEpoch;
    return this.hall.session(this.stationCode);
  }
  async push(args: PushArgs) {
    this.calls.push(`push ${args.chainId} ${args.fromSeq}+${args.events.length}`);
    if (this.faults.partitioned) return unreachable;
    if (await this.hall.refuses(this.stationCode)) return restoring;
    if (this.epoch < this.hall.sessionEpoch) return unauthorized;
    const r = await this.hall.push(this.stationCode, args);
    if (r.ok && this.random() < this.faults.lostAnswer) return unreachable;
    return r;
  }
  async pull(args: PullArgs) {
    this.calls.push(`pull ${args.after}`);
    if (this.faults.partitioned) return unreachable;
    if (await this.hall.refuses(this.stationCode)) return restoring;
    if (args.after > this.hall.lastGseq) {
      // server/http/restore.ts detectRewound: a cursor past the hall's order.
      await this.hall.restore.begin('detected', this.hall.lastGseq, new Date());
      return restoring;
    }
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
  /** hall.allocateNumber; a lost answer (`lostAnswer`) comes after the hall allocated. */
  async allocateNumber(args: AllocateCertificateRequest) {
    this.calls.push(`number ${args.requestKey}`);
    if (this.faults.partitioned) return unreachable;
    if (await this.hall.refuses(this.stationCode)) return restoring;
    const r = await this.hall.allocateNumber(this.stationCode, args);
    if (r.ok && this.random() < this.faults.lostAnswer) return unreachable;
    return r;
  }
  async refill(args: RefillRequest) {
    this.calls.push(`refill ${args.holds}+${args.events.length}`);
    if (this.faults.partitioned) return unreachable;
    // The host signs it (electron/hall-refill.ts) as the session answer says.
    const key = this.hall.keyOf(this.stationCode);
    const body = await signedRefillBody(args, {
      sign: async (text) => ({ signature: key.sign(text) }),
      sha256Hex,
      refillSigning: async () => this.hall.refillSigning,
    });
    this.tamperRefill?.(body);
    return this.hall.refill(this.stationCode, body);
  }
  /** hall.numbers: leases (the answer may be lost), voids, open numbers (not in `calls`). */
  async numbers(args: HallNumbersArgs): Promise<HallResult<{ response: HallNumbersResponse }>> {
    if (this.faults.partitioned) return unreachable;
    const st = this.stationCode;
    const at = this.hall.serverTime;
    if (args.op === 'lease') {
      const r = await this.hall.leases.lease(st, args.request);
      if (!r.ok) return { ok: false, error: { code: r.code, message: r.message } };
      // A lost answer after the hall leased: the station asks again with the same key.
      if (this.random() < this.faults.lostAnswer) return unreachable;
      const { leaseKey, seriesId, first, last } = r.lease;
      const lease = { leaseKey, seriesId, first, last, replayed: r.replayed, serverTime: at };
      return { ok: true, response: { op: 'lease', lease } };
    }
    if (args.op === 'void') {
      const voided = await this.hall.leases.void(st, voidRequestSchema.parse(args.request));
      return { ok: true, response: { op: 'void', voided } };
    }
    if (args.op === 'held') {
      const numbers = await this.hall.leases.held(st);
      return { ok: true, response: { op: 'held', held: { numbers, serverTime: at } } };
    }
    if (args.op === 'claim') {
      // POST /v1/numbers/claim (server/http/leases.ts): the station's own events only.
      const uses = args.request.uses;
      if (!uses.every((u) => isOwnEventId(st, u.eventId)))
        return { ok: false, error: { code: 'bad_request', message: 'not its events' } };
      this.claims.push(uses.length);
      const outcome = await this.hall.leases.claim(st, uses);
      return { ok: true, response: { op: 'claim', claim: { ...outcome, serverTime: at } } };
    }
    return { ok: false, error: { code: 'bad_request', message: 'not in the model' } };
  }
  async missingBlobs(args: { hashes: string[] }) {
    if (this.faults.partitioned) return unreachable;
    return { ok: true as const, missing: args.hashes.filter((h) => !this.hall.blobs.has(h)) };
  }
}
