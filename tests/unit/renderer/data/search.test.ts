import { afterEach, describe, expect, it } from 'vitest';
import { END, termsOf, queryPlan } from '../../../../renderer/src/data/search';
import {
  caseByNumber,
  classifyQuery,
  inbox,
  searchByName,
} from '../../../../renderer/src/data/queries';
import type { CaseRow, OneWindowDb } from '../../../../renderer/src/data/db';
import { freshDb } from './helpers';

const caseOf = (over: Partial<CaseRow>): CaseRow => {
  const applicantName = over.applicantName ?? '郑州宏达置业有限公司';
  const projectName = over.projectName ?? '宏达住宅小区一期项目';
  return {
    id: 'c1',
    caseNo: 'HJ01-2026-000001',
    version: 1,
    status: 'under_review',
    matterCode: 'GCGH-HF',
    applicantId: null,
    projectId: null,
    partyCode: '',
    projectCode: '',
    inboxRole: 'reviewer',
    dueDate: '2026-12-01',
    receivedDate: '2026-11-20',
    greenChannel: 0,
    state: {},
    ...over,
    applicantName,
    projectName,
    terms: termsOf(applicantName, projectName),
  };
};

let db: OneWindowDb;
afterEach(() => db?.close());

describe('bigram terms', () => {
  it('index each character with the next (the last with END); queries use bigrams, or one character as a prefix', () => {
    expect(termsOf('宏达置业')).toEqual(['宏达', '达置', '置业', `业${END}`]);
    expect(termsOf('宏达', '宏达住宅')).toEqual(['宏达', `达${END}`, '达住', '住宅', `宅${END}`]);
    expect(queryPlan('达置业')).toEqual({ bigrams: ['达置', '置业'] });
    expect(queryPlan(' 宏 ')).toEqual({ prefix: '宏' });
    expect(queryPlan('')).toBeNull();
  });
});

describe('queries on a real (fake-indexeddb) Dexie database', () => {
  it('finds by exact case number, as a scanner types it, in any case', async () => {
    db = freshDb();
    await db.cases.bulkAdd([caseOf({}), caseOf({ id: 'c2', caseNo: 'HJ01-2026-000002' })]);
    expect((await caseByNumber(db, ' hj01-2026-000002 '))?.id).toBe('c2');
    expect(await caseByNumber(db, 'HJ01-2026-000003')).toBeUndefined();
  });

  it('substring search matches the whole query, not just one of its bigrams', async () => {
    db = freshDb();
    await db.cases.bulkAdd([
      caseOf({ id: 'a', caseNo: 'A-1-1', applicantName: '郑州宏达置业有限公司' }),
      // Shares the bigram 宏达 and 置业 but not the substring 宏达置业.
      caseOf({
        id: 'b',
        caseNo: 'B-1-1',
        applicantName: '宏达建设置业有限公司',
        projectName: '仓储',
      }),
      caseOf({
        id: 'c',
        caseNo: 'C-1-1',
        applicantName: '天润物流有限公司',
        projectName: '物流园',
      }),
    ]);
    expect((await searchByName(db, '宏达置业')).map((r) => r.id)).toEqual(['a']);
    expect((await searchByName(db, '物流园')).map((r) => r.id)).toEqual(['c']);
    expect((await searchByName(db, '宏')).map((r) => r.id).sort()).toEqual(['a', 'b']);
    expect(await searchByName(db, '不存在的名字')).toEqual([]);
  });

  it('an inbox holds only its role, earliest deadline first', async () => {
    db = freshDb();
    await db.cases.bulkAdd([
      caseOf({ id: 'late', caseNo: 'X-1-1', dueDate: '2026-12-20' }),
      caseOf({ id: 'early', caseNo: 'X-1-2', dueDate: '2026-12-02' }),
      caseOf({ id: 'chief', caseNo: 'X-1-3', inboxRole: 'chief', dueDate: '2026-11-30' }),
    ]);
    expect((await inbox(db, 'reviewer')).map((r) => r.id)).toEqual(['early', 'late']);
    expect((await inbox(db, 'chief')).map((r) => r.id)).toEqual(['chief']);
  });

  it('the search box tells a case number, credit code, ID number, project code and a name apart', () => {
    expect(classifyQuery('HJ01-2026-000123')).toBe('caseNo');
    expect(classifyQuery('91410108MA44L6YT2H')).toBe('creditCode');
    expect(classifyQuery('11010519491231002X')).toBe('idNumber');
    expect(classifyQuery('2026-410108-47-01-000123')).toBe('projectCode');
    expect(classifyQuery('宏达置业')).toBe('name');
  });
});
