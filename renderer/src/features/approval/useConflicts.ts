// The conflict queue as the signed-in user sees it, live: the list for 同步冲突 and the count for
// the frame's badge. The role check is the data layer's (against the stored user).
import { useLiveQuery } from 'dexie-react-hooks';
import { useSessionStore } from '../../app/stores/sessionStore';
import { conflictQueue, openConflictCount, type ConflictQuery } from '../../data/conflicts';
import { appDb } from '../../data/stationDb';

export function useConflictQueue(): ConflictQuery | undefined {
  const db = appDb();
  const userId = useSessionStore((s) => s.user?.id ?? '');
  return useLiveQuery(() => conflictQueue(db, userId), [db, userId]);
}

/** Open entries the signed-in user should look at (0 while loading or signed out). */
export function useOpenConflictCount(): number {
  const db = appDb();
  const userId = useSessionStore((s) => s.user?.id ?? '');
  return useLiveQuery(() => (userId ? openConflictCount(db, userId) : 0), [db, userId]) ?? 0;
}
