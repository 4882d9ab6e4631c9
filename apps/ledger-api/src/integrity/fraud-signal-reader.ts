import { Inject, Injectable } from '@nestjs/common';
import { platformKey, READ_MODELS, type ReadModelReader } from '@ledger/read-models';
import {
  parsePlatformYearKey,
  type FraudDecision,
  type FraudDecisionsView,
} from '@ledger/projections/index';
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

/**
 * A decision whose signal is no longer raised: a record it named was retracted since, or the
 * figures moved. The decision stands (it is an event); the list shows it apart from the signals.
 */
export interface WithdrawnSignal {
  readonly signalId: string;
  readonly ruleId: string;
  readonly platformId: string;
  readonly year: number;
  readonly status: Exclude<SignalStatus, 'open'>;
  readonly decision: FraudDecision;
}

export interface SignalList {
  readonly signals: SignalWithStatus[];
  readonly withdrawn: WithdrawnSignal[];
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

  list(filter: SignalFilter): Promise<SignalList> {
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
      const matches = (signal: { platformId: string; year: number; ruleId: string }): boolean =>
        (filter.platformIds === null || filter.platformIds.has(signal.platformId)) &&
        (filter.year === null || signal.year === filter.year) &&
        (filter.ruleId === null || signal.ruleId === filter.ruleId);
      const raised = allSignals(views);
      const decisions = new Map<
        string,
        { decision: FraudDecision; platformId: string; year: number }
      >();
      for (const prefix of prefixes) {
        const found = await snapshot.viewsWithPrefix<FraudDecisionsView>(
          READ_MODELS.fraudDecisions,
          prefix,
        );
        for (const [key, view] of found) {
          const { platformId, year } = parsePlatformYearKey(key);
          for (const decision of view.decisions) {
            decisions.set(decision.signalId, { decision, platformId, year });
          }
        }
      }
      const signals = raised
        .filter(matches)
        .map((signal): SignalWithStatus => {
          const decision = decisions.get(signal.signalId)?.decision ?? null;
          return { ...signal, status: decision?.decision ?? 'open', decision };
        })
        .filter((signal) => filter.status === null || signal.status === filter.status);
      const raisedIds = new Set(raised.map((signal) => signal.signalId));
      const withdrawn = [...decisions.values()]
        .filter(({ decision }) => !raisedIds.has(decision.signalId))
        .map(({ decision, platformId, year }): WithdrawnSignal => ({
          signalId: decision.signalId,
          ruleId: decision.ruleId,
          platformId,
          year,
          status: decision.decision,
          decision,
        }))
        .filter(
          (signal) =>
            matches(signal) && (filter.status === null || signal.status === filter.status),
        )
        .sort((a, b) => a.signalId.localeCompare(b.signalId));
      return { signals, withdrawn };
    });
  }

  /**
   * The signal as the read model states it now; 404 when no signal has this id, 409 when it was
   * decided and is no longer raised (one decision a signal, D-FRAUD-SIGNAL).
   */
  async signal(signalId: string): Promise<FraudSignal> {
    const everything = await this.list({
      platformIds: null,
      year: null,
      ruleId: null,
      status: null,
    });
    const found = everything.signals.find((signal) => signal.signalId === signalId);
    if (found !== undefined) return found;
    const decided = everything.withdrawn.find((signal) => signal.signalId === signalId);
    if (decided !== undefined) {
      throw new ApiError(
        409,
        'CONFLICT',
        `fraud signal ${signalId} was ${decided.status} and is no longer raised`,
        [{ field: 'signalId', reason: `already ${decided.status}` }],
      );
    }
    throw new ApiError(404, 'NOT_FOUND', `no fraud signal ${signalId}`, [
      { field: 'signalId', reason: 'no such signal' },
    ]);
  }
}
