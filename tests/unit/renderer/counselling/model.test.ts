import { describe, expect, it } from 'vitest';
import { defaultCatalogue, findMatter, type Matter } from '../../../../renderer/src/domain';
import {
  emptyForm,
  formProblems,
  isContactPhone,
  matchesQuery,
  newCounsellingId,
  questionsOf,
  toCommand,
  type CounsellingForm,
} from '../../../../renderer/src/features/counselling/model';

/** A form with overrides: the default is one complete 建设工程规划许可证 session. */
function formOf(overrides: Partial<CounsellingForm> = {}): CounsellingForm {
  return {
    ...emptyForm(),
    matterCodes: ['GCGH-JZ'],
    answers: { agent: 'yes', deptOpinion: 'no', demolition: 'no' },
    applicantName: '郑州黄河智造科技有限公司',
    contactPhone: '13803712468',
    ...overrides,
  };
}

const matter = (code: string): Matter => {
  const m = findMatter(defaultCatalogue, code);
  if (!m) throw new Error(`no matter ${code}`);
  return m;
};

describe('formProblems', () => {
  it('accepts a complete form', () => {
    expect(formProblems(formOf())).toEqual([]);
  });

  it('asks for a matter first when none is chosen', () => {
    expect(formProblems(formOf({ matterCodes: [], answers: {} }))).toEqual([{ code: 'no_matter' }]);
  });

  it('names every open question, in the order they are shown', () => {
    // Only the agent question is answered: the other two still decide materials.
    const p = formProblems(formOf({ answers: { agent: 'yes' } }));
    expect(p).toEqual([{ code: 'unanswered', questionIds: ['deptOpinion', 'demolition'] }]);
  });

  it('counts an empty answer as unanswered', () => {
    const p = formProblems(formOf({ answers: { agent: '', deptOpinion: 'no', demolition: 'no' } }));
    expect(p).toEqual([{ code: 'unanswered', questionIds: ['agent'] }]);
  });

  it('ignores matter codes the catalogue does not know (an old draft)', () => {
    // A draft saved under an older catalogue must not block the clerk with an invisible matter.
    expect(formProblems(formOf({ matterCodes: ['NO-SUCH'], answers: {} }))).toEqual([
      { code: 'no_matter' },
    ]);
  });

  it('refuses a phone nobody can dial, accepts mobiles and fixed lines, allows none', () => {
    expect(formProblems(formOf({ contactPhone: '12345' }))).toEqual([{ code: 'bad_phone' }]);
    expect(formProblems(formOf({ contactPhone: '0371-63500000' }))).toEqual([]);
    expect(formProblems(formOf({ contactPhone: '' }))).toEqual([]);
  });

  it('refuses over-long names and notes', () => {
    const p = formProblems(formOf({ applicantName: '名'.repeat(101), notes: 'x'.repeat(1001) }));
    expect(p.map((x) => x.code)).toEqual(['name_too_long', 'notes_too_long']);
  });
});

describe('isContactPhone', () => {
  it.each([
    ['13803712468', true],
    ['03716350000', true],
    ['0371-63500000', true],
    ['63500000', true],
    ['1380371246', false], // ten digits
    ['23803712468', false],
    ['0371-0350000', false], // local numbers do not start with 0 or 1
    ['abc', false],
  ])('%s → %s', (s, ok) => expect(isContactPhone(s)).toBe(ok));
});

describe('questionsOf', () => {
  it('asks a question shared by two matters once', () => {
    // Both matters ask about an agent; land supply only belongs to the land-use permit.
    const ids = questionsOf([matter('GCGH-JZ'), matter('YDGH-HF')]).map((q) => q.id);
    expect(ids).toEqual(['agent', 'deptOpinion', 'demolition', 'landSupply']);
  });
});

describe('toCommand', () => {
  it('drops answers of matters no longer chosen and trims the text fields', () => {
    const cmd = toCommand(
      formOf({
        answers: { agent: 'no', deptOpinion: 'no', demolition: 'yes', landSupply: 'allocation' },
        applicantName: '  惠济区教育局 ',
        contactPhone: '',
        notes: '   ',
      }),
      'FDHJ01X',
    );
    expect(cmd).toEqual({
      type: 'counsellingSaved',
      counsellingId: 'FDHJ01X',
      matterCodes: ['GCGH-JZ'],
      answers: { agent: 'no', deptOpinion: 'no', demolition: 'yes' },
      applicantName: '惠济区教育局',
    });
  });
});

describe('matchesQuery', () => {
  it('finds by code, Chinese name and English name, every word', () => {
    const m = matter('GCGH-JZ');
    expect(matchesQuery(m, 'gcgh-jz')).toBe(true);
    expect(matchesQuery(m, '规划许可 建筑类')).toBe(true);
    expect(matchesQuery(m, 'planning buildings')).toBe(true);
    expect(matchesQuery(m, '规划许可 市政类')).toBe(false);
  });
});

describe('newCounsellingId', () => {
  it('carries station and the hall’s time (Beijing), so ids of one station sort by time', () => {
    const a = newCounsellingId('HJ01', new Date('2026-11-29T01:05:07Z'), () => 0);
    const b = newCounsellingId('HJ01', new Date('2026-11-29T02:00:00Z'), () => 0.999);
    expect(a).toBe('FDHJ0120261129090507000');
    expect(a < b).toBe(true);
    // Safe in the URL hash and in an archive title.
    expect(b).toMatch(/^[A-Z0-9]+$/);
  });
});
