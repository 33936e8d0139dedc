// Runs the hall sync (renderer/src/data/sync/) while this station is enrolled with a hall: one
// engine for the app's database, its state fed to the frame's status store. Mounted once, by the
// shell; a lone station runs nothing.
import { useEffect } from 'react';
import { runHallSync, hostTransport } from '../../data/sync';
import { appDb } from '../../data/stationDb';
import { leasePlanFor } from '../../data/numberLeases';
import { host } from '../../host';
import { isFloorDeviceKind } from '../floor/floorRoutes';
import { syncStatusStore, useHallEnrolment } from './syncStatus';

/**
 * The last sync this page saw, kept across restarts of the engine (signing out and in remounts the
 * shell): the frame says 上次同步 07:55, not 尚未同步, after a change of user.
 */
let lastKnownSync: string | null = null;

export function useHallSync(): void {
  // A floor device (kiosk, display, rating) sees no cases: the hall refuses it the log.
  const enrolled = useHallEnrolment(
    (s) => s.status?.enrolled === true && !isFloorDeviceKind(s.status.kind),
  );
  const kind = useHallEnrolment((s) => s.status?.kind ?? null);
  // A station re-coded before it joined (data/join/joinRecode.ts) signs as its new code: a new
  // engine, which reads the station again.
  const code = useHallEnrolment((s) => s.status?.stationCode ?? null);
  useEffect(() => {
    // The end-to-end harness that feeds the frame its phases (window.owSyncStatusFeed) runs none.
    if (!enrolled || typeof window.owSyncStatusFeed === 'function') return;
    const sync = runHallSync(appDb(), hostTransport(host), {
      leasePlan: leasePlanFor(kind),
      onState: (s) => {
        if (s.lastSyncAt) lastKnownSync = s.lastSyncAt;
        syncStatusStore.set({ ...s, lastSyncAt: s.lastSyncAt ?? lastKnownSync });
      },
    });
    return () => {
      sync.stop();
      syncStatusStore.set(null);
    };
  }, [enrolled, kind, code]);
}
