// The blobs an event names (scans, archived papers) and where the host reads their bytes: an
// attachment's id is its content hash; an archived paper is read by its archive id.
import { blobRefsOf } from '../../../../server/protocol';
import type { StoredEvent } from '../eventTypes';
import type { BlobSource } from './transport';

export interface BlobNeed {
  sha256: string;
  source: BlobSource;
}

export function blobNeedsOf(events: readonly StoredEvent[]): BlobNeed[] {
  const needs = new Map<string, BlobNeed>();
  for (const e of events) {
    const refs = blobRefsOf(e);
    if (refs.length === 0) continue;
    const archiveId = typeof e.payload.archiveId === 'string' ? e.payload.archiveId : null;
    for (const sha256 of refs) {
      if (needs.has(sha256)) continue;
      const source: BlobSource =
        archiveId && e.payload.sha256 === sha256
          ? { kind: 'archive', id: archiveId }
          : { kind: 'attachment', id: sha256 };
      needs.set(sha256, { sha256, source });
    }
  }
  return [...needs.values()];
}
