// The case timeline in words: a 批前公示 suspension is named as such (not "其他"), a rating reads as
// the applicant chose it (非常满意, not "评价等级 5"), a role by its one name, and a user's rename
// by its reason (joining the hall, or two hall accounts of one name).
import i18next from 'i18next';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../../../renderer/src/app/i18n';
import type { StoredEvent } from '../../../../renderer/src/data/eventTypes';
import { checkEvent } from '../../../../renderer/src/data/eventRegistry';
import { eventDetail, eventLabelKey } from '../../../../renderer/src/features/cases/timelineText';

beforeAll(async () => {
  vi.stubGlobal('document', { documentElement: {} });
  await initI18n('zh-CN');
});
afterAll(() => vi.unstubAllGlobals());

const event = (type: string, payload: Record<string, unknown>): StoredEvent => ({
  id: 'HJ01-1',
  stationId: 'HJ01',
  stationSeq: 1,
  streamId: 'case:c1',
  type,
  payload,
  actor: { id: 'u1', name: '赵审查', role: 'reviewer' },
  at: '2026-03-02T02:00:00Z',
  prevHash: '',
  hash: '',
});

describe('timeline detail', () => {
  it.each([
    ['zh-CN', '批前公示 · 涉及相邻权利人 · 预计 10 个工作日'],
    ['en', 'Public notice before approval · 涉及相邻权利人 · expected 10 working days'],
  ] as const)(
    '%s: a suspension of kind other is the public notice before approval',
    (lng, text) => {
      const t = i18next.getFixedT(lng, ['cases', 'domain']);
      const detail = eventDetail(
        event('caseSuspended', { kind: 'other', reason: '涉及相邻权利人', expectedDays: 10 }),
        t,
      );
      expect(detail.startsWith(text)).toBe(true);
      expect(detail).not.toMatch(/其他|Other/);
    },
  );

  it.each([
    ['zh-CN', 5, '总体评价：非常满意'],
    ['zh-CN', 2, '总体评价：不满意'],
    ['en', 5, 'Overall: Very satisfied'],
    ['en', 1, 'Overall: Very dissatisfied'],
  ] as const)('%s: rating %i reads in words', (lng, overall, text) => {
    const t = i18next.getFixedT(lng, ['cases', 'domain']);
    expect(eventDetail(event('ratingRecorded', { overall }), t)).toBe(text);
  });

  it('the role in the timeline and in the approval area is the one the user list shows', () => {
    const t = i18next.getFixedT('zh-CN');
    expect(t('domain:role.reviewer')).toBe('审查员');
    expect(t('approval:kind.other')).toBe('批前公示');
    expect(t('cases:suspension.other')).toBe('批前公示');
  });

  it.each([
    ['zh-CN', 'join', '用户改名（加入大厅）'],
    ['zh-CN', 'clash', '用户改名（大厅中有同名账号）'],
    ['en', 'clash', 'User renamed (another hall account had the name)'],
  ] as const)('%s: a rename says why (%s) and from what to what', (lng, reason, label) => {
    const t = i18next.getFixedT(lng, ['cases', 'domain']);
    const e = event('user.renamed', { from: 'wangchuang', to: 'wangchuang2', reason });
    expect(t(eventLabelKey(e))).toBe(label);
    expect(eventDetail(e, t)).toBe(
      lng === 'en'
        ? 'Former sign-in name wangchuang, new wangchuang2'
        : '原登录名 wangchuang，新登录名 wangchuang2',
    );
  });

  it('a rename names its reason: join or clash, nothing else', () => {
    const p = { from: 'wangchuang', to: 'wangchuang2' };
    expect(() => checkEvent('user.renamed', { ...p, reason: 'clash' })).not.toThrow();
    expect(() => checkEvent('user.renamed', { ...p, reason: 'join' })).not.toThrow();
    expect(() => checkEvent('user.renamed', { ...p, reason: 'tidy' })).toThrow();
  });
});
