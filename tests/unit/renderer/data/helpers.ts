// Test helpers for the data layer: a fresh fake-indexeddb database per test.
import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import { OneWindowDb } from '../../../../renderer/src/data/db';

let n = 0;
export function freshDb() {
  n += 1;
  return new OneWindowDb(`test-${process.pid}-${n}-${Date.now()}`, { indexedDB, IDBKeyRange });
}

export const clerk = { id: 'u-clerk', name: '张敏', role: 'clerk' as const };
export const station = { stationId: 'HJ01' };
