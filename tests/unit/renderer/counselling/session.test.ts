import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../../renderer/src/data/dispatch';
import { setupStation } from '../../../../renderer/src/data/station';
import type { OneWindowDb } from '../../../../renderer/src/data/db';
import { toCommand, emptyForm } from '../../../../renderer/src/features/counselling/model';
import {
  formOf,
  newestFirst,
  oneTimeNoticeData,
  parseSession,
  type SavedSession,
} from '../../../../renderer/src/features/counselling/session';
import {
  DRAFT_KEY_PREFIX,
  loadDraft,
  saveDraft,
} from '../../../../renderer/src/features/counselling/draft';
import { freshDb } from '../data/helpers';

/** A saved session with overrides: 建设工程规划许可证 for an enterprise with an agent. */
function sessionOf(overrides: Partial<SavedSession> = {}): SavedSession {
  return {
    counsellingId: 'FDHJ0120261129090507000',
    matterCodes: ['GCGH-JZ'],
    answers: { agent: 'yes', deptOpinion: 'no', demolition: 'no' },
    applicantName: '郑州黄河智造科技有限公司',
    contactPhone: '13803712468',
    on: '2026-11-29',
    clerk: { id: 'u1', name: '李窗口' },
    ...overrides,
  };
}

const notice = (s: SavedSession) =>
  oneTimeNoticeData({
    session: s,
    office: { name: '郑州市惠济区自然资源和规划局', address: '', phone: '' },
    officer: { name: '李窗口', phone: '' },
    texts: { deferrable: '可容缺', noName: '咨询人' },
  });

describe('oneTimeNoticeData', () => {
  it('lists only what this applicant brings: the agent adds two items, ruled-out ones are off', () => {
    const names = notice(sessionOf()).matters[0]?.materials.map((m) => m.name) ?? [];
    expect(names).toContain('授权委托书');
    expect(names).toContain('受托人身份证');
    expect(names).not.toContain('相关部门意见');
    expect(names).not.toContain('拆迁（征收）相关文件');
    // Optional items are not demanded on a one-time notification.
    expect(names).not.toContain('日照分析报告');
    expect(names).toHaveLength(11);
  });

  it('without an agent, the agent papers are not asked for', () => {
    const s = sessionOf({ answers: { agent: 'no', deptOpinion: 'yes', demolition: 'no' } });
    const names = notice(s).matters[0]?.materials.map((m) => m.name) ?? [];
    expect(names).not.toContain('授权委托书');
    expect(names).toContain('相关部门意见');
    expect(names).toHaveLength(10);
  });

  it('states the answers without a doubled question mark, and notes standard and 容缺', () => {
    const d = notice(sessionOf());
    expect(d.answers[0]).toEqual({ question: '是否委托代理人办理', answer: '是' });
    const areaTable = d.matters[0]?.materials.find((m) => m.name === '建筑面积计算表');
    expect(areaTable?.note).toBe('可容缺');
    const plan = d.matters[0]?.materials.find((m) => m.name === '建设工程设计方案总平面图');
    expect(plan).toMatchObject({ form: 'original', copies: 2, note: '加盖出图章' });
    expect(d.matters[0]?.promisedLimitDays).toBe(2);
  });

  it('addresses an applicant who left no name', () => {
    expect(notice(sessionOf({ applicantName: undefined })).applicantName).toBe('咨询人');
  });
});

describe('parseSession and ordering', () => {
  it('rejects rows that are not sessions rather than crashing the list', () => {
    expect(parseSession({ id: 'x', createdAt: '2026-11-29', data: { foo: 1 } })).toBeNull();
    expect(parseSession(undefined)).toBeNull();
  });

  it('orders newest first by date, then by the time inside the id', () => {
    const a = sessionOf({ on: '2026-11-28', counsellingId: 'FDHJ0120261128170000000' });
    const b = sessionOf({ on: '2026-11-29', counsellingId: 'FDHJ0120261129080000000' });
    const c = sessionOf({ on: '2026-11-29', counsellingId: 'FDHJ0120261129090000000' });
    expect([a, b, c].sort(newestFirst).map((s) => s.counsellingId)).toEqual([
      c.counsellingId,
      b.counsellingId,
      a.counsellingId,
    ]);
  });
});

describe('saving through dispatch', () => {
  let db: OneWindowDb;
  const now = new Date('2026-11-29T02:00:00Z');
  beforeEach(async () => {
    db = freshDb();
    await setupStation(
      db,
      {
        officeName: '郑州市惠济区自然资源和规划局',
        officeShortName: '惠济资规',
        divisionCode: '410108',
        stationCode: 'HJ01',
        admin: { username: 'admin', name: '管理员', password: 'Str0ng-enough-pass' },
      },
      { now, iterations: 1000 },
    );
  });
  afterEach(() => db.close());

  it('lands in the counselling table and reads back as the same form', async () => {
    const form = { ...formOf(sessionOf()), notes: '下周再来' };
    const clerk = { id: 'u-clerk', name: '李窗口', role: 'clerk' as const };
    const r = await dispatch(db, toCommand(form, 'FDHJ01A'), { actor: clerk, now });
    expect(r.ok).toBe(true);
    const s = parseSession(await db.counselling.get('FDHJ01A'));
    expect(s?.on).toBe('2026-11-29');
    expect(s?.clerk?.name).toBe('李窗口');
    expect(s && formOf(s)).toEqual(form);
  });

  it('an administrator cannot save counselling: refused, nothing written', async () => {
    const admin = { id: 'u-admin', name: '管理员', role: 'admin' as const };
    const r = await dispatch(db, toCommand(formOf(sessionOf()), 'FDHJ01B'), { actor: admin, now });
    expect(r.ok).toBe(false);
    expect(await db.counselling.count()).toBe(0);
  });
});

describe('draft storage', () => {
  /** A Storage kept in a Map: the draft logic does not need a browser. */
  function memoryStorage(): Storage {
    const m = new Map<string, string>();
    return {
      get length() {
        return m.size;
      },
      clear: () => m.clear(),
      getItem: (k) => m.get(k) ?? null,
      key: (i) => [...m.keys()][i] ?? null,
      removeItem: (k) => void m.delete(k),
      setItem: (k, v) => void m.set(k, v),
    };
  }

  it('keeps a draft per user and removes it once empty', () => {
    const storage = memoryStorage();
    const draft = { ...emptyForm(), matterCodes: ['GCGH-JZ'], applicantName: '甲公司' };
    saveDraft(storage, 'u1', draft);
    expect(loadDraft(storage, 'u1')).toEqual(draft);
    // Another clerk at the same counter does not inherit it.
    expect(loadDraft(storage, 'u2')).toEqual(emptyForm());
    saveDraft(storage, 'u1', emptyForm());
    expect(storage.getItem(DRAFT_KEY_PREFIX + 'u1')).toBeNull();
  });

  it('a damaged draft gives an empty form, not a broken screen', () => {
    const storage = memoryStorage();
    storage.setItem(DRAFT_KEY_PREFIX + 'u1', '{not json');
    expect(loadDraft(storage, 'u1')).toEqual(emptyForm());
    storage.setItem(DRAFT_KEY_PREFIX + 'u1', JSON.stringify({ matterCodes: 'GCGH-JZ' }));
    expect(loadDraft(storage, 'u1')).toEqual(emptyForm());
  });
});
