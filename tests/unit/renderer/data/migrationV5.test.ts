// Version 5 (the documents table) with nothing lost: a station whose version-4 database holds two
// chains (one opened by a restore) and document numbers written the old way — by the paper,
// without year and sequence — opens at version 5 with every row as it was, the documents table
// filled from the log and every chain verifying; and backups made by versions 2, 3 and 4 restore
// into exactly the same documents, their old chains verifying beside the new one.
import Dexie from 'dexie';
import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { exportBackup, restoreBackup, type BackupFile } from '../../../../renderer/src/data/backup';
import {
  declareVersions,
  OneWindowDb,
  SCHEMA_V1,
  SCHEMA_VERSION,
} from '../../../../renderer/src/data/db';
import { backfillKey, completeBackfills } from '../../../../renderer/src/data/backfill';
import { dispatch } from '../../../../renderer/src/data/dispatch';
import { verifyLog } from '../../../../renderer/src/data/integrity';
import { append } from '../../../../renderer/src/data/log';
import { getStation } from '../../../../renderer/src/data/station';
import { canonicalJson, sha256Hex } from '../../../../renderer/src/domain/audit';
import type { Command } from '../../../../renderer/src/domain';
import { actors, intakeOf } from '../domain/workflowFixtures';
import { freshDb, stationDb } from './helpers';

const now = new Date('2026-03-02T02:00:00Z');
const opened: Dexie[] = [];
afterEach(() => opened.forEach((d) => d.close()));

const accept = (caseId: string): Command => ({
  type: 'accept',
  caseId,
  caseNo: '',
  intake: intakeOf(),
});

/**
 * What a version-4 app did for a paper: its own transaction after the case's, the number in an
 * event on the `documents` stream with no year and sequence of its own.
 */
async function oldStyleNumber(db: OneWindowDb, docType: string, number: string, caseId: string) {
  const station = (await getStation(db))!;
  await db.transaction('rw', [db.events, db.meta], () =>
    append(
      db,
      station,
      'documents',
      [{ type: 'documentNumberAllocated', payload: { docType, number, caseId } }],
      actors.clerk,
      now,
    ),
  );
}

const decode = (b: Uint8Array) => JSON.parse(new TextDecoder().decode(b)) as BackupFile;
const encode = (f: unknown) => new TextEncoder().encode(JSON.stringify(f));
async function resign(f: BackupFile): Promise<BackupFile> {
  const { checksum: _c, ...body } = f;
  return { ...f, checksum: await sha256Hex(canonicalJson(body)) };
}

/**
 * A station's tables as a version-4 app left them: cases, users, the log in two chains (a restore
 * opened HJ01.2), old-style document numbers in both — and no documents table.
 */
async function v4Station() {
  const db = await stationDb(now);
  opened.push(db);
  expect((await dispatch(db, accept('c1'), { actor: actors.clerk, now })).ok).toBe(true);
  // The v5 dispatch recorded the acceptance number; a v4 station had it from the paper instead.
  await db.documents.clear();
  const bytes = await exportBackup(db, { compress: false, now });
  await oldStyleNumber(db, 'supplement', '惠济规划补〔2026〕1号', 'c1');
  await restoreBackup(db, bytes, { actor: (await db.users.toArray())[0]! });
  await oldStyleNumber(db, 'suspension', '惠济规划特〔2026〕1号', 'c1');
  await oldStyleNumber(db, 'refusal', '惠济规划不受〔2026〕7号', 'c2');
  // A number the office once wrote by hand: no sequence to read off it, and still kept.
  await oldStyleNumber(db, 'service', '惠济规划送〔二〇二六〕三号', 'c1');
  await db.documents.clear();
  const tables: Record<string, Record<string, unknown>[]> = {};
  for (const t of db.tables) tables[t.name] = (await t.toArray()) as Record<string, unknown>[];
  delete tables['documents'];
  // Tables of later versions (v8's floor store, v9's rating requests) did not exist at v4.
  for (const t of Object.keys(tables)) if (!(t in SCHEMA_V1)) delete tables[t];
  // Nor did version 4 know of backfills (a database created at v5 is marked as needing none).
  tables['meta'] = (tables['meta'] ?? []).filter((r) => !String(r['key']).startsWith('backfill:'));
  return tables;
}

