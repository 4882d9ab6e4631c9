import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
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
  HeadsSnapshot,
  StoredEvent,
  StreamHead,
} from '../port/types';
import { AppendSignal } from '../subscription/append-signal';
import { SQLITE_SCHEMA, STORED_COLUMNS, storedEventsOf, type StoredRow } from './sqlite-schema';

function isEventIdClash(error: unknown): boolean {
  return (
    error instanceof Database.SqliteError &&
    error.code === 'SQLITE_CONSTRAINT_UNIQUE' &&
    error.message.includes('event_id')
  );
}

export interface SqliteAdapterOptions {
  /** Database file; parent directories are created. */
  readonly path: string;
  /** How often live subscribers look for appends made by other processes (ms). */
  readonly pollIntervalMs?: number;
}

/**
 * The embedded default: better-sqlite3 in WAL mode with synchronous=FULL, so an acknowledged
 * append is on disk. Concurrent appends share one transaction (group commit).
 */
export class SqliteEventStoreAdapter implements EventStoreAdapter {
  readonly kind = 'sqlite';
  readonly gapFreePositions = true;
  readonly uniqueEventIdsAcrossStreams = true;
  private readonly db: Database.Database;
  private readonly queue: GroupCommitQueue;
  private readonly signal: AppendSignal;
  private readonly statements;
  private lastRecorded = { position: -1, ms: 0 };
  private closed = false;

  constructor(options: SqliteAdapterOptions) {
    if (options.path !== ':memory:') mkdirSync(dirname(options.path), { recursive: true });
    this.db = new Database(options.path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
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
      last: this.db.prepare<[], { position: number; metadata: string }>(
        'SELECT position, metadata FROM ledger_events ORDER BY position DESC LIMIT 1',
      ),
      maxPosition: this.db.prepare<[], { position: number | null }>(
        'SELECT MAX(position) AS position FROM ledger_events',
      ),
      insert: this.db.prepare(
        'INSERT INTO ledger_events (position, stream, revision, event_id, type, data, metadata, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      upsertHead: this.db.prepare(
        'INSERT INTO ledger_streams (stream, revision, hash, position) VALUES (?, ?, ?, ?) ON CONFLICT (stream) DO UPDATE SET revision = excluded.revision, hash = excluded.hash, position = excluded.position',
      ),
      allHeads: this.db.prepare<[], StreamHead>(
        'SELECT stream, revision, hash, position FROM ledger_streams',
      ),
      streamForwards: this.db
        .prepare<[string, number, number], StoredRow>(
          `SELECT ${STORED_COLUMNS} FROM ledger_events WHERE stream = ? AND revision >= ? ORDER BY revision ASC LIMIT ?`,
        )
        .raw(true),
      streamBackwards: this.db
        .prepare<[string, number, number], StoredRow>(
          `SELECT ${STORED_COLUMNS} FROM ledger_events WHERE stream = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`,
        )
        .raw(true),
    };
    const commit = this.db.transaction((appends: readonly PreparedAppend[], lookUpIds: boolean) =>
      this.commitBatch(appends, lookUpIds),
    );
    this.queue = new GroupCommitQueue((appends) => {
      try {
        try {
          return commit.immediate(appends, false);
        } catch (error) {
          // An id already stored: a retry (idempotent) or a conflict. Replan knowing the ids.
          if (!isEventIdClash(error)) throw error;
          return commit.immediate(appends, true);
        }
      } catch (error) {
        throw new StoreUnavailableError(`SQLite commit failed: ${String(error)}`, { cause: error });
      } finally {
        this.signal.notify();
      }
    });
    this.signal = new AppendSignal(
      () => Promise.resolve(this.currentPosition()),
      options.pollIntervalMs ?? 200,
    );
  }

  appendPrepared(append: PreparedAppend): Promise<AppendResult> {
    if (this.closed) return Promise.reject(new StoreUnavailableError('store is closed'));
    return this.queue.enqueue(append);
  }

