// View models of the printed papers: plain data, filled by features from the data layer.
// Dates are local ISO dates ('2026-11-29') or date-times ('2026-11-29T09:30').
import type { BusinessType } from '../domain/floor/types';

export type IsoDate = string;
export type IsoDateTime = string;

export interface Office {
  /** Full name as on the seal, e.g. 郑州市惠济区自然资源和规划局. */
  name: string;
  address: string;
  phone: string;
}

export interface Party {
  kind: 'enterprise' | 'person';
  name: string;
  /** 统一社会信用代码 or resident ID number. */
  code: string;
  contact: string;
  phone: string;
  address?: string;
}

export interface Officer {
  name: string;
  phone: string;
}

export type MaterialForm = 'original' | 'copy' | 'either';

export interface ReceivedMaterial {
  name: string;
  form: MaterialForm;
  copies: number;
  pages: number;
}

/** What every notice about one case shares. */
export interface CaseNoticeBase {
  docNumber: string;
  caseNumber: string;
  office: Office;
  issuedOn: IsoDate;
  applicant: Party;
  matterName: string;
  applicationDate: IsoDate;
  officer: Officer;
}

export interface AcceptanceNoticeData extends CaseNoticeBase {
  acceptedOn: IsoDate;
  materials: ReceivedMaterial[];
  legalLimitDays: number;
  promisedLimitDays: number;
  /**
   * Left out when the limit was counted across a year whose holidays are not yet entered: the
   * paper then states the limit in working days only, and promises no date it cannot keep.
   */
  promisedDueDate?: IsoDate;
  delivery: 'pickup' | 'post';
  /** Either may be '' (not set up yet): the sentence then names only the other, or is left out. */
  progressQuery: { phone: string; website: string };
  /** 容缺受理: the items promised later and their due date. */
  deficiency?: { items: string[]; dueDate: IsoDate };
}

export interface SupplementNoticeData extends CaseNoticeBase {
  /** requirement '' (an early notice) prints the general standard instead of a blank cell. */
  items: { name: string; requirement: string }[];
  /** The date by which the applicant is asked to supply (absent for early notices). */
  dueDate?: IsoDate;
}

export type RefusalReason =
  | { kind: 'no_licence_needed'; detail: string }
  | { kind: 'outside_remit'; detail: string; rightAgency: string }
  | { kind: 'false_materials'; detail: string }
  | { kind: 'other'; detail: string };

export interface Remedies {
  /** 行政复议机关 as the administrator set it; '' → "依法向有管辖权的行政复议机关申请". */
  reviewAgency: string;
  /** The court; '' → "依法向有管辖权的人民法院提起". */
  court: string;
}

export interface RefusalNoticeData extends CaseNoticeBase {
  reason: RefusalReason;
  remedies: Remedies;
}

export interface ReceiptData {
  caseNumber: string;
  office: Office;
  applicant: Party;
  matterName: string;
  receivedAt: IsoDateTime;
  channel: 'window' | 'mail' | 'online';
  materials: ReceivedMaterial[];
  /** Left out when only an estimate exists (see AcceptanceNoticeData); the days are printed. */
  promisedDueDate?: IsoDate;
  promisedLimitDays: number;
  officer: Officer;
  /** URL or text the QR code carries, e.g. the progress-query address with the case number. */
  qrPayload: string;
}

export interface OneTimeNoticeData {
  sessionNumber: string;
  office: Office;
  applicantName: string;
  contact: string;
  phone: string;
  counselledOn: IsoDate;
  matters: {
    name: string;
    promisedLimitDays: number;
    materials: { name: string; form: MaterialForm; copies: number; note?: string }[];
  }[];
  /** The answers that shaped the list ("land allocated or transferred?" → 出让). */
  answers: { question: string; answer: string }[];
  officer: Officer;
}

export interface SpecialProcedureNoticeData extends CaseNoticeBase {
  acceptedOn: IsoDate;
  procedure: 'hearing' | 'inspection' | 'testing' | 'expert_review' | 'public_notice';
  reason: string;
  startsOn: IsoDate;
  /** Working days the procedure is expected to take; 0 = not estimated (the clause is left out). */
  expectedDays: number;
}

