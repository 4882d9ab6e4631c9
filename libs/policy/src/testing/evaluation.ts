import type { PlatformView } from '@ledger/projections/platforms/platform.view';
import type { PlatformYearMetrics } from '@ledger/projections/platform-year-metrics/metrics.view';

import type {
  EvaluationContext,
  PackResult,
  PlatformEvaluationInput,
  PlatformResult,
  PolicyPack,
  RuleApplication,
} from '../pack';

/** Spec helpers around a pack run: build the context, run with parameters, find a result. */
export function enrolled(
  platform: PlatformView,
  metrics: PlatformYearMetrics | null,
  previousYears: readonly PlatformYearMetrics[] = [],
): PlatformEvaluationInput {
  return { platform, metrics, previousYears };
}

export function evaluationContext(
  platforms: readonly PlatformEvaluationInput[],
  year = 2025,
  programId = 'program-1',
): EvaluationContext {
  return { year, programId, platforms };
}

/** Resolves the given parameters (throwing on a problem: a spec's own mistake) and evaluates. */
export function runPack<P extends object>(
  pack: PolicyPack<P>,
  context: EvaluationContext,
  given: Readonly<Record<string, unknown>> = {},
): PackResult {
  const resolved = pack.resolveParameters(given);
  if (!resolved.ok) throw new Error(`bad parameters: ${JSON.stringify(resolved.problems)}`);
  return pack.evaluate(context, resolved.parameters);
}

export function resultFor(result: PackResult, platformId: string): PlatformResult {
  const found = result.results.find((line) => line.platformId === platformId);
  if (found === undefined) throw new Error(`no result for ${platformId}`);
  return found;
}

/** The (last) application of a rule id to a platform. */
export function ruleOf(result: PlatformResult, ruleId: string): RuleApplication {
  const found = result.rules.findLast((rule) => rule.ruleId === ruleId);
  if (found === undefined)
    throw new Error(
      `${result.platformId} has no ${ruleId} (has ${result.rules.map((r) => r.ruleId).join(', ')})`,
    );
  return found;
}

/** Every application of a rule id to a platform, in order (S3-5 scores, then bands). */
export function rulesOf(result: PlatformResult, ruleId: string): readonly RuleApplication[] {
  return result.rules.filter((rule) => rule.ruleId === ruleId);
}
