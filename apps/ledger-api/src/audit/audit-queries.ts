import type { Cut } from '@ledger/audit';
import { validationFailed } from '../http/api-error';

/** Reads the cut of a replay or explain from its query: position, revision, or asOf on a clock. */
export function cutOf(query: {
  readonly asOf?: unknown;
  readonly clock?: unknown;
  readonly position?: unknown;
  readonly revision?: unknown;
  readonly stream: string;
}): Cut {
  const given = [query.asOf, query.position, query.revision].filter((v) => v !== undefined);
  if (given.length > 1) {
    throw validationFailed('asOf', 'give one of asOf, position or revision');
  }
  if (query.position !== undefined) {
    return { kind: 'position', position: countParam('position', query.position) };
  }
  if (query.revision !== undefined) {
    return {
      kind: 'revision',
      stream: query.stream,
      revision: countParam('revision', query.revision),
    };
  }
  if (query.asOf !== undefined) {
    if (typeof query.asOf !== 'string') throw validationFailed('asOf', 'must be given once');
    const clock = query.clock ?? 'recorded';
    if (clock !== 'recorded' && clock !== 'occurred') {
      throw validationFailed('clock', 'must be recorded or occurred');
    }
    return { kind: clock, at: query.asOf };
  }
  if (query.clock !== undefined) throw validationFailed('clock', 'needs asOf');
  return { kind: 'now' };
}

export function countParam(
  field: string,
  value: unknown,
  fallback?: number,
  max = Number.MAX_SAFE_INTEGER,
): number {
  if (value === undefined && fallback !== undefined) return fallback;
  const parsed = typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(parsed) || parsed > max) {
    throw validationFailed(
      field,
      `must be a non-negative integer${max < Number.MAX_SAFE_INTEGER ? ` up to ${String(max)}` : ''}`,
    );
  }
  return parsed;
}
