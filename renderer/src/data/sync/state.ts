// The sync engine's state for the screens (the frame's status: 已同步 08:41 · 同步中 · 离线 ·
// 12 条待上传, and the red alert): a plain store with subscribe, no zustand, so the data layer
// stays free of UI libraries. The screens wrap it in their own hook.
import { MAX_CLOCK_SKEW_MS, type ErrorCode } from '../../../../server/protocol';
import type { HallLocalCode } from './transport';

/** `held`: a station joining with data of its own has clashes to settle (data/join/). */
export type SyncPhase = 'synced' | 'syncing' | 'offline' | 'alert' | 'held';

/** Codes that stop the pushing until an administrator has acted (locale keys `sync.error.<code>`). */
export type AlertCode = ErrorCode | HallLocalCode;

export interface SyncState {
  phase: SyncPhase;
  /** ISO time of the last exchange that left nothing to send and nothing to fetch. */
  lastSyncAt: string | null;
  /** Own events waiting to be acknowledged by the hall. */
  pending: number;
  alert?: { code: AlertCode; detail: string };
  /** This station's clock minus the hall's, from the last answer (0 before any): > 0 is ahead. */
  clockSkewMs: number;
  /**
   * While the station is more than a page behind the hall (a new station, one back from a week
   * offline): the cursor held so far and the hall's last gseq, for the progress bar. Absent once
   * caught up.
   */
  catchUp?: CatchUp;
  /**
   * The join check holds the sync (data/join/): how many clashes wait to be settled, or that the
   * administrator withdrew this station from the hall. Absent once the station syncs.
   */
  held?: JoinHold;
  /**
   * While the hall is being restored from an older backup (it answers `restoring`): how far it
   * holds, what this station holds and has handed back, and who it still waits for. The station
   * works on as offline; absent once the hall serves again.
   */
  restoring?: Restoring;
}

export interface Restoring {
  lastGseq: number;
  holds: number;
  refilled: number;
  waitingFor: string[];
}

export interface JoinHold {
  open: number;
  withdrawn: boolean;
}

export interface CatchUp {
  cursor: number;
  lastGseq: number;
}

export const INITIAL_SYNC_STATE: SyncState = {
  phase: 'offline',
  lastSyncAt: null,
  pending: 0,
  clockSkewMs: 0,
};

export interface SyncStore {
  get(): SyncState;
  set(patch: Partial<SyncState>): void;
  /** Called after every change; returns the unsubscribe. */
  subscribe(listener: (state: SyncState) => void): () => void;
}

export function createSyncStore(initial: SyncState = INITIAL_SYNC_STATE): SyncStore {
  let state = initial;
  const listeners = new Set<(s: SyncState) => void>();
  return {
    get: () => state,
    set(patch) {
      const next = { ...state, ...patch };
      if ('alert' in patch && patch.alert === undefined) delete next.alert;
      if ('catchUp' in patch && patch.catchUp === undefined) delete next.catchUp;
      if ('held' in patch && patch.held === undefined) delete next.held;
      if ('restoring' in patch && patch.restoring === undefined) delete next.restoring;
      const same = (Object.keys(next) as (keyof SyncState)[]).every((k) => next[k] === state[k]);
      if (same && Object.keys(next).length === Object.keys(state).length) return;
      state = next;
      for (const l of [...listeners]) l(state);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The station's clock is more than two minutes off the hall's (issue 16 item 4). */
export const clockSkewed = (state: Pick<SyncState, 'clockSkewMs'>) =>
  Math.abs(state.clockSkewMs) > MAX_CLOCK_SKEW_MS;
