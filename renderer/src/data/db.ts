// The Dexie database of a station. Only data/ writes it; every change is an event appended
// through the one door (log.ts, checked against eventRegistry.ts) in the same transaction as the
// tables it changes. Every table but `events` and `meta` is a read table, a fold of the log
// (fold.ts; rebuild.ts rebuilds them); what the log cannot give back is listed in notDerivable.ts.
import Dexie, { type Table, type Transaction } from 'dexie';
import type { Ticket } from '../domain/floor/types';
import type { DocumentRow } from './documentRows';
import type { StoredEvent } from './eventTypes';
import type { RatingRequest } from '../domain/floor/rating';
import { doneBackfills, ROW_UPGRADES } from './rowUpgrades';

export const DB_NAME = 'onewindow';

/** A case as the screens read it: the domain's state plus the fields that are indexed. */
export interface CaseRow {
  id: string;
  caseNo: string;
  /** Number of events applied: the optimistic-concurrency version a screen loaded. */
  version: number;
  status: string;
  matterCode: string;
  applicantId: string | null;
  projectId: string | null;
  applicantName: string;
  projectName: string;
  /** Credit code or ID number of the applicant, for exact lookup. */
  partyCode: string;
  projectCode: string;
  /** The role whose inbox holds the case now ('' when no one's). */
  inboxRole: string;
  /** Promised due date (local YYYY-MM-DD), '9999-12-31' when none. */
  dueDate: string;
  /** Local date the case was taken in. */
  receivedDate: string;
  greenChannel: 0 | 1;
  /**
   * Character bigrams of applicant and project names (see data/search.ts), and CONFLICT_TERM (a
   * number, so no name search ever meets it) on a case the fold parked or merged an event of:
   * the conflict queue's index (data/conflicts.ts).
   */
  terms: (string | number)[];
  /** The numbers a renumbered case had before (data/join/joinRecode.ts); absent when none. */
  formerNumbers?: string[];
  state: unknown;
}

export interface PartyRow {
  id: string;
  kind: 'enterprise' | 'person';
  code: string;
  name: string;
  /** Written by schema v1–v2 only; nothing searches parties by name yet (see SCHEMA_V3). */
  terms?: string[];
  data: unknown;
}

export interface ProjectRow {
  id: string;
  code: string;
  name: string;
  /** Written by schema v1–v2 only. */
  terms?: string[];
  data: unknown;
}

export interface CounsellingRow {
  id: string;
  createdAt: string;
  data: unknown;
}

export interface CertificateRow {
  id: string;
  number: string;
  caseId: string;
  certType: string;
  status: string;
  data: unknown;
}

export interface LedgerRow {
  id: string;
  kind: string;
  status: string;
  dueDate: string;
  data: unknown;
}

export interface UserRow {
  id: string;
  username: string;
  name: string;
  role: string;
  disabled: 0 | 1;
  passwordHash: string;
  failedAttempts: number;
  lockedUntil: string | null;
}

export interface FileMetaRow {
  id: string;
  caseId: string;
  kind: 'attachment' | 'print';
  data: unknown;
}

/** A ticket of the hall floor in the station's own floor store (data/floorLocal.ts). */
export type FloorTicketRow = Ticket;

/**
 * An event of this station's log as it was before the station was re-coded
 * (data/join/joinRecode.ts): the original kept byte for byte, beside the id it was re-chained as.
 */
export interface RecodedEventRow {
  /** The id of the `station.recoded` event that re-coded it. */
  recoding: string;
  oldId: string;
  newId: string;
  event: StoredEvent;
}

export interface MetaRow {
  key: string;
  value: unknown;
}

export class OneWindowDb extends Dexie {
  events!: Table<StoredEvent, number>;
  cases!: Table<CaseRow, string>;
  parties!: Table<PartyRow, string>;
  projects!: Table<ProjectRow, string>;
  counselling!: Table<CounsellingRow, string>;
  certificates!: Table<CertificateRow, string>;
  ledger!: Table<LedgerRow, string>;
  users!: Table<UserRow, string>;
  files!: Table<FileMetaRow, string>;
  documents!: Table<DocumentRow, string>;
  settings!: Table<MetaRow, string>;
  meta!: Table<MetaRow, string>;
  floorTickets!: Table<FloorTicketRow, string>;
  floorMeta!: Table<MetaRow, string>;
  ratingRequests!: Table<RatingRequest, string>;
  recodedEvents!: Table<RecodedEventRow, [string, string]>;

