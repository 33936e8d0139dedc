// Certificate numbers in the hall simulation (issue 17 item 1): stations issue, void and reissue
// certificates with numbers from the hall (data/hallNumbers.ts) under the same partitions, lost
// answers and crashes. After the heal: no number is in two issue events, every issued number is
// the hall's allocation for that very case, and every allocation is explained — used by an issue
// event, or still held as the attempt of the station that asked (its retry gets it).
import type { OneWindowDb } from '../../../../../renderer/src/data/db';
import { attemptKey, type NumberAttempt } from '../../../../../renderer/src/data/hallNumbers';
import type { Command } from '../../../../../renderer/src/domain';
import type { actors } from '../../domain/workflowFixtures';
import type { HallModel } from './hallModel';

type Picked = { command: Command; role: keyof typeof actors; expected?: number };

/** The certificate command for a case in this status, or null. */
export function certificateCommand(
  status: string,
  caseId: string,
  pick: number,
  expected: number | undefined,
): Picked | null {
  if (status === 'approved')
    return {
      command: { type: 'certificateIssued', caseId, number: '', external: false },
      role: 'clerk',
      expected,
    };
  if (status === 'issued' && pick < 0.5)
    return {
      command: { type: 'certificateVoided', caseId, reason: '打印错误' },
      role: 'chief',
      expected,
    };
  if (status === 'certificateVoided')
    return {
      command: { type: 'certificateReissued', caseId, number: '', external: false },
      role: 'clerk',
      expected,
    };
  return null;
}

interface IssuePayload {
  caseId: string;
  number: string;
  external: boolean;
  seq: number | null;
  certificateType?: string;
}

/** Checks the numbers after the heal; returns how many certificates were issued. */
export async function checkNumbers(
  stations: { code: string; db: OneWindowDb }[],
  hall: HallModel,
  fail: (m: string) => void,
  /** An island's own issue, numbered before it joined (simulationLeases.ts checks those). */
  alone: (e: { stationId: string; stationSeq: number }) => boolean = () => false,
): Promise<number> {
  // Every station holds every event after the heal: the first one's log is the hall's.
  const events = await stations[0]!.db.events.toArray();
  const all = events.filter(
    (e) => e.type === 'certificateIssued' || e.type === 'certificateReissued',
  );
  const issues = all
    .filter((e) => !alone(e))
    .map((e) => ({ station: e.stationId, p: e.payload as unknown as IssuePayload }));
  const allocations = [...hall.numbers.byKey.values()];
  const byNumber = new Map<string, number>();
  for (const { p } of issues) byNumber.set(p.number, (byNumber.get(p.number) ?? 0) + 1);
  for (const [number, n] of byNumber) if (n > 1) fail(`number ${number} issued ${n} times`);
  const used = new Set<string>();
  for (const { station, p } of issues) {
    if (p.external || p.seq === null) continue;
    const a = allocations.find(
      (x) => x.seq === p.seq && x.caseId === p.caseId && x.stationCode === station,
    );
    if (!a) fail(`${p.number} (case ${p.caseId}, ${station}) was not allocated by the hall`);
    else used.add(a.requestKey);
  }
  // Gaps of the series (allocations and an island's numbers taken in): simulationLeases.ts.
  for (const a of allocations) {
    if (used.has(a.requestKey)) continue;
    const db = stations.find((s) => s.code === a.stationCode)?.db;
    const held = await Promise.all(
      (['certificateIssued', 'certificateReissued'] as const).map(
        async (c) => (await db?.meta.get(attemptKey(a.caseId, c)))?.value as NumberAttempt,
      ),
    );
    if (!held.some((h) => h?.requestKey === a.requestKey))
      fail(`${a.seriesId} #${a.seq} (${a.stationCode}) is neither used nor held for a retry`);
  }
  return all.length;
}
