import {
  END,
  EventStoreDBClient,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type AllStreamResolvedEvent,
  type AllStreamSubscription,
  type AppendResult as ClientAppendResult,
  type Position,
  type ReadPosition,
  type ReadRevision,
} from '@eventstore/db-client';
import { READ_PAGE_SIZE } from '../append/paged-read';
import { planBatch, type StoredEventRef } from '../append/plan-batch';
import type { PreparedAppend } from '../append/prepare-append';
import { StoreUnavailableError, WrongExpectedRevisionError } from '../port/errors';
import type {
  EventStoreAdapter,
  StoredAllRead,
  StoredStreamRead,
} from '../port/event-store-adapter';
import type {
  HashedPage,
  ActualRevision,
  AppendResult,
  Direction,
  HeadsSnapshot,
  StoredEvent,
  StoredProjectionEvent,
  StreamHead,
} from '../port/types';
import { projectionPagesOf } from '../stored-event';
import { hashedPagesOf } from '../chain/hashed-pages';
import { AppendSignal } from '../subscription/append-signal';
import { matchesFilter } from '../subscription/catch-up-subscription';
import {
  backwardsReadPlan,
  comparePositions,
  forwardsReadPlan,
  isPastBound,
  isSystemEvent,
  toActualRevision,
  toClientDirection,
  toClientExpectedRevision,
  toClientFilter,
  toEventData,
  toLedgerPosition,
  toStoredEvent,
  toStoreError,
  toWrongExpectedRevisionError,
  type PositionBound,
} from './esdb-mapping';

export interface EsdbAdapterOptions {
  /** e.g. esdb://node1:2113,node2:2113,node3:2113?tls=true */
  readonly connectionString: string;
  /** How often live subscribers re-check the head if the server's notification is lost (ms). */
  readonly pollIntervalMs?: number;
  /** Read once before resolving, so a wrong address fails at startup (default true). */
  readonly verifyConnection?: boolean;
}

/** Recent events read with each append's head, to recognise retries and reused ids. */
const TAIL_WINDOW = 32;
/** Up to this many appended events are read back in one call rather than first and last alone. */
const READ_BACK_ALL_UP_TO = 32;
/** Attempts for `any` / `stream_exists` appends that lose a race with another process. */
const MAX_APPEND_ATTEMPTS = 5;
const HEAD_SCAN_PAGE = 64;

type WriteOutcome =
  { readonly kind: 'done'; readonly result: AppendResult } | { readonly kind: 'raced' };

function toHead(event: StoredEvent): StreamHead {
  return {
    stream: event.stream,
    revision: event.revision,
    hash: event.hash,
    position: event.position,
  };
}

function recordedAtMs(metadata: string): number {
  try {
    const { recordedAt } = JSON.parse(metadata) as { recordedAt?: unknown };
    const ms = typeof recordedAt === 'string' ? Date.parse(recordedAt) : Number.NaN;
    return Number.isNaN(ms) ? 0 : ms;
  } catch {
    return 0;
  }
}

function rethrowAsStoreError(error: unknown): never {
  throw toStoreError(error);
}

function backoff(attempt: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, attempt * (5 + Math.random() * 20)));
}

/**
 * The production cluster adapter over EventStoreDB / KurrentDB (gRPC, @eventstore/db-client).
 *
 * ESDB stores the events; the hash chain is computed here. Each append reads the stream's last
 * events, plans the chained rows with the same planBatch as SQLite and PostgreSQL, and writes them
 * expecting exactly the revision it read, so a concurrent writer makes the write fail instead of
 * forking the chain. Appends to one stream are serialised within the process, so only writers in
 * other processes race.
 *
 * Differences from the SQL adapters, which the port allows or which ESDB imposes:
 * - positions are ESDB log offsets (doubled, see esdb-mapping.ts): increasing, not gap-free;
 * - an event id is recognised only within the same stream, at the caller's expected place or
 *   among the stream's last TAIL_WINDOW events; ESDB has no index by id, so a reused id further
 *   back or in another stream is not detected;
 * - there is no heads table: headsSnapshot() scans the whole log;
 * - recordedAt is this process's clock, kept monotonic per stream and per process (ESDB stamps
 *   its own `created` only after the hash has been computed).
 */
export class EsdbEventStoreAdapter implements EventStoreAdapter {
  readonly kind = 'esdb';
  readonly gapFreePositions = false;
  readonly uniqueEventIdsAcrossStreams = false;
  private readonly signal: AppendSignal;
  private readonly streamLocks = new Map<string, Promise<void>>();
  private readonly inFlight = new Set<Promise<unknown>>();
  private wakeUp: AllStreamSubscription | undefined;
  private lastRecordedMs = 0;
  private closing = false;
  private disposed = false;

