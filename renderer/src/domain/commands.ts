// Commands: what a user asks the domain to do. Each is a plain object discriminated by `type`;
// case commands carry `caseId`. decide() turns a command into events or a refusal.
import type { Role } from './roles';
import type {
  AppealOutcome,
  BadRatingReason,
  RatingChannel,
  RatingLevel,
  RatingPlace,
} from './rating';

export type Channel = 'window' | 'mail' | 'online';
export type DeliveryMethod = 'pickup' | 'post';

export type Applicant =
  | { kind: 'enterprise'; name: string; creditCode: string; legalRepresentative?: string }
  | { kind: 'person'; name: string; idNumber: string };

export interface Contact {
  name: string;
  phone: string;
}

/** An agent applying for the applicant (委托代理人). */
export interface Agent {
  name: string;
  idNumber: string;
  phone?: string;
}

/**
 * A credit code that fails the GB 32100 check may be real (early pilot codes): a supervisor can
 * let it through, and the override is recorded on the event.
 */
export interface CreditCodeOverride {
  supervisorId: string;
  supervisorName: string;
  supervisorRole: Role;
  reason: string;
}

/** One line of the intake checklist as ticked by the clerk. */
export interface ReceivedMaterial {
  materialId: string;
  received: boolean;
  form: 'original' | 'copy';
  copies: number;
  pages: number;
  conforming: boolean;
}

export interface IntakeDetails {
  matterCode: string;
  applicant: Applicant;
  contact: Contact;
  agent?: Agent;
  projectName: string;
  projectCode?: string;
  channel: Channel;
  /** Green-channel service requested; only allowed where the matter offers it. */
  greenChannel: boolean;
  /** Answers to the matter's conditional questions. */
  answers: Record<string, string>;
  materials: ReceivedMaterial[];
  /** The matter's intake form fields, by key. */
  fields: Record<string, string>;
  /** Local date the materials arrived (Art. 32 counts from it); defaults to today. */
  receivedOn?: string;
  delivery: DeliveryMethod;
  counsellingId?: string;
  creditCodeOverride?: CreditCodeOverride;
}

/** An item named on a supplement notice or a 容缺 commitment. */
export interface MissingItem {
  /** Catalogue material id, or absent for an item the catalogue does not list. */
  materialId?: string;
  name: string;
  /** What the item must look like (standard / 要求). */
  standard?: string;
}

export type RefusalGround = 'noLicenceNeeded' | 'outsideRemit' | 'falseMaterials' | 'other';
/** The fields printed on a certificate, by template key. */
export type CertificateValues = Record<string, string>;

export type SuspensionKind = 'hearing' | 'inspection' | 'testing' | 'expertReview' | 'other';
/**
 * A queue ticket served for this case (issue 18, docs/floor.md): recorded when the clerk finishes
 * the ticket linked to the case. Waiting = first call − issue; serving = finish − serve (seconds).
 * No personal data: the ticket is a number, a business, a window and times.
 */
export interface TicketServedFacts {
  ticketId: string;
  /** 'A023' */
  number: string;
  business: string;
  green: boolean;
  /** The window's station code. */
  window: string;
  clerkId: string;
  issuedAt: string;
  firstCalledAt: string;
  servingFrom: string;
  finishedAt: string;
  calls: number;
  waitingSeconds: number;
  servingSeconds: number;
}

export type Delivery =
  | {
      method: 'pickup';
      recipientName: string;
      recipientIdNumber: string;
      /** Collected by someone other than the applicant; say why. */
      proxy: boolean;
      proxyReason?: string;
    }
  | { method: 'post'; carrier: string; trackingNo: string; address: string };

interface CaseRef {
  caseId: string;
}

/** A first (or renewed) intake decision. caseNo comes from numbering.ts via the data layer. */
interface IntakeBase extends CaseRef {
  caseNo: string;
  intake: IntakeDetails;
}

