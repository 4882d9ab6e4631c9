import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { whatIf, type WhatIf, type WhatIfRequest } from '@ledger/audit';
import type { EventStore } from '@ledger/event-store';
import { Access } from '../../auth/access.decorator';
import { programIdParam } from '../../http/params';
import { EVENT_STORE } from '../../store/event-store.module';
import { apiErrorOf } from './audit-error.mapping';
import { WhatIfBody } from './what-if.dto';

/** API.md "Auditors": re-evaluate a program under another pack version or parameters. */
@ApiTags('audit')
@Controller('v1/audit/programs')
export class WhatIfController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  // A POST for the body's parameters, but a read: nothing is appended, so 200 and no write headers.
  @Post(':programId/what-if')
  @HttpCode(200)
  @Access('admin', 'auditor')
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      'Re-evaluate a program under another pack version or parameter set and answer the ' +
      'differences per platform; writes nothing (roles: admin, auditor)',
  })
  @ApiOkResponse({
    description:
      'baseline and candidate (pack, version, parameters, position read), the changed ' +
      'parameters, per platform the line before and after with the fields and rules that ' +
      'changed, and a summary',
  })
  @ApiBadRequestResponse({
    description: 'VALIDATION_FAILED naming packId, packVersion, parameters.<name>, basis…',
  })
  @ApiForbiddenResponse({ description: 'FORBIDDEN: only administrators and auditors' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: no such program or evaluation' })
  @ApiConflictResponse({ description: "CONFLICT: the program's own pack no longer runs" })
  async whatIf(@Param('programId') p: string, @Body() body: WhatIfBody): Promise<WhatIf> {
    const programId = programIdParam(p);
    try {
      return await whatIf(this.store, programId, requestOf(body));
    } catch (error) {
      throw apiErrorOf(error);
    }
  }
}

/** The body without its nulls (an optional field may be sent as null: the default). */
function requestOf(body: WhatIfBody): WhatIfRequest {
  return {
    ...(body.packId != null && { packId: body.packId }),
    ...(body.packVersion != null && { packVersion: body.packVersion }),
    ...(body.parameters != null && { parameters: body.parameters }),
    ...(body.basis != null && { basis: body.basis }),
    ...(body.evaluationId != null && { evaluationId: body.evaluationId }),
  };
}
