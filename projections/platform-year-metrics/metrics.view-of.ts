import {
  MATERIAL_KINDS,
  SERVICE_AREAS,
  type MaterialKind,
  type ServiceArea,
  type Target,
} from '@ledger/domain';
import { distinctOfflineAcross, type WindowIndex } from './metrics.distinct';
import type { AreaCounters, MetricsDoc, SlotIndex, TallyCounters } from './metrics.doc';
import {
  FUNCTION_AREAS,
  PLATFORM_FUNCTIONS,
  isAreaIndicator,
  isYearIndicator,
} from './metrics.indicators';
import type {
  AreaTally,
  DistrictReviewView,
  ExcludedRecord,
  FunctionTally,
  MetricTally,
  PlatformFunction,
  PlatformYearMetrics,
  RatingTally,
  TargetProgress,
} from './metrics.view';

/**
 * The query-ready metrics of a platform-year, computed from its document once per flush (not per
 * event). The view shares nothing the fold mutates: counters and lists are copied, and the
 * exclusion entries it reuses are never changed once written.
 */
export function metricsView(doc: MetricsDoc): PlatformYearMetrics {
  const implementationPeriod = tallyView(doc, doc.implementationPeriod, 1);
  return {
    platformId: doc.platformId,
    year: doc.year,
    calendarYear: tallyView(doc, doc.calendarYear, 0),
    implementationPeriod,
    targets: targetsOf(doc, implementationPeriod),
    excluded: doc.excluded.filter((entry): entry is ExcludedRecord => entry !== null),
    materials: materialsOf(doc),
    submittedAt: doc.submittedAt,
    districtReviews: latestReviews(doc),
    complaintsFiled: doc.complaintsFiled,
    complaintsUpheld: complaintsUpheld(doc),
    penalties: doc.penalties.map((entry) => ({ ...entry })),
    creditEvents: doc.creditEvents.map((entry) => ({ ...entry })),
    expertScores: latestExpertScores(doc),
    evaluationConduct: doc.evaluationConduct.map((entry) => ({ ...entry })),
    fraudConfirmed: doc.fraudConfirmed.map((entry) => ({ ...entry })),
    disqualifications: doc.disqualifications.map((entry) => ({
      ...entry,
      yearsAffected: [...entry.yearsAffected],
    })),
    meetingsMissed: doc.meetingsMissed,
    tasksMissed: doc.tasksMissed,
    eventCount: doc.eventCount,
    lastPosition: doc.lastPosition,
  };
}

