import type { AnchorRecord, InclusionProof } from '../chain/anchors';
import type { VerifyReport } from '../chain/verify';
import type {
  Actor,
  AppendOptions,
  AppendResult,
  EventToAppend,
  ProjectionEvent,
  ReadAllForProjectionOptions,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeToAllOptions,
} from './types';

/** A catch-up subscription: history, then live events, in global order. */
export interface AllSubscription extends AsyncIterable<RecordedEvent> {
  /**
   * The position up to which everything has been delivered or filtered out: store it after
   * handling an event and pass it back as `fromPosition` to resume without gaps or duplicates.
   */
  readonly checkpoint: number;
  close(): void;
}

/** The port every part of the ledger depends on. */
export interface EventStore {
  readonly kind: string;
  append(
    stream: string,
    events: readonly EventToAppend[],
    options?: AppendOptions,
  ): Promise<AppendResult>;
  readStream(stream: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent>;
  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent>;
  /**
   * readAll for folds (a projector rebuilding read models): the same events in the same order,
   * a page at a time (each non-empty), with the data parsed and the metadata reduced to
   * recordedAt, which is taken from the stored canonical text without parsing the rest (actor,
   * correlation, hashes). A page per await keeps the per-event cost at the fold's own.
   */
  readAllForProjection(
    options?: ReadAllForProjectionOptions,
  ): AsyncIterable<readonly ProjectionEvent[]>;
  subscribeToAll(options?: SubscribeToAllOptions): AllSubscription;
  headPosition(): Promise<number>;
  /** Recompute hash chains (one stream, or every stream and every anchor). */
  verify(options?: { stream?: string }): Promise<VerifyReport>;
  /**
   * A whole stream and the verification of its chain from one read: every event (also past a
   * break; a row whose data or metadata is not JSON is left out) and the report
   * verify({ stream }) would give.
   */
  readVerifiedStream(
    stream: string,
  ): Promise<{ readonly events: RecordedEvent[]; readonly verification: VerifyReport }>;
  /** Append a Merkle root over all stream heads to the anchor stream. */
  anchor(actor: Actor): Promise<AnchorRecord>;
  anchors(): Promise<AnchorRecord[]>;
  /** Prove that a stream's head at an anchor's position is included under the anchor's root. */
  proveInclusion(stream: string, anchorPosition: number): Promise<InclusionProof>;
  close(): Promise<void>;
}
