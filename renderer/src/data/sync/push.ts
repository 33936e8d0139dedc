// One push: the next range of the outbox, its blobs first (uploaded when the hall says it lacks
// them), then the events; the answer's gseqs are recorded on the events and the hall's head
// becomes the chain's acknowledged mark. What the answer means for the engine is classified here:
// a gap moves the mark to where the hall is; a refusal that no retry can settle stops the pushing.
import type { OneWindowDb } from '../db';
import { credentialsOf } from '../credentials';
import { recordOwnGseqs } from '../log';
import { blobNeedsOf } from './blobs';
import { ACKED_KEY, raiseAcked, readAcked, type AckedMarks } from './hallMeta';
import { nextRange, wireOf, MAX_RANGE } from './outbox';
import type { HallError, HallTransport } from './transport';

/** Refusals no retry settles: pushing stops and the red alert asks an administrator. */
export const FATAL_CODES: ReadonlySet<HallError['code']> = new Set<HallError['code']>([
  'fork',
  'quarantined',
  'bad_hash',
  'bad_signature',
  // The password hashes beside the push are not the ones it signed: changed on the way.
  'credentials_mismatch',
  'schema_too_new',
  'station_blocked',
  'station_retired',
  'station_unknown',
  'foreign_chain',
  'protocol_unsupported',
  'blob_mismatch',
  'bad_request',
  // A hall reopened after a restore without this station, which holds what it gave away.
  'hall_rewound',
  // The host's own findings that need a person: the certificate is not the pinned one, the
  // address is not allowed, the station is not enrolled, a scan's bytes are gone or changed.
  'certificate_mismatch',
  'insecure_address',
  'bad_address',
  'not_enrolled',
  'other_hall',
  'local_missing',
  'local_mismatch',
]);

export type PushOutcome =
  | { kind: 'idle' }
  /** The join check holds the push (data/join/): clashes wait to be settled. */
  | { kind: 'held' }
  | { kind: 'pushed'; accepted: number; duplicates: number; serverTime: string }
  /** The mark moved (a gap answer): push again at once. */
  | { kind: 'moved' }
  | { kind: 'retry'; error: HallError; session?: 'renew' }
  | { kind: 'fatal'; error: HallError };

/** Sets a chain's mark to exactly what the hall says it holds (lower too: a rewound hall). */
export async function setAcked(db: OneWindowDb, chainId: string, seq: number): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const marks = await readAcked(db);
    const old = marks[chainId];
    if (old?.seq === seq) return;
    const next: AckedMarks = {
      ...marks,
      [chainId]: { seq, pos: old && old.seq < seq ? old.pos : 0 },
    };
    await db.meta.put({ key: ACKED_KEY, value: next });
  });
}

function classify(error: HallError): PushOutcome {
  if (FATAL_CODES.has(error.code)) return { kind: 'fatal', error };
  if (error.code === 'unauthorized' || error.code === 'challenge_invalid')
    return { kind: 'retry', error, session: 'renew' };
  return { kind: 'retry', error };
}

export async function uploadBlobs(
  transport: HallTransport,
  needs: ReturnType<typeof blobNeedsOf>,
): Promise<HallError | null> {
  if (needs.length === 0) return null;
  const asked = await transport.missingBlobs({ hashes: needs.map((n) => n.sha256) });
  if (!asked.ok) return asked.error;
  const missing = new Set(asked.missing);
  for (const n of needs) {
    if (!missing.has(n.sha256)) continue;
    const put = await transport.putBlob({ sha256: n.sha256, source: n.source });
    if (!put.ok) return put.error;
  }
  return null;
}

export async function pushOnce(
  db: OneWindowDb,
  transport: HallTransport,
  stationId: string,
  limit = MAX_RANGE,
): Promise<PushOutcome> {
  const range = await nextRange(db, stationId, await readAcked(db), limit);
  if (!range) return { kind: 'idle' };
  const blobError = await uploadBlobs(transport, blobNeedsOf(range.events));
  if (blobError) return classify(blobError);
  // The password hashes of the range's user events travel beside them, never inside.
  const credentials = await credentialsOf(db, range.events);
  const answer = await transport.push({
    chainId: range.chainId,
    fromSeq: range.fromSeq,
    events: range.events.map(wireOf),
    ...(credentials.length > 0 ? { credentials } : {}),
  });
  if (!answer.ok) {
    const { error } = answer;
    if (error.code === 'gap' && typeof error.expectedSeq === 'number') {
      const held = error.expectedSeq - 1;
      if (held > range.headSeq) {
        // The hall holds more of this chain than this station ever wrote: a fork.
        return { kind: 'fatal', error: { ...error, code: 'fork' } };
      }
      await setAcked(db, range.chainId, held);
      return { kind: 'moved' };
    }
    return classify(error);
  }
  const { response } = answer;
  await db.transaction('rw', [db.events, db.meta], async () => {
    await recordOwnGseqs(
      db,
      range.events.flatMap((e, i) => {
        const gseq = response.gseqs[i];
        return gseq === undefined ? [] : [{ pos: e.pos!, gseq }];
      }),
    );
    const last = range.events.find((e) => e.stationSeq === response.head.seq);
    await raiseAcked(db, [{ chainId: range.chainId, seq: response.head.seq, pos: last?.pos ?? 0 }]);
  });
  return {
    kind: 'pushed',
    accepted: response.accepted,
    duplicates: response.duplicates,
    serverTime: response.serverTime,
  };
}
