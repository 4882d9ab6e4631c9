import type { BatchItem } from '@ledger/domain';
import type { ConvertedRow, PlannedItem, RowError } from './types';

/** The API's ceiling on items per batch request. */
export const MAX_BATCH_ITEMS = 5000;
export const DEFAULT_BATCH_SIZE = 1000;
/** A row yields at most two items (a service and its rating) and is never split. */
export const MIN_BATCH_ITEMS = 2;

export interface PlanOptions {
  /** Send the valid rows and reject the others (default: any invalid row blocks the import). */
  readonly skipInvalid: boolean;
  readonly batchSize: number;
}

export interface PlannedBatch {
  /** 0-based and stable for the whole import (retries included): part of the idempotency key. */
  readonly index: number;
  readonly rows: readonly ConvertedRow[];
}

/** Why a row was not sent (or was refused by the server). */
export type RejectStage = 'client' | 'server' | 'dependency';

export interface RejectedRow {
  readonly key: string;
  readonly sheet: string;
  readonly row: number;
  readonly stage: RejectStage;
  readonly errors: readonly RowError[];
}

export interface ImportPlan {
  readonly batches: readonly PlannedBatch[];
  readonly rejected: readonly RejectedRow[];
  /** All-or-nothing and some row is invalid: nothing may be sent. */
  readonly blocked: boolean;
  readonly options: PlanOptions;
}

export function validBatchSize(size: number): boolean {
  return Number.isInteger(size) && size >= MIN_BATCH_ITEMS && size <= MAX_BATCH_ITEMS;
}

/**
 * Pure planning. Rows keep their order except that a row citing another (a 满意度评价 row citing
 * a service row) comes after every row it may cite, so a rating always travels in the same
 * batch as its service or a later one. Batches are filled with whole rows up to `batchSize`
 * items. Invalid rows, and rows depending on them, are rejected; unless `skipInvalid`, any
 * rejection blocks the whole import.
 */
export function planImport(rows: readonly ConvertedRow[], options: PlanOptions): ImportPlan {
  if (!validBatchSize(options.batchSize)) {
    throw new RangeError(
      `batch size must be a whole number from ${String(MIN_BATCH_ITEMS)} to ${String(MAX_BATCH_ITEMS)}`,
    );
  }
  const invalid = new Map<string, readonly RowError[]>();
  for (const row of rows) if (row.errors.length > 0) invalid.set(row.key, row.errors);
  const { kept, rejected } = withoutRows(rows, invalid, 'client');
  const blocked = rejected.length > 0 && !options.skipInvalid;
  return {
    batches: blocked ? [] : pack(order(kept), options.batchSize),
    rejected,
    blocked,
    options,
  };
}

/**
 * Removes rows the server refused, with every row depending on them, from all batches: the
 * batches keep their indexes (an emptied batch stays, empty, and is not sent).
 */
export function dropRows(
  plan: ImportPlan,
  refused: ReadonlyMap<string, readonly RowError[]>,
): ImportPlan {
  const all = plan.batches.flatMap((batch) => batch.rows);
  const { rejected } = withoutRows(all, refused, 'server');
  const dropped = new Set(rejected.map((r) => r.key));
  return {
    ...plan,
    batches: plan.batches.map((batch) => ({
      index: batch.index,
      rows: batch.rows.filter((row) => !dropped.has(row.key)),
    })),
    rejected: [...plan.rejected, ...rejected],
  };
}

export function batchItems(batch: PlannedBatch): BatchItem[] {
  return batch.rows.flatMap((row) => row.items.map((planned) => planned.item));
}

export function itemCount(batch: PlannedBatch): number {
  return batch.rows.reduce((sum, row) => sum + row.items.length, 0);
}

/** The row and item behind `items[index]` of a batch's request body. */
export function itemAt(
  batch: PlannedBatch,
  index: number,
): { readonly row: ConvertedRow; readonly planned: PlannedItem } | null {
  let offset = index;
  for (const row of batch.rows) {
    if (offset < row.items.length) {
      const planned = row.items[offset];
      return planned === undefined ? null : { row, planned };
    }
    offset -= row.items.length;
  }
  return null;
}

/** Rows `drop` names (with their errors) and, transitively, the rows depending on them. */
function withoutRows(
  rows: readonly ConvertedRow[],
  drop: ReadonlyMap<string, readonly RowError[]>,
  stage: RejectStage,
): { kept: ConvertedRow[]; rejected: RejectedRow[] } {
  const dropped = new Map<string, string>();
  const byKey = new Map(rows.map((row) => [row.key, row]));
  const droppedWhy = (row: ConvertedRow, seen: Set<string>): string | null => {
    const cached = dropped.get(row.key);
    if (cached !== undefined) return cached;
    if (drop.has(row.key)) return row.key;
    if (row.dependsOn === null || seen.has(row.key)) return null;
    seen.add(row.key);
    const parent = byKey.get(row.dependsOn);
    // A row citing one that is not among these rows (refused earlier): dropped with it.
    const cause =
      parent === undefined
        ? drop.has(row.dependsOn)
          ? row.dependsOn
          : null
        : droppedWhy(parent, seen);
    return cause;
  };
  const kept: ConvertedRow[] = [];
  const rejected: RejectedRow[] = [];
  for (const row of rows) {
    const cause = droppedWhy(row, new Set());
    if (cause === null) {
      kept.push(row);
      continue;
    }
    dropped.set(row.key, cause);
    const causeRow = byKey.get(cause);
    const causeText =
      causeRow === undefined ? cause : `${causeRow.sheet} row ${String(causeRow.row)}`;
    const own = drop.get(row.key);
    rejected.push({
      key: row.key,
      sheet: row.sheet,
      row: row.row,
      stage: own === undefined ? 'dependency' : stage,
      errors: own ?? [
        {
          sheet: row.sheet,
          row: row.row,
          column: '',
          value: '',
          reason: `not sent: it rates the service in ${causeText}, which was rejected`,
        },
      ],
    });
  }
  return { kept, rejected };
}

/** Dependency depth: rows citing nothing first, then rows citing them, file order within. */
function order(rows: readonly ConvertedRow[]): ConvertedRow[] {
  const byKey = new Map(rows.map((row) => [row.key, row]));
  const depth = (row: ConvertedRow, guard: number): number => {
    if (row.dependsOn === null || guard > rows.length) return 0;
    const parent = byKey.get(row.dependsOn);
    return parent === undefined ? 0 : 1 + depth(parent, guard + 1);
  };
  return rows
    .map((row, position) => ({ row, position, depth: depth(row, 0) }))
    .sort((a, b) => a.depth - b.depth || a.position - b.position)
    .map((entry) => entry.row);
}

function pack(rows: readonly ConvertedRow[], batchSize: number): PlannedBatch[] {
  const batches: PlannedBatch[] = [];
  let current: ConvertedRow[] = [];
  let size = 0;
  for (const row of rows) {
    if (row.items.length === 0) continue;
    if (size + row.items.length > batchSize && current.length > 0) {
      batches.push({ index: batches.length, rows: current });
      current = [];
      size = 0;
    }
    current.push(row);
    size += row.items.length;
  }
  if (current.length > 0) batches.push({ index: batches.length, rows: current });
  return batches;
}
