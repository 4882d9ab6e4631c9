import { v7 as uuidv7 } from 'uuid';
import { Body, Controller, Param, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { PlatformYearCommand } from '@ledger/domain';
import { WritePlatformYear } from '../commands/write-commands';
import { WriteDisbursement } from '../programs/program-writes';
import type { WriteResult } from '../commands/write-result';
import { answerWrite, platformIdParam, yearParam } from '../http/params';
import { writeContext, type AuthenticatedRequest, type WriteContext } from '../http/write-context';
import { WriteRoute } from '../http/write-route.decorator';
import * as B from './platform-year.dto';
import { BatchBody, validateBatch } from './batch.dto';
import { recordItem, type RoutedRecordType } from './record-routes';

type Reply = FastifyReply;

/** API.md's platform-year write routes: platform operators, county authorities, administrators. */
@ApiTags('platform years')
@Controller('v1/platforms/:platformId/years/:year')
export class PlatformYearsController {
  constructor(private readonly commands: CommandBus) {}

  @WriteRoute(
    'work-plan',
    'Submit the work plan: targets per indicator and service area',
    'platform',
  )
  workPlan(
    @Param('platformId') p: string,
    @Param('year') y: string,
    @Body() body: B.WorkPlanBody,
    @Req() r: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: Reply,
  ) {
    return this.record('SubmitWorkPlan', p, y, body, r, reply);
  }

  @WriteRoute('activities', 'Record a service activity', 'platform')
  activities(
    @Param('platformId') p: string,
    @Param('year') y: string,
    @Body() body: B.ActivityBody,
    @Req() r: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: Reply,
  ) {
    return this.record('RecordServiceActivity', p, y, body, r, reply);
  }

  @WriteRoute('services', 'Record a service delivered to one enterprise', 'platform')
  services(
    @Param('platformId') p: string,
    @Param('year') y: string,
    @Body() body: B.ServiceBody,
    @Req() r: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: Reply,
  ) {
    return this.record('RecordService', p, y, body, r, reply);
  }

  @WriteRoute('ratings', 'Record a satisfaction rating of a service record (S4-3)', 'platform')
  ratings(
    @Param('platformId') p: string,
    @Param('year') y: string,
    @Body() body: B.RatingBody,
    @Req() r: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: Reply,
  ) {
    return this.record('RateService', p, y, body, r, reply);
  }

  @WriteRoute('financing-deals', 'Record a financing deal (amount in 分)', 'platform')
  financingDeals(
    @Param('platformId') p: string,
    @Param('year') y: string,
    @Body() body: B.FinancingDealBody,
    @Req() r: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: Reply,
  ) {
    return this.record('RecordFinancingDeal', p, y, body, r, reply);
  }

  @WriteRoute('trainings', 'Record a training', 'platform')
  trainings(
    @Param('platformId') p: string,
    @Param('year') y: string,
    @Body() body: B.TrainingBody,
    @Req() r: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: Reply,
  ) {
    return this.record('RecordTraining', p, y, body, r, reply);
  }

  @WriteRoute('recruitments', 'Record a recruitment event', 'platform')
  recruitments(
    @Param('platformId') p: string,
    @Param('year') y: string,
    @Body() body: B.RecruitmentBody,
    @Req() r: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: Reply,
  ) {
    return this.record('RecordRecruitment', p, y, body, r, reply);
  }

  @WriteRoute('matchmaking-deals', 'Record a matchmaking (supply–demand) deal', 'platform')
  matchmakingDeals(
    @Param('platformId') p: string,
    @Param('year') y: string,
    @Body() body: B.MatchmakingDealBody,
    @Req() r: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: Reply,
  ) {
    return this.record('RecordMatchmakingDeal', p, y, body, r, reply);
  }

  @WriteRoute('tech-demands', 'Record a technical demand solved', 'platform')
  techDemands(
    @Param('platformId') p: string,
    @Param('year') y: string,
    @Body() body: B.TechDemandBody,
    @Req() r: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: Reply,
  ) {
    return this.record('RecordTechDemandSolved', p, y, body, r, reply);
  }

  @WriteRoute(
    'resident-enterprises',
    'Record an enterprise joining the platform (入驻)',
    'platform',
  )
  residentEnterprises(
    @Param('platformId') p: string,
    @Param('year') y: string,
    @Body() body: B.ResidentEnterpriseBody,
    @Req() r: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: Reply,
  ) {
    return this.record('RecordResidentEnterprise', p, y, body, r, reply);
  }

  @WriteRoute(
    'published-items',
    'Record a policy item or service item published (S2-3)',
    'platform',
  )
  publishedItems(
    @Param('platformId') p: string,
    @Param('year') y: string,
    @Body() body: B.PublishedItemBody,
    @Req() r: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: Reply,
  ) {
    return this.record('PublishItem', p, y, body, r, reply);
  }

  @WriteRoute(
    'batch',
    'Append many records in one atomic append (the 台账 import path)',
    'platform',
  )
  @ApiBody({ type: BatchBody })
  batch(
    @Param('platformId') p: string,
    @Param('year') y: string,
    @Req() r: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: Reply,
  ) {
    const platformId = platformIdParam(p);
    const year = yearParam(y);
    const context = writeContext(r, r.body);
    const items = validateBatch(r.body).map(({ type, data }) =>
      recordItem(type, data, context.now),
    );
    return this.send(
      reply,
      platformId,
      year,
      { type: 'RecordBatch', platformId, year, items, metadata: metadataOf(context) },
      context,
    );
  }

  @WriteRoute(
    'retractions',
    'Retract an earlier record by its id, with a reason',
    'platform',
    'admin',
  )
  retractions(
    @Param('platformId') p: string,
    @Param('year') y: string,
    @Body() body: B.RetractionBody,
    @Req() r: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: Reply,
  ) {
    const platformId = platformIdParam(p);
    const year = yearParam(y);
    const context = writeContext(r, r.body);
    const data = {
      recordId: body.recordId?.toLowerCase() ?? uuidv7(),
      retractedId: body.retractedId.toLowerCase(),
      reason: body.reason,
    };
    return this.send(
      reply,
      platformId,
      year,
      { type: 'RetractRecord', platformId, year, data, metadata: metadataOf(context) },
      context,
    );
  }

  @WriteRoute(
    'submission',
    "Submit the year's evidence: afterwards only retractions are accepted",
    'platform',
  )
  submission(
    @Param('platformId') p: string,
    @Param('year') y: string,
    @Body() body: B.SubmissionBody,
    @Req() r: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: Reply,
  ) {
    const platformId = platformIdParam(p);
    const year = yearParam(y);
    const context = writeContext(r, r.body);
    const data = { recordId: body.recordId?.toLowerCase() ?? uuidv7(), note: body.note ?? '' };
    return this.send(
      reply,
      platformId,
      year,
      { type: 'SubmitYear', platformId, year, data, metadata: metadataOf(context) },
      context,
    );
  }

  @WriteRoute(
    'district-review',
    'County review of plan or evidence: opinion, score 0..10, recommended (S1-8)',
    'district',
  )
  districtReview(
    @Param('platformId') p: string,
    @Param('year') y: string,
    @Body() body: B.DistrictReviewBody,
    @Req() r: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: Reply,
  ) {
    return this.record('ReviewByDistrict', p, y, body, r, reply);
  }

  @WriteRoute('complaints', 'File a complaint about the platform', 'admin')
  complaints(
    @Param('platformId') p: string,
    @Param('year') y: string,
    @Body() body: B.ComplaintBody,
    @Req() r: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: Reply,
  ) {
    return this.record('FileComplaint', p, y, body, r, reply);
  }

  @WriteRoute(
    'complaint-verifications',
    'Verify a complaint (S3-7 counts verified complaints)',
    'admin',
  )
  complaintVerifications(
    @Param('platformId') p: string,
    @Param('year') y: string,
    @Body() body: B.ComplaintVerificationBody,
    @Req() r: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: Reply,
  ) {
    return this.record('VerifyComplaint', p, y, body, r, reply);
  }

  @WriteRoute('penalties', 'Record an administrative or judicial penalty (S3-7)', 'admin')
  penalties(
    @Param('platformId') p: string,
    @Param('year') y: string,
    @Body() body: B.PenaltyBody,
    @Req() r: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: Reply,
  ) {
    return this.record('ImposePenalty', p, y, body, r, reply);
  }

  @WriteRoute('credit-events', 'Record a credit event: 失信被执行人, audit finding (S1-6)', 'admin')
  creditEvents(
    @Param('platformId') p: string,
    @Param('year') y: string,
    @Body() body: B.CreditEventBody,
    @Req() r: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: Reply,
  ) {
    return this.record('RecordCreditEvent', p, y, body, r, reply);
  }

  @WriteRoute('expert-scores', "Record an expert panel's scores, 5 to 7 experts (S3-5)", 'admin')
  expertScores(
    @Param('platformId') p: string,
    @Param('year') y: string,
    @Body() body: B.ExpertScoresBody,
    @Req() r: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: Reply,
  ) {
    return this.record('RecordExpertScores', p, y, body, r, reply);
  }

  @WriteRoute(
    'evaluation-conduct',
    'Record conduct at an evaluation that makes the grade D directly: no-show, 不合格 in the provincial evaluation, false evidence (S3-7)',
    'admin',
  )
  evaluationConduct(
    @Param('platformId') p: string,
    @Param('year') y: string,
    @Body() body: B.EvaluationConductBody,
    @Req() r: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: Reply,
  ) {
    return this.record('RecordEvaluationConduct', p, y, body, r, reply);
  }

  @WriteRoute(
    'disbursements',
    "Record funds paid against a program's published award, at most what remains of it (D-DISBURSEMENT)",
    'admin',
  )
  async disbursements(
    @Param('platformId') p: string,
    @Param('year') y: string,
    @Body() body: B.DisbursementBody,
    @Req() r: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: Reply,
  ): Promise<WriteResult> {
    const platformId = platformIdParam(p);
    const year = yearParam(y);
    const context = writeContext(r, r.body);
    const request = {
      recordId: body.recordId?.toLowerCase() ?? uuidv7(),
      occurredAt: body.occurredAt,
      programId: body.programId,
      amountFen: body.amountFen,
      reference: body.reference,
    };
    return answerWrite(
      reply,
      await this.commands.execute(new WriteDisbursement(platformId, year, request, context)),
    );
  }

  @WriteRoute('meetings-missed', 'Record a missed network meeting or assigned task (S0-7)', 'admin')
  meetingsMissed(
    @Param('platformId') p: string,
    @Param('year') y: string,
    @Body() body: B.MeetingMissedBody,
    @Req() r: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: Reply,
  ) {
    return this.record('RecordMeetingMissed', p, y, body, r, reply);
  }

  private record(
    type: RoutedRecordType,
    p: string,
    y: string,
    body: object,
    request: AuthenticatedRequest,
    reply: Reply,
  ): Promise<WriteResult> {
    const platformId = platformIdParam(p);
    const year = yearParam(y);
    const context = writeContext(request, request.body);
    const item = recordItem(type, request.body as object, context.now);
    const command = {
      ...item,
      platformId,
      year,
      metadata: metadataOf(context),
    } as PlatformYearCommand;
    return this.send(reply, platformId, year, command, context);
  }

  private async send(
    reply: Reply,
    platformId: string,
    year: number,
    command: PlatformYearCommand,
    context: WriteContext,
  ): Promise<WriteResult> {
    return answerWrite(
      reply,
      await this.commands.execute(new WritePlatformYear(platformId, year, command, context)),
    );
  }
}

export function metadataOf(context: WriteContext): PlatformYearCommand['metadata'] {
  const role = context.actor.role;
  return {
    now: context.now,
    actor: {
      subject: context.actor.subject,
      role:
        role === 'platform' || role === 'district' || role === 'admin' || role === 'auditor'
          ? role
          : 'system',
    },
  };
}
