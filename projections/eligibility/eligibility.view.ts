import type { PlatformKind } from '@ledger/domain';

/**
 * Who may be supported in which year, and why not (RULES.md S1-4, S1-6, S3-1, S4-4): one view per
 * platform. `years` lists the platform's years from its filing to the last year any fact names;
 * `eligibilityFor(view, year)` answers any other year from the platform-level facts.
 */
export interface EligibilityView {
  readonly platformId: string;
  /** Facts that hold for every year, so a year not listed can still be answered. */
  readonly platform: PlatformFacts;
  readonly years: Readonly<Record<string, YearEligibility>>;
}

export interface PlatformFacts {
  /** null until the filing is seen. */
  readonly kind: PlatformKind | null;
  readonly filedYear: number | null;
  /** Certification validity as Beijing years (inclusive): S3-1 reads "valid in the year". */
  readonly certifications: readonly {
    readonly eventId: string;
    readonly fromYear: number;
    readonly untilYear: number;
  }[];
  readonly revocation: {
    readonly eventId: string;
    readonly revokedAt: string;
    readonly year: number;
    readonly ruleId: string;
    readonly reason: string;
  } | null;
}

export interface YearEligibility {
  /** No reason applies. */
  readonly eligible: boolean;
  readonly reasons: readonly EligibilityReason[];
}

/**
 * Why a platform may not be supported in a year. New causes (S1-7 fraud, disqualification …) add a
 * member to EligibilityCause and a source in eligibility.reasons.ts; readers key on `cause` and
 * cite `ruleId` and `eventIds`.
 */
export interface EligibilityReason {
  readonly ruleId: string;
  readonly cause: EligibilityCause;
  /** One English sentence a civil servant can check against the document. */
  readonly reason: string;
  /** The events that establish the cause (a publication, a credit event, a revocation …). */
  readonly eventIds: readonly string[];
  /** The program whose published result is the cause, for program causes. */
  readonly programId: string | null;
}

export type EligibilityCause =
  /** S1-4: graded below the completion bar in the year before (ineligibleNextYear). */
  | 'unqualified_previous_year'
  /** S1-4 / S0-5: graded 不合格 this year. */
  | 'graded_unqualified'
  /** S1-6: listed as 失信被执行人, or an inspection / audit (巡视审计) finding, in the year. */
  | 'bad_credit'
  /** S4-4: revoked (撤消) in this year or before. */
  | 'revoked'
  /** S3-1: a demonstration platform with no certification valid in the year. */
  | 'no_valid_certification'
  /** 取消资格: S1-7 after confirmed fabrication, or an administrator's disqualification. */
  | 'disqualified';
