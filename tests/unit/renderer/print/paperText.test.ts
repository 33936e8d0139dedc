// Every paper, rendered with every option that changes its wording, reads as a sentence should:
// no doubled or orphaned punctuation, no empty brackets, no label with nothing after it, no
// unfilled field. A check that finds one prints the paper, the variant and the line.
import { describe, expect, it } from 'vitest';
import { templates, type TemplateName } from '../../../../renderer/src/print/templates';
import { allVariants, paperText, renderVariant } from '../../../print/paperVariants';

/** What must never appear in a paper's text, with what it means. */
const FAULTS_ZH: [RegExp, string][] = [
  [/。，/, 'full stop then comma'],
  [/。）/, 'full stop inside closing bracket'],
  [/，，/, 'double comma'],
  [/。。/, 'double full stop'],
  [/，。|；。|、。|：。|：，/, 'punctuation before a full stop or comma'],
  [/（\s*）|\(\s*\)/, 'empty brackets'],
  [/：[ \t\u3000]*(\n|$)/, 'a colon with nothing after it'],
  [/undefined|null|NaN|\{\{|\}\}|\[object/, 'an unfilled field'],
];
const FAULTS_EN: [RegExp, string][] = [
  [/\.\s*\.|,\s*,|,\s*\.|\s[,.;]/, 'doubled or orphaned punctuation'],
  [/\(\s*\)/, 'empty brackets'],
  [/:[ \t]*(\n|$)/, 'a colon with nothing after it'],
  [/undefined|null|NaN|\{\{|\}\}|\[object/, 'an unfilled field'],
];

function faultsOf(text: string, faults: [RegExp, string][]): string[] {
  return text.split('\n').flatMap((line, i, lines) => {
    // A line ending in a colon is only a fault when it is the end of the paper or a sentence.
    const withNext = i + 1 < lines.length ? `${line}\n` : line;
    return faults.filter(([re]) => re.test(withNext)).map(([, what]) => `${what}: «${line}»`);
  });
}

const variants = allVariants();

describe('the text of every paper', () => {
  it('covers every template, and each with more than its sample where it has options', () => {
    const count = (p: TemplateName) => variants.filter((v) => v.paper === p).length;
    for (const paper of Object.keys(templates) as TemplateName[])
      expect(count(paper), paper).toBeGreaterThan(0);
    expect(count('refusalNotice')).toBe(4 * 2 * 6 * 5);
    expect(count('specialProcedureNotice')).toBe(5 * 5 * 2 * 6);
    expect(count('acceptanceNotice')).toBe(6 * 4 * 2 * 2);
  });

  for (const locale of ['zh-CN', 'en'] as const) {
    it(`reads right in ${locale}: ${variants.length} variants`, () => {
      const faults = locale === 'zh-CN' ? FAULTS_ZH : FAULTS_EN;
      const found: string[] = [];
      for (const v of variants) {
        const text = paperText(renderVariant(v, locale));
        for (const f of faultsOf(text, faults)) found.push(`${v.paper} [${v.label}] ${f}`);
      }
      expect(found.slice(0, 20)).toEqual([]);
    });
  }
});

describe('the checks themselves', () => {
  it('find what the issue saw on paper', () => {
    const seen = [
      '…依法进行批前公示。，需要进行批前公示。',
      '（该事项由郑东新区分局负责。），请向…',
      '办理进度可拨打或登录，凭申请编号…查询（）',
      '经办人：张晓明　　联系电话：',
      '预计需要{{days}}日',
    ];
    expect(seen.map((s) => faultsOf(s, FAULTS_ZH).length > 0)).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
  });
});

/** The sentences as the issue wanted them, exactly. */
describe('sentences with missing facts', () => {
  const text = (paper: TemplateName, match: (label: string) => boolean) => {
    const v = variants.find((x) => x.paper === paper && match(x.label));
    if (!v) throw new Error(`no variant of ${paper}`);
    return paperText(renderVariant(v));
  };

  it('the acceptance notice names only the phone when there is no website, and nothing without either', () => {
    const phoneOnly = text('acceptanceNotice', (l) => l.includes('phone only'));
    expect(phoneOnly).toContain('办理进度可拨打0371-63500000，凭申请编号HJ2026110300137查询。');
    const none = text('acceptanceNotice', (l) => l.includes('no office facts'));
    expect(none).not.toContain('办理进度');
  });

  it('the officer line drops the phone when the office has none', () => {
    const t = text('refusalNotice', (l) => l.includes('no office phone'));
    expect(t).toContain('经办人：张晓明\n');
    expect(t).not.toContain('联系电话');
  });

  it('the special-procedure notice says the expected days are working days and names the reason once', () => {
    const t = text(
      'specialProcedureNotice',
      (l) => l.startsWith('public_notice, reason names') && l.includes(', 7 days'),
    );
    expect(t).toContain('经审查，该项目涉及相邻权利人利益，依法需进行批前公示。');
    expect(t).not.toContain('需要进行批前公示');
    expect(t).toContain('批前公示自2026年11月12日开始，预计需要7个工作日；');
  });

  it('the refusal notice keeps the detail in brackets without its full stop, and the remedies as the 2024 law has them', () => {
    const t = text('refusalNotice', (l) =>
      l.startsWith('no_licence_needed, detail full stop, review body set'),
    );
    expect(t).toContain('不需要取得行政许可（项目用地位于郑东新区，由郑东新区分局负责）。根据');
    expect(t).toContain(
      '可以自收到本通知书之日起六十日内向郑州市惠济区人民政府申请行政复议，也可以自收到本通知书之日起六个月内依法向郑州铁路运输法院提起行政诉讼。',
    );
    const general = text('refusalNotice', (l) => l.includes('no review body'));
    expect(general).toContain('六十日内依法向有管辖权的行政复议机关申请行政复议');
    expect(general).toContain('六个月内依法向有管辖权的人民法院提起行政诉讼');
  });

  it('an empty detail leaves the brackets out', () => {
    const t = text('refusalNotice', (l) => l.startsWith('outside_remit, detail empty'));
    expect(t).toContain(
      '经审查，该申请事项依法不属于本机关职权范围，请向郑州市自然资源和规划局郑东新区分局提出申请。',
    );
  });
});
