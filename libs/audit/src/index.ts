/**
 * Audit over the log (DESIGN.md "Audit"): history snapshots as of a cut, and what-if
 * re-evaluations built on them. Framework-free: the API and the CLI both call it (README.md).
 */
export { AuditError, type AuditErrorCode, type AuditProblem } from './audit-error';
export {
  asOfPosition,
  checkCut,
  cutIncludes,
  eventInstant,
  type Clock,
  type Cut,
  type ResolvedCut,
} from './history/cut';
export { resolveCut } from './history/resolve-cut';
export { defaultYears } from './history/default-years';
export { documentsInScope, foldViews, type KeepDocument } from './history/fold-views';
export { programsEnrolling } from './history/programs-enrolling';
export {
  historySnapshot,
  type HistoryOptions,
  type HistoryScope,
  type HistorySnapshot,
} from './history/history-snapshot';
export { evaluationContext } from './evaluation/evaluation-context';
export { whatIf } from './what-if/what-if';
export type {
  LineFields,
  ParameterChange,
  PlatformChange,
  RuleLine,
  WhatIf,
  WhatIfBasis,
  WhatIfRequest,
} from './what-if/what-if.types';
export { explain, type ExplainSources, type Explanation } from './explain/explain';
export { explainMetric, type MetricExplanation } from './explain/explain-metric';
export { programResults, type ProgramResult } from './explain/program-results';
export { LiveMetricsDocs, type LiveMetricsDoc } from './explain/live-metrics-docs';
export {
  explainAsOf,
  replayPlatformYear,
  type PlatformYearReplay,
  type ReplayPage,
} from './replay/replay-platform-year';
