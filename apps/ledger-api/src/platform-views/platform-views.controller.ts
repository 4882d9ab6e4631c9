import { Controller, Get, Inject, Param } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { fundingLedger } from '@ledger/projections/funding-ledger/funding-ledger.projection';
import type { FundingLedgerView } from '@ledger/projections/funding-ledger/funding-ledger.view';
import type { PlatformYearMetrics } from '@ledger/projections/platform-year-metrics/metrics.view';
import {
  READ_MODELS,
  platformKey,
  platformYearKey,
  type ReadModelReader,
} from '@ledger/read-models';
import { Access } from '../auth/access.decorator';
import { ApiError } from '../http/api-error';
import { platformIdParam, yearParam } from '../http/params';
import { READ_MODEL_READER } from '../read-models/read-model-reader.token';

/**
 * Projected views of one platform, read through the ReadModelReader. Platform tokens read their
 * own platform and district tokens their district's (the auth guard checks `:platformId`);
 * administrators and auditors read all.
 */
@ApiTags('platform views')
@Controller('v1/platforms/:platformId')
export class PlatformViewsController {
  constructor(@Inject(READ_MODEL_READER) private readonly reader: ReadModelReader) {}

  @Get('years/:year/metrics')
  @Access('platform', 'district', 'admin', 'auditor')
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      "The year's projected metrics: per service area and function, ratings, targets and completion, excluded records (roles: platform, district, admin, auditor)",
  })
  @ApiOkResponse({ description: 'the platform-year metrics view' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: nothing projected for this platform and year' })
  metrics(@Param('platformId') p: string, @Param('year') y: string): Promise<PlatformYearMetrics> {
    const platformId = platformIdParam(p);
    const year = yearParam(y);
    return this.view<PlatformYearMetrics>(
      READ_MODELS.platformYearMetrics,
      platformYearKey(platformId, year),
      `no metrics for platform ${platformId} in ${String(year)}`,
    );
  }

  @Get('eligibility')
  @Access('platform', 'district', 'admin', 'auditor')
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      'Per year: eligible for support or not, and why (rule ids) (roles: platform, district, admin, auditor)',
  })
  @ApiOkResponse({ description: 'the eligibility view' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: nothing projected for this platform' })
  eligibility(@Param('platformId') p: string): Promise<unknown> {
    const platformId = platformIdParam(p);
    return this.view<unknown>(
      READ_MODELS.eligibility,
      platformKey(platformId),
      `no eligibility view for platform ${platformId}`,
    );
  }

  @Get('funding')
  @Access('platform', 'district', 'admin', 'auditor')
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      'The funding ledger per year: awarded, disbursed, clawed back, repaid, outstanding (roles: platform, district, admin, auditor)',
  })
  @ApiOkResponse({ description: 'the funding-ledger view' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: no such platform' })
  async funding(@Param('platformId') p: string): Promise<FundingLedgerView> {
    const platformId = platformIdParam(p);
    const [ledger, platform] = await this.reader.snapshot((snapshot) =>
      Promise.all([
        snapshot.view<FundingLedgerView>(READ_MODELS.fundingLedger, platformKey(platformId)),
        snapshot.view<unknown>(READ_MODELS.platforms, platformKey(platformId)),
      ]),
    );
    if (ledger !== null) return ledger;
    if (platform === null) throw new ApiError(404, 'NOT_FOUND', `no platform ${platformId}`);
    // A filed platform never awarded has an empty ledger, not a missing one.
    return fundingLedger.view(fundingLedger.initialDoc(platformId), platformId);
  }

  private async view<V>(model: string, key: string, missing: string): Promise<V> {
    const view = await this.reader.snapshot((snapshot) => snapshot.view<V>(model, key));
    if (view === null) throw new ApiError(404, 'NOT_FOUND', missing);
    return view;
  }
}
