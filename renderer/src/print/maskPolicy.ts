// Which paper prints a personal number in full and which masks it — decided once, here.
//
// The rule: an ID number is never printed in full (docs/security.md: full values only where the
// task needs them — no paper's task does: the file holds the number, and a paper can be lost). It
// is shown masked where a paper identifies the person (the notices, the receipt, the collector on
// the 送达回证). The applicant's phone prints in full only on the applicant's own copy of a written
// decision of the 行政许可法 (受理、补正、不予受理、特殊程序、恢复审查、延期、不予许可 — docs/domain.md:
// the notice carries applicant, contact and phone): that is where they check the office can reach
// them, and a masked number cannot be checked for a typo. Everything else masks it: the 收件回执 is
// a claim ticket (whoever holds it can ask and collect, and the 80 mm slip is easily lost), and
// the 一次性告知单 goes to whoever asked, before any application exists. A 统一社会信用代码 is public
// (business licence, national registry) and always prints in full. Certificates, ledgers and the
// 红黑榜 print no personal number at all.
import { maskIdNumber, maskPartyCode, maskPhone } from '../domain/mask';
import type { TemplateName } from './templates';

/** The personal numbers a paper may print. */
export type PersonalField =
  /** The applicant's ID number (a person) — credit codes are public. */
  | 'partyCode'
  /** The applicant's contact phone. */
  | 'partyPhone'
  /** The ID number of whoever collected the result (送达回证). */
  | 'collectorId';

export type MaskRule = 'full' | 'mask';

const notice = { partyCode: 'mask', partyPhone: 'full' } as const;
const receipt = { partyCode: 'mask', partyPhone: 'mask' } as const;

export const MASK_POLICY = {
  acceptanceNotice: notice,
  supplementNotice: notice,
  refusalNotice: notice,
  specialProcedureNotice: notice,
  resumptionNotice: notice,
  extensionNotice: notice,
  denialDecision: notice,
  receiptA4: receipt,
  receiptThermal: receipt,
  oneTimeNotice: { partyPhone: 'mask' },
  serviceRecord: { collectorId: 'mask' },
  engineeringPermit: {},
  landUsePermit: {},
  siteSelection: {},
  ruralPermit: {},
  supervisionLedger: {},
  redBlackList: {},
  // The queue ticket carries no personal data at all (docs/floor.md).
  queueTicket: {},
} as const satisfies Record<TemplateName, Partial<Record<PersonalField, MaskRule>>>;

export type PaperName = keyof typeof MASK_POLICY;

/** The rule of one field on one paper; a field a paper is not meant to print is masked. */
export function maskRule(paper: PaperName, field: PersonalField): MaskRule {
  const rules: Partial<Record<PersonalField, MaskRule>> = MASK_POLICY[paper];
  return rules[field] ?? 'mask';
}

const full = (paper: PaperName, field: PersonalField) => maskRule(paper, field) === 'full';
/** A value a feature already masked (its own screen rule) is printed as it is, not starred again. */
const masked = (value: string) => value.includes('*');

/** The applicant's 统一社会信用代码 or ID number as this paper prints it. */
export function printedPartyCode(
  paper: PaperName,
  party: { kind: 'enterprise' | 'person'; code: string },
): string {
  if (full(paper, 'partyCode') || masked(party.code)) return party.code;
  return maskPartyCode(party.kind, party.code);
}

/** The applicant's phone as this paper prints it ('' stays ''). */
export function printedPhone(paper: PaperName, phone: string): string {
  if (!phone.trim()) return '';
  return full(paper, 'partyPhone') || masked(phone) ? phone : maskPhone(phone);
}

/** The collector's ID number as this paper prints it. */
export function printedCollectorId(paper: PaperName, id: string): string {
  if (!id.trim()) return '';
  return full(paper, 'collectorId') || masked(id) ? id : maskIdNumber(id);
}
