import type { ProgramResultLine } from '@ledger/domain';

export type WhatIfBasis = 'baseline' | 'current';

/** Another pack version or parameter set for a program (API.md "Auditors": what-if). */
export interface WhatIfRequest {
  /** Default: the baseline's pack. */
  readonly packId?: string;
  /** Must be the version the ledger runs of that pack (the registry holds one per pack). */
  readonly packVersion?: string;
  /** Merged over the baseline's parameters (over none when the pack changes), then resolved. */
  readonly parameters?: Readonly<Record<string, unknown>>;
  /** 'baseline' (default): the log as the baseline evaluation read it; 'current': as of now. */
  readonly basis?: WhatIfBasis;
  /** Default: the published evaluation, else the latest. */
  readonly evaluationId?: string;
}

/** A result line without its identity and rule trail: the fields a change is named by. */
export type LineFields = Omit<ProgramResultLine, 'platformId' | 'platformName' | 'rules'>;
export type RuleLine = ProgramResultLine['rules'][number];

export interface ParameterChange {
  readonly name: string;
  /** Null where the side has no such parameter. */
  readonly before: unknown;
  readonly after: unknown;
}

export interface PlatformChange {
  readonly platformId: string;
  readonly name: string;
  /** Null where the side has no line for the platform (enrolled since, with basis current). */
  readonly before: LineFields | null;
  readonly after: LineFields | null;
  /** The fields that differ; 'rules' when a rule's outcome differs; 'line' for a missing side. */
  readonly changes: readonly string[];
  /** The applications of the rules whose outcomes differ, each side; only when some do. */
  readonly rulesBefore?: readonly RuleLine[];
  readonly rulesAfter?: readonly RuleLine[];
}

export interface WhatIf {
  readonly programId: string;
  readonly year: number;
  readonly basis: WhatIfBasis;
  readonly baseline: {
    /** Null with basis current before any evaluation: the program's own pack stood in. */
    readonly evaluationId: string | null;
    readonly evaluatedAt: string | null;
    readonly published: boolean;
    /** The position the baseline read (for a stand-in, the candidate's). */
    readonly position: number;
    readonly packId: string;
    readonly packVersion: string;
    readonly parameters: Readonly<Record<string, unknown>>;
  };
  readonly candidate: {
    readonly packId: string;
    readonly packVersion: string;
    readonly parameters: Readonly<Record<string, unknown>>;
    /** The global position the candidate read the log to. */
    readonly position: number;
  };
  readonly changedParameters: readonly ParameterChange[];
  /** Every platform of either side: the candidate's table order, then any only the baseline has. */
  readonly platforms: readonly PlatformChange[];
  readonly summary: {
    readonly platforms: number;
    readonly changed: number;
    readonly unchanged: number;
    readonly awardedFenBefore: number;
    readonly awardedFenAfter: number;
  };
}
