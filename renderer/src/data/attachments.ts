// Scans stored through the host (content-addressed) and linked to a case: the link is a row in
// `files` plus an event, written together.
import type { OneWindowDb } from './db';
import type { EventActor } from './eventTypes';
import { append } from './log';
import { getStation } from './station';

export interface AttachmentMeta {
  id: string;
  name: string;
  size: number;
  mime: string;
}

/** A scan the host stored is named by its SHA-256: the event says so, for the hall's blobs. */
const withContentHash = (a: AttachmentMeta) =>
  /^[0-9a-f]{64}$/.test(a.id) ? { ...a, sha256: a.id } : { ...a };

export async function linkAttachments(
  db: OneWindowDb,
  caseId: string,
  attachments: readonly AttachmentMeta[],
  actor: EventActor,
  now = new Date(),
) {
  if (attachments.length === 0) return;
  await db.transaction('rw', [db.events, db.meta, db.files], async () => {
    const station = await getStation(db);
    if (!station) throw new Error('no_station');
    await append(
      db,
      station,
      `case-files:${caseId}`,
      [
        {
          type: 'attachmentsLinked',
          payload: { caseId, attachments: attachments.map(withContentHash) },
        },
      ],
      actor,
      now,
    );
    for (const a of attachments) {
      await db.files.put({ id: `${caseId}:${a.id}`, caseId, kind: 'attachment', data: a });
    }
  });
}

export async function attachmentsOfCase(db: OneWindowDb, caseId: string) {
  const rows = await db.files.where('caseId').equals(caseId).toArray();
  return rows.filter((r) => r.kind === 'attachment').map((r) => r.data as AttachmentMeta);
}
