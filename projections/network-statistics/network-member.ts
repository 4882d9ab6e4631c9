import type { PlatformYearMetrics } from '@ledger/projections/platform-year-metrics/metrics.view';
import type { PlatformView } from '@ledger/projections/platforms/platform.view';
import { isByYearEnd } from './calendar';

/**
 * One platform as the network statistics read it: its registry view, the evaluated year's metrics
 * (null when it reported nothing) and earlier years' metrics. Structurally a policy pack's
 * PlatformEvaluationInput, so a pack hands its inputs over unchanged.
 */
export interface NetworkMember {
  readonly platform: PlatformView;
  readonly metrics: PlatformYearMetrics | null;
  readonly previousYears: readonly PlatformYearMetrics[];
}

/**
 * How a stock the bulletins report "截止年底" (入驻企业, 服务项目) is read from yearly records:
 * `cumulative` adds the evaluated year to every earlier year supplied; `year` counts the evaluated
 * year only. The documents do not say; see each pack's parameter.
 */
export type StockBasis = 'cumulative' | 'year';

/** In the network at the end of the year: filed by then and not revoked by then. */
export function isInNetworkAtYearEnd(platform: PlatformView, year: number): boolean {
  const revoked = platform.revokedAt !== null && isByYearEnd(platform.revokedAt, year);
  return isByYearEnd(platform.filedAt, year) && !revoked;
}

/**
 * Still in its 建设期 at the end of the year (S0-3, S2-1): a completion date decides when there is
 * one; otherwise the registry's flag (a platform filed complete was never under construction).
 */
export function isUnderConstructionAtYearEnd(platform: PlatformView, year: number): boolean {
  if (platform.constructionCompletedAt !== null)
    return !isByYearEnd(platform.constructionCompletedAt, year);
  return platform.underConstruction;
}

/** Resident enterprises (入驻企业): joins in the year, or through its end (see StockBasis). */
export function residentEnterprisesOf(
  member: NetworkMember,
  year: number,
  basis: StockBasis,
): number {
  return stockOf(member, year, basis, (metrics) => metrics.calendarYear.residentEnterprises);
}

/** Service items (服务项目) published: in the year, or through its end (see StockBasis). */
export function serviceItemsOf(member: NetworkMember, year: number, basis: StockBasis): number {
  return stockOf(member, year, basis, (metrics) => metrics.calendarYear.serviceItemsPublished);
}

function stockOf(
  member: NetworkMember,
  year: number,
  basis: StockBasis,
  read: (metrics: PlatformYearMetrics) => number,
): number {
  const thisYear = member.metrics === null ? 0 : read(member.metrics);
  if (basis === 'year') return thisYear;
  // Only strictly earlier years: a caller that also lists the evaluated year is not counted twice.
  return member.previousYears
    .filter((metrics) => metrics.year < year)
    .reduce((sum, metrics) => sum + read(metrics), thisYear);
}
