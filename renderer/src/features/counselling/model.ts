// The counselling form as plain data, and the rules the screen applies before it dispatches:
// which matters are chosen, which questions they ask, what is still missing, and the command
// that records the session. Kept free of React so the rules are tested without a screen.
import {
  defaultCatalogue,
  findMatter,
  hallDateTime,
  materialsFor,
  unansweredQuestions,
  type Catalogue,
  type ChecklistItem,
  type Command,
  type ConditionalQuestion,
  type Matter,
} from '../../domain';

export interface CounsellingForm {
  matterCodes: string[];
  /** Answers by question id; a question shared by two matters is answered once. */
  answers: Record<string, string>;
  applicantName: string;
  contactPhone: string;
  notes: string;
}

export const emptyForm = (): CounsellingForm => ({
  matterCodes: [],
  answers: {},
  applicantName: '',
  contactPhone: '',
  notes: '',
});

export const MAX_NAME = 100;
export const MAX_NOTES = 1000;

export function selectedMatters(
  form: Pick<CounsellingForm, 'matterCodes'>,
  catalogue: Catalogue = defaultCatalogue,
): Matter[] {
  return form.matterCodes
    .map((code) => findMatter(catalogue, code))
    .filter((m): m is Matter => m !== undefined);
}

/** Questions that decide a material of any chosen matter, each once, in the matters' order. */
export function questionsOf(matters: Matter[]): ConditionalQuestion[] {
  const seen = new Set<string>();
  const out: ConditionalQuestion[] = [];
  for (const m of matters) {
    for (const q of m.questions) {
      const decides = m.materials.some(
        (mat) => mat.requirement === 'conditional' && mat.questionId === q.id,
      );
      if (decides && !seen.has(q.id)) {
        seen.add(q.id);
        out.push(q);
      }
    }
  }
  return out;
}

export function checklistOf(matter: Matter, answers: CounsellingForm['answers']): ChecklistItem[] {
  return materialsFor(matter, answers);
}

/** Mobile (13800138000) or fixed line with optional area code (0371-63500000). */
export function isContactPhone(s: string): boolean {
  return /^1[3-9]\d{9}$/.test(s) || /^(0\d{2,3}-?)?[2-9]\d{6,7}(-\d{1,6})?$/.test(s);
}

export type FormProblem =
  | { code: 'no_matter' }
  | { code: 'unanswered'; questionIds: string[] }
  | { code: 'bad_phone' }
  | { code: 'name_too_long' }
  | { code: 'notes_too_long' };

/** Everything that stops a save, in the order the clerk should fix it; empty = may save. */
export function formProblems(
  form: CounsellingForm,
  catalogue: Catalogue = defaultCatalogue,
): FormProblem[] {
  const problems: FormProblem[] = [];
  const matters = selectedMatters(form, catalogue);
  if (matters.length === 0) problems.push({ code: 'no_matter' });
  const open = new Set<string>();
  for (const m of matters) for (const q of unansweredQuestions(m, form.answers)) open.add(q.id);
  if (open.size > 0) {
    // Keep the order the questions are shown in.
    const ids = questionsOf(matters)
      .map((q) => q.id)
      .filter((id) => open.has(id));
    problems.push({ code: 'unanswered', questionIds: ids });
  }
  const phone = form.contactPhone.trim();
  if (phone !== '' && !isContactPhone(phone)) problems.push({ code: 'bad_phone' });
  if (form.applicantName.trim().length > MAX_NAME) problems.push({ code: 'name_too_long' });
  if (form.notes.trim().length > MAX_NOTES) problems.push({ code: 'notes_too_long' });
  return problems;
}

/**
 * The command that records the session. Answers to questions no chosen matter asks (left over
 * from a matter the clerk unticked) are dropped, so intake never pre-fills a stale answer.
 */
export function toCommand(
  form: CounsellingForm,
  counsellingId: string,
  catalogue: Catalogue = defaultCatalogue,
): Extract<Command, { type: 'counsellingSaved' }> {
  const matters = selectedMatters(form, catalogue);
  const asked = new Set(questionsOf(matters).map((q) => q.id));
  const answers: Record<string, string> = {};
  for (const [id, value] of Object.entries(form.answers)) {
    if (asked.has(id) && value !== '') answers[id] = value;
  }
  const name = form.applicantName.trim();
  const phone = form.contactPhone.trim();
  const notes = form.notes.trim();
  return {
    type: 'counsellingSaved',
    counsellingId,
    matterCodes: matters.map((m) => m.code),
    answers,
    ...(name ? { applicantName: name } : {}),
    ...(phone ? { contactPhone: phone } : {}),
    ...(notes ? { notes } : {}),
  };
}

/** Name or code contains every word of the query (either language, any case). */
export function matchesQuery(matter: Matter, query: string): boolean {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const hay = `${matter.code} ${matter.name} ${matter.nameEn}`.toLowerCase();
  return words.every((w) => hay.includes(w));
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/**
 * The session id, also its printed number: FD + station + the hall's date-time + a random tail.
 * The station code keeps ids of two stations apart; the time makes them sort newest last.
 */
export function newCounsellingId(stationCode: string, now: Date, random = Math.random): string {
  // The hall's date and time (Beijing), whatever zone the PC is set to; seconds are the same in
  // every zone.
  const stamp = hallDateTime(now).replace(/\D/g, '') + pad(now.getUTCSeconds());
  const tail = Math.floor(random() * 36 ** 3)
    .toString(36)
    .toUpperCase()
    .padStart(3, '0');
  return `FD${stationCode}${stamp}${tail}`;
}
