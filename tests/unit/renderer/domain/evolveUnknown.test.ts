// An event this version does not know — a newer station's, say — must not wipe a case: it is
// kept in the log and skipped by the fold.
import { describe, expect, it } from 'vitest';
import { evolve, type DomainEvent } from '../../../../renderer/src/domain';
import { acceptedCase } from '../approval/factory';

describe('evolve and events it does not know', () => {
  it('leaves the state and its version as they were', () => {
    const s = acceptedCase();
    const unknown = { type: 'caseTeleported', caseId: s.caseId, on: '2026-03-03' };
    const next = evolve(s, unknown as unknown as DomainEvent);
    expect(next).toBe(s);
    expect(next?.version).toBe(s.version);
  });

  it('does not start a case from an unknown event either', () => {
    const unknown = { type: 'caseTeleported', caseId: 'c9', on: '2026-03-03' };
    expect(evolve(null, unknown as unknown as DomainEvent)).toBeNull();
  });
});
