// The ledgers (台账) as every caller imports them. Each write appends its event to the hash-chained
// log and puts the row in one Dexie transaction, after checking the writer's role in the data
// layer — not only by hiding a button — and the fields. The parts:
// - ledgersModel.ts: the entries' types, numbering prefixes and sources;
// - ledgersProblems.ts: what is wrong with an entry's fields, field by field;
// - ledgersWrite.ts: who may write what, the one write path and the ledgers' numbers;
// - ledgersIssues.ts: legacy issues and the supervision ledger (the chiefs');
// - ledgersCounter.ts: complaints, return calls and commendations (the counter's).
export * from './ledgersModel';
export {
  commendationProblems,
  complaintProblems,
  legacyIssueProblems,
  meetingProblems,
  returnCallProblems,
  supervisionProblems,
} from './ledgersProblems';
export {
  itemOf,
  ledgerPermissions,
  ledgerRowOf,
  mayWriteLedger,
  type LedgerAction,
  type LedgerRefusal,
  type LedgerResult,
  type Stored,
} from './ledgersWrite';
export * from './ledgersIssues';
export * from './ledgersCounter';
