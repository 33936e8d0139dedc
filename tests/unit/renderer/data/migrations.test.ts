// Every Dexie version upgrade: open the database at the old version, insert rows, upgrade by
// opening it with the app's schema, and compare (after Signal's migration tests).
import Dexie from 'dexie';
import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import {
  OneWindowDb,
  SCHEMA_V1,
  SCHEMA_V2_CASES,
  SCHEMA_V3,
  SCHEMA_V4,
  SCHEMA_VERSION,
  declareVersions,
  type CaseRow,
} from '../../../../renderer/src/data/db';
import { termsOf } from '../../../../renderer/src/data/search';
import { searchByName } from '../../../../renderer/src/data/queries';
import { verifyLog } from '../../../../renderer/src/data/integrity';
import { recordOwnGseqs } from '../../../../renderer/src/data/log';
import { pendingCount } from '../../../../renderer/src/data/sync/outbox';
import { NOW, stationNamed, takeIn } from './sync/fixtures';

const opened: Dexie[] = [];
afterEach(() => opened.forEach((d) => d.close()));

const row = (id: string, greenChannel: 0 | 1, dueDate: string): CaseRow => ({
  id,
  caseNo: `HJ01-20260302-${id.padStart(4, '0')}`,
  version: 1,
  status: 'review',
  matterCode: 'GCGH-JZ',
  applicantId: 'party:X',
  projectId: 'project:Y',
  applicantName: '郑州宏达置业有限公司',
  projectName: '宏达住宅小区二期',
  partyCode: '91410108MA44XY123U',
  projectCode: '',
  inboxRole: 'reviewer',
  dueDate,
  receivedDate: '2026-03-02',
  greenChannel,
  terms: termsOf('郑州宏达置业有限公司', '宏达住宅小区二期'),
  state: { caseId: id },
});

