// Leased notice and ledger numbers in the hall simulation (issue 17 items 1 and 4): stations
// lease blocks (the engine tops them up after each session and pull), print notices and record
// ledger entries from them offline, crash, lose lease answers and return (their leases
// reconciled); one station of some seeds is an **island** — it works alone first, numbering
// notices, certificates and ledger entries with its own counters, and joins the hall later; at
// the end every station's round of the next year voids what it holds unused (year_end). Then:
//
// - no number is in two events of any series — unless one of them is the island's own, made
//   before it joined, and the hall recorded it as a clash (server/core/numberUses.ts); a number
//   the hall gave out is never recorded as a clash;
// - every number an event records is used at the hall by that station and that event;
// - every seq 1..last of every series has a row (used, voided with a reason, reserved, leased):
//   no unexplained gap; a leased number is held free by its station, and a number a station holds
//   free is leased to it at the hall (else it would print it a second time).
import type { OneWindowDb } from '../../../../../renderer/src/data/db';
import { recordCommendation } from '../../../../../renderer/src/data/ledgers';
import { refillLeases, type LeaseHolding } from '../../../../../renderer/src/data/numberLeases';
import { placeUse } from '../../../../../server/core/numberUses';
import { numberUsesOf } from '../../../../../server/protocol';
import { actors } from '../../domain/workflowFixtures';
import type { HallModel, ModelTransport } from './hallModel';

/** The first day of the next year: the round that voids last year's free numbers. */
export const NEXT_YEAR = new Date('2027-01-04T01:00:00Z');

/** The island of a seed: its code and the last own seq it wrote alone (null: not joined yet). */
export interface Island {
  code: string;
  joinAt: number;
  aloneUpTo: number | null;
}

/** A commendation entry (ledger:commendation:<year>), numbered from the lease or alone. */
export async function recordEntry(db: OneWindowDb, rand: () => number, now: Date) {
  const r = await recordCommendation(
    db,
    {
      kind: rand() < 0.5 ? 'letter' : 'banner',
      receivedOn: '2026-03-02',
      from: '某公司',
      creditCode: '',
      caseNumber: '',
      staff: '陈静',
      note: '',
    },
    actors.clerk,
    now,
  );
  return r.ok;
}

/** After the heal: every station's first round of the next year (year_end voids, reconciled). */
export async function yearEnd(stations: { code: string; db: OneWindowDb; net: ModelTransport }[]) {
  for (const s of stations) {
    await refillLeases(
      s.db,
      { numbers: (x) => s.net.numbers(x) },
      { now: NEXT_YEAR, plan: [], reconcile: true, stationCode: s.code },
    );
  }
}

