// Every Dexie version upgrade: open the database at the old version, insert rows, upgrade by
// opening it with the app's schema, and compare (after Signal's migration tests).
import Dexie from 'dexie';
import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import {
  OneWindowDb,
  SCHEMA_V1,
  SCHEMA_V2_CASES,
  SCHEMA_VERSION,
  type CaseRow,
} from '../../../../renderer/src/data/db';
import { termsOf } from '../../../../renderer/src/data/search';

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
    expect(v3.verno).toBe(3);
    expect(await v3.cases.orderBy('id').toArray()).toEqual(rows);
    expect(await v3.parties.where('code').equals('91410108MA44XY123U').first()).toEqual({
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
});
