import {
  ANY,
  BACKWARDS,
  CancelledError,
  DeadlineExceededError,
  END,
  FORWARDS,
  MaxAppendSizeExceededError,
  NO_STREAM,
  NotLeaderError,
  START,
  STREAM_EXISTS,
  TimeoutError,
  UnavailableError,
  binaryEvent,
  eventTypeFilter,
  excludeSystemEvents,
  streamNameFilter,
  type AppendExpectedRevision,
  type CurrentRevision,
  type BinaryEventData,
  type Filter,
  type Position,
  type ReadPosition,
  type WrongExpectedVersionError,
} from '@eventstore/db-client';
import {
  EventStoreError,
  InvalidAppendError,
  StoreUnavailableError,
  WrongExpectedRevisionError,
} from '../port/errors';
import type {
  ActualRevision,
  Direction,
  EventFilter,
  ExpectedRevision,
  StoredEvent,
} from '../port/types';

/*
 * Pure translations between the port and @eventstore/db-client 6.2.1, kept apart from the
 * adapter so they can be tested without a server.
 */

// ---------------------------------------------------------------------------------------------
// Revisions

export function toClientExpectedRevision(expected: ExpectedRevision): AppendExpectedRevision {
  switch (expected) {
    case 'any':
      return ANY;
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    default:
      return BigInt(expected);
  }
}

/** The server reports a missing stream as no_stream, or (in error metadata) as -1. */
export function toActualRevision(current: CurrentRevision): ActualRevision {
  if (current === NO_STREAM || current < 0n) return 'no_stream';
  return toSafeNumber(current, 'stream revision');
}

/**
 * The adapter sends the exact revision it read, not the caller's expectation, so the server's
 * `expectedVersion` is ours; the caller's is restored here.
 */
export function toWrongExpectedRevisionError(
  error: WrongExpectedVersionError,
  stream: string,
  expected: ExpectedRevision,
): WrongExpectedRevisionError {
  return new WrongExpectedRevisionError(stream, expected, toActualRevision(error.actualVersion));
}

export function toClientDirection(direction: Direction): typeof FORWARDS | typeof BACKWARDS {
  return direction === 'forwards' ? FORWARDS : BACKWARDS;
}

// ---------------------------------------------------------------------------------------------
// Positions
//
// ESDB positions are byte offsets in the transaction log, and the server can only start a read
// of $all at a record boundary it handed out: a read from `position + 1` (what CatchUpSubscription,
// verify and anchors ask for) lands inside a record and fails with "invalid position". So the
// ledger position is twice the commit position: every event is at an even number, and an odd
// number is the gap just after (forwards) or just before (backwards) the event at its neighbour.
// That keeps the port's inclusive/exclusive arithmetic exact without the server seeing a
// position it did not produce. Divide by two to find an event in ESDB's own tools.

export const POSITION_SCALE = 2;

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
/** What a server without per-event positions in stream reads (before 22.6) sends instead. */
const UINT64_MAX = 2n ** 64n - 1n;

function toSafeNumber(value: bigint, what: string): number {
  if (value > MAX_SAFE)
    throw new RangeError(`${what} ${value.toString()} is above Number.MAX_SAFE_INTEGER`);
  return Number(value);
}

export function toLedgerPosition(position: Position | undefined): number {
  // Commit position 0 is the log's first record (an epoch record), never an event; older
  // servers send 0 or 2^64-1 where they have no position to give.
  if (position === undefined || position.commit <= 0n || position.commit === UINT64_MAX) {
    throw new Error(
      'EventStoreDB returned an event without its log position; the ledger needs EventStoreDB/KurrentDB 22.6 or later',
    );
  }
  return toSafeNumber(position.commit * BigInt(POSITION_SCALE), 'ledger position');
}

export function comparePositions(a: Position, b: Position): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}

export interface PositionBound {
  readonly position: Position;
  readonly inclusive: boolean;
}

/** Whether an event read forwards lies at or after the bound (after it, if exclusive). */
export function isPastBound(position: Position, bound: PositionBound | undefined): boolean {
  if (bound === undefined) return true;
  const order = comparePositions(position, bound.position);
  return order > 0 || (order === 0 && bound.inclusive);
}

function logPosition(offset: bigint): Position {
  return { commit: offset, prepare: offset };
}