describe('schema migrations', () => {
  it('the app opens at the newest version', async () => {
    const db = new OneWindowDb(`mig-new-${Date.now()}`, { indexedDB, IDBKeyRange });
    opened.push(db);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
  });

  it('v1 → v2: every row survives unchanged, and green-channel cases come by deadline from the new index', async () => {
    const name = `mig-1-2-${Date.now()}`;
    const v1 = new Dexie(name, { indexedDB, IDBKeyRange });
    v1.version(1).stores(SCHEMA_V1);
    opened.push(v1);
    const rows = [row('1', 1, '2026-03-05'), row('2', 0, '2026-03-03'), row('3', 1, '2026-03-04')];
    await v1.table('cases').bulkAdd(rows);
    await v1
      .table('events')
      .add({ id: 'HJ01-1', streamId: 'case:1', stationId: 'HJ01', stationSeq: 1 });
    await v1.table('meta').put({ key: 'chainHead', value: { stationSeq: 1, hash: 'h' } });
    v1.close();

    const v2 = new OneWindowDb(name, { indexedDB, IDBKeyRange });
    opened.push(v2);
    await v2.open();
    expect(v2.verno).toBe(SCHEMA_VERSION);
    expect(await v2.cases.orderBy('id').toArray()).toEqual(rows);
    expect(await v2.events.count()).toBe(1);
    expect(await v2.meta.get('chainHead')).toEqual({
      key: 'chainHead',
      value: { stationSeq: 1, hash: 'h' },
    });
    const green = await v2.cases
      .where('[greenChannel+dueDate]')
      .between([1, Dexie.minKey], [1, Dexie.maxKey])
      .toArray();
    expect(green.map((r) => r.id)).toEqual(['3', '1']);
  });

  it('v2 → v3: cases unchanged, parties and projects lose their unused bigrams, lookups still work', async () => {
    const name = `mig-2-3-${Date.now()}`;
    const v2 = new Dexie(name, { indexedDB, IDBKeyRange });
    v2.version(1).stores(SCHEMA_V1);
    v2.version(2).stores({ cases: SCHEMA_V2_CASES });
    opened.push(v2);
    const rows = [row('1', 0, '2026-03-05'), row('2', 1, '2026-03-03')];
    await v2.table('cases').bulkAdd(rows);
    await v2.table('parties').add({
      id: 'party:91410108MA44XY123U',
      kind: 'enterprise',
      code: '91410108MA44XY123U',
      name: '郑州宏达置业有限公司',
      terms: termsOf('郑州宏达置业有限公司'),
      data: { contact: '张经办' },
    });
    await v2.table('projects').add({
      id: 'project:2026-410108-70-01-000123',
      code: '2026-410108-70-01-000123',
      name: '宏达住宅小区二期',
      terms: termsOf('宏达住宅小区二期'),
      data: { location: '惠济区' },
    });
    v2.close();

    const v3 = new OneWindowDb(name, { indexedDB, IDBKeyRange });
    opened.push(v3);
    await v3.open();
    expect(v3.verno).toBe(SCHEMA_VERSION);
    expect(await v3.cases.orderBy('id').toArray()).toEqual(rows);
    expect(await v3.parties.get('party:91410108MA44XY123U')).toEqual({
      id: 'party:91410108MA44XY123U',
      kind: 'enterprise',
      code: '91410108MA44XY123U',
      name: '郑州宏达置业有限公司',
      data: { contact: '张经办' },
    });
    expect(await v3.projects.get('project:2026-410108-70-01-000123')).toEqual({
      id: 'project:2026-410108-70-01-000123',
      code: '2026-410108-70-01-000123',
      name: '宏达住宅小区二期',
      data: { location: '惠济区' },
    });
    // Case search still runs on its own bigrams.
    expect((await v3.cases.where('terms').equals('宏达').primaryKeys()).sort()).toEqual(['1', '2']);
  });

  it('v3 → v4: every row stays as it was; old and new name terms side by side answer every search', async () => {
    const name = `mig-3-4-${Date.now()}`;
    const v3 = new Dexie(name, { indexedDB, IDBKeyRange });
    v3.version(1).stores(SCHEMA_V1);
    v3.version(2).stores({ cases: SCHEMA_V2_CASES });
    v3.version(3).stores(SCHEMA_V3);
    opened.push(v3);
    // Version 3 indexed every single character and every bigram.
    const v3Terms = (...names: string[]) => [
      ...new Set(
        names.flatMap((n) =>
          [...n].flatMap((c, i, cs) => (i + 1 < cs.length ? [c, c + cs[i + 1]] : [c])),
        ),
      ),
    ];
    const old = (id: string, applicantName: string, projectName: string) => ({
      ...row(id, 0, '2026-03-05'),
      applicantName,
      projectName,
      terms: v3Terms(applicantName, projectName),
    });
    const rows = [
      old('1', '郑州宏达置业有限公司', '宏达住宅小区二期'),
      old('2', '天润物流有限公司', '物流园'),
      old('3', '张三', '自建房'),
    ];
    await v3.table('cases').bulkAdd(rows);
    const events = [1, 2].map((n) => ({
      id: `HJ01-${n}`,
      streamId: 'case:1',
      stationId: 'HJ01',
      stationSeq: n,
      hash: `h${n}`,
    }));
    await v3.table('events').bulkAdd(events);
    const party = {
      id: 'party:91410108MA44XY123U',
      kind: 'enterprise',
      code: '91410108MA44XY123U',
      name: '郑州宏达置业有限公司',
      data: { contact: '张经办' },
    };
    await v3.table('parties').add(party);
    v3.close();

    const v4 = new OneWindowDb(name, { indexedDB, IDBKeyRange });
    opened.push(v4);
    await v4.open();
    expect(v4.verno).toBe(SCHEMA_VERSION);
    // No row is rewritten (that would hold the first start for ~50 s at 100,000 cases).
    expect(await v4.cases.orderBy('id').toArray()).toEqual(rows);
    // A case written after the update carries the new terms: bigrams with an end mark.
    const fresh = {
      ...row('4', 0, '2026-03-06'),
      applicantName: '李四',
      projectName: '自建房二期',
    };
    await v4.cases.add({ ...fresh, terms: termsOf(fresh.applicantName, fresh.projectName) });
    expect((await v4.cases.get('4'))!.terms).toEqual([
      '李四',
      '四\u0000',
      '自建',
      '建房',
      '房二',
      '二期',
      '期\u0000',
    ]);
    // Searches of one and of several characters find old and new rows alike.
    const ids = async (q: string) => (await searchByName(v4, q)).map((r) => r.id).sort();
    expect(await ids('宏达')).toEqual(['1']);
    expect(await ids('物流园')).toEqual(['2']);
    expect(await ids('流')).toEqual(['2']);
    expect(await ids('期')).toEqual(['1', '4']); // the last character of a name, old and new
    expect(await ids('司')).toEqual(['1', '2']);
    expect(await ids('四')).toEqual(['4']);
    expect(await ids('三')).toEqual(['3']);
    expect(await ids('自建房')).toEqual(['3', '4']);
    // Events and parties: every row as it was, in log order; the party by its primary key.
    expect(await v4.events.orderBy('pos').toArray()).toEqual(
      events.map((e, i) => ({ ...e, pos: i + 1 })),
    );
    expect(await v4.parties.get(party.id)).toEqual(party);
  });
});

