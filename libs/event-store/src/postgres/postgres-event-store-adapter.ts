import {
  Client,
  DatabaseError,
  Pool,
  TypeOverrides,
  types as pgTypes,
  type PoolClient,
  type PoolConfig,
  type QueryResult,
} from 'pg';
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
  HashedPage,
  AppendResult,
  HeadsSnapshot,
  StoredEvent,
  StoredProjectionEvent,
  StreamHead,
} from '../port/types';
import { AppendSignal } from '../subscription/append-signal';
import { projectionPagesOf, storedEventColumns } from '../stored-event';
import { hashedPagesOf } from '../chain/hashed-pages';
import { PG_STORED_COLUMNS, postgresSchemaSql, quoteIdentifier } from './postgres-schema';

export interface PostgresAdapterOptions {
  readonly connectionString: string;
  /** Schema holding the ledger tables (default "ledger"). */
  readonly schema?: string;
  readonly poolSize?: number;
  /** Fallback poll for live subscribers if a notification is missed (ms). */
  readonly pollIntervalMs?: number;
}

// Positions and revisions stay far below 2^53; numbers keep the port's types plain.
const ledgerTypes = new TypeOverrides();
ledgerTypes.setTypeParser(pgTypes.builtins.INT8, (value: string) => Number(value));

type HeadRow = { position: number; recorded_at_ms: number; now_ms: number };
type LookupRow = {
  kind: 'head' | 'id';
  stream: string;
  revision: number;
  hash: string | null;
  position: number;
  id: string | null;
};

/**
 * Batches in flight on separate connections: the next one is already queued on the head-row lock
 * while the previous commits. Safe because each transaction reads the heads it plans from only
 * after taking that lock.
 */
const PIPELINE_DEPTH = 2;

function isEventIdClash(error: unknown): boolean {
  return (
    error instanceof DatabaseError &&
    error.code === '23505' &&
    error.constraint === 'ledger_events_event_id'
  );
}

// Named statements where parameters are needed: pg prepares each once per connection instead of
// parsing and planning it on every commit.
const LOCK_HEAD_SQL =
  'SELECT position, recorded_at_ms, (extract(epoch FROM clock_timestamp()) * 1000)::int8 AS now_ms FROM ledger_head FOR UPDATE';
const HEADS_SELECT =
  "SELECT 'head' AS kind, stream, revision, hash, position, NULL AS id FROM ledger_streams";
const HEADS_AND_IDS_SQL = `${HEADS_SELECT} WHERE stream = ANY($1::text[])
  UNION ALL
  SELECT 'id', stream, revision, NULL, position, event_id::text FROM ledger_events WHERE event_id = ANY($2::uuid[])`;

/**
 * Every write of a commit in one statement (data-modifying CTEs): the events, the stream heads,
 * then ledger_head with a NOTIFY that is delivered on commit. Arrays through unnest keep it at 15
 * parameters whatever the batch size (a multi-row VALUES list hits the protocol's 65,535-parameter
 * limit at 8,192 rows) and were the fastest insert measured here.
 */
const WRITE_BATCH_SQL = `WITH inserted AS (
    INSERT INTO ledger_events (position, stream, revision, event_id, type, data, metadata, hash)
    SELECT * FROM unnest($1::int8[], $2::text[], $3::int8[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::text[])
  ), heads AS (
    INSERT INTO ledger_streams (stream, revision, hash, position)
    SELECT * FROM unnest($9::text[], $10::int8[], $11::text[], $12::int8[])
    ON CONFLICT (stream) DO UPDATE SET revision = excluded.revision, hash = excluded.hash, position = excluded.position
  )
  UPDATE ledger_head SET position = $13::int8, recorded_at_ms = $14::int8 RETURNING pg_notify($15::text, $13::int8::text)`;

function columnsOf(rows: readonly StoredEvent[]): unknown[][] {
  const columns: unknown[][] = [[], [], [], [], [], [], [], []];
  for (const row of rows)
    storedEventColumns(row).forEach((value, index) => columns[index]?.push(value));
  return columns;
}

function requireHead(row: HeadRow | undefined): HeadRow {
  if (row === undefined) throw new Error('ledger_head row is missing');
  return row;
}

function unavailable(error: unknown): StoreUnavailableError {
  return new StoreUnavailableError(
    `PostgreSQL: ${error instanceof Error ? error.message : String(error)}`,
    { cause: error },
  );
}

export class PostgresEventStoreAdapter implements EventStoreAdapter {
  readonly kind = 'postgres';
  readonly gapFreePositions = true;
  readonly uniqueEventIdsAcrossStreams = true;
  private readonly queue: GroupCommitQueue;
  private readonly signal: AppendSignal;
  private readonly channel: string;
  private closed = false;

