// Backups: a restore gives back an equal database; a corrupt, foreign, unknown-version or
// chain-broken file is refused before anything is touched.
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { signIn } from '../../../../renderer/src/data/auth';
import {
  BackupError,
  exportBackup,
  readBackup,
  restoreBackup,
  type BackupFile,
} from '../../../../renderer/src/data/backup';
import Dexie from 'dexie';
import { OneWindowDb, SCHEMA_V1, SCHEMA_V2_CASES } from '../../../../renderer/src/data/db';
import type { StoredEvent } from '../../../../renderer/src/data/eventTypes';
import { setupStation, type SetupInput } from '../../../../renderer/src/data/station';
import { createUser } from '../../../../renderer/src/data/users';
import { verifyLog } from '../../../../renderer/src/data/integrity';
import { canonicalJson, GENESIS_HASH, sha256Hex } from '../../../../renderer/src/domain/audit';
import { FAST, setupOf } from './helpers';

const freshDb = () => new OneWindowDb(`backup-${crypto.randomUUID()}`, { indexedDB, IDBKeyRange });

/** A station with some history: users, a sign-in, a failed attempt, a case row. */
async function busyStation(overrides: Partial<SetupInput> = {}) {
  const db = freshDb();
  const { admin, station } = await setupStation(db, setupOf(overrides), FAST);
  await createUser(
    db,
    admin,
    { username: 'li', name: '李窗口', password: 'clerk pass', role: 'clerk' },
    FAST,
  );
  await signIn(db, 'li', 'clerk pass');
  await signIn(db, 'li', 'typo typo');
  await db.cases.add({
    id: 'c1',
    caseNo: 'HJ01-2026-00001',
    version: 1,
    status: 'accepted',
    matterCode: 'JSGC',
    applicantId: null,
    projectId: null,
    applicantName: '郑州某某置业有限公司',
    projectName: '四期厂房',
    partyCode: '',
    projectCode: '',
    inboxRole: 'reviewer',
    dueDate: '2026-03-10',
    receivedDate: '2026-03-02',
    greenChannel: 0,
    terms: ['郑州'],
    state: { nested: { ok: true } },
  });
  return { db, admin, station };
}

async function snapshot(db: OneWindowDb) {
  const out: Record<string, unknown[]> = {};
  for (const t of db.tables) out[t.name] = await t.toArray();
  return out;
}

const decode = (b: Uint8Array) => JSON.parse(new TextDecoder().decode(b)) as BackupFile;
const encode = (f: unknown) => new TextEncoder().encode(JSON.stringify(f));

/** Re-signs a hand-edited file, as an attacker who knows the format would. */
async function resign(f: BackupFile): Promise<BackupFile> {
  const { checksum: _c, ...body } = f;
  return { ...f, checksum: await sha256Hex(canonicalJson(body)) };
}

