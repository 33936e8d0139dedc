// 一次一评 and the appeal (domain/rating.ts, decideRating.ts): only the rating device records a
// rating — a clerk is refused even where a bureau's table would let her; the chief appeals, the
// director decides, once each; an upheld appeal keeps the rating but leaves it out of the figures.
import { describe, expect, it } from 'vitest';
import {
  admits,
  decide,
  defaultPermissions,
  evolve,
  type Actor,
  type CaseEvent,
  type CaseState,
  type Command,
  type PermissionTable,
} from '../../../../renderer/src/domain';
import { monthlyFigures } from '../../../../renderer/src/domain/stats';
import { NOW, acceptOf, actors, placeHJ02 } from './workflowFixtures';

const c = { caseId: 'c1' };

function run(steps: [Command, Actor][], start: CaseState | null = null): CaseState {
  let state = start;
  for (const [cmd, actor] of steps) {
    const d = decide(state, cmd, actor, NOW);
    if (!d.ok) throw new Error(`${cmd.type} refused: ${JSON.stringify(d.refusal)}`);
    for (const e of d.events) state = evolve(state, e);
  }
  return state as CaseState;
}

const rate = (overall: 1 | 2 | 3 | 4 | 5, over: Partial<Command> = {}): Command =>
  ({
    type: 'ratingRecorded',
    ...c,
    ratingId: `r-${overall}`,
    channel: 'device',
    overall,
    place: placeHJ02,
    ...over,
  }) as Command;

const accepted = () => run([[acceptOf(), actors.clerk]]);
const refusalOf = (state: CaseState, cmd: Command, actor: Actor, ctx = {}) => {
  const d = decide(state, cmd, actor, NOW, ctx);
  return d.ok ? 'ok' : d.refusal.code;
};

describe('the rating is the applicant’s tap on the device', () => {
  it('records a device rating with its window, clerk and ticked reasons; 1–2 are bad', () => {
    const s = run([[rate(2, { reasons: ['slow', 'notToldAtOnce'] }), actors.device]], accepted());
    expect(s.ratings).toEqual([
      {
        ratingId: 'r-2',
        channel: 'device',
        overall: 2,
        bad: true,
        on: '2026-03-02',
        place: { window: 'HJ02', clerkId: 'u-clerk', clerkName: '王窗口' },
        reasons: ['slow', 'notToldAtOnce'],
      },
    ]);
    const good = run([[rate(4), actors.device]], accepted());
    expect(good.ratings.map((r) => [r.overall, r.bad, r.reasons])).toEqual([[4, false, undefined]]);
  });

  it('refuses a clerk: by the table, and by the rule even where a table lets clerks rate', () => {
    const s = accepted();
    expect(decide(s, rate(5), actors.clerk, NOW)).toEqual({
      ok: false,
      refusal: { code: 'forbidden_role', params: { command: 'ratingRecorded', role: 'clerk' } },
    });
    const lenient: PermissionTable = { ...defaultPermissions, ratingRecorded: ['clerk', 'device'] };
    expect(refusalOf(s, rate(5), actors.clerk, { permissions: lenient })).toBe(
      'rating_not_from_device',
    );
    // A counter rating (the old clerk's form) is refused even from the device.
    expect(refusalOf(s, rate(5, { channel: 'counter' }), actors.device)).toBe(
      'rating_not_from_device',
    );
    for (const who of [actors.reviewer, actors.chief, actors.director, actors.admin])
      expect(refusalOf(s, rate(5), who)).toBe('forbidden_role');
  });

  it('refuses a rating without its window and clerk, reasons on a good one, an unknown reason, the same request twice', () => {
    const s = accepted();
    expect(refusalOf(s, rate(5, { place: undefined }), actors.device)).toBe('invalid_rating');
    expect(refusalOf(s, rate(5, { place: { ...placeHJ02, clerkName: ' ' } }), actors.device)).toBe(
      'invalid_rating',
    );
    expect(refusalOf(s, rate(4, { reasons: ['slow'] }), actors.device)).toBe('invalid_rating');
    expect(refusalOf(s, rate(1, { reasons: ['rude' as 'slow'] }), actors.device)).toBe(
      'invalid_rating',
    );
    const rated = run([[rate(5), actors.device]], s);
    expect(refusalOf(rated, rate(5), actors.device)).toBe('already_rated');
  });

  it('the device may do nothing else', () => {
    const s = accepted();
    expect(refusalOf(s, { type: 'review', ...c, opinion: '同意' }, actors.device)).toBe(
      'forbidden_role',
    );
    expect(
      refusalOf(
        s,
        { type: 'appealRating', ...c, ratingId: 'r-1', reason: '误触评价' },
        actors.device,
      ),
    ).toBe('forbidden_role');
  });

  it('old counter ratings recorded by clerks stay valid in the fold', () => {
    const old: CaseEvent = {
      type: 'ratingRecorded',
      caseId: 'c1',
      ratingId: 'r-old',
      channel: 'counter',
      overall: 1,
      items: { efficiency: 1, serviceLevel: 1, attitude: 1 },
      bad: true,
      on: '2026-03-01',
    };
    const s = accepted();
    expect(admits(s, old)).toBe(true);
    expect(evolve(s, old)?.ratings).toEqual([
      { ratingId: 'r-old', channel: 'counter', overall: 1, bad: true, on: '2026-03-01' },
    ]);
  });
});

