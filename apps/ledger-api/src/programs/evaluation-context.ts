import type { OpenedProgram } from '@ledger/domain';
import type { EvaluationContext, PlatformEvaluationInput } from './policy';
import type { PlatformView } from '@ledger/projections/platforms/platform.view';
import type { PlatformYearMetrics } from '@ledger/projections/platform-year-metrics/metrics.view';
import {
  READ_MODELS,
  platformKey,
  platformYearKey,
  type ReadModelSnapshot,
} from '@ledger/read-models';
import { ApiError } from '../http/api-error';

/**
 * Rules that look back (S4-1's two years of operation and of credit) read the two years before the
 * evaluated one: a window of two is what the documents ask for, and the views are small.
 */
export const PREVIOUS_YEARS_READ = 2;

/**
 * What a pack reads about the enrolled platforms, from one snapshot of the read models: each
 * platform's registry view, its metrics for the program year (null when it reported nothing) and
 * for the previous years that have any (most recent first).
 */
export async function evaluationContext(
  snapshot: ReadModelSnapshot,
  program: OpenedProgram,
): Promise<EvaluationContext> {
  const { programId, year } = program.program;
  const ids = program.enrolled;
  const platforms = await snapshot.views<PlatformView>(READ_MODELS.platforms, ids.map(platformKey));
  const years = Array.from({ length: PREVIOUS_YEARS_READ + 1 }, (_, back) => year - back);
  const metrics = await snapshot.views<PlatformYearMetrics>(
    READ_MODELS.platformYearMetrics,
    ids.flatMap((id) => years.map((y) => platformYearKey(id, y))),
  );
  const inputs = ids.map((platformId): PlatformEvaluationInput => {
    const platform = platforms.get(platformKey(platformId));
    if (platform === undefined) {
      // Enrolment needs a filing, so only a projector behind the log (or rebuilding) gets here.
      throw new ApiError(
        503,
        'READ_MODELS_BEHIND',
        `the platform registry has no view of ${platformId} yet: retry shortly`,
      );
    }
    const [current, ...previous] = years.map(
      (y) => metrics.get(platformYearKey(platformId, y)) ?? null,
    );
    return {
      platform,
      metrics: current ?? null,
      previousYears: previous.filter((view): view is PlatformYearMetrics => view !== null),
    };
  });
  return { year, programId, platforms: inputs };
}
