// Field bundles on the station (issue 17 item 5), for a site with no network at all.
//
// Out: `exportStationBundle` gathers what a push would send — every own chain's events past the
// hall's acknowledged mark, the credentials beside them, the blobs they name — and the host seals
// and signs it with the station's sync key (hall.sealBundle); the file goes out through
// files.saveFile. Nothing is marked sent: the outbox stays what the hall has not acknowledged, so
// a second bundle repeats the first (the hall counts the repeat as duplicates) until a bundle back
// or a push acknowledges it.
//
// In: `importHallBundle` checks a hall bundle before anything is stored — that it is whole (the
// body's hash), for this hall and this station, signed by the hall's bundle key this station
// pinned from its sessions, not imported before, and continuing from this station's cursor — then
// applies it through the pull's own path (pull.ts over a transport that serves the bundle's
// events: the hall door, the fold, the cursor, one transaction a page) and takes the station's
// chain heads from it as the acknowledgement, as a session does.
import type { HostApi } from '../../../../electron/contract';
import type { Credential, HallEvent } from '../../../../server/protocol';
import {
  base64ToBytes,
  bodyOf,
  bundleSigningText,
  MAX_BUNDLE_BYTES,
  openEnvelope,
  type HallBundleBody,
} from '../../../../server/protocol/bundle';
import { credentialsOf } from '../credentials';
import type { OneWindowDb } from '../db';
import { readJoin } from '../join/joinCheck';
import type { EventActor } from '../eventTypes';
import { chainIdOf } from '../log';
import { blobNeedsOf } from './blobs';
import { readAcked, readCursor } from './hallMeta';
import { ownChains, pendingCount, stationIdOf, wireOf } from './outbox';
import { pullOnce } from './pull';
import { setAcked } from './push';
import type { HallTransport } from './transport';

/** Bundle ids this station imported (newest last), so a re-import is recognised. */
export const BUNDLES_IN_KEY = 'hall:bundlesIn';
const KEEP_IDS = 500;

/**
 * A station the join check holds (clashes to settle, or withdrawn) exchanges nothing with the hall
 * by bundle either: the USB stick is not a way around the check.
 */
async function joinHolds(db: OneWindowDb): Promise<boolean> {
  const join = await readJoin(db);
  return join !== null && join.status !== 'clear';
}

export type BundleProblem =
  | { code: 'not_allowed' }
  | { code: 'not_enrolled' }
  | { code: 'nothing_to_send' }
  /** The join check holds this station (data/join/): a bundle would carry what the check holds. */
  | { code: 'join_held' }
  | { code: 'damaged'; detail: string }
  | {
      code: 'foreign';
      detail: 'wrong_kind' | 'other_hall' | 'other_station' | 'bad_signature' | 'no_key';
    }
  | { code: 'replayed'; at: string }
  | { code: 'gap'; after: number; cursor: number }
  | { code: 'fork'; chainId: string }
  | { code: 'bad_hash'; detail: string };

type HallHost = Pick<HostApi, 'hallStatus' | 'hallSealBundle'>;

/** Only a stored, active user: the bundle holds the station's records. */
async function allowed(db: OneWindowDb, actor: EventActor) {
  const u = await db.users.get(actor.id);
  return Boolean(u && !u.disabled);
}

export type ExportOutcome =
  | {
      ok: true;
      fileName: string;
      bytes: Uint8Array<ArrayBuffer>;
      events: number;
      blobs: number;
      bundleId: string;
    }
  | { ok: false; problem: BundleProblem };

export async function exportStationBundle(
  db: OneWindowDb,
  actor: EventActor,
  host: HallHost,
): Promise<ExportOutcome> {
  if (!(await allowed(db, actor))) return { ok: false, problem: { code: 'not_allowed' } };
  const status = await host.hallStatus({});
  const stationId = await stationIdOf(db);
  if (!status.enrolled || !stationId) return { ok: false, problem: { code: 'not_enrolled' } };
  if (await joinHolds(db)) return { ok: false, problem: { code: 'join_held' } };
  const acked = await readAcked(db);
  const chains = [];
  const all = [];
  for (const c of await ownChains(db, stationId)) {
    const mark = acked[c.chainId] ?? { seq: 0, pos: 0 };
    if (c.head.stationSeq <= mark.seq) continue;
    const events = await db.events
      .where('pos')
      .above(mark.pos)
      .filter((e) => chainIdOf(e) === c.chainId && e.stationSeq > mark.seq)
      .toArray();
    const range = [];
    for (const e of events) {
      if (e.stationSeq !== mark.seq + 1 + range.length) break;
      range.push(e);
    }
    if (range.length === 0) continue;
    all.push(...range);
    chains.push({ chainId: c.chainId, fromSeq: mark.seq + 1, events: range.map(wireOf) });
  }
  if (chains.length === 0) return { ok: false, problem: { code: 'nothing_to_send' } };
  const sealed = await host.hallSealBundle({
    cursor: await readCursor(db),
    chains,
    credentials: await credentialsOf(db, all),
    blobs: blobNeedsOf(all),
  });
  return { ok: true, ...sealed, bytes: sealed.bytes as Uint8Array<ArrayBuffer> };
}

const sha256OfText = async (text: string) =>
  [...new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)))]
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('');