export interface ForwardsReadPlan {
  readonly from: ReadPosition;
  /** Events before this are skipped: an odd ledger position starts just after an event. */
  readonly lowerBound: PositionBound | undefined;
}

/** An inclusive forwards read of $all from ledger position `position`. */
export function forwardsReadPlan(position: number): ForwardsReadPlan {
  if (position >= Number.MAX_SAFE_INTEGER) return { from: END, lowerBound: undefined };
  if (position <= 0) return { from: START, lowerBound: undefined };
  const offset = BigInt(Math.floor(position / POSITION_SCALE));
  const at = logPosition(offset);
  if (position % POSITION_SCALE === 0)
    return { from: at, lowerBound: { position: at, inclusive: true } };
  return { from: offset === 0n ? START : at, lowerBound: { position: at, inclusive: false } };
}

export interface BackwardsReadPlan {
  /** A backwards read from a log position returns only the events that end before it. */
  readonly from: ReadPosition;
  /** The event at this position belongs to the read too and must be fetched on its own. */
  readonly includeAt: Position | undefined;
}

/** An inclusive backwards read of $all from ledger position `position`; undefined when empty. */
export function backwardsReadPlan(position: number): BackwardsReadPlan | undefined {
  if (position >= Number.MAX_SAFE_INTEGER) return { from: END, includeAt: undefined };
  if (position < 1) return undefined;
  if (position % POSITION_SCALE === 0) {
    const at = logPosition(BigInt(position / POSITION_SCALE));
    return { from: at, includeAt: at };
  }
  return { from: logPosition(BigInt((position + 1) / POSITION_SCALE)), includeAt: undefined };
}

// ---------------------------------------------------------------------------------------------
// Event bytes
//
// Data is the canonical JSON text as UTF-8, sent as application/octet-stream: the client
// JSON.stringify's anything sent as application/json (reordering integer-like keys) and
// JSON.parse's it on read, so only binary events keep the hashed bytes exact.
//
// Custom metadata is `{"ledger":1,"hash":"<hex>","metadata":"<canonical metadata text>"}`: the
// client always JSON.parse's custom metadata on read (and returns raw bytes only when that
// fails), so the canonical text travels as a JSON *string*, which JSON.parse restores exactly,
// while ESDB's own tools still see JSON with the hash in plain sight.

export const METADATA_FORMAT = 1;

function utf8Bytes(text: string): Uint8Array {
  // The client sends metadata raw only when `metadata.constructor === Uint8Array`; a Buffer
  // (or a Uint8Array from another realm) would be JSON.stringify'd instead.
  return Uint8Array.from(Buffer.from(text, 'utf8'));
}

/**
 * Cross-realm check: decoded gRPC bytes can be Buffers from the host realm (under jest's VM
 * sandbox `instanceof Uint8Array` is then false, and JSON.stringify would mangle them).
 */
function isBytes(value: unknown): value is Uint8Array {
  return (
    ArrayBuffer.isView(value) && Object.prototype.toString.call(value) === '[object Uint8Array]'
  );
}

function utf8Text(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}

export function encodeMetadata(canonicalMetadata: string, hash: string): Uint8Array {
  return utf8Bytes(JSON.stringify({ ledger: METADATA_FORMAT, hash, metadata: canonicalMetadata }));
}

export interface DecodedMetadata {
  /** The exact canonical metadata text that was hashed. */
  readonly metadata: string;
  /** Empty when the event was not written by the ledger (or its metadata was altered). */
  readonly hash: string;
}

/**
 * Takes custom metadata as the client returns it: parsed JSON, raw bytes when it was not JSON, or
 * undefined when empty. Anything not in the ledger's layout is kept as text with an empty hash,
 * so verification names the event instead of the read failing.
 */
export function decodeMetadata(raw: unknown): DecodedMetadata {
  if (isBytes(raw)) return { metadata: utf8Text(raw), hash: '' };
  if (raw === undefined || raw === null) return { metadata: '', hash: '' };
  if (typeof raw === 'object' && !Array.isArray(raw)) {
    const wrapper = raw as { ledger?: unknown; hash?: unknown; metadata?: unknown };
    if (
      wrapper.ledger === METADATA_FORMAT &&
      typeof wrapper.hash === 'string' &&
      typeof wrapper.metadata === 'string'
    ) {
      return { metadata: wrapper.metadata, hash: wrapper.hash };
    }
  }
  return { metadata: JSON.stringify(raw), hash: '' };
}

