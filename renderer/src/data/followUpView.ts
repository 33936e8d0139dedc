// How a bad rating's follow-up (data/followUps.ts) reads as a row of the supervision ledger. The
// row's id (`followUp-<ratingId>`) is a key, not something a person can quote: the row is named
// by what the follow-up is about — the case number, or the queue ticket and the day it was rated.
// The responsible department is the case's matter's (设置 › 科室与事项分工); the responsible person
// is the clerk the rating names (the one who served the applicant at the window): the section
// chief reading the ledger is the one who chases them, so the chief is not written in the row.
// Where the follow-up does not say, the facts say nothing and the screen and the paper say so in
// words (features/ledgers/supervisionCells.ts), never a blank.
import type { Department } from './departments';
import { isPersonCode } from './followUpMask';
import type { SupervisionItem } from './ledgersModel';

/** What a follow-up row knows, for the words of its cells (features/ledgers/supervisionCells.ts). */
export interface FollowUpFacts {
  /** What names it: its case, its queue ticket (numbers restart daily: with the day), or neither. */
  ref:
    | { kind: 'case'; number: string }
    /** An old follow-up with a number of its own (a ledger number) but no case. */
    | { kind: 'ledger'; number: string }
    | { kind: 'ticket'; number: string; on: string }
    | { kind: 'unknown'; on: string };
  /** Whose follow-up: an enterprise, a person (no enterprise link), or a ticket (nobody asked). */
  party: 'enterprise' | 'person' | 'ticket';
  /** The department of the case's matter; null for a ticket, or a matter no department handles. */
  department: Department | null;
  /** The clerk the rating names, and the window; null when the rating named none. */
  clerk: { name: string; window: string } | null;
  /** What the applicant said: the level (1–2; null on a row that lost it), the reasons, words. */
  rating: { overall: number | null; reasons: string[]; comment: string };
}

/** A follow-up's ledger row as stored: written by data/followUps.ts, old forms included. */
export interface FollowUpRowLike {
  id: string;
  status: string;
  dueDate: string;
  data: unknown;
}

const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

/**
 * What the follow-up says of itself. Its data is read defensively (old follow-ups were written in
 * other shapes: `caseNumber`, `assignee`, `calls`), so a shape we do not know shows as a row that
 * says what it lacks rather than breaking the ledger. `department` is the case's, found by the
 * caller from the case's matter.
 */
export function followUpFacts(
  row: FollowUpRowLike,
  department: Department | null = null,
): FollowUpFacts {
  const d = (row.data ?? {}) as Record<string, unknown>;
  const caseNumber = str(d.caseNo) || str(d.caseNumber);
  const on = str(d.ratedOn) || str(d.createdAt).slice(0, 10);
  const ref: FollowUpFacts['ref'] = caseNumber
    ? { kind: 'case', number: caseNumber }
    : str(d.ticketNumber)
      ? { kind: 'ticket', number: str(d.ticketNumber), on }
      : str(d.number)
        ? { kind: 'ledger', number: str(d.number) }
        : { kind: 'unknown', on: on || row.dueDate };
  const ticket = !!str(d.ticketId) || (!caseNumber && !!str(d.ticketNumber));
  const code = d.partyCode !== undefined ? d.partyCode : d.creditCode;
  const party = ticket
    ? 'ticket'
    : isPersonCode({ partyCode: code, partyKind: d.partyKind })
      ? 'person'
      : 'enterprise';
  const clerkName = str(d.clerkName) || str(d.assignee) || str(d.person) || str(d.responsible);
  const overall =
    typeof d.overall === 'number' && d.overall >= 1 && d.overall <= 5 ? d.overall : null;
  const reasons = Array.isArray(d.reasons) ? d.reasons.map(str).filter(Boolean) : [];
  return {
    ref,
    party,
    department,
    clerk: clerkName ? { name: clerkName, window: str(d.window) } : null,
    rating: { overall, reasons, comment: str(d.comment) || str(d.title) },
  };
}

/**
 * The follow-up as a supervision item: the plain facts, in Chinese where a name has two
 * languages (the paper's). The words a person reads — the kind before the number, 未指定 … where
 * nothing is known — are added by features/ledgers/supervisionCells.ts from `followUpFacts`.
 */
export function followUpAsSupervision(
  row: FollowUpRowLike,
  department: Department | null = null,
): SupervisionItem {
  const d = (row.data ?? {}) as Record<string, unknown>;
  const facts = followUpFacts(row, department);
  const notes = Array.isArray(d.calls) ? d.calls : Array.isArray(d.progress) ? d.progress : [];
  return {
    // Never the row's id: the case number, the ticket number, or '' (the screen says why).
    number: facts.ref.kind === 'unknown' ? '' : facts.ref.number,
    // What the applicant wrote (the screen and paper add the level and reasons); never the name.
    title: str(d.comment) || str(d.title),
    source: 'badRating',
    sourceId: str(d.caseId) || null,
    // An enterprise's credit code (the link to its page); a person's ID number is never shown
    // here — old follow-ups hold it in clear (followUpMask.ts).
    creditCode: facts.party === 'enterprise' ? str(d.partyCode) || str(d.creditCode) : '',
    enterpriseName: str(d.applicantName),
    // A ticket served without a case has no case number: its ticket number stands in.
    caseNumber: facts.ref.kind === 'unknown' ? '' : facts.ref.number,
    department: department?.name ?? str(d.department),
    person: facts.clerk?.name ?? '',
    dueDate: row.dueDate,
    status: /done|closed|resolved|rectified/.test(row.status) ? 'done' : 'open',
    progress: notes.map((n: unknown) => {
      const e = (n ?? {}) as Record<string, unknown>;
      return {
        week: str(e.date) || str(e.on) || str(e.at).slice(0, 10),
        note: str(e.result) || str(e.note),
        by: str(e.by),
        at: str(e.at),
      };
    }),
  };
}
