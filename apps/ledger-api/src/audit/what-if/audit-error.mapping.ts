import { AuditError } from '@ledger/audit';
import { ApiError, validationFailedWith } from '../../http/api-error';

/**
 * libs/audit's typed refusals in API.md's error shape. VIEWS_MISSING from a history snapshot
 * means the log holds an enrolment without a filing before it: a conflict in the ledger itself,
 * not something a retry fixes. Anything else is not the library's refusal and passes through.
 */
export function apiErrorOf(error: unknown): unknown {
  if (!(error instanceof AuditError)) return error;
  switch (error.code) {
    case 'VALIDATION_FAILED':
      return error.details.length > 0
        ? validationFailedWith(error.details)
        : new ApiError(400, 'VALIDATION_FAILED', error.message);
    case 'NOT_FOUND':
      return new ApiError(404, 'NOT_FOUND', error.message, error.details);
    case 'CONFLICT':
    case 'VIEWS_MISSING':
      return new ApiError(409, 'CONFLICT', error.message, error.details);
  }
}