/** Binary data as bytes; JSON data (an event not written by the ledger) as best-effort text. */
export function decodeData(raw: unknown): string {
  if (isBytes(raw)) return utf8Text(raw);
  if (typeof raw === 'string') return raw;
  if (raw === undefined) return '';
  return JSON.stringify(raw);
}

export function toEventData(
  row: Pick<StoredEvent, 'id' | 'type' | 'data' | 'metadata' | 'hash'>,
): BinaryEventData {
  return binaryEvent({
    id: row.id,
    type: row.type,
    data: utf8Bytes(row.data),
    metadata: encodeMetadata(row.metadata, row.hash),
  });
}

// ---------------------------------------------------------------------------------------------
// Recorded events

/** The part of the client's recorded event the ledger reads (stream and $all reads alike). */
export interface EsdbRecordedEvent {
  readonly streamId: string;
  readonly id: string;
  readonly revision: bigint;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: unknown;
  readonly position?: Position | undefined;
}

/** ESDB's own streams ($stats, $settings, $$metadata, …) and events ($metadata, link events). */
export function isSystemEvent(stream: string, type: string): boolean {
  return stream.startsWith('$') || type.startsWith('$');
}

/** The stored event, or undefined for a system event or a link whose target is gone. */
export function toStoredEvent(resolved: {
  readonly event?: EsdbRecordedEvent | undefined;
}): StoredEvent | undefined {
  const event = resolved.event;
  if (event === undefined || isSystemEvent(event.streamId, event.type)) return undefined;
  const { metadata, hash } = decodeMetadata(event.metadata);
  return {
    position: toLedgerPosition(event.position),
    stream: event.streamId,
    revision: toSafeNumber(event.revision, 'stream revision'),
    id: event.id,
    type: event.type,
    data: decodeData(event.data),
    metadata,
    hash,
  };
}

// ---------------------------------------------------------------------------------------------
// Filters

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
}

/**
 * A server-side pre-filter for a subscription to $all. ESDB filters on stream names or on event
 * types, not both, so stream prefixes win and callers still apply the whole filter themselves;
 * with nothing to filter on, only system events are left out.
 */
export function toClientFilter(filter: EventFilter | undefined): Filter {
  if (filter?.streamPrefixes !== undefined && filter.streamPrefixes.length > 0) {
    return streamNameFilter({ prefixes: [...filter.streamPrefixes] });
  }
  if (filter?.eventTypes !== undefined && filter.eventTypes.length > 0) {
    return eventTypeFilter({ regex: `^(?:${filter.eventTypes.map(escapeRegex).join('|')})$` });
  }
  return excludeSystemEvents();
}

// ---------------------------------------------------------------------------------------------
// Errors

const GRPC_DEADLINE_EXCEEDED = 4;
const GRPC_UNAVAILABLE = 14;

function isUnreachable(error: unknown): boolean {
  if (
    error instanceof UnavailableError ||
    error instanceof DeadlineExceededError ||
    error instanceof TimeoutError ||
    error instanceof CancelledError ||
    error instanceof NotLeaderError
  ) {
    return true;
  }
  if (!(error instanceof Error)) return false;
  // Some client paths (server feature discovery) reject with the raw gRPC error.
  const code = (error as { code?: unknown }).code;
  if (code === GRPC_UNAVAILABLE || code === GRPC_DEADLINE_EXCEEDED) return true;
  return error.message.startsWith('Failed to discover after');
}

/**
 * Client failures in the port's terms: an unreachable, timed-out or leaderless cluster is
 * StoreUnavailableError (retryable, 503); an append above the server's size limit is the
 * caller's InvalidAppendError. Anything else passes through unchanged.
 */
export function toStoreError(error: unknown): unknown {
  if (error instanceof EventStoreError) return error;
  if (error instanceof MaxAppendSizeExceededError) {
    return new InvalidAppendError(
      'events',
      `exceed the server's maximum append size of ${error.maxAppendSize} bytes`,
    );
  }
  if (isUnreachable(error)) {
    const message = error instanceof Error ? error.message : String(error);
    return new StoreUnavailableError(`EventStoreDB is unavailable: ${message}`, { cause: error });
  }
  return error;
}
