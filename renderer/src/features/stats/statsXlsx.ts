// The .xlsx export of the statistics tables (exceljs, loaded only when the clerk exports). Each
// sheet says whose figures they are and for which month, then the table exactly as on screen —
// counts and days as numbers, rates as numbers with a percent format — then the definitions.
import { cellText, isPercent, type Cell, type Sheet } from './statsTable';

/** What heads every sheet and what follows its table. */
export interface WorkbookHeading {
  /** 效能统计 */
  title: string;
  /** The bureau's name. */
  office: string;
  /** "统计月份：2026年12月", as the screen language writes it. */
  month: string;
  /** The definitions of the figures (口径). */
  definitions: string;
}

/** Excel limits sheet names to 31 characters without []:*?/\ . */
const sheetName = (s: string) => s.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);

export const PERCENT_FORMAT = '0.0%';

/** Rows before the table: the title, the month, a blank row. The header is row 4. */
export const HEADER_ROW = 4;

const valueOf = (c: Cell) => (isPercent(c) ? c.percent : c);

export async function statsWorkbook(
  heading: WorkbookHeading,
  sheets: readonly Sheet[],
): Promise<Uint8Array<ArrayBuffer>> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.title = `${heading.office} ${heading.title}`;
  wb.subject = heading.month;
  wb.creator = 'OneWindow';
  for (const s of sheets) {
    const ws = wb.addWorksheet(sheetName(s.name));
    const span = Math.max(1, s.columns.length);
    const title = ws.addRow([`${heading.office} ${heading.title} · ${s.name}`]);
    title.font = { bold: true, size: 14 };
    ws.mergeCells(1, 1, 1, span);
    ws.addRow([heading.month]);
    ws.mergeCells(2, 1, 2, span);
    ws.addRow([]);
    const header = ws.addRow(s.columns);
    header.font = { bold: true };
    for (const r of s.rows) {
      const row = ws.addRow(r.map(valueOf));
      r.forEach((c, i) => {
        if (isPercent(c)) row.getCell(i + 1).numFmt = PERCENT_FORMAT;
      });
    }
    ws.addRow([]);
    const defs = ws.addRow([heading.definitions]);
    const defsAt = defs.number;
    ws.mergeCells(defsAt, 1, defsAt, span);
    defs.alignment = { wrapText: true, vertical: 'top' };
    defs.height = 80;
    ws.columns.forEach((c, i) => {
      const widest = Math.max(
        ...[
          s.columns[i] ?? '',
          ...s.rows.map((r) => (r[i] === undefined ? '' : cellText(r[i]))),
        ].map((v) => v.length),
      );
      c.width = Math.min(40, Math.max(8, widest * 2));
    });
    // The header stays in view while scrolling.
    ws.views = [{ state: 'frozen', ySplit: HEADER_ROW }];
  }
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as unknown as ArrayBuffer);
}
