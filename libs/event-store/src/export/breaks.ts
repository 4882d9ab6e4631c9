import { ChainBrokenError, type ChainBreak } from '../port/errors';

/**
 * Export verification stops at the first problem, as the store's verify() does: a break is
 * thrown from wherever it is found and verifyExport turns it into the report.
 */
export function fail(found: ChainBreak): never {
  throw new ChainBrokenError(found);
}

/** Where a break has no event to name (a missing event or a file-level problem). */
export function nowhere(stream: string, revision = -1) {
  return { stream, revision, position: -1, id: '' };
}
