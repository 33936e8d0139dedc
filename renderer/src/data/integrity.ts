// Verification of the event log's hash chain: in the background at start-up (with progress) and
// on demand. A break names the first event that does not fit; its case becomes read-only.
import { GENESIS_HASH, verifyChain, type ChainedEvent } from '../domain/audit';
import type { OneWindowDb } from './db';

export interface IntegrityReport {
  ok: boolean;
  checked: number;
  total: number;
  /** The first event that does not fit, when the chain is broken. */
  broken?: { eventId: string; pos: number; streamId: string; reason: string };
  checkedAt: string;
}

export const REPORT_KEY = 'integrity';
const CHUNK = 2000;

export async function verifyLog(
  db: OneWindowDb,
  now: Date,
  onProgress: (checked: number, total: number) => void = () => undefined,
): Promise<IntegrityReport> {
  const total = await db.events.count();
  let prev = GENESIS_HASH;
  let checked = 0;
  let lastPos = 0;
  let report: IntegrityReport = { ok: true, checked: 0, total, checkedAt: now.toISOString() };
  for (;;) {
    // Read in chunks by position: memory stays flat however long the log is.
    const chunk = await db.events.where('pos').above(lastPos).limit(CHUNK).toArray();
    if (chunk.length === 0) break;
    // `pos` is the local insertion order, added by IndexedDB and not part of the hashed event.
    const hashed = chunk.map(({ pos: _pos, ...event }) => event as unknown as ChainedEvent);
    const verdict = await verifyChain(hashed, prev);
    if (!verdict.ok) {
      const bad = chunk[verdict.index]!;
      report = {
        ok: false,
        checked: checked + verdict.index,
        total,
        broken: { eventId: bad.id, pos: bad.pos!, streamId: bad.streamId, reason: verdict.reason },
        checkedAt: now.toISOString(),
      };
      break;
    }
    checked += chunk.length;
    prev = chunk[chunk.length - 1]!.hash;
    lastPos = chunk[chunk.length - 1]!.pos!;
    onProgress(checked, total);
    report = { ok: true, checked, total, checkedAt: now.toISOString() };
  }
  if (report.ok) {
    // The log ends where the head says it does: a dropped tail is a break too.
    const head = (await db.meta.get('chainHead'))?.value as { hash: string } | undefined;
    if (head && head.hash !== prev) {
      report = {
        ok: false,
        checked,
        total,
        broken: { eventId: '(tail)', pos: lastPos, streamId: '', reason: 'head_mismatch' },
        checkedAt: now.toISOString(),
      };
    }
  }
  await db.meta.put({ key: REPORT_KEY, value: report });
  return report;
}

export async function lastIntegrityReport(db: OneWindowDb): Promise<IntegrityReport | null> {
  return ((await db.meta.get(REPORT_KEY))?.value as IntegrityReport | undefined) ?? null;
}

/** A stream whose chain is broken is read-only until an administrator has dealt with it. */
export async function isStreamReadOnly(db: OneWindowDb, streamId: string): Promise<boolean> {
  return reportBlocks(await lastIntegrityReport(db), streamId);
}

export const reportBlocks = (report: IntegrityReport | null | undefined, streamId: string) =>
  !!report && !report.ok && report.broken?.streamId === streamId;
