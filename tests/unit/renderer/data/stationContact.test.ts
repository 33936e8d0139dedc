import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  getStation,
  missingContact,
  setupProblems,
  setupStation,
  updateStationContact,
} from '../../../../renderer/src/data/station';
import { verifyLog } from '../../../../renderer/src/data/integrity';
import type { OneWindowDb } from '../../../../renderer/src/data/db';
import { freshDb, stationDb } from './helpers';

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

  it('the review body and court are stored with the rest, and what is missing is named', async () => {
    expect(missingContact(await getStation(db))).toEqual([
      'address',
      'phone',
      'website',
      'reviewBody',
      'court',
    ]);
    const full = { ...contact, reviewBody: ' 郑州市惠济区人民政府 ', court: '' };
    const r = await updateStationContact(db, await admin(), full, now);
    expect(r.ok).toBe(true);
    const station = await getStation(db);
    expect(station).toMatchObject({ ...contact, reviewBody: '郑州市惠济区人民政府', court: '' });
    expect(missingContact(station)).toEqual(['court']);
    expect((await db.events.toArray()).at(-1)?.payload).toMatchObject({
      reviewBody: '郑州市惠济区人民政府',
    });
  });
});

describe('office contact details at set-up', () => {
  const input = {
    officeName: '郑州市惠济区自然资源和规划局',
    officeShortName: '惠济规划',
    divisionCode: '410108',
    stationCode: 'HJ02',
    admin: { username: 'admin', name: '管理员', password: 'Str0ng-enough-pass' },
  };

  it('are taken at set-up when given, and left absent when not', async () => {
    const fresh = freshDb();
    const { station } = await setupStation(
      fresh,
      { ...input, contact: { phone: '0371-63501234', website: '', reviewBody: '郑州市人民政府' } },
      { now, iterations: 1000 },
    );
    expect(station.phone).toBe('0371-63501234');
    expect(station.reviewBody).toBe('郑州市人民政府');
    expect(station).not.toHaveProperty('website');
    expect(missingContact(await getStation(fresh))).toEqual(['address', 'website', 'court']);
    expect((await fresh.events.toArray())[0]?.payload).toMatchObject({ phone: '0371-63501234' });
    fresh.close();
  });

  it('a wrong phone at set-up is named before anything is saved', () => {
    expect(setupProblems({ ...input, contact: { phone: '63501234' } })).toEqual(['phone']);
    expect(setupProblems({ ...input, contact: { address: '长'.repeat(201) } })).toEqual([
      'address',
    ]);
    expect(setupProblems(input)).toEqual([]);
  });
});