async function verifies(spki: string, text: string, signature: string): Promise<boolean> {
  const keyBytes = base64ToBytes(spki);
  const sig = base64ToBytes(signature);
  if (!keyBytes || !sig || sig.length !== 64) return false;
  try {
    const key = await crypto.subtle.importKey(
      'spki',
      keyBytes as Uint8Array<ArrayBuffer>,
      { name: 'ECDSA', namedCurve: 'P-256' },
      false,
      ['verify'],
    );
    return await crypto.subtle.verify(
      { name: 'ECDSA', hash: 'SHA-256' },
      key,
      sig as Uint8Array<ArrayBuffer>,
      new TextEncoder().encode(text),
    );
  } catch {
    return false;
  }
}

/** The pull path's transport over a bundle: pages of the bundle's events after a cursor. */
function bundleTransport(body: HallBundleBody, serverTime: string): Pick<HallTransport, 'pull'> {
  const byEvent = new Map<string, Credential[]>();
  for (const c of body.credentials) byEvent.set(c.eventId, [...(byEvent.get(c.eventId) ?? []), c]);
  return {
    async pull({ after, limit }) {
      const events: HallEvent[] = body.events.filter((e) => e.gseq > after).slice(0, limit);
      const credentials = events.flatMap((e) => byEvent.get(e.event.id) ?? []);
      return {
        ok: true,
        response: {
          events,
          cursor: events.at(-1)?.gseq ?? after,
          lastGseq: body.lastGseq,
          serverTime,
          ...(credentials.length > 0 ? { credentials } : {}),
        },
      };
    },
  };
}

export type ImportOutcome =
  | { ok: true; stored: number; held: number; cursor: number; acknowledged: number }
  | { ok: false; problem: BundleProblem };

export async function importHallBundle(
  db: OneWindowDb,
  actor: EventActor,
  text: string,
  host: Pick<HostApi, 'hallStatus'>,
  now = new Date(),
): Promise<ImportOutcome> {
  const refuse = (problem: BundleProblem): ImportOutcome => ({ ok: false, problem });
  if (!(await allowed(db, actor))) return refuse({ code: 'not_allowed' });
  const status = await host.hallStatus({});
  const stationId = await stationIdOf(db);
  if (!status.enrolled || !stationId) return refuse({ code: 'not_enrolled' });
  if (await joinHolds(db)) return refuse({ code: 'join_held' });
  if (text.length > MAX_BUNDLE_BYTES) return refuse({ code: 'damaged', detail: 'too_large' });
  const opened = await openEnvelope(text, 'hall', sha256OfText);
  if (!opened.ok)
    return refuse(
      opened.code === 'damaged'
        ? { code: 'damaged', detail: opened.detail }
        : { code: 'foreign', detail: 'wrong_kind' },
    );
  const env = opened.envelope as typeof opened.envelope & { kind: 'hall' };
  if (!status.bundleKey) return refuse({ code: 'foreign', detail: 'no_key' });
  if (env.hallId !== status.hallId) return refuse({ code: 'foreign', detail: 'other_hall' });
  if (env.stationCode !== status.stationCode)
    return refuse({ code: 'foreign', detail: 'other_station' });
  if (!(await verifies(status.bundleKey, bundleSigningText(env), env.signature)))
    return refuse({ code: 'foreign', detail: 'bad_signature' });
  const body = bodyOf(env);
  if (!body) return refuse({ code: 'damaged', detail: 'body' });
  const seen = ((await db.meta.get(BUNDLES_IN_KEY))?.value ?? []) as { id: string; at: string }[];
  const before = seen.find((s) => s.id === env.bundleId);
  if (before) return refuse({ code: 'replayed', at: before.at });
  const cursor = await readCursor(db);
  if (body.after > cursor) return refuse({ code: 'gap', after: body.after, cursor });
  // The hall holding more of an own chain than this station wrote: a fork, as a session says.
  const local = new Map((await ownChains(db, stationId)).map((c) => [c.chainId, c.head]));
  for (const h of body.heads)
    if (h.seq > (local.get(h.chainId)?.stationSeq ?? 0))
      return refuse({ code: 'fork', chainId: h.chainId });

  const pendingBefore = await pendingCount(db);
  const transport = bundleTransport(body, env.createdAt) as HallTransport;
  let stored = 0;
  let held = 0;
  let at = cursor;
  for (;;) {
    const r = await pullOnce(db, transport, stationId, { limit: 2000, waitMs: 0, now });
    if (r.kind === 'error') return refuse({ code: 'damaged', detail: r.error.code });
    if (r.kind === 'fault') {
      const f = r.faults[0]!;
      return refuse({
        code: f.reason === 'fork' ? 'fork' : 'bad_hash',
        detail: f.reason,
      } as BundleProblem);
    }
    stored += r.result.stored.length;
    held += r.delivered - r.result.stored.length;
    if (r.cursor === at || !r.more) {
      at = r.cursor;
      break;
    }
    at = r.cursor;
  }
  // The heads are the acknowledgement: marks only move up (a bundle is a past answer).
  const marks = await readAcked(db);
  for (const h of body.heads)
    if (h.status !== 'quarantined' && h.seq > (marks[h.chainId]?.seq ?? 0))
      await setAcked(db, h.chainId, h.seq);
  const acknowledged = pendingBefore - (await pendingCount(db));
  await db.meta.put({
    key: BUNDLES_IN_KEY,
    value: [...seen, { id: env.bundleId, at: now.toISOString() }].slice(-KEEP_IDS),
  });
  return { ok: true, stored, held, cursor: at, acknowledged };
}
