import { computeEventHash, GENESIS_HASH } from '../chain/event-hash';
import {
  DuplicateEventIdError,
  WrongExpectedRevisionError,
  type EventStoreError,
} from '../port/errors';
import type { AppendResult, StoredEvent, StreamHead } from '../port/types';
import { chainedMetadata, type PreparedAppend } from './prepare-append';

export interface StoredEventRef {
  readonly stream: string;
  readonly revision: number;
  readonly position: number;
}

/** What the write transaction read before planning: heads of the streams and ids already stored. */
export interface BatchContext {
  readonly heads: Map<string, StreamHead>;
  readonly existingIds: Map<string, StoredEventRef>;
  readonly firstPosition: number;
  readonly recordedAt: string;
  /**
   * True where the store assigns positions before hashing (SQLite, PostgreSQL): each event's
   * position then goes into its hashed metadata, so moving or renumbering rows breaks the hash.
   * ESDB learns positions only from the server, after the hash is fixed.
   */
  readonly positionsHashed: boolean;
}

export type AppendOutcome =
  | { readonly ok: true; readonly result: AppendResult }
  | { readonly ok: false; readonly error: EventStoreError };

export interface BatchPlan {
  readonly rows: StoredEvent[];
  /** New heads of the streams written, to upsert in the same transaction. */
  readonly newHeads: Map<string, StreamHead>;
  readonly outcomes: AppendOutcome[];
}

export interface ChunkSink {
  readonly chunkSize: number;
  /** Receives rows in order as soon as a chunk is planned, so writing can start early. */
  onChunk(rows: readonly StoredEvent[]): void;
}

/**
 * Plans one group commit: each append is checked against the heads as left by the appends before
 * it in the same batch, so a rejected append writes nothing and the others still commit with
 * gap-free positions. No I/O; it updates the context's maps as it goes (callers pass copies).
 */
export function planBatch(
  appends: readonly PreparedAppend[],
  context: BatchContext,
  sink?: ChunkSink,
): BatchPlan {
  const rows: StoredEvent[] = [];
  let emitted = 0;
  const emit = (force: boolean): void => {
    if (sink === undefined || rows.length === emitted) return;
    if (!force && rows.length - emitted < sink.chunkSize) return;
    sink.onChunk(rows.slice(emitted));
    emitted = rows.length;
  };
  const newHeads = new Map<string, StreamHead>();
  const outcomes: AppendOutcome[] = [];
  let nextPosition = context.firstPosition;

  for (const append of appends) {
    const idempotent = matchIdempotentRetry(append, context.existingIds);
    if (idempotent !== undefined) {
      outcomes.push(idempotent);
      continue;
    }
    const head = context.heads.get(append.stream);
    const rejection = checkExpectedRevision(append, head);
    if (rejection !== undefined) {
      outcomes.push({ ok: false, error: rejection });
      continue;
    }
    let prevHash = head?.hash ?? GENESIS_HASH;
    let revision = head === undefined ? 0 : head.revision + 1;
    const firstRevision = revision;
    const firstPosition = nextPosition;
    for (const event of append.events) {
      const position = context.positionsHashed ? nextPosition : undefined;
      const metadata = chainedMetadata(event, prevHash, context.recordedAt, position);
      const hash = computeEventHash({
        stream: append.stream,
        revision,
        type: event.type,
        data: event.data,
        metadata,
      });
      rows.push({
        position: nextPosition,
        stream: append.stream,
        revision,
        id: event.id,
        type: event.type,
        data: event.data,
        metadata,
        hash,
      });
      context.existingIds.set(event.id, {
        stream: append.stream,
        revision,
        position: nextPosition,
      });
      prevHash = hash;
      revision += 1;
      nextPosition += 1;
      emit(false);
    }
    const newHead: StreamHead = {
      stream: append.stream,
      revision: revision - 1,
      hash: prevHash,
      position: nextPosition - 1,
    };
    context.heads.set(append.stream, newHead);
    newHeads.set(append.stream, newHead);
    outcomes.push({
      ok: true,
      result: {
        stream: append.stream,
        firstRevision,
        nextExpectedRevision: revision - 1,
        firstPosition,
        lastPosition: nextPosition - 1,
        eventIds: append.events.map((event) => event.id),
        idempotent: false,
      },
    });
  }
  emit(true);
  return { rows, newHeads, outcomes };
}

function checkExpectedRevision(
  append: PreparedAppend,
  head: StreamHead | undefined,
): WrongExpectedRevisionError | undefined {
  const expected = append.expectedRevision;
  const actual = head === undefined ? 'no_stream' : head.revision;
  const holds =
    expected === 'any' ||
    (expected === 'no_stream' && head === undefined) ||
    (expected === 'stream_exists' && head !== undefined) ||
    (typeof expected === 'number' && head !== undefined && head.revision === expected);
  return holds ? undefined : new WrongExpectedRevisionError(append.stream, expected, actual);
}

/**
 * ESDB idempotency: when every id of the append is already stored, consecutively, in this stream,
 * right where this append would have put them, the retry succeeds without writing. Any other
 * reuse of a stored id is a conflict.
 */
function matchIdempotentRetry(
  append: PreparedAppend,
  existingIds: Map<string, StoredEventRef>,
): AppendOutcome | undefined {
  const refs = append.events.map((event) => existingIds.get(event.id));
  const firstFound = refs.findIndex((ref) => ref !== undefined);
  if (firstFound === -1) return undefined;
  const conflict = (): AppendOutcome => {
    const ref = refs[firstFound];
    const eventId = append.events[firstFound]?.id ?? '';
    return {
      ok: false,
      error: new DuplicateEventIdError(eventId, ref?.stream ?? append.stream, ref?.revision ?? -1),
    };
  };
  const first = refs[0];
  if (first === undefined || first.stream !== append.stream) return conflict();
  const consecutive = refs.every(
    (ref, i) =>
      ref !== undefined &&
      ref.stream === append.stream &&
      ref.revision === first.revision + i &&
      ref.position === first.position + i,
  );
  const expected = append.expectedRevision;
  const samePlace =
    expected === 'any' ||
    expected === 'stream_exists' ||
    (expected === 'no_stream' && first.revision === 0) ||
    (typeof expected === 'number' && first.revision === expected + 1);
  if (!consecutive || !samePlace) return conflict();
  const last = refs[refs.length - 1] ?? first;
  return {
    ok: true,
    result: {
      stream: append.stream,
      firstRevision: first.revision,
      nextExpectedRevision: last.revision,
      firstPosition: first.position,
      lastPosition: last.position,
      eventIds: append.events.map((event) => event.id),
      idempotent: true,
    },
  };
}

/**
 * Ids of the appends rejected for their expected revision. A retry of an append that already
 * committed is rejected that way when ids were not looked up, so the adapters look these ids up
 * and plan again before answering (ESDB: the retry succeeds).
 */
export function idsOfRevisionRejections(
  appends: readonly PreparedAppend[],
  outcomes: readonly AppendOutcome[],
): string[] {
  return appends.flatMap((append, index) => {
    const outcome = outcomes[index];
    return outcome !== undefined &&
      !outcome.ok &&
      outcome.error instanceof WrongExpectedRevisionError
      ? append.events.map((event) => event.id)
      : [];
  });
}
