import type { MaterialKind, Rating, ServiceArea } from './service-areas';

/**
 * Everything reported for one platform and one year (stream `platformyear-{platformId}_{year}`),
 * the unit an auditor replays. Every record carries a caller-chosen `recordId` (a UUID), which is
 * also the stored event's id, so ratings, materials and retractions can cite it — even inside
 * the same batch — and a retried import re-appends the same ids idempotently.
 */

interface YearRecord<Type extends string, Data> {
  readonly type: Type;
  readonly data: { readonly recordId: string; readonly occurredAt: string } & Data;
}

export type ActivityMode = 'online' | 'offline';
export type FeeKind = 'free' | 'low_fee' | 'paid';
export type RatingSource = 'enterprise' | 'platform' | 'district_check';

export interface Target {
  /** Indicator name as in the pack (e.g. `enterprisesServed`, `activities`, `financingFen`). */
  readonly indicator: string;
  readonly area: ServiceArea | null;
  readonly target: number;
}

export type WorkPlanSubmitted = YearRecord<
  'WorkPlanSubmitted',
  { readonly targets: readonly Target[] }
>;

export type ServiceActivityRecorded = YearRecord<
  'ServiceActivityRecorded',
  {
    readonly area: ServiceArea;
    readonly title: string;
    readonly mode: ActivityMode;
    readonly attendeeUsccs: readonly string[];
    readonly personTimes: number;
  }
>;

export type ServiceRecorded = YearRecord<
  'ServiceRecorded',
  {
    readonly enterpriseUscc: string;
    readonly enterpriseName: string;
    readonly area: ServiceArea;
    readonly mode: ActivityMode;
    readonly feeKind: FeeKind;
    readonly description: string;
    /** USCC of the gathered service institution that delivered it, when not the platform. */
    readonly institutionUscc: string | null;
    readonly contactPhone: string | null;
  }
>;

export type SatisfactionRated = YearRecord<
  'SatisfactionRated',
  {
    readonly serviceId: string;
    readonly enterpriseUscc: string;
    readonly rating: Rating;
    readonly source: RatingSource;
  }
>;

export type FinancingDealRecorded = YearRecord<
  'FinancingDealRecorded',
  {
    readonly enterpriseUscc: string;
    readonly lender: string;
    readonly product: string;
    readonly contractNumber: string;
    readonly amountFen: number;
  }
>;

export type TrainingRecorded = YearRecord<
  'TrainingRecorded',
  {
    readonly area: ServiceArea;
    readonly title: string;
    readonly mode: ActivityMode;
    readonly sessions: number;
    readonly personTimes: number;
  }
>;

export type RecruitmentRecorded = YearRecord<
  'RecruitmentRecorded',
  { readonly title: string; readonly positions: number; readonly hires: number }
>;

export type MatchmakingDealRecorded = YearRecord<
  'MatchmakingDealRecorded',
  {
    readonly title: string;
    readonly supplierUscc: string;
    readonly buyerUscc: string;
    readonly amountFen: number;
  }
>;

export type TechDemandSolved = YearRecord<
  'TechDemandSolved',
  { readonly enterpriseUscc: string; readonly title: string; readonly solvedBy: string }
>;

export type ResidentEnterpriseJoined = YearRecord<
  'ResidentEnterpriseJoined',
  { readonly enterpriseUscc: string; readonly enterpriseName: string }
>;

export type ItemPublished = YearRecord<
  'ItemPublished',
  /** S2-3: policy items, service items and enterprises' demands posted online. */
  { readonly itemKind: 'policy' | 'service' | 'demand'; readonly title: string }
>;

export type MaterialUploaded = YearRecord<
  'MaterialUploaded',
  {
    readonly kind: MaterialKind;
    readonly sha256: string;
    readonly sizeBytes: number;
    readonly mediaType: string;
    readonly originalName: string;
    /** Record ids this material evidences (an activity's sign-in sheet, a deal's contract). */
    readonly evidences: readonly string[];
    readonly description: string;
  }
>;

export type RecordRetracted = YearRecord<
  'RecordRetracted',
  { readonly retractedId: string; readonly reason: string }
>;

export type YearSubmitted = YearRecord<'YearSubmitted', { readonly note: string }>;

/** S1-8 / S1-2: the county authority's review of the plan or the evidence, 0..10 points. */
export type DistrictReviewed = YearRecord<
  'DistrictReviewed',
  {
    readonly stage: 'plan' | 'evidence';
    readonly opinion: string;
    readonly score: number;
    readonly recommended: boolean;
  }
>;

export type ComplaintFiled = YearRecord<
  'ComplaintFiled',
  { readonly complainant: string; readonly summary: string }
>;

/** S3-7 counts verified complaints (≥ 3 ⇒ D). */
export type ComplaintVerified = YearRecord<
  'ComplaintVerified',
  { readonly complaintId: string; readonly upheld: boolean; readonly finding: string }
>;

export type PenaltyImposed = YearRecord<
  'PenaltyImposed',
  {
    readonly penaltyKind: 'administrative' | 'judicial';
    readonly authority: string;
    readonly summary: string;
  }
>;

