// 不予受理 and 补正 for a walk-in: decided on what their papers print (the applicant's name, the
// matter, the reason or the missing items), not on the whole application form — while 受理 and
// 容缺受理 still need all of it, and whatever was typed must still be right.
import { describe, expect, it } from 'vitest';
import {
  decide,
  foldEvents,
  type Command,
  type IntakeDetails,
} from '../../../../renderer/src/domain';
import { NOW, actors, intakeOf } from './workflowFixtures';

/** A walk-in: only the name and the matter; no code, contact, project or materials. */
const walkIn = (over: Partial<IntakeDetails> = {}): IntakeDetails =>
  intakeOf({
    applicant: { kind: 'enterprise', name: '郑州某某置业有限公司', creditCode: '' },
    contact: { name: '', phone: '' },
    projectName: '',
    projectCode: undefined,
    materials: [],
    answers: {},
    fields: {},
    ...over,
  });

const ids = { caseId: 'c1', caseNo: 'HJ01-20260302-0001' };
const refuseOf = (intake: IntakeDetails): Command => ({
  type: 'refuse',
  ...ids,
  intake,
  ground: 'noLicenceNeeded',
  detail: '围墙翻新不需要办理建设工程规划许可。',
});
const supplementOf = (intake: IntakeDetails): Command => ({
  type: 'requestSupplement',
  ...ids,
  intake,
  missing: [{ materialId: 'applicationForm', name: '建设工程规划许可申请表' }],
});
const refusalCode = (cmd: Command) => {
  const d = decide(null, cmd, actors.clerk, NOW);
  return d.ok ? 'ok' : d.refusal.code;
};

describe('a walk-in refused or asked to supplement', () => {
  it('is refused with only the name, the matter and the reason', () => {
    const d = decide(null, refuseOf(walkIn()), actors.clerk, NOW);
    if (!d.ok) throw new Error(d.refusal.code);
    expect(foldEvents(d.events)?.status).toBe('refused');
  });

  it('is asked to supplement with only the name, the matter and the missing items', () => {
    const d = decide(null, supplementOf(walkIn()), actors.clerk, NOW);
    if (!d.ok) throw new Error(d.refusal.code);
    expect(foldEvents(d.events)?.status).toBe('supplementRequested');
  });

  it('a person without an ID number is refused just the same', () => {
    const person = walkIn({ applicant: { kind: 'person', name: '李秀英', idNumber: '' } });
    expect(refusalCode(refuseOf(person))).toBe('ok');
  });

  it('still needs the applicant’s name: the paper is addressed to them', () => {
    const nameless = walkIn({ applicant: { kind: 'enterprise', name: '  ', creditCode: '' } });
    expect(refusalCode(refuseOf(nameless))).toBe('applicant_name_required');
    expect(refusalCode(supplementOf(nameless))).toBe('applicant_name_required');
  });

  it.each([
    [
      'a mistyped credit code',
      { applicant: { kind: 'enterprise', name: '某公司', creditCode: '91410108MA44XY1230' } },
      'credit_code_check_failed',
    ],
    [
      'a malformed credit code',
      { applicant: { kind: 'enterprise', name: '某公司', creditCode: '1234' } },
      'invalid_credit_code',
    ],
    [
      'a wrong ID number',
      { applicant: { kind: 'person', name: '李秀英', idNumber: '410108198503120038' } },
      'invalid_id_number',
    ],
    ['a wrong phone', { contact: { name: '', phone: '1381234' } }, 'invalid_phone'],
  ] as const)('refuses %s that was typed', (_why, over, code) => {
    const intake = walkIn(over as Partial<IntakeDetails>);
    expect(refusalCode(refuseOf(intake))).toBe(code);
    expect(refusalCode(supplementOf(intake))).toBe(code);
  });
});

describe('受理 still needs the whole application', () => {
  it.each([
    [
      'no credit code',
      { applicant: { kind: 'enterprise', name: '某公司', creditCode: '' } },
      'invalid_credit_code',
    ],
    [
      'no ID number',
      { applicant: { kind: 'person', name: '李秀英', idNumber: '' } },
      'invalid_id_number',
    ],
    ['no phone', { contact: { name: '张经办', phone: '' } }, 'invalid_phone'],
    [
      'no name',
      { applicant: { kind: 'enterprise', name: '', creditCode: '' } },
      'applicant_name_required',
    ],
  ] as const)('refuses an acceptance with %s', (_why, over, code) => {
    const cmd: Command = {
      type: 'accept',
      ...ids,
      intake: intakeOf(over as Partial<IntakeDetails>),
    };
    expect(refusalCode(cmd)).toBe(code);
  });
});
