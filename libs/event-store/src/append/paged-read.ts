import type { Direction } from '../port/types';

export const READ_PAGE_SIZE = 2_000;

/**
 * Streams a keyed range page by page (keyset pagination), so a read of any length holds at most
 * one page in memory and never keeps a cursor open across the consumer's awaits. Pages, not
 * single rows, cross the async boundary: one await per page keeps reads near the driver's speed.
 */
export async function* pagedRead<Row>(
  fetchPage: (from: number, limit: number) => Row[] | Promise<Row[]>,
  keyOf: (row: Row) => number,
  start: number,
  direction: Direction,
  maxCount: number,
  pageSize = READ_PAGE_SIZE,
): AsyncGenerator<readonly Row[]> {
  let remaining = maxCount;
  let cursor = start;
  while (remaining > 0) {
    const limit = Math.min(pageSize, remaining);
    const rows = await fetchPage(cursor, limit);
    if (rows.length > 0) yield rows;
    remaining -= rows.length;
    const last = rows[rows.length - 1];
    if (rows.length < limit || last === undefined) return;
    cursor = direction === 'forwards' ? keyOf(last) + 1 : keyOf(last) - 1;
  }
}
