// Chains, not one chain: a log holding several chains interleaved verifies chain by chain; a
// break is reported with its chain; an old database (v1 events, the single `chainHead` row)
// keeps working; a restore opens a new chain that names the old head, and no (chain, seq) is
// ever issued twice.
import { afterEach, describe, expect, it } from 'vitest';
import { signIn } from '../../../../renderer/src/data/auth';
import {
  BackupError,
  exportBackup,
  readBackup,
  restoreBackup,
  type BackupFile,
} from '../../../../renderer/src/data/backup';
import type { OneWindowDb } from '../../../../renderer/src/data/db';
import type { StoredEvent } from '../../../../renderer/src/data/eventTypes';
import { verifyLog } from '../../../../renderer/src/data/integrity';
import { append, HEAD_KEY, readHead } from '../../../../renderer/src/data/log';
import { setupStation, STATION_KEY } from '../../../../renderer/src/data/station';
import {
  canonicalJson,
  chainSync,
  GENESIS_HASH,
  sha256Hex,
} from '../../../../renderer/src/domain/audit';
import { clerk, FAST, freshDb, setupOf } from './helpers';

const now = new Date('2026-03-02T02:00:00Z');
let dbs: OneWindowDb[] = [];
afterEach(() => {
  for (const d of dbs) d.close();
  dbs = [];
});

async function stationOf(code: string) {
  const db = freshDb();
  dbs.push(db);
  const { admin } = await setupStation(db, setupOf({ stationCode: code }), { ...FAST, now });
  return { db, admin };
}

const logOf = (db: OneWindowDb) => db.events.orderBy('pos').toArray();
const withoutPos = (events: StoredEvent[]) => events.map(({ pos: _p, ...e }) => e);

/** A database holding the events of HJ01 and HJ02 interleaved, with HJ01's station and head. */
async function twoChains() {
  const a = await stationOf('HJ01');
  const b = await stationOf('HJ02');
  for (let i = 0; i < 3; i++) {
    await signIn(a.db, 'admin', 'admin password', { now });
    await signIn(b.db, 'admin', i === 1 ? 'typo typo' : 'admin password', { now });
  }
  const [ea, eb] = [await logOf(a.db), await logOf(b.db)];
  const mixed: StoredEvent[] = [];
  for (let i = 0; i < Math.max(ea.length, eb.length); i++) {
    if (eb[i]) mixed.push(eb[i]!);
    if (ea[i]) mixed.push(ea[i]!);
  }
  const db = freshDb();
  dbs.push(db);
  await db.events.bulkAdd(withoutPos(mixed));
  await db.meta.bulkPut((await a.db.meta.toArray()).filter((r) => r.key !== 'integrity'));
  return { db, total: mixed.length, hj02: eb };
}

describe('verification per chain', () => {
  it('verifies two stations’ chains interleaved in local order', async () => {
    const { db, total } = await twoChains();
    expect(new Set((await logOf(db)).map((e) => e.chainId))).toEqual(new Set(['HJ01', 'HJ02']));
    expect(await verifyLog(db, now)).toMatchObject({ ok: true, checked: total, total });
  });

  it('reports a tampered event with its chain, and a deleted one by the next of its chain', async () => {
    const { db, hj02 } = await twoChains();
    const victim = (await db.events.filter((e) => e.id === 'HJ02-3').first())!;
    await db.events.update(victim.pos!, { payload: { username: 'someone' } });
    expect((await verifyLog(db, now)).broken).toMatchObject({
      eventId: 'HJ02-3',
      chainId: 'HJ02',
      streamId: victim.streamId,
      reason: 'hash_mismatch',
    });
    await db.events.update(victim.pos!, { payload: hj02[2]!.payload });
    expect((await verifyLog(db, now)).ok).toBe(true);
    await db.events.delete(victim.pos!);
    expect((await verifyLog(db, now)).broken).toMatchObject({
      eventId: 'HJ02-4',
      chainId: 'HJ02',
      reason: 'prev_hash_mismatch',
    });
  });

  it('takes each chain in its own sequence order, and finds a sequence number used twice', async () => {
    const { db, total } = await twoChains();
    // HJ01-3 arrives after HJ01-4 (say, a pull delivered out of order): still whole.
    const log = await logOf(db);
    const third = log.find((e) => e.id === 'HJ01-3')!;
    await db.events.delete(third.pos!);
    await db.events.add(withoutPos([third])[0]!);
    expect(await verifyLog(db, now)).toMatchObject({ ok: true, checked: total });
    const copy = { ...withoutPos([log.find((e) => e.id === 'HJ02-2')!])[0]! };
    await db.events.add(copy);
    expect((await verifyLog(db, now)).broken).toMatchObject({
      eventId: 'HJ02-2',
      chainId: 'HJ02',
      reason: 'prev_hash_mismatch',
    });
  });
});

