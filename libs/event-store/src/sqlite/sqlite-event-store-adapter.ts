import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { GroupCommitQueue } from '../append/group-commit';
import { pagedRead } from '../append/paged-read';
import {
  idsOfRevisionRejections,
  planBatch,
  type AppendOutcome,
  type BatchContext,
  type StoredEventRef,
} from '../append/plan-batch';
import type { PreparedAppend } from '../append/prepare-append';
import { StoreUnavailableError } from '../port/errors';
import type {
  EventStoreAdapter,
  StoredAllRead,
  StoredStreamRead,
} from '../port/event-store-adapter';
import type {
  AppendResult,
  EventFilter,
  HashedPage,
  HeadsSnapshot,
  StoredEvent,
  StoredProjectionEvent,
  StreamHead,
} from '../port/types';
import { AppendSignal } from '../subscription/append-signal';
import { SameFileAppends } from './same-file-appends';
import { hashedPagesOf } from '../chain/hashed-pages';
import {
  HASHED_PAGES,
  PROJECTION_COLUMNS,
  PROJECTION_PAGES,
  projectionEventOf,
  readAhead,
  READ_AHEAD_PAGE_SIZE,
  STORED_PAGES,
  type ProjectionRow,
  type ReadAheadPageKind,
  type ReadAheadQuery,
} from './sqlite-read-ahead';
import { SQLITE_SCHEMA, STORED_COLUMNS, storedEventsOf, type StoredRow } from './sqlite-schema';
import { ROWS_PER_MESSAGE, SqliteWriter, type WriterOutcome } from './sqlite-writer';

/**
 * What this process believes the file looks like after the batches it has sent: the writer
 * re-checks it in every write transaction, so a wrong belief costs a replan, never a bad write.
 */
interface HeadCache {
  lastPosition: number;
  /** Hash of the event at lastPosition ('' for an empty log): pins the log's tip exactly. */
  lastHash: string;
  lastRecordedMs: number;
  readonly heads: Map<string, StreamHead | undefined>;
  /** Bumped by every batch planned on it. */
  generation: number;
}

export interface SqliteAdapterOptions {
  /** Database file; parent directories are created. */
  readonly path: string;
  /** How often live subscribers look for appends made by other processes (ms). */
  readonly pollIntervalMs?: number;
  /**
   * A read for folds that spans at least this many positions runs on a read-ahead thread
   * (default READ_AHEAD_FROM); 0 sends every one there (tests).
   */
  readonly readAheadFrom?: number;
}

/**
 * Starting a reader thread costs ~30 ms; a read this long (~10 pages) gains that back from the
 * overlap many times over, and shorter ones (live catch-up, a stream's year) stay inline.
 */
const READ_AHEAD_FROM = 20_000;

/** A stream in revision order; parameters: the cursor, the stream, the page's LIMIT. */
const STREAM_READ_SQL = {
  forwards: `SELECT ${STORED_COLUMNS} FROM ledger_events WHERE revision >= ? AND stream = ? ORDER BY revision ASC LIMIT ?`,
  backwards: `SELECT ${STORED_COLUMNS} FROM ledger_events WHERE revision <= ? AND stream = ? ORDER BY revision DESC LIMIT ?`,
} as const;
/** Column of the revision in STORED_COLUMNS: a stream read's cursor. */
const REVISION_COLUMN = 2;

/** Heads remembered between batches; a miss costs one indexed read. */
const HEAD_CACHE_LIMIT = 100_000;
/**
 * Batches in flight: the next batch is planned (on the heads the previous one will leave) while
 * the previous one is being fsynced. If that one fails, the writer finds the next one stale and
 * it is planned again, so depth 2 never commits on a wrong assumption.
 */
const PIPELINE_DEPTH = 2;
/** Replans allowed when another process keeps writing between our plan and our commit. */
const MAX_REPLANS = 60;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * The embedded default: better-sqlite3 in WAL mode with synchronous=FULL, so an acknowledged
 * append is on disk. Concurrent appends share one transaction (group commit). The main thread
 * validates, hashes and plans each batch from cached heads; a writer thread applies it and
 * confirms, inside its write transaction, that the cached heads were current (see
 * sqlite-writer.worker.js), so other processes may share the file.
 */
