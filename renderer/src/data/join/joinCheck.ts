// The join check (issue 17 item 4): a station that ran alone before the hall existed holds cases,
// users, certificates and notices of its own. Before it pushes anything, and before it stores
// anything of the hall's, it reads the hall's events page by page — a pull, which never changes
// the hall — **without storing them**, and lists every clash with what it holds:
//
//   station_code  the hall holds events under this station's code that are not this station's
//                 (another PC was enrolled under the same code)
//   username      each hall user with this station's user's sign-in name (same person or not: the
//                 administrator says which; never merged silently). A hall user that the stations
//                 leave out (the second of two hall accounts of one name) is marked `leftOut`
//                 and is never "the same person": it signs in nowhere until renamed (用户管理)
//   certificate   a certificate number this station issued that another station issued too
//   notice        a notice number (受〔2026〕N号 …) this station issued that another station issued
//
// The record lives in meta `hall:join` (status checking → held / clear; withdrawn). While it is
// not clear the sync engine neither pushes nor pulls (engine.ts `joinGate`); each clash is settled
// by an administrator as an event (joinSettle.ts), and when the last one is settled the check
// runs again (a clash that arrived meanwhile is listed too), then the station syncs as any other.
// A station enrolled before this record existed has none and syncs as before.
import type { OneWindowDb } from '../db';
import type { StoredEvent } from '../eventTypes';
import { chainIdOf, chainNumber } from '../log';
import type { ChainHeadInfo, HallEvent } from '../../../../server/protocol';
import type { HallError, HallTransport } from '../sync/transport';

export const JOIN_KEY = 'hall:join';
export const JOIN_STREAM_PREFIX = 'join:';
export const joinStream = (stationCode: string) => `${JOIN_STREAM_PREFIX}${stationCode}`;

export type ClashKind = 'station_code' | 'username' | 'certificate' | 'notice';
export const KIND_ORDER: readonly ClashKind[] = [
  'station_code',
  'username',
  'certificate',
  'notice',
];
export type ClashDetail = Record<string, string | number>;

export interface JoinClash {
  /** `<kind>:<key>`: what a settlement names. */
  id: string;
  kind: ClashKind;
  /** The code, the sign-in name or the number that clashes. */
  key: string;
  /** What this station holds under it. */
  own: ClashDetail;
  /** What the hall holds under it (the other station's code among it). */
  other: ClashDetail;
}

export type JoinStatus = 'checking' | 'held' | 'clear' | 'withdrawn';

export interface JoinRecord {
  status: JoinStatus;
  /** When the check last ran (the station's clock); null before, and when none was needed. */
  checkedAt: string | null;
  /** The open clashes of the last check (settled ones are not listed). */
  clashes: JoinClash[];
}

export async function readJoin(db: OneWindowDb): Promise<JoinRecord | null> {
  return ((await db.meta.get(JOIN_KEY))?.value as JoinRecord | undefined) ?? null;
}

/**
 * Whether this station holds data of its own beyond its set-up: a case, a certificate, a notice,
 * a ledger entry, a counselling record, or a second user. A station set up for the hall (its
 * first administrator and nothing else) is no island: it joins at once, as before the check.
 */
export async function holdsOwnData(db: OneWindowDb): Promise<boolean> {
  const counts = await Promise.all([
    db.cases.count(),
    db.certificates.count(),
    db.documents.count(),
    db.ledger.count(),
    db.counselling.count(),
  ]);
  return counts.some((n) => n > 0) || (await db.users.count()) > 1;
}

/**
 * At enrolment: the check is due before a station that holds data of its own syncs; one that
 * holds nothing but its set-up is clear at once. A station that passed the check already
 * (re-enrolled after a reinstall) keeps its record.
 */
export async function beginJoin(db: OneWindowDb): Promise<JoinRecord> {
  return db.transaction('rw', [db.meta, ...JOIN_READ_TABLES(db)], async () => {
    const rec = await readJoin(db);
    if (rec?.status === 'clear') return rec;
    const record: JoinRecord = (await holdsOwnData(db))
      ? { status: 'checking', checkedAt: rec?.checkedAt ?? null, clashes: [] }
      : { status: 'clear', checkedAt: null, clashes: [] };
    await db.meta.put({ key: JOIN_KEY, value: record });
    return record;
  });
}

const JOIN_READ_TABLES = (db: OneWindowDb) => [
  db.cases,
  db.certificates,
  db.documents,
  db.ledger,
  db.counselling,
  db.users,
];

