import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getStation, updateStationContact } from '../../../../renderer/src/data/station';
import { verifyLog } from '../../../../renderer/src/data/integrity';
import type { OneWindowDb } from '../../../../renderer/src/data/db';
import { stationDb } from './helpers';

let db: OneWindowDb;
const now = new Date('2026-03-02T02:00:00Z');
const contact = {
  address: '郑州市惠济区天河路1号',
  phone: '0371-63501234',
  website: 'hjzrzy.example.gov.cn',
};

beforeEach(async () => {
  db = await stationDb(now);
});
afterEach(() => db.close());

const admin = async () => {
  const u = (await db.users.toArray())[0]!;
  return { id: u.id, name: u.name, role: u.role };
};

describe('office contact details', () => {
  it('an administrator sets them; the change is an event and the chain still verifies', async () => {
    const r = await updateStationContact(db, await admin(), contact, now);
    expect(r.ok).toBe(true);
    expect(await getStation(db)).toMatchObject(contact);
    expect((await db.events.toArray()).at(-1)?.type).toBe('station.contact_changed');
    expect((await verifyLog(db, now)).ok).toBe(true);
  });

  it('someone who only claims to be an administrator is refused, and nothing is written', async () => {
    const before = await db.events.count();
    const r = await updateStationContact(
      db,
      { id: 'u-clerk', name: '李窗口', role: 'admin' },
      contact,
      now,
    );
    expect(r).toEqual({ ok: false, problem: 'not_admin' });
    expect(await db.events.count()).toBe(before);
    expect((await getStation(db))?.phone).toBeUndefined();
  });

  it('a phone that is neither a landline with area code nor a mobile is refused', async () => {
    const r = await updateStationContact(db, await admin(), { ...contact, phone: '63501234' }, now);
    expect(r).toEqual({ ok: false, problem: 'phone' });
  });
});
