import type { MetricsDoc } from '@ledger/projections/platform-year-metrics/metrics.doc';
import {
  eligibilityFor,
  type EligibilityView,
  type FundingLedgerView,
  type PlatformYearMetrics,
  type ProjectedEvent,
} from '@ledger/projections/index';
import { AuditError } from '../audit-error';
import { explainMetric, type MetricExplanation } from './explain-metric';
import { programResults, type ProgramResult } from './program-results';

/** What every explanation answers: the value, the rules applied and the events behind it. */
export interface Explanation {
  readonly platformId: string;
  readonly year: number;
  readonly metric: string;
  readonly value: unknown;
  readonly ruleIds: readonly string[];
  readonly eventIds: readonly string[];
  readonly eventCount: number;
  readonly detail: string;
  /** For grades, tiers and amounts: each program's rule applications, with their own event ids. */
  readonly rules?: readonly {
    readonly programId: string;
    readonly ruleId: string;
    readonly outcome: string;
    readonly detail: string;
    readonly eventIds: readonly string[];
  }[];
  readonly excluded?: MetricExplanation['excluded'];
}

export interface ExplainSources {
  readonly platformId: string;
  readonly year: number;
  /** The platform-year's metrics document and view (null when it reported nothing). */
  readonly metricsDoc: MetricsDoc | null;
  readonly metrics: PlatformYearMetrics | null;
  /** The program streams' events, in log order (programResults folds them). */
  readonly programEvents: readonly ProjectedEvent[];
  readonly eligibility: EligibilityView | null;
  readonly funding: FundingLedgerView | null;
}

const RESULT_FIELDS = {
  grade: 'grade',
  tier: 'tier',
  amount: 'amountFen',
  score: 'score',
  rank: 'rank',
} as const;
type ResultMetric = keyof typeof RESULT_FIELDS;

/**
 * Explains a metric (see explainMetric), a program result (`grade`, `tier`, `amount`, `score`,
 * `rank`), `eligibility` or `funding` of one platform-year: the rule ids applied and the event
 * ids that contributed (DESIGN.md "Audit"; "every number is explainable").
 */
export function explain(sources: ExplainSources, metric: string, limit = 1_000): Explanation {
  const { platformId, year } = sources;
  if (metric in RESULT_FIELDS) {
    return explainResult(sources, metric as ResultMetric);
  }
  if (metric === 'eligibility') return explainEligibility(sources);
  if (metric === 'funding') return explainFunding(sources);
  if (sources.metricsDoc === null || sources.metrics === null) {
    throw new AuditError('NOT_FOUND', `${platformId} reported nothing for ${String(year)}`, [
      { field: 'year', reason: 'no platform-year events' },
    ]);
  }
  return explainMetric(sources.metricsDoc, sources.metrics, metric, limit);
}

function explainResult(sources: ExplainSources, metric: ResultMetric): Explanation {
  const results = programResults(sources.programEvents, sources.platformId, sources.year);
  const rules = results.flatMap((result) =>
    result.line.rules.map((rule) => ({
      programId: result.programId,
      ruleId: rule.ruleId,
      outcome: rule.outcome,
      detail: rule.detail,
      eventIds: rule.eventIds ?? [],
    })),
  );
  const eventIds = unique([
    ...results.flatMap(resultEvents),
    ...rules.flatMap((rule) => rule.eventIds),
  ]);
  const field = RESULT_FIELDS[metric];
  return {
    platformId: sources.platformId,
    year: sources.year,
    metric,
    value: results.map((result) => ({ programId: result.programId, [field]: result.line[field] })),
    ruleIds: unique(rules.map((rule) => rule.ruleId)),
    eventIds,
    eventCount: eventIds.length,
    detail:
      results.length === 0
        ? `No program has evaluated ${sources.platformId} for ${String(sources.year)}.`
        : results
            .map(
              (result) =>
                `${result.programId} (${result.packId} ${result.packVersion}, evaluation ${result.evaluationId}${result.publicationEventId === null ? ', not published' : ', published'}, read at position ${String(result.position)}): ${field} ${String(result.line[field])}`,
            )
            .join('; '),
    rules,
  };
}

function resultEvents(result: ProgramResult): string[] {
  return result.publicationEventId === null
    ? [result.evaluationEventId]
    : [result.evaluationEventId, result.publicationEventId];
}

function explainEligibility(sources: ExplainSources): Explanation {
  const answer =
    sources.eligibility === null ? null : eligibilityFor(sources.eligibility, sources.year);
  const reasons = answer?.reasons ?? [];
  const eventIds = unique(reasons.flatMap((reason) => reason.eventIds));
  return {
    platformId: sources.platformId,
    year: sources.year,
    metric: 'eligibility',
    value: answer,
    ruleIds: unique(reasons.map((reason) => reason.ruleId)),
    eventIds,
    eventCount: eventIds.length,
    detail:
      answer === null
        ? `${sources.platformId} is not filed.`
        : answer.eligible
          ? `Eligible in ${String(sources.year)}: no reason applies.`
          : reasons.map((reason) => `${reason.ruleId}: ${reason.reason}`).join(' '),
  };
}

function explainFunding(sources: ExplainSources): Explanation {
  const year = sources.funding?.years[String(sources.year)] ?? null;
  const movements =
    year === null
      ? []
      : [
          ...year.awards.map((award) => ({ eventId: award.eventId, ruleId: 'S1-5' })),
          ...year.disbursements.map((payment) => ({
            eventId: payment.eventId,
            ruleId: 'D-DISBURSEMENT',
          })),
          ...year.clawbackProposals.map((proposal) => ({
            eventId: proposal.eventId,
            ruleId: proposal.ruleId,
          })),
          ...year.clawbacks.flatMap((order) => [
            { eventId: order.eventId, ruleId: order.ruleId },
            ...order.repayments.map((repayment) => ({
              eventId: repayment.eventId,
              ruleId: 'D-REPAYMENT',
            })),
          ]),
        ];
  const eventIds = unique(movements.map((movement) => movement.eventId));
  return {
    platformId: sources.platformId,
    year: sources.year,
    metric: 'funding',
    value: year,
    ruleIds: unique(movements.map((movement) => movement.ruleId)),
    eventIds,
    eventCount: eventIds.length,
    detail:
      year === null
        ? `No award, payment or clawback for ${String(sources.year)}.`
        : `Awarded ${String(year.totals.awardedFen)} 分, disbursed ${String(year.totals.disbursedFen)} 分, clawed back ${String(year.totals.clawedBackFen)} 分, repaid ${String(year.totals.repaidFen)} 分, owed ${String(year.totals.owedFen)} 分.`,
  };
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
