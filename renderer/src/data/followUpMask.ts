// A bad rating's follow-up names the applicant by code (data/followUps.ts): an enterprise's
// credit code, which is public, or a person's ID number, which the event log must not hold in
// clear — it is an audit record every station of the hall receives. Follow-ups opened before
// this was so hold the full number in their event; the log is hash-chained and never rewritten,
// so every row and screen reads a follow-up through maskedFollowUp.
import { maskIdNumber } from '../domain/mask';
import { isValidCreditCode } from '../domain/ids';
import type { OneWindowDb } from './db';

/** The meta row that marks the follow-up rows masked (maskFollowUpRows). */
export const FOLLOW_UP_MASK_KEY = 'upkeep:followUpIdMasked';

/**
 * Whether a follow-up's partyCode is a person's: said by partyKind, or — on a follow-up opened
 * before partyKind (its event holds the ID number in clear) — anything that is not a valid
 * credit code. Over-masking an odd credit code costs a link; under-masking would show a number.
 */
export const isPersonCode = (f: { partyCode?: unknown; partyKind?: unknown }): boolean =>
  f.partyKind === 'person' ||
  (f.partyKind !== 'enterprise' &&
    !(typeof f.partyCode === 'string' && isValidCreditCode(f.partyCode)));

/**
 * A follow-up's fields with a person's ID number masked. Old events in the hash-chained log keep
 * the full number (the log is never rewritten); every row and screen reads it through here.
 */
export function maskedFollowUp<T extends { partyCode?: unknown; partyKind?: unknown }>(f: T): T {
  if (!isPersonCode(f) || typeof f.partyCode !== 'string') return f;
  const masked = maskIdNumber(f.partyCode);
  return masked === f.partyCode ? f : { ...f, partyCode: masked };
}

/**
 * Masks the ID numbers that follow-up rows stored before kept in clear (the start's upkeep,
 * data/backfill.ts): once, then a meta row says it is done. The rows are what the fold of the
 * log now gives, so the rebuild compares them clean. Resolves with the rows rewritten.
 */
export async function maskFollowUpRows(db: OneWindowDb): Promise<number> {
  if ((await db.meta.get(FOLLOW_UP_MASK_KEY))?.value === 'done') return 0;
  return db.transaction('rw', db.ledger, db.meta, async () => {
    const rows = await db.ledger.where('kind').equals('followUp').toArray();
    const puts = rows.flatMap((r) => {
      const data = r.data as { partyCode?: unknown; partyKind?: unknown };
      const masked = maskedFollowUp(data);
      return masked === data ? [] : [{ ...r, data: masked }];
    });
    if (puts.length > 0) await db.ledger.bulkPut(puts);
    await db.meta.put({ key: FOLLOW_UP_MASK_KEY, value: 'done' });
    return puts.length;
  });
}