  private constructor(
    private readonly client: EventStoreDBClient,
    pollIntervalMs: number,
  ) {
    this.signal = new AppendSignal(() => this.headPosition(), pollIntervalMs);
  }

  static async connect(options: EsdbAdapterOptions): Promise<EsdbEventStoreAdapter> {
    const client = EventStoreDBClient.connectionString(options.connectionString);
    const adapter = new EsdbEventStoreAdapter(client, options.pollIntervalMs ?? 200);
    if (options.verifyConnection !== false) {
      try {
        await adapter.headPosition();
      } catch (error) {
        await adapter.close();
        throw error;
      }
    }
    return adapter;
  }

  appendPrepared(append: PreparedAppend): Promise<AppendResult> {
    if (this.closing) return Promise.reject(new StoreUnavailableError('store is closed'));
    const task = this.serialised(append.stream, () =>
      this.appendWithRetries(append).catch(rethrowAsStoreError),
    );
    this.inFlight.add(task);
    const forget = (): void => {
      this.inFlight.delete(task);
    };
    void task.then(forget, forget);
    return task;
  }

  /** Chains appends to one stream so they never race each other inside this process. */
  private serialised<T>(stream: string, task: () => Promise<T>): Promise<T> {
    const previous = this.streamLocks.get(stream) ?? Promise.resolve();
    const run = previous.then(task);
    const settled = run.then(
      () => undefined,
      () => undefined,
    );
    this.streamLocks.set(stream, settled);
    void settled.then(() => {
      if (this.streamLocks.get(stream) === settled) this.streamLocks.delete(stream);
    });
    return run;
  }

  private async appendWithRetries(append: PreparedAppend): Promise<AppendResult> {
    for (let attempt = 1; ; attempt += 1) {
      const outcome = await this.tryAppend(append);
      if (outcome.kind === 'done') {
        this.signal.notify();
        return outcome.result;
      }
      // Only any / stream_exists get here: another process appended between our read and write,
      // and the caller's expectation may well still hold against the new head.
      if (attempt >= MAX_APPEND_ATTEMPTS) {
        throw new StoreUnavailableError(
          `append to ${append.stream} lost ${MAX_APPEND_ATTEMPTS} races with concurrent writers; retry later`,
        );
      }
      await backoff(attempt);
    }
  }

  private async tryAppend(append: PreparedAppend): Promise<WriteOutcome> {
    const { stream } = append;
    const known = new Map<number, StoredEvent>();
    const tail = await this.readStreamPage(stream, END, 'backwards', TAIL_WINDOW, true);
    for (const event of tail) known.set(event.revision, event);
    const head = tail[0];
    if (head !== undefined) await this.readPossibleRetry(append, head, known);

    // planBatch's rules decide retry, conflict and expectation exactly as for SQL. The positions
    // given to it are revisions, so its "consecutive" test reads as "consecutive revisions";
    // real positions are put back below.
    const wanted = new Set(append.events.map((event) => event.id));
    const existingIds = new Map<string, StoredEventRef>();
    for (const event of known.values()) {
      if (wanted.has(event.id))
        existingIds.set(event.id, { stream, revision: event.revision, position: event.revision });
    }
    const heads = new Map<string, StreamHead>();
    if (head !== undefined) heads.set(stream, toHead(head));
    const plan = planBatch([append], {
      heads,
      existingIds,
      firstPosition: 0,
      recordedAt: this.nextRecordedAt(head),
      positionsHashed: false,
    });
    const [outcome] = plan.outcomes;
    if (outcome === undefined) throw new Error('planBatch returned no outcome');
    if (!outcome.ok) throw outcome.error;
    if (outcome.result.idempotent) {
      const first = known.get(outcome.result.firstRevision);
      const last = known.get(outcome.result.nextExpectedRevision);
      if (first === undefined || last === undefined)
        throw new Error(`retry of ${stream} matched events that were not read`);
      return {
        kind: 'done',
        result: { ...outcome.result, firstPosition: first.position, lastPosition: last.position },
      };
    }
    return this.write(append, plan.rows, head);
  }