  constructor(name = DB_NAME, options: ConstructorParameters<typeof Dexie>[1] = {}) {
    // Strict durability: what the screen acknowledged is on disk before the promise resolves.
    super(name, { chromeTransactionDurability: 'strict', ...options });
    declareVersions(this);
  }
}

/** Version 1: the first schema. */
export const SCHEMA_V1 = {
  events: '++pos, &id, streamId, [stationId+stationSeq]',
  cases:
    'id, &caseNo, status, partyCode, projectCode, projectId, applicantId, [inboxRole+dueDate], dueDate, receivedDate, *terms',
  parties: 'id, &code, kind, *terms',
  projects: 'id, code, *terms',
  counselling: 'id, createdAt',
  certificates: 'id, &number, caseId, certType',
  ledger: 'id, kind, status, dueDate',
  users: 'id, &username, role',
  files: 'id, caseId, kind',
  settings: 'key',
  meta: 'key',
} as const;

/**
 * Version 2: green-channel cases by deadline, so the dashboard's green-channel list is one index
 * range instead of two ranges filtered by hand. Rows are unchanged (greenChannel was always 0/1).
 */
export const SCHEMA_V2_CASES =
  'id, &caseNo, status, partyCode, projectCode, projectId, applicantId, [inboxRole+dueDate], [greenChannel+dueDate], dueDate, receivedDate, *terms';

/**
 * Version 3: drops indexes no query uses — cases.applicantId, and the name bigrams of parties and
 * projects (about 25 index entries per intake decision, written inside every dispatch that
 * registers an applicant). Case search keeps its bigrams. A "find applicant by name" query will
 * bring a parties index back with its own version and test.
 */
export const SCHEMA_V3 = {
  cases:
    'id, &caseNo, status, partyCode, projectCode, projectId, [inboxRole+dueDate], [greenChannel+dueDate], dueDate, receivedDate, *terms',
  parties: 'id, &code',
  projects: 'id',
} as const;

/**
 * Version 4: fewer index entries per dispatch (every entry is a write in the accept's
 * transaction). Case name terms are bigrams only — the last character paired with an end mark —
 * instead of single characters and bigrams (a one-character search is a prefix range over the same
 * index; rows written before keep their old terms, which answer every query too — see
 * rowUpgrades.ts); events keep only the index the case page reads (streamId): nothing queries `id` or
 * `[stationId+stationSeq]`, and the chain head, read and written in the same serialised
 * transaction, already makes the per-station sequence unique (a duplicate breaks the chain, which
 * the verification names); parties are found by primary key (`party:<code>`), so `&code` went.
 */
export const SCHEMA_V4 = {
  events: '++pos, streamId',
  parties: 'id',
} as const;

/**
 * Version 5: the `documents` read table — one row per document number issued, with the case it
 * went to — so a paper is rendered from the recorded number (the number is allocated in the
 * decision's own dispatch; data/decisionRecords.ts). The upgrade only creates it: its rows for
 * numbers issued before are derived from the log's `documents` stream in the background after
 * the start (data/backfill.ts), because filling it inside the upgrade held the first start for
 * 8–9 s at 100,000 cases.
 */
export const SCHEMA_V5 = {
  documents: 'id, caseId',
} as const;

/**
 * Version 6 (issue 16, the hall): events get an index on `gseq`, the hall order the server gives
 * each accepted event (absent on events not yet acknowledged: IndexedDB leaves them out of the
 * index). The pull walks it to know how far the hall order is held without a gap, and finds a
 * delivered event by it. No row is rewritten. The hall cursor lives in `meta` (data/sync/hallMeta.ts).
 */
