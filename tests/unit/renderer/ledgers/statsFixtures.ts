// A tiny factory for case states as the statistics read them: a building permit (promised limit
// 5 working days) accepted on a given day, with overrides for what a case needs to show.
import type { CaseState } from '../../../../renderer/src/domain';
import type { StatsCase } from '../../../../renderer/src/domain/stats';
import { intakeOf } from '../domain/workflowFixtures';

export function caseOf(overrides: Partial<CaseState> = {}): CaseState {
  return {
    caseId: 'c',
    caseNo: 'HJ01-0001',
    status: 'review',
    version: 1,
    intake: intakeOf(),
    matter: {
      catalogueVersion: 'test',
      code: 'GCGH-JZ',
      name: '建设工程规划许可证',
      nameEn: 'Building permit',
      stage: 'engineeringPermit',
      legalDays: 20,
      promisedDays: 5,
      greenChannel: true,
      certificateType: null,
    },
    greenChannel: false,
    receivedOn: overrides.acceptedOn ?? '2026-02-02',
    acceptedOn: '2026-02-02',
    supplement: null,
    deficiencies: null,
    refusal: null,
    opinions: [],
    returns: [],
    suspendedFrom: null,
    suspensions: [],
    extension: null,
    decision: null,
    certificate: null,
    voidedCertificates: [],
    delivery: null,
    ratings: [],
    withdrawal: null,
    ...overrides,
  };
}

export const decided = (on: string): Pick<CaseState, 'decision' | 'status'> => ({
  decision: { outcome: 'approved', on },
  status: 'approved',
});

export const rating = (on: string, bad: boolean): CaseState['ratings'][number] => ({
  ratingId: `r-${on}-${bad}`,
  channel: 'counter',
  overall: bad ? 2 : 5,
  bad,
  on,
});

export function statsCase(clerk: string, overrides: Partial<CaseState> = {}): StatsCase {
  return { state: caseOf(overrides), clerk: { id: clerk, name: clerk } };
}
