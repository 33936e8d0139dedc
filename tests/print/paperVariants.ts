// Every paper with every option that changes its wording: office facts present or missing,
// each refusal ground, each special procedure, with and without agent, deficiencies, dates …
// Clerk-typed text comes in the ways clerks type it: plain, ending in a full stop, or empty.
import { renderDocument } from '../../renderer/src/print/render';
import { templates, type TemplateName } from '../../renderer/src/print/templates';
import type { PrintLocale } from '../../renderer/src/print/chineseDate';
import * as s from '../../renderer/src/print/samples';
import type {
  AcceptanceNoticeData,
  CaseNoticeBase,
  Officer,
  OneTimeNoticeData,
  Party,
  RefusalReason,
  Remedies,
  ServiceRecordData,
  SpecialProcedureNoticeData,
} from '../../renderer/src/print/types';
import { sampleData } from './sampleDocs';

export interface Variant {
  paper: TemplateName;
  label: string;
  data: unknown;
}

const officers: [string, Officer][] = [
  ['officer phone', { name: '张晓明', phone: '0371-63501234' }],
  ['no office phone', { name: '张晓明', phone: '' }],
];
const parties: [string, Party][] = [
  ['enterprise', s.sampleEnterprise],
  ['person', s.samplePerson],
  // An agent acts for the enterprise: the contact is the agent, not the legal representative.
  ['agent', { ...s.sampleEnterprise, contact: '刘洋（受托人）', phone: '0371-66881234' }],
];
const remedies: [string, Remedies][] = [
  ['review body set', { reviewAgency: '郑州市惠济区人民政府', court: '郑州铁路运输法院' }],
  ['no review body', { reviewAgency: '', court: '' }],
];
/** Free text as clerks type it. */
const typed = (plain: string): [string, string][] => [
  ['plain', plain],
  ['full stop', `${plain}。`],
  ['trailing space and comma', `${plain}， `],
  ['empty', ''],
];

function* product<A, B>(as: [string, A][], bs: [string, B][]): Generator<[string, A, B]> {
  for (const [la, a] of as) for (const [lb, b] of bs) yield [`${la}, ${lb}`, a, b];
}

function* caseBases(base: CaseNoticeBase): Generator<[string, CaseNoticeBase]> {
  for (const [label, officer, applicant] of product(officers, parties))
    yield [label, { ...base, officer, applicant }];
}

function* acceptance(): Generator<Variant> {
  const queries: [string, AcceptanceNoticeData['progressQuery']][] = [
    ['phone and website', { phone: '0371-63500000', website: 'hjzrzy.zhengzhou.gov.cn' }],
    ['phone only', { phone: '0371-63500000', website: '' }],
    ['website only', { phone: '', website: 'hjzrzy.zhengzhou.gov.cn' }],
    ['no office facts', { phone: '', website: '' }],
  ];
  for (const [lb, base] of caseBases(s.acceptanceSample))
    for (const [lq, progressQuery] of queries)
      for (const deficiency of [s.acceptanceSample.deficiency, undefined])
        for (const delivery of ['pickup', 'post'] as const) {
          const { deficiency: _d, ...rest } = { ...s.acceptanceSample, ...base };
          yield {
            paper: 'acceptanceNotice',
            label: `${lb}, ${lq}, ${deficiency ? 'deficiency' : 'complete'}, ${delivery}`,
            data: { ...rest, progressQuery, delivery, ...(deficiency ? { deficiency } : {}) },
          };
        }
}

function* supplement(): Generator<Variant> {
  for (const [lb, base] of caseBases(s.supplementSample))
    for (const [lr, requirement] of typed('原件，加盖公章'))
      for (const dueDate of ['2026-11-18', undefined]) {
        const items = [...s.supplementSample.items, { name: '建设项目用地红线图', requirement }];
        const { dueDate: _d, ...rest } = { ...s.supplementSample, ...base, items };
        yield {
          paper: 'supplementNotice',
          label: `${lb}, requirement ${lr}, ${dueDate ? 'due date' : 'no due date'}`,
          data: dueDate ? { ...rest, dueDate } : rest,
        };
      }
}

