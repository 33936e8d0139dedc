// decide(): the one place that says whether a command may happen, and what events it produces.
// It checks the actor's role, the case's status and the command's own data, and never throws
// on a refused command: the refusal carries a code the UI turns into a message.
import { defaultCalendar, type HolidayCalendar } from './calendar';
import { findMatter, defaultCatalogue, type Catalogue } from './catalogue';
import {
  isApprovalStep,
  itemKey,
  PREVIOUS_STEP,
  PROCESSING,
  STEP_ROLE,
  WITHDRAWABLE,
  type CaseState,
} from './caseState';
import type { Command } from './commands';
import { InvalidDateError, toLocalDate, CHINA_TZ_OFFSET_MINUTES } from './dates';
import { decideIntake, refuse, type Outcome } from './decideIntake';
import { STATUTORY_EXTENSION_DAYS } from './deadlines';
import type { ApprovalStep, DomainEvent } from './events';
import { isValidExternalNumber } from './numbering';
import { decideRating } from './decideRating';
import { isValidIdNumber } from './ids';
import { can, defaultPermissions, type Actor, type PermissionTable, type Role } from './roles';

export type Decision = Outcome;

/** What a user command needs to know about the user it targets (from the data layer). */
export interface UserRecord {
  id: string;
  role: Role;
  disabled: boolean;
}

export interface DecideContext {
  catalogue?: Catalogue;
  calendar?: HolidayCalendar;
  permissions?: PermissionTable;
  /** Offset of the hall's local time; default UTC+8. */
  tzOffsetMinutes?: number;
  /** For user commands: the targeted user as stored, or null if there is none. */
  user?: UserRecord | null;
}

const blank = (s: string | undefined) => (s ?? '').trim() === '';
const one = (e: DomainEvent): Decision => ({ ok: true, events: [e] });

/** Longest text of one certificate field (the attachments list is the long one). */
export const MAX_CERTIFICATE_VALUE_LENGTH = 500;

/** Certificate values: a flat record of at most 40 strings, none longer than the limit. */
function validCertificateValues(values: unknown): boolean {
  if (typeof values !== 'object' || values === null || Array.isArray(values)) return false;
  const entries = Object.entries(values);
  return (
    entries.length <= 40 &&
    entries.every(([, v]) => typeof v === 'string' && v.length <= MAX_CERTIFICATE_VALUE_LENGTH)
  );
}

/** Longest special procedure a notice may announce, in working days: guards against typos. */
export const MAX_EXPECTED_DAYS = 365;

function wrongStatus(cmd: Command, state: CaseState): Decision {
  return refuse('invalid_transition', { command: cmd.type, status: state.status });
}

function validCertificateNumber(number: string, external: boolean): boolean {
  if (external) return isValidExternalNumber(number);
  return !blank(number) && number.length <= 64;
}

function decideUser(
  cmd: Extract<Command, { userId: string }>,
  actor: Actor,
  ctx: DecideContext,
): Decision {
  const user = ctx.user ?? null;
  switch (cmd.type) {
    case 'userCreated':
      if (user) return refuse('user_exists');
      if (blank(cmd.username) || blank(cmd.name) || blank(cmd.userId))
        return refuse('invalid_user');
      return one({
        type: 'userCreated',
        userId: cmd.userId,
        username: cmd.username,
        name: cmd.name,
        role: cmd.role,
      });
    case 'userRoleChanged':
      if (!user) return refuse('user_not_found');
      // An administrator demoting themselves could leave the station with no administrator.
      if (user.id === actor.id) return refuse('cannot_change_own_account');
      if (user.disabled) return refuse('user_disabled');
      return one({ type: 'userRoleChanged', userId: cmd.userId, from: user.role, to: cmd.role });
    case 'userDisabled':
      if (!user) return refuse('user_not_found');
      if (user.id === actor.id) return refuse('cannot_change_own_account');
      if (user.disabled) return refuse('user_disabled');
      return one({
        type: 'userDisabled',
        userId: cmd.userId,
        ...(cmd.reason ? { reason: cmd.reason } : {}),
      });
  }
}

