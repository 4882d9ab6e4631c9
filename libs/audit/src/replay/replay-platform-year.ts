import { platformYearStream } from '@ledger/domain';
import type { EventStore, RecordedEvent, VerifyReport } from '@ledger/event-store';
import {
  eligibilityFor,
  foldEvents,
  FRAUD_DECISIONS,
  type EligibilityView,
  type FraudDecision,
  type FraudDecisionsView,
  type FundingLedgerView,
  type PlatformYearMetrics,
  type YearEligibility,
} from '@ledger/projections/index';
import {
  platformYearKey,
  platformYearMetricsProjection,
} from '@ledger/projections/platform-year-metrics/platform-year-metrics.projection';
import { READ_MODELS } from '@ledger/read-models';
import type { Cut } from '../history/cut';
import { historySnapshot, type HistoryOptions } from '../history/history-snapshot';
import { explain, type Explanation } from '../explain/explain';
import { programResults, type ProgramResult } from '../explain/program-results';

/** The read models a replay and an explain answer from; the others are not folded. */
const REPLAYED_MODELS: readonly string[] = [
  READ_MODELS.platformYearMetrics,
  READ_MODELS.eligibility,
  READ_MODELS.fundingLedger,
  FRAUD_DECISIONS,
];

export interface ReplayPage {
  /** Index of the first event answered among the included events (log order). */
  readonly offset: number;
  readonly limit: number;
}

/** A platform-year as it stood at a cut: the projected state and the events that built it. */
export interface PlatformYearReplay {
  readonly platformId: string;
  readonly year: number;
  readonly cut: Cut;
  /** The highest position included, the head when read, and the position the cut stands for. */
  readonly position: number;
  readonly head: number;
  readonly asOf: number;
  /** The platform-year stream's revision at the cut (-1: nothing yet). */
  readonly revision: number;
  readonly metrics: PlatformYearMetrics | null;
  readonly eligibility: YearEligibility | null;
  readonly funding: {
    readonly year: FundingLedgerView['years'][string] | null;
    readonly totals: FundingLedgerView['totals'] | null;
  };
  /** Each program's standing result for the year then: grade, tier, amount, rules. */
  readonly results: readonly ProgramResult[];
  /** The administrators' decisions on fraud signals of the year, then. */
  readonly fraudDecisions: readonly FraudDecision[];
  readonly events: {
    readonly total: number;
    readonly offset: number;
    readonly limit: number;
    readonly items: readonly RecordedEvent[];
  };
  /** The hash chain of the platform-year stream, verified when asked. */
  readonly verification: VerifyReport | null;
}

/**
 * Replays one platform-year as of a cut (DESIGN.md "Audit"): a global position, a stream
 * revision, or a time on either clock (`recorded` — what the ledger knew then; `occurred` —
 * what had happened by then). The same projections as the live read models, folded in memory
 * from the platform's own streams and its programs'.
 */
export async function replayPlatformYear(
  store: EventStore,
  platformId: string,
  year: number,
  cut: Cut,
  page: ReplayPage,
  options: HistoryOptions & { readonly verify?: boolean } = {},
): Promise<PlatformYearReplay> {
  const stream = platformYearStream(platformId, year);
  const history = await historySnapshot(store, { platformIds: [platformId] }, cut, {
    models: REPLAYED_MODELS,
    ...options,
    verifyStreams: options.verify === true ? [stream] : [],
  });
  const view = (model: string, key: string): unknown => history.views.get(model)?.get(key) ?? null;
  const key = platformYearKey(platformId, year);
  const eligibility = view(READ_MODELS.eligibility, platformId) as EligibilityView | null;
  const funding = view(READ_MODELS.fundingLedger, platformId) as FundingLedgerView | null;
  const revision = history.events.reduce(
    (last, event) => (event.stream === stream ? Math.max(last, event.revision) : last),
    -1,
  );
  const offset = page.offset;
  return {
    platformId,
    year,
    cut,
    position: history.position,
    head: history.head,
    asOf: history.asOf,
    revision,
    metrics: view(READ_MODELS.platformYearMetrics, key) as PlatformYearMetrics | null,
    eligibility: eligibility === null ? null : eligibilityFor(eligibility, year),
    funding: { year: funding?.years[String(year)] ?? null, totals: funding?.totals ?? null },
    results: programResults(history.events, platformId, year),
    fraudDecisions: (view(FRAUD_DECISIONS, key) as FraudDecisionsView | null)?.decisions ?? [],
    events: {
      total: history.events.length,
      offset,
      limit: page.limit,
      items: history.events.slice(offset, offset + page.limit),
    },
    verification: history.verifications.get(stream) ?? null,
  };
}

/**
 * Explains a metric, result, eligibility or funding of a platform-year as of a cut, from the
 * same in-memory history as the replay (the live explain reads LiveMetricsDocs instead).
 */
export async function explainAsOf(
  store: EventStore,
  platformId: string,
  year: number,
  cut: Cut,
  metric: string,
  limit?: number,
): Promise<Explanation & { readonly position: number }> {
  const history = await historySnapshot(store, { platformIds: [platformId] }, cut, {
    models: REPLAYED_MODELS,
  });
  const key = platformYearKey(platformId, year);
  const stream = platformYearStream(platformId, year);
  const metricsProjection = platformYearMetricsProjection();
  const metricsDoc =
    foldEvents(
      metricsProjection,
      history.events.filter((event) => event.stream === stream),
    ).get(key) ?? null;
  const get = (model: string, id: string): unknown => history.views.get(model)?.get(id) ?? null;
  const explanation = explain(
    {
      platformId,
      year,
      metricsDoc,
      metrics: metricsDoc === null ? null : metricsProjection.view(metricsDoc, key),
      programEvents: history.events,
      eligibility: get(READ_MODELS.eligibility, platformId) as EligibilityView | null,
      funding: get(READ_MODELS.fundingLedger, platformId) as FundingLedgerView | null,
    },
    metric,
    limit,
  );
  return { ...explanation, position: history.position };
}
