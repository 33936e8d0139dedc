// The .xlsx export of the statistics tables (exceljs, loaded only when the clerk exports).
import type { Sheet } from './statsTable';

/** Excel limits sheet names to 31 characters without []:*?/\ . */
const sheetName = (s: string) => s.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);

export async function statsWorkbook(
  title: string,
  sheets: readonly Sheet[],
): Promise<Uint8Array<ArrayBuffer>> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.title = title;
  wb.creator = 'OneWindow';
  for (const s of sheets) {
    const ws = wb.addWorksheet(sheetName(s.name));
    const header = ws.addRow(s.columns);
    header.font = { bold: true };
    for (const r of s.rows) ws.addRow(r);
    ws.columns.forEach((c, i) => {
      const widest = Math.max(
        ...[s.columns[i] ?? '', ...s.rows.map((r) => String(r[i] ?? ''))].map((v) => v.length),
      );
      c.width = Math.min(40, Math.max(8, widest * 2));
    });
  }
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as unknown as ArrayBuffer);
}
