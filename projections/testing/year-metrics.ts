import { MATERIAL_KINDS, SERVICE_AREAS, type MaterialKind, type ServiceArea } from '@ledger/domain';
import { PLATFORM_FUNCTIONS } from '@ledger/projections/platform-year-metrics/metrics.indicators';
import type {
  AreaTally,
  DistrictReviewView,
  FunctionTally,
  MetricTally,
  PlatformFunction,
  PlatformYearMetrics,
  RatingTally,
  TargetProgress,
} from '@ledger/projections/platform-year-metrics/metrics.view';

/**
 * Spec builders for the platform-year metrics view (projections/platform-year-metrics): every
 * count zero, every list empty, every rate null, so a spec states only the figures its rule reads.
 * Overrides are partial at every level (a tally, one area, one function, the ratings), so
 * `yearMetrics({ calendarYear: { byFunction: { training: { trainingSessions: 10 } } } })` is the
 * whole setup for one bar.
 */

export function areaTally(overrides: Partial<AreaTally> = {}): AreaTally {
  return {
    activities: 0,
    activitiesOffline: 0,
    activitiesOnline: 0,
    activityPersonTimes: 0,
    services: 0,
    enterprisesServed: 0,
    enterprisesServedOffline: 0,
    enterprisesServedOnline: 0,
    trainings: 0,
    trainingSessions: 0,
    trainees: 0,
    ...overrides,
  };
}

export function functionTally(overrides: Partial<FunctionTally> = {}): FunctionTally {
  return {
    activities: 0,
    enterprisesServedOffline: 0,
    personTimes: 0,
    trainingSessions: 0,
    trainees: 0,
    financingDeals: 0,
    financingFen: 0,
    ...overrides,
  };
}

export function ratingTally(overrides: Partial<RatingTally> = {}): RatingTally {
  return {
    verySatisfied: 0,
    satisfied: 0,
    dissatisfied: 0,
    rated: 0,
    ratingEnterprises: 0,
    bySource: { enterprise: 0, platform: 0, district_check: 0 },
    satisfactionRate: null,
    ...overrides,
  };
}

/** Ratings by kind with the rate and counts derived as the projection defines them (S4-3). */
export function ratings(
  verySatisfied: number,
  satisfied: number,
  dissatisfied: number,
  overrides: Partial<RatingTally> = {},
): RatingTally {
  const rated = verySatisfied + satisfied + dissatisfied;
  return ratingTally({
    verySatisfied,
    satisfied,
    dissatisfied,
    rated,
    ratingEnterprises: rated,
    bySource: { enterprise: rated, platform: 0, district_check: 0 },
    satisfactionRate: rated === 0 ? null : (verySatisfied + satisfied) / rated,
    ...overrides,
  });
}

export interface MetricTallyOverrides extends Partial<
  Omit<MetricTally, 'byArea' | 'byFunction' | 'ratings'>
> {
  readonly byArea?: Partial<Record<ServiceArea, Partial<AreaTally>>>;
  readonly byFunction?: Partial<Record<PlatformFunction, Partial<FunctionTally>>>;
  readonly ratings?: Partial<RatingTally>;
}

export function metricTally(overrides: MetricTallyOverrides = {}): MetricTally {
  const { byArea = {}, byFunction = {}, ratings: rated = {}, ...totals } = overrides;
  return {
    ...areaTally(),
    byArea: Object.fromEntries(
      SERVICE_AREAS.map((area) => [area, areaTally(byArea[area])]),
    ) as Record<ServiceArea, AreaTally>,
    byFunction: Object.fromEntries(
      PLATFORM_FUNCTIONS.map((fn) => [fn, functionTally(byFunction[fn])]),
    ) as Record<PlatformFunction, FunctionTally>,
    servicesPublicInterest: 0,
    publicInterestShare: null,
    financingDeals: 0,
    financingFen: 0,
    recruitments: 0,
    recruitmentPositions: 0,
    hires: 0,
    matchmakingDeals: 0,
    matchmakingFen: 0,
    techDemandsSolved: 0,
    residentEnterprises: 0,
    policyItemsPublished: 0,
    serviceItemsPublished: 0,
    demandItemsPublished: 0,
    institutionsDelivering: 0,
    ratings: ratingTally(rated),
    ...totals,
  };
}

/** Upload counts per material kind: the given ones, every other kind 0. */
export function materials(
  present: Partial<Record<MaterialKind, number>> = {},
): Record<MaterialKind, number> {
  return Object.fromEntries(MATERIAL_KINDS.map((kind) => [kind, present[kind] ?? 0])) as Record<
    MaterialKind,
    number
  >;
}

export interface YearMetricsOverrides extends Partial<
  Omit<PlatformYearMetrics, 'calendarYear' | 'implementationPeriod'>
> {
  readonly calendarYear?: MetricTallyOverrides;
  readonly implementationPeriod?: MetricTallyOverrides;
}

/** platform-1's 2020 unless overridden. */
export function yearMetrics(overrides: YearMetricsOverrides = {}): PlatformYearMetrics {
  const { calendarYear, implementationPeriod, ...rest } = overrides;
  return {
    platformId: 'platform-1',
    year: 2020,
    calendarYear: metricTally(calendarYear),
    implementationPeriod: metricTally(implementationPeriod),
    targets: [],
    excluded: [],
    materials: materials(),
    submittedAt: null,
    districtReviews: { plan: null, evidence: null },
    complaintsFiled: 0,
    complaintsUpheld: 0,
    penalties: [],
    creditEvents: [],
    expertScores: {},
    evaluationConduct: [],
    fraudConfirmed: [],
    disqualifications: [],
    meetingsMissed: 0,
    tasksMissed: 0,
    eventCount: 0,
    lastPosition: 0,
    ...rest,
  };
}

/**
 * One planned indicator with its actual (S1-4): rate = actual ÷ target as the projection computes
 * it for a positive target; 1 for a zero target (D-PLAN refuses one, so the projection never
 * shows it).
 */
export function target(
  indicator: string,
  targetValue: number,
  actual: number,
  area: ServiceArea | null = null,
): TargetProgress {
  return {
    indicator,
    area,
    target: targetValue,
    actual,
    rate: targetValue > 0 ? actual / targetValue : 1,
  };
}

/** An indicator the metrics do not know (the projection reports rate null). */
export function unknownTarget(indicator: string, targetValue: number): TargetProgress {
  return { indicator, area: null, target: targetValue, actual: 0, rate: null };
}

export function districtReview(
  eventId: string,
  score: number,
  recommended = true,
): DistrictReviewView {
  return { eventId, score, recommended };
}
