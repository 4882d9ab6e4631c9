import type { FabricatedKind, MaterialKind, ServiceArea } from '@ledger/domain';

/**
 * What the platform-year metrics read model answers for one platform and year (RULES.md S0-6,
 * S1-1, S1-4, S2-3, S3-2, S3-3, S4-1, S4-2, S4-3): the shape every policy pack reads.
 * Counts exclude retracted records. Money is integer 分.
 */

/** Counts for one service area (S1-3, S3-3) or one function (S3-2, S4-2). */
export interface AreaTally {
  readonly activities: number;
  readonly activitiesOffline: number;
  readonly activitiesOnline: number;
  /** Person-times at activities (attendance reported with each activity). */
  readonly activityPersonTimes: number;
  readonly services: number;
  /** Distinct USCCs served by service records or attending activities in this area. */
  readonly enterprisesServed: number;
  readonly enterprisesServedOffline: number;
  readonly enterprisesServedOnline: number;
  readonly trainings: number;
  readonly trainingSessions: number;
  readonly trainees: number;
}

/** One counting window's totals: the calendar year, or S1-1's implementation period. */
export interface MetricTally extends AreaTally {
  readonly byArea: Readonly<Record<ServiceArea, AreaTally>>;
  /** S3-2 / S4-2 functions, from areas by FUNCTION_AREAS (documented in the projection). */
  readonly byFunction: Readonly<Record<PlatformFunction, FunctionTally>>;
  /** Services whose fee kind is free or low_fee (S4-1 公益性或低收费). */
  readonly servicesPublicInterest: number;
  /** servicesPublicInterest ÷ services, or null without services. */
  readonly publicInterestShare: number | null;
  readonly financingDeals: number;
  readonly financingFen: number;
  readonly recruitments: number;
  readonly recruitmentPositions: number;
  readonly hires: number;
  readonly matchmakingDeals: number;
  readonly matchmakingFen: number;
  readonly techDemandsSolved: number;
  readonly residentEnterprises: number;
  readonly policyItemsPublished: number;
  readonly serviceItemsPublished: number;
  readonly demandItemsPublished: number;
  /** Distinct institution USCCs that delivered at least one service (S0-6 有效服务机构, F-9). */
  readonly institutionsDelivering: number;
  readonly ratings: RatingTally;
}

export type PlatformFunction = 'information' | 'technology' | 'startup' | 'training' | 'financing';

export interface FunctionTally {
  readonly activities: number;
  readonly enterprisesServedOffline: number;
  readonly personTimes: number;
  readonly trainingSessions: number;
  readonly trainees: number;
  readonly financingDeals: number;
  readonly financingFen: number;
}

/** S4-3: rate = (很满意 + 满意) ÷ rated; ratings of retracted services are not counted. */
export interface RatingTally {
  readonly verySatisfied: number;
  readonly satisfied: number;
  readonly dissatisfied: number;
  readonly rated: number;
  /** Distinct enterprises that rated (S4-3: ≥ 20 evaluations for an application). */
  readonly ratingEnterprises: number;
  readonly bySource: Readonly<Record<'enterprise' | 'platform' | 'district_check', number>>;
  /** null when nothing is rated. */
  readonly satisfactionRate: number | null;
}

/** S1-4: one planned indicator's progress (rate uncapped; packs cap and aggregate). */
export interface TargetProgress {
  readonly indicator: string;
  readonly area: ServiceArea | null;
  readonly target: number;
  /** From the implementation-period tally (S1-1). */
  readonly actual: number;
  /** actual ÷ target; null when the indicator is not one the metrics know. */
  readonly rate: number | null;
}

/** S1-1: a record that does not count, and why. */
export interface ExcludedRecord {
  readonly recordId: string;
  readonly type: string;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly reason: 'outside_period' | 'after_evidence_deadline';
  readonly ruleId: 'S1-1';
}

export interface PlatformYearMetrics {
  readonly platformId: string;
  readonly year: number;
  /** Everything that occurred in the calendar year (S0, S2, S3, S4 read this). */
  readonly calendarYear: MetricTally;
  /** S1-1: occurredAt inside the implementation period and recorded by the evidence deadline. */
  readonly implementationPeriod: MetricTally;
  readonly targets: readonly TargetProgress[];
  readonly excluded: readonly ExcludedRecord[];
  /** S0-6: uploads per material kind (not retracted). */
  readonly materials: Readonly<Record<MaterialKind, number>>;
  readonly submittedAt: string | null;
  /** S1-2 / S1-8: the latest county review per stage. */
  readonly districtReviews: {
    readonly plan: DistrictReviewView | null;
    readonly evidence: DistrictReviewView | null;
  };
  readonly complaintsFiled: number;
  /** S3-7: distinct complaints verified as upheld. */
  readonly complaintsUpheld: number;
  readonly penalties: readonly { readonly eventId: string; readonly kind: string }[];
  /** S1-6 / F-10: credit events in the year, in order. */
  readonly creditEvents: readonly {
    readonly eventId: string;
    readonly kind: string;
    readonly occurredAt: string;
  }[];
  /** S3-5: the latest expert scores per program (key '' for scores without a program). */
  readonly expertScores: Readonly<Record<string, readonly number[]>>;
  /** S3-7: no-show at evaluation, 不合格 in the provincial evaluation, false evidence. */
  readonly evaluationConduct: readonly {
    readonly eventId: string;
    readonly conduct: 'no_show' | 'provincial_unqualified' | 'false_evidence';
  }[];
  /** F-* / S1-7 / S3-7: fraud signals an administrator confirmed, in order. */
  readonly fraudConfirmed: readonly FraudConfirmedView[];
  /** 取消资格 recorded in this year's stream (S1-7 or an administrator's), in order. */
  readonly disqualifications: readonly DisqualificationView[];
  /** S0-7. */
  readonly meetingsMissed: number;
  readonly tasksMissed: number;
  /** Events that changed this view, by count (explain and audit cite event ids via the doc). */
  readonly eventCount: number;
  readonly lastPosition: number;
}

export interface FraudConfirmedView {
  readonly eventId: string;
  readonly signalId: string;
  readonly ruleId: string;
  readonly fabricated: FabricatedKind | null;
}

export interface DisqualificationView {
  readonly eventId: string;
  readonly ruleId: string;
  readonly yearsAffected: readonly number[];
  readonly reason: string;
}

export interface DistrictReviewView {
  readonly eventId: string;
  readonly score: number;
  readonly recommended: boolean;
}
