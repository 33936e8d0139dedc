// When the hall sync engine (data/sync/) must start anew, as the host's enrolment says: one
// engine per enrolment. It starts when the station is enrolled (a floor device runs none: the
// hall refuses it the log), and is stopped and started again whenever the enrolment changes — a
// new kind, a new station code (a station re-coded before it joined, data/join/joinRecode.ts),
// or a new enrolment under the same code (`enrolledAt`): after a bad-signature alert the hall's
// administrator enrols the station again, and the engine that raised the alert (push stopped, a
// session under the old key) must not go on. Kept apart from the hook (useHallSync.ts) so that
// it runs in a unit test without a page.
import type { ResultOf } from '../../../../electron/contract';
import { isFloorDeviceKind } from '../floor/floorRoutes';

type HallStatus = ResultOf<'hall.status'>;

/** What one engine runs for: null when none should run. */
export function hallSyncKey(status: HallStatus | null): string | null {
  if (status?.enrolled !== true || isFloorDeviceKind(status.kind)) return null;
  return JSON.stringify([status.kind, status.stationCode, status.enrolledAt ?? null]);
}

export interface EnrolmentSource {
  getState(): { status: HallStatus | null };
  subscribe(listener: (state: { status: HallStatus | null }) => void): () => void;
}

/**
 * Runs `start(status)` for the enrolment the source holds now, and again (after stopping the
 * last one) each time its key changes; the returned function stops everything.
 */
export function watchHallSync(
  source: EnrolmentSource,
  start: (status: HallStatus) => () => void,
): () => void {
  let key: string | null = null;
  let stop: (() => void) | null = null;
  const apply = (status: HallStatus | null) => {
    const next = hallSyncKey(status);
    if (next === key) return;
    stop?.();
    stop = null;
    key = next;
    if (next !== null && status) stop = start(status);
  };
  apply(source.getState().status);
  const unsubscribe = source.subscribe((s) => apply(s.status));
  return () => {
    unsubscribe();
    stop?.();
    stop = null;
    key = null;
  };
}