async function refusalOf(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    if (e instanceof BackupError) return e.refusal;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('backup and restore', () => {
  it('restores into a fresh database an equal copy, plus a new chain saying who restored', async () => {
    const { db, admin } = await busyStation();
    const before = await snapshot(db);
    const bytes = await exportBackup(db);
    // gzip when the platform can (Node 20 can).
    expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]);

    const target = freshDb();
    await restoreBackup(target, bytes, { actor: admin });
    const after = await snapshot(target);
    for (const name of Object.keys(before)) {
      if (name === 'events' || name === 'meta') continue;
      expect(after[name], name).toEqual(before[name]);
    }
    const events = after.events as StoredEvent[];
    expect(events.slice(0, -1)).toEqual(before.events);
    // The restore opens a new chain, whose first event names the restored chain's head.
    const last = (before.events as StoredEvent[]).at(-1)!;
    expect(events.at(-1)).toMatchObject({
      id: 'HJ01.2-1',
      chainId: 'HJ01.2',
      stationSeq: 1,
      prevHash: GENESIS_HASH,
      type: 'chain.opened',
      actor: { id: admin.id },
      payload: {
        previous: { chainId: 'HJ01', stationSeq: last.stationSeq, hash: last.hash },
        replaced: null,
      },
    });
    const notHead = (rows: unknown[] = []) =>
      rows.filter((m) => !(m as { key: string }).key.startsWith('chainHead'));
    expect(notHead(after.meta)).toEqual(notHead(before.meta));
    // Both chains verify: the restored one ends where its closed head says.
    expect(await verifyLog(target, new Date())).toMatchObject({ ok: true, checked: events.length });
    // Users can sign in on the restored copy.
    expect(await signIn(target, 'li', 'clerk pass')).toMatchObject({ ok: true });
  });

  it('refuses a file with one byte changed (compressed and plain), changing nothing', async () => {
    const { db } = await busyStation();
    const gz = await exportBackup(db);
    const plain = await exportBackup(db, { compress: false });
    const { db: target } = await busyStation();
    const before = await snapshot(target);
    const targetAdmin = (await target.users.where('username').equals('admin').first())!;
    const actor = { id: targetAdmin.id, name: targetAdmin.name, role: 'admin' };

    const flippedGz = gz.slice();
    const mid = Math.floor(gz.length / 2);
    flippedGz[mid] = (gz[mid] as number) ^ 0x01;
    expect(await refusalOf(restoreBackup(target, flippedGz, { actor }))).toEqual({
      reason: 'corrupt',
    });
    // In the plain file, change one character inside a name: still valid JSON, wrong checksum.
    const text = new TextDecoder().decode(plain);
    const i = text.indexOf('李窗口');
    const edited = new TextEncoder().encode(text.slice(0, i) + '张' + text.slice(i + 1));
    expect(await refusalOf(restoreBackup(target, edited, { actor }))).toEqual({
      reason: 'corrupt',
    });
    expect(await snapshot(target)).toEqual(before);
  });

  it('refuses a backup of another station unless an administrator confirms', async () => {
    const { db: other } = await busyStation({ stationCode: 'ZY02' });
    const foreign = await exportBackup(other);
    const { db, admin } = await busyStation();
    const before = await snapshot(db);
    expect(await refusalOf(restoreBackup(db, foreign, { actor: admin }))).toEqual({
      reason: 'foreign',
      stationId: 'ZY02',
      expected: 'HJ01',
    });
    expect(await snapshot(db)).toEqual(before);
    // Confirmed: the station takes the other's data, its own is replaced.
    await restoreBackup(db, foreign, { actor: admin, allowForeign: true });
    expect((await db.meta.get('station'))?.value).toMatchObject({ stationId: 'ZY02' });
  });

  it('restores a backup made by an older schema version as the in-place upgrade would; refuses a newer one', async () => {
    const { db, admin } = await busyStation();
    const file = decode(await exportBackup(db, { compress: false }));
    // The same data as version 2 stored it: parties and projects carried name bigrams (v3 dropped
    // them with their indexes).
    const party = {
      id: 'party:91410108MA44XY123U',
      kind: 'enterprise',
      code: '91410108MA44XY123U',
      name: '郑州宏达置业有限公司',
      terms: ['郑州', '宏达'],
      data: { contact: '张经办' },
    };
    const project = {
      id: 'project:name:四期厂房',
      code: '',
      name: '四期厂房',
      terms: ['四期'],
      data: {},
    };
    const tables: BackupFile['tables'] = { ...file.tables, parties: [party], projects: [project] };
    const v2File = await resign({ ...file, schemaVersion: 2, tables });

    const target = freshDb();
    await restoreBackup(target, encode(v2File), { actor: admin });
    const { terms: _p, ...partyNow } = party;
    const { terms: _j, ...projectNow } = project;
    expect(await target.parties.toArray()).toEqual([partyNow]);
    expect(await target.projects.toArray()).toEqual([projectNow]);

    // Exactly what opening a version-2 database with those rows gives.
    const name = `backup-v2-${crypto.randomUUID()}`;
    const v2 = new Dexie(name, { indexedDB, IDBKeyRange });
    v2.version(1).stores(SCHEMA_V1);
    v2.version(2).stores({ cases: SCHEMA_V2_CASES });
    for (const t of ['cases', 'parties', 'projects']) await v2.table(t).bulkAdd(tables[t] ?? []);
    v2.close();
    const upgraded = new OneWindowDb(name, { indexedDB, IDBKeyRange });
    for (const t of ['cases', 'parties', 'projects'])
      expect(await upgraded.table(t).toArray(), t).toEqual(await target.table(t).toArray());
    upgraded.close();

    // A backup from a newer app: refused, nothing changed.
    const before = await snapshot(target);
    const newer = await resign({ ...file, schemaVersion: target.verno + 1 });
    expect(await refusalOf(restoreBackup(target, encode(newer), { actor: admin }))).toEqual({
      reason: 'schema_mismatch',
      schemaVersion: target.verno + 1,
      expected: target.verno,
    });
    expect(await snapshot(target)).toEqual(before);
    // A version no app writes: a damaged or hand-made file, not a newer app's.
    for (const schemaVersion of [0, 2.5, '3']) {
      const odd = await resign({ ...file, schemaVersion: schemaVersion as number });
      expect(await refusalOf(restoreBackup(target, encode(odd), { actor: admin }))).toEqual({
        reason: 'corrupt',
      });
    }
    expect(await snapshot(target)).toEqual(before);
  });

  it('refuses an unknown format version and a file that is not a backup', async () => {
    const { db, admin } = await busyStation();
    const file = decode(await exportBackup(db, { compress: false }));
    const v2 = await resign({ ...file, formatVersion: 2 });
    expect(await refusalOf(restoreBackup(db, encode(v2), { actor: admin }))).toEqual({
      reason: 'unknown_version',
      formatVersion: 2,
    });
    expect(await refusalOf(restoreBackup(db, encode({ hello: 1 }), { actor: admin }))).toEqual({
      reason: 'not_a_backup',
    });
    expect(await refusalOf(restoreBackup(db, new Uint8Array([1, 2, 3]), { actor: admin }))).toEqual(
      { reason: 'corrupt' },
    );
  });

  it('refuses a re-signed file whose event chain was edited, and names the event', async () => {
    const { db, admin } = await busyStation();
    const file = decode(await exportBackup(db, { compress: false }));
    const events = file.tables.events as unknown as StoredEvent[];
    // Someone rewrites who created the clerk, and fixes the checksum — but not the chain.
    const target = events[1]!;
    target.actor = { ...target.actor, name: '某人' };
    const tampered = await resign(file);
    const before = await snapshot(db);
    expect(await refusalOf(restoreBackup(db, encode(tampered), { actor: admin }))).toEqual({
      reason: 'broken_chain',
      eventId: target.id,
    });
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses a re-signed file with events cut off the end', async () => {
    const { db } = await busyStation();
    const file = decode(await exportBackup(db, { compress: false }));
    file.tables.events = file.tables.events!.slice(0, -2);
    const cut = await resign(file);
    expect(await refusalOf(readBackup(encode(cut), { schemaVersion: db.verno }))).toMatchObject({
      reason: 'broken_chain',
    });
  });

  it('lets only an administrator restore', async () => {
    const { db } = await busyStation();
    const bytes = await exportBackup(db);
    const clerk = (await db.users.where('username').equals('li').first())!;
    await expect(
      restoreBackup(db, bytes, { actor: { id: clerk.id, name: clerk.name, role: 'admin' } }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });
});
