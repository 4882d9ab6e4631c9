import type { PlatformYearMetrics } from '@ledger/projections/platform-year-metrics/metrics.view';

import { districtReview, target } from '@ledger/projections/testing';
import { metrics, requiredMaterials, type MetricsOverrides } from './metrics';

export interface WindowYearOptions {
  /** Actual against a single planned target of 100 (`enterprisesServed`); default 100. */
  readonly completedOf100?: number;
  /** The county's evidence-stage score, 0..10; default 10. */
  readonly districtScore?: number;
  /** The county's evidence-stage recommendation; default true. */
  readonly recommended?: boolean;
  /** The four S0-6 uploads; default true. */
  readonly materials?: boolean;
}

/**
 * A county window platform's year in one line: one planned target of 100, the county's
 * evidence-stage review and the four basic uploads. Under cq-window-2025's default indicators the
 * score is (materials ? 20 : 0) + 0.7 × completedOf100 + districtScore, which lets a spec set a
 * score (and a ranking) directly.
 */
export function windowYear(
  platformId: string,
  options: WindowYearOptions = {},
  overrides: MetricsOverrides = {},
): PlatformYearMetrics {
  const {
    completedOf100 = 100,
    districtScore = 10,
    recommended = true,
    materials = true,
  } = options;
  return metrics(platformId, {
    targets: [target('enterprisesServed', 100, completedOf100)],
    districtReviews: {
      plan: districtReview(`plan-review-${platformId}`, 0, true),
      evidence: districtReview(`evidence-review-${platformId}`, districtScore, recommended),
    },
    ...(materials ? { materials: requiredMaterials() } : {}),
    ...overrides,
  });
}

export interface DemonstrationYearOptions {
  /** Expert panel scores (S3-5), recorded under `programId`; default none. */
  readonly experts?: readonly number[];
  /** Default 'program-1', the evaluationContext default. */
  readonly programId?: string;
  /** Default true: the year was submitted on 2026-01-10. */
  readonly submitted?: boolean;
}

/**
 * A demonstration platform's year that meets exactly one 第四条 function (training: 10 sessions,
 * 1,000 trainees) and nothing else, with an optional expert panel; overrides replace any part.
 */
export function demonstrationYear(
  platformId: string,
  options: DemonstrationYearOptions = {},
  overrides: MetricsOverrides = {},
): PlatformYearMetrics {
  const { experts, programId = 'program-1', submitted = true } = options;
  return metrics(platformId, {
    calendarYear: { byFunction: { training: { trainingSessions: 10, trainees: 1_000 } } },
    submittedAt: submitted ? '2026-01-10T09:00:00+08:00' : null,
    expertScores: experts === undefined ? {} : { [programId]: experts },
    ...overrides,
  });
}
