// What a station numbered alone before it joined a hall (issue 17 items 1 and 4): its own notice
// counter per type and year, and the highest ledger number of each kind and year it wrote itself.
// A leased block passes those numbers over (numberLeases.ts `takeLeased`), so nothing the station
// printed alone is printed again; the hall takes them into its series when the station's events
// arrive (server/core/numberUses.ts).
import { LEDGER_CREATES } from '../../../server/protocol/leases';
import { documentSequenceKey, type DocumentType } from '../domain/numbering';
import type { OneWindowDb } from './db';
import { JOINED_KEY } from './hallPresence';
import { NUMBER_PREFIX, type LedgerKind } from './ledgersModel';

/** The station's own notice counter (meta), the one it numbered with before it joined a hall. */
export const ownCounterKey = (type: DocumentType, year: number) =>
  `seq:${documentSequenceKey(type, year)}`;

/** Where a joined station keeps what ledgerUsedAlone found (it no longer numbers alone). */
export const aloneLedgerKey = (kind: string, year: number) => `alone:ledger:${kind}:${year}`;

/**
 * The highest number of a ledger series (`kind`, `year`) this station wrote itself: its own
 * entries' numbers, read from its own ledger events. A station that kept a ledger alone before
 * it joined counted TS20260001… by itself; those numbers are passed over in a leased block like
 * the notice numbers it printed alone (`ownCounterKey`). Numbers it took from leases are below
 * every free one (a block is taken from its front), so counting them too passes nothing over.
 * On a joined station the answer cannot grow any more by numbering alone: it is read once and
 * kept in meta, so the lease round after every pull does not read the ledger events again.
 */
export async function ledgerUsedAlone(
  db: OneWindowDb,
  kind: string,
  year: number,
  stationCode: string,
): Promise<number> {
  const key = aloneLedgerKey(kind, year);
  const [kept, joined] = await db.meta.bulkGet([key, JOINED_KEY]);
  if (typeof kept?.value === 'number') return kept.value;
  const prefix = `${NUMBER_PREFIX[kind as LedgerKind] ?? ''}${year}`;
  let highest = 0;
  await db.events
    .where('streamId')
    .startsWith('ledger:')
    .filter((e) => e.stationId === stationCode && LEDGER_CREATES.has(e.type))
    .each((e) => {
      const p = e.payload as { kind?: string; basedOn?: number; fields?: { number?: string } };
      const number = String(p.fields?.number ?? '');
      if (p.kind !== kind || (p.basedOn ?? 0) !== 0 || !number.startsWith(prefix)) return;
      const seq = Number(number.slice(prefix.length));
      if (Number.isInteger(seq) && seq > highest) highest = seq;
    });
  if (joined?.value) await db.meta.put({ key, value: highest });
  return highest;
}
