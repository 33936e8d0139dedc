// Small factories for workflow tests: a complete building-permit intake and one actor per role.
import type {
  Actor,
  Command,
  IntakeDetails,
  ReceivedMaterial,
} from '../../../../renderer/src/domain';
import {
  defaultCatalogue,
  findMatter,
  makeCreditCode,
  materialsFor,
} from '../../../../renderer/src/domain';

export const actors: Record<Actor['role'], Actor> = {
  clerk: { id: 'u-clerk', name: '王窗口', role: 'clerk' },
  reviewer: { id: 'u-rev', name: '李审查', role: 'reviewer' },
  chief: { id: 'u-chief', name: '赵科长', role: 'chief' },
  director: { id: 'u-dir', name: '陈局长', role: 'director' },
  admin: { id: 'u-admin', name: '管理员', role: 'admin' },
  // The rating device at window HJ02 (评价器): the only actor that records a rating.
  device: { id: 'rating-device:HJ02', name: 'HJ02', role: 'device' },
};

/** Where a device rating was given, for rating commands. */
export const placeHJ02 = { window: 'HJ02', clerkId: 'u-clerk', clerkName: '王窗口' };

export const NOW = '2026-03-02T02:00:00Z';

/** Every needed material of the matter ticked as received and conforming, except `missing`. */
export function ticked(
  matterCode: string,
  answers: Record<string, string>,
  missing: string[] = [],
): ReceivedMaterial[] {
  const matter = findMatter(defaultCatalogue, matterCode);
  if (!matter) throw new Error(matterCode);
  return materialsFor(matter, answers)
    .filter((i) => i.needed)
    .map((i) => ({
      materialId: i.id,
      received: !missing.includes(i.id),
      form: i.form,
      copies: i.copies,
      pages: 3,
      conforming: true,
    }));
}

const answers = { agent: 'no', deptOpinion: 'no', demolition: 'no' };

export function intakeOf(overrides: Partial<IntakeDetails> = {}): IntakeDetails {
  return {
    matterCode: 'GCGH-JZ',
    applicant: {
      kind: 'enterprise',
      name: '郑州某某置业有限公司',
      creditCode: makeCreditCode('91410108MA44XY123'),
    },
    contact: { name: '张经办', phone: '13812345678' },
    projectName: '某某小区二期',
    projectCode: '2026-410108-70-01-000123',
    channel: 'window',
    greenChannel: false,
    answers,
    materials: ticked('GCGH-JZ', answers),
    fields: {
      projectName: '某某小区二期',
      location: '惠济区江山路',
      floorArea: '52000',
      scale: '住宅6栋',
    },
    delivery: 'pickup',
    ...overrides,
  };
}

export function acceptOf(overrides: Partial<IntakeDetails> = {}): Command {
  return {
    type: 'accept',
    caseId: 'c1',
    caseNo: 'HJ01-20260302-0001',
    intake: intakeOf(overrides),
  };
}
