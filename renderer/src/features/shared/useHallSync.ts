// Runs the hall sync (renderer/src/data/sync/) while this station is enrolled with a hall: one
// engine for the app's database and its enrolment (hallSyncWatch.ts: a new kind, code or
// enrolment starts a new one), its state fed to the frame's status store. Mounted once, by the
// shell; a lone station runs nothing.
import { useEffect } from 'react';
import { runHallSync, hostTransport } from '../../data/sync';
import { appDb } from '../../data/stationDb';
import { leasePlanFor } from '../../data/numberLeases';
import { host } from '../../host';
import { watchHallSync } from './hallSyncWatch';
import { syncStatusStore, useHallEnrolment } from './syncStatus';

/**
 * The last sync this page saw, kept across restarts of the engine (signing out and in remounts the
 * shell): the frame says 上次同步 07:55, not 尚未同步, after a change of user.
 */
let lastKnownSync: string | null = null;

export function useHallSync(): void {
  useEffect(() => {
    // The end-to-end harness that feeds the frame its phases (window.owSyncStatusFeed) runs none.
    if (typeof window.owSyncStatusFeed === 'function') return;
    return watchHallSync(useHallEnrolment, (status) => {
      const sync = runHallSync(appDb(), hostTransport(host), {
        leasePlan: leasePlanFor(status.kind),
        onState: (s) => {
          if (s.lastSyncAt) lastKnownSync = s.lastSyncAt;
          syncStatusStore.set({ ...s, lastSyncAt: s.lastSyncAt ?? lastKnownSync });
        },
      });
      return () => {
        sync.stop();
        syncStatusStore.set(null);
      };
    });
  }, []);
}
