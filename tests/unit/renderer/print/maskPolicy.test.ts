// One rule for personal numbers on paper (renderer/src/print/maskPolicy.ts), checked against
// the rendered text of every paper: a private person applies, so that their ID number is at
// stake too (a 统一社会信用代码 is public and always printed in full).
import { describe, expect, it } from 'vitest';
import { templates, type TemplateName } from '../../../../renderer/src/print/templates';
import { MASK_POLICY, type PersonalField } from '../../../../renderer/src/print/maskPolicy';
import { maskIdNumber, maskPhone } from '../../../../renderer/src/domain/mask';
import * as s from '../../../../renderer/src/print/samples';
import { sampleData } from '../../../print/sampleDocs';
import { paperText, renderVariant } from '../../../print/paperVariants';

const person = s.samplePerson;
const collectorId = '410105199207154518';

/**
 * The decision, written out: no ID number in full anywhere; the phone in full only on the
 * applicant's own copy of a 行政许可 decision.
 */
const EXPECTED: Record<TemplateName, Partial<Record<PersonalField, 'full' | 'mask'>>> = {
  acceptanceNotice: { partyCode: 'mask', partyPhone: 'full' },
  supplementNotice: { partyCode: 'mask', partyPhone: 'full' },
  refusalNotice: { partyCode: 'mask', partyPhone: 'full' },
  specialProcedureNotice: { partyCode: 'mask', partyPhone: 'full' },
  resumptionNotice: { partyCode: 'mask', partyPhone: 'full' },
  extensionNotice: { partyCode: 'mask', partyPhone: 'full' },
  denialDecision: { partyCode: 'mask', partyPhone: 'full' },
  receiptA4: { partyCode: 'mask', partyPhone: 'mask' },
  receiptThermal: { partyCode: 'mask', partyPhone: 'mask' },
  oneTimeNotice: { partyPhone: 'mask' },
  serviceRecord: { collectorId: 'mask' },
  engineeringPermit: {},
  landUsePermit: {},
  siteSelection: {},
  ruralPermit: {},
  supervisionLedger: {},
  redBlackList: {},
  queueTicket: {},
};

const FULL: Record<PersonalField, string> = {
  partyCode: person.code,
  partyPhone: person.phone,
  collectorId,
};
const MASKED: Record<PersonalField, string> = {
  partyCode: maskIdNumber(person.code),
  partyPhone: maskPhone(person.phone),
  collectorId: maskIdNumber(collectorId),
};

/** Each paper's sample with the person in every place a personal number can go. */
function personData(paper: TemplateName): unknown {
  const data = sampleData[paper] as unknown as Record<string, unknown>;
  if ('applicant' in data && typeof data.applicant === 'object')
    return { ...data, applicant: person };
  if (paper === 'oneTimeNotice') return { ...data, contact: person.contact, phone: person.phone };
  if (paper === 'serviceRecord')
    return { ...data, collector: { name: '刘洋', idNumber: collectorId } };
  return data;
}

const textOf = (paper: TemplateName) =>
  paperText(renderVariant({ paper, label: 'person', data: personData(paper) }));

const rows = (Object.keys(templates) as TemplateName[]).flatMap((paper) =>
  (Object.keys(FULL) as PersonalField[]).map((field) => ({
    paper,
    field,
    rule: EXPECTED[paper][field] ?? 'absent',
  })),
);

describe('personal numbers on paper', () => {
  it('the policy module says what this test expects, for every paper', () => {
    expect(MASK_POLICY).toEqual(EXPECTED);
  });

  it.each(rows)('$paper: $field is $rule', ({ paper, field, rule }) => {
    const text = textOf(paper);
    if (rule === 'full') {
      expect(text).toContain(FULL[field]);
    } else if (rule === 'mask') {
      expect(text).toContain(MASKED[field]);
      expect(text).not.toContain(FULL[field]);
    } else {
      // A paper the policy gives no such field never prints the number, masked or not.
      expect(text).not.toContain(FULL[field]);
      expect(text).not.toContain(MASKED[field]);
    }
  });

  it('an enterprise keeps its public credit code in full even on a receipt', () => {
    const text = paperText(
      renderVariant({
        paper: 'receiptA4',
        label: 'enterprise',
        data: { ...s.receiptSample, applicant: s.sampleEnterprise },
      }),
    );
    expect(text).toContain(s.sampleEnterprise.code);
  });

  it('a number a feature already masked is printed as it is, not starred again', () => {
    const data = { ...s.oneTimeSample, phone: '138****2468' };
    const text = paperText(renderVariant({ paper: 'oneTimeNotice', label: 'masked', data }));
    expect(text).toContain('联系电话：138****2468');
  });
});