function* refusal(): Generator<Variant> {
  for (const [ld, detail] of typed('项目用地位于郑东新区，由郑东新区分局负责'))
    for (const [lr, rem] of remedies)
      for (const [lb, base] of caseBases(s.refusalSample)) {
        const reasons: RefusalReason[] = [
          { kind: 'no_licence_needed', detail },
          { kind: 'outside_remit', detail, rightAgency: '郑州市自然资源和规划局郑东新区分局。' },
          { kind: 'outside_remit', detail, rightAgency: '' },
          { kind: 'false_materials', detail },
          { kind: 'other', detail },
        ];
        for (const reason of reasons)
          yield {
            paper: 'refusalNotice',
            label: `${reason.kind}, detail ${ld}, ${lr}, ${lb}`,
            data: { ...s.refusalSample, ...base, reason, remedies: rem },
          };
      }
}

const PROCEDURES: SpecialProcedureNoticeData['procedure'][] = [
  'hearing',
  'inspection',
  'testing',
  'expert_review',
  'public_notice',
];

function* special(): Generator<Variant> {
  const reasons: [string, string][] = [
    ...typed('该项目涉及相邻权利人利益'),
    ['names the procedure', '该项目涉及相邻权利人利益，依法需进行批前公示。'],
  ];
  for (const procedure of PROCEDURES)
    for (const [lr, reason] of reasons)
      for (const expectedDays of [7, 0])
        for (const [lb, base] of caseBases(s.specialSample)) {
          yield {
            paper: 'specialProcedureNotice',
            label: `${procedure}, reason ${lr}, ${expectedDays} days, ${lb}`,
            data: { ...s.specialSample, ...base, procedure, reason, expectedDays },
          };
          yield {
            paper: 'resumptionNotice',
            label: `${procedure}, ${expectedDays} days not counted, ${lb}`,
            data: { ...s.resumptionSample, ...base, procedure, notCountedDays: expectedDays },
          };
        }
}

function* approvalNotices(): Generator<Variant> {
  for (const [lr, reason] of typed('项目涉及多部门联合审查'))
    for (const [lb, base] of caseBases(s.extensionSample))
      yield {
        paper: 'extensionNotice',
        label: `reason ${lr}, ${lb}`,
        data: { ...s.extensionSample, ...base, reason },
      };
  for (const [lf, facts] of typed('容积率为3.2，超出规划条件确定的上限2.5'))
    for (const [ll, legalBasis] of typed('《中华人民共和国城乡规划法》第四十条第二款'))
      for (const [lr, rem] of remedies)
        for (const [lb, base] of caseBases(s.denialSample))
          yield {
            paper: 'denialDecision',
            label: `facts ${lf}, basis ${ll}, ${lr}, ${lb}`,
            data: { ...s.denialSample, ...base, facts, legalBasis, remedies: rem },
          };
}

function* receipts(): Generator<Variant> {
  for (const paper of ['receiptA4', 'receiptThermal'] as const)
    for (const [lb, officer, applicant] of product(officers, parties))
      yield { paper, label: lb, data: { ...s.receiptSample, officer, applicant } };
}

function* oneTime(): Generator<Variant> {
  const enquirers: [string, Pick<OneTimeNoticeData, 'contact' | 'phone'>][] = [
    ['contact and phone', { contact: '王建华', phone: '13803712468' }],
    ['contact only', { contact: '王建华', phone: '' }],
    ['phone only', { contact: '', phone: '13803712468' }],
    ['nobody', { contact: '', phone: '' }],
  ];
  for (const [le, who] of enquirers)
    for (const [lo, officer] of officers)
      for (const answers of [s.oneTimeSample.answers, []])
        yield {
          paper: 'oneTimeNotice',
          label: `${le}, ${lo}, ${answers.length ? 'answers' : 'no answers'}`,
          data: { ...s.oneTimeSample, ...who, officer, answers },
        };
}