  /**
   * Reads the events where an earlier attempt of this append would be, when the tail window does
   * not already hold them: right after the caller's numeric / no_stream expectation, and wherever
   * the ids found in the tail say the run started.
   */
  private async readPossibleRetry(
    append: PreparedAppend,
    head: StoredEvent,
    known: Map<number, StoredEvent>,
  ): Promise<void> {
    const count = append.events.length;
    const indexOf = new Map(append.events.map((event, index) => [event.id, index]));
    const starts = new Set<number>();
    for (const event of known.values()) {
      const index = indexOf.get(event.id);
      if (index !== undefined) starts.add(event.revision - index);
    }
    const candidates: number[] = starts.size === 1 ? [...starts] : [];
    const expected = append.expectedRevision;
    const after =
      expected === 'no_stream' ? -1 : typeof expected === 'number' ? expected : undefined;
    if (after !== undefined && head.revision > after) candidates.push(after + 1);
    for (const from of candidates) {
      if (from < 0 || from > head.revision) continue;
      const to = Math.min(from + count - 1, head.revision);
      let covered = true;
      for (let revision = from; revision <= to && covered; revision += 1)
        covered = known.has(revision);
      if (covered) continue;
      for (const event of await this.readStreamPage(
        append.stream,
        BigInt(from),
        'forwards',
        to - from + 1,
        true,
      )) {
        known.set(event.revision, event);
      }
    }
  }

  private nextRecordedAt(head: StoredEvent | undefined): string {
    const floor = Math.max(
      this.lastRecordedMs,
      head === undefined ? 0 : recordedAtMs(head.metadata),
    );
    this.lastRecordedMs = Math.max(Date.now(), floor);
    return new Date(this.lastRecordedMs).toISOString();
  }

  private async write(
    append: PreparedAppend,
    rows: readonly StoredEvent[],
    head: StoredEvent | undefined,
  ): Promise<WriteOutcome> {
    const { stream } = append;
    const firstRow = rows[0];
    const lastRow = rows[rows.length - 1];
    if (firstRow === undefined || lastRow === undefined)
      throw new Error('planned append has no events');
    const expectedRevision = toClientExpectedRevision(
      head === undefined ? 'no_stream' : head.revision,
    );
    let written: ClientAppendResult;
    try {
      written = await this.client.appendToStream(stream, rows.map(toEventData), {
        expectedRevision,
      });
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
      if (append.expectedRevision === 'any' || append.expectedRevision === 'stream_exists')
        return { kind: 'raced' };
      throw toWrongExpectedRevisionError(error, stream, append.expectedRevision);
    }
    if (!written.success) {
      // Only with throwOnAppendFailure=false in the connection string: same meaning, no details.
      if (append.expectedRevision === 'any' || append.expectedRevision === 'stream_exists')
        return { kind: 'raced' };
      throw new WrongExpectedRevisionError(
        stream,
        append.expectedRevision,
        await this.actualRevision(stream),
      );
    }

    const lastRevision = toActualRevision(written.nextExpectedRevision);
    if (lastRevision === 'no_stream')
      throw new Error(`EventStoreDB acknowledged an append to ${stream} without a revision`);
    const firstRevision = lastRevision - rows.length + 1;
    const [first, last] = await this.readBack(stream, firstRevision, lastRevision);
    if (first.id !== firstRow.id || last.id !== lastRow.id) {
      throw new Error(
        `EventStoreDB acknowledged an append to ${stream} but revisions ${firstRevision}..${lastRevision} hold other events`,
      );
    }
    return {
      kind: 'done',
      result: {
        stream,
        firstRevision,
        nextExpectedRevision: lastRevision,
        firstPosition: first.position,
        lastPosition: last.position,
        eventIds: rows.map((row) => row.id),
        // ESDB answers success without writing when the same ids already follow the revision we
        // expected (a concurrent retry won): those events carry another recordedAt, so another hash.
        idempotent: first.hash !== firstRow.hash,
      },
    };
  }

  /** ESDB's append result has no per-event positions, so the first and last events are read back. */
  private async readBack(
    stream: string,
    firstRevision: number,
    lastRevision: number,
  ): Promise<[StoredEvent, StoredEvent]> {
    const count = lastRevision - firstRevision + 1;
    const events =
      count <= READ_BACK_ALL_UP_TO
        ? await this.readStreamPage(stream, BigInt(firstRevision), 'forwards', count, true)
        : [
            ...(await this.readStreamPage(stream, BigInt(firstRevision), 'forwards', 1, true)),
            ...(await this.readStreamPage(stream, BigInt(lastRevision), 'forwards', 1, true)),
          ];
    const first = events[0];
    const last = events[events.length - 1];
    if (first?.revision !== firstRevision || last?.revision !== lastRevision) {
      throw new Error(
        `events ${firstRevision}..${lastRevision} of ${stream} could not be read back after appending them`,
      );
    }
    return [first, last];
  }

