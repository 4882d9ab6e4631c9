import type { PreparedAppend } from '../append/prepare-append';
import type {
  AppendResult,
  Direction,
  EventFilter,
  HashedPage,
  HeadsSnapshot,
  StoredEvent,
  StoredProjectionEvent,
  StreamHead,
} from './types';

export interface StoredStreamRead {
  /** Inclusive; Number.MAX_SAFE_INTEGER reads backwards from the end. */
  readonly fromRevision: number;
  readonly direction: Direction;
  readonly maxCount: number;
}

export interface StoredAllRead {
  /** Inclusive; Number.MAX_SAFE_INTEGER reads backwards from the end. */
  readonly fromPosition: number;
  readonly direction: Direction;
  readonly maxCount: number;
  readonly filter: EventFilter | undefined;
}

/**
 * What a storage technology implements. Hash chaining, canonical serialisation, verification,
 * anchors and catch-up subscriptions are shared on top of it (see LedgerEventStore).
 */
export interface EventStoreAdapter {
  readonly kind: 'sqlite' | 'postgres' | 'esdb';
  /** True when positions are 1, 2, 3 … without gaps, so a missing row is itself evidence. */
  readonly gapFreePositions: boolean;
  /**
   * True when an event id reused anywhere in the store is caught (a unique index). ESDB only
   * deduplicates ids within a stream's recent events, so it reports false.
   */
  readonly uniqueEventIdsAcrossStreams: boolean;
  appendPrepared(append: PreparedAppend): Promise<AppendResult>;
  /** The stream in pages (each non-empty); never loads the whole stream. */
  readStreamPages(stream: string, read: StoredStreamRead): AsyncIterable<readonly StoredEvent[]>;
  /** The log in global order in pages (each non-empty); never loads the whole log. */
  readAllPages(read: StoredAllRead): AsyncIterable<readonly StoredEvent[]>;
  /**
   * readAllPages for folds: the same events in the same order, in non-empty pages, without the
   * hashes and with recordedAt alone of the metadata. `projectionPagesOf(readAllPages(read))` is
   * a correct implementation; an adapter may do better (SQLite reads long ranges ahead on a
   * thread of its own, so reading overlaps the fold).
   */
  readAllProjectionPages(read: StoredAllRead): AsyncIterable<readonly StoredProjectionEvent[]>;
  /**
   * readStreamPages and readAllPages with each event's hash recomputed: `hashedPagesOf(…)` over
   * them is a correct implementation; SQLite recomputes on its read-ahead thread for long reads,
   * so hashing overlaps what the caller does with the events.
   */
  readStreamHashedPages(stream: string, read: StoredStreamRead): AsyncIterable<HashedPage>;
  readAllHashedPages(read: StoredAllRead): AsyncIterable<HashedPage>;
  headPosition(): Promise<number>;
  streamHead(stream: string): Promise<StreamHead | undefined>;
  /** All stream heads from one consistent snapshot, with the global position they are current at. */
  headsSnapshot(): Promise<HeadsSnapshot>;
  /**
   * Resolves when an event after `position` may have been committed (local notification, server
   * notification or a poll tick), or when `signal` aborts. Callers re-read after it resolves.
   */
  waitForAppend(position: number, signal: AbortSignal): Promise<void>;
  close(): Promise<void>;
}
