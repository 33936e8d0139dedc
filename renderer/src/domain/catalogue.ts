// The matter catalogue (事项目录): what the planning window handles, under which approval stage,
// with which limits, certificate, materials and intake fields. It is data an administrator edits;
// each published edition has a catalogueVersion, and a case keeps a snapshot of its matter as it
// was when the case was taken in, so editing the catalogue never rewrites old cases.
import { defaultCatalogue } from './catalogueData';

export { defaultCatalogue };

/** The four stages of the 2019 approval reform. */
export type StageId =
  | 'landUsePlanning' // 立项用地规划许可
  | 'engineeringPermit' // 工程建设许可
  | 'constructionPermit' // 施工许可
  | 'completionAcceptance'; // 竣工验收

export const STAGE_IDS: readonly StageId[] = [
  'landUsePlanning',
  'engineeringPermit',
  'constructionPermit',
  'completionAcceptance',
];

export interface Stage {
  id: StageId;
  order: number;
  name: string;
  nameEn: string;
}

export interface Option {
  value: string;
  label: string;
  labelEn: string;
}

/** A question asked in counselling/intake that decides whether conditional materials apply. */
export interface ConditionalQuestion {
  id: string;
  text: string;
  textEn: string;
  options: Option[];
}

export type MaterialForm = 'original' | 'copy';
export type Requirement = 'required' | 'conditional' | 'optional';

export interface Material {
  id: string;
  name: string;
  nameEn: string;
  form: MaterialForm;
  copies: number;
  requirement: Requirement;
  /** For 'conditional': the question that decides it … */
  questionId?: string;
  /** … and the answers that make it needed. */
  when?: string[];
  /** May be missing at intake under 容缺受理 (secondary items only). */
  deferrable: boolean;
  /** Standard the item must meet, printed on the supplement notice. */
  standard?: string;
  /** The same in English, for the screens in English (papers print in Chinese). */
  standardEn?: string;
}

export type FieldKind = 'text' | 'multiline' | 'number' | 'area' | 'date' | 'select';

export interface FormField {
  key: string;
  label: string;
  labelEn: string;
  kind: FieldKind;
  required: boolean;
  unit?: string;
  options?: Option[];
}

export type CertificateTypeId =
  | 'constructionPermit'
  | 'landUsePermit'
  | 'siteSelectionOpinion'
  | 'ruralConstructionPermit'
  | 'temporaryConstructionPermit'
  | 'temporaryLandUsePermit'
  | 'planningVerification';

export interface CertificateType {
  id: CertificateTypeId;
  name: string;
  nameEn: string;
  /** Word before 第 in the old-style number, e.g. 建字 (configurable: some are unconfirmed). */
  numberPrefix: string;
  fields: FormField[];
}

export interface Matter {
  code: string;
  name: string;
  nameEn: string;
  stage: StageId;
  /** Statutory limit in working days (Art. 42: 20). */
  legalDays: number;
  /** Promised limit (承诺时限) in working days. */
  promisedDays: number;
  /** Same-day green-channel service is available. */
  greenChannel: boolean;
  certificateType: CertificateTypeId | null;
  /** Years the issued document stays valid, when it expires. */
  validityYears?: number;
  questions: ConditionalQuestion[];
  materials: Material[];
  formFields: FormField[];
}

export interface Catalogue {
  catalogueVersion: string;
  publishedOn: string;
  stages: Stage[];
  certificateTypes: CertificateType[];
  matters: Matter[];
}

/** What a case keeps of its matter: enough to compute deadlines and issue without the catalogue. */
export interface MatterSnapshot {
  catalogueVersion: string;
  code: string;
  name: string;
  nameEn: string;
  stage: StageId;
  legalDays: number;
  promisedDays: number;
  greenChannel: boolean;
  certificateType: CertificateTypeId | null;
}

export function findMatter(catalogue: Catalogue, code: string): Matter | undefined {
  return catalogue.matters.find((m) => m.code === code);
}

export function findCertificateType(
  catalogue: Catalogue,
  id: CertificateTypeId,
): CertificateType | undefined {
  return catalogue.certificateTypes.find((c) => c.id === id);
}

export function mattersByStage(catalogue: Catalogue, stage: StageId): Matter[] {
  return catalogue.matters.filter((m) => m.stage === stage);
}

export function snapshotMatter(catalogue: Catalogue, matter: Matter): MatterSnapshot {
  return {
    catalogueVersion: catalogue.catalogueVersion,
    code: matter.code,
    name: matter.name,
    nameEn: matter.nameEn,
    stage: matter.stage,
    legalDays: matter.legalDays,
    promisedDays: matter.promisedDays,
    greenChannel: matter.greenChannel,
    certificateType: matter.certificateType,
  };
}

