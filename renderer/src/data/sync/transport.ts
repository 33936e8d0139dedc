// The hall as the sync engine sees it: the host contract's `hall.*` channels (electron/contract.ts,
// built by the hosts helper), typed here once so that the Electron host, the browser host and the
// tests' simulated halls all implement the same shape. The host holds the station key: it does
// the session's challenge–response, signs each push (pushSigningText) and reads blob bytes; the
// renderer never sees a key or a token.
import type {
  ChainHeadInfo,
  Credential,
  ErrorCode,
  PullResponse,
  PushResponse,
  StationKind,
  WireEvent,
} from '../../../../server/protocol';
import type { RefillRequest, RefillResponse } from '../../../../server/protocol/restore';
import type { NumbersTransport } from '../numberLeases';

export interface HallStatus {
  enrolled: boolean;
  serverUrl: string | null;
  hallName: string | null;
  stationCode: string | null;
  fingerprint: string | null;
}

export interface EnrolArgs {
  serverUrl: string;
  code: string;
  stationCode: string;
  label: string;
  kind: StationKind;
  fingerprint?: string;
}

export interface EnrolResult {
  hallId: string;
  hallName: string;
  /** null: plain http on loopback, or a browser (which checks certificates itself). */
  fingerprint: string | null;
  heads: ChainHeadInfo[];
  serverTime: string;
}

export interface SessionResult {
  token: string;
  expiresAt: string;
  serverTime: string;
  heads: ChainHeadInfo[];
  lastGseq: number;
}

/**
 * What the host itself finds, beside the server's refusal codes (electron/contract-hall.ts,
 * `hallLocalCodes`): `unreachable` — no answer in time; `certificate_mismatch` — not the pinned
 * certificate; `insecure_address`, `bad_address`; `not_enrolled`, `already_enrolled`; `other_hall` — the address answers
 * for another hall than this station's;
 * `bad_response` — not the protocol; `local_missing`, `local_mismatch` — a blob's bytes are not
 * in the station's store, or no longer match their hash.
 */
export type HallLocalCode =
  | 'unreachable'
  | 'certificate_mismatch'
  | 'insecure_address'
  | 'bad_address'
  | 'not_enrolled'
  | 'already_enrolled'
  | 'other_hall'
  | 'bad_response'
  | 'local_missing'
  | 'local_mismatch';

/** A refusal as the host passes it on; `unreachable` when no answer came at all. */
export interface HallError {
  code: ErrorCode | HallLocalCode;
  message: string;
  expectedSeq?: number;
  seq?: number;
  missing?: string[];
}

export type HallResult<T> = ({ ok: true } & T) | { ok: false; error: HallError };

export interface PushArgs {
  chainId: string;
  fromSeq: number;
  events: WireEvent[];
  /** The password hashes of the range's user events, beside them (never in a payload). */
  credentials?: Credential[];
}

export interface PullArgs {
  after: number;
  limit: number;
  waitMs: number;
}

export type BlobSource = { kind: 'attachment' | 'archive'; id: string };

export interface HallTransport {
  status(): Promise<HallStatus>;
  enrol(args: EnrolArgs): Promise<EnrolResult>;
  /** Throws (a HostError, or any error) when the hall cannot be reached or refuses. */
  session(): Promise<SessionResult>;
  push(args: PushArgs): Promise<HallResult<{ response: PushResponse }>>;
  pull(args: PullArgs): Promise<HallResult<{ response: PullResponse }>>;
  putBlob(args: { sha256: string; source: BlobSource }): Promise<HallResult<object>>;
  missingBlobs(args: { hashes: string[] }): Promise<HallResult<{ missing: string[] }>>;
  /** A restored hall refilled (docs/hall.md "Restoring the server"); absent: the host has none. */
  refill?(args: RefillRequest): Promise<HallResult<{ response: RefillResponse }>>;
  /** Leased notice and ledger numbers (data/numberLeases.ts); absent: the engine leases none. */
  numbers?: NumbersTransport['numbers'];
}

/** The host API's hall channels as the renderer's HostApi names them ('hall.push' → hallPush). */
export interface HallHostApi {
  hallStatus(args: Record<string, never>): Promise<HallStatus>;
  hallEnrol(args: EnrolArgs): Promise<EnrolResult>;
  hallSession(args: Record<string, never>): Promise<SessionResult>;
  hallPush(args: PushArgs): Promise<HallResult<{ response: PushResponse }>>;
  hallPull(args: PullArgs): Promise<HallResult<{ response: PullResponse }>>;
  hallPutBlob(args: { sha256: string; source: BlobSource }): Promise<HallResult<object>>;
  hallMissingBlobs(args: { hashes: string[] }): Promise<HallResult<{ missing: string[] }>>;
  hallRefill?(args: RefillRequest): Promise<HallResult<{ response: RefillResponse }>>;
  /** Absent on hosts built before leases: the engine then leases none. */
  hallNumbers?: NumbersTransport['numbers'];
}

/** The sync engine's transport over the host (Electron's preload bridge or the browser host). */
export function hostTransport(host: HallHostApi): HallTransport {
  return {
    status: () => host.hallStatus({}),
    enrol: (args) => host.hallEnrol(args),
    session: () => host.hallSession({}),
    push: (args) => host.hallPush(args),
    pull: (args) => host.hallPull(args),
    putBlob: (args) => host.hallPutBlob(args),
    missingBlobs: (args) => host.hallMissingBlobs(args),
    ...(host.hallRefill ? { refill: host.hallRefill.bind(host) } : {}),
    ...(host.hallNumbers ? { numbers: host.hallNumbers.bind(host) } : {}),
  };
}
