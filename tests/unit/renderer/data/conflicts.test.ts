// The conflict queue (同步冲突): a review decided on version 1 on another station arrives after
// this station's own review moved the case to 审核; refoldStreams parks it. The queue lists it
// with the case, who did what on which station, what happened meanwhile and what the fold did;
// the step's owner (the chief), chiefs and the writer see it, others do not; acknowledging needs
// a note and is an event on conflict:<caseId> (never on the case's stream: the case's version
// does not move); a resolved entry leaves the open list; the rebuild from the log compares clean.
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
import {
  conflictQueue,
  markConflictRows,
  openConflictCount,
} from '../../../../renderer/src/data/conflicts';
import { CONFLICT_TERM } from '../../../../renderer/src/data/projection';
import { noteProblem, resolveConflict } from '../../../../renderer/src/data/conflictResolve';
import { createUser } from '../../../../renderer/src/data/users';
import { casePool } from '../domain/commandPool';
import { stationWithStaff } from './helpers';

let db: OneWindowDb | undefined;
afterEach(() => db?.close());
const now = new Date('2026-03-03T02:00:00Z');
const later = new Date('2026-03-03T03:00:00Z');
const cmd = (type: string) => casePool('c1', '').find((c) => c.type === type)!;
const FILLER = Number(process.env.OW_BENCH_CONFLICTS_CASES ?? 5000);
const foreignReviewer = { id: 'u-rev-hj02', name: '孙审查', role: 'reviewer' as const };

