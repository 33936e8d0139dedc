// Island stations for the join tests (join.test.ts): each its own fake-indexeddb database, set
// up alone with an administrator of its own name, with cases taken in and certificates issued on
// the station's own counters — as a station that ran before the hall existed holds them.
import { afterEach } from 'vitest';
import type { OneWindowDb } from '../../../../../renderer/src/data/db';
import { dispatch } from '../../../../../renderer/src/data/dispatch';
import type { EventActor } from '../../../../../renderer/src/data/eventTypes';
import { enrolStation } from '../../../../../renderer/src/data/hallEnrolment';
import { setupStation } from '../../../../../renderer/src/data/station';
import { SyncEngine } from '../../../../../renderer/src/data/sync/engine';
import type { Command } from '../../../../../renderer/src/domain';
import { actors } from '../../domain/workflowFixtures';
import { HallModel, ModelTransport } from './hallModel';
import { dbName, NOW, openDb, takeIn } from './fixtures';

export const opts = { now: NOW, iterations: 1000 };
const ADMIN_PASSWORD = 'Str0ng-enough-pass';
export const open: OneWindowDb[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

export async function station(code: string, adminName = 'admin') {
  const db = openDb(dbName(code));
  await setupStation(
    db,
    {
      officeName: '郑州市惠济区自然资源和规划局',
      officeShortName: '惠济规划',
      divisionCode: '410108',
      stationCode: code,
      admin: { username: adminName, name: '管理员', password: ADMIN_PASSWORD },
    },
    opts,
  );
  open.push(db);
  return db;
}

export const adminOf = async (db: OneWindowDb): Promise<EventActor> => {
  const u = (await db.users
    .where('role')
    .equals('admin')
    .filter((r) => r.disabled === 0)
    .first())!;
  return { id: u.id, name: u.name, role: u.role };
};

/** Taken in (a notice number), reviewed, verified, approved, issued (a certificate number). */
export async function issued(db: OneWindowDb, caseId: string) {
  await takeIn(db, caseId);
  for (const [type, actor] of [
    ['review', actors.reviewer],
    ['verify', actors.chief],
    ['approve', actors.director],
  ] as const) {
    const r = await dispatch(db, { type, caseId, opinion: '同意' } as Command, {
      actor,
      now: NOW,
    });
    if (!r.ok) throw new Error(JSON.stringify(r.refusal));
  }
  const r = await dispatch(
    db,
    { type: 'certificateIssued', caseId, number: '', external: false } as Command,
    { actor: actors.clerk, now: NOW },
  );
  if (!r.ok) throw new Error(JSON.stringify(r.refusal));
}

/** Pushes and pulls until nothing moves (each engine). */
export async function syncAll(...engines: SyncEngine[]) {
  for (let round = 0; round < 3; round++) {
    for (const e of engines) await e.pushAll();
    for (const e of engines)
      for (let r = await e.pullOnce(); r.kind === 'ok' && r.more;) r = await e.pullOnce();
  }
}

export const enrolWith = (db: OneWindowDb, actor: EventActor) =>
  enrolStation(
    db,
    actor,
    { serverUrl: 'https://hall.test', code: 'ABCD-EFGH-JKLM', label: '窗口', kind: 'counter' },
    {
      hallEnrol: async () =>
        ({ hallId: 'h', hallName: '惠济区政务服务大厅', serverTime: NOW.toISOString() }) as never,
    },
  );

export const mine = (hall: HallModel, code: string) =>
  hall.events.filter((h) => h.event.stationId === code).length;

/** A sync engine of `db` against the hall model as station `code`, on the fixtures' clock. */
export const engineOf = (db: OneWindowDb, hall: HallModel, code: string) =>
  new SyncEngine({ db, transport: new ModelTransport(hall, code), now: () => NOW });

/** A hall whose HJ09 is X, with one case (case-x) pushed — the code an island also ran as. */
export async function hallWithHJ09() {
  const hall = new HallModel();
  const x = await station('HJ09');
  await takeIn(x, 'case-x');
  const ex = engineOf(x, hall, 'HJ09');
  await syncAll(ex);
  return { hall, x, ex };
}