function decideCase(
  state: CaseState,
  cmd: Exclude<
    Command,
    { type: 'counsellingSaved' | 'userCreated' | 'userRoleChanged' | 'userDisabled' }
  >,
  actor: Actor,
  on: string,
): Decision {
  const s = state.status;
  const caseId = state.caseId;
  switch (cmd.type) {
    case 'accept':
    case 'acceptWithDeficiencies':
    case 'requestSupplement':
    case 'refuse':
      // Handled before: only reached when the case is not waiting for an intake decision.
      return wrongStatus(cmd, state);
    case 'supplementReceived': {
      const pool =
        s === 'supplementRequested'
          ? state.supplement?.outstanding
          : PROCESSING.includes(s) || s === 'approved'
            ? state.deficiencies?.outstanding
            : undefined;
      if (!pool || pool.length === 0) return wrongStatus(cmd, state);
      if (cmd.items.length === 0) return refuse('nothing_missing');
      const keys = new Set(pool.map(itemKey));
      const unknown = cmd.items.find((i) => !keys.has(i));
      if (unknown !== undefined) return refuse('unknown_item', { item: unknown });
      const completes = s === 'supplementRequested' ? 'supplement' : 'deficiencies';
      return one({
        type: 'supplementReceived',
        caseId,
        items: [...new Set(cmd.items)],
        completes,
        on,
      });
    }
    case 'review':
    case 'verify':
    case 'approve': {
      const step: ApprovalStep = cmd.type === 'approve' ? 'approval' : cmd.type;
      if (s !== step) return wrongStatus(cmd, state);
      if (blank(cmd.opinion)) return refuse('opinion_required');
      const type =
        cmd.type === 'review'
          ? 'caseReviewed'
          : cmd.type === 'verify'
            ? 'caseVerified'
            : 'caseApproved';
      return one({ type, caseId, opinion: cmd.opinion, by: actor, on });
    }
    case 'returnToPrevious': {
      if (!isApprovalStep(s)) return wrongStatus(cmd, state);
      const to = PREVIOUS_STEP[s];
      if (!to) return refuse('no_previous_step');
      if (STEP_ROLE[s] !== actor.role) {
        return refuse('forbidden_role', { command: cmd.type, role: actor.role });
      }
      if (blank(cmd.reason)) return refuse('reason_required');
      return one({ type: 'caseReturned', caseId, from: s, to, reason: cmd.reason, by: actor, on });
    }
    case 'suspend':
      if (!isApprovalStep(s)) return wrongStatus(cmd, state);
      if (blank(cmd.reason)) return refuse('reason_required');
      if (
        cmd.expectedDays !== undefined &&
        !(
          Number.isInteger(cmd.expectedDays) &&
          cmd.expectedDays >= 1 &&
          cmd.expectedDays <= MAX_EXPECTED_DAYS
        )
      )
        return refuse('invalid_expected_days', { max: MAX_EXPECTED_DAYS });
      return one({
        type: 'caseSuspended',
        caseId,
        kind: cmd.kind,
        reason: cmd.reason,
        ...(cmd.expectedDays !== undefined ? { expectedDays: cmd.expectedDays } : {}),
        by: actor,
        on,
      });
    case 'resume':
      if (s !== 'suspended') return wrongStatus(cmd, state);
      return one({
        type: 'caseResumed',
        caseId,
        by: actor,
        on,
        ...(cmd.note ? { note: cmd.note } : {}),
      });
    case 'extend':
      if (!PROCESSING.includes(s)) return wrongStatus(cmd, state);
      if (state.extension) return refuse('already_extended');
      if (blank(cmd.reason)) return refuse('reason_required');
      return one({
        type: 'caseExtended',
        caseId,
        reason: cmd.reason,
        days: STATUTORY_EXTENSION_DAYS,
        by: actor,
        on,
      });
    case 'deny':
      if (!isApprovalStep(s)) return wrongStatus(cmd, state);
      if (blank(cmd.reason)) return refuse('reason_required');
      return one({
        type: 'caseDenied',
        caseId,
        reason: cmd.reason,
        ...(cmd.legalBasis?.trim() ? { legalBasis: cmd.legalBasis.trim() } : {}),
        by: actor,
        on,
      });
    case 'withdraw':
      if (!WITHDRAWABLE.includes(s)) return wrongStatus(cmd, state);
      if (blank(cmd.reason)) return refuse('reason_required');
      return one({ type: 'caseWithdrawn', caseId, reason: cmd.reason, on });
    case 'certificateIssued': {
      if (s !== 'approved') return wrongStatus(cmd, state);
      const type = state.matter.certificateType;
      if (!type) return refuse('no_certificate_for_matter');
      // 容缺受理: the promised items must be in before the certificate goes out.
      if ((state.deficiencies?.outstanding.length ?? 0) > 0)
        return refuse('deficiencies_outstanding');
      if (!validCertificateNumber(cmd.number, cmd.external))
        return refuse('invalid_certificate_number');
      if (cmd.values !== undefined && !validCertificateValues(cmd.values))
        return refuse('invalid_certificate_values', { max: MAX_CERTIFICATE_VALUE_LENGTH });
      const seq = cmd.external ? null : (cmd.seq ?? null);
      return one({
        type: 'certificateIssued',
        caseId,
        certificateType: type,
        number: cmd.number,
        external: cmd.external,
        seq,
        ...(cmd.values ? { values: cmd.values } : {}),
        on,
      });
    }
    case 'delivered': {
      const noCertificate = s === 'approved' && state.matter.certificateType === null;
      if (s !== 'issued' && !noCertificate) return wrongStatus(cmd, state);
      const d = cmd.delivery;
      if (d.method === 'pickup') {
        if (blank(d.recipientName)) return refuse('delivery_details_required');
        if (!isValidIdNumber(d.recipientIdNumber, on)) return refuse('invalid_id_number');
        if (d.proxy && blank(d.proxyReason)) return refuse('proxy_reason_required');
      } else if (blank(d.carrier) || blank(d.trackingNo) || blank(d.address)) {
        return refuse('delivery_details_required');
      }
      return one({ type: 'caseDelivered', caseId, delivery: d, on });
    }
    case 'certificateVoided':
      if ((s !== 'issued' && s !== 'delivered') || !state.certificate)
        return wrongStatus(cmd, state);
      if (blank(cmd.reason)) return refuse('reason_required');
      return one({
        type: 'certificateVoided',
        caseId,
        number: state.certificate.number,
        reason: cmd.reason,
        by: actor,
        on,
      });
    case 'certificateReissued': {
      if (s !== 'certificateVoided') return wrongStatus(cmd, state);
      if (!validCertificateNumber(cmd.number, cmd.external))
        return refuse('invalid_certificate_number');
      const replaces = state.voidedCertificates.at(-1)?.number ?? '';
      // The same number cannot come back: a voided number stays voided.
      if (state.voidedCertificates.some((c) => c.number === cmd.number))
        return refuse('invalid_certificate_number');
      if (cmd.values !== undefined && !validCertificateValues(cmd.values))
        return refuse('invalid_certificate_values', { max: MAX_CERTIFICATE_VALUE_LENGTH });
      const seq = cmd.external ? null : (cmd.seq ?? null);
      return one({
        type: 'certificateReissued',
        caseId,
        number: cmd.number,
        external: cmd.external,
        seq,
        replaces,
        ...(cmd.values ? { values: cmd.values } : {}),
        on,
      });
    }
    case 'ratingRecorded':
    case 'appealRating':
    case 'decideRatingAppeal':
      return decideRating(state, cmd, actor, on);
    case 'ticketServed': {
      const k = cmd.ticket;
      if (
        !(k.waitingSeconds >= 0 && k.servingSeconds >= 0 && k.calls >= 1) ||
        !k.ticketId ||
        !k.finishedAt
      ) {
        return refuse('invalid_ticket');
      }
      if ((state.tickets ?? []).some((t) => t.ticketId === k.ticketId)) {
        return refuse('ticket_already_served');
      }
      return one({ type: 'ticketServed', caseId, ...k, on });
    }
  }
}

