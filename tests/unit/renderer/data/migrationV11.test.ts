// Dexie version 11 (issue 17 item 4, re-coding an island): the archive `recodedEvents` and a
// multi-entry index on the former numbers of a renumbered case. A database written at v10 opens
// at v11 with every case row as it was (none has former numbers, none is found by one); a row
// written after with formerNumbers is found by each of them, and the archive keys an old event
// by its re-coding and its old id.
import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import {
  declareVersions,
  OneWindowDb,
  SCHEMA_VERSION,
  type CaseRow,
} from '../../../../renderer/src/data/db';

const opened: Dexie[] = [];
afterEach(() => opened.forEach((d) => d.close()));

const row = (id: string, caseNo: string, extra: Partial<CaseRow> = {}): CaseRow => ({
  id,
  caseNo,
  version: 1,
  status: 'review',
  matterCode: 'M1',
  applicantId: null,
  projectId: null,
  applicantName: '张三',
  projectName: '某项目',
  partyCode: '',
  projectCode: '',
  inboxRole: 'reviewer',
  dueDate: '2026-03-20',
  receivedDate: '2026-03-02',
  greenChannel: 0,
  terms: [],
  state: {},
  ...extra,
});

describe('schema migrations: v10 → v11 (re-coding an island)', () => {
  it('keeps every case row, finds a renumbered case by its former number, archives old events', async () => {
    const name = `mig-10-11-${Date.now()}`;
    const v10 = new Dexie(name, { indexedDB, IDBKeyRange });
    declareVersions(v10, 10);
    opened.push(v10);
    await v10.open();
    await v10.table('cases').add(row('case-a', 'HJ02-20260302-0001'));
    expect(v10.tables.map((t) => t.name)).not.toContain('recodedEvents');
    v10.close();

    const v11 = new OneWindowDb(name, { indexedDB, IDBKeyRange });
    opened.push(v11);
    await v11.open();
    expect(v11.verno).toBe(SCHEMA_VERSION);
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(11);
    expect(await v11.cases.toArray()).toEqual([row('case-a', 'HJ02-20260302-0001')]);
    expect(await v11.cases.where('formerNumbers').equals('HJ02-20260302-0001').count()).toBe(0);
    await v11.cases.put(
      row('case-a', 'HJ05-20260302-0001', { formerNumbers: ['HJ02-20260302-0001'] }),
    );
    expect(
      (await v11.cases.where('formerNumbers').equals('HJ02-20260302-0001').toArray()).map(
        (c) => c.caseNo,
      ),
    ).toEqual(['HJ05-20260302-0001']);
    const event = { id: 'HJ02-1', stationId: 'HJ02', stationSeq: 1 } as never;
    await v11.recodedEvents.add({ recoding: 'HJ05-9', oldId: 'HJ02-1', newId: 'HJ05-1', event });
    expect((await v11.recodedEvents.get(['HJ05-9', 'HJ02-1']))?.newId).toBe('HJ05-1');
    expect(await v11.recodedEvents.where('newId').equals('HJ05-1').count()).toBe(1);
  });
});