  /**
   * Runs inside BEGIN IMMEDIATE: read heads (and stored ids when a clash was seen), plan, write.
   * Ids are not looked up on the first attempt: the unique index finds a reused id for free.
   */
  private commitBatch(appends: readonly PreparedAppend[], lookUpIds: boolean): AppendOutcome[] {
    const heads = new Map<string, StreamHead>();
    const existingIds = new Map<string, StoredEventRef>();
    for (const append of appends) {
      if (!heads.has(append.stream)) {
        const head = this.statements.head.get(append.stream);
        if (head !== undefined) heads.set(append.stream, head);
      }
      if (!lookUpIds) continue;
      for (const event of append.events) {
        const ref = this.statements.idRef.get(event.id);
        if (ref !== undefined) existingIds.set(event.id, ref);
      }
    }
    const last = this.statements.last.get();
    const lastPosition = last?.position ?? 0;
    const recordedMs = this.nextRecordedMs(last);
    const context = (): BatchContext => ({
      heads: new Map(heads),
      existingIds: new Map(existingIds),
      firstPosition: lastPosition + 1,
      recordedAt: new Date(recordedMs).toISOString(),
    });
    let plan = planBatch(appends, context());
    const suspects = idsOfRevisionRejections(appends, plan.outcomes).filter(
      (id) => !existingIds.has(id),
    );
    if (suspects.length > 0) {
      for (const id of suspects) {
        const ref = this.statements.idRef.get(id);
        if (ref !== undefined) existingIds.set(id, ref);
      }
      plan = planBatch(appends, context());
    }
    this.lastRecorded = { position: lastPosition + plan.rows.length, ms: recordedMs };
    for (const row of plan.rows) {
      this.statements.insert.run(
        row.position,
        row.stream,
        row.revision,
        row.id,
        row.type,
        row.data,
        row.metadata,
        row.hash,
      );
    }
    for (const head of plan.newHeads.values()) {
      this.statements.upsertHead.run(head.stream, head.revision, head.hash, head.position);
    }
    return plan.outcomes;
  }

  /** The store's clock, never behind the last stored event even if the system clock steps back. */
  private nextRecordedMs(last: { position: number; metadata: string } | undefined): number {
    if (last !== undefined && last.position !== this.lastRecorded.position) {
      // Written by another process (or first write since opening): take its clock from the row.
      const { recordedAt } = JSON.parse(last.metadata) as { recordedAt: string };
      this.lastRecorded = { position: last.position, ms: Date.parse(recordedAt) };
    }
    return Math.max(Date.now(), this.lastRecorded.ms);
  }

  readStreamPages(stream: string, read: StoredStreamRead): AsyncIterable<readonly StoredEvent[]> {
    const statement =
      read.direction === 'forwards'
        ? this.statements.streamForwards
        : this.statements.streamBackwards;
    return pagedRead(
      (from, limit) => storedEventsOf(statement.all(stream, from, limit)),
      (row) => row.revision,
      read.fromRevision,
      read.direction,
      read.maxCount,
    );
  }

  readAllPages(read: StoredAllRead): AsyncIterable<readonly StoredEvent[]> {
    const { sql, filterParams } = this.readAllQuery(read.direction, read.filter);
    const statement = this.db.prepare<unknown[], StoredRow>(sql).raw(true);
    return pagedRead(
      (from, limit) => storedEventsOf(statement.all(from, ...filterParams, limit)),
      (row) => row.position,
      read.fromPosition,
      read.direction,
      read.maxCount,
    );
  }

  private readAllQuery(direction: StoredAllRead['direction'], filter: EventFilter | undefined) {
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
      sql: `SELECT ${STORED_COLUMNS} FROM ledger_events WHERE ${clauses.join(' AND ')} ORDER BY position ${order} LIMIT ?`,
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
    await this.queue.drain();
    this.signal.close();
    this.db.close();
  }
}