describe('schema migrations: v4 → v6 (the hall)', () => {
  it('a v4 database with a station, cases and chained events opens at v6, its chains still verify, and events are found by gseq', async () => {
    // A real log, written by the app, copied row by row into a database declared at v4 only.
    const source = await stationNamed('HJ01');
    opened.push(source);
    await takeIn(source, 'c1');
    await takeIn(source, 'c2');
    const tables = ['events', 'cases', 'parties', 'projects', 'users', 'meta'] as const;
    const rows = Object.fromEntries(
      await Promise.all(tables.map(async (t) => [t, await source.table(t).toArray()] as const)),
    ) as Record<(typeof tables)[number], unknown[]>;
    const name = `mig-4-6-${Date.now()}`;
    const v4 = new Dexie(name, { indexedDB, IDBKeyRange });
    v4.version(1).stores(SCHEMA_V1);
    v4.version(2).stores({ cases: SCHEMA_V2_CASES });
    v4.version(3).stores(SCHEMA_V3);
    v4.version(4).stores(SCHEMA_V4);
    opened.push(v4);
    for (const t of tables) await v4.table(t).bulkAdd(rows[t]);
    v4.close();

    const v6 = new OneWindowDb(name, { indexedDB, IDBKeyRange });
    opened.push(v6);
    await v6.open();
    expect(v6.verno).toBe(SCHEMA_VERSION); // v8 (floor), v9 (rating) and v10 (the join check) came after
    for (const t of tables) expect(await v6.table(t).toArray()).toEqual(rows[t]);
    const report = await verifyLog(v6, NOW);
    expect(report).toMatchObject({ ok: true, checked: rows.events.length });
    // No event has a gseq yet: the index is empty, the outbox holds them all.
    expect(await v6.events.where('gseq').above(0).count()).toBe(0);
    expect(await pendingCount(v6)).toBe(rows.events.length);
    // Acknowledged events are found by gseq, and still verify (gseq is local, not hashed).
    const first = (await v6.events.orderBy('pos').first())!;
    await v6.transaction('rw', v6.events, async () => {
      await recordOwnGseqs(v6, [{ pos: first.pos!, gseq: 1 }]);
    });
    expect((await v6.events.where('gseq').equals(1).first())?.id).toBe(first.id);
    expect((await verifyLog(v6, NOW)).ok).toBe(true);
  });
});

describe('schema migrations: v6 → v9 (the rating device)', () => {
  it('a v6 database opens at v9 with every row as it was and an empty ratingRequests table', async () => {
    const source = await stationNamed('HJ01');
    opened.push(source);
    await takeIn(source, 'c1');
    const tables = ['events', 'cases', 'parties', 'projects', 'users', 'meta'] as const;
    const rows = Object.fromEntries(
      await Promise.all(tables.map(async (t) => [t, await source.table(t).toArray()] as const)),
    ) as Record<(typeof tables)[number], unknown[]>;
    const name = `mig-6-9-${Date.now()}`;
    const v6 = new Dexie(name, { indexedDB, IDBKeyRange });
    declareVersions(v6, 6);
    opened.push(v6);
    await v6.open();
    for (const t of tables) await v6.table(t).bulkPut(rows[t]);
    v6.close();

    const v9 = new OneWindowDb(name, { indexedDB, IDBKeyRange });
    opened.push(v9);
    await v9.open();
    expect(v9.verno).toBe(SCHEMA_VERSION);
    for (const t of tables) expect(await v9.table(t).toArray()).toEqual(rows[t]);
    expect(await v9.ratingRequests.count()).toBe(0);
    expect(await v9.ratingRequests.where({ window: 'HJ01', status: 'waiting' }).count()).toBe(0);
    expect((await verifyLog(v9, NOW)).ok).toBe(true);
  });
});
