import type { FraudSignalsView } from './fraud-signals.view';
import type { FraudDoc } from './fraud.doc';
import type { FraudThresholds } from './fraud.thresholds';
import { identitySignals, duplicateSignals } from './rules.identity';
import { ratingSignals } from './rules.ratings';
import { activitySignals } from './rules.activities';
import { backdatingSignals } from './rules.backdating';
import { barSignals } from './rules.bars';
import { complianceSignals } from './rules.compliance';
import { crossEvidence, crossSignals } from './rules.cross';
import { paperInstitutionSignals } from './rules.institutions';
import { yearIndex } from './fraud.year-index';

/**
 * The signals a document raises, computed from the whole document once per commit it changed
 * in: one pass sorting a platform-year's records by kind, then each rule groups what it reads
 * (hash maps, one sort of the timed ratings by occurredAt), so a view costs O(records) with small
 * constants, O(n log n) at worst for the burst sort.
 */
export function fraudView(
  doc: FraudDoc,
  key: string,
  thresholds: FraudThresholds,
): FraudSignalsView {
  switch (doc.kind) {
    case 'year': {
      const index = yearIndex(doc, thresholds);
      const signals = [
        ...identitySignals(index),
        ...duplicateSignals(index),
        ...ratingSignals(index),
        ...activitySignals(index),
        ...backdatingSignals(index),
        ...barSignals(index),
        ...complianceSignals(index),
      ];
      return index.retracted.length === 0 ? { signals } : { signals, retracted: index.retracted };
    }
    case 'platform':
      return { signals: paperInstitutionSignals(doc, thresholds) };
    case 'contract':
    case 'service':
    case 'material': {
      const cross = crossEvidence(doc, key, thresholds);
      if (cross.length === 0) return { signals: [] };
      return { signals: cross.flatMap((evidence) => crossSignals(evidence, thresholds)), cross };
    }
  }
}
