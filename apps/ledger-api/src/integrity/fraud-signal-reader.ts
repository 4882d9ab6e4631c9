import { Inject, Injectable } from '@nestjs/common';
import { platformKey, READ_MODELS, type ReadModelReader } from '@ledger/read-models';
import type { FraudDecision, FraudDecisionsView } from '@ledger/projections/index';
import { allSignals } from '@ledger/projections/fraud-signals/fraud-signals.projection';
import type {
  FraudSignal,
  FraudSignalsView,
} from '@ledger/projections/fraud-signals/fraud-signals.view';
import { ApiError } from '../http/api-error';
import { READ_MODEL_READER } from '../read-models/read-model-reader.token';

export type SignalStatus = 'open' | 'confirmed' | 'dismissed';

/** A signal as the list answers it: the projection's signal, its status and the decision. */
export interface SignalWithStatus extends FraudSignal {
  readonly status: SignalStatus;
  readonly decision: FraudDecision | null;
}

export interface SignalFilter {
  readonly platformIds: ReadonlySet<string> | null;
  readonly year: number | null;
  readonly ruleId: string | null;
  readonly status: SignalStatus | null;
}

/**
 * Reads fraud signals (projections/fraud-signals) joined with the administrators' decisions
 * (projections/fraud-decisions) from one snapshot of the read models.
 */
@Injectable()
export class FraudSignalReader {
  constructor(@Inject(READ_MODEL_READER) private readonly reader: ReadModelReader) {}

  list(filter: SignalFilter): Promise<SignalWithStatus[]> {
    return this.reader.snapshot(async (snapshot) => {
      const prefixes =
        filter.platformIds === null
          ? ['']
          : [...filter.platformIds].map((id) => `${platformKey(id)}/`);
      const views: FraudSignalsView[] = [];
      // Cross-platform documents (F-3, F-8) are keyed by what is shared, not by platform.
      for (const view of (
        await snapshot.viewsWithPrefix<FraudSignalsView>(READ_MODELS.fraudSignals, '')
      ).values()) {
        views.push(view);
      }
      const wanted = allSignals(views).filter(
        (signal) =>
          (filter.platformIds === null || filter.platformIds.has(signal.platformId)) &&
          (filter.year === null || signal.year === filter.year) &&
          (filter.ruleId === null || signal.ruleId === filter.ruleId),
      );
      const decisions = new Map<string, FraudDecision>();
      for (const prefix of prefixes) {
        const found = await snapshot.viewsWithPrefix<FraudDecisionsView>(
          READ_MODELS.fraudDecisions,
          prefix,
        );
        for (const view of found.values())
          for (const decision of view.decisions) decisions.set(decision.signalId, decision);
      }
      return wanted
        .map((signal): SignalWithStatus => {
          const decision = decisions.get(signal.signalId) ?? null;
          return { ...signal, status: decision?.decision ?? 'open', decision };
        })
        .filter((signal) => filter.status === null || signal.status === filter.status);
    });
  }

  /** The signal as the read model states it now; 404 when no signal has this id. */
  async signal(signalId: string): Promise<FraudSignal> {
    const found = (
      await this.list({ platformIds: null, year: null, ruleId: null, status: null })
    ).find((signal) => signal.signalId === signalId);
    if (found === undefined) {
      throw new ApiError(404, 'NOT_FOUND', `no fraud signal ${signalId}`, [
        { field: 'signalId', reason: 'no such signal' },
      ]);
    }
    return found;
  }
}