async function parkedReview(options: { hallFirst?: boolean } = {}) {
  const s = await stationWithStaff(now);
  db = s.db;
  const reviewer = await createUser(
    db,
    s.admin,
    { username: 'reviewer', name: '李审查', password: 'long enough pass', role: 'reviewer' },
    { iterations: 1000, now },
  );
  const rev = { id: reviewer.id, name: reviewer.name, role: reviewer.role };
  expect((await dispatch(db, cmd('accept'), { actor: s.clerk, now })).ok).toBe(true);
  expect((await dispatch(db, cmd('review'), { actor: rev, now })).ok).toBe(true);
  // HJ02's reviewer passed the case on version 1 too, while apart; the hall hands it over now,
  // with a rating decided on version 1 that still fits (merged).
  const base = { caseId: 'c1', on: '2026-03-03', basedOn: 1 };
  await db.transaction('rw', refoldTables(db).concat(db.meta), async () => {
    await append(
      db!,
      { stationId: 'HJ02' },
      'case:c1',
      [
        {
          type: 'caseReviewed',
          payload: { type: 'caseReviewed', ...base, opinion: 'B：拟同意。', by: foreignReviewer },
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
      foreignReviewer,
      now,
    );
    if (options.hallFirst) {
      // The hall ordered HJ02's events before this station's review, still pending here: the
      // acceptance and HJ02's events are confirmed (gseq), the own review folds after them.
      const stream = await db!.events.where('streamId').equals('case:c1').sortBy('pos');
      let gseq = 0;
      for (const e of stream)
        if (!(e.type === 'caseReviewed' && e.stationId === 'HJ01'))
          await db!.events.update(e.pos!, { gseq: (gseq += 1) });
    }
    const r = await refoldStreams(db!, ['case:c1']);
    expect(r.report.map((x) => [x.type, x.outcome])).toEqual(
      options.hallFirst
        ? [
            ['ratingRecorded', 'merged'],
            ['caseReviewed', 'parked'],
          ]
        : [
            ['caseReviewed', 'parked'],
            ['ratingRecorded', 'merged'],
          ],
    );
  });
  return { ...s, reviewer: rev };
}

describe('the conflict queue', () => {
  it('lists the parked review with the case, the writer, what came meanwhile and what the fold did', async () => {
    const s = await parkedReview();
    const q = await conflictQueue(db!, s.chief.id);
    if (!q.ok) throw new Error(q.code);
    expect(q.resolved).toEqual([]);
    const byType = new Map(q.open.map((e) => [e.event.type, e]));
    expect([...byType.keys()].sort()).toEqual(['caseReviewed', 'ratingRecorded']);
    const parked = byType.get('caseReviewed')!;
    const state = (await db!.cases.get('c1'))!.state as CaseState;
    expect(parked.subject).toEqual({
      kind: 'case',
      stream: 'case:c1',
      caseId: 'c1',
      caseNo: state.caseNo,
      matter: { code: state.matter.code, name: state.matter.name, nameEn: state.matter.nameEn },
      status: 'verify',
      owner: 'chief',
    });
    expect(parked.event).toMatchObject({
      type: 'caseReviewed',
      stationId: 'HJ02',
      actor: foreignReviewer,
      text: 'B：拟同意。',
    });
    expect(parked.basedOn).toBe(1);
    expect(parked.fold).toEqual({ outcome: 'parked', reason: 'not_admitted', version: 2 });
    // Meanwhile: this station's own review, which moved the case from version 1 to 2.
    expect(parked.meanwhile.map((m) => [m.type, m.stationId, m.actor.id])).toEqual([
      ['caseReviewed', 'HJ01', s.reviewer.id],
    ]);
    const merged = byType.get('ratingRecorded')!;
    expect(merged.fold).toEqual({ outcome: 'merged', version: 2 });
    expect(merged.meanwhile.map((m) => m.type)).toEqual(['caseReviewed']);
    // The merge is kept in the case state beside parked, so every station folds the same bytes.
    expect(state.merged).toEqual([
      { eventId: merged.event.id, type: 'ratingRecorded', basedOn: 1, version: 2 },
    ]);
  });

  it('shows it to the step owner and chiefs only; the count is theirs', async () => {
    const s = await parkedReview();
    expect(await openConflictCount(db!, s.chief.id)).toBe(2);
    // The case is at 审核: the director, the clerk and this station's reviewer do not own it.
    for (const other of [s.director, s.clerk, s.reviewer]) {
      const q = await conflictQueue(db!, other.id);
      expect(q).toEqual({ ok: true, open: [], resolved: [] });
      expect(await openConflictCount(db!, other.id)).toBe(0);
    }
    expect(await conflictQueue(db!, 'u-nobody')).toEqual({ ok: false, code: 'forbidden' });
    // A non-owner cannot resolve it either (checked against the stored user).
    const q = await conflictQueue(db!, s.chief.id);
    const eventId = q.ok ? q.open.find((e) => e.event.type === 'caseReviewed')!.event.id : '';
    expect(
      await resolveConflict(db!, s.director, {
        eventId,
        resolution: 'acknowledged',
        note: '已知悉此事',
      }),
    ).toEqual({ ok: false, code: 'forbidden' });
  });

  it('acknowledging needs a note, records an event off the case stream, and leaves the open list', async () => {
    const s = await parkedReview();
    const q = await conflictQueue(db!, s.chief.id);
    if (!q.ok) throw new Error(q.code);
    const eventId = q.open.find((e) => e.event.type === 'caseReviewed')!.event.id;
    const before = await db!.events.count();
    const caseBefore = await db!.cases.get('c1');
    expect(noteProblem('acknowledged', ' 好的 ')).toBe('note_required');
    expect(noteProblem('redo', '')).toBeNull();
    expect(noteProblem('acknowledged', '审'.repeat(501))).toBe('note_too_long');
    expect(
      await resolveConflict(db!, s.chief, { eventId, resolution: 'acknowledged', note: '好的' }),
    ).toEqual({ ok: false, code: 'note_required' });
    expect(await db!.events.count()).toBe(before);
    const done = await resolveConflict(
      db!,
      s.chief,
      { eventId, resolution: 'acknowledged', note: '  两站同日审查，以一号窗口意见为准。 ' },
      later,
    );
    expect(done.ok).toBe(true);
    const recorded = (await db!.events.where('streamId').equals('conflict:c1').toArray())!;
    expect(recorded.map((e) => [e.type, e.payload, e.actor.id, e.at])).toEqual([
      [
        'conflict.resolved',
        {
          subject: 'case:c1',
          eventId,
          outcome: 'parked',
          resolution: 'acknowledged',
          note: '两站同日审查，以一号窗口意见为准。',
        },
        s.chief.id,
        later.toISOString(),
      ],
    ]);
    // The case's version and row do not move: nothing on another station is parked by this.
    expect(await db!.cases.get('c1')).toEqual(caseBefore);
    const after = await conflictQueue(db!, s.chief.id);
    if (!after.ok) throw new Error(after.code);
    expect(after.open.map((e) => e.event.type)).toEqual(['ratingRecorded']);
    expect(
      after.resolved.map((e) => [e.event.id, e.resolution?.note, e.resolution?.by.id]),
    ).toEqual([[eventId, '两站同日审查，以一号窗口意见为准。', s.chief.id]]);
    expect(await openConflictCount(db!, s.chief.id)).toBe(1);
    expect(await resolveConflict(db!, s.chief, { eventId, resolution: 'redo', note: '' })).toEqual({
      ok: false,
      code: 'already_resolved',
    });
    expect(
      await resolveConflict(db!, s.chief, { eventId: 'HJ09-1', resolution: 'redo', note: '' }),
    ).toEqual({ ok: false, code: 'not_found' });
    // The rebuild from the log agrees with every read table.
    const rebuilt = await rebuildReadTables(db!, s.admin);
    if (!rebuilt.ok) throw new Error(rebuilt.code);
    expect(rebuilt.report.differences).toBe(0);
    expect(rebuilt.report.outcomes.map((o) => [o.type, o.outcome])).toEqual([
      ['caseReviewed', 'parked'],
      ['ratingRecorded', 'merged'],
    ]);
  });

  it('redo needs no note, is recorded as such, and leaves the parked event in the log', async () => {
    const s = await parkedReview();
    const q = await conflictQueue(db!, s.chief.id);
    if (!q.ok) throw new Error(q.code);
    const merged = q.open.find((e) => e.fold.outcome === 'merged')!;
    const r = await resolveConflict(db!, s.chief, {
      eventId: merged.event.id,
      resolution: 'redo',
      note: '',
    });
    expect(r.ok && r.entry.event.type).toBe('ratingRecorded');
    const [e] = await db!.events.where('streamId').equals('conflict:c1').toArray();
    expect(e?.payload).toEqual({
      subject: 'case:c1',
      eventId: merged.event.id,
      outcome: 'merged',
      resolution: 'redo',
      note: '',
    });
    expect(
      (await db!.events.where('streamId').equals('case:c1').toArray()).filter(
        (x) => x.id === merged.event.id,
      ),
    ).toHaveLength(1);
    const after = await conflictQueue(db!, s.chief.id);
    expect(after.ok && after.resolved.map((x) => x.resolution?.resolution)).toEqual(['redo']);
  });

  it('tells the writer whose confirmed review the pull parked, although the step is not theirs', async () => {
    const s = await parkedReview({ hallFirst: true });
    const q = await conflictQueue(db!, s.reviewer.id);
    if (!q.ok) throw new Error(q.code);
    expect(
      q.open.map((e) => [e.event.type, e.event.stationId, e.event.actor.id, e.fold.outcome]),
    ).toEqual([['caseReviewed', 'HJ01', s.reviewer.id, 'parked']]);
    expect(q.open[0]!.meanwhile.map((m) => [m.type, m.stationId])).toEqual([
      ['caseReviewed', 'HJ02'],
      ['ratingRecorded', 'HJ02'],
    ]);
    expect(q.open[0]!.fold).toEqual({ outcome: 'parked', reason: 'not_admitted', version: 3 });
    expect(await openConflictCount(db!, s.reviewer.id)).toBe(1);
    expect(await openConflictCount(db!, s.director.id)).toBe(0);
  });

  it('reads only the cases with parked or merged events, through the terms index', async () => {
    const s = await parkedReview();
    const c1 = (await db!.cases.get('c1'))!;
    expect(c1.terms).toContain(CONFLICT_TERM);
    // 5,000 other cases, none with a conflict; and c1 as a row stored before the index entry.
    const plain = { ...(c1.state as CaseState), parked: [], merged: [] };
    await db!.cases.bulkPut(
      Array.from({ length: FILLER }, (_, i) => ({
        ...c1,
        id: `f${i}`,
        caseNo: `HJ01-20260303-${String(i).padStart(5, '0')}`,
        terms: c1.terms.filter((t) => t !== CONFLICT_TERM),
        state: { ...plain, caseId: `f${i}` },
      })),
    );
    await db!.cases.put({ ...c1, terms: c1.terms.filter((t) => t !== CONFLICT_TERM) });
    let read = 0;
    const count = () => void (read += 1);
    db!.cases.hook('reading', (row) => (count(), row));
    const timed = async () => {
      read = 0;
      const t0 = performance.now();
      const q = await conflictQueue(db!, s.chief.id);
      return { q, read, ms: performance.now() - t0 };
    };
    // Before the start's upkeep: every row, as the queue always read them.
    const before = await timed();
    expect(before.read).toBe(FILLER + 1);
    expect(before.q.ok && before.q.open.map((e) => e.event.type).sort()).toEqual([
      'caseReviewed',
      'ratingRecorded',
    ]);
    // The upkeep gives the one stored row its entry, once; then the queue reads that row only.
    expect(await markConflictRows(db!, 1000)).toBe(1);
    expect(await markConflictRows(db!)).toBe(0);
    const after = await timed();
    expect(after.read).toBe(1);
    expect(after.q).toEqual(before.q);
    expect(await openConflictCount(db!, s.chief.id)).toBe(2);
    if (process.env.OW_BENCH_CONFLICTS)
      console.log(
        `conflict queue, ${FILLER + 1} cases: scan ${before.ms.toFixed(1)} ms (${before.read} rows read), ` +
          `index ${after.ms.toFixed(1)} ms (${after.read} row read)`,
      );
  }, 60_000);

  it('a case row the fold writes carries the entry exactly while it has conflicts', async () => {
    await parkedReview();
    const indexed = await db!.cases.where('terms').equals(CONFLICT_TERM).primaryKeys();
    expect(indexed).toEqual(['c1']);
    // The rebuild from the log gives the same rows (the entry is part of projectCase).
    await db!.transaction('rw', refoldTables(db!).concat(db!.meta), () =>
      refoldStreams(db!, ['case:c1']),
    );
    expect(await db!.cases.where('terms').equals(CONFLICT_TERM).primaryKeys()).toEqual(['c1']);
  });
});
