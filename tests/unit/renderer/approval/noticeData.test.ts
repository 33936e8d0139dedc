import { describe, expect, it } from 'vitest';
import {
  denialData,
  extensionData,
  specialProcedureData,
  type NoticeContext,
} from '../../../../renderer/src/features/approval/noticeData';
import { addWorkingDays } from '../../../../renderer/src/domain';
import { acceptedCase, actors, passed, run } from './factory';

function ctxOf(overrides: Partial<NoticeContext> = {}): NoticeContext {
  return {
    docNumber: '惠济资规特〔2026〕1号',
    office: { name: '郑州市惠济区自然资源和规划局', address: '', phone: '' },
    officer: { name: '陈局长', phone: '' },
    issuedOn: '2026-03-03',
    ...overrides,
  };
}

describe('approval notices', () => {
  it('special procedure: the open suspension’s kind, reason and start, with the expected days', () => {
    const s = acceptedCase('2026-03-02');
    const suspended = run(s, [
      [
        { type: 'suspend', caseId: s.caseId, kind: 'expertReview', reason: '需组织专家论证' },
        actors.reviewer,
        '2026-03-03T02:00:00Z',
      ],
    ]);
    const d = specialProcedureData(suspended, ctxOf(), 7);
    expect(d).toMatchObject({
      procedure: 'expert_review',
      reason: '需组织专家论证',
      startsOn: '2026-03-03',
      expectedDays: 7,
      acceptedOn: '2026-03-02',
      caseNumber: suspended.caseNo,
    });
    // A case that is not suspended has no notice to print.
    expect(() => specialProcedureData(s, ctxOf(), 7)).toThrow();
  });

  it('extension: the statutory date moves by exactly 10 working days', () => {
    const s = passed(acceptedCase('2026-03-02'), ['review', 'verify'], '2026-03-02T03:00:00Z');
    const extended = run(s, [
      [
        { type: 'extend', caseId: s.caseId, reason: '涉及多部门联合审查' },
        actors.director,
        '2026-03-10T02:00:00Z',
      ],
    ]);
    const d = extensionData(extended, ctxOf());
    // 20 working days from Monday 2026-03-02 (no holidays in March).
    expect(d.originalDueDate).toBe('2026-03-30');
    expect(d.newDueDate).toBe(addWorkingDays('2026-03-30', 10));
    expect(d).toMatchObject({ extendedDays: 10, reason: '涉及多部门联合审查' });
  });

  it('denial: the recorded reason is the facts, with the legal basis and remedies given', () => {
    const s = passed(acceptedCase('2026-03-02'), ['review', 'verify'], '2026-03-02T03:00:00Z');
    const denied = run(s, [
      [
        { type: 'deny', caseId: s.caseId, reason: '容积率3.2超出规划条件上限2.5' },
        actors.director,
        '2026-03-04T02:00:00Z',
      ],
    ]);
    const remedies = { reviewAgency: '惠济区人民政府', court: '郑州铁路运输法院' };
    const d = denialData(denied, ctxOf(), '《城乡规划法》第四十条', remedies);
    expect(d).toMatchObject({
      facts: '容积率3.2超出规划条件上限2.5',
      legalBasis: '《城乡规划法》第四十条',
      remedies,
    });
    expect(() => denialData(s, ctxOf(), 'x', remedies)).toThrow();
  });
});
