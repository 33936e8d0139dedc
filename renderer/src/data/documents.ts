// Document numbers of notices (惠济规划受〔2026〕15号): allocated from a per-type, per-year
// counter in the same transaction as an event that records which case the number went to, so
// every number on paper can be traced, and two papers never share one.
import { documentSequenceKey, nextDocumentNumber, type DocumentType } from '../domain/numbering';
import type { OneWindowDb } from './db';
import type { EventActor } from './eventTypes';
import { append } from './log';
import { getStation } from './station';

export async function allocateDocumentNumber(
  db: OneWindowDb,
  type: DocumentType,
  caseId: string,
  actor: EventActor,
  now = new Date(),
): Promise<string> {
  return db.transaction('rw', [db.events, db.meta], async () => {
    const station = await getStation(db);
    if (!station) throw new Error('no_station');
    const year = now.getFullYear();
    const key = `seq:${documentSequenceKey(type, year)}`;
    const last = ((await db.meta.get(key))?.value as number | undefined) ?? 0;
    const n = nextDocumentNumber(station.officeShortName, type, year, last);
    if (!n.ok) throw new Error(n.code);
    await db.meta.put({ key, value: n.seq });
    await append(
      db,
      station,
      'documents',
      [{ type: 'documentNumberAllocated', payload: { docType: type, number: n.number, caseId } }],
      actor,
      now,
    );
    return n.number;
  });
}
