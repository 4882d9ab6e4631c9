import type { RejectedRow } from './planner';
import type { RowError } from './types';

/** `服务记录 row 5 [统一社会信用代码] "9150…": invalid USCC: …`. */
export function formatRowError(error: RowError): string {
  const column = error.column === '' ? '' : ` [${error.column}]`;
  const value = error.value === '' ? '' : ` "${error.value.replace(/\s+/g, ' ')}"`;
  return `${error.sheet} row ${String(error.row)}${column}${value}: ${error.reason}`;
}

/** `服务记录 rows 2–5, 9; 融资 row 2`: rows grouped by sheet (first-seen order) as ranges. */
export function describeRows(
  rows: readonly { readonly sheet: string; readonly row: number }[],
): string {
  const bySheet = new Map<string, number[]>();
  for (const { sheet, row } of rows) {
    const list = bySheet.get(sheet) ?? [];
    list.push(row);
    bySheet.set(sheet, list);
  }
  const parts: string[] = [];
  for (const [sheet, numbers] of bySheet) {
    const sorted = [...new Set(numbers)].sort((a, b) => a - b);
    const ranges: [number, number][] = [];
    for (const n of sorted) {
      const last = ranges.at(-1);
      if (last !== undefined && n === last[1] + 1) last[1] = n;
      else ranges.push([n, n]);
    }
    const text = ranges.map(([a, b]) => (a === b ? String(a) : `${String(a)}–${String(b)}`));
    parts.push(`${sheet} row${sorted.length === 1 ? '' : 's'} ${text.join(', ')}`);
  }
  return parts.length === 0 ? 'none' : parts.join('; ');
}

const REJECT_HEADER = [
  '工作表 sheet',
  '行 row',
  '列 column',
  '值 value',
  '原因 reason',
  '阶段 stage',
];

/**
 * The rejects file: one line per problem, UTF-8 with a BOM so that Excel shows the Chinese
 * correctly, CRLF line ends; cells Excel would run as formulas are quoted with a leading '.
 */
export function rejectsCsv(rejected: readonly RejectedRow[]): string {
  const lines = [REJECT_HEADER.map(csvCell).join(',')];
  for (const row of rejected) {
    for (const error of row.errors) {
      lines.push(
        [error.sheet, String(error.row), error.column, error.value, error.reason, row.stage]
          .map(csvCell)
          .join(','),
      );
    }
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function csvCell(value: string): string {
  const safe = /^[=+@\t\r]/.test(value) || /^-[^\d]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function defaultRejectsPath(input: string): string {
  return `${input}.rejects.csv`;
}