/** A hall user as the join check reads it from the hall's events. */
export interface HallUser {
  userId: string;
  name: string;
  role: string;
  stationId: string;
}

/** What the hall holds that can clash, read from its events (other stations' only). */
export interface HallDigest {
  /**
   * Every hall user under each sign-in name, in the hall's order. Two hall stations set up with
   * the same administrator's name both hold `admin` (the hall's pull keeps one and lists the
   * other, sync/staff.ts): each is listed, so each is a clash of its own here.
   */
  users: Map<string, HallUser[]>;
  /** The users by id with their current sign-in names, in the hall's order (across pages). */
  usersById: Map<string, HallUser & { username: string }>;
  certificates: Map<string, { caseId: string; stationId: string }[]>;
  notices: Map<string, { caseId: string; docType: string; stationId: string }[]>;
  caseNos: Map<string, string>;
  lastGseq: number;
}

const CASE_OPENERS = new Set(['caseAccepted', 'supplementRequested', 'caseRefused']);

function digestEvents(digest: HallDigest, events: readonly HallEvent[], stationId: string) {
  const byId = digest.usersById;
  for (const { event } of events) {
    const e = event as unknown as StoredEvent;
    if (chainNumber(chainIdOf(e), stationId) !== null) continue;
    const p = e.payload as Record<string, unknown>;
    const str = (k: string) => String(p[k] ?? '');
    if (e.type === 'user.created') {
      byId.set(str('id'), {
        userId: str('id'),
        username: str('username'),
        name: str('name'),
        role: str('role'),
        stationId: e.stationId,
      });
    } else if (e.type === 'user.renamed') {
      const u = byId.get(e.streamId.replace(/^user:/, ''));
      if (u) u.username = str('to');
    } else if (CASE_OPENERS.has(e.type)) {
      digest.caseNos.set(str('caseId'), str('caseNo'));
    } else if (e.type === 'certificateIssued' || e.type === 'certificateReissued') {
      const list = digest.certificates.get(str('number')) ?? [];
      list.push({ caseId: str('caseId'), stationId: e.stationId });
      digest.certificates.set(str('number'), list);
    } else if (e.type === 'documentNumberAllocated') {
      const list = digest.notices.get(str('number')) ?? [];
      list.push({ caseId: str('caseId'), docType: str('docType'), stationId: e.stationId });
      digest.notices.set(str('number'), list);
    }
  }
  digest.users = new Map();
  for (const { username, ...u } of byId.values())
    digest.users.set(username, [...(digest.users.get(username) ?? []), u]);
}

/** Reads the whole hall order, page by page, storing nothing. */
export async function readHallDigest(
  transport: Pick<HallTransport, 'pull'>,
  stationId: string,
  limit = 2000,
): Promise<{ ok: true; digest: HallDigest } | { ok: false; error: HallError }> {
  const digest: HallDigest = {
    users: new Map(),
    usersById: new Map(),
    certificates: new Map(),
    notices: new Map(),
    caseNos: new Map(),
    lastGseq: 0,
  };
  for (let after = 0; ;) {
    const r = await transport.pull({ after, limit, waitMs: 0 });
    if (!r.ok) return { ok: false, error: r.error };
    const events = [...r.response.events].sort((x, y) => x.gseq - y.gseq);
    // A page with a hole (a lost delivery) is read again from the last gapless gseq.
    const run: HallEvent[] = [];
    for (const h of events) if (h.gseq === after + run.length + 1) run.push(h);
    digestEvents(digest, run, stationId);
    after += run.length;
    digest.lastGseq = r.response.lastGseq;
    if (after >= r.response.lastGseq || run.length === 0) {
      if (after >= r.response.lastGseq) return { ok: true, digest };
      return { ok: false, error: { code: 'unreachable', message: 'hall order has a hole' } };
    }
  }
}

/** The clashes settled on this station already (their ids). */
export async function settledClashIds(db: OneWindowDb): Promise<Set<string>> {
  const events = await db.events
    .where('streamId')
    .startsWith(JOIN_STREAM_PREFIX)
    .filter((e) => e.type === 'join.clash_settled')
    .toArray();
  return new Set(events.map((e) => String(e.payload['clashId'])));
}