export class SqliteEventStoreAdapter implements EventStoreAdapter {
  readonly kind = 'sqlite';
  readonly gapFreePositions = true;
  readonly uniqueEventIdsAcrossStreams = true;
  private readonly db: Database.Database;
  private readonly writer: SqliteWriter;
  private readonly queue: GroupCommitQueue;
  private readonly signal: AppendSignal;
  private readonly sameFile: SameFileAppends;
  private readonly statements;
  /** What the last commit of this process left behind; undefined means "read it again". */
  private cached: HeadCache | undefined;
  private closed = false;
  /** Settles when the most recently sent batch has been committed or refused. */
  private lastCommit: Promise<void> = Promise.resolve();
  private readonly readAheadFrom: number;
  /** Reader threads of reads under way: close() stops them. */
  private readonly readers = new Set<Worker>();
  /** Filters make the SQL vary, but a process uses a handful: no bound is needed. */
  private readonly readStatements = new Map<string, Database.Statement>();

  constructor(private readonly options: SqliteAdapterOptions) {
    this.readAheadFrom = options.readAheadFrom ?? READ_AHEAD_FROM;
    mkdirSync(dirname(options.path), { recursive: true });
    this.db = new Database(options.path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 10000');
    this.db.pragma('cache_size = -65536');
    this.db.pragma('mmap_size = 268435456');
    this.db.exec(SQLITE_SCHEMA);
    this.statements = {
      head: this.db.prepare<[string], StreamHead>(
        'SELECT stream, revision, hash, position FROM ledger_streams WHERE stream = ?',
      ),
      idRef: this.db.prepare<[string], StoredEventRef>(
        'SELECT stream, revision, position FROM ledger_events WHERE event_id = ?',
      ),
      last: this.db.prepare<[], { position: number; metadata: string; hash: string }>(
        'SELECT position, metadata, hash FROM ledger_events ORDER BY position DESC LIMIT 1',
      ),
      maxPosition: this.db.prepare<[], { position: number | null }>(
        'SELECT MAX(position) AS position FROM ledger_events',
      ),
      allHeads: this.db.prepare<[], StreamHead>(
        'SELECT stream, revision, hash, position FROM ledger_streams',
      ),
      streamForwards: this.db
        .prepare<[number, string, number], StoredRow>(STREAM_READ_SQL.forwards)
        .raw(true),
      streamBackwards: this.db
        .prepare<[number, string, number], StoredRow>(STREAM_READ_SQL.backwards)
        .raw(true),
    };
    this.writer = new SqliteWriter(options.path);
    this.signal = new AppendSignal(
      () => Promise.resolve(this.currentPosition()),
      options.pollIntervalMs ?? 200,
    );
    this.sameFile = new SameFileAppends(options.path, () => {
      this.signal.notify();
    });
    this.queue = new GroupCommitQueue(
      async (appends) => {
        try {
          return await this.commitBatch(appends);
        } finally {
          this.signal.notify();
          this.sameFile.announce();
        }
      },
      undefined,
      PIPELINE_DEPTH,
      true,
    );
  }

  appendPrepared(append: PreparedAppend): Promise<AppendResult> {
    if (this.closed) return Promise.reject(new StoreUnavailableError('store is closed'));
    return this.queue.enqueue(append);
  }

  private async commitBatch(appends: readonly PreparedAppend[]): Promise<AppendOutcome[]> {
    let lookUpIds = false;
    for (let attempt = 0; attempt <= MAX_REPLANS; attempt += 1) {
      const attemptResult = await this.tryCommit(appends, lookUpIds);
      if (attemptResult.outcome === 'committed') return attemptResult.outcomes;
      // Another process (or a failed batch before this one) changed what our cache assumed, or
      // an id is already stored (a retry or a conflict): read what is on disk and plan again.
      if (attemptResult.outcome === 'id_clash') {
        lookUpIds = true;
      } else if (attempt > 0) {
        // Two processes writing at once can keep invalidating each other's plans: a random,
        // growing pause breaks the symmetry (exponential backoff with full jitter, ≤ 50 ms).
        await sleep(Math.random() * Math.min(50, 2 ** attempt));
      }
    }
    throw new StoreUnavailableError(
      `SQLite: gave up after ${MAX_REPLANS} replans; another process keeps writing`,
    );
  }

  private async tryCommit(
    appends: readonly PreparedAppend[],
    lookUpIds: boolean,
  ): Promise<
    { outcome: 'committed'; outcomes: AppendOutcome[] } | { outcome: 'stale' | 'id_clash' }
  > {
    const cache = this.currentCache();
    const assumed = new Map<string, StreamHead | undefined>();
    for (const append of appends) {
      if (assumed.has(append.stream)) continue;
      if (!cache.heads.has(append.stream))
        cache.heads.set(append.stream, this.statements.head.get(append.stream));
      assumed.set(append.stream, cache.heads.get(append.stream));
    }
    const existingIds = new Map<string, StoredEventRef>();
    if (lookUpIds)
      this.lookUpIds(
        appends.flatMap((append) => append.events.map((event) => event.id)),
        existingIds,
      );
    const recordedMs = Math.max(Date.now(), cache.lastRecordedMs);
    const firstPosition = cache.lastPosition + 1;
    const context = (): BatchContext => ({
      heads: new Map(
        [...assumed].flatMap(([stream, head]) =>
          head === undefined ? [] : [[stream, head] as const],
        ),
      ),
      existingIds: new Map(existingIds),
      firstPosition,
      recordedAt: new Date(recordedMs).toISOString(),
      positionsHashed: true,
    });

    const batchId = this.writer.begin(cache.lastPosition, cache.lastHash, assumed);
    let plan = planBatch(appends, context(), {
      chunkSize: ROWS_PER_MESSAGE,
      onChunk: (rows) => {
        this.writer.rows(batchId, rows);
      },
    });
    // Before the first await: the next batch may be planned while this one commits, on the heads
    // this one will leave. If this one fails, that one is found stale by the writer and replanned.
    const generation = this.advanceCache(cache, plan.newHeads.values(), plan.rows, recordedMs);

    const suspects = idsOfRevisionRejections(appends, plan.outcomes).filter(
      (id) => !existingIds.has(id),
    );
    if (suspects.length > 0) {
      // A retry of an append that already committed (perhaps in the batch still in flight) fails
      // its revision check; if its ids are stored in place it is idempotent instead. Rows are
      // unaffected: neither a rejection nor an idempotent retry consumes positions.
      await this.lastCommit;
      this.lookUpIds(suspects, existingIds);
      plan = planBatch(appends, context());
    }
    const committing = this.writer.commit(batchId, plan.newHeads.values());
    this.lastCommit = committing.then(
      () => undefined,
      () => undefined,
    );
    let outcome: WriterOutcome;
    try {
      outcome = await committing;
    } catch (error) {
      this.forgetCache(generation);
      throw error;
    }
    if (outcome !== 'committed') {
      this.forgetCache(generation);
      return { outcome };
    }
    return { outcome, outcomes: plan.outcomes };
  }

  /** Applies a planned batch to the cache; returns the cache generation it produced. */
  private advanceCache(
    cache: HeadCache,
    newHeads: Iterable<StreamHead>,
    rows: readonly StoredEvent[],
    recordedMs: number,
  ): number {
    for (const head of newHeads) cache.heads.set(head.stream, head);
    if (cache.heads.size > HEAD_CACHE_LIMIT) cache.heads.clear();
    cache.lastPosition += rows.length;
    cache.lastHash = rows.at(-1)?.hash ?? cache.lastHash;
    cache.lastRecordedMs = recordedMs;
    cache.generation += 1;
    return cache.generation;
  }

  /**
   * A batch was not committed: what the cache assumed from it is wrong, so read the disk again —
   * unless a later batch has already rebuilt the cache (it was planned after this failure).
   */
  private forgetCache(generation: number): void {
    if (this.cached?.generation === generation) this.cached = undefined;
  }

  private lookUpIds(ids: readonly string[], into: Map<string, StoredEventRef>): void {
    for (const id of ids) {
      const ref = this.statements.idRef.get(id);
      if (ref !== undefined) into.set(id, ref);
    }
  }

  /** The store's clock never goes behind the last stored event, even if the system clock steps back. */
  private currentCache(): HeadCache {
    if (this.cached === undefined) {
      const last = this.statements.last.get();
      const lastRecordedMs =
        last === undefined
          ? 0
          : Date.parse((JSON.parse(last.metadata) as { recordedAt: string }).recordedAt);
      this.cached = {
        lastPosition: last?.position ?? 0,
        lastHash: last?.hash ?? '',
        lastRecordedMs,
        heads: new Map(),
        generation: 0,
      };
    }
    return this.cached;
  }

  readStreamPages(stream: string, read: StoredStreamRead): AsyncIterable<readonly StoredEvent[]> {
    return this.streamReadAhead(stream, read, STORED_PAGES) ?? this.streamPagesInline(stream, read);
  }

  readStreamHashedPages(stream: string, read: StoredStreamRead): AsyncIterable<HashedPage> {
    return (
      this.streamReadAhead(stream, read, HASHED_PAGES) ??
      hashedPagesOf(this.streamPagesInline(stream, read))
    );
  }

  readAllPages(read: StoredAllRead): AsyncIterable<readonly StoredEvent[]> {
    return this.logReadAhead(read, STORED_PAGES) ?? this.logPagesInline(read);
  }

  readAllHashedPages(read: StoredAllRead): AsyncIterable<HashedPage> {
    return this.logReadAhead(read, HASHED_PAGES) ?? hashedPagesOf(this.logPagesInline(read));
  }

  /**
   * The same SQL as readAllPages but for the columns: recordedAt comes out of the metadata in
   * SQLite (json_extract), so neither the metadata nor the hash becomes a JavaScript string.
   */
  readAllProjectionPages(read: StoredAllRead): AsyncIterable<readonly StoredProjectionEvent[]> {
    const ahead = this.logReadAhead(read, PROJECTION_PAGES, PROJECTION_COLUMNS);
    if (ahead !== undefined) return ahead;
    const { sql, filterParams } = this.readAllQuery(
      read.direction,
      read.filter,
      PROJECTION_COLUMNS,
    );
    const statement = this.rawStatement<ProjectionRow>(sql);
    return pagedRead(
      (from, limit) => statement.all(from, ...filterParams, limit).map(projectionEventOf),
      (row) => row.position,
      read.fromPosition,
      read.direction,
      read.maxCount,
    );
  }

  private streamPagesInline(
    stream: string,
    read: StoredStreamRead,
  ): AsyncIterable<readonly StoredEvent[]> {
    const statement =
      read.direction === 'forwards'
        ? this.statements.streamForwards
        : this.statements.streamBackwards;
    return pagedRead(
      (from, limit) => storedEventsOf(statement.all(from, stream, limit)),
      (row) => row.revision,
      read.fromRevision,
      read.direction,
      read.maxCount,
    );
  }

  private logPagesInline(read: StoredAllRead): AsyncIterable<readonly StoredEvent[]> {
    const { sql, filterParams } = this.readAllQuery(read.direction, read.filter);
    const statement = this.rawStatement<StoredRow>(sql);
    return pagedRead(
      (from, limit) => storedEventsOf(statement.all(from, ...filterParams, limit)),
      (row) => row.position,
      read.fromPosition,
      read.direction,
      read.maxCount,
    );
  }

  /**
   * A long read of a stream on a read-ahead thread, which stays a few pages ahead of the caller
   * (and, for a verifying read, recomputes the hashes); undefined for a short one.
   */
  private streamReadAhead<Page>(
    stream: string,
    read: StoredStreamRead,
    kind: ReadAheadPageKind<Page>,
  ): AsyncIterable<Page> | undefined {
    const head = this.statements.head.get(stream);
    if (head === undefined) return undefined;
    const span =
      read.direction === 'forwards'
        ? head.revision - read.fromRevision + 1
        : Math.min(read.fromRevision, head.revision) + 1;
    if (Math.min(span, read.maxCount) < this.readAheadFrom) return undefined;
    return this.startReadAhead(
      {
        sql: STREAM_READ_SQL[read.direction],
        params: [stream],
        from: read.fromRevision,
        keyColumn: REVISION_COLUMN,
        direction: read.direction,
        maxCount: read.maxCount,
      },
      kind,
    );
  }

  /** A long read of the log on a read-ahead thread; undefined for a short one. */
  private logReadAhead<Page>(
    read: StoredAllRead,
    kind: ReadAheadPageKind<Page>,
    columns = STORED_COLUMNS,
  ): AsyncIterable<Page> | undefined {
    const head = this.currentPosition();
    const span =
      read.direction === 'forwards'
        ? head - read.fromPosition + 1
        : Math.min(read.fromPosition, head);
    if (Math.min(span, read.maxCount) < this.readAheadFrom) return undefined;
    const { sql, filterParams } = this.readAllQuery(read.direction, read.filter, columns);
    return this.startReadAhead(
      {
        sql,
        params: filterParams,
        from: read.fromPosition,
        keyColumn: 0,
        direction: read.direction,
        maxCount: read.maxCount,
      },
      kind,
    );
  }

  private startReadAhead<Page>(
    query: Omit<ReadAheadQuery, 'path' | 'pageSize'>,
    kind: ReadAheadPageKind<Page>,
  ): AsyncIterable<Page> {
    return readAhead(
      { ...query, path: this.options.path, pageSize: READ_AHEAD_PAGE_SIZE },
      kind,
      this.readers,
    );
  }

  /**
   * A read's statement in raw (array) mode, prepared once per SQL text: a live subscriber reads
   * the log again after every wake-up, and preparing cost more than reading a few new rows.
   */
  private rawStatement<Row>(sql: string): Database.Statement<unknown[], Row> {
    let statement = this.readStatements.get(sql);
    if (statement === undefined) {
      statement = this.db.prepare(sql).raw(true);
      this.readStatements.set(sql, statement);
    }
    return statement as Database.Statement<unknown[], Row>;
  }

  private readAllQuery(
    direction: StoredAllRead['direction'],
    filter: EventFilter | undefined,
    columns = STORED_COLUMNS,
  ) {
    const clauses = [direction === 'forwards' ? 'position >= ?' : 'position <= ?'];
    const filterParams: string[] = [];
    if (filter?.eventTypes !== undefined) {
      clauses.push('type IN (SELECT value FROM json_each(?))');
      filterParams.push(JSON.stringify(filter.eventTypes));
    }
    if (filter?.streamPrefixes !== undefined) {
      clauses.push(
        'EXISTS (SELECT 1 FROM json_each(?) AS p WHERE substr(stream, 1, length(p.value)) = p.value)',
      );
      filterParams.push(JSON.stringify(filter.streamPrefixes));
    }
    const order = direction === 'forwards' ? 'ASC' : 'DESC';
    return {
      sql: `SELECT ${columns} FROM ledger_events WHERE ${clauses.join(' AND ')} ORDER BY position ${order} LIMIT ?`,
      filterParams,
    };
  }

  private currentPosition(): number {
    return this.statements.maxPosition.get()?.position ?? 0;
  }

  headPosition(): Promise<number> {
    return Promise.resolve(this.currentPosition());
  }

  streamHead(stream: string): Promise<StreamHead | undefined> {
    return Promise.resolve(this.statements.head.get(stream));
  }

  headsSnapshot(): Promise<HeadsSnapshot> {
    const snapshot = this.db.transaction(() => ({
      position: this.currentPosition(),
      heads: this.statements.allHeads.all(),
    }));
    return Promise.resolve(snapshot());
  }

  waitForAppend(position: number, signal: AbortSignal): Promise<void> {
    return this.signal.wait(position, signal);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.readers].map((reader) => reader.terminate()));
    await this.queue.drain();
    await this.writer.close();
    this.sameFile.close();
    this.signal.close();
    this.db.close();
  }
}
