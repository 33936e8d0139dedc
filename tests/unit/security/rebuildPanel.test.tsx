// 从日志重建 says its result in words, in both languages: a clean comparison, the differences
// per table, a rebuild, the records skipped or parked, and every refusal.
import i18next from 'i18next';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../../renderer/src/app/i18n';
import { READ_TABLES } from '../../../renderer/src/data/fold';
import type { RebuildResult, TableDifference } from '../../../renderer/src/data/rebuild';
import { rebuildMessage } from '../../../renderer/src/features/admin/RebuildPanel';
import en from '../../../renderer/src/locales/en/security.json';
import zh from '../../../renderer/src/locales/zh-CN/security.json';

beforeAll(async () => {
  vi.stubGlobal('document', { documentElement: {} });
  await initI18n('zh-CN');
});
afterAll(() => vi.unstubAllGlobals());

const none = (table: TableDifference['table']): TableDifference => ({
  table,
  stored: 1,
  rebuilt: 1,
  missing: [],
  extra: [],
  changed: [],
});
const report = (
  over: Partial<Extract<RebuildResult, { ok: true }>['report']> = {},
): RebuildResult => ({
  ok: true,
  report: {
    mode: 'compare',
    events: 120,
    differences: 0,
    tables: READ_TABLES.map(none),
    outcomes: [],
    ...over,
  },
});
const differing = READ_TABLES.map((t) =>
  t === 'cases'
    ? { ...none(t), missing: ['c1', 'c2'], changed: ['c3'] }
    : t === 'files'
      ? { ...none(t), extra: ['a-9'] }
      : none(t),
);

describe('rebuild messages', () => {
  it('zh-CN: clean, differences per table, rebuilt, skipped and parked, refusals', async () => {
    await i18next.changeLanguage('zh-CN');
    const t = i18next.getFixedT('zh-CN', 'security');
    expect(rebuildMessage(report(), t)).toEqual({
      severity: 'success',
      lines: ['比对完成：由 120 条记录推算出的各表与存储的完全一致。'],
    });
    expect(rebuildMessage(report({ differences: 4, tables: differing }), t)).toEqual({
      severity: 'warning',
      lines: [
        '比对发现 4 处不一致：办件缺少 2 行、1 行内容不同；附件与打印记录多出 1 行。可点击“按日志重建”按记录改正。',
      ],
    });
    const outcomes = [
      {
        eventId: 'HJ02-1',
        streamId: 'case:c9',
        type: 'caseTeleported',
        outcome: 'skipped' as const,
        reason: 'unknown_type',
      },
      {
        eventId: 'HJ02-2',
        streamId: 'case:c1',
        type: 'caseReturned',
        outcome: 'parked' as const,
        reason: 'not_admitted',
      },
    ];
    expect(
      rebuildMessage(report({ mode: 'apply', differences: 4, tables: differing, outcomes }), t),
    ).toEqual({
      severity: 'info',
      lines: [
        '已按日志重建办件；附件与打印记录，共改正 4 处。此次重建已记入办件记录。',
        '另有 1 条记录本版本无法读取（类型未知或由较新版本写入），已原样保留，未计入各表。',
        '1 条记录与办件当前状态冲突，已搁置，待在同步冲突中处理。',
      ],
    });
    expect(rebuildMessage({ ok: false, code: 'forbidden' }, t).lines).toEqual([
      '只有系统管理员可以比对和重建。请用管理员账号登录。',
    ]);
    expect(rebuildMessage({ ok: false, code: 'log_broken' }, t).severity).toBe('error');
  });

  it('en: the same in English, singular where it is one', async () => {
    const t = i18next.getFixedT('en', 'security');
    expect(
      rebuildMessage(
        report({
          differences: 1,
          tables: READ_TABLES.map((x) =>
            x === 'ledger' ? { ...none(x), changed: ['l1'] } : none(x),
          ),
        }),
        t,
      ).lines,
    ).toEqual([
      'Compared: 1 difference — ledgers: 1 row different. Click “Rebuild from the log” to put it right.',
    ]);
    expect(rebuildMessage({ ok: false, code: 'no_station' }, t).lines).toEqual([
      'This station is not set up yet: there is nothing to compare.',
    ]);
  });

  it('every message key exists in both languages, every table and refusal named', () => {
    const keys = (o: object) => Object.keys(o).filter((k) => k.startsWith('rebuild.'));
    const base = (k: string) => k.replace(/_(one|other)$/, '');
    expect([...new Set(keys(zh).map(base))].sort()).toEqual(
      [...new Set(keys(en).map(base))].sort(),
    );
    for (const table of READ_TABLES) {
      expect(zh).toHaveProperty([`rebuild.table.${table}`]);
      expect(en).toHaveProperty([`rebuild.table.${table}`]);
    }
    for (const code of ['forbidden', 'no_station', 'log_broken'])
      expect(en).toHaveProperty([`rebuild.refused.${code}`]);
  });
});