/** Every clash between what this station holds and the hall (heads + digest), unsettled ones. */
export async function findClashes(
  db: OneWindowDb,
  stationId: string,
  heads: readonly ChainHeadInfo[],
  digest: HallDigest,
): Promise<JoinClash[]> {
  const clashes: JoinClash[] = [];
  const own = await db.events
    .filter((e) => chainNumber(chainIdOf(e), stationId) !== null)
    .toArray();
  for (const h of heads) {
    if (chainNumber(h.chainId, stationId) === null || h.seq === 0) continue;
    const mine = own.filter((e) => chainIdOf(e) === h.chainId);
    const at = mine.find((e) => e.stationSeq === h.seq);
    if (at && at.hash === h.hash) continue;
    clashes.push({
      id: `station_code:${h.chainId}`,
      kind: 'station_code',
      key: h.chainId,
      own: { events: mine.length },
      other: { events: h.seq },
    });
  }
  for (const u of await db.users.toArray()) {
    const hall = digest.users.get(u.username) ?? [];
    // This very account in the hall (by its id): no clash of this station's.
    if (hall.length === 0 || hall.some((h) => h.userId === u.id)) continue;
    // One clash per hall user of the name, each settled against that user (joinSettle.ts); the
    // id names the hall user when there are several. All but the first in the hall's order are
    // left out by the stations (sync/staff.ts): `leftOut`, never "the same person".
    hall.forEach((h, i) =>
      clashes.push({
        id: hall.length === 1 ? `username:${u.username}` : `username:${u.username}@${h.userId}`,
        kind: 'username',
        key: u.username,
        own: { userId: u.id, name: u.name, role: u.role },
        other: {
          userId: h.userId,
          name: h.name,
          role: h.role,
          stationId: h.stationId,
          ...(i > 0 ? { leftOut: 1 } : {}),
        },
      }),
    );
  }
  const caseNo = async (caseId: string) => (await db.cases.get(caseId))?.caseNo ?? '';
  for (const c of await db.certificates.toArray()) {
    const other = digest.certificates.get(c.number)?.find((o) => o.caseId !== c.caseId);
    if (!other) continue;
    clashes.push({
      id: `certificate:${c.number}`,
      kind: 'certificate',
      key: c.number,
      own: { caseId: c.caseId, caseNo: await caseNo(c.caseId), certType: c.certType },
      other: {
        stationId: other.stationId,
        caseId: other.caseId,
        caseNo: digest.caseNos.get(other.caseId) ?? '',
      },
    });
  }
  for (const d of await db.documents.toArray()) {
    const other = digest.notices.get(d.number)?.find((o) => o.caseId !== d.caseId);
    if (!other) continue;
    clashes.push({
      id: `notice:${d.number}`,
      kind: 'notice',
      key: d.number,
      own: { caseId: d.caseId, caseNo: await caseNo(d.caseId), docType: d.docType },
      other: {
        stationId: other.stationId,
        caseId: other.caseId,
        caseNo: digest.caseNos.get(other.caseId) ?? '',
        docType: other.docType,
      },
    });
  }
  const settled = await settledClashIds(db);
  const seen = new Set<string>();
  // The order of the list on screen: the code first (it decides whether the rest matters), then
  // names, certificates, notices, each by its key (the hall users of one name in the hall's order).
  return clashes
    .filter((c) => !settled.has(c.id) && !seen.has(c.id) && seen.add(c.id))
    .sort(
      (x, y) =>
        KIND_ORDER.indexOf(x.kind) - KIND_ORDER.indexOf(y.kind) ||
        (x.key < y.key ? -1 : x.key > y.key ? 1 : 0),
    );
}

/**
 * Runs the check: the session's heads and the hall's events against what this station holds;
 * writes the record (held with the clashes, or clear). Only while the record says checking.
 */
export async function runJoinCheck(
  db: OneWindowDb,
  transport: Pick<HallTransport, 'pull'>,
  stationId: string,
  heads: readonly ChainHeadInfo[],
  now: Date,
): Promise<{ ok: true; record: JoinRecord } | { ok: false; error: HallError }> {
  const read = await readHallDigest(transport, stationId);
  if (!read.ok) return read;
  const clashes = await findClashes(db, stationId, heads, read.digest);
  const record: JoinRecord = {
    status: clashes.length > 0 ? 'held' : 'clear',
    checkedAt: now.toISOString(),
    clashes,
  };
  return db.transaction('rw', db.meta, async () => {
    const rec = await readJoin(db);
    if (rec?.status !== 'checking') return { ok: true as const, record: rec ?? record };
    await db.meta.put({ key: JOIN_KEY, value: record });
    return { ok: true as const, record };
  });
}
