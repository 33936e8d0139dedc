// The counter's ledgers: complaints and letters to the director's mailbox (投诉, 局长信箱) with
// their return calls (回访), and commendations (表扬). Recording a complaint opens its supervision
// item in the same write.
import type { OneWindowDb } from './db';
import type { EventActor } from './eventTypes';
import type { Commendation, Complaint, ReturnCall, SupervisionItem } from './ledgersModel';
import { commendationProblems, complaintProblems, returnCallProblems } from './ledgersProblems';
import { amend, invalid, newId, trimmedCode, write, type LedgerResult } from './ledgersWrite';

// ---- complaints and the director's mailbox ----

export type ComplaintInput = Omit<Complaint, 'number' | 'status' | 'returnCalls'>;

/** Who handles a complaint: chosen when it is recorded, never whoever typed it in. */
export interface ComplaintRouting {
  department: string;
  responsible: string;
}

/** Records a complaint or letter and opens its supervision item (source 'complaint'). */
export async function recordComplaint(
  db: OneWindowDb,
  input: ComplaintInput,
  routing: ComplaintRouting,
  actor: EventActor,
  now = new Date(),
): Promise<LedgerResult> {
  const { department } = routing;
  const responsible = routing.responsible.trim();
  const d: Omit<Complaint, 'number'> = {
    ...input,
    creditCode: trimmedCode(input.creditCode),
    status: 'open',
    returnCalls: [],
  };
  const bad = [...complaintProblems(d), ...(responsible === '' ? ['responsible'] : [])];
  if (bad.length > 0) return invalid(bad);
  const id = newId('complaint');
  let complaintNumber = '';
  return write(
    db,
    'complaint',
    actor,
    now,
    [
      {
        id,
        kind: 'complaint',
        expectedVersion: null,
        event: 'complaintRecorded',
        build: (_p, number) => {
          complaintNumber = number;
          return { ...d, number };
        },
      },
      {
        id: newId('supervision'),
        kind: 'supervision',
        expectedVersion: null,
        event: 'supervisionOpened',
        build: (_p, number): SupervisionItem => ({
          number,
          title: `${complaintNumber} ${d.complainant}：${d.content}`,
          source: 'complaint',
          sourceId: id,
          creditCode: d.creditCode,
          enterpriseName: '',
          caseNumber: d.caseNumber,
          department: department.trim() === '' ? '-' : department,
          person: responsible,
          dueDate: d.dueDate,
          status: 'open',
          progress: [],
        }),
      },
    ],
    [d.caseNumber],
  );
}

export async function addReturnCall(
  db: OneWindowDb,
  id: string,
  call: Omit<ReturnCall, 'by'>,
  close: boolean,
  expectedVersion: number,
  actor: EventActor,
  now = new Date(),
): Promise<LedgerResult> {
  const bad = returnCallProblems(call);
  if (bad.length > 0) return invalid(bad);
  return amend(
    db,
    'returnCall',
    actor,
    now,
    { id, kind: 'complaint', expectedVersion, event: 'complaintReturnCall' },
    (p) => ({
      ...p,
      returnCalls: [...p.returnCalls, { ...call, by: actor.name }],
      status: close ? 'closed' : p.status,
    }),
  );
}

// ---- commendations ----

export type CommendationInput = Omit<Commendation, 'number'>;

export async function recordCommendation(
  db: OneWindowDb,
  input: CommendationInput,
  actor: EventActor,
  now = new Date(),
): Promise<LedgerResult> {
  const d = { ...input, creditCode: trimmedCode(input.creditCode) };
  const bad = commendationProblems(d);
  if (bad.length > 0) return invalid(bad);
  return write(
    db,
    'commendation',
    actor,
    now,
    [
      {
        id: newId('commendation'),
        kind: 'commendation',
        expectedVersion: null,
        event: 'commendationRecorded',
        build: (_p, number) => ({ ...d, number }),
      },
    ],
    [d.caseNumber],
  );
}
