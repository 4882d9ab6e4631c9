import { MIN_YEAR, beijingYearOf, parseInstant, type OpenedProgram } from '@ledger/domain';
import type { EvaluationContext, PlatformEvaluationInput } from '@ledger/policy';
import type { PlatformView } from '@ledger/projections/platforms/platform.view';
import type { PlatformYearMetrics } from '@ledger/projections/platform-year-metrics/metrics.view';
import {
  READ_MODELS,
  platformKey,
  platformYearKey,
  type ReadModelSnapshot,
} from '@ledger/read-models';
import { AuditError } from '../audit-error';

/**
 * What a pack reads about the enrolled platforms, from one snapshot of the read models (live, or
 * folded from the log by historySnapshot): each platform's registry view, its metrics for the
 * program year (null when it reported nothing) and for every earlier year since its filing that
 * has any, most recent first — rules look back two years (S4-1) and the network stocks (S0-6,
 * S0-8 入驻企业, 服务项目) accumulate since the filing. A platform without a registry view is
 * VIEWS_MISSING (details name it): enrolment needs a filing, so the snapshot is behind the log.
 */
export async function evaluationContext(
  snapshot: ReadModelSnapshot,
  program: Pick<OpenedProgram, 'program' | 'enrolled'>,
): Promise<EvaluationContext> {
  const { programId, year } = program.program;
  const ids = program.enrolled;
  const platforms = await snapshot.views<PlatformView>(READ_MODELS.platforms, ids.map(platformKey));
  const yearsOf = new Map<string, number[]>();
  for (const [index, platformId] of ids.entries()) {
    const platform = platforms.get(platformKey(platformId));
    if (platform === undefined) {
      throw new AuditError('VIEWS_MISSING', `the platform registry has no view of ${platformId}`, [
        { field: `enrolled[${String(index)}]`, reason: `no registry view of ${platformId}` },
      ]);
    }
    const filed = Math.max(MIN_YEAR, Math.min(year, filingYearOf(platform)));
    yearsOf.set(
      platformId,
      Array.from({ length: year - filed + 1 }, (_, back) => year - back),
    );
  }
  const metrics = await snapshot.views<PlatformYearMetrics>(
    READ_MODELS.platformYearMetrics,
    ids.flatMap((id) => (yearsOf.get(id) ?? []).map((y) => platformYearKey(id, y))),
  );
  const inputs = ids.map((platformId): PlatformEvaluationInput => {
    const platform = platforms.get(platformKey(platformId)) as PlatformView;
    const [current, ...previous] = (yearsOf.get(platformId) ?? []).map(
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

/** The Beijing year of the filing (备案); a registry view without a readable date reads none back. */
function filingYearOf(platform: PlatformView): number {
  const filed = parseInstant(platform.filedAt);
  return filed === null ? Number.POSITIVE_INFINITY : beijingYearOf(filed);
}
