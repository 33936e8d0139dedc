// Which actions the step screen offers for a case and a role, and the checks of the dialogs'
// input. An approver sees only what the permission table lets them do; anyone else sees the
// step's actions as they are, so an attempt reaches the domain and is refused there with its
// message (the screen is never the only guard).
import {
  can,
  isApprovalStep,
  MAX_EXPECTED_DAYS,
  type CaseState,
  type CommandType,
  type Role,
} from '../../domain';
import { isApprover, PASS_COMMAND } from './inboxModel';

export type StepActionKind = 'pass' | 'return' | 'suspend' | 'resume' | 'extend' | 'deny';

const COMMAND_OF: Record<Exclude<StepActionKind, 'pass'>, CommandType> = {
  return: 'returnToPrevious',
  suspend: 'suspend',
  resume: 'resume',
  extend: 'extend',
  deny: 'deny',
};

export function commandOf(kind: StepActionKind, state: CaseState): CommandType | null {
  if (kind !== 'pass') return COMMAND_OF[kind];
  return isApprovalStep(state.status) ? PASS_COMMAND[state.status] : null;
}

export function availableActions(state: CaseState, role: Role): StepActionKind[] {
  let kinds: StepActionKind[] = [];
  if (isApprovalStep(state.status)) {
    kinds = ['pass', 'return', 'suspend', 'extend', 'deny'];
    // 审查 is the first step: there is nothing to return to.
    if (state.status === 'review') kinds = kinds.filter((k) => k !== 'return');
  } else if (state.status === 'suspended') kinds = ['resume', 'extend'];
  // Art. 42 allows one extension.
  if (state.extension) kinds = kinds.filter((k) => k !== 'extend');
  if (!isApprover(role)) return kinds;
  return kinds.filter((k) => {
    const type = commandOf(k, state);
    return type !== null && can(role, type);
  });
}

/** Expected working days of a special procedure: a whole number from 1 to 365, else null. */
export function parseExpectedDays(raw: string): number | null {
  const s = raw.trim();
  if (!/^\d+$/.test(s)) return null;
  const n = Number(s);
  return n >= 1 && n <= MAX_EXPECTED_DAYS ? n : null;
}

/** Standard opinion phrases per step (texts in the approval locale files, keyed phrase.<step>.<id>). */
export const PHRASES = {
  review: ['conform', 'conditions', 'site'],
  verify: ['agree', 'agreeConditions'],
  approval: ['approve', 'asVerified'],
} as const;

/**
 * Picking a phrase: an empty box takes it whole; text the approver already typed is kept and the
 * phrase goes on a new line, so a pick never throws work away.
 */
export function withPhrase(current: string, phrase: string): string {
  const text = current.trimEnd();
  if (!text) return phrase;
  if (text.includes(phrase)) return current;
  return `${text}\n${phrase}`;
}
