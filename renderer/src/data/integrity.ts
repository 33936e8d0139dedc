// Verification of the event log's hash chains: in the background at start-up (with progress) and
// on demand. Each chain (this station's open one, those it closed at a restore, later other
// stations') is verified on its own, in its own sequence order (chains.ts). A break names the first
// event that does not fit and its chain; its case becomes read-only.
import { ChainWalker, headsOf, type ChainFault } from './chains';
import type { OneWindowDb } from './db';
import { CLOSED_HEAD_PREFIX, HALL_CHAIN_PREFIX, HEAD_KEY, type ChainHead } from './log';
import { STATION_KEY, type Station } from './station';

export interface IntegrityReport {
  ok: boolean;
  checked: number;
  total: number;
  /** The first event that does not fit, when a chain is broken. */
  broken?: { eventId: string; pos: number; streamId: string; reason: string; chainId?: string };
  checkedAt: string;
}

export const REPORT_KEY = 'integrity';
const CHUNK = 2000;

function brokenReport(
  fault: ChainFault,
  checked: number,
  total: number,
  lastPos: number,
  now: Date,
): IntegrityReport {
  const e = fault.event;
  return {
    ok: false,
    checked,
    total,
    broken: e
      ? {
          eventId: e.id,
          pos: e.pos!,
          streamId: e.streamId,
          reason: fault.reason,
          chainId: fault.chainId,
        }
      : {
          eventId: '(tail)',
          pos: lastPos,
          streamId: '',
          reason: fault.reason,
          chainId: fault.chainId,
        },
    checkedAt: now.toISOString(),
  };
}

export async function verifyLog(
  db: OneWindowDb,
  now: Date,
  onProgress: (checked: number, total: number) => void = () => undefined,
): Promise<IntegrityReport> {
  const total = await db.events.count();
  const walker = new ChainWalker();
  let seen = 0;
  let lastPos = 0;
  let report: IntegrityReport | null = null;
  walk: for (;;) {
    // Read in chunks by position: memory stays flat however long the log is.
    const chunk = await db.events.where('pos').above(lastPos).limit(CHUNK).toArray();
    if (chunk.length === 0) break;
    for (const e of chunk) {
      const fault = await walker.add(e);
      if (fault) {
        report = brokenReport(fault, walker.checked, total, lastPos, now);
        break walk;
      }
    }
    seen += chunk.length;
    lastPos = chunk[chunk.length - 1]!.pos!;
    onProgress(seen, total);
  }
  if (!report) {
    // Every chain ends where its head says it does: a dropped tail is a break too.
    const [station, meta, hallChains] = await Promise.all([
      db.meta.get(STATION_KEY),
      db.meta.where('key').startsWith(HEAD_KEY).toArray(),
      db.meta.where('key').startsWith(HALL_CHAIN_PREFIX).toArray(),
    ]);
    const stationId = (station?.value as Station | undefined)?.stationId ?? null;
    const { heads } = headsOf(
      meta.filter((r) => r.key === HEAD_KEY || r.key.startsWith(CLOSED_HEAD_PREFIX)),
      stationId,
    );
    // Other stations' chains end where the hall door last linked them (data/log.ts).
    for (const row of hallChains) {
      const chainId = row.key.slice(HALL_CHAIN_PREFIX.length);
      if (!heads.has(chainId)) heads.set(chainId, row.value as ChainHead);
    }
    const fault = walker.finish(heads);
    report = fault
      ? brokenReport(fault, walker.checked, total, lastPos, now)
      : { ok: true, checked: walker.checked, total, checkedAt: now.toISOString() };
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