function decideInner(
  state: CaseState | null,
  command: Command,
  actor: Actor,
  now: Date | string,
  ctx: DecideContext,
): Decision {
  if (!can(actor.role, command.type, ctx.permissions ?? defaultPermissions)) {
    return refuse('forbidden_role', { command: command.type, role: actor.role });
  }
  const today = toLocalDate(now, ctx.tzOffsetMinutes ?? CHINA_TZ_OFFSET_MINUTES);
  const catalogue = ctx.catalogue ?? defaultCatalogue;
  const calendar = ctx.calendar ?? defaultCalendar;

  switch (command.type) {
    case 'counsellingSaved': {
      if (command.matterCodes.length === 0) return refuse('no_matters');
      const unknown = command.matterCodes.find((c) => !findMatter(catalogue, c));
      if (unknown !== undefined) return refuse('unknown_matter', { matterCode: unknown });
      return one({ ...command, catalogueVersion: catalogue.catalogueVersion, on: today });
    }
    case 'userCreated':
    case 'userRoleChanged':
    case 'userDisabled':
      return decideUser(command, actor, ctx);
    case 'accept':
    case 'acceptWithDeficiencies':
    case 'requestSupplement':
    case 'refuse':
      if (state === null || (state.caseId === command.caseId && state.status === 'intakePending')) {
        return decideIntake(command, today, catalogue, calendar);
      }
      break;
  }
  if (state === null || state.caseId !== command.caseId) return refuse('case_not_found');
  return decideCase(state, command as Parameters<typeof decideCase>[1], actor, today);
}

/**
 * The events `command` produces against `state`, or why it is refused. `now` is the current
 * instant (or a local date); events carry the hall's local date computed from it.
 */
export function decide(
  state: CaseState | null,
  command: Command,
  actor: Actor,
  now: Date | string,
  ctx: DecideContext = {},
): Decision {
  try {
    return decideInner(state, command, actor, now, ctx);
  } catch (e) {
    if (e instanceof InvalidDateError) return refuse('invalid_date', { value: e.value });
    throw e;
  }
}
