import type { BatchItem } from '@ledger/domain';

/** One spreadsheet cell after reading: CSV gives strings, XLSX may give numbers, dates, booleans. */
export type Cell = string | number | boolean | Date | null;

/** A row as the user sees it: `row` is the 1-based spreadsheet row number (header row included). */
export interface RawRow {
  readonly row: number;
  readonly cells: readonly Cell[];
}

/** One sheet of a workbook, or a whole CSV file (named after the file). */
export interface RawSheet {
  readonly name: string;
  readonly rows: readonly RawRow[];
}

/** The kinds of 台账 sheet the importer understands. */
export type SheetKind = 'service' | 'activity' | 'rating' | 'financing' | 'training';

export const SHEET_KIND_LABELS: Readonly<Record<SheetKind, string>> = {
  service: '服务记录',
  activity: '服务活动',
  rating: '满意度评价',
  financing: '融资',
  training: '培训',
};

/** A problem with one cell (or one row, or a sheet's header), located as the user sees it. */
export interface RowError {
  readonly sheet: string;
  /** 1-based spreadsheet row number. */
  readonly row: number;
  /** The column's header as written in the file ('' when the problem is the whole row). */
  readonly column: string;
  /** The offending value as text ('' when missing). */
  readonly value: string;
  readonly reason: string;
}

/** Where one field of an item came from, so that a server rejection can name the cell. */
export interface FieldSource {
  readonly column: string;
  readonly value: string;
}

/** One item to send, with the cells it was built from (keyed by the item's data field). */
export interface PlannedItem {
  readonly item: BatchItem;
  readonly sources: Readonly<Record<string, FieldSource>>;
}

/** One data row turned into items (valid) or errors (invalid). */
export interface ConvertedRow {
  /** `${sheet}!${row}`: unique within a file. */
  readonly key: string;
  readonly sheet: string;
  readonly row: number;
  readonly kind: SheetKind;
  /** Empty when the row is invalid. */
  readonly items: readonly PlannedItem[];
  readonly errors: readonly RowError[];
  /** The service row a 满意度评价 row rates: it must be sent in the same or an earlier batch. */
  readonly dependsOn: string | null;
}

export function rowKey(sheet: string, row: number): string {
  return `${sheet}!${String(row)}`;
}
