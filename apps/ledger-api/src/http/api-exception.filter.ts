import {
  Catch,
  HttpException,
  Logger,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { DomainErrorCode } from '@ledger/domain';
import {
  DuplicateEventIdError,
  InvalidAppendError,
  InvalidOptionError,
  StoreUnavailableError,
  WrongExpectedRevisionError,
} from '@ledger/event-store';
import { DomainRejection } from '../commands/domain-rejection';
import { IdempotencyKeyReusedError, RevisionMismatchError } from '../commands/write-result';
import { ApiError, type ApiErrorBody, type ApiErrorDetail } from './api-error';

const DOMAIN_STATUS: Record<DomainErrorCode, number> = {
  VALIDATION_FAILED: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RULE_VIOLATION: 422,
};

interface Mapped {
  readonly status: number;
  readonly body: ApiErrorBody;
}

function body(
  code: string,
  message: string,
  details: readonly ApiErrorDetail[] = [],
  ruleId?: string,
): ApiErrorBody {
  return { error: { code, message, details, ...(ruleId !== undefined && { ruleId }) } };
}

/** Fastify's own refusals (malformed JSON, body too large, wrong media type) keep their 4xx. */
function fastifyError(error: unknown): Mapped | null {
  if (!(error instanceof Error)) return null;
  const { statusCode, code } = error as Error & { statusCode?: unknown; code?: unknown };
  if (typeof statusCode !== 'number' || statusCode < 400 || statusCode >= 500) return null;
  const name = typeof code === 'string' ? code : 'BAD_REQUEST';
  const mapped =
    name === 'FST_ERR_CTP_BODY_TOO_LARGE' || name === 'FST_REQ_FILE_TOO_LARGE'
      ? 'PAYLOAD_TOO_LARGE'
      : name === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
        ? 'UNSUPPORTED_MEDIA_TYPE'
        : 'VALIDATION_FAILED';
  return {
    status: statusCode,
    body: body(mapped, error.message, [{ field: 'body', reason: error.message }]),
  };
}

const HTTP_CODES: Record<number, string> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
};

/** Nest's own exceptions: unknown routes, and Fastify's body refusals it wraps (malformed JSON). */
function httpException(error: HttpException): Mapped {
  const status = error.getStatus();
  const code = HTTP_CODES[status] ?? (status < 500 ? 'BAD_REQUEST' : 'INTERNAL');
  const details =
    status === 400 || status === 413 || status === 415
      ? [{ field: 'body', reason: error.message }]
      : [];
  return { status, body: body(code, error.message, details) };
}

/** The one place where every error becomes API.md's error shape; bad input never yields a 5xx. */
export function mapError(error: unknown): Mapped {
  if (error instanceof DomainRejection) {
    const { code, message, details, ruleId } = error.error;
    return { status: DOMAIN_STATUS[code], body: body(code, message, details, ruleId) };
  }
  if (error instanceof ApiError) {
    return { status: error.getStatus(), body: body(error.code, error.message, error.details) };
  }
  if (error instanceof RevisionMismatchError) {
    return {
      status: 409,
      body: body('CONFLICT', error.message, [{ field: 'If-Match', reason: error.message }]),
    };
  }
  if (error instanceof WrongExpectedRevisionError) {
    return { status: 409, body: body('CONFLICT', error.message) };
  }
  if (error instanceof IdempotencyKeyReusedError) {
    return {
      status: 422,
      body: body(error.code, error.message, [
        { field: 'Idempotency-Key', reason: 'reused with a different body' },
      ]),
    };
  }
  if (error instanceof DuplicateEventIdError) {
    return {
      status: 409,
      body: body('CONFLICT', error.message, [{ field: 'recordId', reason: 'already stored' }]),
    };
  }
  if (error instanceof InvalidAppendError || error instanceof InvalidOptionError) {
    return {
      status: 400,
      body: body('VALIDATION_FAILED', error.message, [
        { field: error.field, reason: error.message },
      ]),
    };
  }
  if (error instanceof StoreUnavailableError) {
    return { status: 503, body: body('STORE_UNAVAILABLE', 'the event store is unavailable') };
  }
  if (error instanceof HttpException) return httpException(error);
  return fastifyError(error) ?? { status: 500, body: body('INTERNAL', 'internal error') };
}

@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  catch(error: unknown, host: ArgumentsHost): void {
    const { status, body: errorBody } = mapError(error);
    if (status >= 500)
      this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    void host.switchToHttp().getResponse<FastifyReply>().status(status).send(errorBody);
  }
}
