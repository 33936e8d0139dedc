// Reading the ledgers: one kind at a time, the supervision ledger with the bad-rating follow-ups
// of issuance folded in, and everything about one enterprise (一企一策).
import type { CaseRating } from '../domain/rating';
import type { RatedTicket, TicketRating } from '../domain/ticketRating';
import { ticketRatingsById } from './ticketRatings';
import type { CaseRow, OneWindowDb, ProjectRow } from './db';
import { loadDepartments, type Department } from './departments';
import { followUpAsSupervision, followUpFacts, type FollowUpFacts } from './followUpView';
import { itemOf } from './ledgers';
import type {
  Commendation,
  Complaint,
  LedgerItem,
  LedgerKind,
  LegacyIssue,
  SupervisionItem,
} from './ledgersModel';

export async function ledgerItems<K extends LedgerKind>(
  db: OneWindowDb,
  kind: K,
): Promise<LedgerItem<K>[]> {
  const rows = await db.ledger.where('kind').equals(kind).toArray();
  return rows.map((r) => itemOf<K>(r)).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** A row of the supervision ledger: an item of ours, or a bad-rating follow-up. */
export interface SupervisionRow {
  id: string;
  /** The supervision item, or null for a follow-up (read-only here). */
  item: LedgerItem<'supervision'> | null;
  data: SupervisionItem;
  /** A bad-rating follow-up whose rating was appealed (申诉): pending, or how it was decided. */
  appeal?: 'pending' | 'upheld' | 'rejected';
  /**
   * The follow-up of a ticket served without a case: the ticket (the row names it by its number
   * and business — no case, no applicant) and its rating, which the appeal works on here.
   */
  ticket?: RatedTicket;
  ticketRating?: TicketRating;
  /** A bad-rating follow-up: what it knows, for the words of its cells. */
  followUp?: FollowUpFacts;
}

/** The appeal of the rating behind a follow-up, read from its case (the case holds it). */
async function appealsOf(
  db: OneWindowDb,
  followUps: { data: unknown }[],
): Promise<Map<string, SupervisionRow['appeal']>> {
  const ids = [...new Set(followUps.map((f) => str((f.data as { caseId?: unknown })?.caseId)))];
  const rows = await db.cases.bulkGet(ids.filter(Boolean));
  const out = new Map<string, SupervisionRow['appeal']>();
  for (const row of rows) {
    const ratings = (row?.state as { ratings?: CaseRating[] } | undefined)?.ratings ?? [];
    for (const r of ratings)
      if (r.appeal) out.set(r.ratingId, r.appeal.decision?.outcome ?? 'pending');
  }
  return out;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

export { followUpAsSupervision, followUpFacts } from './followUpView';

/** The department of each follow-up's case, by the case's matter (设置 › 科室与事项分工). */
async function departmentsOf(
  db: OneWindowDb,
  followUps: { data: unknown }[],
): Promise<Map<string, Department>> {
  const ids = [...new Set(followUps.map((f) => str((f.data as { caseId?: unknown })?.caseId)))];
  const [cases, { setup }] = await Promise.all([
    db.cases.bulkGet(ids.filter(Boolean)),
    loadDepartments(db),
  ]);
  const byId = new Map(setup.departments.map((d) => [d.id, d]));
  const out = new Map<string, Department>();
  for (const c of cases) {
    const dept = c && byId.get(setup.matters[c.matterCode] ?? '');
    if (c && dept) out.set(c.id, dept);
  }
  return out;
}

export async function supervisionLedger(db: OneWindowDb): Promise<SupervisionRow[]> {
  const [items, followUps] = await Promise.all([
    ledgerItems(db, 'supervision'),
    db.ledger.where('kind').equals('followUp').toArray(),
  ]);
  const ratingIdOf = (r: { data: unknown }) => str((r.data as { ratingId?: unknown })?.ratingId);
  const [appeals, departments, tickets] = await Promise.all([
    appealsOf(db, followUps),
    departmentsOf(db, followUps),
    ticketRatingsById(
      db,
      followUps.filter((f) => str((f.data as { ticketId?: unknown })?.ticketId)).map(ratingIdOf),
    ),
  ]);
  const rows: SupervisionRow[] = [
    ...items.map((item) => ({ id: item.id, item, data: item.data })),
    ...followUps.map((r) => {
      const rating = tickets.get(ratingIdOf(r));
      const d = (r.data ?? {}) as Record<string, unknown>;
      const ticket = str(d.ticketId)
        ? { ticketId: str(d.ticketId), number: str(d.ticketNumber), business: str(d.business) }
        : null;
      const appeal = rating
        ? rating.appeal && (rating.appeal.decision?.outcome ?? 'pending')
        : appeals.get(ratingIdOf(r));
      const department = departments.get(str(d.caseId)) ?? null;
      return {
        id: r.id,
        item: null,
        data: followUpAsSupervision(r, department),
        followUp: followUpFacts(r, department),
        ...(appeal ? { appeal } : {}),
        ...(ticket ? { ticket } : {}),
        ...(rating ? { ticketRating: rating } : {}),
      };
    }),
  ];
  // Open items first, earliest due date first: what needs chasing this week is on top.
  return rows.sort(
    (a, b) =>
      (a.data.status === 'done' ? 1 : 0) - (b.data.status === 'done' ? 1 : 0) ||
      a.data.dueDate.localeCompare(b.data.dueDate),
  );
}

export interface EnterpriseView {
  creditCode: string;
  name: string;
  projects: ProjectRow[];
  cases: CaseRow[];
  legacyIssues: LedgerItem<'legacyIssue'>[];
  supervision: SupervisionRow[];
  complaints: LedgerItem<'complaint'>[];
  commendations: LedgerItem<'commendation'>[];
}

export async function enterpriseView(db: OneWindowDb, creditCode: string): Promise<EnterpriseView> {
  const cases = await db.cases.where('partyCode').equals(creditCode).toArray();
  // An entry typed before (or from a paper of before) the station was re-coded names a former
  // number of the case (data/join/joinRecode.ts): it is the enterprise's all the same.
  const caseNos = new Set(cases.flatMap((c) => [c.caseNo, ...(c.formerNumbers ?? [])]));
  const projectIds = [...new Set(cases.map((c) => c.projectId).filter((p): p is string => !!p))];
  const projects = (await db.projects.bulkGet(projectIds)).filter((p): p is ProjectRow => !!p);
  const party = await db.parties.get(`party:${creditCode}`);
  // Ours belongs to the enterprise by its code, or through a linked case of the enterprise.
  const mine = (d: { creditCode: string; caseNumber?: string; caseNumbers?: string[] }) =>
    d.creditCode === creditCode ||
    (d.caseNumber !== undefined && caseNos.has(d.caseNumber)) ||
    (d.caseNumbers ?? []).some((n) => caseNos.has(n));
  const [legacy, supervision, complaints, commendations] = await Promise.all([
    ledgerItems(db, 'legacyIssue'),
    supervisionLedger(db),
    ledgerItems(db, 'complaint'),
    ledgerItems(db, 'commendation'),
  ]);
  const legacyIssues = legacy.filter((i) => mine(i.data as LegacyIssue));
  const name = party?.name ?? legacyIssues[0]?.data.enterpriseName ?? cases[0]?.applicantName ?? '';
  return {
    creditCode,
    name,
    projects,
    cases: cases.sort((a, b) => b.receivedDate.localeCompare(a.receivedDate)),
    legacyIssues,
    supervision: supervision.filter((s) => mine(s.data)),
    complaints: complaints.filter((c) => mine(c.data as Complaint)),
    commendations: commendations.filter((c) => mine(c.data as Commendation)),
  };
}
