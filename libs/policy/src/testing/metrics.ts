import { MATERIAL_KINDS, SERVICE_AREAS, type MaterialKind, type ServiceArea } from '@ledger/domain';
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
 * Spec builders for PlatformYearMetrics: everything zero or empty unless a spec says otherwise,
 * so a spec states only the figures its rule reads. Overrides are partial at every level
 * (a tally, one area, one function, the ratings), so `metrics('p1', { calendarYear: { byFunction:
 * { training: { trainingSessions: 10 } } } })` is the whole setup for one bar.
 */

export const PLATFORM_FUNCTIONS = [
  'information',
  'technology',
  'startup',
  'training',
  'financing',
] as const satisfies readonly PlatformFunction[];

export function emptyAreaTally(): AreaTally {
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
  };
}

export function emptyFunctionTally(): FunctionTally {
  return {
    activities: 0,
    enterprisesServedOffline: 0,
    personTimes: 0,
    trainingSessions: 0,
    trainees: 0,
    financingDeals: 0,
    financingFen: 0,
  };
}

export function emptyRatings(): RatingTally {
  return {
    verySatisfied: 0,
    satisfied: 0,
    dissatisfied: 0,
    rated: 0,
    ratingEnterprises: 0,
    bySource: { enterprise: 0, platform: 0, district_check: 0 },
    satisfactionRate: null,
  };
}

export interface TallyOverrides extends Partial<
  Omit<MetricTally, 'byArea' | 'byFunction' | 'ratings'>
> {
  readonly byArea?: Partial<Record<ServiceArea, Partial<AreaTally>>>;
  readonly byFunction?: Partial<Record<PlatformFunction, Partial<FunctionTally>>>;
  readonly ratings?: Partial<RatingTally>;
}

export function metricTally(overrides: TallyOverrides = {}): MetricTally {
  const { byArea = {}, byFunction = {}, ratings = {}, ...totals } = overrides;
  return {
    ...emptyAreaTally(),
    byArea: Object.fromEntries(
      SERVICE_AREAS.map((area) => [area, { ...emptyAreaTally(), ...byArea[area] }]),
    ) as Record<ServiceArea, AreaTally>,
    byFunction: Object.fromEntries(
      PLATFORM_FUNCTIONS.map((fn) => [fn, { ...emptyFunctionTally(), ...byFunction[fn] }]),
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
    ratings: { ...emptyRatings(), ...ratings },
    ...totals,
  };
}

export interface MetricsOverrides extends Partial<
  Omit<PlatformYearMetrics, 'platformId' | 'calendarYear' | 'implementationPeriod'>
> {
  readonly calendarYear?: TallyOverrides;
  readonly implementationPeriod?: TallyOverrides;
}

export function metrics(platformId: string, overrides: MetricsOverrides = {}): PlatformYearMetrics {
  const { calendarYear, implementationPeriod, ...rest } = overrides;
  return {
    platformId,
    year: 2025,
    calendarYear: metricTally(calendarYear),
    implementationPeriod: metricTally(implementationPeriod),
    targets: [],
    excluded: [],
    materials: Object.fromEntries(MATERIAL_KINDS.map((kind) => [kind, 0])) as Record<
      MaterialKind,
      number
    >,
    submittedAt: null,
    districtReviews: { plan: null, evidence: null },
    complaintsFiled: 0,
    complaintsUpheld: 0,
    penalties: [],
    creditEvents: [],
    expertScores: {},
    evaluationConduct: [],
    meetingsMissed: 0,
    tasksMissed: 0,
    eventCount: 0,
    lastPosition: 0,
    ...rest,
  };
}

/** One planned indicator with its actual; rate = actual ÷ target as the projection computes it. */
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

/** The four S0-6 uploads (场地面积, 标识标牌, 工作人员数量, 工作总结), once each. */
export function requiredMaterials(): PlatformYearMetrics['materials'] {
  return {
    ...metrics('').materials,
    site_area: 1,
    signage: 1,
    staff_count: 1,
    work_summary: 1,
  };
}
