import { Workbook } from 'exceljs';
import type { ResultTable } from './result-table';

/**
 * The result table as an .xlsx workbook: one sheet, the same header and cells as the CSV, with
 * 序号 and 补助金额（元） as numbers (the amount shown with two decimals) so the sheet can sum them.
 */
export async function resultXlsx(table: ResultTable): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.created = new Date(table.evaluatedAt);
  const sheet = workbook.addWorksheet(`${String(table.year)}年度评价结果`);
  sheet.addRow([...table.columns]).font = { bold: true };
  for (const row of table.rows) {
    const [index, name, grade, score, tier, amount] = row.cells;
    sheet.addRow([index, name, grade, score === '' ? null : Number(score), tier, Number(amount)]);
  }
  sheet.getColumn(2).width = 48;
  sheet.getColumn(3).width = 16;
  sheet.getColumn(6).numFmt = '0.00';
  sheet.getColumn(6).width = 16;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