export const SCHEMA_V6 = {
  events: '++pos, streamId, gseq',
} as const;

/**
 * Version 8 (issue 18, the hall floor): the station's own floor store — `floorTickets` (by hall
 * day) and `floorMeta` (the floor settings, the floor's rev, the request keys of issues and
 * calls). Floor state, not case history: no event writes them and the fold leaves them alone
 * (data/floorLocal.ts; docs/floor.md). Version 7 belongs to another change; Dexie allows the gap.
 */
export const SCHEMA_V8 = {
  floorTickets: 'id, day',
  floorMeta: 'key',
} as const;

/**
 * Version 9 (issue 18, the rating device): `ratingRequests`, the floor state of the rating device
 * on one PC — a request per finished case at a window, waiting for the applicant's tap, then
 * rated or expired (data/ratingRequests.ts). Floor state, not case history: not folded from the
 * log, not compared by the rebuild; the rating itself is an event on the case. Only creates the
 * table. (Version 7 belongs to another change; Dexie allows the gap.)
 */
export const SCHEMA_V9 = {
  ratingRequests: 'id, [window+status]',
} as const;

/**
 * Version 10 (issue 17 item 4, joining stations that already hold data): a certificate number is
 * no longer unique in the `certificates` read table. Two stations that issued the same number
 * alone before they joined the hall both hold it on paper; the join check records the clash
 * (data/join/) and both certificates then stand side by side on every station. No row is
 * rewritten; Dexie rebuilds the index.
 */
export const SCHEMA_V10 = {
  certificates: 'id, number, caseId, certType',
} as const;

/**
 * Version 11 (issue 17 item 4, re-coding an island whose station code the hall already holds):
 * the archive `recodedEvents` — every event of the log as it was before the re-coding, by the
 * re-coding and its old id (data/join/joinRecode.ts) — and a multi-entry index on the former
 * numbers of a renumbered case, so a paper handed out under the old number still finds it.
 * Only creates; no row is rewritten (a case that was never renumbered has no formerNumbers).
 */
export const SCHEMA_V11 = {
  cases:
    'id, &caseNo, status, partyCode, projectCode, projectId, [inboxRole+dueDate], [greenChannel+dueDate], dueDate, receivedDate, *terms, *formerNumbers',
  recodedEvents: '[recoding+oldId], recoding, newId',
} as const;

export const SCHEMA_VERSION = 11;

/**
 * A version's Dexie upgrade: the row changes listed in rowUpgrades.ts, table by table. (The
 * tables a version derives from the log are filled after the start: data/backfill.ts.)
 */
const upgradeRows = (version: number) => (tx: Transaction) =>
  Promise.all(
    (ROW_UPGRADES[version] ?? []).map((u) =>
      tx
        .table(u.table)
        .toCollection()
        .modify((row: Record<string, unknown>) => u.apply(row)),
    ),
  );

/**
 * Every schema version, oldest first. Each new version has a migration test
 * (tests/unit/renderer/data/migrations.test.ts). `upTo` lets tests and the bench build the
 * database an older app left behind.
 */
export function declareVersions(db: Dexie, upTo = SCHEMA_VERSION) {
  db.version(1).stores(SCHEMA_V1);
  db.version(2).stores({ cases: SCHEMA_V2_CASES });
  db.version(3).stores(SCHEMA_V3).upgrade(upgradeRows(3));
  db.version(4).stores(SCHEMA_V4).upgrade(upgradeRows(4));
  if (upTo >= 5) db.version(5).stores(SCHEMA_V5).upgrade(upgradeRows(5));
  if (upTo >= 6) db.version(6).stores(SCHEMA_V6);
  if (upTo >= 8) db.version(8).stores(SCHEMA_V8);
  if (upTo >= 9) db.version(9).stores(SCHEMA_V9);
  if (upTo >= 10) db.version(10).stores(SCHEMA_V10);
  if (upTo >= 11) db.version(11).stores(SCHEMA_V11);
  // A database created now has no events from before any version: no backfill to run.
  db.on('populate', (tx) => tx.table('meta').bulkPut(doneBackfills(upTo)));
}
