// From the draft to the domain: the IntakeDetails of a command, the problems to show next to
// each field (the same rules decide() applies, shown before the clerk presses a button), and
// the checklist lines still missing.
import {
  defaultCatalogue,
  describeCreditCode,
  describeIdNumber,
  findMatter,
  isValidCreditCode,
  isValidIdNumber,
  isValidMobile,
  isValidProjectCode,
  materialsFor,
  normaliseCode,
  unansweredQuestions,
  type ChecklistItem,
  type IntakeDetails,
  type Matter,
  type MissingItem,
} from '../../domain';
import { defaultTick, type IntakeDraft } from './draft';

export type FieldProblem =
  | 'required'
  | 'creditCodeShape'
  | 'creditCodeCheck'
  | 'idNumber'
  | 'phone'
  | 'projectCode'
  | 'question';

export type Problems = Partial<Record<string, FieldProblem>>;

const CREDIT_SHAPE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

/** Project name and code are asked in the project section; the rest of the form here. */
export const PROJECT_FIELD_KEYS = ['projectName', 'projectCode'];
export const formFieldsOf = (matter: Matter) =>
  matter.formFields.filter((f) => !PROJECT_FIELD_KEYS.includes(f.key));

export const matterOf = (d: IntakeDraft): Matter | undefined =>
  d.matterCode ? findMatter(defaultCatalogue, d.matterCode) : undefined;

/** The answers with the agent question following the agent switch. */
export function answersOf(d: IntakeDraft, matter: Matter | undefined): Record<string, string> {
  const answers = { ...d.answers };
  if (matter?.questions.some((q) => q.id === 'agent')) answers.agent = d.hasAgent ? 'yes' : 'no';
  return answers;
}

export function checklistOf(d: IntakeDraft): ChecklistItem[] {
  const matter = matterOf(d);
  return matter ? materialsFor(matter, answersOf(d, matter)) : [];
}

/** Needed lines not received in conforming form. */
export function missingOf(d: IntakeDraft): ChecklistItem[] {
  return checklistOf(d).filter((i) => {
    const t = d.materials[i.id];
    return i.needed && !(t?.received && t.conforming);
  });
}

export const asMissingItem = (i: ChecklistItem): MissingItem => ({
  materialId: i.id,
  name: i.name,
  ...(i.standard ? { standard: i.standard } : {}),
});

export function creditCodeState(code: string) {
  const c = normaliseCode(code);
  if (!c) return { problem: 'required' as const, parts: null };
  if (!CREDIT_SHAPE.test(c)) return { problem: 'creditCodeShape' as const, parts: null };
  if (!isValidCreditCode(c))
    return { problem: 'creditCodeCheck' as const, parts: describeCreditCode(c) };
  return { problem: null, parts: describeCreditCode(c) };
}

export function idNumberState(id: string, today: string) {
  const c = normaliseCode(id);
  if (!c) return { problem: 'required' as const, parts: null };
  if (!isValidIdNumber(c, today)) return { problem: 'idNumber' as const, parts: null };
  return { problem: null, parts: describeIdNumber(c) };
}

/**
 * What a decision needs from the form: 'full' for 受理 and 容缺受理 (the whole application);
 * 'short' for 不予受理 and 补正, which print only the applicant, the matter and the reason or
 * the missing items — a code, ID number or phone is checked only if it was typed. The same
 * split as the domain's checkDetails.
 */
export type DecisionScope = 'full' | 'short';

