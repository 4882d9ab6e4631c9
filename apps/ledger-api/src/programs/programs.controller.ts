import { Body, Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { Command, CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { v5 as uuidv5, v7 as uuidv7 } from 'uuid';
import { Access } from '../auth/access.decorator';
import type { WriteResult } from '../commands/write-result';
import { validationFailed } from '../http/api-error';
import { answerWrite, programIdParam } from '../http/params';
import { writeContext, type AuthenticatedRequest, type WriteContext } from '../http/write-context';
import { WriteRoute } from '../http/write-route.decorator';
import * as B from './program.dto';
import { GetProgram, GetProgramResults, type ProgramView } from './program.queries';
import {
  WriteEnrolment,
  WriteEvaluation,
  WriteProgramOpening,
  WritePublication,
} from './program-writes';
import { resultCsv, type ResultTable } from './result-table';
import { resultXlsx } from './result-xlsx';

type Reply = FastifyReply;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FORMATS = ['json', 'csv', 'xlsx'] as const;
type Format = (typeof FORMATS)[number];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** API.md's evaluation programs: open, enrol, evaluate, publish, and the result table. */
@ApiTags('programs')
@Controller('v1/programs')
export class ProgramsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @WriteRoute(
    '',
    "Open an evaluation program: a policy pack, its version and year, the pack's parameters",
    'admin',
  )
  async open(
    @Body() body: B.OpenProgramBody,
    @Req() r: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: Reply,
  ): Promise<WriteResult> {
    return this.write(r, reply, (context) => {
      const request = {
        programId: body.programId ?? generatedProgramId(context),
        title: body.title,
        packId: body.packId,
        packVersion: body.packVersion ?? null,
        year: body.year,
        parameters: body.parameters ?? {},
      };
      return new WriteProgramOpening(request, context);
    });
  }

  @WriteRoute(
    ':programId/enrolments',
    'Enrol filed platforms; repeats and platforms already enrolled are skipped',
    'admin',
  )
  async enrol(
    @Param('programId') p: string,
    @Body() body: B.EnrolmentBody,
    @Req() r: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: Reply,
  ): Promise<WriteResult> {
    const programId = programIdParam(p);
    return this.write(
      r,
      reply,
      (context) => new WriteEnrolment(programId, body.platformIds, context),
    );
  }

  @WriteRoute(
    ':programId/evaluations',
    "Evaluate the enrolled platforms with the program's pack, recording the read models' global " +
      'position; with publish=true also publish the results. eventIds[0] is the evaluation id',
    'admin',
  )
  async evaluate(
    @Param('programId') p: string,
    @Body() body: B.EvaluationBody,
    @Req() r: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: Reply,
  ): Promise<WriteResult> {
    const programId = programIdParam(p);
    const publish = body.publish ?? false;
    return this.write(r, reply, (context) => new WriteEvaluation(programId, publish, context));
  }

  @WriteRoute(
    ':programId/publication',
    'Publish one recorded evaluation as the awards (once per program)',
    'admin',
  )
  async publish(
    @Param('programId') p: string,
    @Body() body: B.PublicationBody,
    @Req() r: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: Reply,
  ): Promise<WriteResult> {
    const programId = programIdParam(p);
    const evaluationId = body.evaluationId.toLowerCase();
    return this.write(
      r,
      reply,
      (context) => new WritePublication(programId, evaluationId, context),
    );
  }

  @Get(':programId')
  @Access('admin', 'auditor')
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      'A program: pack, year, parameters, enrolled platforms, evaluations and the published one (roles: admin, auditor)',
  })
  @ApiOkResponse({ description: 'the program, with its stream revision (also as ETag)' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: no such program' })
  async get(
    @Param('programId') p: string,
    @Res({ passthrough: true }) reply: Reply,
  ): Promise<ProgramView> {
    const view = await this.queries.execute(new GetProgram(programIdParam(p)));
    void reply.header('ETag', `"${String(view.revision)}"`);
    return view;
  }

  @Get(':programId/results')
  @Access('admin', 'auditor')
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      'The result table (序号, 平台名称, 等次, 得分, 档次, 补助金额（元）) of the published evaluation, ' +
      'else the latest; JSON carries each line’s rule applications (roles: admin, auditor)',
  })
  @ApiQuery({ name: 'evaluationId', required: false, description: 'another recorded evaluation' })
  @ApiQuery({ name: 'format', required: false, enum: FORMATS, description: 'default json' })
  @ApiProduces('application/json', 'text/csv', XLSX)
  @ApiOkResponse({ description: 'the table; CSV in UTF-8 with a BOM; XLSX as a workbook' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: no such program or evaluation' })
  async results(
    @Param('programId') p: string,
    @Query('evaluationId') evaluationId: unknown,
    @Query('format') format: unknown,
    @Res({ passthrough: true }) reply: Reply,
  ): Promise<ResultTable | string | Buffer> {
    const programId = programIdParam(p);
    const wanted = formatParam(format);
    const table = await this.queries.execute(
      new GetProgramResults(programId, evaluationIdParam(evaluationId)),
    );
    if (wanted === 'json') return table;
    // Program ids (letters, digits, hyphens) and UUIDs need no quoting in a file name.
    const name = `program-${table.programId}-${table.evaluationId}-results.${wanted}`;
    void reply.header('Content-Disposition', `attachment; filename="${name}"`);
    if (wanted === 'csv') {
      void reply.header('Content-Type', 'text/csv; charset=utf-8');
      return resultCsv(table);
    }
    void reply.header('Content-Type', XLSX);
    return resultXlsx(table);
  }

  /** One program write: the request's write context (actor, Idempotency-Key), the bus, the answer's headers. */
  private async write(
    r: AuthenticatedRequest,
    reply: Reply,
    command: (context: WriteContext) => Command<WriteResult>,
  ): Promise<WriteResult> {
    const context = writeContext(r, r.body);
    return answerWrite(reply, await this.commands.execute(command(context)));
  }
}

/** Names the ids generated for retried openings (an arbitrary, fixed UUID). */
const GENERATED_PROGRAM_IDS = '5d0c7a5e-3f4b-4f0e-9a43-6a1f2d8c9b17';

/**
 * A program id the client left to the ledger. Idempotency-Key answers are kept per stream, so a
 * retry must reach the same stream: with a key, the id is derived from the caller and the key.
 */
function generatedProgramId(context: WriteContext): string {
  return context.idempotency === undefined
    ? uuidv7()
    : uuidv5(`${context.actor.subject}\n${context.idempotency.key}`, GENERATED_PROGRAM_IDS);
}

function formatParam(value: unknown): Format {
  if (value === undefined) return 'json';
  const format = FORMATS.find((known) => known === value);
  if (format === undefined)
    throw validationFailed('format', `must be one of ${FORMATS.join(', ')}`);
  return format;
}

function evaluationIdParam(value: unknown): string | null {
  if (value === undefined) return null;
  if (typeof value !== 'string' || !UUID.test(value)) {
    throw validationFailed('evaluationId', 'must be a UUID');
  }
  return value.toLowerCase();
}
