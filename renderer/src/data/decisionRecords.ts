// What a decision records beside its case events, in the same dispatch (data/dispatch.ts): the
// document number of the notice it puts on paper, and the scans the clerk linked at intake. One
// transaction, one set of events: a refused or failed dispatch writes none of it and consumes no
// number, so every series stays gapless and the clerk can simply press again. The paper is then
// rendered from what was recorded (the number and its time), never allocated while rendering.
import type { Command } from '../domain';
import { nextDocumentNumber, type DocumentType } from '../domain/numbering';
import { withContentHash, type AttachmentMeta } from './attachments';
import type { MetaRow, OneWindowDb } from './db';
import { DOCUMENTS_STREAM, documentRowOf, type DocumentRow } from './documentRows';
import type { AppendBatch } from './log';
import { JOINED_KEY } from './hallPresence';
import { holdingKey, isJoined, ownCounterKey, takeLeased, type LeaseHolding } from './numberLeases';
import { leaseSeriesId } from '../../../server/protocol/leases';

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
  ownCounterKey(type, Number(today.slice(0, 4)));
const leaseKeyOf = (type: DocumentType, today: string) =>
  holdingKey(leaseSeriesId('document', type, Number(today.slice(0, 4))));

/**
 * Where the notice's number comes from: the station's own counter (a station that never joined a
 * hall), or the block it leased from the hall (data/numberLeases.ts) — hall-wide, also offline.
 */
export type DocNumberSource =
  | { kind: 'counter'; lastSeq: number }
  | {
      kind: 'lease';
      holding: LeaseHolding | undefined;
      /** The station's own counter from before it joined: numbers up to it are never reused. */
      usedAlone: number;
    };

/** The source, from the rows of `plan.metaKeys` as read in the transaction. */
export function docNumberSource(
  rows: readonly ({ value: unknown } | undefined)[],
): DocNumberSource {
  const [counter, holding, joined] = rows;
  if (isJoined(joined?.value))
    return {
      kind: 'lease',
      holding: holding?.value as LeaseHolding | undefined,
      usedAlone: (counter?.value as number | undefined) ?? 0,
    };
  return { kind: 'counter', lastSeq: (counter?.value as number | undefined) ?? 0 };
}

/** A lease with nothing left: the decision is refused and nothing is written. */
export const leaseExhausted = (plan: ExtrasPlan, source: DocNumberSource) =>
  plan.docType !== null &&
  source.kind === 'lease' &&
  takeLeased(source.holding, source.usedAlone) === null;

/** What a command will record besides its events: read in dispatch's first request. */
export interface ExtrasPlan {
  docType: DocumentType | null;
  /** The meta rows of the document counter, the leased block and `hall:joined`, in that order. */
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
    metaKeys: docType ? [counterKey(docType, today), leaseKeyOf(docType, today), JOINED_KEY] : [],
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
 * `source` is the document counter or the leased block as read in the transaction (an exhausted
 * lease is refused before: `leaseExhausted`).
 */
export function recordExtras(
  plan: ExtrasPlan,
  caseId: string,
  officeShortName: string,
  today: string,
  source: DocNumberSource,
  now: Date,
): Extras {
  const batches: AppendBatch[] = [];
  const meta: MetaRow[] = [];
  const documents: DocumentRow[] = [];
  if (plan.docType) {
    const year = Number(today.slice(0, 4));
    const leased = source.kind === 'lease' ? takeLeased(source.holding, source.usedAlone) : null;
    if (source.kind === 'lease' && !leased) throw new Error('numbers_exhausted');
    const lastSeq = leased ? leased.seq - 1 : source.kind === 'counter' ? source.lastSeq : 0;
    const n = nextDocumentNumber(officeShortName, plan.docType, year, lastSeq);
    if (!n.ok) throw new Error(n.code);
    const payload = { docType: plan.docType, number: n.number, caseId, year, seq: n.seq };
    batches.push({
      streamId: DOCUMENTS_STREAM,
      events: [{ type: 'documentNumberAllocated', payload }],
    });
    if (leased) meta.push({ key: leaseKeyOf(plan.docType, today), value: leased.rest });
    else meta.push({ key: counterKey(plan.docType, today), value: n.seq });
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
