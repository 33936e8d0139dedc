// The record of every paper printed for a case: the archive id of its PDF (kept by the host
// with its SHA-256), the exact HTML it was printed from (so a reprint is the same paper), and an
// event in the log — a reprint is recorded as such, pointing at the original.
import type { OneWindowDb } from './db';
import type { EventActor } from './eventTypes';
import { append } from './log';
import { getStation } from './station';

export interface PrintRecord {
  archiveId: string;
  sha256: string;
  caseId: string | null;
  docType: string;
  title: string;
  kind: 'a4' | 'receipt';
  /** Printed as an overlay onto pre-printed stock, on this printer (null = the kind's). */
  overlay?: boolean;
  deviceName?: string | null;
  html: string;
  paper: { widthMm: number; heightMm: number | null };
  reprintOf: string | null;
  printedAt: string;
  by: EventActor;
  /** What the host archived: the PDF, or the HTML as printed where no PDF could be made. Absent
   * in records from before the browser host archived papers: those are PDFs. */
  format?: 'pdf' | 'html';
}

/** What of a print record the event carries: everything but the HTML (data/notDerivable.ts). */
export function printEventPayload(record: PrintRecord): Record<string, unknown> {
  const { html: _html, by: _by, ...rest } = record;
  return { ...rest };
}

export async function recordPrint(db: OneWindowDb, record: PrintRecord, now = new Date()) {
  await db.transaction('rw', [db.events, db.meta, db.files], async () => {
    const station = await getStation(db);
    if (!station) throw new Error('no_station');
    await append(
      db,
      station,
      record.caseId ? `case-papers:${record.caseId}` : 'papers',
      [
        {
          type: record.reprintOf ? 'paperReprinted' : 'paperPrinted',
          payload: printEventPayload(record),
        },
      ],
      record.by,
      now,
    );
    await db.files.put({
      id: record.archiveId,
      caseId: record.caseId ?? '',
      kind: 'print',
      data: record,
    });
  });
}

export async function printsOfCase(db: OneWindowDb, caseId: string): Promise<PrintRecord[]> {
  const rows = await db.files.where('caseId').equals(caseId).toArray();
  return rows
    .filter((r) => r.kind === 'print')
    .map((r) => r.data as PrintRecord)
    .sort((a, b) => a.printedAt.localeCompare(b.printedAt));
}

export async function printRecord(db: OneWindowDb, archiveId: string) {
  const row = await db.files.get(archiveId);
  return row?.kind === 'print' ? (row.data as PrintRecord) : undefined;
}