const expectedDocuments = [
  {
    id: 'acceptance:2026:1',
    number: '惠济规划受〔2026〕1号',
    docType: 'acceptance',
    year: 2026,
    seq: 1,
    caseId: 'c1',
    at: now.toISOString(),
  },
  {
    id: 'refusal:2026:7',
    number: '惠济规划不受〔2026〕7号',
    docType: 'refusal',
    year: 2026,
    seq: 7,
    caseId: 'c2',
    at: now.toISOString(),
  },
  {
    id: 'service:惠济规划送〔二〇二六〕三号',
    number: '惠济规划送〔二〇二六〕三号',
    docType: 'service',
    year: 0,
    seq: 0,
    caseId: 'c1',
    at: now.toISOString(),
  },
  {
    id: 'suspension:2026:1',
    number: '惠济规划特〔2026〕1号',
    docType: 'suspension',
    year: 2026,
    seq: 1,
    caseId: 'c1',
    at: now.toISOString(),
  },
];

describe('schema v5: the documents table', () => {
  it('v4 → v5: every row as it was, the documents table filled from the log after the start, every chain verifying', async () => {
    const tables = await v4Station();
    // The restore threw the supplement number away with the log it replaced.
    expect(
      (tables['events'] ?? []).filter((e) => e['type'] === 'documentNumberAllocated'),
    ).toHaveLength(4);
    expect(new Set((tables['events'] ?? []).map((e) => e['chainId']))).toEqual(
      new Set(['HJ01', 'HJ01.2']),
    );

    const name = `mig-4-5-${crypto.randomUUID()}`;
    const v4 = new Dexie(name, { indexedDB, IDBKeyRange });
    declareVersions(v4, 4);
    opened.push(v4);
    for (const [t, rows] of Object.entries(tables)) await v4.table(t).bulkAdd(rows);
    expect(v4.verno).toBe(4);
    v4.close();

    const v5 = new OneWindowDb(name, { indexedDB, IDBKeyRange });
    opened.push(v5);
    await v5.open();
    expect(v5.verno).toBe(SCHEMA_VERSION);
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(5); // v6 (the hall's gseq index) came after
    for (const [t, rows] of Object.entries(tables))
      expect(await v5.table(t).toArray(), t).toEqual(rows);
    // The upgrade only made the table: its rows come from the log in the background, in chunks.
    expect(await v5.documents.count()).toBe(0);
    const [filled, joined] = await Promise.all([
      completeBackfills(v5, 3),
      completeBackfills(v5, 3),
    ]);
    expect([filled, joined]).toEqual([4, 4]);
    expect(await v5.documents.toArray()).toEqual(expectedDocuments);
    expect((await v5.meta.get(backfillKey(5, 'documents')))?.value).toBe('done');
    // Done once: a later start puts nothing again.
    expect(await completeBackfills(v5)).toBe(0);
    expect((await v5.documents.where('caseId').equals('c2').toArray()).map((d) => d.id)).toEqual([
      'refusal:2026:7',
    ]);
    expect((await verifyLog(v5, now)).ok).toBe(true);

    // The station goes on: the next acceptance number follows the v4 counter.
    const r = await dispatch(v5, accept('c3'), { actor: actors.clerk, now });
    expect(r.ok && r.documents.map((d) => d.number)).toEqual(['惠济规划受〔2026〕2号']);
    expect((await verifyLog(v5, now)).ok).toBe(true);
  });

  it('a database created at version 5 has no backfill to run', async () => {
    const db = await stationDb(now);
    opened.push(db);
    expect((await db.meta.get(backfillKey(5, 'documents')))?.value).toBe('done');
    expect(await completeBackfills(db)).toBe(0);
  });

  for (const schemaVersion of [2, 3, 4]) {
    it(`a backup made by version ${schemaVersion} restores: the same documents as the upgrade, old chains verifying beside the new one`, async () => {
      const tables = await v4Station();
      const source = freshDb();
      opened.push(source);
      for (const [t, rows] of Object.entries(tables)) await source.table(t).bulkAdd(rows);
      const file = decode(await exportBackup(source, { compress: false, now }));
      delete file.tables['documents'];
      const old = await resign({ ...file, schemaVersion });

      const target = freshDb();
      opened.push(target);
      await restoreBackup(target, encode(old), { actor: actors.admin });
      expect(await target.documents.toArray()).toEqual(expectedDocuments);
      // Derived by the restore itself: nothing is left for the background.
      expect((await target.meta.get(backfillKey(5, 'documents')))?.value).toBe('done');
      expect(await completeBackfills(target)).toBe(0);
      const events = await target.events.orderBy('pos').toArray();
      expect(events.slice(0, -1)).toEqual(tables['events']);
      // The restore opened the next chain, naming the backup it came from.
      const last = events.at(-1)!;
      expect([last.chainId, last.type]).toEqual(['HJ01.3', 'chain.opened']);
      expect(last.payload['backup']).toMatchObject({ checksum: old.checksum });
      expect((await verifyLog(target, now)).ok).toBe(true);
    });
  }
});