/** Checks the numbers of every series after the heal; returns how many uses the log holds. */
export async function checkLeases(
  stations: { code: string; db: OneWindowDb }[],
  hall: HallModel,
  island: Island | null,
  fail: (m: string) => void,
): Promise<{ uses: number; clashes: number; takenIn: number; voided: number }> {
  const leases = hall.leases;
  const alone = (station: string, seq: number) =>
    island !== null && station === island.code && seq <= (island.aloneUpTo ?? Infinity);
  const byNumber = new Map<string, { id: string; station: string; alone: boolean }[]>();
  for (const { event: e } of hall.events) {
    for (const u of numberUsesOf(e)) {
      const p = placeUse(u);
      if (!p) {
        fail(`${e.id}: the number ${u.usedRef} has no series`);
        continue;
      }
      const key = `${p.seriesId} #${p.seq}`;
      const list = byNumber.get(key) ?? [];
      list.push({ id: e.id, station: e.stationId, alone: alone(e.stationId, e.stationSeq) });
      byNumber.set(key, list);
    }
  }
  const clashed = new Set(leases.clashes.map((c) => `${c.seriesId} #${c.seq} ${c.eventId}`));
  let uses = 0;
  for (const [key, list] of byNumber) {
    uses += list.length;
    const recorded = list.filter((x) => clashed.has(`${key} ${x.id}`));
    const standing = list.filter((x) => !clashed.has(`${key} ${x.id}`));
    if (standing.length > 1)
      fail(`${key} issued ${list.length} times: ${list.map((x) => x.id).join(', ')}`);
    for (const x of recorded)
      if (!x.alone) fail(`${key}: ${x.id} was recorded as a clash, but the hall gave it out`);
    const [series = '', seq = ''] = key.split(' #');
    const row = leases.rowAt(series, Number(seq));
    for (const x of standing) {
      if (!row) fail(`${key} (${x.id}) is not in the hall's register: it may be handed out again`);
      else if (row.status !== 'used' || row.stationCode !== x.station || row.usedEventId !== x.id)
        fail(`${key} (${x.id}) is not used by ${x.station} at the hall: ${JSON.stringify(row)}`);
    }
  }
  for (const c of leases.clashes) {
    const list = byNumber.get(`${c.seriesId} #${c.seq}`) ?? [];
    if (!list.some((x) => x.id === c.eventId && x.alone))
      fail(`${c.seriesId} #${c.seq}: a clash recorded for ${c.eventId}, not the island's own`);
  }
  // The hall handed each seq out once: a lease block, a certificate allocation, or an island's
  // own number taken in (or passed over for it).
  const handouts = new Map<string, string[]>();
  const handOut = (series: string, seq: number, what: string) => {
    const k = `${series} #${seq}`;
    handouts.set(k, [...(handouts.get(k) ?? []), what]);
  };
  for (const [key, l] of leases.leases)
    for (let q = l.first; q <= l.last; q++) handOut(l.seriesId, q, `lease ${key}`);
  for (const a of hall.numbers.byKey.values())
    handOut(a.seriesId, a.seq, `allocation ${a.requestKey}`);
  for (const r of leases.rows.values())
    if (r.leaseKey === null) handOut(r.seriesId, r.seq, `taken in from ${r.stationCode}`);
  for (const [k, list] of handouts)
    if (list.length > 1) fail(`${k} handed out ${list.length} times: ${list.join('; ')}`);
  // Every seq of every series has a row, and every row a state that explains it.
  const holdings = new Map<string, Set<number>>();
  for (const s of stations) {
    const rows = await s.db.meta.where('key').startsWith('lease:').toArray();
    for (const r of rows) {
      const h = r.value as LeaseHolding;
      if (!h.seriesId) continue;
      holdings.set(`${s.code} ${h.seriesId}`, new Set(h.free));
      for (const seq of h.free) {
        const row = leases.rowAt(h.seriesId, seq);
        if (row?.status !== 'leased' || row.stationCode !== s.code)
          fail(
            `${s.code} holds ${h.seriesId} #${seq} free, the hall has it ${JSON.stringify(row)}`,
          );
      }
    }
  }
  let takenIn = 0;
  let voided = 0;
  for (const [series, last] of hall.numbers.series) {
    for (let seq = 1; seq <= last; seq++) {
      const row = leases.rowAt(series, seq);
      if (!row) {
        fail(`${series} #${seq}: an unexplained gap`);
        continue;
      }
      if (row.status === 'voided') voided += 1;
      if (row.status === 'voided' && !row.voidReason)
        fail(`${series} #${seq}: voided without a reason`);
      if (row.status === 'used' && !byNumber.get(`${series} #${seq}`)?.length)
        fail(`${series} #${seq}: used at the hall, in no event`);
      if (row.status === 'leased' && !holdings.get(`${row.stationCode} ${series}`)?.has(seq))
        fail(`${series} #${seq}: leased to ${row.stationCode}, which does not hold it`);
      if (leases.rows.get(`${series}#${seq}`)?.origin === 'island') takenIn += 1;
    }
  }
  return { uses, clashes: leases.clashes.length, takenIn, voided };
}
