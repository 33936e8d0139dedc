// The intake decisions (accept, 容缺受理, 补正, 不予受理): the checks that happen at the counter
// before a case exists. Split from decide.ts to keep each file readable.
import { addWorkingDays, isEstimated, type HolidayCalendar } from './calendar';
import {
  findMatter,
  materialsFor,
  snapshotMatter,
  unansweredQuestions,
  type Catalogue,
  type Matter,
} from './catalogue';
import type { Command, IntakeDetails, MissingItem } from './commands';
import { compareDates, isLocalDate } from './dates';
import { SUPPLEMENT_NOTICE_DAYS } from './deadlines';
import type { DomainEvent } from './events';
import {
  describeCreditCode,
  isValidCreditCode,
  isValidIdNumber,
  isValidMobile,
  isValidProjectCode,
} from './ids';
import type { Refusal } from './refusals';
import { SUPERVISOR_ROLES } from './roles';

export type IntakeCommand = Extract<
  Command,
  { type: 'accept' | 'acceptWithDeficiencies' | 'requestSupplement' | 'refuse' }
>;

export type Outcome = { ok: true; events: DomainEvent[] } | { ok: false; refusal: Refusal };

export const refuse = (code: Refusal['code'], params?: Refusal['params']): Outcome =>
  params ? { ok: false, refusal: { code, params } } : { ok: false, refusal: { code } };

const blank = (s: string | undefined) => (s ?? '').trim() === '';
/** 补正要求及标准 of one item: a line in a table cell, not a letter. */
const MAX_REQUIREMENT = 200;

function isPhone(s: string): boolean {
  // Mobiles, or a landline with area code (0371-12345678); extensions are not printed.
  return isValidMobile(s) || /^0\d{2,3}-?\d{7,8}$/.test(s);
}

/**
 * Checks of the applicant, contact, matter and green channel. `full` for the acceptances: the
 * whole application is on record. 不予受理 and 补正 are decided on what their papers print — the
 * applicant's name, the matter, the reason or the missing items — so a walk-in can be refused
 * quickly: a code, ID number or phone is checked only if it was given.
 */
function checkDetails(
  intake: IntakeDetails,
  matter: Matter | undefined,
  today: string,
  full: boolean,
): Refusal | null {
  if (!matter) return { code: 'unknown_matter', params: { matterCode: intake.matterCode } };
  if (intake.greenChannel && !matter.greenChannel) return { code: 'green_channel_not_allowed' };
  const a = intake.applicant;
  if (blank(a.name)) return { code: 'applicant_name_required' };
  const given = (s: string | undefined) => full || !blank(s);
  if (a.kind === 'enterprise') {
    if (given(a.creditCode)) {
      if (!describeCreditCode(a.creditCode)) return { code: 'invalid_credit_code' };
      if (!isValidCreditCode(a.creditCode)) {
        const o = intake.creditCodeOverride;
        if (!o) return { code: 'credit_code_check_failed' };
        if (!SUPERVISOR_ROLES.includes(o.supervisorRole))
          return { code: 'override_not_supervisor' };
        if (blank(o.reason)) return { code: 'reason_required' };
      }
    }
  } else if (given(a.idNumber) && !isValidIdNumber(a.idNumber, today)) {
    return { code: 'invalid_id_number' };
  }
  if (
    intake.agent &&
    given(intake.agent.idNumber) &&
    !isValidIdNumber(intake.agent.idNumber, today)
  )
    return { code: 'invalid_id_number' };
  if (given(intake.contact.phone) && !isPhone(intake.contact.phone))
    return { code: 'invalid_phone' };
  if (!blank(intake.projectCode) && !isValidProjectCode(intake.projectCode ?? '')) {
    return { code: 'invalid_project_code' };
  }
  if (intake.receivedOn !== undefined && !isLocalDate(intake.receivedOn)) {
    return { code: 'invalid_date', params: { value: intake.receivedOn } };
  }
  return null;
}

/** Needed checklist items not received in conforming form. */
function missingNeeded(matter: Matter, intake: IntakeDetails) {
  const ok = new Set(
    intake.materials.filter((m) => m.received && m.conforming).map((m) => m.materialId),
  );
  return materialsFor(matter, intake.answers).filter((i) => i.needed && !ok.has(i.id));
}

