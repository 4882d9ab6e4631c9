/**
 * Reading projected views (the small `view` each projection stores beside its document). A
 * snapshot sees every model at one global position — the projector applies all models in one
 * transaction per batch — so an evaluation can record the position it read and be reproduced by
 * replaying the log to that position.
 */
export interface ReadModelSnapshot {
  /** The global position every model in this snapshot has applied (-1 before the first event). */
  readonly position: number;
  view<V>(model: string, key: string): Promise<V | null>;
  views<V>(model: string, keys: readonly string[]): Promise<Map<string, V>>;
  /** Every view of a model whose key starts with the prefix ('' for all), in key order. */
  viewsWithPrefix<V>(model: string, prefix: string): Promise<Map<string, V>>;
}

export interface ReadModelReader {
  /** Runs `read` against one consistent snapshot. */
  snapshot<T>(read: (snapshot: ReadModelSnapshot) => Promise<T>): Promise<T>;
  /** The position the projector has applied; callers may wait for it after a write. */
  position(): Promise<number>;
  /** Resolves once every model has applied `position` (read-your-writes), or rejects on timeout. */
  waitFor(position: number, timeoutMs?: number): Promise<void>;
}

/** Model names and keys shared by writers (projections) and readers (API, evaluator, audit). */
export const READ_MODELS = {
  platforms: 'platforms',
  platformYearMetrics: 'platform-year-metrics',
  eligibility: 'eligibility',
  fundingLedger: 'funding-ledger',
  fraudSignals: 'fraud-signals',
  fraudDecisions: 'fraud-decisions',
} as const;

export const platformKey = (platformId: string): string => platformId;
/** `{platformId}/{year}`: a prefix `{platformId}/` lists a platform's years. */
export const platformYearKey = (platformId: string, year: number): string =>
  `${platformId}/${String(year)}`;
