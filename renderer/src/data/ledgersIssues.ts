// The chiefs' ledgers: legacy issues (遗留问题) with their meetings, and the supervision ledger
// (督办) with its weekly progress. Recording an issue opens its supervision item in the same write.
import { toLocalDate } from '../domain';
import type { OneWindowDb } from './db';
import type { EventActor } from './eventTypes';
import type { LegacyIssue, Meeting, SupervisionItem } from './ledgersModel';
import {
  blank,
  legacyIssueProblems,
  meetingProblems,
  supervisionProblems,
} from './ledgersProblems';
import { amend, invalid, newId, trimmedCode, write, type LedgerResult } from './ledgersWrite';

// ---- legacy issues ----

export type LegacyIssueInput = Omit<
  LegacyIssue,
  'number' | 'supervisionId' | 'status' | 'resolution'
>;

/** Records an issue and opens its supervision item (source 'legacyIssue') in the same write. */
export async function recordLegacyIssue(
  db: OneWindowDb,
  input: LegacyIssueInput,
  actor: EventActor,
  now = new Date(),
): Promise<LedgerResult> {
  const d = {
    ...input,
    creditCode: trimmedCode(input.creditCode),
    // Recorded together with its first meeting, the issue is already being worked on.
    status: input.meetings.length > 0 ? ('inProgress' as const) : ('open' as const),
    resolution: '',
  };
  const bad = legacyIssueProblems(d);
  if (bad.length > 0) return invalid(bad);
  const id = newId('legacyIssue');
  const supervisionId = newId('supervision');
  let issueNumber = '';
  return write(
    db,
    'legacyIssue',
    actor,
    now,
    [
      {
        id,
        kind: 'legacyIssue',
        expectedVersion: null,
        event: 'legacyIssueRecorded',
        build: (_p, number) => {
          issueNumber = number;
          return { ...d, number, supervisionId };
        },
      },
      {
        id: supervisionId,
        kind: 'supervision',
        expectedVersion: null,
        event: 'supervisionOpened',
        build: (_p, number): SupervisionItem => ({
          number,
          title: `${issueNumber} ${d.enterpriseName} ${d.projectName}：${d.obstacle}`,
          source: 'legacyIssue',
          sourceId: id,
          creditCode: d.creditCode,
          enterpriseName: d.enterpriseName,
          caseNumber: d.caseNumbers[0] ?? '',
          department: d.department,
          person: d.responsible,
          dueDate: d.dueDate,
          status: 'open',
          progress: [],
        }),
      },
    ],
    d.caseNumbers,
  );
}

export async function addMeeting(
  db: OneWindowDb,
  id: string,
  meeting: Meeting,
  expectedVersion: number,
  actor: EventActor,
  now = new Date(),
): Promise<LedgerResult> {
  const bad = meetingProblems(meeting);
  if (bad.length > 0) return invalid(bad);
  return amend(
    db,
    'legacyIssue',
    actor,
    now,
    { id, kind: 'legacyIssue', expectedVersion, event: 'legacyIssueMeetingHeld' },
    (p) => ({
      ...p,
      meetings: [...p.meetings, meeting],
      status: p.status === 'open' ? 'inProgress' : p.status,
    }),
  );
}

export async function resolveLegacyIssue(
  db: OneWindowDb,
  id: string,
  resolution: string,
  expectedVersion: number,
  actor: EventActor,
  now = new Date(),
): Promise<LedgerResult> {
  if (blank(resolution)) return invalid(['resolution']);
  return amend(
    db,
    'legacyIssue',
    actor,
    now,
    { id, kind: 'legacyIssue', expectedVersion, event: 'legacyIssueResolved' },
    (p) => ({ ...p, status: 'resolved', resolution }),
  );
}

// ---- supervision ----

export type SupervisionInput = Omit<SupervisionItem, 'number' | 'status' | 'progress' | 'sourceId'>;

export async function recordSupervision(
  db: OneWindowDb,
  input: SupervisionInput,
  actor: EventActor,
  now = new Date(),
): Promise<LedgerResult> {
  const d: Omit<SupervisionItem, 'number'> = {
    ...input,
    creditCode: trimmedCode(input.creditCode),
    sourceId: null,
    status: 'open',
    progress: [],
  };
  const bad = supervisionProblems(d);
  if (bad.length > 0) return invalid(bad);
  return write(
    db,
    'supervision',
    actor,
    now,
    [
      {
        id: newId('supervision'),
        kind: 'supervision',
        expectedVersion: null,
        event: 'supervisionOpened',
        build: (_p, number) => ({ ...d, number }),
      },
    ],
    [d.caseNumber],
  );
}

/** Monday of the week a date lies in: progress is reported once a week. */
export function weekOf(date: string): string {
  const t = Date.UTC(
    Number(date.slice(0, 4)),
    Number(date.slice(5, 7)) - 1,
    Number(date.slice(8, 10)),
  );
  const dow = (new Date(t).getUTCDay() + 6) % 7;
  return new Date(t - dow * 86_400_000).toISOString().slice(0, 10);
}

export async function addProgress(
  db: OneWindowDb,
  id: string,
  note: string,
  done: boolean,
  expectedVersion: number,
  actor: EventActor,
  now = new Date(),
): Promise<LedgerResult> {
  if (blank(note)) return invalid(['note']);
  const entry = { week: weekOf(toLocalDate(now)), note, by: actor.name, at: now.toISOString() };
  return amend(
    db,
    'progress',
    actor,
    now,
    { id, kind: 'supervision', expectedVersion, event: 'supervisionProgress' },
    (p) => ({ ...p, progress: [...p.progress, entry], status: done ? 'done' : p.status }),
  );
}
