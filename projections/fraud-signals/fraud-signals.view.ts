/**
 * The fraud-signals read model (RULES.md "Fraud signals", F-1..F-10): signals for an
 * administrator to confirm (FraudSignalConfirmed, citing `signalId`) or dismiss. A signal never
 * changes a grade by itself.
 */

export type FraudRuleId =
  'F-1' | 'F-2' | 'F-3' | 'F-4' | 'F-5' | 'F-6' | 'F-7' | 'F-8' | 'F-9' | 'F-10';

export type FraudSeverity = 'low' | 'medium' | 'high';

/** What a confirmation would establish as fabricated (S1-7), the domain's FabricatedKind. */
export type FraudFabricates = 'activities' | 'records' | 'ratings';

export interface FraudSignal {
  /**
   * `{ruleId}.{platformId}.{year}.{clause}[.{subject}]`, only [A-Za-z0-9._-]: deterministic and
   * stable as later events arrive (subjects are USCCs, content hashes or the first event of a
   * burst, never counters), because decisions cite it.
   */
  readonly signalId: string;
  readonly ruleId: FraudRuleId;
  readonly platformId: string;
  readonly year: number;
  /** Which clause of the rule raised it, e.g. 'rating_burst', 'shared_contact_phone'. */
  readonly kind: string;
  readonly severity: FraudSeverity;
  /** null when the signal is not about fabricated activities/records/ratings (F-6, F-9, F-10). */
  readonly fabricates: FraudFabricates | null;
  /** The events that raised it, in log order, at most `maxEventIdsPerSignal`. */
  readonly eventIds: readonly string[];
  /** How many events raised it in total (≥ eventIds.length). */
  readonly eventCount: number;
  /** F-3 / F-8: the other platforms involved, sorted ([] otherwise). */
  readonly otherPlatforms: readonly string[];
  /** The numbers (and names) behind it. */
  readonly figures: Readonly<Record<string, number | string>>;
  readonly sentence: { readonly zh: string; readonly en: string };
  /** Global positions of the earliest and the latest event involved. */
  readonly firstPosition: number;
  readonly lastPosition: number;
}

/**
 * One claim of a cross-platform document (F-3, F-8): a record of some platform-year that shares
 * a contract, a service or a material with others.
 */
export interface CrossClaim {
  readonly eventId: string;
  readonly position: number;
  readonly platformId: string;
  readonly year: number;
  /** Claims of one document are compared within their group (the service's day, area, text). */
  readonly group: string;
  /** F-8: the records the upload evidences, sorted and unique. */
  readonly evidences?: readonly string[];
}

/** The claims behind a cross-platform document's signals, with what the sentences name. */
export interface CrossEvidence {
  readonly ruleId: 'F-3' | 'F-8';
  readonly kind: 'same_contract' | 'same_service' | 'same_material';
  /** The signal ids' tail: the clause and a stable subject (a hash, a USCC + hash, a SHA-256). */
  readonly subject: readonly string[];
  readonly figures: Readonly<Record<string, number | string>>;
  readonly claims: readonly CrossClaim[];
}

export interface FraudSignalsView {
  readonly signals: readonly FraudSignal[];
  /**
   * Platform-year views: services, financing deals and materials retracted in the year. A
   * cross-platform document cannot see a retraction (a RecordRetracted names only the record id,
   * not the contract, service or file it shared), so `allSignals` joins the two.
   */
  readonly retracted?: readonly string[];
  /** Cross-platform views that raise signals: the claims they were computed from. */
  readonly cross?: readonly CrossEvidence[];
}
