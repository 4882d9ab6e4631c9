/**
 * An evaluation program (stream `program-{programId}`): a policy pack applied to one year's
 * enrolled platforms. Evaluations record the global position they read up to, so any evaluation
 * can be reproduced by replaying the log to that position; publishing makes one evaluation's
 * results the awards (the funding ledger and eligibility read them).
 */

export interface ProgramOpened {
  readonly type: 'ProgramOpened';
  readonly data: {
    readonly programId: string;
    readonly title: string;
    readonly packId: string;
    readonly packVersion: string;
    readonly year: number;
    /** The pack's parameters with defaults filled in, as resolved at opening. */
    readonly parameters: Readonly<Record<string, unknown>>;
    readonly openedAt: string;
  };
}

export interface PlatformsEnrolled {
  readonly type: 'PlatformsEnrolled';
  readonly data: { readonly platformIds: readonly string[]; readonly enrolledAt: string };
}

/** One platform's line in an evaluation (compact; the full rule trail is in `rules`). */
export interface ProgramResultLine {
  readonly platformId: string;
  readonly platformName: string;
  readonly graded: boolean;
  readonly score: number | null;
  readonly rank: number | null;
  readonly grade: string | null;
  readonly tier: string | null;
  readonly amountFen: number;
  readonly flags: readonly string[];
  readonly ineligibleNextYear: boolean;
  readonly rules: readonly {
    readonly ruleId: string;
    readonly outcome: string;
    readonly detail: string;
    readonly figures?: Readonly<Record<string, number | string | boolean | null>>;
    readonly eventIds?: readonly string[];
  }[];
}

export interface ProgramEvaluated {
  readonly type: 'ProgramEvaluated';
  readonly data: {
    readonly evaluationId: string;
    /** The global position of the read models the evaluation read (reproducible by replay). */
    readonly position: number;
    readonly evaluatedAt: string;
    readonly packId: string;
    readonly packVersion: string;
    readonly parameters: Readonly<Record<string, unknown>>;
    readonly results: readonly ProgramResultLine[];
    readonly network: Readonly<Record<string, unknown>>;
  };
}

/** The awards: funding and eligibility read the published lines. */
export interface ProgramResultsPublished {
  readonly type: 'ProgramResultsPublished';
  readonly data: {
    readonly evaluationId: string;
    readonly publishedAt: string;
    readonly year: number;
    readonly results: readonly {
      readonly platformId: string;
      readonly grade: string | null;
      readonly tier: string | null;
      readonly amountFen: number;
      readonly ineligibleNextYear: boolean;
      readonly ruleIds: readonly string[];
    }[];
  };
}

export type ProgramEvent =
  ProgramOpened | PlatformsEnrolled | ProgramEvaluated | ProgramResultsPublished;
export type ProgramEventType = ProgramEvent['type'];
