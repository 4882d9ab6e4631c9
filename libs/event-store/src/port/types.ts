/**
 * The event-store port: EventStoreDB semantics (streams with revisions from 0, one global
 * position over all streams, expected-revision checks, idempotent re-append by event id).
 */

export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** What an append expects of the stream: ESDB's constants, or the exact current revision. */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | number;

/** The actual state of a stream when an expected revision did not hold. */
export type ActualRevision = 'no_stream' | number;

export interface Actor {
  /** Token subject (user, service or CLI operator). */
  readonly subject: string;
  /** Role of the token: platform, district, admin, auditor, system. */
  readonly role: string;
}

/** Metadata supplied by the caller; the store adds recordedAt, prevHash and hash. */
export interface EventMetadataInput {
  readonly actor: Actor;
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly schemaVersion: number;
  /**
   * The request's Idempotency-Key and the SHA-256 of its body, on every event the request
   * appended: the ledger itself remembers which request produced which events, across restarts.
   */
  readonly idempotency?: IdempotencyMetadata;
}

export interface IdempotencyMetadata {
  readonly key: string;
  readonly requestSha256: string;
}

export interface EventToAppend<TData extends JsonObject = JsonObject> {
  /** A UUID chosen by the caller: re-appending the same id at the same place is a no-op. */
  readonly id: string;
  readonly type: string;
  readonly data: TData;
  readonly metadata: EventMetadataInput;
}

export interface RecordedMetadata extends EventMetadataInput {
  /** The store's clock at commit (ISO 8601, UTC, ms); never earlier than the previous event's. */
  readonly recordedAt: string;
  /**
   * The event's global position, inside the hash, where the store assigns positions before
   * hashing (SQLite, PostgreSQL); absent on ESDB.
   */
  readonly position?: number;
  /** Hash of the previous event of the same stream, or GENESIS_HASH for revision 0. */
  readonly prevHash: string;
  /** SHA-256 over the RFC 8785 canonical JSON of {stream, revision, type, data, metadata-without-hash}. */
  readonly hash: string;
}

export interface RecordedEvent<TData extends JsonObject = JsonObject> {
  readonly id: string;
  readonly stream: string;
  readonly revision: number;
  readonly position: number;
  readonly type: string;
  readonly data: TData;
  readonly metadata: RecordedMetadata;
}

/**
 * A recorded event as folds read it (EventStore.readAllForProjection): the data, and of the
 * metadata only the store's clock. A RecordedEvent is one, structurally.
 */
export interface ProjectionEvent<TData extends JsonObject = JsonObject> {
  readonly id: string;
  readonly stream: string;
  readonly revision: number;
  readonly position: number;
  readonly type: string;
  readonly data: TData;
  readonly metadata: { readonly recordedAt: string };
}

/**
 * An event as stored: data and metadata are the exact canonical JSON texts that were hashed,
 * so verification recomputes hashes from stored bytes without re-serialising.
 */
export interface StoredEvent {
  readonly position: number;
  readonly stream: string;
  readonly revision: number;
  readonly id: string;
  readonly type: string;
  /** Canonical JSON of the event data. */
  readonly data: string;
  /** Canonical JSON of the metadata including prevHash, excluding hash. */
  readonly metadata: string;
  readonly hash: string;
}

/**
 * What a fold reads of a stored event (EventStore.readAllForProjection): the data's canonical
 * text and, of the metadata, only the store's clock; no hashes.
 */
export interface StoredProjectionEvent {
  readonly position: number;
  readonly stream: string;
  readonly revision: number;
  readonly id: string;
  readonly type: string;
  /** Canonical JSON of the event data. */
  readonly data: string;
  /** The metadata's recordedAt. */
  readonly recordedAt: string;
}

/**
 * A page of stored events whose hashes were recomputed from their stored columns as they were
 * read (by the reader, perhaps on another thread): verification then only compares.
 */
export interface HashedPage {
  readonly events: readonly StoredEvent[];
  /** Index in `events` → the recomputed hash, for each event whose stored hash differs from it. */
  readonly mismatches: ReadonlyMap<number, string>;
}

export interface AppendOptions {
  readonly expectedRevision?: ExpectedRevision;
}

export interface AppendResult {
  readonly stream: string;
  /** Revision of the last event of the append: the value to pass as the next expected revision. */
  readonly nextExpectedRevision: number;
  readonly firstRevision: number;
  readonly firstPosition: number;
  readonly lastPosition: number;
  readonly eventIds: readonly string[];
  /** True when every event id was already stored at this place and nothing was written. */
  readonly idempotent: boolean;
}

export type Direction = 'forwards' | 'backwards';

export interface ReadStreamOptions {
  /** Inclusive. Defaults to 0 forwards and to the last revision backwards. */
  readonly fromRevision?: number | 'start' | 'end';
  readonly direction?: Direction;
  readonly maxCount?: number;
}

export interface EventFilter {
  readonly eventTypes?: readonly string[];
  readonly streamPrefixes?: readonly string[];
}

export interface ReadAllOptions {
  /** Inclusive global position. Defaults to the start forwards and to the end backwards. */
  readonly fromPosition?: number | 'start' | 'end';
  readonly direction?: Direction;
  readonly maxCount?: number;
  readonly filter?: EventFilter;
  /** Recompute each event's hash (and the chain link when the previous event was read). */
  readonly verifyHashes?: boolean;
}

/** readAll's options but verifyHashes: the metadata that holds the hashes is not read. */
export type ReadAllForProjectionOptions = Omit<ReadAllOptions, 'verifyHashes'>;

export interface SubscribeToAllOptions {
  /**
   * The checkpoint to resume from, as in ESDB's subscribeToAll: delivery starts with the first
   * event *after* it. 'start' (the default) delivers from the very first event.
   */
  readonly fromPosition?: number | 'start';
  readonly filter?: EventFilter;
}

export interface StreamHead {
  readonly stream: string;
  readonly revision: number;
  readonly hash: string;
  readonly position: number;
}

/** Every stream's head as of one global position, read from one consistent snapshot. */
export interface HeadsSnapshot {
  readonly position: number;
  readonly heads: readonly StreamHead[];
}
