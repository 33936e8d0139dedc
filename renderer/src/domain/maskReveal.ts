// Who may see a case's personal numbers in full on the case page. The data layer checks this
// against the role stored for the signed-in user before it records the reveal; the case page
// uses it only to decide whether to offer the button.
import type { Role } from './roles';

/**
 * The roles whose work needs the whole number:
 * - clerk: checks the ID card against the file at intake, supplement and hand-over (the counter
 *   flow: a certificate collected at the window records who, with which ID, when);
 * - chief: takes in cases too (the counter roles in roles.ts) and signs credit-code overrides;
 * - director: answers for the case, handles complaints and extensions that name the applicant;
 * - admin: corrects a mistyped number for the counter.
 *
 * Not the reviewer (审查): the review judges the planning materials against the rules, and the
 * identity was already checked against the original at intake. docs/security.md keeps full values
 * to "where the task needs them"; the masked number still lets a reviewer tell two applicants
 * apart.
 */
export const REVEAL_ROLES: readonly Role[] = ['clerk', 'chief', 'director', 'admin'];

export function mayRevealPersonalData(role: string): boolean {
  return (REVEAL_ROLES as readonly string[]).includes(role);
}