describe('the appeal (申诉)', () => {
  const appeal: Command = { type: 'appealRating', ...c, ratingId: 'r-1', reason: '申请人误触评价' };
  const uphold: Command = {
    type: 'decideRatingAppeal',
    ...c,
    ratingId: 'r-1',
    outcome: 'upheld',
    reason: '查看录像，属误触',
  };
  const bad = () => run([[rate(1, { reasons: ['attitude'] }), actors.device]], accepted());

  it('only the chief appeals, with a reason, once', () => {
    const s = bad();
    for (const who of [actors.clerk, actors.reviewer, actors.director, actors.admin])
      expect(refusalOf(s, appeal, who)).toBe('forbidden_role');
    expect(decide(s, { ...appeal, reason: '  太' } as Command, actors.chief, NOW)).toEqual({
      ok: false,
      refusal: { code: 'appeal_reason_required', params: { min: 4, max: 500 } },
    });
    expect(refusalOf(s, { ...appeal, ratingId: 'r-9' } as Command, actors.chief)).toBe(
      'rating_not_found',
    );
    const appealed = run([[appeal, actors.chief]], s);
    expect(appealed.ratings[0]?.appeal).toEqual({
      reason: '申请人误触评价',
      by: actors.chief,
      on: '2026-03-02',
    });
    expect(refusalOf(appealed, appeal, actors.chief)).toBe('already_appealed');
  });

  it('only the director decides, after an appeal, once', () => {
    const s = bad();
    expect(refusalOf(s, uphold, actors.director)).toBe('not_appealed');
    const appealed = run([[appeal, actors.chief]], s);
    for (const who of [actors.clerk, actors.reviewer, actors.chief, actors.admin])
      expect(refusalOf(appealed, uphold, who)).toBe('forbidden_role');
    expect(refusalOf(appealed, { ...uphold, reason: '' } as Command, actors.director)).toBe(
      'appeal_reason_required',
    );
    const decided = run([[uphold, actors.director]], appealed);
    expect(decided.ratings[0]?.appeal?.decision).toEqual({
      outcome: 'upheld',
      reason: '查看录像，属误触',
      by: actors.director,
      on: '2026-03-02',
    });
    // Kept on the case as it was given.
    expect(decided.ratings[0]).toMatchObject({ overall: 1, bad: true, reasons: ['attitude'] });
    expect(refusalOf(decided, { ...uphold, outcome: 'rejected' } as Command, actors.director)).toBe(
      'appeal_decided',
    );
  });

  it('admits holds the same rules for events decided elsewhere', () => {
    const s = bad();
    const appealed: CaseEvent = {
      type: 'case.rating_appealed',
      caseId: 'c1',
      ratingId: 'r-1',
      reason: '误触评价',
      by: actors.chief,
      on: '2026-03-02',
    };
    const decided: CaseEvent = {
      type: 'case.rating_appeal_decided',
      caseId: 'c1',
      ratingId: 'r-1',
      outcome: 'rejected',
      reason: '评价属实',
      by: actors.director,
      on: '2026-03-02',
    };
    expect([admits(s, appealed), admits(s, decided)]).toEqual([true, false]);
    const after = evolve(s, appealed)!;
    expect([admits(after, appealed), admits(after, decided)]).toEqual([false, true]);
    expect(admits(evolve(after, decided)!, decided)).toBe(false);
  });

  it('the figures leave out a rating whose appeal was upheld, and keep a rejected one', () => {
    const base = bad();
    const upheld = run(
      [
        [appeal, actors.chief],
        [uphold, actors.director],
      ],
      base,
    );
    const rejected = run(
      [
        [appeal, actors.chief],
        [{ ...uphold, outcome: 'rejected', reason: '评价属实，整改' } as Command, actors.director],
      ],
      base,
    );
    const figures = (s: CaseState) =>
      monthlyFigures([{ state: s, clerk: { id: 'u-clerk', name: '王窗口' } }], {
        month: '2026-03',
        today: '2026-03-31',
      }).total;
    expect([figures(base).ratings, figures(base).badRatings]).toEqual([1, 1]);
    expect([figures(upheld).ratings, figures(upheld).badRatings]).toEqual([0, 0]);
    expect([figures(rejected).ratings, figures(rejected).badRatings]).toEqual([1, 1]);
    // Appealed but not yet decided: still counted.
    const pending = run([[appeal, actors.chief]], base);
    expect(figures(pending).badRatings).toBe(1);
  });
});
