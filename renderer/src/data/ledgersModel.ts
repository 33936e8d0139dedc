// The bureau's own ledgers (台账), kept in the `ledger` table: legacy issues (历史遗留问题),
// weekly supervision items (督办), complaints and director's-mailbox letters (投诉 / 局长信箱),
// commendations (感谢信, 锦旗, 奖牌). Follow-ups of bad ratings (kind 'followUp') are written by
// data/followUps.ts and only read here.

export type LedgerKind = 'legacyIssue' | 'supervision' | 'complaint' | 'commendation';

export interface Meeting {
  /** Local date of the 一事一议 meeting. */
  date: string;
  participants: string;
  decisions: string;
}

export type IssueStatus = 'open' | 'inProgress' | 'resolved';

export interface LegacyIssue {
  number: string;
  creditCode: string;
  enterpriseName: string;
  projectName: string;
  history: string;
  obstacle: string;
  responsible: string;
  department: string;
  dueDate: string;
  status: IssueStatus;
  resolution: string;
  caseNumbers: string[];
  meetings: Meeting[];
  /** The supervision item that follows this issue week by week. */
  supervisionId: string;
}

export type SupervisionSource =
  'keyProject' | 'legacyIssue' | 'complaint' | 'badRating' | 'greenChannel';

export const SUPERVISION_SOURCES: readonly SupervisionSource[] = [
  'keyProject',
  'legacyIssue',
  'complaint',
  'badRating',
  'greenChannel',
];

export interface ProgressEntry {
  /** Monday of the week the entry reports on. */
  week: string;
  note: string;
  by: string;
  at: string;
}

export interface SupervisionItem {
  number: string;
  title: string;
  source: SupervisionSource;
  /** The ledger row it came from (legacy issue, complaint), if any. */
  sourceId: string | null;
  creditCode: string;
  enterpriseName: string;
  caseNumber: string;
  department: string;
  person: string;
  dueDate: string;
  status: 'open' | 'done';
  progress: ProgressEntry[];
}

export type ComplaintChannel = 'complaint' | 'mailbox';

export interface ReturnCall {
  date: string;
  by: string;
  result: string;
  satisfied: boolean;
}

export interface Complaint {
  number: string;
  channel: ComplaintChannel;
  receivedOn: string;
  complainant: string;
  phone: string;
  creditCode: string;
  caseNumber: string;
  staff: string;
  content: string;
  dueDate: string;
  status: 'open' | 'closed';
  returnCalls: ReturnCall[];
}

export type CommendationKind = 'letter' | 'banner' | 'medal';

export interface Commendation {
  number: string;
  kind: CommendationKind;
  receivedOn: string;
  from: string;
  creditCode: string;
  caseNumber: string;
  staff: string;
  note: string;
}

export interface LedgerDataOf {
  legacyIssue: LegacyIssue;
  supervision: SupervisionItem;
  complaint: Complaint;
  commendation: Commendation;
}

/** A ledger row as screens read it: the data plus its id and version. */
export interface LedgerItem<K extends LedgerKind> {
  id: string;
  kind: K;
  version: number;
  createdAt: string;
  createdBy: string;
  data: LedgerDataOf[K];
}

/** Number prefix of each kind: 遗 legacy, 督 supervision, 诉 complaint, 誉 commendation. */
export const NUMBER_PREFIX: Record<LedgerKind, string> = {
  legacyIssue: 'YL',
  supervision: 'DB',
  complaint: 'TS',
  commendation: 'BY',
};
