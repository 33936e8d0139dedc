// Domain events: what happened, as payload only. The data layer wraps each in the envelope
// (id, station id, per-station sequence, actor, time, prevHash, hash). Fields that evolve()
// needs — local dates, who gave an opinion — are in the payload so folding never reads the
// envelope. Events are immutable facts: new fields may be added, old ones never change meaning.
import type { MatterSnapshot } from './catalogue';
import type {
  CertificateValues,
  Delivery,
  IntakeDetails,
  MissingItem,
  TicketServedFacts,
  RefusalGround,
  SuspensionKind,
} from './commands';
import type { Actor, Role } from './roles';
import type {
  AppealOutcome,
  BadRatingReason,
  RatingChannel,
  RatingLevel,
  RatingPlace,
} from './rating';

export type ApprovalStep = 'review' | 'verify' | 'approval';

export interface Deficiencies {
  items: MissingItem[];
  dueOn: string;
  commitment: string;
}

interface CaseEventBase {
  caseId: string;
  /** Local date the event took effect. */
  on: string;
  /**
   * The case's version (events applied) the event was decided on — set by the data layer when it
   * appends, absent in events written before it was recorded. The fold (foldStream.ts) tells by
   * it whether the event still meets the state it was decided on.
   */
  basedOn?: number;
}

/** Events that start a case (or renew its intake after a supplement). */
interface IntakeEventBase extends CaseEventBase {
  caseNo: string;
  intake: IntakeDetails;
  matter: MatterSnapshot;
  /** Local date the materials arrived. */
  receivedOn: string;
}

export type DomainEvent =
  | {
      type: 'counsellingSaved';
      counsellingId: string;
      catalogueVersion: string;
      matterCodes: string[];
      answers: Record<string, string>;
      applicantName?: string;
      contactPhone?: string;
      notes?: string;
      on: string;
    }
  | ({
      type: 'caseAccepted';
      greenChannel: boolean;
      /** Present for 容缺受理: items the applicant promised, and by when. */
      deficiencies: Deficiencies | null;
    } & IntakeEventBase)
  | ({
      type: 'supplementRequested';
      missing: MissingItem[];
      /** Supply-by date printed on the notice; absent in events recorded before it was asked. */
      dueOn?: string;
    } & IntakeEventBase)
  | ({
      type: 'caseRefused';
      ground: RefusalGround;
      detail: string;
      rightAgency?: string;
    } & IntakeEventBase)
  | ({
      type: 'supplementReceived';
      /** Keys (material id, or name for unlisted items) of the items handed in. */
      items: string[];
      completes: 'supplement' | 'deficiencies';
    } & CaseEventBase)
  | ({ type: 'caseReviewed'; opinion: string; by: Actor } & CaseEventBase)
  | ({ type: 'caseVerified'; opinion: string; by: Actor } & CaseEventBase)
  | ({ type: 'caseApproved'; opinion: string; by: Actor } & CaseEventBase)
  | ({
      type: 'caseReturned';
      from: ApprovalStep;
      to: ApprovalStep;
      reason: string;
      by: Actor;
    } & CaseEventBase)
  | ({
      type: 'caseSuspended';
      kind: SuspensionKind;
      reason: string;
      /** Absent in events recorded before it was asked for. */
      expectedDays?: number;
      by: Actor;
    } & CaseEventBase)
  | ({ type: 'caseResumed'; note?: string; by: Actor } & CaseEventBase)
  | ({ type: 'caseExtended'; reason: string; days: number; by: Actor } & CaseEventBase)
  | ({
      type: 'caseDenied';
      reason: string;
      /** Absent in events recorded before it was asked for. */
      legalBasis?: string;
      by: Actor;
    } & CaseEventBase)
  | ({ type: 'caseWithdrawn'; reason: string } & CaseEventBase)
  | ({
      type: 'certificateIssued';
      certificateType: string;
      number: string;
      external: boolean;
      seq: number | null;
      /** Absent in certificates issued before the values were recorded. */
      values?: CertificateValues;
    } & CaseEventBase)
  | ({ type: 'caseDelivered'; delivery: Delivery } & CaseEventBase)
  | ({ type: 'certificateVoided'; number: string; reason: string; by: Actor } & CaseEventBase)
  | ({
      type: 'certificateReissued';
      number: string;
      external: boolean;
      seq: number | null;
      replaces: string;
      values?: CertificateValues;
    } & CaseEventBase)
  | ({
      type: 'ratingRecorded';
      ratingId: string;
      channel: RatingChannel;
      overall: RatingLevel;
      items?: { efficiency: RatingLevel; serviceLevel: RatingLevel; attitude: RatingLevel };
      comment?: string;
      /** 不满意 / 非常不满意: followed up by a return call. */
      bad: boolean;
      place?: RatingPlace;
      reasons?: BadRatingReason[];
    } & CaseEventBase)
  | ({ type: 'case.rating_appealed'; ratingId: string; reason: string; by: Actor } & CaseEventBase)
  | ({
      type: 'case.rating_appeal_decided';
      ratingId: string;
      outcome: AppealOutcome;
      reason: string;
      by: Actor;
    } & CaseEventBase)
  | ({ type: 'ticketServed' } & TicketServedFacts & CaseEventBase)
  | ({
      /**
       * The case number changed because its station was re-coded before it joined the hall
       * (data/join/joinRecode.ts): HJ02-20260302-0007 → HJ05-20260302-0007. The old number stays
       * the case's (formerNumbers): papers handed out carry it.
       */
      type: 'case.renumbered';
      from: string;
      to: string;
      reason: 'station_recoded';
    } & CaseEventBase)
  | { type: 'userCreated'; userId: string; username: string; name: string; role: Role }
  | { type: 'userRoleChanged'; userId: string; from: Role; to: Role }
  | { type: 'userDisabled'; userId: string; reason?: string };

export type DomainEventType = DomainEvent['type'];

/** Events that belong to a case stream (they carry caseId). */
export type CaseEvent = Extract<DomainEvent, { caseId: string }>;

export function isCaseEvent(e: DomainEvent): e is CaseEvent {
  return 'caseId' in e;
}

/** Every case event type this version knows (evolve applies exactly these). */
export const CASE_EVENT_TYPES = [
  'caseAccepted',
  'supplementRequested',
  'caseRefused',
  'supplementReceived',
  'caseReviewed',
  'caseVerified',
  'caseApproved',
  'caseReturned',
  'caseSuspended',
  'caseResumed',
  'caseExtended',
  'caseDenied',
  'caseWithdrawn',
  'certificateIssued',
  'caseDelivered',
  'certificateVoided',
  'certificateReissued',
  'ratingRecorded',
  'case.rating_appealed',
  'case.rating_appeal_decided',
  'ticketServed',
  'case.renumbered',
] as const satisfies readonly CaseEvent['type'][];

// Compile-time: the list names every case event type.
type Missing = Exclude<CaseEvent['type'], (typeof CASE_EVENT_TYPES)[number]>;
const _allListed: Missing extends never ? true : Missing = true;
void _allListed;

export const isCaseEventType = (type: string): type is CaseEvent['type'] =>
  (CASE_EVENT_TYPES as readonly string[]).includes(type);
