import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { Workbook, type CellValue } from 'exceljs';
import type { Cell, RawRow, RawSheet } from './types';

export interface LedgerFile {
  readonly path: string;
  readonly format: 'csv' | 'xlsx';
  /** SHA-256 of the file's bytes, lowercase hex: part of every record id and idempotency key. */
  readonly sha256: string;
  readonly sheets: readonly RawSheet[];
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Reads a 台账 file: `.xlsx` (every sheet) or anything else as CSV (one sheet named after it). */
export async function readLedgerFile(path: string): Promise<LedgerFile> {
  const bytes = await readFile(path);
  const isZip = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b;
  const extension = extname(path).toLowerCase();
  if (extension === '.xls') {
    throw new Error('.xls (Excel 97-2003) is not supported: save the file as .xlsx or .csv');
  }
  const sha256 = sha256Hex(bytes);
  if (extension === '.xlsx' || isZip) {
    return { path, format: 'xlsx', sha256, sheets: await parseXlsx(bytes) };
  }
  return { path, format: 'csv', sha256, sheets: [parseCsvSheet(basename(path), bytes)] };
}

/**
 * CSV as Excel users save it: UTF-8 (with or without BOM) or, failing that, GB18030 (Excel's
 * “CSV” on a Chinese Windows); comma or tab separated. Row numbers count records, as Excel
 * shows them (a quoted cell spanning lines is still one row).
 */
export function parseCsvSheet(name: string, bytes: Uint8Array): RawSheet {
  const text = decodeText(bytes);
  const records = parseCsv(text, {
    bom: true,
    delimiter: [',', '\t'],
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
  });
  const rows: RawRow[] = [];
  records.forEach((record, index) => {
    const cells = record.map((value): Cell => (value.trim() === '' ? null : value.trim()));
    if (cells.some((cell) => cell !== null)) rows.push({ row: index + 1, cells });
  });
  return { name: name.replace(/\.(csv|txt|tsv)$/i, ''), rows };
}

export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

export async function parseXlsx(bytes: Uint8Array): Promise<RawSheet[]> {
  const workbook = new Workbook();
  // exceljs' typings predate Node's generic Buffer; the bytes are what it expects.
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook.worksheets.map((sheet) => {
    const rows: RawRow[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: Cell[] = [];
      for (let column = 1; column <= row.cellCount; column++) {
        cells.push(xlsxCell(row.getCell(column).value));
      }
      if (cells.some((cell) => cell !== null && cell !== '')) rows.push({ row: rowNumber, cells });
    });
    return { name: sheet.name, rows };
  });
}

/** Formulas give their cached result, rich text and hyperlinks their text, errors their code. */
export function xlsxCell(value: CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) {
    return value;
  }
  if ('richText' in value) return xlsxCell(value.richText.map((part) => part.text).join(''));
  if ('hyperlink' in value) return xlsxCell(value.text);
  if ('error' in value) return value.error;
  if ('result' in value) {
    const result = value.result;
    if (result === undefined) return null;
    return typeof result === 'object' && !(result instanceof Date) ? result.error : result;
  }
  return null;
}
