// The idle-lock minutes are the station's: only an administrator (as stored, not as the screen
// claims) sets them, values outside 1–120 are refused, and every change is in the event log.
import { afterEach, describe, expect, it } from 'vitest';
import type { OneWindowDb } from '../../../../renderer/src/data/db';
import { verifyLog } from '../../../../renderer/src/data/integrity';
import {
  DEFAULT_IDLE_LOCK_MINUTES,
  IDLE_LOCK_KEY,
  loadIdleLockMinutes,
  saveIdleLockMinutes,
} from '../../../../renderer/src/data/idleLock';
import { stationWithStaff } from './helpers';

const now = new Date('2026-03-02T02:00:00Z');
let db: OneWindowDb;
afterEach(() => db?.close());

describe('idle-lock minutes', () => {
  it('are 5 until an administrator sets them; the change is logged and the chain holds', async () => {
    const staff = await stationWithStaff(now);
    db = staff.db;
    expect(await loadIdleLockMinutes(db)).toBe(DEFAULT_IDLE_LOCK_MINUTES);
    expect(DEFAULT_IDLE_LOCK_MINUTES).toBe(5);
    // Before: this machine's own setting stands in.
    expect(await loadIdleLockMinutes(db, 9)).toBe(9);
    expect(await saveIdleLockMinutes(db, staff.admin, 15, now)).toEqual({ ok: true });
    expect(await loadIdleLockMinutes(db)).toBe(15);
    expect(await loadIdleLockMinutes(db, 9)).toBe(15);
    expect(await db.events.orderBy('pos').last()).toMatchObject({
      type: 'settings.idle_lock_changed',
      actor: { id: staff.admin.id, role: 'admin' },
      payload: { minutes: 15 },
    });
    expect((await verifyLog(db, now)).ok).toBe(true);
  });

  it('no other role may, even when the screen claims to be an administrator', async () => {
    const staff = await stationWithStaff(now);
    db = staff.db;
    const before = await db.events.count();
    for (const who of [
      staff.director,
      staff.chief,
      staff.clerk,
      { ...staff.clerk, role: 'admin' as const },
    ]) {
      expect(await saveIdleLockMinutes(db, who, 60, now)).toEqual({
        ok: false,
        code: 'forbidden_role',
      });
    }
    expect(await loadIdleLockMinutes(db)).toBe(5);
    expect(await db.events.count()).toBe(before);
  });

  it('refuses 0, 121 and fractions, and reads a damaged row as the default', async () => {
    const staff = await stationWithStaff(now);
    db = staff.db;
    for (const bad of [0, 121, 2.5, Number.NaN]) {
      expect(await saveIdleLockMinutes(db, staff.admin, bad, now)).toEqual({
        ok: false,
        code: 'invalid',
      });
    }
    await db.settings.put({ key: IDLE_LOCK_KEY, value: 'ten' });
    expect(await loadIdleLockMinutes(db)).toBe(5);
  });
});