export type Command =
  | {
      type: 'counsellingSaved';
      counsellingId: string;
      matterCodes: string[];
      answers: Record<string, string>;
      applicantName?: string;
      contactPhone?: string;
      notes?: string;
    }
  | ({ type: 'accept' } & IntakeBase)
  | ({
      type: 'acceptWithDeficiencies';
      deficiencies: MissingItem[];
      dueOn: string;
      /** The applicant's signed commitment text. */
      commitment: string;
    } & IntakeBase)
  | ({
      type: 'requestSupplement';
      /** Each item with the requirement it must meet (printed in 补正要求及标准). */
      missing: MissingItem[];
      /** The date by which the applicant is asked to supply; absent in early commands. */
      dueOn?: string;
    } & IntakeBase)
  | ({
      type: 'refuse';
      ground: RefusalGround;
      detail: string;
      /** For 'outsideRemit': the agency the applicant should go to. */
      rightAgency?: string;
    } & IntakeBase)
  | ({ type: 'supplementReceived'; items: string[] } & CaseRef)
  | ({ type: 'review'; opinion: string } & CaseRef)
  | ({ type: 'verify'; opinion: string } & CaseRef)
  | ({ type: 'approve'; opinion: string } & CaseRef)
  | ({ type: 'returnToPrevious'; reason: string } & CaseRef)
  | ({
      type: 'suspend';
      kind: SuspensionKind;
      reason: string;
      /** Working days the procedure is expected to take, as the notice tells the applicant. */
      expectedDays?: number;
    } & CaseRef)
  | ({ type: 'resume'; note?: string } & CaseRef)
  | ({ type: 'extend'; reason: string } & CaseRef)
  | ({
      type: 'deny';
      reason: string;
      /** The provisions the decision rests on, as the notice cites them. */
      legalBasis?: string;
    } & CaseRef)
  | ({ type: 'withdraw'; reason: string } & CaseRef)
  | ({
      type: 'certificateIssued';
      number: string;
      /** Assigned by the national supervision system and typed in, not allocated here. */
      external: boolean;
      /** The sequence allocated by numbering.ts (internal numbers only). */
      seq?: number;
      /** What the certificate says (location, scale, attachments …), as the clerk confirmed it. */
      values?: CertificateValues;
    } & CaseRef)
  | ({ type: 'delivered'; delivery: Delivery } & CaseRef)
  | ({ type: 'certificateVoided'; reason: string } & CaseRef)
  | ({
      type: 'certificateReissued';
      number: string;
      external: boolean;
      seq?: number;
      values?: CertificateValues;
    } & CaseRef)
  | ({
      type: 'ratingRecorded';
      ratingId: string;
      /** 'device': the applicant's tap on the rating device — the only channel a station takes now. */
      channel: RatingChannel;
      overall: RatingLevel;
      /** Counter items: efficiency, service level, attitude. */
      items?: { efficiency: RatingLevel; serviceLevel: RatingLevel; attitude: RatingLevel };
      comment?: string;
      /** Device ratings: the window and the clerk served there. */
      place?: RatingPlace;
      /** Ticked on the device for a bad rating. */
      reasons?: BadRatingReason[];
    } & CaseRef)
  | ({ type: 'appealRating'; ratingId: string; reason: string } & CaseRef)
  | ({
      type: 'decideRatingAppeal';
      ratingId: string;
      outcome: AppealOutcome;
      reason: string;
    } & CaseRef)
  | ({ type: 'ticketServed'; ticket: TicketServedFacts } & CaseRef)
  | { type: 'userCreated'; userId: string; username: string; name: string; role: Role }
  | { type: 'userRoleChanged'; userId: string; role: Role }
  | { type: 'userDisabled'; userId: string; reason?: string };

export type CommandType = Command['type'];

export const COMMAND_TYPES = [
  'counsellingSaved',
  'accept',
  'acceptWithDeficiencies',
  'requestSupplement',
  'refuse',
  'supplementReceived',
  'review',
  'verify',
  'approve',
  'returnToPrevious',
  'suspend',
  'resume',
  'extend',
  'deny',
  'withdraw',
  'certificateIssued',
  'delivered',
  'certificateVoided',
  'certificateReissued',
  'ratingRecorded',
  'appealRating',
  'decideRatingAppeal',
  'ticketServed',
  'userCreated',
  'userRoleChanged',
  'userDisabled',
] as const satisfies readonly CommandType[];

/** Commands that start a case when there is none yet. */
export const INTAKE_COMMANDS = [
  'accept',
  'acceptWithDeficiencies',
  'requestSupplement',
  'refuse',
] as const;

export const USER_COMMANDS = ['userCreated', 'userRoleChanged', 'userDisabled'] as const;
