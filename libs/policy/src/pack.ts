import type { PlatformView } from '@ledger/projections/platforms/platform.view';
import type { PlatformYearMetrics } from '@ledger/projections/platform-year-metrics/metrics.view';

/**
 * A policy pack: one source document (RULES.md S0..S4) as a pure function from read-model views
 * and parameters to one result per platform. Every silence in the document is a named parameter
 * with a documented default (listed in libs/policy/README.md); a result records the pack id,
 * version and the parameters it ran with, and every result cites the rule ids it applied.
 */

export type PackId =
  | 'cq-window-2025'
  | 'bengbu-demo-2022'
  | 'cq-demo-certification'
  | 'cq-network-2020'
  | 'hunan-network-2020';

/** What a pack knows about one enrolled platform. */
export interface PlatformEvaluationInput {
  readonly platform: PlatformView;
  /** The evaluated year's metrics; null when the platform reported nothing that year. */
  readonly metrics: PlatformYearMetrics | null;
  /** Earlier years' metrics where a rule looks back (S4-1 operating two years, credit). */
  readonly previousYears: readonly PlatformYearMetrics[];
}

export interface EvaluationContext {
  readonly year: number;
  readonly programId: string;
  readonly platforms: readonly PlatformEvaluationInput[];
}

/** A rule applied to one platform: which, with what figures, and the outcome. */
export interface RuleApplication {
  readonly ruleId: string;
  readonly outcome: 'pass' | 'fail' | 'flag' | 'info';
  /** A short English sentence a civil servant can check against the document. */
  readonly detail: string;
  /** The figures the rule read (e.g. { completionRate: 0.6999, bar: 0.7 }). */
  readonly figures?: Readonly<Record<string, number | string | boolean | null>>;
  /** Read-model facts carry event ids where they have them (certification, credit, reviews…). */
  readonly eventIds?: readonly string[];
}

export interface PlatformResult {
  readonly platformId: string;
  readonly platformName: string;
  /** Included in grading; false for exclusions (S0-2 late filing, S0-4 graded as window, S3-1 not eligible…). */
  readonly graded: boolean;
  readonly score: number | null;
  /** 1-based among graded platforms, null when not ranked. */
  readonly rank: number | null;
  /** The document's own words: 优秀 / 合格 / 不合格 / A / B / C / D / 一档 / 二档 / 通过 … */
  readonly grade: string | null;
  readonly tier: string | null;
  readonly amountFen: number;
  /** Tags such as 建设期 (S0-3), irregularity flags (S0-6), 联系不通畅 (S0-7). */
  readonly flags: readonly string[];
  /** S1-4: 不合格 this year ⇒ no support next year. */
  readonly ineligibleNextYear: boolean;
  readonly rules: readonly RuleApplication[];
}

export interface PackResult {
  readonly packId: PackId;
  readonly packVersion: string;
  /** The parameters the pack ran with, defaults filled in. */
  readonly parameters: Readonly<Record<string, unknown>>;
  readonly year: number;
  /** In table order (序号 = index + 1). */
  readonly results: readonly PlatformResult[];
  /** Network-level figures for the network packs (S0-8, S2-1..S2-3); empty for the others. */
  readonly network: Readonly<Record<string, unknown>>;
}

/** A parameter problem, reported as a 4xx with the field at fault. */
export interface ParameterProblem {
  readonly field: string;
  readonly reason: string;
}

export interface PolicyPack<Params extends object> {
  readonly id: PackId;
  readonly version: string;
  readonly title: string;
  readonly defaults: Params;
  /** Defaults merged with the given parameters, or the problems (unknown keys, wrong types). */
  resolveParameters(
    given: Readonly<Record<string, unknown>>,
  ):
    | { readonly ok: true; readonly parameters: Params }
    | { readonly ok: false; readonly problems: readonly ParameterProblem[] };
  evaluate(context: EvaluationContext, parameters: Params): PackResult;
}
