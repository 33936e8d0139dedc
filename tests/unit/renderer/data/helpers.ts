// Test helpers for the data layer: a fresh fake-indexeddb database per test.
import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import { OneWindowDb } from '../../../../renderer/src/data/db';
import { setupStation, type SetupInput } from '../../../../renderer/src/data/station';
import { createUser } from '../../../../renderer/src/data/users';
import type { Role } from '../../../../renderer/src/domain';

let n = 0;
export function freshDb() {
  n += 1;
  return new OneWindowDb(`test-${process.pid}-${n}-${Date.now()}`, { indexedDB, IDBKeyRange });
}

/** Few PBKDF2 iterations: tests about roles, logs and backups, not about its cost (authPassword.test.ts). */
export const FAST = { iterations: 1_000 };

/** The set-up of station HJ01 of 惠济区 (410108) with its administrator `admin`. */
export const setupOf = (overrides: Partial<SetupInput> = {}): SetupInput => ({
  officeName: '郑州市惠济区自然资源和规划局',
  officeShortName: '惠济资规',
  divisionCode: '410108',
  stationCode: 'HJ01',
  admin: { username: 'admin', name: '王管理', password: 'admin password' },
  ...overrides,
});

export const clerk = { id: 'u-clerk', name: '张敏', role: 'clerk' as const };
export const station = { stationId: 'HJ01' };

/**
 * A fresh database with the station HJ01 (惠济区, 410108) set up and its administrator — what
 * every dispatch needs. PBKDF2 runs at 1,000 iterations here: these tests are not about it.
 */
export async function stationDb(now: Date) {
  const db = freshDb();
  await setupStation(
    db,
    {
      officeName: '郑州市惠济区自然资源和规划局',
      officeShortName: '惠济规划',
      divisionCode: '410108',
      stationCode: 'HJ01',
      admin: { username: 'admin', name: '管理员', password: 'Str0ng-enough-pass' },
    },
    { now, iterations: 1000 },
  );
  return db;
}

/**
 * A station (stationDb) with a director, a section chief and a clerk created by its
 * administrator: what role checks against the stored user need. Actors as the screens pass them.
 */
export async function stationWithStaff(now: Date) {
  const db = await stationDb(now);
  const admin = (await db.users.where('username').equals('admin').first())!;
  const adminActor = { id: admin.id, name: admin.name, role: admin.role };
  const make = async (username: string, role: Role) => {
    const u = await createUser(
      db,
      adminActor,
      { username, name: username, password: 'long enough pass', role },
      { iterations: 1000, now },
    );
    return { id: u.id, name: u.name, role: u.role };
  };
  return {
    db,
    admin: adminActor,
    director: await make('director', 'director'),
    chief: await make('chief', 'chief'),
    clerk: await make('clerk', 'clerk'),
  };
}
