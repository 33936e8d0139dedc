// What a push's number uses do to the register when they are not this station's own open numbers
// (docs/hall.md "Numbers", *An island's own numbers*). A station that ran alone before it joined
// numbered certificates, notices and ledger entries with its own counters; when its events reach
// the hall, each number they record is one of:
//
//   above the series' last seq   taken in: the series is raised to it, the number is `used` by the
//                                station (origin `island`), and the seqs passed over between the
//                                hall's last and it are `voided` as `island_gap` by the hall — a
//                                later event of the same station that records one of them marks it
//                                used (an island's numbers may reach the hall in several pushes)
//   the station's own open row   used, as every push does (a certificate of another case, though,
//   or island_gap row            is a clash)
//   anyone else's row            a **clash**: both issued it, or another station holds it leased
//                                and may print it offline. Recorded (table `number_clashes`), never
//                                renumbered: the papers are out.
//
// Pure: the SQL store (server/db/numberUses.ts) and the in-memory one (server/core/leases.ts) read
// the rows and the series' last seqs under the series' lock, then apply what this returns.
import type { NumberUse } from '../protocol';

export const ISLAND_GAP = 'island_gap';

/**
 * How far past a series' last seq one use may take it in. An island numbers from 1 and the hall's
 * series follow one bureau's year: a jump past this is no paper but a fault or an attack (one use
 * at 999,999 would raise the series and void a million seqs as island_gap in one statement). Such
 * a use is recorded as a clash against the hall (`out_of_range`), the series is left as it was.
 */
export const MAX_ISLAND_JUMP = 10_000;

export interface UseRow {
  stationCode: string;
  /** `out_of_range`: no row — the use is too far past the series' last (MAX_ISLAND_JUMP). */
  status: 'reserved' | 'leased' | 'used' | 'voided' | 'out_of_range';
  caseId: string | null;
  usedEventId: string | null;
  usedRef: string | null;
  voidReason: string | null;
}

/** A use whose series is named in full (a certificate's year found). */
export type PlacedUse = NumberUse & { seriesId: string };

export interface UsePlan {
  /** Series raised to a new last seq (made when the hall held none). */
  raise: Map<string, number>;
  /** Seqs from..to of a series passed over for this station: voided as island_gap by the hall. */
  gaps: { seriesId: string; from: number; to: number; note: string }[];
  /** New rows: used by this station, origin island. */
  take: PlacedUse[];
  /** Existing rows of this station that become used. */
  mark: PlacedUse[];
  /** Numbers another station holds or used, or this station used for something else. */
  clashes: { use: PlacedUse; other: UseRow }[];
}

/** What one call did: own open numbers used, an island's taken in or marked, clashes found. */
export interface UsesOutcome {
  own: number;
  taken: number;
  marked: number;
  clashes: number;
}

const open = (r: UseRow) => r.status === 'reserved' || r.status === 'leased';

export function planIslandUses(
  stationCode: string,
  uses: readonly PlacedUse[],
  rowAt: (seriesId: string, seq: number) => UseRow | undefined,
  lastSeqOf: (seriesId: string) => number,
): UsePlan {
  const plan: UsePlan = { raise: new Map(), gaps: [], take: [], mark: [], clashes: [] };
  // What this plan itself wrote, seen by the uses after it (one push may carry 1, 2, 3 …).
  const made = new Map<string, UseRow>();
  const at = (s: string, q: number) => made.get(`${s}#${q}`) ?? rowAt(s, q);
  const sorted = [...uses].sort((a, b) =>
    a.seriesId === b.seriesId ? a.seq - b.seq : a.seriesId < b.seriesId ? -1 : 1,
  );
  for (const u of sorted) {
    const last = plan.raise.get(u.seriesId) ?? lastSeqOf(u.seriesId);
    const used: UseRow = {
      stationCode,
      status: 'used',
      caseId: u.caseId,
      usedEventId: u.eventId,
      usedRef: u.usedRef,
      voidReason: null,
    };
    if (u.seq > last + MAX_ISLAND_JUMP) {
      plan.clashes.push({
        use: u,
        other: {
          stationCode: 'HALL',
          status: 'out_of_range',
          caseId: null,
          usedEventId: null,
          usedRef: `> ${last} + ${MAX_ISLAND_JUMP}`,
          voidReason: null,
        },
      });
      continue;
    }
    if (u.seq > last) {
      if (u.seq > last + 1) {
        const note = `${stationCode} #${u.seq}`;
        plan.gaps.push({ seriesId: u.seriesId, from: last + 1, to: u.seq - 1, note });
        for (let q = last + 1; q < u.seq; q++) {
          made.set(`${u.seriesId}#${q}`, {
            stationCode,
            status: 'voided',
            caseId: null,
            usedEventId: null,
            usedRef: null,
            voidReason: `${ISLAND_GAP}: ${note}`,
          });
        }
      }
      plan.raise.set(u.seriesId, u.seq);
      plan.take.push(u);
      made.set(`${u.seriesId}#${u.seq}`, used);
      continue;
    }
    const row = at(u.seriesId, u.seq);
    if (!row) {
      // A hole below the last seq (the register lists it missing): this use explains it.
      plan.take.push(u);
      made.set(`${u.seriesId}#${u.seq}`, used);
      continue;
    }
    if (row.usedEventId === u.eventId) continue; // marked already
    const own = row.stationCode === stationCode;
    const sameCase = !u.seriesId.startsWith('cert:') || !row.caseId || row.caseId === u.caseId;
    const passedOver = row.status === 'voided' && (row.voidReason ?? '').startsWith(ISLAND_GAP);
    if (own && sameCase && (open(row) || passedOver)) {
      plan.mark.push(u);
      made.set(`${u.seriesId}#${u.seq}`, used);
    } else {
      plan.clashes.push({ use: u, other: row });
    }
  }
  return plan;
}

/** The kind column of a series by its id's prefix. */
export const SERIES_KIND: Record<string, string> = {
  cert: 'certificate',
  doc: 'document',
  ledger: 'ledger',
};

/**
 * The series of a use: a notice's or ledger entry's as recorded; a certificate's (`cert:<type>:*`)
 * with its year, which its event does not carry: the 4 digits before the zero-padded seq in its
 * number (建字第410108 2026 00012号), else the year of the event's time in China (UTC+8).
 */
export function placeUse(u: NumberUse): PlacedUse | null {
  if (!u.seriesId.endsWith(':*')) return u;
  const base = u.seriesId.slice(0, -1);
  const at = u.at ? new Date(Date.parse(u.at) + 8 * 3600_000).getUTCFullYear() : NaN;
  for (const y of [at, at - 1, at + 1]) {
    if (Number.isFinite(y) && new RegExp(`${y}0*${u.seq}(?!\\d)`).test(u.usedRef))
      return { ...u, seriesId: `${base}${y}` };
  }
  return Number.isFinite(at) ? { ...u, seriesId: `${base}${at}` } : null;
}
