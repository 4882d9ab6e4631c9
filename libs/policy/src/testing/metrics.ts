import type { PlatformYearMetrics } from '@ledger/projections/platform-year-metrics/metrics.view';
import { materials, yearMetrics, type YearMetricsOverrides } from '@ledger/projections/testing';

export type MetricsOverrides = Omit<YearMetricsOverrides, 'platformId'>;

/** A platform's metrics for 2025, the year evaluationContext defaults to; overrides as yearMetrics. */
export function metrics(platformId: string, overrides: MetricsOverrides = {}): PlatformYearMetrics {
  return yearMetrics({ year: 2025, ...overrides, platformId });
}

/** The four S0-6 uploads (场地面积, 标识标牌, 工作人员数量, 工作总结), once each. */
export function requiredMaterials(): PlatformYearMetrics['materials'] {
  return materials({ site_area: 1, signage: 1, staff_count: 1, work_summary: 1 });
}
