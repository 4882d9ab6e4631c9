import { HttpException } from '@nestjs/common';

/** API.md's error body: `{ error: { code, message, details: [{ field, reason }] } }`. */
export interface ApiErrorDetail {
  readonly field: string;
  readonly reason: string;
}

export interface ApiErrorBody {
  readonly error: {
    readonly code: string;
    readonly message: string;
    readonly details: readonly ApiErrorDetail[];
    readonly ruleId?: string;
  };
}

/** An HTTP error with a machine-readable code, raised at the edge (validation, auth, uploads). */
export class ApiError extends HttpException {
  constructor(
    status: number,
    readonly code: string,
    message: string,
    readonly details: readonly ApiErrorDetail[] = [],
  ) {
    super(message, status);
  }
}

/** VALIDATION_FAILED with every problem found, the first in the message. */
export function validationFailedWith(details: readonly ApiErrorDetail[]): ApiError {
  const first = details[0];
  const message = first === undefined ? 'invalid request' : `${first.field}: ${first.reason}`;
  return new ApiError(400, 'VALIDATION_FAILED', message, details);
}

export function validationFailed(field: string, reason: string): ApiError {
  return new ApiError(400, 'VALIDATION_FAILED', `${field}: ${reason}`, [{ field, reason }]);
}
