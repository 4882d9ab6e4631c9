import { parsePlatformYearKey } from '../platform-year-metrics/platform-year-metrics.projection';
import type { Projection } from '../shared/projection';
import type { FraudSignalsView } from './fraud-signals.view';
import { parseFraudDoc, stringifyFraudDoc, type FraudDoc } from './fraud.doc';
import { fraudEvolveFactory, FRAUD_EVENT_TYPES } from './fraud.evolve';
import { docKindOf, fraudKeysFactory, PLATFORM_PREFIX } from './fraud.keys';
import {
  checkFraudThresholds,
  DEFAULT_FRAUD_THRESHOLDS,
  type FraudThresholds,
} from './fraud.thresholds';
import { fraudView } from './fraud.view-of';

export { allSignals } from './all-signals';
export { DEFAULT_FRAUD_THRESHOLDS, type FraudBars, type FraudThresholds } from './fraud.thresholds';
export type { FraudDoc } from './fraud.doc';
export type {
  CrossClaim,
  CrossEvidence,
  FraudFabricates,
  FraudRuleId,
  FraudSeverity,
  FraudSignal,
  FraudSignalsView,
} from './fraud-signals.view';
export { contractDocKey, materialDocKey, platformDocKey, serviceDocKey } from './fraud.keys';

/** Read-model name (READ_MODELS.fraudSignals in libs/read-models). */
export const FRAUD_SIGNALS = 'fraud-signals';

/**
 * Fraud signals F-1..F-10 (RULES.md "Fraud signals") for an administrator to confirm or dismiss.
 * Documents: `{platformId}/{year}` (F-1, F-2, F-4..F-7, F-10), `platform:{platformId}` (F-9),
 * `contract:{hash}` and `service:{uscc}` (F-3), `material:{sha256}` (F-8); each view lists the
 * signals its document raises, per platform-year. List them with `allSignals`.
 */
export function fraudSignalsProjection(
  thresholds: FraudThresholds,
): Projection<FraudDoc, FraudSignalsView> {
  checkFraudThresholds(thresholds);
  const evolve = fraudEvolveFactory();
  return {
    name: FRAUD_SIGNALS,
    version: 1,
    eventTypes: FRAUD_EVENT_TYPES,
    keysOf: fraudKeysFactory(),
    initialDoc: initialFraudDoc,
    evolve: (doc, event) => evolve(doc, event),
    view: (doc, key) => fraudView(doc, key, thresholds),
    codec: { stringify: stringifyFraudDoc, parse: (text) => parseFraudDoc(text) },
  };
}

export const fraudSignals = fraudSignalsProjection(DEFAULT_FRAUD_THRESHOLDS);

export function initialFraudDoc(key: string): FraudDoc {
  const kind = docKindOf(key);
  switch (kind) {
    case 'year':
      return { kind, ...parsePlatformYearKey(key), records: new Map() };
    case 'platform':
      return {
        kind,
        platformId: key.slice(PLATFORM_PREFIX.length),
        profiles: [],
        delivered: new Map(),
        institutionServices: new Map(),
      };
    case 'contract':
    case 'service':
    case 'material':
      return { kind, claims: [] };
  }
}
