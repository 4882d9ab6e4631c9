import {
  AREA_INDICATORS,
  PLAN_INDICATORS,
  isAreaIndicator,
  isPlanIndicator,
  type AreaIndicator,
  type PlanIndicator,
  type ServiceArea,
} from '@ledger/domain';
import type { AreaTally, MetricTally, PlatformFunction } from './metrics.view';

/**
 * S3-2 / S4-2: the service areas whose activities and enterprises make up each function. The
 * documents name functions (信息 / 技术 / 创业 / 培训 / 融资服务), records carry areas; this table is
 * the one place the two meet. On top of their areas, the training function takes every
 * TrainingRecorded (sessions, trainees) and the financing function every FinancingDealRecorded,
 * whatever area they were filed under (see metrics.view-of.ts).
 */
export const FUNCTION_AREAS: Readonly<Record<PlatformFunction, readonly ServiceArea[]>> = {
  information: ['information'],
  // S3-2 技术服务 and S1-3 科技创新 are both technology services.
  technology: ['technical', 'tech_innovation'],
  startup: ['startup'],
  training: ['training'],
  financing: ['financing'],
};

export const PLATFORM_FUNCTIONS = Object.keys(FUNCTION_AREAS) as PlatformFunction[];

/**
 * Indicators counted per service area (the domain's list: D-PLAN allows an area on exactly
 * these): a plan target with an area reads `byArea[area]`; the guard below keeps them AreaTally's.
 */
export const AREA_INDICATORS_ARE_AREA_COUNTS: (typeof AREA_INDICATORS)[number] extends keyof AreaTally
  ? true
  : never = true;

export { AREA_INDICATORS, isAreaIndicator, type AreaIndicator };

/** Counted for the whole year only: deals, recruitments, items … carry no service area. */
export type YearIndicator = Exclude<PlanIndicator, AreaIndicator>;
export type MetricIndicator = PlanIndicator;

/**
 * S1-4: the indicator names a work plan may set targets for — every count of MetricTally (ratios
 * such as publicInterestShare and the nested rating tally are not targets). The list lives in the
 * domain (libs/domain/src/platform-year/plan-indicators.ts), which refuses plans naming anything
 * else (D-PLAN); the type checks below keep it equal to MetricTally's counts.
 */
export const METRIC_INDICATORS: readonly MetricIndicator[] = PLAN_INDICATORS;

export function isYearIndicator(name: string): name is YearIndicator {
  return isPlanIndicator(name) && !isAreaIndicator(name);
}

// Compile-time guards: MetricTally's counts and the domain's plan indicators are the same names.
type CountKeys<T> = { [K in keyof T]-?: T[K] extends number ? K : never }[keyof T];
type Same<A, B> = [Exclude<A, B>, Exclude<B, A>] extends [never, never] ? true : [A, B];
export const PLAN_INDICATORS_ARE_METRIC_COUNTS: Same<CountKeys<MetricTally>, PlanIndicator> = true;
export const AREA_INDICATORS_ARE_PLAN_INDICATORS: AreaIndicator extends PlanIndicator
  ? true
  : never = true;
