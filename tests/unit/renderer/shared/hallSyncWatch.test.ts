// One sync engine per enrolment (features/shared/hallSyncWatch.ts, run by useHallSync): a station
// enrolled again under the SAME code — the hall's administrator re-enrolled it after a
// bad-signature alert — gets a fresh engine (the old one stopped with its alert and its session),
// as a new code or kind does; a refresh that brings the same enrolment starts nothing.
import { describe, expect, it } from 'vitest';
import { create } from 'zustand';
import type { ResultOf } from '../../../../electron/contract';
import { hallSyncKey, watchHallSync } from '../../../../renderer/src/features/shared/hallSyncWatch';

type HallStatus = ResultOf<'hall.status'>;

const enrolledAs = (stationCode: string, enrolledAt: string, kind = 'counter'): HallStatus => ({
  enrolled: true,
  serverUrl: 'https://hall.test',
  hallName: '惠济区政务服务大厅',
  stationCode,
  fingerprint: null,
  hallId: 'hall-1',
  bundleKey: null,
  kind: kind as HallStatus['kind'],
  enrolledAt,
});
const lone: HallStatus = {
  enrolled: false,
  serverUrl: null,
  hallName: null,
  stationCode: null,
  fingerprint: null,
  kind: null,
  enrolledAt: null,
};

function harness() {
  const store = create<{ status: HallStatus | null }>(() => ({ status: null }));
  const log: string[] = [];
  let n = 0;
  const stop = watchHallSync(store, (status) => {
    const id = ++n;
    log.push(`start ${id} ${status.stationCode} ${status.enrolledAt}`);
    return () => log.push(`stop ${id}`);
  });
  return { set: (status: HallStatus | null) => store.setState({ status }), log, stop };
}

describe('one hall sync engine per enrolment', () => {
  it('starts anew when the station is enrolled again under the same code', () => {
    const h = harness();
    h.set(lone);
    expect(h.log).toEqual([]);
    h.set(enrolledAs('HJ02', '2026-12-01T08:00:00.000Z'));
    // A refresh of the same enrolment (a new object, the same values) starts nothing.
    h.set(enrolledAs('HJ02', '2026-12-01T08:00:00.000Z'));
    // Re-enrolled under HJ02 after the alert: the old engine stops, a new one starts.
    h.set(enrolledAs('HJ02', '2026-12-01T09:30:00.000Z'));
    expect(h.log).toEqual([
      'start 1 HJ02 2026-12-01T08:00:00.000Z',
      'stop 1',
      'start 2 HJ02 2026-12-01T09:30:00.000Z',
    ]);
    h.stop();
    expect(h.log.at(-1)).toBe('stop 2');
    h.set(enrolledAs('HJ02', '2026-12-01T10:00:00.000Z'));
    expect(h.log).toHaveLength(4);
  });

  it('starts anew for a new code or kind, and runs none for a floor device or a lone station', () => {
    const h = harness();
    h.set(enrolledAs('HJ02', '2026-12-01T08:00:00.000Z'));
    h.set(enrolledAs('HJ05', '2026-12-01T08:00:00.000Z'));
    h.set(enrolledAs('HJ05', '2026-12-01T08:00:00.000Z', 'field'));
    h.set(enrolledAs('HJ05', '2026-12-01T08:00:00.000Z', 'kiosk'));
    h.set(lone);
    h.set(null);
    expect(h.log).toEqual([
      'start 1 HJ02 2026-12-01T08:00:00.000Z',
      'stop 1',
      'start 2 HJ05 2026-12-01T08:00:00.000Z',
      'stop 2',
      'start 3 HJ05 2026-12-01T08:00:00.000Z',
      'stop 3',
    ]);
    expect(hallSyncKey(enrolledAs('HJ05', '2026-12-01T08:00:00.000Z', 'kiosk'))).toBeNull();
    expect(hallSyncKey(enrolledAs('HJ05', 'a'))).not.toBe(hallSyncKey(enrolledAs('HJ05', 'b')));
  });
});
