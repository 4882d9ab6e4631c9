import type { FraudSignal, FraudSignalsView } from './fraud-signals.view';
import { compareSignals } from './fraud.signal';
import { DEFAULT_FRAUD_THRESHOLDS, type FraudThresholds } from './fraud.thresholds';
import { crossSignals } from './rules.cross';

/**
 * Every signal of the given views, once each (by signalId), sorted by platform, year, rule number
 * and signal id. Cross-platform signals (F-3, F-8) are joined here with the retractions the
 * platform-year views report, which their own documents cannot see: a retracted claim is taken
 * out and the signal asked for again. Pass every view of the model (or at least the platform-year
 * views of the platforms a cross-platform view names), with the thresholds the projection was
 * built with.
 */
export function allSignals(
  views: Iterable<FraudSignalsView>,
  thresholds: FraudThresholds = DEFAULT_FRAUD_THRESHOLDS,
): FraudSignal[] {
  const list = [...views];
  const retracted = new Set<string>();
  for (const view of list) for (const id of view.retracted ?? []) retracted.add(id);
  const byId = new Map<string, FraudSignal>();
  for (const view of list) {
    const { cross } = view;
    const stale =
      cross !== undefined &&
      retracted.size > 0 &&
      cross.some((evidence) => evidence.claims.some((claim) => retracted.has(claim.eventId)));
    const signals = stale
      ? cross.flatMap((evidence) =>
          crossSignals(
            {
              ...evidence,
              claims: evidence.claims.filter((claim) => !retracted.has(claim.eventId)),
            },
            thresholds,
          ),
        )
      : view.signals;
    for (const signal of signals) if (!byId.has(signal.signalId)) byId.set(signal.signalId, signal);
  }
  return [...byId.values()].sort(compareSignals);
}
