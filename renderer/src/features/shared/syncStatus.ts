// What the frame shows of the hall sync (issue 16 item 4), as a small store: the sync engine
// (renderer/src/data/sync/, helper `station`) writes it, the frame reads it. Until an engine runs
// the store holds null, and an enrolled station honestly shows "未连接" — never a made-up
// "已同步". Whether the station is enrolled at all comes from the host (hall.status): a lone
// station shows nothing (it is not "offline").
import { useSyncExternalStore } from 'react';
import { create } from 'zustand';
import type { ResultOf } from '../../../../electron/contract';
import { host } from '../../host';

export type SyncPhase = 'synced' | 'syncing' | 'offline' | 'alert' | 'held';

/** The engine's view of the sync, exactly this shape (the engine provides it). */
export interface SyncStatus {
  phase: SyncPhase;
  /** ISO time of the last exchange that completed, null = never. */
  lastSyncAt: string | null;
  /** Own events not yet acknowledged by the hall. */
  pending: number;
  /** phase 'alert': why the sync stopped (a server ErrorCode or a host code), and a detail. */
  alert?: { code: string; detail?: string };
  /** Station clock minus server clock, from the last answer; null = not known yet. */
  clockSkewMs: number | null;
  /** While more than a page behind the hall: the cursor held and the hall's last gseq. */
  catchUp?: { cursor: number; lastGseq: number };
  /** phase 'held': the join check waits for clashes to be settled (or the station withdrew). */
  held?: { open: number; withdrawn: boolean };
  /** The hall is being restored from a backup: what this station handed back, who it waits for. */
  restoring?: { lastGseq: number; holds: number; refilled: number; waitingFor: string[] };
}

export interface SyncStatusStore {
  /** null: no sync engine is running on this station. */
  get(): SyncStatus | null;
  subscribe(listener: () => void): () => void;
}

export interface WritableSyncStatusStore extends SyncStatusStore {
  set(next: SyncStatus | null): void;
}

export function createSyncStatusStore(initial: SyncStatus | null = null): WritableSyncStatusStore {
  let current = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => current,
    set(next) {
      current = next;
      for (const l of [...listeners]) l();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

declare global {
  interface Window {
    /**
     * Lent by the end-to-end harness only (like owRenderPdf): receives the store's setter, so
     * the screens of each phase can be looked at before an engine runs. Never set by the app.
     */
    owSyncStatusFeed?: (set: (next: SyncStatus | null) => void) => void;
  }
}

/** The station's one status store; the sync engine writes it with `set`. */
export const syncStatusStore: WritableSyncStatusStore = createSyncStatusStore(null);
if (typeof window !== 'undefined' && typeof window.owSyncStatusFeed === 'function') {
  window.owSyncStatusFeed((next) => syncStatusStore.set(next));
}

export function useSyncStatus(store: SyncStatusStore = syncStatusStore): SyncStatus | null {
  return useSyncExternalStore(store.subscribe, store.get, store.get);
}

type HallStatus = ResultOf<'hall.status'>;

interface EnrolmentState {
  /** null until the host has answered. */
  status: HallStatus | null;
  refresh: () => Promise<HallStatus | null>;
}

/** Whether this station is enrolled with a hall, as the host keeps it. */
export const useHallEnrolment = create<EnrolmentState>((set) => ({
  status: null,
  refresh: async () => {
    try {
      const status = await host.hallStatus({});
      set({ status });
      return status;
    } catch {
      // A host that cannot say (damaged enrolment file): show nothing rather than guess.
      set({ status: null });
      return null;
    }
  },
}));
