import type { ApiError } from './http';
import { itemAt, type PlannedBatch } from './planner';
import type { RowError } from './types';

export interface Attribution {
  /** Row key → the problems the server named in it. */
  readonly rows: ReadonlyMap<string, readonly RowError[]>;
  /** Details that name no item (or an item the batch does not have). */
  readonly unattributed: readonly string[];
}

/** `items[3].enterpriseUscc` (the decider) or `items[3].data.enterpriseUscc` (edge validation). */
const ITEM_FIELD = /^items\[(\d+)\](?:\.data)?(?:\.([A-Za-z]+))?/;

/**
 * Rules about the year or the platform, not the row: the decider names the first item when it
 * refuses a batch under them, but dropping that row would not help (and would walk the file).
 */
export const YEAR_LEVEL_RULES: ReadonlySet<string> = new Set([
  'D-SUBMITTED',
  'D-PLATFORM-FILED',
  'D-PLATFORM-ACTIVE',
  'D-BATCH',
]);

/**
 * Maps a refusal's `details[].field` (`items[17].enterpriseUscc`, `items[3].attendeeUsccs[2]`)
 * back to the sheet row and column that item was built from.
 */
export function attributeServerError(batch: PlannedBatch, error: ApiError): Attribution {
  const rows = new Map<string, RowError[]>();
  const unattributed: string[] = [];
  if (error.ruleId !== undefined && YEAR_LEVEL_RULES.has(error.ruleId)) {
    return { rows, unattributed: [`${error.ruleId}: ${error.message}`] };
  }
  for (const detail of error.details) {
    const match = ITEM_FIELD.exec(detail.field);
    const found = match === null ? null : itemAt(batch, Number(match[1]));
    if (match === null || found === null) {
      unattributed.push(detail.field === '' ? detail.reason : `${detail.field}: ${detail.reason}`);
      continue;
    }
    const field = match[2];
    const source = field === undefined ? undefined : found.planned.sources[field];
    const list = rows.get(found.row.key) ?? [];
    list.push({
      sheet: found.row.sheet,
      row: found.row.row,
      column: source?.column ?? '',
      value: source?.value ?? '',
      reason: `refused by the server (${error.code}): ${detail.reason || error.message}`,
    });
    rows.set(found.row.key, list);
  }
  if (error.details.length === 0) unattributed.push(error.message);
  return { rows, unattributed };
}
