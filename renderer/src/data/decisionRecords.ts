// What a decision records beside its case events, in the same dispatch (data/dispatch.ts): the
// document number of the notice it puts on paper, and the scans the clerk linked at intake. One
// transaction, one set of events: a refused or failed dispatch writes none of it and consumes no
// number, so every series stays gapless and the clerk can simply press again. The paper is then
// rendered from what was recorded (the number and its time), never allocated while rendering.
import type { Command } from '../domain';
import { documentSequenceKey, nextDocumentNumber, type DocumentType } from '../domain/numbering';
import { withContentHash, type AttachmentMeta } from './attachments';
import type { MetaRow, OneWindowDb } from './db';
import { DOCUMENTS_STREAM, documentRowOf, type DocumentRow } from './documentRows';
import type { AppendBatch } from './log';

/** The notice a command puts on paper, numbered in its own dispatch; null for none. */
export function documentTypeOf(command: Command): DocumentType | null {
  switch (command.type) {
    case 'accept':
    case 'acceptWithDeficiencies':
      return 'acceptance';
    case 'requestSupplement':
      return 'supplement';
    case 'refuse':
      return 'refusal';
    case 'suspend':
      return 'suspension';
    case 'resume':
      return 'resumption';
    case 'extend':
      return 'extension';
    case 'deny':
      return 'denial';
    // 送达回证: a certificate collected at the window; a posted one has the carrier's receipt.
    case 'delivered':
      return command.delivery.method === 'pickup' ? 'service' : null;
    default:
      return null;
  }
}

const counterKey = (type: DocumentType, today: string) =>
  `seq:${documentSequenceKey(type, Number(today.slice(0, 4)))}`;

/** What a command will record besides its events: read in dispatch's first request. */
export interface ExtrasPlan {
  docType: DocumentType | null;
  /** The meta row of the document counter (the year is the hall's, from `today`). */
  metaKeys: string[];
  attachments: readonly AttachmentMeta[];
}

export function planExtras(
  command: Command,
  today: string,
  attachments: readonly AttachmentMeta[] = [],
): ExtrasPlan {
  const docType = documentTypeOf(command);
  return {
    docType,
    metaKeys: docType ? [counterKey(docType, today)] : [],
    attachments,
  };
}

/** The stores the extras write, for the dispatch's transaction scope. */
export function extrasTables(db: OneWindowDb, plan: ExtrasPlan) {
  return [
    ...(plan.docType ? [db.documents] : []),
    ...(plan.attachments.length > 0 ? [db.files] : []),
  ];
}

export interface Extras {
  batches: AppendBatch[];
  meta: MetaRow[];
  documents: DocumentRow[];
  /** Issues the read-table writes (with the dispatch's other writes: one round trip). */
  write: (db: OneWindowDb) => Promise<unknown>[];
}

/**
 * The events, counter rows and read rows of the extras of a decision the domain accepted.
 * `lastSeq` is the document counter as read in the transaction.
 */
export function recordExtras(
  plan: ExtrasPlan,
  caseId: string,
  officeShortName: string,
  today: string,
  lastSeq: number,
  now: Date,
): Extras {
  const batches: AppendBatch[] = [];
  const meta: MetaRow[] = [];
  const documents: DocumentRow[] = [];
  if (plan.docType) {
    const year = Number(today.slice(0, 4));
    const n = nextDocumentNumber(officeShortName, plan.docType, year, lastSeq);
    if (!n.ok) throw new Error(n.code);
    const payload = { docType: plan.docType, number: n.number, caseId, year, seq: n.seq };
    batches.push({
      streamId: DOCUMENTS_STREAM,
      events: [{ type: 'documentNumberAllocated', payload }],
    });
    meta.push({ key: counterKey(plan.docType, today), value: n.seq });
    const row = documentRowOf({
      streamId: DOCUMENTS_STREAM,
      type: 'documentNumberAllocated',
      at: now.toISOString(),
      payload,
    });
    if (row) documents.push(row);
  }
  const attachments = [...plan.attachments];
  if (attachments.length > 0) {
    batches.push({
      streamId: `case-files:${caseId}`,
      events: [
        {
          type: 'attachmentsLinked',
          payload: { caseId, attachments: attachments.map(withContentHash) },
        },
      ],
    });
  }
  return {
    batches,
    meta,
    documents,
    write: (db) => [
      ...(documents.length > 0 ? [db.documents.bulkPut(documents)] : []),
      ...(attachments.length > 0
        ? [
            db.files.bulkPut(
              attachments.map((a) => ({
                id: `${caseId}:${a.id}`,
                caseId,
                kind: 'attachment' as const,
                data: a,
              })),
            ),
          ]
        : []),
    ],
  };
}
