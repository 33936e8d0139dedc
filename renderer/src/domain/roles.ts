// Roles and who may issue which command. decide() checks this table on every command, so a
// hidden button is never the only guard. The table is data so that a bureau can adjust it.
import type { CommandType } from './commands';

/**
 * A person's role, or 'device': the rating device (评价器) facing the applicant, which records the
 * applicant's own tap and nothing else. No user is ever stored with it (ROLES lists the persons'
 * roles; isRole() accepts only those).
 */
export type Role = 'clerk' | 'reviewer' | 'chief' | 'director' | 'admin' | 'device';

export const ROLES: readonly Role[] = ['clerk', 'reviewer', 'chief', 'director', 'admin'];

/** Every role an actor of a command may have: the persons' and the rating device's. */
export const ACTOR_ROLES: readonly Role[] = [...ROLES, 'device'];

/** Who acts: passed to decide() by the data layer from the signed-in user. */
export interface Actor {
  id: string;
  name: string;
  role: Role;
}

export type PermissionTable = Readonly<Record<CommandType, readonly Role[]>>;

const counter: readonly Role[] = ['clerk', 'chief'];
const approvers: readonly Role[] = ['reviewer', 'chief', 'director'];

export const defaultPermissions: PermissionTable = {
  counsellingSaved: counter,
  accept: counter,
  acceptWithDeficiencies: counter,
  requestSupplement: counter,
  refuse: counter,
  supplementReceived: counter,
  withdraw: counter,
  // 审查 → 审核 → 审批: each step belongs to one role.
  review: ['reviewer'],
  verify: ['chief'],
  approve: ['director'],
  // Sending a case back is done by the step that received it (checked again in decide).
  returnToPrevious: ['chief', 'director'],
  suspend: approvers,
  resume: approvers,
  // Art. 42: the extension needs the head of the bureau.
  extend: ['director'],
  deny: ['director'],
  certificateIssued: ['clerk'],
  delivered: ['clerk'],
  certificateVoided: ['chief', 'director'],
  certificateReissued: ['clerk'],
  // 一次一评: only the applicant's tap on the rating device (decide refuses anyone else too).
  ratingRecorded: ['device'],
  // 申诉: the section chief appeals a rating believed mistaken or malicious; the director decides.
  appealRating: ['chief'],
  decideRatingAppeal: ['director'],
  // The counter's clerk who finished the ticket; an administrator or chief may stand in at a window.
  ticketServed: ['clerk', 'chief', 'admin'],
  userCreated: ['admin'],
  userRoleChanged: ['admin'],
  userDisabled: ['admin'],
};

export function can(
  role: Role,
  commandType: CommandType,
  table: PermissionTable = defaultPermissions,
): boolean {
  return table[commandType].includes(role);
}

export function isRole(s: string): s is Role {
  return (ROLES as readonly string[]).includes(s);
}

/** Roles that may override a failing credit-code check. */
export const SUPERVISOR_ROLES: readonly Role[] = ['chief', 'director'];