  private constructor(
    private readonly pool: Pool,
    private readonly listener: Client,
    private readonly schema: string,
    pollIntervalMs: number,
  ) {
    this.channel = `ledger_appended_${schema}`;
    this.queue = new GroupCommitQueue(
      async (appends) => {
        try {
          return await this.commitBatch(appends, false);
        } catch (error) {
          // An id already stored: a retry (idempotent) or a conflict. Replan knowing the ids.
          if (!isEventIdClash(error)) throw unavailable(error);
          try {
            return await this.commitBatch(appends, true);
          } catch (retryError) {
            throw unavailable(retryError);
          }
        }
      },
      undefined,
      PIPELINE_DEPTH,
    );
    this.signal = new AppendSignal(() => this.headPosition(), pollIntervalMs);
    listener.on('notification', () => {
      this.signal.notify();
    });
    // A dropped listener only slows live delivery to the poll interval; appends are unaffected.
    listener.on('error', () => undefined);
  }

  static async connect(options: PostgresAdapterOptions): Promise<PostgresEventStoreAdapter> {
    const schema = options.schema ?? 'ledger';
    const quoted = quoteIdentifier(schema);
    const config: PoolConfig = {
      connectionString: options.connectionString,
      max: options.poolSize ?? 10,
      options: `-c search_path=${quoted}`,
      types: ledgerTypes,
    };
    const pool = new Pool(config);
    pool.on('error', () => undefined);
    const listener = new Client({ connectionString: options.connectionString });
    try {
      const client = await pool.connect();
      try {
        // Serialise schema creation: concurrent CREATE ... IF NOT EXISTS can still collide.
        await client.query("SELECT pg_advisory_lock(hashtext('ledger_schema'))");
        await client.query(postgresSchemaSql(schema));
        await client.query("SELECT pg_advisory_unlock(hashtext('ledger_schema'))");
      } finally {
        client.release();
      }
      await listener.connect();
      await listener.query(`LISTEN "ledger_appended_${schema}"`);
    } catch (error) {
      await pool.end().catch(() => undefined);
      await listener.end().catch(() => undefined);
      throw unavailable(error);
    }
    return new PostgresEventStoreAdapter(pool, listener, schema, options.pollIntervalMs ?? 500);
  }

  appendPrepared(append: PreparedAppend): Promise<AppendResult> {
    if (this.closed) return Promise.reject(new StoreUnavailableError('store is closed'));
    return this.queue.enqueue(append);
  }

  /**
   * One transaction: lock the head row, read stream heads (and stored ids when a clash was seen),
   * plan, insert rows, upsert heads, advance the head and notify listeners on commit.
   */
  private async commitBatch(
    appends: readonly PreparedAppend[],
    lookUpIds: boolean,
  ): Promise<AppendOutcome[]> {
    const client: PoolClient = await this.pool.connect();
    try {
      const streams = [...new Set(appends.map((append) => append.stream))];
      const ids = lookUpIds
        ? appends.flatMap((append) => append.events.map((event) => event.id))
        : [];
      const { head, lookups } = await this.lockAndReadHeads(client, streams, ids);
      const heads = new Map<string, StreamHead>();
      const existingIds = new Map<string, StoredEventRef>();
      for (const row of lookups) {
        if (row.kind === 'head' && row.hash !== null) {
          heads.set(row.stream, {
            stream: row.stream,
            revision: row.revision,
            hash: row.hash,
            position: row.position,
          });
        } else if (row.id !== null) {
          existingIds.set(row.id, {
            stream: row.stream,
            revision: row.revision,
            position: row.position,
          });
        }
      }
      const recordedMs = Math.max(head.now_ms, head.recorded_at_ms);
      const context = (): BatchContext => ({
        heads: new Map(heads),
        existingIds: new Map(existingIds),
        firstPosition: head.position + 1,
        positionsHashed: true,
        recordedAt: new Date(recordedMs).toISOString(),
      });
      let plan = planBatch(appends, context());
      const suspects = idsOfRevisionRejections(appends, plan.outcomes).filter(
        (id) => !existingIds.has(id),
      );
      if (suspects.length > 0) {
        const found = await client.query<StoredEventRef & { id: string }>({
          name: 'ledger-ids',
          text: 'SELECT event_id::text AS id, stream, revision, position FROM ledger_events WHERE event_id = ANY($1::uuid[])',
          values: [suspects],
        });
        for (const ref of found.rows)
          existingIds.set(ref.id, {
            stream: ref.stream,
            revision: ref.revision,
            position: ref.position,
          });
        plan = planBatch(appends, context());
      }
      if (plan.rows.length > 0) {
        const lastPosition = head.position + plan.rows.length;
        const heads = [...plan.newHeads.values()];
        await client.query({
          name: 'ledger-write-batch',
          text: WRITE_BATCH_SQL,
          values: [
            ...columnsOf(plan.rows),
            heads.map((h) => h.stream),
            heads.map((h) => h.revision),
            heads.map((h) => h.hash),
            heads.map((h) => h.position),
            lastPosition,
            recordedMs,
            this.channel,
          ],
        });
      }
      await client.query('COMMIT');
      client.release();
      return plan.outcomes;
    } catch (error) {
      // A connection whose ROLLBACK fails is broken: release(error) destroys it, not pooled.
      const rollbackFailure = await client.query('ROLLBACK').then(
        () => undefined,
        (rollbackError: unknown) => rollbackError,
      );
      client.release(rollbackFailure instanceof Error ? rollbackFailure : undefined);
      throw error;
    }
  }