/** S1-6 / S4-1 / F-10: 失信被执行人 listings, 巡视审计 findings and other credit facts. */
export type CreditEventRecorded = YearRecord<
  'CreditEventRecorded',
  {
    readonly creditKind: 'dishonest_debtor' | 'audit_finding' | 'other_bad_credit' | 'cleared';
    readonly source: string;
    readonly summary: string;
  }
>;

/** S3-5 / S3 第十三条: 5–7 experts' scores. */
export type ExpertScoresRecorded = YearRecord<
  'ExpertScoresRecorded',
  {
    readonly programId: string | null;
    readonly scores: readonly { readonly expert: string; readonly score: number }[];
  }
>;

/** S3-7: conduct at an evaluation that makes the grade D directly. */
export type EvaluationConductRecorded = YearRecord<
  'EvaluationConductRecorded',
  {
    readonly conduct: 'no_show' | 'provincial_unqualified' | 'false_evidence';
    readonly programId: string | null;
    readonly summary: string;
  }
>;

/** S0-7: missed network meetings or assigned work. */
export type MeetingMissed = YearRecord<
  'MeetingMissed',
  { readonly missedKind: 'meeting' | 'task'; readonly title: string }
>;

/** Funds paid against a published program award (bounded by what is awarded and not yet paid). */
export type DisbursementRecorded = YearRecord<
  'DisbursementRecorded',
  {
    readonly programId: string;
    readonly amountFen: number;
    readonly reference: string;
  }
>;

/** What a confirmed fraud established as fabricated: S1-7's three kinds. */
export type FabricatedKind = 'activities' | 'records' | 'ratings';

/**
 * An administrator's confirmation of a fraud signal (RULES.md F-1..F-10): a signal never changes
 * a grade by itself, this decision does. `fabricated` is what the signal establishes; when it is
 * set, the decider applies S1-7 in the same append (PlatformDisqualified, ClawbackProposed).
 */
export type FraudSignalConfirmed = YearRecord<
  'FraudSignalConfirmed',
  {
    readonly signalId: string;
    /** The F-rule that raised the signal. */
    readonly ruleId: string;
    readonly fabricated: FabricatedKind | null;
    readonly reason: string;
    readonly evidenceRefs: readonly string[];
    /** The events the signal named when it was confirmed. */
    readonly signalEventIds: readonly string[];
  }
>;

/** An administrator's dismissal of a fraud signal: it stays in the log, with the reason. */
export type FraudSignalDismissed = YearRecord<
  'FraudSignalDismissed',
  {
    readonly signalId: string;
    readonly ruleId: string;
    readonly reason: string;
    readonly evidenceRefs: readonly string[];
  }
>;

/**
 * 取消资格: the platform may not be supported in `yearsAffected` (recorded in the stream of the
 * year whose facts are the cause). `causeId` is the event behind it (a confirmed fraud for S1-7).
 */
export type PlatformDisqualified = YearRecord<
  'PlatformDisqualified',
  {
    readonly ruleId: string;
    readonly reason: string;
    readonly evidenceRefs: readonly string[];
    readonly yearsAffected: readonly number[];
    readonly causeId: string | null;
  }
>;

/** S1-7: what the year's disbursements paid and no clawback has claimed yet, proposed for 追回. */
export type ClawbackProposed = YearRecord<
  'ClawbackProposed',
  { readonly ruleId: string; readonly amountFen: number; readonly causeId: string }
>;

/** 追回资金: an order to pay back part of the year's disbursements (recordId is the clawback's id). */
export type ClawbackOrdered = YearRecord<
  'ClawbackOrdered',
  {
    readonly ruleId: string;
    readonly amountFen: number;
    readonly reason: string;
    /** The proposal or disqualification it carries out, if any. */
    readonly causeId: string | null;
  }
>;

/** A repayment against an ordered clawback. */
export type ClawbackRepaid = YearRecord<
  'ClawbackRepaid',
  { readonly clawbackId: string; readonly amountFen: number; readonly reference: string }
>;

/** Decisions about a year's integrity: final — a later decision answers them, never a retraction. */
export type IntegrityEvent =
  | FraudSignalConfirmed
  | FraudSignalDismissed
  | PlatformDisqualified
  | ClawbackProposed
  | ClawbackOrdered
  | ClawbackRepaid;

/** What a platform reports itself (the record routes and the batch import). */
export type PlatformReportedEvent =
  | WorkPlanSubmitted
  | ServiceActivityRecorded
  | ServiceRecorded
  | SatisfactionRated
  | FinancingDealRecorded
  | TrainingRecorded
  | RecruitmentRecorded
  | MatchmakingDealRecorded
  | TechDemandSolved
  | ResidentEnterpriseJoined
  | ItemPublished
  | MaterialUploaded;

/** What county authorities and administrators record about a platform's year. */
export type AuthorityEvent =
  | DistrictReviewed
  | ComplaintFiled
  | ComplaintVerified
  | PenaltyImposed
  | CreditEventRecorded
  | ExpertScoresRecorded
  | EvaluationConductRecorded
  | MeetingMissed
  | DisbursementRecorded;

export type PlatformYearEvent =
  PlatformReportedEvent | AuthorityEvent | IntegrityEvent | RecordRetracted | YearSubmitted;
export type PlatformYearEventType = PlatformYearEvent['type'];