function* service(): Generator<Variant> {
  const proxies: [string, ServiceRecordData['proxy']][] = [
    ['no agent', undefined],
    ['agent', s.serviceSample.proxy],
    ['agent without reason', { name: '刘洋', relation: '', reason: '' }],
  ];
  const collectors: [string, ServiceRecordData['collector']][] = [
    ['collector', s.serviceSample.collector],
    ['no collector', undefined],
    ['collector without ID', { name: '刘洋', idNumber: '' }],
  ];
  const refusals: [string, ServiceRecordData['refused']][] = [
    ['accepted', undefined],
    ['refused', { reason: '拒绝签收。', on: '2026-11-05', witnesses: ['陈静', '赵磊'] }],
    ['refused, no witnesses', { reason: '', on: '2026-11-05', witnesses: [] }],
  ];
  for (const [lp, proxy] of proxies)
    for (const [lc, collector] of collectors)
      for (const [lr, refused] of refusals) {
        const { proxy: _p, collector: _c, ...rest } = s.serviceSample;
        yield {
          paper: 'serviceRecord',
          label: `${lp}, ${lc}, ${lr}`,
          data: {
            ...rest,
            method: proxy ? 'proxy' : 'direct',
            ...(proxy ? { proxy } : {}),
            ...(collector ? { collector } : {}),
            ...(refused ? { refused } : {}),
          },
        };
      }
}

/** The papers with nothing to vary here: their sample as it is. */
function* others(covered: Set<TemplateName>): Generator<Variant> {
  for (const paper of Object.keys(templates) as TemplateName[])
    if (!covered.has(paper)) yield { paper, label: 'sample', data: sampleData[paper] };
}

export function allVariants(): Variant[] {
  const list = [
    ...acceptance(),
    ...supplement(),
    ...refusal(),
    ...special(),
    ...approvalNotices(),
    ...receipts(),
    ...oneTime(),
    ...service(),
  ];
  return [...list, ...others(new Set(list.map((v) => v.paper)))];
}

export function renderVariant(v: Variant, locale: PrintLocale = 'zh-CN'): string {
  const template = templates[v.paper] as (typeof templates)['acceptanceNotice'];
  return renderDocument(template, v.data as AcceptanceNoticeData, { locale }).html;
}

/** Marks a colon that introduces the block after it (the addressee, "材料如下：" before a table). */
export const INTRO = '⤵';

/**
 * The text of a paper as a reader meets it: one line per block (paragraph, table row, heading),
 * a signature blank as ＿＿ (a line to sign on is meant to be empty), cells joined by " | ", and a
 * colon that introduces the next block (addressee, table, list) followed by ⤵.
 */
export function paperText(html: string): string {
  const body = /<body>([\s\S]*)<\/body>/.exec(html)?.[1] ?? html;
  return (
    body
      // A line break typed into a text ("遵守事项：\n一、…") stays inside its block.
      .replace(/\n/g, '↵')
      .replace(/([：:])<\/(p|div)>(?=\s*<(table|ul|ol)\b)/g, `$1${INTRO}</$2>`)
      .replace(/(<p class="[^"]*\bintro\b[^"]*">[^<]*[：:])<\/p>/g, `$1${INTRO}</p>`)
      .replace(/<span class="blank"><\/span>/g, '＿＿')
      .replace(/<svg[\s\S]*?<\/svg>/g, '[code]')
      .replace(/<\/t[dh]>\s*<t[dh][^>]*>/g, ' | ')
      .replace(/<\/?(p|div|tr|h1|h2|li|table|thead|tbody|section|ol|ul)\b[^>]*>/g, '\n')
      .replace(/<[^>]+>/g, '')
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#x27;/g, "'")
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .join('\n')
  );
}
