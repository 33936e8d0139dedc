import { describe, expect, it } from 'vitest';
import {
  availableActions,
  parseExpectedDays,
  withPhrase,
} from '../../../../renderer/src/features/approval/stepRules';
import { acceptedCase, actors, passed, run } from './factory';

const AT = '2026-03-02T03:00:00Z';

describe('availableActions', () => {
  it('offers each approver only what the permission table allows at the step', () => {
    const review = acceptedCase();
    // 审查 is the first step: no return; extension and denial are the director's.
    expect(availableActions(review, 'reviewer')).toEqual(['pass', 'suspend']);
    const approval = passed(acceptedCase(), ['review', 'verify'], AT);
    expect(availableActions(approval, 'director')).toEqual([
      'pass',
      'return',
      'suspend',
      'extend',
      'deny',
    ]);
    const verify = passed(acceptedCase(), ['review'], AT);
    expect(availableActions(verify, 'chief')).toEqual(['pass', 'return', 'suspend']);
    // A reviewer looking at the chief's case cannot pass it.
    expect(availableActions(verify, 'reviewer')).not.toContain('pass');
  });

  it('shows a clerk the step’s actions, so that the domain refuses them with its message', () => {
    expect(availableActions(acceptedCase(), 'clerk')).toEqual([
      'pass',
      'suspend',
      'extend',
      'deny',
    ]);
  });

  it('offers resume while suspended, and no second extension (Art. 42 allows one)', () => {
    const s = passed(acceptedCase(), ['review', 'verify'], AT);
    const extended = run(s, [
      [{ type: 'extend', caseId: s.caseId, reason: '多部门会审' }, actors.director, AT],
    ]);
    expect(availableActions(extended, 'director')).not.toContain('extend');
    const suspended = run(extended, [
      [{ type: 'suspend', caseId: s.caseId, kind: 'hearing', reason: '听证' }, actors.director, AT],
    ]);
    expect(availableActions(suspended, 'director')).toEqual(['resume']);
  });

  it('offers nothing once the case is decided', () => {
    const s = passed(acceptedCase(), ['review', 'verify'], AT);
    const denied = run(s, [
      [{ type: 'deny', caseId: s.caseId, reason: '容积率超出规划条件' }, actors.director, AT],
    ]);
    expect(availableActions(denied, 'director')).toEqual([]);
    expect(availableActions(denied, 'clerk')).toEqual([]);
  });
});

describe('parseExpectedDays', () => {
  it('takes whole numbers from 1 to 365 only', () => {
    expect(parseExpectedDays(' 7 ')).toBe(7);
    expect(parseExpectedDays('365')).toBe(365);
    for (const bad of ['0', '366', '2.5', '-3', '', 'abc', '1e2']) {
      expect(parseExpectedDays(bad)).toBeNull();
    }
  });
});

describe('withPhrase', () => {
  it('fills an empty box, appends on a new line to typed text, and never adds a phrase twice', () => {
    expect(withPhrase('', '同意核发。')).toBe('同意核发。');
    expect(withPhrase('经现场核查，', '同意核发。')).toBe('经现场核查，\n同意核发。');
    expect(withPhrase('同意核发。', '同意核发。')).toBe('同意核发。');
  });
});
