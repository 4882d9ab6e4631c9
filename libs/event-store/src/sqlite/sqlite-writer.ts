import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { StoreUnavailableError } from '../port/errors';
import type { StoredEvent, StreamHead } from '../port/types';

/**
 * Rows a batch's planner hands over at a time (its chunk size): a full chunk goes to the writer
 * thread at once, to be inserted while the next is hashed.
 */
export const ROWS_PER_MESSAGE = 256;

/** Values per row in a 'rows' message, in ledger_events column order (see the worker). */
const STORED_EVENT_COLUMN_COUNT = 8;

export type WriterOutcome = 'committed' | 'stale' | 'id_clash';

interface WriterReply {
  readonly id: number;
  readonly outcome: WriterOutcome | 'failed';
  readonly message?: string;
}

/**
 * The main-thread side of sqlite-writer.worker.js: begin a batch with the assumptions it was
 * planned on, stream its rows while later rows are still being hashed, then commit and await.
 */
interface WriterThread {
  readonly worker: Worker;
  alive: boolean;
  readonly waiting: Map<
    number,
    { resolve(outcome: WriterOutcome): void; reject(error: Error): void }
  >;
  readonly exited: Promise<void>;
  /**
   * Steps not yet posted: a batch's begin waits for its first rows, and its last (short) chunk
   * of rows for the commit, so a small batch is one message instead of three (posting one costs
   * the main thread more than a small batch's inserts cost the writer).
   */
  readonly outbox: WriterStep[];
}

type WriterStep =
  | { readonly kind: 'begin'; readonly id: number; readonly [field: string]: unknown }
  | { readonly kind: 'rows'; readonly id: number; readonly rows: (string | number)[] }
  | { readonly kind: 'commit'; readonly id: number; readonly [field: string]: unknown };

export class SqliteWriter {
  private thread: WriterThread | undefined;
  /** Which thread each batch was begun on: its commit must reach that very thread. */
  private readonly batches = new Map<number, WriterThread>();
  private nextId = 1;
  private closing = false;

  /** The thread starts with the first batch: a store that only reads (the projector's) has none. */
  constructor(private readonly path: string) {}

  begin(
    lastPosition: number,
    lastHash: string,
    assumedHeads: ReadonlyMap<string, StreamHead | undefined>,
  ): number {
    const thread = this.current();
    const id = this.nextId;
    this.nextId += 1;
    this.batches.set(id, thread);
    const heads = [...assumedHeads].map(([stream, head]) => [
      stream,
      head?.revision ?? -1,
      head?.hash ?? '',
    ]);
    thread.outbox.push({ kind: 'begin', id, lastPosition, lastHash, heads });
    return id;
  }

  rows(id: number, rows: readonly StoredEvent[]): void {
    const thread = this.batches.get(id);
    if (thread?.alive !== true) return;
    // One preallocated flat array, not a tuple per row flattened afterwards: for 1,000-event
    // batches the per-row arrays were a measurable share of the main thread's garbage.
    const values = new Array<string | number>(rows.length * STORED_EVENT_COLUMN_COUNT);
    let at = 0;
    for (const row of rows) {
      values[at] = row.position;
      values[at + 1] = row.stream;
      values[at + 2] = row.revision;
      values[at + 3] = row.id;
      values[at + 4] = row.type;
      values[at + 5] = row.data;
      values[at + 6] = row.metadata;
      values[at + 7] = row.hash;
      at += STORED_EVENT_COLUMN_COUNT;
    }
    thread.outbox.push({ kind: 'rows', id, rows: values });
    // A full chunk has more behind it: the writer inserts it while the next is being hashed. A
    // short one is the batch's last and goes with the commit.
    if (rows.length >= ROWS_PER_MESSAGE) this.post(thread);
  }

  commit(id: number, newHeads: Iterable<StreamHead>): Promise<WriterOutcome> {
    const thread = this.batches.get(id);
    if (thread?.alive !== true) {
      this.batches.delete(id);
      return Promise.reject(
        new StoreUnavailableError('SQLite writer thread stopped before the commit'),
      );
    }
    const heads = [...newHeads].map((head) => [
      head.stream,
      head.revision,
      head.hash,
      head.position,
    ]);
    return new Promise<WriterOutcome>((resolve, reject) => {
      thread.waiting.set(id, { resolve, reject });
      thread.outbox.push({ kind: 'commit', id, heads });
      this.post(thread);
    });
  }

  private post(thread: WriterThread): void {
    const steps = thread.outbox.splice(0);
    if (steps.length === 1) thread.worker.postMessage(steps[0]);
    else if (steps.length > 1) thread.worker.postMessage({ kind: 'steps', steps });
  }

  async close(): Promise<void> {
    this.closing = true;
    const thread = this.thread;
    if (thread?.alive !== true) return;
    thread.worker.postMessage({ kind: 'close' });
    await thread.exited;
  }

  /** Stops the writer thread as a crash would (operations drills and tests); the next batch starts a new one. */
  async terminate(): Promise<void> {
    const thread = this.thread;
    if (thread === undefined) return;
    await thread.worker.terminate();
    await thread.exited;
  }

  /** The live thread; a new one if the last died (it keeps no state between batches). */
  private current(): WriterThread {
    if (this.closing) throw new StoreUnavailableError('store is closed');
    if (this.thread?.alive !== true) this.thread = this.spawn();
    return this.thread;
  }

  private spawn(): WriterThread {
    const worker = new Worker(join(__dirname, 'sqlite-writer.worker.js'), {
      workerData: { path: this.path },
    });
    let markExited: () => void = () => undefined;
    const thread: WriterThread = {
      worker,
      alive: true,
      waiting: new Map(),
      exited: new Promise<void>((resolve) => {
        markExited = resolve;
      }),
      outbox: [],
    };
    worker.on('message', (reply: WriterReply) => {
      const waiter = thread.waiting.get(reply.id);
      thread.waiting.delete(reply.id);
      this.batches.delete(reply.id);
      if (waiter === undefined) return;
      if (reply.outcome === 'failed')
        waiter.reject(new StoreUnavailableError(`SQLite commit failed: ${reply.message ?? ''}`));
      else waiter.resolve(reply.outcome);
    });
    worker.on('error', (error) => {
      this.retire(
        thread,
        new StoreUnavailableError(`SQLite writer thread failed: ${error.message}`, {
          cause: error,
        }),
      );
    });
    worker.once('exit', () => {
      this.retire(thread, new StoreUnavailableError('SQLite writer thread exited'));
      markExited();
    });
    return thread;
  }

  /** Batches on a dead thread were never committed (SQLite rolled them back): their callers get 503s. */
  private retire(thread: WriterThread, error: Error): void {
    thread.alive = false;
    for (const waiter of thread.waiting.values()) waiter.reject(error);
    thread.waiting.clear();
    for (const [id, owner] of this.batches) if (owner === thread) this.batches.delete(id);
  }
}
