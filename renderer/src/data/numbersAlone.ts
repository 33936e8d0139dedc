// What a station numbered alone before it joined a hall (issue 17 items 1 and 4): its own notice
// counter per type and year, and the highest ledger number of each kind and year it wrote itself.
// A leased block passes those numbers over (numberLeases.ts `takeLeased`), so nothing the station
// printed alone is printed again; the hall takes them into its series when the station's events
// arrive (server/core/numberUses.ts).
import { LEDGER_CREATES } from '../../../server/protocol/leases';
import { documentSequenceKey, type DocumentType } from '../domain/numbering';
import type { OneWindowDb } from './db';
import { NUMBER_PREFIX, type LedgerKind } from './ledgersModel';

/** The station's own notice counter (meta), the one it numbered with before it joined a hall. */
export const ownCounterKey = (type: DocumentType, year: number) =>
  `seq:${documentSequenceKey(type, year)}`;

/**
 * The highest number of a ledger series (`kind`, `year`) this station wrote itself: its own
 * entries' numbers, read from its own ledger events. A station that kept a ledger alone before
 * it joined counted TS20260001… by itself; those numbers are passed over in a leased block like
 * the notice numbers it printed alone (`ownCounterKey`). Numbers it took from leases are below
 * every free one (a block is taken from its front), so counting them too passes nothing over.
 */
export async function ledgerUsedAlone(
  db: OneWindowDb,
  kind: string,
  year: number,
  stationCode: string,
): Promise<number> {
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
  return highest;
}
