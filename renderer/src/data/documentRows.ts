// The `documents` read table: one row per document number issued (惠济规划受〔2026〕15号), the
// fold of the `documentNumberAllocated` events on the `documents` stream. Pure, so the dispatch
// that allocates a number, the version-5 upgrade (db.ts) and the restore of an older backup
// (rowUpgrades.ts) derive exactly the same row from the same event.

export const DOCUMENTS_STREAM = 'documents';

export interface DocumentRow {
  /** `<docType>:<year>:<seq>`: a series never issues a sequence number twice. */
  id: string;
  number: string;
  docType: string;
  year: number;
  seq: number;
  caseId: string;
  /** When the number was recorded (the event's time, UTC ISO); papers print it on the hall's clock. */
  at: string;
}

/** Year and sequence of a number as nextDocumentNumber writes them: …〔2026〕15号. */
const NUMBER_TAIL = /〔(\d{4})〕(\d+)号$/;

interface DocumentEvent {
  streamId: string;
  type: string;
  at: string;
  payload: Record<string, unknown>;
}

/**
 * The row an event records, or null for any other event. Events written before version 5 carry
 * no year and sequence: they are read off the number itself (an unreadable number keeps its row,
 * keyed by its type and the number as written).
 */
export function documentRowOf(event: DocumentEvent): DocumentRow | null {
  if (event.type !== 'documentNumberAllocated' || event.streamId !== DOCUMENTS_STREAM) return null;
  const p = event.payload;
  const number = String(p['number'] ?? '');
  const docType = String(p['docType'] ?? '');
  const tail = NUMBER_TAIL.exec(number);
  const year = typeof p['year'] === 'number' ? p['year'] : tail ? Number(tail[1]) : 0;
  const seq = typeof p['seq'] === 'number' ? p['seq'] : tail ? Number(tail[2]) : 0;
  return {
    id: seq > 0 ? `${docType}:${year}:${seq}` : `${docType}:${number}`,
    number,
    docType,
    year,
    seq,
    caseId: String(p['caseId'] ?? ''),
    at: event.at,
  };
}