  private async actualRevision(stream: string): Promise<ActualRevision> {
    const head = await this.streamHead(stream);
    return head === undefined ? 'no_stream' : head.revision;
  }

  private assertOpen(): void {
    if (this.disposed) throw new StoreUnavailableError('store is closed');
  }

  /** One bounded read, drained before returning so no server cursor outlives the call. */
  private async readStreamPage(
    stream: string,
    fromRevision: ReadRevision,
    direction: Direction,
    maxCount: number,
    requiresLeader: boolean,
  ): Promise<StoredEvent[]> {
    this.assertOpen();
    const events: StoredEvent[] = [];
    try {
      const read = this.client.readStream(stream, {
        fromRevision,
        direction: toClientDirection(direction),
        maxCount,
        resolveLinkTos: false,
        requiresLeader,
      });
      for await (const resolved of read) {
        const event = toStoredEvent(resolved);
        if (event !== undefined) events.push(event);
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw toStoreError(error);
    }
    return events;
  }

  /** Raw events, system ones included, because their positions are where the next page starts. */
  private async readAllPage(
    fromPosition: ReadPosition,
    direction: Direction,
    maxCount: number,
  ): Promise<AllStreamResolvedEvent[]> {
    this.assertOpen();
    const page: AllStreamResolvedEvent[] = [];
    try {
      for await (const resolved of this.client.readAll({
        fromPosition,
        direction: toClientDirection(direction),
        maxCount,
        resolveLinkTos: false,
      })) {
        page.push(resolved);
      }
    } catch (error) {
      throw toStoreError(error);
    }
    return page;
  }

  async *readStreamPages(
    stream: string,
    read: StoredStreamRead,
  ): AsyncIterable<readonly StoredEvent[]> {
    const forwards = read.direction === 'forwards';
    if (!forwards && read.fromRevision < 0) return;
    let from: ReadRevision =
      !forwards && read.fromRevision >= Number.MAX_SAFE_INTEGER
        ? END
        : BigInt(Math.max(0, read.fromRevision));
    let remaining = read.maxCount;
    while (remaining > 0) {
      const limit = Math.min(READ_PAGE_SIZE, remaining);
      const page = await this.readStreamPage(stream, from, read.direction, limit, false);
      if (page.length > 0) yield page;
      remaining -= page.length;
      const last = page[page.length - 1];
      if (page.length < limit || last === undefined) return;
      const next = forwards ? last.revision + 1 : last.revision - 1;
      if (next < 0) return;
      from = BigInt(next);
    }
  }

  readAllPages(read: StoredAllRead): AsyncIterable<readonly StoredEvent[]> {
    return read.direction === 'forwards' ? this.readAllForwards(read) : this.readAllBackwards(read);
  }

  readAllProjectionPages(read: StoredAllRead): AsyncIterable<readonly StoredProjectionEvent[]> {
    return projectionPagesOf(this.readAllPages(read));
  }

  readStreamHashedPages(stream: string, read: StoredStreamRead): AsyncIterable<HashedPage> {
    return hashedPagesOf(this.readStreamPages(stream, read));
  }

  readAllHashedPages(read: StoredAllRead): AsyncIterable<HashedPage> {
    return hashedPagesOf(this.readAllPages(read));
  }

  private async *readAllForwards(read: StoredAllRead): AsyncGenerator<readonly StoredEvent[]> {
    const plan = forwardsReadPlan(read.fromPosition);
    let from: ReadPosition = plan.from;
    let bound: PositionBound | undefined = plan.lowerBound;
    let remaining = read.maxCount;
    while (remaining > 0) {
      const raw = await this.readAllPage(from, 'forwards', READ_PAGE_SIZE);
      const page: StoredEvent[] = [];
      for (const resolved of raw) {
        const position = resolved.event?.position;
        if (position === undefined || !isPastBound(position, bound)) continue;
        const event = toStoredEvent(resolved);
        if (event === undefined || !matchesFilter(event, read.filter)) continue;
        page.push(event);
        if (page.length === remaining) break;
      }
      if (page.length > 0) yield page;
      remaining -= page.length;
      const last: Position | undefined = raw[raw.length - 1]?.event?.position;
      if (raw.length < READ_PAGE_SIZE || last === undefined) return;
      // Restart at a position the server produced (a record boundary) and skip that event.
      from = last;
      bound = { position: last, inclusive: false };
    }
  }

  private async *readAllBackwards(read: StoredAllRead): AsyncGenerator<readonly StoredEvent[]> {
    const plan = backwardsReadPlan(read.fromPosition);
    if (plan === undefined || read.maxCount <= 0) return;
    let remaining = read.maxCount;
    let page: StoredEvent[] = [];
    if (plan.includeAt !== undefined) {
      const at = await this.eventAt(plan.includeAt);
      if (at !== undefined && matchesFilter(at, read.filter)) page.push(at);
    }
    let from: ReadPosition = plan.from;
    while (remaining > page.length) {
      const raw = await this.readAllPage(from, 'backwards', READ_PAGE_SIZE);
      for (const resolved of raw) {
        const event = toStoredEvent(resolved);
        if (event === undefined || !matchesFilter(event, read.filter)) continue;
        page.push(event);
        if (page.length === remaining) break;
      }
      if (page.length > 0) yield page;
      remaining -= page.length;
      page = [];
      const last: Position | undefined = raw[raw.length - 1]?.event?.position;
      if (raw.length < READ_PAGE_SIZE || last === undefined) return;
      // A backwards read returns the events that end before its position: the last one is not repeated.
      from = last;
    }
    if (page.length > 0) yield page;
  }

  /** The ledger event starting exactly at this log position, if there is one. */
  private async eventAt(position: Position): Promise<StoredEvent | undefined> {
    const [atOrAfter] = await this.readAllPage(position, 'forwards', 1);
    const found = atOrAfter?.event?.position;
    if (atOrAfter === undefined || found === undefined || comparePositions(found, position) !== 0)
      return undefined;
    return toStoredEvent(atOrAfter);
  }

  async headPosition(): Promise<number> {
    let from: ReadPosition = END;
    for (;;) {
      const page = await this.readAllPage(from, 'backwards', HEAD_SCAN_PAGE);
      for (const resolved of page) {
        const event = resolved.event;
        if (event !== undefined && !isSystemEvent(event.streamId, event.type))
          return toLedgerPosition(event.position);
      }
      const last: Position | undefined = page[page.length - 1]?.event?.position;
      if (page.length < HEAD_SCAN_PAGE || last === undefined) return 0;
      from = last;
    }
  }

  async streamHead(stream: string): Promise<StreamHead | undefined> {
    const [last] = await this.readStreamPage(stream, END, 'backwards', 1, false);
    return last === undefined ? undefined : toHead(last);
  }

  /**
   * ESDB keeps no table of stream heads, so this is one forwards pass over the log keeping the
   * last event of each stream: correct (the log is read in commit order, so every head is as of
   * the last position seen) but proportional to the log's size.
   */
  async headsSnapshot(): Promise<HeadsSnapshot> {
    const heads = new Map<string, StreamHead>();
    let position = 0;
    const everything = {
      fromPosition: 0,
      direction: 'forwards',
      maxCount: Number.MAX_SAFE_INTEGER,
      filter: undefined,
    } as const;
    for await (const page of this.readAllForwards(everything)) {
      for (const event of page) heads.set(event.stream, toHead(event));
      position = page[page.length - 1]?.position ?? position;
    }
    return { position, heads: [...heads.values()] };
  }

  waitForAppend(position: number, signal: AbortSignal): Promise<void> {
    this.ensureWakeUp();
    return this.signal.wait(position, signal);
  }

  /** One live subscription per adapter, opened on first use: appends by any process wake waiters. */
  private ensureWakeUp(): void {
    if (this.closing || this.wakeUp !== undefined) return;
    const subscription = this.client.subscribeToAll({
      fromPosition: END,
      filter: toClientFilter(undefined),
      resolveLinkTos: false,
    });
    const drop = (): void => {
      if (this.wakeUp === subscription) this.wakeUp = undefined;
    };
    subscription.on('data', () => {
      this.signal.notify();
    });
    // A dropped subscription only slows wake-ups to the poll interval; the next wait reopens it.
    subscription.on('error', drop);
    subscription.on('close', drop);
    this.wakeUp = subscription;
  }

  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    await Promise.allSettled([...this.inFlight]);
    this.disposed = true;
    this.signal.close();
    const wakeUp = this.wakeUp;
    this.wakeUp = undefined;
    if (wakeUp !== undefined) await wakeUp.unsubscribe().catch(() => undefined);
    await this.client.dispose();
  }
}
