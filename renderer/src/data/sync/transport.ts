// The hall as the sync engine sees it: the host contract's `hall.*` channels (electron/contract.ts,
// built by the hosts helper), typed here once so that the Electron host, the browser host and the
// tests' simulated halls all implement the same shape. The host holds the station key: it does
// the session's challenge–response, signs each push (pushSigningText) and reads blob bytes; the
// renderer never sees a key or a token.
import type {
  ChainHeadInfo,
  ErrorCode,
  PullResponse,
  PushResponse,
  StationKind,
  WireEvent,
} from '../../../../server/protocol';

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
  fingerprint: string;
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

/** A refusal as the host passes it on; `unreachable` when no answer came at all. */
export interface HallError {
  code: ErrorCode | 'unreachable';
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
}
