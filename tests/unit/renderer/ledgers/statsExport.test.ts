// The .xlsx export read back: the bureau, the month and the definitions on every sheet, and the
// tables the screen renders (both come from statsSheets) with counts and rates as real numbers.
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { monthlyFigures } from '../../../../renderer/src/domain/stats';
import { rank } from '../../../../renderer/src/domain/statsRanking';
import {
  cellText,
  statsSheets,
  type TableLabels,
} from '../../../../renderer/src/features/stats/statsTable';
import {
  HEADER_ROW,
  PERCENT_FORMAT,
  statsWorkbook,
} from '../../../../renderer/src/features/stats/statsXlsx';
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

const heading = {
  title: '效能统计',
  office: '郑州市惠济区自然资源和规划局',
  month: '统计月份：2026年2月',
  definitions: '口径：受理＝本月受理（含容缺）；按时办结率＝……',
};

/** A sheet read back: every row's values (the first is Excel's unused index 0). */
function rowsOf(ws: ExcelJS.Worksheet) {
  const rows: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe('statistics export', () => {
  it('each sheet: the bureau and month, the screen table with real numbers, the definitions', async () => {
    const m = monthlyFigures(cases, { month: '2026-02', today: '2026-03-01' });
    const sheets = statsSheets(m, rank(m.byClerk), labels);
    const bytes = await statsWorkbook(heading, sheets);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer as ArrayBuffer);
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(['全局', '按科室', '按人员', '排名']);
    expect(wb.title).toBe('郑州市惠济区自然资源和规划局 效能统计');

    const total = wb.worksheets[0]!;
    const rows = rowsOf(total);
    // Title, month and definitions each span the table (merged cells read back as their master).
    const span = sheets[0]!.columns.length;
    expect(total.getCell(1, 1).value).toBe('郑州市惠济区自然资源和规划局 效能统计 · 全局');
    expect(total.getCell(1, span).master.address).toBe('A1');
    expect(total.getCell(2, 1).value).toBe('统计月份：2026年2月');
    expect(total.getCell(2, span).master.address).toBe('A2');
    expect(rows[HEADER_ROW - 1]).toEqual(sheets[0]!.columns);
    // e and f are open on 02-28 after 9 and 8 working days: both overdue. The rates are numbers.
    expect(rows[HEADER_ROW]).toEqual(['全局合计', 5, 4, 0.75, 4, 2, 0, 0, 1]);
    expect(total.getRow(HEADER_ROW + 1).getCell(4).numFmt).toBe(PERCENT_FORMAT);
    expect(total.getRow(HEADER_ROW + 1).getCell(9).numFmt).toBe(PERCENT_FORMAT);
    expect(total.getRow(HEADER_ROW + 1).getCell(5).numFmt).toBeUndefined();
    expect(rows.length).toBe(HEADER_ROW + 1 + 1 + 1);
    expect(total.getCell(rows.length, 1).value).toBe(
      '口径：受理＝本月受理（含容缺）；按时办结率＝……',
    );
    expect(total.getCell(rows.length, span).master.address).toBe(`A${rows.length}`);

    // Every sheet's table reads back as the screen shows it (rates through the percent format).
    for (const [i, sheet] of sheets.entries()) {
      const ws = wb.worksheets[i]!;
      const body = rowsOf(ws).slice(HEADER_ROW, HEADER_ROW + sheet.rows.length);
      const shown = body.map((r, ri) =>
        r.map((v, ci) => {
          const fmt = ws.getRow(HEADER_ROW + 1 + ri).getCell(ci + 1).numFmt;
          return fmt === PERCENT_FORMAT ? `${((v as number) * 100).toFixed(1)}%` : String(v ?? '');
        }),
      );
      expect([sheet.name, shown]).toEqual([sheet.name, sheet.rows.map((r) => r.map(cellText))]);
    }
    // And the tables say what the figures say (so equal tables are not equally empty).
    const ranking = sheets[3]!;
    expect(ranking.rows.map((r) => [r[1], r.at(-1)])).toEqual([
      ['陈静', '红榜'],
      ['赵磊', '黑榜'],
    ]);
    expect(sheets[0]!.rows[0]!.map(cellText)).toEqual([
      '全局合计',
      '5',
      '4',
      '75.0%',
      '4',
      '2',
      '0',
      '0',
      '100.0%',
    ]);
  });
});
