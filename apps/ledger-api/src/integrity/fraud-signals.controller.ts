import { Body, Controller, Get, Inject, Param, Query, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { Access } from '../auth/access.decorator';
import { LedgerProcessors } from '../commands/ledger-processors';
import type { WriteResult } from '../commands/write-result';
import { ApiError, validationFailed } from '../http/api-error';
import { answerWrite, platformIdParam, programIdParam, yearParam } from '../http/params';
import { writeContext, type AuthenticatedRequest } from '../http/write-context';
import { WriteRoute } from '../http/write-route.decorator';
import {
  FraudSignalReader,
  type SignalFilter,
  type SignalStatus,
  type SignalList,
} from './fraud-signal-reader';
import { SignalConfirmationBody, SignalDismissalBody } from './integrity.dto';
import { WriteSignalDecision } from './signal-decision';

const SIGNAL_ID = /^[A-Za-z0-9._-]{1,300}$/;
const RULE_ID = /^F-(10|[1-9])$/;
const STATUSES: readonly SignalStatus[] = ['open', 'confirmed', 'dismissed'];

/** API.md: fraud signals (F-1..F-10) and the administrators' decisions on them. */
@ApiTags('integrity')
@Controller('v1/fraud-signals')
export class FraudSignalsController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(FraudSignalReader) private readonly signals: FraudSignalReader,
    @Inject(LedgerProcessors) private readonly processors: LedgerProcessors,
  ) {}

  @Get()
  @Access('admin', 'auditor')
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      'Fraud signals with their status (open by default; confirmed, dismissed or all on request), filterable by program (its year and enrolled platforms), platform, year, rule and status (roles: admin, auditor)',
  })
  @ApiQuery({ name: 'programId', required: false })
  @ApiQuery({ name: 'platformId', required: false })
  @ApiQuery({ name: 'year', required: false })
  @ApiQuery({ name: 'ruleId', required: false, description: 'F-1 … F-10' })
  @ApiQuery({
    name: 'status',
    required: false,
    enum: [...STATUSES, 'all'],
    description: 'default open',
  })
  @ApiOkResponse({
    description:
      '{ signals: [...] } sorted by platform, year, rule, each with its status and decision; { withdrawn: [...] }: decisions whose signal is no longer raised (a record it named was retracted since)',
  })
  async list(
    @Query('programId') programId: unknown,
    @Query('platformId') platformId: unknown,
    @Query('year') year: unknown,
    @Query('ruleId') ruleId: unknown,
    @Query('status') status: unknown,
  ): Promise<SignalList> {
    const filter = await this.filterOf({ programId, platformId, year, ruleId, status });
    return this.signals.list(filter);
  }

  @WriteRoute(
    ':signalId/confirmation',
    "Confirm a fraud signal with reason and at least one evidence reference. On a window platform, a confirmed fabrication of activities, records or ratings applies S1-7 in the same append (this year and next disqualified, a clawback of the year's disbursements proposed); on a demonstration platform the confirmation is recorded and bengbu-demo-2022 grades it D (S3-7)",
    'admin',
  )
  confirm(
    @Param('signalId') s: string,
    @Body() body: SignalConfirmationBody,
    @Req() r: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WriteResult> {
    return this.decide('confirm', s, body, r, reply);
  }

  @WriteRoute(':signalId/dismissal', 'Dismiss a fraud signal with reason and evidence', 'admin')
  dismiss(
    @Param('signalId') s: string,
    @Body() body: SignalDismissalBody,
    @Req() r: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WriteResult> {
    return this.decide('dismiss', s, body, r, reply);
  }

  private async decide(
    decision: 'confirm' | 'dismiss',
    s: string,
    body: SignalConfirmationBody | SignalDismissalBody,
    r: AuthenticatedRequest,
    reply: FastifyReply,
  ): Promise<WriteResult> {
    if (!SIGNAL_ID.test(s)) throw validationFailed('signalId', 'must be a signal id');
    const context = writeContext(r, r.body);
    const request = {
      recordId: body.recordId?.toLowerCase() ?? uuidv7(),
      reason: body.reason,
      evidenceRefs: body.evidenceRefs ?? [],
    };
    return answerWrite(
      reply,
      await this.commands.execute(new WriteSignalDecision(s, decision, request, context)),
    );
  }

  private async filterOf(query: Record<string, unknown>): Promise<SignalFilter> {
    const text = (name: string): string | null => {
      const value = query[name];
      if (value === undefined) return null;
      if (typeof value !== 'string') throw validationFailed(name, 'must be given once');
      return value;
    };
    const ruleId = text('ruleId');
    if (ruleId !== null && !RULE_ID.test(ruleId)) throw validationFailed('ruleId', 'F-1 … F-10');
    // API.md lists open signals; `status` asks for decided ones, `all` for every one.
    const status = text('status') ?? 'open';
    const knownStatus = STATUSES.find((known) => known === status) ?? null;
    if (status !== 'all' && knownStatus === null) {
      throw validationFailed('status', `must be one of ${STATUSES.join(', ')}, all`);
    }
    const platform = text('platformId');
    const yearText = text('year');
    let platformIds = platform === null ? null : new Set([platformIdParam(platform)]);
    let year = yearText === null ? null : yearParam(yearText);
    const program = text('programId');
    if (program !== null) {
      const state = await this.processors.programState(programIdParam(program));
      if (state.status !== 'opened') {
        throw new ApiError(404, 'NOT_FOUND', `no program ${program}`, [
          { field: 'programId', reason: 'no such program' },
        ]);
      }
      if (year !== null && year !== state.program.year) {
        throw validationFailed(
          'year',
          `program ${program} is of year ${String(state.program.year)}`,
        );
      }
      const enrolled = new Set(state.enrolled);
      platformIds = new Set([...(platformIds ?? enrolled)].filter((id) => enrolled.has(id)));
      year = state.program.year;
    }
    return { platformIds, year, ruleId, status: knownStatus };
  }
}
