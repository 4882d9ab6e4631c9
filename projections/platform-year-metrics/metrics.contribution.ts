import type {
  MaterialKind,
  PlatformYearEventType,
  Rating,
  RatingSource,
  ServiceArea,
} from '@ledger/domain';

/**
 * What one record added to the document. Counted records carry `windows` (IN_CALENDAR_YEAR |
 * IN_IMPLEMENTATION_PERIOD bits of the windows whose counters hold them right now: 0 once
 * retracted, or for a rating whose service is gone) and `excludedAt` (their index in `excluded`).
 */
export type Contribution =
  | ActivityContribution
  | ServiceContribution
  | RatingContribution
  | TrainingContribution
  | AmountContribution
  | RecruitmentContribution
  | CountContribution
  | ResidentContribution
  | ItemContribution
  | MaterialContribution
  | MeetingContribution
  | ComplaintContribution
  | ListedContribution
  | Tombstone;

interface Counted {
  windows: number;
  excludedAt: number | null;
}

export interface ActivityContribution extends Counted {
  readonly type: 'ServiceActivityRecorded';
  readonly area: ServiceArea;
  readonly online: boolean;
  readonly usccs: readonly string[];
  readonly personTimes: number;
}

export interface ServiceContribution extends Counted {
  readonly type: 'ServiceRecorded';
  readonly area: ServiceArea;
  readonly online: boolean;
  /** S4-1 公益性或低收费: fee kind free or low_fee. */
  readonly publicInterest: boolean;
  readonly uscc: string;
  readonly institution: string | null;
  /** Ratings of this service: they stop counting when it is retracted (S4-3). */
  readonly ratingIds: string[];
}

export interface RatingContribution extends Counted {
  readonly type: 'SatisfactionRated';
  readonly uscc: string;
  readonly rating: Rating;
  readonly source: RatingSource;
}

export interface TrainingContribution extends Counted {
  readonly type: 'TrainingRecorded';
  readonly area: ServiceArea;
  readonly sessions: number;
  readonly personTimes: number;
}

export interface AmountContribution extends Counted {
  readonly type: 'FinancingDealRecorded' | 'MatchmakingDealRecorded';
  readonly amountFen: number;
}

export interface RecruitmentContribution extends Counted {
  readonly type: 'RecruitmentRecorded';
  readonly positions: number;
  readonly hires: number;
}

export interface CountContribution extends Counted {
  readonly type: 'TechDemandSolved';
}

export interface ResidentContribution extends Counted {
  readonly type: 'ResidentEnterpriseJoined';
  readonly uscc: string;
}

export interface ItemContribution extends Counted {
  readonly type: 'ItemPublished';
  readonly itemKind: 'policy' | 'service' | 'demand';
}

export interface MaterialContribution {
  readonly type: 'MaterialUploaded';
  readonly kind: MaterialKind;
}

export interface MeetingContribution {
  readonly type: 'MeetingMissed';
  readonly missedKind: 'meeting' | 'task';
}

/** A filed complaint: counted, and the anchor its verifications need (S3-7). */
export interface ComplaintContribution {
  readonly type: 'ComplaintFiled';
}

/** Facts kept as entries of the doc's lists; the record only says which list. */
export interface ListedContribution {
  readonly type:
    | 'WorkPlanSubmitted'
    | 'DistrictReviewed'
    | 'ComplaintVerified'
    | 'PenaltyImposed'
    | 'CreditEventRecorded'
    | 'ExpertScoresRecorded'
    | 'EvaluationConductRecorded';
}

/** A retracted record: retractions are final, so nothing about it is needed any more. */
export interface Tombstone {
  readonly type: 'RecordRetracted';
}

export type CountedContribution = Extract<Contribution, Counted>;

// Every contribution names a record type of the platform-year stream (or the tombstone).
type ContributionTypesAreYearEvents =
  Exclude<Contribution['type'], PlatformYearEventType> extends never ? true : never;
export const CONTRIBUTION_TYPES_ARE_YEAR_EVENTS: ContributionTypesAreYearEvents = true;
