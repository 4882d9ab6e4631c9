import {
  MATERIAL_KINDS,
  SERVICE_AREAS,
  withUsccCheckCharacter,
  type MaterialKind,
  type ServiceArea,
} from '@ledger/domain';
import type {
  AreaTally,
  FunctionTally,
  MetricTally,
  PlatformFunction,
  PlatformYearMetrics,
  RatingTally,
} from '@ledger/projections/platform-year-metrics/metrics.view';
import type {
  OperatorProfileView,
  PlatformView,
} from '@ledger/projections/platforms/platform.view';

/**
 * Spec builders for the read-model views the network statistics and the S0 / S2 / S4 packs read:
 * every count zero, every list empty, overridden by what a spec is about.
 */

/** A valid USCC registered in 渝中区 (area code 500103). */
export const CHONGQING_OPERATOR_USCC = withUsccCheckCharacter('91500103MA5U7Y8X1');

export function platformView(overrides: Partial<PlatformView> = {}): PlatformView {
  const platformId = overrides.platformId ?? 'platform-1';
  return {
    platformId,
    name: `${platformId} 中小企业公共服务窗口平台`,
    kind: 'district_window',
    level: null,
    province: '重庆市',
    district: '渝中区',
    operatorUscc: CHONGQING_OPERATOR_USCC,
    filedAt: '2019-03-01',
    filedEventId: `filed-${platformId}`,
    underConstruction: false,
    constructionCompletedAt: null,
    planned: false,
    certifications: [],
    reReviews: [],
    revokedAt: null,
    revocationEventId: null,
    profile: null,
    windowPlatformId: null,
    ...overrides,
  };
}

export function operatorProfile(overrides: Partial<OperatorProfileView> = {}): OperatorProfileView {
  return {
    eventId: 'profile-event-1',
    asOf: '2020-12-01',
    assetsFen: 0,
    operatingSince: '2015-01-01',
    siteAreaM2: 0,
    staffCount: 0,
    staffCollegeOrAbove: 0,
    staffIntermediateTitleOrAbove: 0,
    staffQualifiedEither: 0,
    staffQualifiedBoth: 0,
    institutions: 0,
    keyInstitutions: 0,
    creditStatus: 'good',
    ...overrides,
  };
}

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

const FUNCTIONS: readonly PlatformFunction[] = [
  'information',
  'technology',
  'startup',
  'training',
  'financing',
];

export type MetricTallyOverrides = Partial<Omit<MetricTally, 'byFunction'>> & {
  readonly byFunction?: Partial<Record<PlatformFunction, Partial<FunctionTally>>>;
};

export function metricTally(overrides: MetricTallyOverrides = {}): MetricTally {
  const { byFunction = {}, ...rest } = overrides;
  return {
    ...areaTally(),
    byArea: Object.fromEntries(SERVICE_AREAS.map((area) => [area, areaTally()])) as Record<
      ServiceArea,
      AreaTally
    >,
    byFunction: Object.fromEntries(
      FUNCTIONS.map((name) => [name, functionTally(byFunction[name])]),
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
    ratings: ratingTally(),
    ...rest,
  };
}

export function materials(
  present: Partial<Record<MaterialKind, number>> = {},
): Record<MaterialKind, number> {
  return Object.fromEntries(MATERIAL_KINDS.map((kind) => [kind, present[kind] ?? 0])) as Record<
    MaterialKind,
    number
  >;
}

export type YearMetricsOverrides = Partial<Omit<PlatformYearMetrics, 'calendarYear'>> & {
  readonly calendarYear?: MetricTallyOverrides;
};

export function yearMetrics(overrides: YearMetricsOverrides = {}): PlatformYearMetrics {
  const { calendarYear, ...rest } = overrides;
  return {
    platformId: 'platform-1',
    year: 2020,
    calendarYear: metricTally(calendarYear),
    implementationPeriod: metricTally(),
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
    meetingsMissed: 0,
    tasksMissed: 0,
    eventCount: 0,
    lastPosition: 0,
    ...rest,
  };
}
