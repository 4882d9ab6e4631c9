import { applyDecorators, HttpCode, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiOperation,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
  ApiBadRequestResponse,
} from '@nestjs/swagger';
import type { TokenRole } from '@ledger/domain';
import { Access } from '../auth/access.decorator';
import { WriteResultDto } from '../platform-years/write-result.dto';

/** A write route: its roles, the headers every write accepts and the answers it may give. */
export function WriteRoute(path: string, summary: string, ...roles: TokenRole[]): MethodDecorator {
  return applyDecorators(
    Post(path),
    HttpCode(201),
    Access(...roles),
    ApiBearerAuth(),
    ApiOperation({ summary: `${summary} (roles: ${roles.join(', ')})` }),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        'a retry with the same key and body returns the first answer; another body → 422',
    }),
    ApiHeader({
      name: 'If-Match',
      required: false,
      description: 'the stream revision last seen (ETag); 409 when it moved',
    }),
    ApiCreatedResponse({
      type: WriteResultDto,
      description: 'appended; ETag carries the revision',
    }),
    ApiBadRequestResponse({ description: 'VALIDATION_FAILED with the fields at fault' }),
    ApiUnauthorizedResponse({ description: 'UNAUTHENTICATED' }),
    ApiForbiddenResponse({ description: 'FORBIDDEN: role or scope' }),
    ApiConflictResponse({ description: 'CONFLICT: If-Match mismatch, duplicate record' }),
    ApiUnprocessableEntityResponse({
      description: 'RULE_VIOLATION (ruleId) or IDEMPOTENCY_KEY_REUSED',
    }),
  );
}
