// refoldStreams: events pulled from another station enter the log (here appended as the hall's
// sync will append them), and the case's read rows are refolded from its stream in log order —
// a stale event the case still admits is merged, one it no longer admits is parked (kept in the
// log, listed in state.parked, no effect), an unknown or newer one is skipped.
import { afterEach, describe, expect, it } from 'vitest';
import type { CaseState } from '../../../../renderer/src/domain';
import type { OneWindowDb } from '../../../../renderer/src/data/db';
import { dispatch } from '../../../../renderer/src/data/dispatch';
import { append } from '../../../../renderer/src/data/log';
import {
  rebuildReadTables,
  refoldStreams,
  refoldTables,
} from '../../../../renderer/src/data/rebuild';
import { casePool } from '../domain/commandPool';
import { actors } from '../domain/workflowFixtures';
import { stationWithStaff } from './helpers';

let db: OneWindowDb | undefined;
afterEach(() => db?.close());
const now = new Date('2026-03-03T02:00:00Z');
const cmd = (type: string) => casePool('c1', '').find((c) => c.type === type)!;

describe('refoldStreams', () => {
  it('merges what still applies, parks what does not, and rewrites the case row', async () => {
    const s = await stationWithStaff(now);
    db = s.db;
    for (const [type, actor] of [
      ['accept', actors.clerk],
      ['review', actors.reviewer],
      ['verify', actors.chief],
    ] as const) {
      const r = await dispatch(db, cmd(type), { actor, now });
      expect(r.ok).toBe(true);
    }
    const events = await db.events.where('streamId').equals('case:c1').sortBy('pos');
    expect(events.map((e) => e.payload['basedOn'])).toEqual([0, 1, 2]);
    // What another station decided on version 2 (the case at 审核) and the hall passes on: a
    // return to 审查 (no longer possible: the case has moved on to 审批) and a rating (still fine).
    const foreign = { stationId: 'HJ02' };
    const base = { caseId: 'c1', on: '2026-03-03', basedOn: 2 };
    const chief2 = { id: 'u-chief-2', name: '钱科长', role: 'chief' as const };
    await db.transaction('rw', refoldTables(db).concat(db.meta), async () => {
      await append(
        db!,
        foreign,
        'case:c1',
        [
          {
            type: 'caseReturned',
            payload: {
              type: 'caseReturned',
              ...base,
              from: 'verify',
              to: 'review',
              reason: '补充',
              by: chief2,
            },
          },
          {
            type: 'ratingRecorded',
            payload: {
              type: 'ratingRecorded',
              ...base,
              ratingId: 'r-hj02',
              channel: 'counter',
              overall: 4,
              bad: false,
            },
          },
        ],
        chief2,
        now,
      );
      const r = await refoldStreams(db!, ['case:c1']);
      expect(r.report.map((x) => [x.type, x.outcome, x.reason])).toEqual([
        ['caseReturned', 'parked', 'not_admitted'],
        ['ratingRecorded', 'merged', undefined],
      ]);
    });
    const row = (await db.cases.get('c1'))!;
    const state = row.state as CaseState;
    expect(row.status).toBe('approval');
    expect(row.inboxRole).toBe('director');
    expect(row.version).toBe(4);
    expect(state.returns).toEqual([]);
    expect(state.ratings.map((x) => x.ratingId)).toEqual(['r-hj02']);
    const returnedId = (await db.events.toArray()).find((e) => e.type === 'caseReturned')!.id;
    expect(state.parked).toEqual([
      {
        eventId: returnedId,
        type: 'caseReturned',
        basedOn: 2,
        version: 3,
        reason: 'not_admitted',
      },
    ]);
    // The station goes on from what it sees: the director approves on version 4.
    const approved = await dispatch(db, cmd('approve'), {
      actor: actors.director,
      now,
      expectedVersion: 4,
    });
    expect(approved.ok && approved.state?.status).toBe('approved');
    expect(approved.ok && approved.events[0]?.payload['basedOn']).toBe(4);
    // And a full rebuild agrees with what the refold and dispatch wrote, and names the parked event.
    const rebuilt = await rebuildReadTables(db, s.admin);
    if (!rebuilt.ok) throw new Error(rebuilt.code);
    expect(rebuilt.report.differences).toBe(0);
    expect(rebuilt.report.outcomes.map((o) => o.outcome)).toEqual(['parked', 'merged']);
  });

  it('keeps an unknown or newer event in the log and skips it: the case is never wiped', async () => {
    const s = await stationWithStaff(now);
    db = s.db;
    expect((await dispatch(db, cmd('accept'), { actor: actors.clerk, now })).ok).toBe(true);
    const before = (await db.cases.get('c1'))!;
    await db.transaction('rw', refoldTables(db).concat(db.meta), async () => {
      const r = await refoldStreams(db!, ['case:c1']);
      expect(r.report).toEqual([]);
    });
    // A stored event of an unknown type and one of a newer envelope, put in the log as a restore
    // or a sync would: the fold reports both and the case row stays as it was.
    const last = (await db.events.orderBy('pos').last())!;
    await db.transaction('rw', db.events, async () => {
      await db!.events.bulkAdd([
        { ...last, pos: undefined, id: 'HJ09-1', type: 'caseTeleported' },
        { ...last, pos: undefined, id: 'HJ09-2', schema: 3 },
      ]);
    });
    const r = await db.transaction('rw', refoldTables(db), () => refoldStreams(db!, ['case:c1']));
    expect(r.report.map((x) => [x.eventId, x.outcome, x.reason])).toEqual([
      ['HJ09-1', 'skipped', 'unknown_type'],
      ['HJ09-2', 'skipped', 'newer_schema'],
    ]);
    expect(await db.cases.get('c1')).toEqual(before);
  });
});