/** Answers to conditional questions, by question id. */
export type Answers = Readonly<Record<string, string | undefined>>;

export interface ChecklistItem extends Material {
  /** The applicant must bring it (required, or conditional and the answer calls for it). */
  needed: boolean;
  /** Conditional, but its question has no answer yet: shown, flagged, counted as needed. */
  undecided: boolean;
}

/**
 * The personalised checklist for the one-time notification: required items, conditional items
 * whose answer calls for them (or whose question is still open), and optional items. Conditional
 * items ruled out by an answer are left off.
 */
export function materialsFor(matter: Matter, answers: Answers): ChecklistItem[] {
  const out: ChecklistItem[] = [];
  for (const m of matter.materials) {
    if (m.requirement === 'required') out.push({ ...m, needed: true, undecided: false });
    else if (m.requirement === 'optional') out.push({ ...m, needed: false, undecided: false });
    else {
      const answer = m.questionId === undefined ? undefined : answers[m.questionId];
      if (answer === undefined || answer === '') out.push({ ...m, needed: true, undecided: true });
      else if ((m.when ?? []).includes(answer)) out.push({ ...m, needed: true, undecided: false });
    }
  }
  return out;
}

/**
 * How a checklist line reads: a conditional item the answers call for (授权委托书 when an agent
 * acts) is simply required; one whose question is open is undecided.
 */
export function shownRequirement(item: ChecklistItem): 'required' | 'optional' | 'undecided' {
  if (item.undecided) return 'undecided';
  return item.needed ? 'required' : 'optional';
}

/** Questions of a matter that still decide something and have no answer. */
export function unansweredQuestions(matter: Matter, answers: Answers): ConditionalQuestion[] {
  return matter.questions.filter(
    (q) =>
      (answers[q.id] ?? '') === '' &&
      matter.materials.some((m) => m.requirement === 'conditional' && m.questionId === q.id),
  );
}

export interface CatalogueProblem {
  code:
    | 'duplicate_matter'
    | 'duplicate_material'
    | 'unknown_question'
    | 'unknown_option'
    | 'conditional_without_question'
    | 'promised_over_legal'
    | 'promised_over_two_thirds'
    | 'unknown_certificate_type'
    | 'bad_limit';
  matter: string;
  item?: string;
}

/** Checks an edited catalogue before it is published; an empty list means it is usable. */
export function validateCatalogue(catalogue: Catalogue): CatalogueProblem[] {
  const problems: CatalogueProblem[] = [];
  const codes = new Set<string>();
  const certTypes = new Set(catalogue.certificateTypes.map((c) => c.id));
  for (const m of catalogue.matters) {
    if (codes.has(m.code)) problems.push({ code: 'duplicate_matter', matter: m.code });
    codes.add(m.code);
    if (
      !Number.isInteger(m.legalDays) ||
      !Number.isInteger(m.promisedDays) ||
      m.legalDays < 0 ||
      m.promisedDays < 0
    ) {
      problems.push({ code: 'bad_limit', matter: m.code });
    }
    if (m.promisedDays > m.legalDays)
      problems.push({ code: 'promised_over_legal', matter: m.code });
    // Henan practice: the promised limit is at most two thirds of the legal one.
    else if (m.promisedDays * 3 > m.legalDays * 2) {
      problems.push({ code: 'promised_over_two_thirds', matter: m.code });
    }
    if (m.certificateType !== null && !certTypes.has(m.certificateType)) {
      problems.push({ code: 'unknown_certificate_type', matter: m.code });
    }
    const ids = new Set<string>();
    for (const mat of m.materials) {
      if (ids.has(mat.id))
        problems.push({ code: 'duplicate_material', matter: m.code, item: mat.id });
      ids.add(mat.id);
      if (mat.requirement !== 'conditional') continue;
      const q = m.questions.find((x) => x.id === mat.questionId);
      if (mat.questionId === undefined || !mat.when || mat.when.length === 0) {
        problems.push({ code: 'conditional_without_question', matter: m.code, item: mat.id });
      } else if (!q) {
        problems.push({ code: 'unknown_question', matter: m.code, item: mat.id });
      } else if (mat.when.some((w) => !q.options.some((o) => o.value === w))) {
        problems.push({ code: 'unknown_option', matter: m.code, item: mat.id });
      }
    }
  }
  return problems;
}
