import type { PlatformView } from '@ledger/projections/platforms/platform.view';
import type {
  EvaluationContext,
  PackId,
  PlatformResult,
  PolicyPack,
  RuleApplication,
} from './pack';
import { resolveParameters, type ParameterChecks } from './parameters';

/** What a pack's own evaluation gives: its lines in table order and any network-level figures. */
export interface PackEvaluation {
  readonly results: readonly PlatformResult[];
  /** S0-8, S2-1..S2-3 for the network packs; the others leave it out (an empty object). */
  readonly network?: Readonly<Record<string, unknown>>;
}

export interface PackDefinition<Params extends object> {
  readonly id: PackId;
  readonly version: string;
  readonly title: string;
  readonly defaults: Params;
  /** One check per parameter: what resolveParameters refuses. */
  readonly checks: ParameterChecks<Params>;
  readonly evaluate: (context: EvaluationContext, parameters: Params) => PackEvaluation;
}

/**
 * A policy pack from what is its own: parameters resolve over the defaults with the pack's checks,
 * and every result carries the pack id, version, the parameters it ran with and the year, the
 * same way for every pack (pack.ts).
 */
export function definePack<Params extends object>(
  definition: PackDefinition<Params>,
): PolicyPack<Params> {
  const { id, version, title, defaults, checks, evaluate } = definition;
  return {
    id,
    version,
    title,
    defaults,
    resolveParameters: (given) => resolveParameters(defaults, checks, given),
    evaluate: (context, parameters) => {
      const { results, network = {} } = evaluate(context, parameters);
      return {
        packId: id,
        packVersion: version,
        parameters: { ...(parameters as Readonly<Record<string, unknown>>) },
        year: context.year,
        results,
        network,
      };
    },
  };
}

/**
 * The line of a platform a pack does not grade (excluded, not eligible, outside the network): no
 * score, rank, grade, tier or amount, and no consequence for next year; the rules say why.
 */
export function notGradedResult(
  platform: PlatformView,
  rules: readonly RuleApplication[],
  flags: readonly string[] = [],
): PlatformResult {
  return {
    platformId: platform.platformId,
    platformName: platform.name,
    graded: false,
    score: null,
    rank: null,
    grade: null,
    tier: null,
    amountFen: 0,
    flags,
    ineligibleNextYear: false,
    rules,
  };
}
