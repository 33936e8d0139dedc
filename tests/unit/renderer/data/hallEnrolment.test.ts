// Enrolling the station with the hall: an administrator as stored (a clerk claiming to be one is
// refused before the host is asked), always under this station's own code.
import { afterEach, describe, expect, it } from 'vitest';
import type { OneWindowDb } from '../../../../renderer/src/data/db';
import { enrolStation } from '../../../../renderer/src/data/hallEnrolment';
import { stationWithStaff } from './helpers';

const now = new Date('2026-12-01T00:41:00Z');
let db: OneWindowDb | null = null;
afterEach(() => db?.close());

function fakeHall() {
  const calls: unknown[] = [];
  return {
    calls,
    hallEnrol: async (args: unknown) => {
      calls.push(args);
      return {
        hallId: 'h',
        hallName: '惠济区服务大厅',
        fingerprint: null,
        heads: [],
        serverTime: '',
      };
    },
  };
}

const input = {
  serverUrl: 'http://127.0.0.1:8443',
  code: 'ABCD-EFGH-JK23',
  label: '2号窗口',
  kind: 'counter' as const,
};

describe('enrolStation', () => {
  it('an administrator enrols under the station code HJ01, whatever the screen says', async () => {
    const staff = await stationWithStaff(now);
    db = staff.db;
    const hall = fakeHall();
    const r = await enrolStation(db, staff.admin, { ...input, stationCode: 'XX99' } as never, hall);
    expect(r).toMatchObject({ ok: true, stationCode: 'HJ01' });
    expect(hall.calls).toEqual([{ ...input, stationCode: 'HJ01' }]);
  });

  it('a clerk, even one claiming the admin role, is refused and the host is never asked', async () => {
    const staff = await stationWithStaff(now);
    db = staff.db;
    const hall = fakeHall();
    const claimed = { ...staff.clerk, role: 'admin' };
    expect(await enrolStation(db, claimed, input, hall)).toEqual({
      ok: false,
      problem: 'not_admin',
    });
    expect(hall.calls).toEqual([]);
  });
});
