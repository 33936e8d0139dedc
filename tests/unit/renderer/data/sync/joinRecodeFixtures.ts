// The island of the re-coding tests (joinRecode.test.ts, joinRecodeRefusals.test.ts): X is the
// hall's HJ09 (pushed); Y ran alone as HJ09 with two cases, one issued, and is enrolled and held
// by the join check. The host the re-coding flow talks to is faked over the hall model.
import { expect } from 'vitest';
import type { OneWindowDb } from '../../../../../renderer/src/data/db';
import type { RecodeHall } from '../../../../../renderer/src/data/join/joinRecodeFlow';
import { HallModel, ModelTransport } from './hallModel';
import { takeIn } from './fixtures';
import { adminOf, engineOf, enrolWith, hallWithHJ09, issued, station } from './joinFixtures';

/** The host as the flow sees it: enrolled under `code`; enrolling again records the call. */
export function fakeHall(hall: HallModel, code: string) {
  const state = { code, enrolled: [] as string[] };
  const host: RecodeHall = {
    pull: (args) => new ModelTransport(hall, state.code).pull(args),
    status: async () => ({
      enrolled: true,
      serverUrl: 'https://hall.test',
      stationCode: state.code,
      fingerprint: null,
      kind: 'counter',
    }),
    enrol: async (args) => {
      state.enrolled.push(`${args.stationCode} ${args.code} ${args.label}`);
      state.code = args.stationCode;
      return { heads: hall.headsOf(args.stationCode) };
    },
  };
  return { host, state };
}

/** X (the hall's HJ09, pushed) and Y (an island that ran as HJ09), Y enrolled and held. */
export async function islandWithTheHallsCode() {
  const { hall, x, ex } = await hallWithHJ09();
  const y = await station('HJ09', 'guanli');
  await takeIn(y, 'case-y1');
  await issued(y, 'case-y2');
  const adminY = await adminOf(y);
  await enrolWith(y, adminY);
  const ey = engineOf(y, hall, 'HJ09');
  expect(await ey.pushAll()).toEqual({ kind: 'held' });
  return { hall, x, ex, y, adminY, stale: ey };
}

export const snapshot = async (db: OneWindowDb) => ({
  events: await db.events.toArray(),
  meta: (await db.meta.toArray()).filter((r) => r.key !== 'integrity'),
  cases: await db.cases.toArray(),
  certificates: await db.certificates.toArray(),
  archive: await db.recodedEvents.count(),
});