/** Every problem of the draft by field key. An empty object means the decision may be made. */
export function problemsOf(d: IntakeDraft, today: string, scope: DecisionScope = 'full'): Problems {
  const full = scope === 'full';
  const p: Problems = {};
  const req = (key: string, value: string) => {
    if (!value.trim()) p[key] = 'required';
  };
  /** Required for an acceptance; for a refusal only checked when typed. */
  const given = (value: string) => full || value.trim() !== '';
  req('applicantName', d.applicantName);
  if (d.applicantKind === 'enterprise') {
    const cc = creditCodeState(d.creditCode);
    // A failing check may pass with a recorded supervisor override; a wrong shape never does.
    if (given(d.creditCode) && cc.problem && !(cc.problem === 'creditCodeCheck' && d.override))
      p.creditCode = cc.problem;
  } else {
    const id = idNumberState(d.idNumber, today);
    if (given(d.idNumber) && id.problem) p.idNumber = id.problem;
  }
  if (full) req('contactName', d.contactName);
  const phone = d.contactPhone.trim();
  if (!phone) {
    if (full) p.contactPhone = 'required';
  } else if (!isValidMobile(phone) && !/^0\d{2,3}-?\d{7,8}$/.test(phone)) p.contactPhone = 'phone';
  if (d.hasAgent) {
    if (full) req('agentName', d.agentName);
    const a = idNumberState(d.agentIdNumber, today);
    if (given(d.agentIdNumber) && a.problem) p.agentIdNumber = a.problem;
  }
  if (full) req('projectName', d.projectName);
  if (d.projectCode.trim() && !isValidProjectCode(d.projectCode.trim().toUpperCase()))
    p.projectCode = 'projectCode';
  if (!d.matterCode) p.matterCode = 'required';
  const matter = matterOf(d);
  if (matter && full) {
    for (const q of unansweredQuestions(matter, answersOf(d, matter))) p[`q:${q.id}`] = 'question';
    for (const f of formFieldsOf(matter)) if (f.required) req(`f:${f.key}`, d.fields[f.key] ?? '');
  }
  return p;
}

/** Questions still open: the list of needed materials (and so a 补正 notice) depends on them. */
export function openQuestionsOf(d: IntakeDraft): string[] {
  const matter = matterOf(d);
  return matter ? unansweredQuestions(matter, answersOf(d, matter)).map((q) => q.id) : [];
}

export function intakeDetailsOf(d: IntakeDraft, today: string): IntakeDetails {
  const matter = matterOf(d);
  const answers = answersOf(d, matter);
  const applicant: IntakeDetails['applicant'] =
    d.applicantKind === 'enterprise'
      ? {
          kind: 'enterprise',
          name: d.applicantName.trim(),
          creditCode: normaliseCode(d.creditCode),
          ...(d.legalRepresentative.trim()
            ? { legalRepresentative: d.legalRepresentative.trim() }
            : {}),
        }
      : { kind: 'person', name: d.applicantName.trim(), idNumber: normaliseCode(d.idNumber) };
  const materials = (matter ? materialsFor(matter, answers) : []).map((i) => {
    const t = d.materials[i.id] ?? defaultTick(i.form, i.copies);
    return {
      materialId: i.id,
      received: t.received,
      form: t.form,
      copies: t.copies,
      pages: t.pages,
      conforming: t.conforming,
      ...(t.note.trim() ? { note: t.note.trim() } : {}),
    };
  });
  return {
    matterCode: d.matterCode,
    applicant,
    contact: { name: d.contactName.trim(), phone: d.contactPhone.trim() },
    ...(d.hasAgent
      ? {
          agent: {
            name: d.agentName.trim(),
            idNumber: normaliseCode(d.agentIdNumber),
            ...(d.agentPhone.trim() ? { phone: d.agentPhone.trim() } : {}),
          },
        }
      : {}),
    projectName: d.projectName.trim(),
    ...(d.projectCode.trim() ? { projectCode: d.projectCode.trim().toUpperCase() } : {}),
    channel: d.channel,
    greenChannel: d.greenChannel && !!matter?.greenChannel,
    answers,
    materials,
    fields: {
      ...d.fields,
      projectName: d.projectName.trim(),
      ...(d.projectCode.trim() ? { projectCode: d.projectCode.trim().toUpperCase() } : {}),
    },
    receivedOn: today,
    delivery: d.delivery,
    ...(d.counsellingId ? { counsellingId: d.counsellingId } : {}),
    ...(d.override ? { creditCodeOverride: d.override } : {}),
  };
}