describe('an old database', () => {
  it('with v1 events and the single chainHead row verifies and goes on appending', async () => {
    const db = freshDb();
    dbs.push(db);
    // Events as the app wrote them before the registry: no schema, no chainId.
    let prev = GENESIS_HASH;
    const old: StoredEvent[] = [];
    for (let seq = 1; seq <= 3; seq++) {
      const body = {
        id: `HJ01-${seq}`,
        stationId: 'HJ01',
        stationSeq: seq,
        streamId: 'auth',
        type: 'auth.signed_in',
        payload: { username: 'admin' },
        actor: clerk,
        at: now.toISOString(),
        prevHash: prev,
      };
      prev = chainSync(prev, body);
      old.push({ ...body, hash: prev });
    }
    await db.events.bulkAdd(old);
    await db.meta.bulkPut([
      { key: STATION_KEY, value: { stationId: 'HJ01', stationCode: 'HJ01' } },
      { key: HEAD_KEY, value: { stationSeq: 3, hash: prev } },
    ]);
    expect(await verifyLog(db, now)).toMatchObject({ ok: true, checked: 3 });
    // A dropped tail of the old chain is still found through the old head row.
    const last = (await logOf(db)).at(-1)!;
    await db.events.delete(last.pos!);
    expect((await verifyLog(db, now)).broken).toMatchObject({
      reason: 'head_mismatch',
      chainId: 'HJ01',
    });
    await db.events.add(withoutPos([last])[0]!);
    await db.transaction('rw', db.events, db.meta, () =>
      append(
        db,
        { stationId: 'HJ01' },
        'auth',
        [{ type: 'auth.signed_out', payload: { username: 'admin' } }],
        clerk,
        now,
      ),
    );
    const next = (await logOf(db)).at(-1)!;
    expect(next).toMatchObject({ id: 'HJ01-4', chainId: 'HJ01', schema: 2, prevHash: prev });
    expect(await readHead(db)).toEqual({ chainId: 'HJ01', stationSeq: 4, hash: next.hash });
    expect(await verifyLog(db, now)).toMatchObject({ ok: true, checked: 4 });
  });
});

/** Every event id seen, with its hash: one id must never name two different events. */
function recordIds(seen: Map<string, string>, events: StoredEvent[]) {
  for (const e of events) {
    expect(seen.get(e.id) ?? e.hash, `${e.id} issued twice`).toBe(e.hash);
    seen.set(e.id, e.hash);
  }
}

describe('restore opens a new chain', () => {
  it('names the restored head, the replaced head and the backup; never reuses a (chain, seq)', async () => {
    const { db, admin } = await stationOf('HJ01');
    const seen = new Map<string, string>();
    await signIn(db, 'admin', 'admin password', { now });
    const bytes = await exportBackup(db, { now });
    const file = await readBackup(bytes, { schemaVersion: db.verno });
    const atBackup = await readHead(db);
    // Work after the backup: these ids are lost with the restore, but never issued again.
    await signIn(db, 'admin', 'typo typo', { now });
    await signIn(db, 'admin', 'admin password', { now });
    const replaced = await readHead(db);
    recordIds(seen, await logOf(db));

    await restoreBackup(db, bytes, { actor: admin, now });
    const opened = (await logOf(db)).at(-1)!;
    expect(opened).toMatchObject({
      id: 'HJ01.2-1',
      chainId: 'HJ01.2',
      stationId: 'HJ01',
      stationSeq: 1,
      prevHash: GENESIS_HASH,
      streamId: 'station',
      type: 'chain.opened',
    });
    expect(opened.payload).toEqual({
      reason: 'restore',
      previous: { chainId: 'HJ01', stationSeq: atBackup.stationSeq, hash: atBackup.hash },
      replaced: { chainId: 'HJ01', stationSeq: replaced.stationSeq, hash: replaced.hash },
      backup: { createdAt: file.createdAt, checksum: file.checksum, stationId: 'HJ01' },
    });
    expect((await db.meta.get('chainHead:HJ01'))?.value).toEqual({ ...atBackup, chainId: 'HJ01' });
    await signIn(db, 'admin', 'admin password', { now });
    expect((await logOf(db)).at(-1)!.id).toBe('HJ01.2-2');
    expect(await verifyLog(db, now)).toMatchObject({ ok: true });
    recordIds(seen, await logOf(db));

    // The same backup once more: HJ01.2 was in use, so the next chain is HJ01.3.
    await restoreBackup(db, bytes, { actor: admin, now });
    await signIn(db, 'admin', 'admin password', { now });
    const log = await logOf(db);
    expect(log.slice(-2).map((e) => e.id)).toEqual(['HJ01.3-1', 'HJ01.3-2']);
    expect(log.at(-2)!.payload['replaced']).toMatchObject({ chainId: 'HJ01.2', stationSeq: 2 });
    expect(await verifyLog(db, now)).toMatchObject({ ok: true, checked: log.length });
    recordIds(seen, log);
  });

  it('restores a backup that holds a closed chain, and refuses one whose closed chain lost its end', async () => {
    const { db, admin } = await stationOf('HJ01');
    await restoreBackup(db, await exportBackup(db, { now }), { actor: admin, now });
    await signIn(db, 'admin', 'admin password', { now });
    const plain = await exportBackup(db, { now, compress: false });

    const target = freshDb();
    dbs.push(target);
    await restoreBackup(target, plain, { actor: admin, now });
    expect((await readHead(target)).chainId).toBe('HJ01.3');
    expect(await verifyLog(target, now)).toMatchObject({ ok: true });

    const edited = JSON.parse(new TextDecoder().decode(plain)) as BackupFile;
    const events = edited.tables.events as unknown as StoredEvent[];
    const lastOfFirst = events.filter((e) => e.chainId === 'HJ01').at(-1)!;
    edited.tables.events = events.filter((e) => e.id !== lastOfFirst.id) as never;
    const { checksum: _c, ...body } = edited;
    edited.checksum = await sha256Hex(canonicalJson(body));
    const refused = await restoreBackup(
      freshDb(),
      new TextEncoder().encode(JSON.stringify(edited)),
      { actor: admin, now },
    ).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(BackupError);
    expect((refused as BackupError).refusal).toEqual({
      reason: 'broken_chain',
      eventId: `HJ01-${lastOfFirst.stationSeq - 1}`,
    });
  });
});
