import type { MaterialKind, Rating, RatingSource, ServiceArea, Target } from '@ledger/domain';
import type { CountingWindows } from './metrics.calendar';
import type { Contribution } from './metrics.contribution';
import type { AreaTally, ExcludedRecord, MetricTally } from './metrics.view';

/**
 * The stored document of one platform-year (JSON: plain objects, arrays and numbers only — the
 * projector persists it between batches and resumes folding from the parsed copy).
 *
 *   windows                 S1-1's window bounds for this year (epoch ms), fixed at creation
 *   calendarYear            running counters of the calendar-year window
 *   implementationPeriod    running counters of S1-1's window
 *   enterprises             USCC → [calendar offline, calendar online, period offline, period online]
 *                           record counts: the multiset behind distinct enterprisesServed
 *   areaEnterprises         the same per service area
 *   institutions, residents, raters
 *                           USCC → [calendar, period] record counts (institutionsDelivering,
 *                           residentEnterprises, ratingEnterprises)
 *   records                 recordId → what the record contributed (retraction subtracts exactly
 *                           that), or a tombstone once retracted
 *   excluded                S1-1 exclusions in log order; a retracted one becomes null
 *   plans … evaluationConduct
 *                           the few authority facts, in log order (a retraction removes its entry)
 *
 * Distinct counts are kept as running counters beside their multisets (a USCC whose count drops
 * to zero stays in the multiset with zeros), so `view` never walks the multisets except for the
 * technology function, which spans two areas.
 */
export interface MetricsDoc {
  readonly platformId: string;
  readonly year: number;
  readonly windows: CountingWindows;
  readonly calendarYear: TallyCounters;
  readonly implementationPeriod: TallyCounters;
  readonly enterprises: SlotIndex;
  readonly areaEnterprises: Partial<Record<ServiceArea, SlotIndex>>;
  readonly institutions: SlotIndex;
  readonly residents: SlotIndex;
  readonly raters: SlotIndex;
  readonly records: Record<string, Contribution>;
  readonly excluded: (ExcludedRecord | null)[];
  readonly materials: Partial<Record<MaterialKind, number>>;
  readonly plans: { readonly eventId: string; readonly targets: readonly Target[] }[];
  readonly districtReviews: DistrictReviewEntry[];
  readonly complaintVerifications: ComplaintVerificationEntry[];
  readonly penalties: { readonly eventId: string; readonly kind: string }[];
  readonly creditEvents: {
    readonly eventId: string;
    readonly kind: string;
    readonly occurredAt: string;
  }[];
  readonly expertScores: ExpertScoresEntry[];
  readonly evaluationConduct: {
    readonly eventId: string;
    readonly conduct: 'no_show' | 'provincial_unqualified' | 'false_evidence';
  }[];
  complaintsFiled: number;
  meetingsMissed: number;
  tasksMissed: number;
  submittedAt: string | null;
  eventCount: number;
  lastPosition: number;
}

/** Record counts per key, one slot per window (and mode): see MetricsDoc. */
export type SlotIndex = Record<string, number[]>;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export type AreaCounters = Mutable<AreaTally>;

/** The counts of one window; distinct counts are maintained from the doc's multisets. */
export type TallyCounters = Mutable<
  Omit<MetricTally, 'byArea' | 'byFunction' | 'publicInterestShare' | 'ratings'>
> & {
  readonly byArea: Partial<Record<ServiceArea, AreaCounters>>;
  readonly ratings: Record<Rating, number>;
  readonly ratingsBySource: Record<RatingSource, number>;
  ratingEnterprises: number;
};

export interface DistrictReviewEntry {
  readonly eventId: string;
  readonly stage: 'plan' | 'evidence';
  readonly score: number;
  readonly recommended: boolean;
}

export interface ComplaintVerificationEntry {
  readonly eventId: string;
  readonly complaintId: string;
  readonly upheld: boolean;
}

export interface ExpertScoresEntry {
  readonly eventId: string;
  /** The program id, '' for scores recorded without one. */
  readonly programKey: string;
  readonly scores: readonly number[];
}

function areaCounters(): AreaCounters {
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

export function areaOf(tally: TallyCounters, area: ServiceArea): AreaCounters {
  let counters = tally.byArea[area];
  if (counters === undefined) {
    counters = areaCounters();
    tally.byArea[area] = counters;
  }
  return counters;
}

function tallyCounters(): TallyCounters {
  return {
    ...areaCounters(),
    byArea: {},
    servicesPublicInterest: 0,
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
    ratings: { very_satisfied: 0, satisfied: 0, dissatisfied: 0 },
    ratingsBySource: { enterprise: 0, platform: 0, district_check: 0 },
    ratingEnterprises: 0,
  };
}

export function emptyMetricsDoc(
  platformId: string,
  year: number,
  windows: CountingWindows,
): MetricsDoc {
  return {
    platformId,
    year,
    windows,
    calendarYear: tallyCounters(),
    implementationPeriod: tallyCounters(),
    enterprises: {},
    areaEnterprises: {},
    institutions: {},
    residents: {},
    raters: {},
    records: {},
    excluded: [],
    materials: {},
    plans: [],
    districtReviews: [],
    complaintVerifications: [],
    penalties: [],
    creditEvents: [],
    expertScores: [],
    evaluationConduct: [],
    complaintsFiled: 0,
    meetingsMissed: 0,
    tasksMissed: 0,
    submittedAt: null,
    eventCount: 0,
    lastPosition: -1,
  };
}
