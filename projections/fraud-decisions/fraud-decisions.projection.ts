import {
  parsePlatformYearStream,
  type FraudSignalConfirmed,
  type FraudSignalDismissed,
} from '@ledger/domain';
import { platformYearKey } from '../platform-year-metrics/platform-year-metrics.projection';
import type { ProjectedEvent, Projection } from '../shared/projection';

/** Read-model name (the same as READ_MODELS.fraudDecisions in libs/read-models). */
export const FRAUD_DECISIONS = 'fraud-decisions';

/** An administrator's decision on a fraud signal (RULES.md "Fraud signals": confirm or dismiss). */
export interface FraudDecision {
  readonly signalId: string;
  readonly ruleId: string;
  readonly decision: 'confirmed' | 'dismissed';
  /** The FraudSignalConfirmed / FraudSignalDismissed event. */
  readonly eventId: string;
  readonly decidedAt: string;
  readonly reason: string;
  readonly evidenceRefs: readonly string[];
  /** For a confirmation: what it established as fabricated (S1-7 applies when set). */
  readonly fabricated: string | null;
}

/** The decisions of one platform-year, in log order (one per signal, D-FRAUD-SIGNAL). */
export interface FraudDecisionsView {
  readonly decisions: readonly FraudDecision[];
}

type DecisionEvent = FraudSignalConfirmed | FraudSignalDismissed;

/**
 * Decisions on fraud signals, per platform-year (`{platformId}/{year}`): the signal list joins
 * them to show each signal's status. Separate from the signals' projection, whose thresholds may
 * change (a new version rebuilds it) while decisions are facts that never do.
 */
export const fraudDecisions: Projection<FraudDecisionsView> = {
  name: FRAUD_DECISIONS,
  version: 1,
  eventTypes: new Set<DecisionEvent['type']>(['FraudSignalConfirmed', 'FraudSignalDismissed']),
  keysOf(event: ProjectedEvent): readonly string[] {
    const parsed = parsePlatformYearStream(event.stream);
    return parsed === null ? [] : [platformYearKey(parsed.platformId, parsed.year)];
  },
  initialDoc: () => ({ decisions: [] }),
  evolve(doc: FraudDecisionsView, event: ProjectedEvent): FraudDecisionsView {
    // The projector hands over only the two decision types, whose data has the domain's shape.
    const fact = event as unknown as DecisionEvent;
    const confirmed = fact.type === 'FraudSignalConfirmed';
    const decision: FraudDecision = {
      signalId: fact.data.signalId,
      ruleId: fact.data.ruleId,
      decision: confirmed ? 'confirmed' : 'dismissed',
      eventId: fact.data.recordId,
      decidedAt: fact.data.occurredAt,
      reason: fact.data.reason,
      evidenceRefs: [...fact.data.evidenceRefs],
      fabricated: confirmed ? fact.data.fabricated : null,
    };
    return { decisions: [...doc.decisions, decision] };
  },
  view: (doc) => doc,
};
