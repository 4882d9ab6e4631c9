import { Controller, Get, HttpCode, Inject, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  explain,
  explainAsOf,
  LiveMetricsDocs,
  programsEnrolling,
  replayPlatformYear,
  type Explanation,
  type PlatformYearReplay,
} from '@ledger/audit';
import { platformYearStream, programStream } from '@ledger/domain';
import type { AnchorRecord, EventStore, RecordedEvent, VerifyReport } from '@ledger/event-store';
import type { EligibilityView, FundingLedgerView } from '@ledger/projections/index';
import { READ_MODELS, type ReadModelReader } from '@ledger/read-models';
import { Access } from '../auth/access.decorator';
import { ApiError, validationFailed } from '../http/api-error';
import { platformIdParam, yearParam } from '../http/params';
import { actorOf, type AuthenticatedRequest } from '../http/write-context';
import { READ_MODEL_READER } from '../read-models/read-model-reader.token';
import { EVENT_STORE } from '../store/event-store.module';
import { apiErrorOf } from './what-if/audit-error.mapping';
import { countParam, cutOf } from './audit-queries';

const STREAM = /^[A-Za-z0-9_.:-]{1,200}$/;
const MAX_PAGE = 1_000;

/** API.md "Auditors": raw history, replay, explain, verify and anchors. Read-only but the anchor. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('v1/audit')
export class AuditController {
  private readonly liveDocs: LiveMetricsDocs;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_READER) private readonly reader: ReadModelReader,
  ) {
    this.liveDocs = new LiveMetricsDocs(store);
  }

  @Get('streams/:stream/events')
  @Access('admin', 'auditor')
  @ApiOperation({ summary: 'The raw history of a stream, with hashes (roles: admin, auditor)' })
  @ApiQuery({ name: 'fromRevision', required: false })
  @ApiQuery({ name: 'limit', required: false, description: `1..${String(MAX_PAGE)}, default 100` })
  async streamEvents(
    @Param('stream') stream: string,
    @Query('fromRevision') from: unknown,
    @Query('limit') limit: unknown,
  ): Promise<{ stream: string; events: RecordedEvent[]; nextRevision: number | null }> {
    if (!STREAM.test(stream)) throw validationFailed('stream', 'not a stream name');
    const fromRevision = countParam('fromRevision', from, 0);
    const maxCount = countParam('limit', limit, 100, MAX_PAGE);
    const events: RecordedEvent[] = [];
    for await (const event of this.store.readStream(stream, {
      fromRevision,
      maxCount: maxCount + 1,
    })) {
      events.push(event);
    }
    const more = events.length > maxCount;
    const page = events.slice(0, maxCount);
    return { stream, events: page, nextRevision: more ? fromRevision + maxCount : null };
  }

  @Get('platforms/:platformId/years/:year/replay')
  @Access('admin', 'auditor')
  @ApiOperation({
    summary:
      "A platform-year's projected metrics, eligibility, funding and program results as of a global position, a revision of its stream, or a time on the recorded or occurred clock; with the events that built it, paged (roles: admin, auditor)",
  })
  @ApiQuery({
    name: 'asOf',
    required: false,
    description: 'ISO 8601 instant or date (Beijing midnight)',
  })
  @ApiQuery({ name: 'clock', required: false, enum: ['recorded', 'occurred'] })
  @ApiQuery({ name: 'position', required: false })
  @ApiQuery({ name: 'revision', required: false, description: "of the platform-year's stream" })
  @ApiQuery({ name: 'offset', required: false })
  @ApiQuery({ name: 'limit', required: false })
  @ApiQuery({
    name: 'verify',
    required: false,
    description: "true: verify the stream's hash chain",
  })
  async replay(
    @Param('platformId') p: string,
    @Param('year') y: string,
    @Query() query: Record<string, unknown>,
  ): Promise<PlatformYearReplay> {
    const platformId = platformIdParam(p);
    const year = yearParam(y);
    const cut = cutOf({ ...query, stream: platformYearStream(platformId, year) });
    const page = {
      offset: countParam('offset', query.offset, 0),
      limit: countParam('limit', query.limit, 100, MAX_PAGE),
    };
    const verify = query.verify === 'true';
    return this.audited(() =>
      replayPlatformYear(this.store, platformId, year, cut, page, { verify }),
    );
  }

  @Get('platforms/:platformId/years/:year/explain')
  @Access('admin', 'auditor')
  @ApiOperation({
    summary:
      'Rule ids and contributing event ids for one metric (e.g. calendarYear.enterprisesServed, implementationPeriod.byArea.financing.financingFen, ratings, targets, excluded), a program result (grade, tier, amount, score, rank), eligibility or funding; now, or as of the replay cuts (roles: admin, auditor)',
  })
  @ApiQuery({ name: 'metric', required: true })
  @ApiQuery({ name: 'limit', required: false, description: 'event ids listed, default 1000' })
  async explain(
    @Param('platformId') p: string,
    @Param('year') y: string,
    @Query() query: Record<string, unknown>,
  ): Promise<Explanation & { readonly position: number }> {
    const platformId = platformIdParam(p);
    const year = yearParam(y);
    const metric = query.metric;
    if (typeof metric !== 'string' || metric.length === 0 || metric.length > 200) {
      throw validationFailed('metric', 'name one metric');
    }
    const limit = countParam('limit', query.limit, 1_000, 100_000);
    const cut = cutOf({ ...query, stream: platformYearStream(platformId, year) });
    if (cut.kind !== 'now') {
      return this.audited(() => explainAsOf(this.store, platformId, year, cut, metric, limit));
    }
    return this.audited(() => this.explainNow(platformId, year, metric, limit));
  }

  @Get('verify')
  @Access('admin', 'auditor')
  @ApiOperation({
    summary:
      'Hash-chain and anchor verification of one stream or all: ok, or the first broken event (roles: admin, auditor)',
  })
  @ApiQuery({ name: 'stream', required: false })
  verify(@Query('stream') stream: unknown): Promise<VerifyReport> {
    if (stream === undefined) return this.store.verify();
    if (typeof stream !== 'string' || !STREAM.test(stream)) {
      throw validationFailed('stream', 'not a stream name');
    }
    return this.store.verify({ stream });
  }

  @Get('anchors')
  @Access('admin', 'auditor')
  @ApiOperation({
    summary: 'Published Merkle roots with their global positions (roles: admin, auditor)',
  })
  async anchors(): Promise<{ anchors: AnchorRecord[] }> {
    return { anchors: await this.store.anchors() };
  }

  @Post('anchors')
  @HttpCode(201)
  @Access('admin')
  @ApiOperation({ summary: 'Append a Merkle anchor over all stream heads now (roles: admin)' })
  anchor(@Req() request: AuthenticatedRequest): Promise<AnchorRecord> {
    if (request.principal === undefined) throw new ApiError(401, 'UNAUTHENTICATED', 'no token');
    return this.store.anchor(actorOf(request.principal));
  }

  /** The current state: the metrics document folded from the stream, the rest from the read models. */
  private async explainNow(
    platformId: string,
    year: number,
    metric: string,
    limit: number,
  ): Promise<Explanation & { readonly position: number }> {
    const live = await this.liveDocs.current(platformId, year);
    const { eligibility, funding, position } = await this.reader.snapshot(async (snapshot) => ({
      eligibility: await snapshot.view<EligibilityView>(READ_MODELS.eligibility, platformId),
      funding: await snapshot.view<FundingLedgerView>(READ_MODELS.fundingLedger, platformId),
      position: snapshot.position,
    }));
    const programEvents = await this.programEvents(metric, platformId);
    const explanation = explain(
      {
        platformId,
        year,
        metricsDoc: live?.doc ?? null,
        metrics: live?.view ?? null,
        programEvents,
        eligibility,
        funding,
      },
      metric,
      limit,
    );
    return { ...explanation, position };
  }

  /** Program events matter only to result metrics: read the enrolling programs' streams then. */
  private async programEvents(metric: string, platformId: string): Promise<RecordedEvent[]> {
    if (!['grade', 'tier', 'amount', 'score', 'rank'].includes(metric)) return [];
    const events: RecordedEvent[] = [];
    for (const programId of await programsEnrolling(this.store, [platformId])) {
      for await (const event of this.store.readStream(programStream(programId))) events.push(event);
    }
    return events.sort((a, b) => a.position - b.position);
  }

  private async audited<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw apiErrorOf(error);
    }
  }
}
