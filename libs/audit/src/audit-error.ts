/** A field at fault and why, in the shape of API.md's error details. */
export interface AuditProblem {
  readonly field: string;
  readonly reason: string;
}

/**
 * What an audit operation refuses, typed for its callers to map (the API to API.md's error body,
 * the CLI to a message): the library knows nothing of HTTP.
 * - VALIDATION_FAILED: a cut, pack, version or parameter given is not acceptable (the fields say which);
 * - NOT_FOUND: the program, evaluation or stream revision named does not exist;
 * - CONFLICT: the program's own pack no longer runs as it was opened;
 * - VIEWS_MISSING: an enrolled platform has no registry view in the snapshot read.
 */
export type AuditErrorCode = 'VALIDATION_FAILED' | 'NOT_FOUND' | 'CONFLICT' | 'VIEWS_MISSING';

export class AuditError extends Error {
  override readonly name = 'AuditError';

  constructor(
    readonly code: AuditErrorCode,
    message: string,
    readonly details: readonly AuditProblem[] = [],
  ) {
    super(message);
  }
}

/** A VALIDATION_FAILED naming one field. */
export function invalid(field: string, reason: string): AuditError {
  return new AuditError('VALIDATION_FAILED', `${field} ${reason}`, [{ field, reason }]);
}
