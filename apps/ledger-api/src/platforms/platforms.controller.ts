import { Body, Controller, Get, Param, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { instanceToPlain } from 'class-transformer';
import { v7 as uuidv7 } from 'uuid';
import type { PlatformCommand, PlatformFiled } from '@ledger/domain';
import { Access } from '../auth/access.decorator';
import { WritePlatform } from '../commands/write-commands';
import type { WriteResult } from '../commands/write-result';
import { answerWrite, platformIdParam, yearParam } from '../http/params';
import { writeContext, type AuthenticatedRequest } from '../http/write-context';
import { WriteRoute } from '../http/write-route.decorator';
import { metadataOf } from '../platform-years/platform-years.controller';
import {
  GetPlatform,
  GetPlatformYear,
  type PlatformView,
  type PlatformYearView,
} from './platform.queries';
import * as B from './platform.dto';

type Reply = FastifyReply;

/** A validated body as plain JSON (class instances would keep undefined fields and prototypes). */
function plain(body: object): Record<string, unknown> {
  return instanceToPlain(body, { exposeUnsetFields: false });
}
type Data<T extends PlatformCommand['type']> = Extract<PlatformCommand, { type: T }>['data'];

/** API.md's administrator routes on platforms (备案, certification, revocation, profile). */
@ApiTags('platforms')
@Controller('v1/platforms')
export class PlatformsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @WriteRoute('', 'File (备案) a platform', 'admin')
  file(
    @Body() body: B.FilePlatformBody,
    @Req() r: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: Reply,
  ) {
    const data = { ...plain(body), level: body.level ?? null } as PlatformFiled['data'];
    return this.write(data.platformId, 'FilePlatform', data, r, reply);
  }

  @WriteRoute(
    ':platformId/certifications',
    'Record a demonstration certification with its validity',
    'admin',
  )
  certify(
    @Param('platformId') p: string,
    @Body() body: B.CertificationBody,
    @Req() r: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: Reply,
  ) {
    const data = {
      ...plain(body),
      certificationId: body.certificationId ?? uuidv7(),
    } as Data<'CertifyPlatform'>;
    return this.write(p, 'CertifyPlatform', data, r, reply);
  }

  @WriteRoute(
    ':platformId/re-reviews',
    'Record the three-yearly re-review; a failed one revokes (S4-4)',
    'admin',
  )
  reReview(
    @Param('platformId') p: string,
    @Body() body: B.ReReviewBody,
    @Req() r: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: Reply,
  ) {
    return this.write(
      p,
      'ReReviewPlatform',
      { ...plain(body), validUntil: body.validUntil ?? null } as Data<'ReReviewPlatform'>,
      r,
      reply,
    );
  }

  @WriteRoute(':platformId/revocations', 'Revoke a platform (撤消)', 'admin')
  revoke(
    @Param('platformId') p: string,
    @Body() body: B.RevocationBody,
    @Req() r: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: Reply,
  ) {
    return this.write(
      p,
      'RevokePlatform',
      { ...plain(body), ruleId: body.ruleId ?? null } as Data<'RevokePlatform'>,
      r,
      reply,
    );
  }

  @WriteRoute(
    ':platformId/profile',
    "Record the operator's profile: assets, staff roster, site area, institutions (S4-1)",
    'admin',
  )
  profile(
    @Param('platformId') p: string,
    @Body() body: B.ProfileBody,
    @Req() r: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: Reply,
  ) {
    // An omitted or null `key` is not stored: events recorded before the flag existed lack it too.
    const institutions = body.institutions.map(({ uscc, name, key }) =>
      key === undefined || key === null ? { uscc, name } : { uscc, name, key },
    );
    return this.write(
      p,
      'UpdateOperatorProfile',
      { ...plain(body), institutions } as unknown as Data<'UpdateOperatorProfile'>,
      r,
      reply,
    );
  }

  @WriteRoute(
    ':platformId/construction-completion',
    'Record that a platform filed under construction (建设期) finished building (S2-1)',
    'admin',
  )
  completeConstruction(
    @Param('platformId') p: string,
    @Body() body: B.ConstructionCompletionBody,
    @Req() r: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: Reply,
  ) {
    return this.write(
      p,
      'CompletePlatformConstruction',
      { completedAt: body.completedAt },
      r,
      reply,
    );
  }

  @WriteRoute(
    ':platformId/window-link',
    'Link a demonstration platform to the window platform it also runs (S0-4)',
    'admin',
  )
  windowLink(
    @Param('platformId') p: string,
    @Body() body: B.WindowLinkBody,
    @Req() r: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: Reply,
  ) {
    return this.write(
      p,
      'LinkWindowPlatform',
      { windowPlatformId: body.windowPlatformId },
      r,
      reply,
    );
  }

  @Get(':platformId')
  @Access('platform', 'district', 'admin', 'auditor')
  @ApiBearerAuth()
  @ApiOperation({
    summary: "A platform's filing, certification, profile and status, with its stream revision",
  })
  @ApiOkResponse({ description: 'the platform' })
  async get(
    @Param('platformId') p: string,
    @Res({ passthrough: true }) reply: Reply,
  ): Promise<PlatformView> {
    const view = await this.queries.execute(new GetPlatform(platformIdParam(p)));
    void reply.header('ETag', `"${String(view.revision)}"`);
    return view;
  }

  @Get(':platformId/years/:year')
  @Access('platform', 'district', 'admin', 'auditor')
  @ApiBearerAuth()
  @ApiOperation({
    summary: "A platform-year's stream revision, submission and record counts by type",
  })
  async getYear(
    @Param('platformId') p: string,
    @Param('year') y: string,
    @Res({ passthrough: true }) reply: Reply,
  ): Promise<PlatformYearView> {
    const view = await this.queries.execute(new GetPlatformYear(platformIdParam(p), yearParam(y)));
    void reply.header('ETag', `"${String(view.revision)}"`);
    return view;
  }

  private async write<T extends PlatformCommand['type']>(
    p: string,
    type: T,
    data: Data<T>,
    request: AuthenticatedRequest,
    reply: Reply,
  ): Promise<WriteResult> {
    const platformId = platformIdParam(p);
    const context = writeContext(request, request.body);
    const command = {
      type,
      data: plain(data),
      metadata: metadataOf(context),
    } as PlatformCommand;
    return answerWrite(
      reply,
      await this.commands.execute(new WritePlatform(platformId, command, context)),
    );
  }
}
