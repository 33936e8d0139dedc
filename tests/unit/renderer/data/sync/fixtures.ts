// Stations for the sync tests: each its own fake-indexeddb database, set up with its own code.
import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import { OneWindowDb } from '../../../../../renderer/src/data/db';
import { setupStation } from '../../../../../renderer/src/data/station';
import { dispatch, type DispatchOptions } from '../../../../../renderer/src/data/dispatch';
import type { Command } from '../../../../../renderer/src/domain';
import { acceptOf, actors } from '../../domain/workflowFixtures';

export const NOW = new Date('2026-03-02T02:00:00Z');

let n = 0;
export const dbName = (code: string) => `sync-${code}-${process.pid}-${++n}-${Date.now()}`;

export const openDb = (name: string) => new OneWindowDb(name, { indexedDB, IDBKeyRange });

export async function stationNamed(
  code: string,
  name = dbName(code),
  now = NOW,
  adminUsername = 'admin',
) {
  const db = openDb(name);
  await setupStation(
    db,
    {
      officeName: '郑州市惠济区自然资源和规划局',
      officeShortName: '惠济规划',
      divisionCode: '410108',
      stationCode: code,
      admin: { username: adminUsername, name: '管理员', password: 'Str0ng-enough-pass' },
    },
    { now, iterations: 1000 },
  );
  return db;
}

export const accept = (caseId: string): Command => ({
  ...(acceptOf() as Extract<Command, { type: 'accept' }>),
  caseId,
  caseNo: '',
});

export async function takeIn(
  db: OneWindowDb,
  caseId: string,
  now = NOW,
  attachments?: DispatchOptions['attachments'],
) {
  const r = await dispatch(db, accept(caseId), { actor: actors.clerk, now, attachments });
  if (!r.ok) throw new Error(JSON.stringify(r.refusal));
  return r;
}

export async function review(db: OneWindowDb, caseId: string, now = NOW) {
  const row = await db.cases.get(caseId);
  return dispatch(
    db,
    { type: 'review', caseId, opinion: '材料齐全，符合规划条件' },
    { actor: actors.reviewer, now, expectedVersion: row?.version ?? 0 },
  );
}
