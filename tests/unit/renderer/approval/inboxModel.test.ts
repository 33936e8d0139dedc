import { describe, expect, it } from 'vitest';
import {
  buildInbox,
  passCommand,
  stepDeadline,
} from '../../../../renderer/src/features/approval/inboxModel';
import { addWorkingDays, workingDaysBetween } from '../../../../renderer/src/domain';
import { acceptedCase, actors, passed, rowOf, run } from './factory';

describe('buildInbox', () => {
  it('keeps only the role’s step; a case at another step is not in the inbox', () => {
    const atReview = acceptedCase();
    const atVerify = passed(acceptedCase(), ['review'], '2026-03-02T03:00:00Z');
    const rows = [rowOf(atReview), rowOf(atVerify)];
    expect(buildInbox(rows, 'reviewer', '2026-03-02').active.map((i) => i.row.id)).toEqual([
      atReview.caseId,
    ]);
    expect(buildInbox(rows, 'chief', '2026-03-02').active.map((i) => i.row.id)).toEqual([
      atVerify.caseId,
    ]);
    expect(buildInbox(rows, 'director', '2026-03-02').counts.total).toBe(0);
  });

  it('puts green-channel cases on top, then the earliest deadline first', () => {
    // Accepted on different days, so their promised due dates differ; the green-channel case
    // was accepted last, yet it is served first (same-day service).
    const early = acceptedCase('2026-03-02');
    const late = acceptedCase('2026-03-04');
    const green = acceptedCase('2026-03-05', { greenChannel: true });
    const box = buildInbox(
      [late, green, early].map((s) => rowOf(s)),
      'reviewer',
      '2026-03-05',
    );
    expect(box.active.map((i) => i.row.id)).toEqual([green.caseId, early.caseId, late.caseId]);
    expect(box.counts.greenChannel).toBe(1);
  });

  it('lists suspended cases of the step apart, and not in the counts of waiting cases', () => {
    const s = acceptedCase();
    const suspended = run(s, [
      [
        { type: 'suspend', caseId: s.caseId, kind: 'expertReview', reason: '专家评审' },
        actors.reviewer,
        '2026-03-02T03:00:00Z',
      ],
    ]);
    const waiting = acceptedCase();
    const box = buildInbox([rowOf(suspended), rowOf(waiting)], 'reviewer', '2026-03-03');
    expect(box.active.map((i) => i.row.id)).toEqual([waiting.caseId]);
    expect(box.suspended.map((i) => i.row.id)).toEqual([suspended.caseId]);
    expect(box.counts).toMatchObject({ total: 1, suspended: 1 });
    // A suspended case of another step is someone else's.
    expect(buildInbox([rowOf(suspended)], 'chief', '2026-03-03').counts.suspended).toBe(0);
  });

  it('filters by matter, light and green channel, while the counts stay those of the whole inbox', () => {
    const overdue = acceptedCase('2026-03-02'); // promised 2 working days: due 03-04
    const fresh = acceptedCase('2026-03-09');
    const other = acceptedCase('2026-03-09', { matterCode: 'GCGH-SZ' });
    const rows = [overdue, fresh, other].map((s) => rowOf(s));
    const today = '2026-03-09';
    const red = buildInbox(rows, 'reviewer', today, { matter: '', light: 'red', greenOnly: false });
    expect(red.active.map((i) => i.row.id)).toEqual([overdue.caseId]);
    expect(red.counts).toMatchObject({ total: 3, red: 1, shown: 1 });
    const byMatter = buildInbox(rows, 'reviewer', today, {
      matter: 'GCGH-SZ',
      light: 'all',
      greenOnly: false,
    });
    expect(byMatter.active.map((i) => i.row.id)).toEqual([other.caseId]);
    expect(byMatter.matters.map((m) => m.code)).toEqual(['GCGH-JZ', 'GCGH-SZ']);
    const greenOnly = buildInbox(rows, 'reviewer', today, {
      matter: '',
      light: 'all',
      greenOnly: true,
    });
    expect(greenOnly.active).toEqual([]);
  });
});

describe('stepDeadline', () => {
  it('moves the promised due date by the working days a running suspension has stopped', () => {
    const s = acceptedCase('2026-03-02');
    const before = stepDeadline(s, '2026-03-02');
    const suspended = run(s, [
      [
        { type: 'suspend', caseId: s.caseId, kind: 'hearing', reason: '听证' },
        actors.reviewer,
        '2026-03-02T03:00:00Z',
      ],
    ]);
    // Thursday: 03-03, 03-04, 03-05 stopped → three working days later than before.
    const during = stepDeadline(suspended, '2026-03-05');
    if (before.kind !== 'due' || during.kind !== 'due') throw new Error('no deadline');
    expect(during.suspendedDays).toBe(3);
    expect(during.promisedDueOn).toBe(addWorkingDays(before.promisedDueOn, 3));
  });

  it('estimates in weekdays across a year with no calendar, and says which year', () => {
    // A suspension still open in January 2027 counts working days of a year with no calendar yet.
    const s = acceptedCase('2026-03-02');
    const suspended = run(s, [
      [
        { type: 'suspend', caseId: s.caseId, kind: 'testing', reason: '检测' },
        actors.reviewer,
        '2026-03-02T03:00:00Z',
      ],
    ]);
    const d = stepDeadline(suspended, '2027-01-05');
    if (d.kind !== 'due') throw new Error('no deadline');
    expect(d.estimated).toEqual({ promised: [2027], legal: [2027] });
    // 2026-03-02 … 2027-01-05, Monday to Friday in 2027: the clock stood still since 03-02.
    expect(d.suspendedDays).toBe(workingDaysBetween('2026-03-02', '2026-12-31') + 3);
    const before = stepDeadline(suspended, '2026-12-01');
    if (before.kind !== 'due') throw new Error('no deadline');
    expect(before.estimated).toEqual({ promised: [], legal: [] });
  });
});

describe('passCommand', () => {
  it('names the command of the case’s step, and none once it has left approval', () => {
    const s = acceptedCase();
    expect(passCommand(s, '同意')).toMatchObject({ type: 'review', opinion: '同意' });
    const v = passed(s, ['review', 'verify'], '2026-03-02T03:00:00Z');
    expect(passCommand(v, '同意核发')?.type).toBe('approve');
    const done = run(v, [
      [
        { type: 'approve', caseId: v.caseId, opinion: '同意' },
        actors.director,
        '2026-03-02T04:00:00Z',
      ],
    ]);
    expect(passCommand(done, 'x')).toBeNull();
  });
});