  /**
   * BEGIN, lock the head row, then read the heads (and ids) to plan from. On the usual path all
   * three go in one round trip, the stream names inlined as escaped literals (the simple protocol
   * takes no parameters); the heads statement runs after the lock, so READ COMMITTED gives it a
   * snapshot that includes every commit before ours.
   */
  private async lockAndReadHeads(
    client: PoolClient,
    streams: readonly string[],
    ids: readonly string[],
  ): Promise<{ head: HeadRow; lookups: LookupRow[] }> {
    if (ids.length === 0) {
      const names = streams.map((stream) => client.escapeLiteral(stream)).join(', ');
      const results = (await client.query(
        `BEGIN; ${LOCK_HEAD_SQL}; ${HEADS_SELECT} WHERE stream IN (${names})`,
      )) as unknown as [unknown, QueryResult<HeadRow>, QueryResult<LookupRow>];
      return { head: requireHead(results[1].rows[0]), lookups: results[2].rows };
    }
    const locked = (await client.query(`BEGIN; ${LOCK_HEAD_SQL}`)) as unknown as [
      unknown,
      QueryResult<HeadRow>,
    ];
    const lookups = await client.query<LookupRow>({
      name: 'ledger-heads-and-ids',
      text: HEADS_AND_IDS_SQL,
      values: [streams, ids],
    });
    return { head: requireHead(locked[1].rows[0]), lookups: lookups.rows };
  }

  readStreamPages(stream: string, read: StoredStreamRead): AsyncIterable<readonly StoredEvent[]> {
    const comparison = read.direction === 'forwards' ? '>=' : '<=';
    const order = read.direction === 'forwards' ? 'ASC' : 'DESC';
    const sql = `SELECT ${PG_STORED_COLUMNS} FROM ledger_events WHERE stream = $1 AND revision ${comparison} $2 ORDER BY revision ${order} LIMIT $3`;
    return pagedRead(
      async (from, limit) => (await this.query<StoredEvent>(sql, [stream, from, limit])).rows,
      (row) => row.revision,
      read.fromRevision,
      read.direction,
      read.maxCount,
    );
  }

  readAllPages(read: StoredAllRead): AsyncIterable<readonly StoredEvent[]> {
    const clauses = [read.direction === 'forwards' ? 'position >= $1' : 'position <= $1'];
    const params: unknown[] = [];
    if (read.filter?.eventTypes !== undefined) {
      params.push(read.filter.eventTypes);
      clauses.push(`type = ANY($${params.length + 2}::text[])`);
    }
    if (read.filter?.streamPrefixes !== undefined) {
      params.push(read.filter.streamPrefixes);
      clauses.push(
        `EXISTS (SELECT 1 FROM unnest($${params.length + 2}::text[]) AS p WHERE starts_with(stream, p))`,
      );
    }
    const order = read.direction === 'forwards' ? 'ASC' : 'DESC';
    const sql = `SELECT ${PG_STORED_COLUMNS} FROM ledger_events WHERE ${clauses.join(' AND ')} ORDER BY position ${order} LIMIT $2`;
    return pagedRead(
      async (from, limit) => (await this.query<StoredEvent>(sql, [from, limit, ...params])).rows,
      (row) => row.position,
      read.fromPosition,
      read.direction,
      read.maxCount,
    );
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

  async headPosition(): Promise<number> {
    const result = await this.query<{ position: number }>('SELECT position FROM ledger_head');
    return result.rows[0]?.position ?? 0;
  }

  async streamHead(stream: string): Promise<StreamHead | undefined> {
    const result = await this.query<StreamHead>(
      'SELECT stream, revision, hash, position FROM ledger_streams WHERE stream = $1',
      [stream],
    );
    return result.rows[0];
  }

  async headsSnapshot(): Promise<HeadsSnapshot> {
    const client = await this.pool.connect().catch((error: unknown) => {
      throw unavailable(error);
    });
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const head = await client.query<{ position: number }>('SELECT position FROM ledger_head');
      const heads = await client.query<StreamHead>(
        'SELECT stream, revision, hash, position FROM ledger_streams',
      );
      await client.query('COMMIT');
      client.release();
      return { position: head.rows[0]?.position ?? 0, heads: heads.rows };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      client.release(error instanceof Error ? error : undefined);
      throw unavailable(error);
    }
  }

  waitForAppend(position: number, signal: AbortSignal): Promise<void> {
    return this.signal.wait(position, signal);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.queue.drain();
    this.signal.close();
    await this.listener.end().catch(() => undefined);
    await this.pool.end();
  }

  /** For tests and tools that need the schema the tables live in. */
  get schemaName(): string {
    return this.schema;
  }

  private async query<Row extends object>(sql: string, params: unknown[] = []) {
    try {
      return await this.pool.query<Row>(sql, params);
    } catch (error) {
      throw unavailable(error);
    }
  }
}
