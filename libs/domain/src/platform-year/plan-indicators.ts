/*
 * The indicators a work plan may set targets for (S1-2 / S1-4): the numeric counts the
 * platform-year metrics projection keeps per year and per service area
 * (projections/platform-year-metrics/metrics.view.ts, MetricTally and AreaTally). A target on any
 * other name could never be measured, so its completion rate would be undefined: it is refused.
 */

/** AreaTally's counts: measured for the year and for each service area (a target's `area`). */
export const AREA_INDICATORS = [
  'activities',
  'activitiesOffline',
  'activitiesOnline',
  'activityPersonTimes',
  'services',
  'enterprisesServed',
  'enterprisesServedOffline',
  'enterprisesServedOnline',
  'trainings',
  'trainingSessions',
  'trainees',
] as const;

/** Every indicator a target may name (D-PLAN). */
export const PLAN_INDICATORS = [
  ...AREA_INDICATORS,
  // MetricTally's own counts and amounts (integer 分): measured for the whole year only.
  'servicesPublicInterest',
  'financingDeals',
  'financingFen',
  'recruitments',
  'recruitmentPositions',
  'hires',
  'matchmakingDeals',
  'matchmakingFen',
  'techDemandsSolved',
  'residentEnterprises',
  'policyItemsPublished',
  'serviceItemsPublished',
  'demandItemsPublished',
  'institutionsDelivering',
] as const;

export type PlanIndicator = (typeof PLAN_INDICATORS)[number];

const KNOWN: ReadonlySet<string> = new Set(PLAN_INDICATORS);
const BY_AREA: ReadonlySet<string> = new Set(AREA_INDICATORS);

export function isPlanIndicator(name: string): name is PlanIndicator {
  return KNOWN.has(name);
}

export type AreaIndicator = (typeof AREA_INDICATORS)[number];

/** Whether the metrics count this indicator per service area, so a target may name an area. */
export function isAreaIndicator(name: string): name is AreaIndicator {
  return BY_AREA.has(name);
}