const names = (items: { name: string }[]) => items.map((i) => i.name).join('、');

export function decideIntake(
  cmd: IntakeCommand,
  today: string,
  catalogue: Catalogue,
  calendar: HolidayCalendar,
): Outcome {
  const matter = findMatter(catalogue, cmd.intake.matterCode);
  const full = cmd.type === 'accept' || cmd.type === 'acceptWithDeficiencies';
  const bad = checkDetails(cmd.intake, matter, today, full);
  if (bad) return { ok: false, refusal: bad };
  const m = matter as Matter;
  const receivedOn = cmd.intake.receivedOn ?? today;
  const base = {
    caseId: cmd.caseId,
    caseNo: cmd.caseNo,
    intake: cmd.intake,
    matter: snapshotMatter(catalogue, m),
    receivedOn,
    on: today,
  };

  if (cmd.type === 'refuse') {
    if (blank(cmd.detail)) return refuse('reason_required');
    if (cmd.ground === 'outsideRemit' && blank(cmd.rightAgency)) return refuse('agency_required');
    const rightAgency = cmd.rightAgency === undefined ? {} : { rightAgency: cmd.rightAgency };
    return {
      ok: true,
      events: [
        { type: 'caseRefused', ...base, ground: cmd.ground, detail: cmd.detail, ...rightAgency },
      ],
    };
  }

  if (cmd.type === 'requestSupplement') {
    if (cmd.missing.length === 0 || cmd.missing.some((i) => blank(i.name)))
      return refuse('nothing_missing');
    // Art. 32: after five working days the application counts as accepted on arrival. A limit
    // counted across a year without holiday data is only an estimate (too early, if anything):
    // it never refuses the notice.
    const limit = addWorkingDays(receivedOn, SUPPLEMENT_NOTICE_DAYS, calendar);
    if (compareDates(today, limit) > 0 && !isEstimated(receivedOn, today, calendar))
      return refuse('supplement_notice_too_late', { dueOn: limit });
    if (cmd.dueOn !== undefined && (!isLocalDate(cmd.dueOn) || compareDates(cmd.dueOn, today) <= 0))
      return refuse('supplement_due_invalid');
    if (cmd.missing.some((i) => (i.standard ?? '').length > MAX_REQUIREMENT))
      return refuse('requirement_too_long', { max: MAX_REQUIREMENT });
    const dueOn = cmd.dueOn === undefined ? {} : { dueOn: cmd.dueOn };
    return {
      ok: true,
      events: [{ type: 'supplementRequested', ...base, missing: cmd.missing, ...dueOn }],
    };
  }

  const open = unansweredQuestions(m, cmd.intake.answers);
  if (open.length > 0)
    return refuse('question_unanswered', { question: (open[0] as { text: string }).text });
  const missing = missingNeeded(m, cmd.intake);
  const greenChannel = cmd.intake.greenChannel;

  if (cmd.type === 'accept') {
    if (missing.length > 0) return refuse('materials_incomplete', { items: names(missing) });
    return {
      ok: true,
      events: [{ type: 'caseAccepted', ...base, greenChannel, deficiencies: null }],
    };
  }

  // 容缺受理: only secondary items may be missing, each named with a due date and a commitment.
  if (missing.length === 0) return refuse('nothing_missing');
  const notDeferrable = missing.filter((i) => !i.deferrable);
  if (notDeferrable.length > 0) return refuse('not_deferrable', { items: names(notDeferrable) });
  const listed = new Set(cmd.deficiencies.map((d: MissingItem) => d.materialId));
  const unlisted = missing.filter((i) => !listed.has(i.id));
  if (unlisted.length > 0) return refuse('deficiency_not_listed', { items: names(unlisted) });
  if (!isLocalDate(cmd.dueOn) || compareDates(cmd.dueOn, today) <= 0)
    return refuse('due_date_invalid');
  if (blank(cmd.commitment)) return refuse('commitment_required');
  return {
    ok: true,
    events: [
      {
        type: 'caseAccepted',
        ...base,
        greenChannel,
        deficiencies: { items: cmd.deficiencies, dueOn: cmd.dueOn, commitment: cmd.commitment },
      },
    ],
  };
}
