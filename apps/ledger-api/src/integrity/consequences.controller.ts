import { Body, Controller, Param, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import type { PlatformYearCommand } from '@ledger/domain';
import { WritePlatformYear } from '../commands/write-commands';
import type { WriteResult } from '../commands/write-result';
import { validationFailed } from '../http/api-error';
import { answerWrite, platformIdParam, yearParam } from '../http/params';
import { writeContext, type AuthenticatedRequest, type WriteContext } from '../http/write-context';
import { WriteRoute } from '../http/write-route.decorator';
import { metadataOf } from '../platform-years/platform-years.controller';
import { ClawbackBody, DisqualificationBody, RepaymentBody } from './integrity.dto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type YearCommand = (address: {
  readonly platformId: string;
  readonly year: number;
  readonly metadata: PlatformYearCommand['metadata'];
}) => PlatformYearCommand;

/** API.md: 取消资格, 追回资金 and repayments, recorded in the platform-year of their cause. */
@ApiTags('integrity')
@Controller('v1/platforms/:platformId/years/:year')
export class ConsequencesController {
  constructor(private readonly commands: CommandBus) {}

  @WriteRoute(
    'disqualification',
    '取消资格: rule id, reason, evidence and the years affected (this year, at most two ahead) (D-DISQUALIFY)',
    'admin',
  )
  disqualify(
    @Param('platformId') p: string,
    @Param('year') y: string,
    @Body() body: DisqualificationBody,
    @Req() r: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WriteResult> {
    return this.write(p, y, r, reply, (address) => ({
      ...address,
      type: 'DisqualifyPlatform',
      data: {
        recordId: body.recordId?.toLowerCase() ?? uuidv7(),
        ruleId: body.ruleId,
        reason: body.reason,
        evidenceRefs: body.evidenceRefs ?? [],
        yearsAffected: body.yearsAffected,
        causeId: body.causeId?.toLowerCase() ?? null,
      },
    }));
  }

  @WriteRoute(
    'clawbacks',
    "追回资金: order part of the year's disbursements paid back, at most what was paid and not yet clawed back (D-CLAWBACK); eventIds[0] is the clawback id",
    'admin',
  )
  clawback(
    @Param('platformId') p: string,
    @Param('year') y: string,
    @Body() body: ClawbackBody,
    @Req() r: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WriteResult> {
    return this.write(p, y, r, reply, (address) => ({
      ...address,
      type: 'OrderClawback',
      data: {
        recordId: body.recordId?.toLowerCase() ?? uuidv7(),
        ruleId: body.ruleId ?? 'S1-7',
        amountFen: body.amountFen,
        reason: body.reason,
        causeId: body.causeId?.toLowerCase() ?? null,
      },
    }));
  }

  @WriteRoute(
    'clawbacks/:clawbackId/repayments',
    'Record a repayment against an ordered clawback, at most what it still claims (D-REPAYMENT)',
    'admin',
  )
  repay(
    @Param('platformId') p: string,
    @Param('year') y: string,
    @Param('clawbackId') c: string,
    @Body() body: RepaymentBody,
    @Req() r: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WriteResult> {
    if (!UUID.test(c)) throw validationFailed('clawbackId', 'must be a UUID');
    return this.write(p, y, r, reply, (address) => ({
      ...address,
      type: 'RecordRepayment',
      data: {
        recordId: body.recordId?.toLowerCase() ?? uuidv7(),
        occurredAt: body.occurredAt,
        clawbackId: c.toLowerCase(),
        amountFen: body.amountFen,
        reference: body.reference,
      },
    }));
  }

  private async write(
    p: string,
    y: string,
    r: AuthenticatedRequest,
    reply: FastifyReply,
    command: YearCommand,
  ): Promise<WriteResult> {
    const platformId = platformIdParam(p);
    const year = yearParam(y);
    const context: WriteContext = writeContext(r, r.body);
    const domain = command({ platformId, year, metadata: metadataOf(context) });
    return answerWrite(
      reply,
      await this.commands.execute(new WritePlatformYear(platformId, year, domain, context)),
    );
  }
}
