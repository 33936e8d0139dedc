// What is wrong with a ledger entry before it is written: each function names the fields a person
// got wrong (the screens show each field's message), so an entry is refused whole, never half
// written. Credit codes are checked by their check character; linked case numbers are checked
// against the case table by the write itself (ledgersWrite.ts), inside its transaction.
import { isLocalDate, isValidCreditCode, normaliseCode } from '../domain';
import {
  SUPERVISION_SOURCES,
  type Commendation,
  type Complaint,
  type LegacyIssue,
  type Meeting,
  type ReturnCall,
  type SupervisionItem,
} from './ledgersModel';

/** '' is allowed (optional); anything else must be a valid 统一社会信用代码. */
function creditCodeProblem(code: string, required: boolean): boolean {
  if (code === '') return required;
  return !isValidCreditCode(normaliseCode(code));
}

export const blank = (s: string) => s.trim() === '';

export function legacyIssueProblems(d: Omit<LegacyIssue, 'number' | 'supervisionId'>): string[] {
  const bad: string[] = [];
  if (creditCodeProblem(d.creditCode, true)) bad.push('creditCode');
  if (blank(d.enterpriseName)) bad.push('enterpriseName');
  if (blank(d.projectName)) bad.push('projectName');
  if (blank(d.obstacle)) bad.push('obstacle');
  if (blank(d.responsible)) bad.push('responsible');
  if (!isLocalDate(d.dueDate)) bad.push('dueDate');
  for (const m of d.meetings) bad.push(...meetingProblems(m));
  return [...new Set(bad)];
}

export function meetingProblems(m: Meeting): string[] {
  const bad: string[] = [];
  if (!isLocalDate(m.date)) bad.push('meeting.date');
  if (blank(m.participants)) bad.push('meeting.participants');
  if (blank(m.decisions)) bad.push('meeting.decisions');
  return bad;
}

export function supervisionProblems(d: Omit<SupervisionItem, 'number'>): string[] {
  const bad: string[] = [];
  if (blank(d.title)) bad.push('title');
  // A bad rating's follow-up is opened by the rating itself (data/followUps.ts), never by hand.
  if (!SUPERVISION_SOURCES.includes(d.source) || d.source === 'badRating') bad.push('source');
  if (creditCodeProblem(d.creditCode, false)) bad.push('creditCode');
  if (blank(d.department)) bad.push('department');
  if (blank(d.person)) bad.push('person');
  if (!isLocalDate(d.dueDate)) bad.push('dueDate');
  return bad;
}

export function complaintProblems(d: Omit<Complaint, 'number'>): string[] {
  const bad: string[] = [];
  if (!isLocalDate(d.receivedOn)) bad.push('receivedOn');
  if (blank(d.complainant)) bad.push('complainant');
  if (creditCodeProblem(d.creditCode, false)) bad.push('creditCode');
  if (blank(d.content)) bad.push('content');
  if (!isLocalDate(d.dueDate)) bad.push('dueDate');
  return bad;
}

export function returnCallProblems(call: Omit<ReturnCall, 'by'>): string[] {
  const bad: string[] = [];
  if (!isLocalDate(call.date)) bad.push('call.date');
  if (blank(call.result)) bad.push('call.result');
  return bad;
}

export function commendationProblems(d: Omit<Commendation, 'number'>): string[] {
  const bad: string[] = [];
  if (!isLocalDate(d.receivedOn)) bad.push('receivedOn');
  if (blank(d.from)) bad.push('from');
  if (creditCodeProblem(d.creditCode, false)) bad.push('creditCode');
  // Linked to a case or to staff: at least one of them.
  if (blank(d.caseNumber) && blank(d.staff)) bad.push('staff');
  return bad;
}