const NO_AREA_COUNTS: AreaTally = {
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

function areaTally(counters: AreaCounters | undefined): AreaTally {
  const source = counters ?? NO_AREA_COUNTS;
  return {
    activities: source.activities,
    activitiesOffline: source.activitiesOffline,
    activitiesOnline: source.activitiesOnline,
    activityPersonTimes: source.activityPersonTimes,
    services: source.services,
    enterprisesServed: source.enterprisesServed,
    enterprisesServedOffline: source.enterprisesServedOffline,
    enterprisesServedOnline: source.enterprisesServedOnline,
    trainings: source.trainings,
    trainingSessions: source.trainingSessions,
    trainees: source.trainees,
  };
}

function tallyView(doc: MetricsDoc, tally: TallyCounters, window: WindowIndex): MetricTally {
  const byArea = {} as Record<ServiceArea, AreaTally>;
  for (const area of SERVICE_AREAS) byArea[area] = areaTally(tally.byArea[area]);
  const byFunction = {} as Record<PlatformFunction, FunctionTally>;
  for (const fn of PLATFORM_FUNCTIONS) {
    byFunction[fn] = functionTally(doc, tally, byArea, fn, window);
  }
  return {
    ...areaTally(tally),
    byArea,
    byFunction,
    servicesPublicInterest: tally.servicesPublicInterest,
    publicInterestShare:
      tally.services === 0 ? null : tally.servicesPublicInterest / tally.services,
    financingDeals: tally.financingDeals,
    financingFen: tally.financingFen,
    recruitments: tally.recruitments,
    recruitmentPositions: tally.recruitmentPositions,
    hires: tally.hires,
    matchmakingDeals: tally.matchmakingDeals,
    matchmakingFen: tally.matchmakingFen,
    techDemandsSolved: tally.techDemandsSolved,
    residentEnterprises: tally.residentEnterprises,
    policyItemsPublished: tally.policyItemsPublished,
    serviceItemsPublished: tally.serviceItemsPublished,
    demandItemsPublished: tally.demandItemsPublished,
    institutionsDelivering: tally.institutionsDelivering,
    ratings: ratingTally(tally),
  };
}

/**
 * S3-2 / S4-2: a function sums its areas (FUNCTION_AREAS); enterprises are distinct across them.
 * Training takes every training session and trainee (trainees also count as person-times),
 * financing every financing deal, whatever area they were filed under.
 */
function functionTally(
  doc: MetricsDoc,
  tally: TallyCounters,
  byArea: Readonly<Record<ServiceArea, AreaTally>>,
  fn: PlatformFunction,
  window: WindowIndex,
): FunctionTally {
  const areas = FUNCTION_AREAS[fn];
  let activities = 0;
  let personTimes = 0;
  let trainingSessions = 0;
  let trainees = 0;
  const indexes: SlotIndex[] = [];
  for (const area of areas) {
    const counts = byArea[area];
    activities += counts.activities;
    personTimes += counts.activityPersonTimes;
    trainingSessions += counts.trainingSessions;
    trainees += counts.trainees;
    const index = doc.areaEnterprises.get(area);
    if (index !== undefined) indexes.push(index);
  }
  const [onlyArea] = areas;
  const enterprisesServedOffline =
    areas.length === 1 && onlyArea !== undefined
      ? byArea[onlyArea].enterprisesServedOffline
      : distinctOfflineAcross(indexes, window);
  if (fn === 'training') {
    trainingSessions = tally.trainingSessions;
    trainees = tally.trainees;
    personTimes += tally.trainees;
  }
  const financing = fn === 'financing';
  return {
    activities,
    enterprisesServedOffline,
    personTimes,
    trainingSessions,
    trainees,
    financingDeals: financing ? tally.financingDeals : 0,
    financingFen: financing ? tally.financingFen : 0,
  };
}

/** S4-3: (很满意 + 满意) ÷ rated, null when nothing is rated. */
function ratingTally(tally: TallyCounters): RatingTally {
  const verySatisfied = tally.ratings.very_satisfied;
  const { satisfied, dissatisfied } = tally.ratings;
  const rated = verySatisfied + satisfied + dissatisfied;
  return {
    verySatisfied,
    satisfied,
    dissatisfied,
    rated,
    ratingEnterprises: tally.ratingEnterprises,
    bySource: { ...tally.ratingsBySource },
    satisfactionRate: rated === 0 ? null : (verySatisfied + satisfied) / rated,
  };
}

/**
 * S1-4: the standing plan's targets against the implementation-period tally. A count kept per
 * area reads `byArea[area]` when the target names one; a year-only count (deals, items …) reads
 * the year's figure. An unknown indicator or area gives actual 0 and rate null; so does a zero
 * target (a rate of x ÷ 0 is left to the pack, which sees target 0).
 */
function targetsOf(doc: MetricsDoc, period: MetricTally): TargetProgress[] {
  const plan = doc.plans[doc.plans.length - 1];
  if (plan === undefined) return [];
  return plan.targets.map((target) => {
    const actual = indicatorValue(period, target);
    return {
      indicator: target.indicator,
      area: target.area,
      target: target.target,
      actual: actual ?? 0,
      rate: actual === null || target.target === 0 ? null : actual / target.target,
    };
  });
}

function indicatorValue(period: MetricTally, target: Target): number | null {
  const { indicator, area } = target;
  if (isYearIndicator(indicator)) return period[indicator];
  if (!isAreaIndicator(indicator)) return null;
  if (area === null) return period[indicator];
  const counts = (period.byArea as Partial<Record<string, AreaTally>>)[area];
  return counts === undefined ? null : counts[indicator];
}

function materialsOf(doc: MetricsDoc): Record<MaterialKind, number> {
  const materials = {} as Record<MaterialKind, number>;
  for (const kind of MATERIAL_KINDS) materials[kind] = doc.materials[kind] ?? 0;
  return materials;
}

/** S1-2 / S1-8: the latest standing review of each stage. */
function latestReviews(doc: MetricsDoc): PlatformYearMetrics['districtReviews'] {
  let plan: DistrictReviewView | null = null;
  let evidence: DistrictReviewView | null = null;
  for (const review of doc.districtReviews) {
    const view = { eventId: review.eventId, score: review.score, recommended: review.recommended };
    if (review.stage === 'plan') plan = view;
    else evidence = view;
  }
  return { plan, evidence };
}

/**
 * S3-7: distinct standing complaints whose latest standing verification upheld them (a later
 * verification of the same complaint replaces the earlier one).
 */
function complaintsUpheld(doc: MetricsDoc): number {
  const upheldById = new Map<string, boolean>();
  for (const verification of doc.complaintVerifications) {
    upheldById.set(verification.complaintId, verification.upheld);
  }
  let upheld = 0;
  for (const [complaintId, isUpheld] of upheldById) {
    if (isUpheld && doc.records.get(complaintId)?.type === 'ComplaintFiled') upheld += 1;
  }
  return upheld;
}

/** S3-5: the latest standing panel per program ('' for scores recorded without one). */
function latestExpertScores(doc: MetricsDoc): Record<string, readonly number[]> {
  const latest: Record<string, readonly number[]> = {};
  for (const entry of doc.expertScores) latest[entry.programKey] = [...entry.scores];
  return latest;
}