/** 恢复审查告知书: the special procedure is over; how many working days it did not count. */
export interface ResumptionNoticeData extends CaseNoticeBase {
  acceptedOn: IsoDate;
  procedure: SpecialProcedureNoticeData['procedure'];
  startedOn: IsoDate;
  endedOn: IsoDate;
  /** Working days not counted in the licensing limit; null when the calendar cannot say. */
  notCountedDays: number | null;
}

export interface ExtensionNoticeData extends CaseNoticeBase {
  acceptedOn: IsoDate;
  /** Both left out when counted across a year whose holidays are not yet entered. */
  originalDueDate?: IsoDate;
  extendedDays: number;
  newDueDate?: IsoDate;
  reason: string;
}

export interface DenialDecisionData extends CaseNoticeBase {
  acceptedOn: IsoDate;
  facts: string;
  legalBasis: string;
  remedies: Remedies;
}

export interface ServiceRecordData {
  docNumber: string;
  office: Office;
  caseNumber: string;
  documents: { name: string; number: string; count: number }[];
  recipient: string;
  /** Who collected at the window and the ID number they showed, as recorded at delivery. */
  collector?: { name: string; idNumber: string };
  proxy?: { name: string; relation: string; reason: string };
  place: string;
  servedAt: IsoDateTime;
  method: 'direct' | 'post' | 'proxy' | 'left_at_address' | 'electronic';
  server: string;
  refused?: { reason: string; on: IsoDate; witnesses: string[] };
}

interface CertificateBase {
  certNumber: string;
  office: Office;
  issuedOn: IsoDate;
  attachments: string;
  /** The signed payload, produced elsewhere; printed as-is into the QR code. */
  qrPayload: string;
}

export interface EngineeringPermitData extends CertificateBase {
  builder: string;
  projectName: string;
  location: string;
  scale: string;
}

export interface LandUsePermitData extends CertificateBase {
  landUser: string;
  projectName: string;
  approvingAuthority: string;
  approvalNumber: string;
  location: string;
  areaSqm: string;
  landUse: string;
  scale: string;
  acquisition: string;
}

export interface SiteSelectionData extends CertificateBase {
  projectName: string;
  projectCode: string;
  builder: string;
  basis: string;
  location: string;
  areaSqm: string;
  /** Land-class detail of the proposed area, e.g. 农用地 1.2 公顷 (耕地 0.8 公顷)… */
  landClasses: string;
  scale: string;
}

export interface RuralPermitData extends CertificateBase {
  builder: string;
  projectName: string;
  location: string;
  scale: string;
  landUse: string;
}

export type TrafficLight = 'green' | 'yellow' | 'red';

export interface SupervisionLedgerData {
  office: Office;
  weekStart: IsoDate;
  weekEnd: IsoDate;
  generatedAt: IsoDateTime;
  rows: {
    caseNumber: string;
    applicant: string;
    matter: string;
    acceptedOn: IsoDate;
    dueDate: IsoDate;
    daysLeft: number;
    /** Counted across a year without holiday data: printed as an estimate. */
    daysLeftEstimated?: boolean;
    light: TrafficLight;
    stage: string;
    responsible: string;
    note: string;
  }[];
}

export interface RankingRow {
  name: string;
  department: string;
  cases: number;
  onTimeRate: number;
  averageDays: number;
  overdue: number;
}

export interface RedBlackListData {
  office: Office;
  /** 'YYYY-MM' */
  month: string;
  generatedOn: IsoDate;
  red: RankingRow[];
  black: RankingRow[];
}

/** 排队小票 (issue 18): what the kiosk prints. No personal data, by construction. */
export interface QueueTicketData {
  /** The office as on its seal; '' leaves the line out. */
  officeName: string;
  /** 'A023' */
  number: string;
  business: BusinessType;
  green: boolean;
  /** Tickets of the same business waiting before this one when it was issued. */
  waitingAhead: number;
  /** The hall's wall-clock time of issue, 'YYYY-MM-DDTHH:mm' (hallDateTime). */
  issuedAt: IsoDateTime;
  /**
   * What the QR code carries: the hall's follow-the-queue page `<publicUrl>/q/<id>`, else the
   * office's website with the ticket id (features/floor/screenModel.ts ticketQrPayload). Null
   * where neither is set: the ticket then prints no QR code — a code no phone can open would
   * promise what is not there.
   */
  qrPayload: string | null;
}
