import { eligibility } from './eligibility/eligibility.projection';
import { fraudDecisions } from './fraud-decisions/fraud-decisions.projection';
import { fraudSignals } from './fraud-signals/fraud-signals.projection';
import { fundingLedger } from './funding-ledger/funding-ledger.projection';
import { platformYearMetrics } from './platform-year-metrics/platform-year-metrics.projection';
import { platforms } from './platforms/platforms.projection';
import type { Projection } from './shared/projection';

/**
 * The keyed folds the projector runs. The audit folds in memory those it answers from (libs/audit:
 * replay and explain the metrics, eligibility, funding and decisions; what-if the registry and
 * metrics). Network statistics are computed from their views, not folded from the log. Each
 * document and view is JSON.
 */
export const ALL_PROJECTIONS: readonly Projection<unknown, unknown>[] = [
  platforms,
  platformYearMetrics,
  eligibility,
  fundingLedger,
  fraudSignals,
  fraudDecisions,
];

export { platforms, PLATFORMS } from './platforms/platforms.projection';
export type { PlatformView } from './platforms/platform.view';
export {
  platformYearMetrics,
  platformYearMetricsProjection,
  platformYearKey,
  parsePlatformYearKey,
  PLATFORM_YEAR_METRICS,
} from './platform-year-metrics/platform-year-metrics.projection';
export { DEFAULT_S1_CALENDAR, type S1Calendar } from './platform-year-metrics/metrics.calendar';
export { FUNCTION_AREAS, METRIC_INDICATORS } from './platform-year-metrics/metrics.indicators';
export type { PlatformYearMetrics } from './platform-year-metrics/metrics.view';
export { eligibility, ELIGIBILITY } from './eligibility/eligibility.projection';
export { eligibilityFor } from './eligibility/eligibility-for';
export type { EligibilityView, YearEligibility } from './eligibility/eligibility.view';
export { fundingLedger, FUNDING_LEDGER } from './funding-ledger/funding-ledger.projection';
export type { FundingLedgerView } from './funding-ledger/funding-ledger.view';
export {
  fraudDecisions,
  FRAUD_DECISIONS,
  type FraudDecision,
  type FraudDecisionsView,
} from './fraud-decisions/fraud-decisions.projection';
export { foldEvents, viewsOf, type ProjectedEvent, type Projection } from './shared/projection';
