// The .xlsx export read back equals the tables the screen renders (both come from statsSheets).
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { monthlyFigures } from '../../../../renderer/src/domain/stats';
import { rank } from '../../../../renderer/src/domain/statsRanking';
import { statsSheets, type TableLabels } from '../../../../renderer/src/features/stats/statsTable';
import { statsWorkbook } from '../../../../renderer/src/features/stats/statsXlsx';
import { decided, rating, statsCase } from './statsFixtures';

const labels: TableLabels = {
  total: '全局',
  byDepartment: '按科室',
  byClerk: '按人员',
  ranking: '排名',
  office: '全局合计',
  unknownClerk: '（未知）',
  none: '—',
  col: {
    name: '名称',
    department: '科室',
    rank: '名次',
    list: '榜单',
    takenIn: '受理',
    concluded: '办结',
    onTimeRate: '按时办结率',
    averageWorkingDays: '平均用时',
    overdue: '超期',
    suspended: '中止',
    greenChannel: '绿色通道',
    badRatingRate: '差评率',
  },
  list: { red: '红榜', black: '黑榜' },
};

const cases = [
  statsCase('陈静', { caseId: 'a', acceptedOn: '2026-02-02', ...decided('2026-02-04') }),
  statsCase('陈静', { caseId: 'b', acceptedOn: '2026-02-03', ...decided('2026-02-05') }),
  statsCase('陈静', { caseId: 'c', acceptedOn: '2026-02-04', ...decided('2026-02-06') }),
  // Late (10 working days), with a bad rating: a black-list row with a percentage cell.
  statsCase('赵磊', {
    caseId: 'd',
    acceptedOn: '2026-01-20',
    ...decided('2026-02-03'),
    ratings: [rating('2026-02-04', true)],
  }),
  statsCase('赵磊', { caseId: 'e', acceptedOn: '2026-02-10' }),
  statsCase('赵磊', { caseId: 'f', acceptedOn: '2026-02-11' }),
];

describe('statistics export', () => {
  it('writes a workbook whose cells read back equal the screen tables', async () => {
    const m = monthlyFigures(cases, { month: '2026-02', today: '2026-03-01' });
    const sheets = statsSheets(m, rank(m.byClerk), labels);
    const bytes = await statsWorkbook('2026-02', sheets);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer as ArrayBuffer);
    const readBack = wb.worksheets.map((ws) => {
      const rows: (string | number)[][] = [];
      ws.eachRow((row) => {
        const values = (row.values as (string | number | null | undefined)[]).slice(1);
        rows.push(values.map((v) => v ?? ''));
      });
      return { name: ws.name, columns: rows[0], rows: rows.slice(1) };
    });
    expect(readBack).toEqual(sheets);
    // And the tables say what the figures say (so equal tables are not equally empty).
    const ranking = sheets[3]!;
    expect(ranking.rows.map((r) => [r[1], r.at(-1)])).toEqual([
      ['陈静', '红榜'],
      ['赵磊', '黑榜'],
    ]);
    // e and f are open on 02-28 after 9 and 8 working days: both overdue.
    expect(sheets[0]!.rows[0]).toEqual(['全局合计', 5, 4, '75.0%', 4, 2, 0, 0, '100.0%']);
  });
});
