import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { StoreUnavailableError } from '../port/errors';
import { storedEventColumns } from '../stored-event';
import type { StoredEvent, StreamHead } from '../port/types';

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
export class SqliteWriter {
  private readonly worker: Worker;
  private readonly waiting = new Map<
    number,
    { resolve(outcome: WriterOutcome): void; reject(error: Error): void }
  >();
  private nextId = 1;
  private failure: Error | undefined;
  private readonly exited: Promise<void>;

  constructor(path: string) {
    this.worker = new Worker(join(__dirname, 'sqlite-writer.worker.js'), { workerData: { path } });
    this.worker.on('message', (reply: WriterReply) => {
      const waiter = this.waiting.get(reply.id);
      if (waiter === undefined) return;
      this.waiting.delete(reply.id);
      if (reply.outcome === 'failed')
        waiter.reject(new StoreUnavailableError(`SQLite commit failed: ${reply.message ?? ''}`));
      else waiter.resolve(reply.outcome);
    });
    this.worker.on('error', (error) => {
      this.fail(
        new StoreUnavailableError(`SQLite writer thread failed: ${error.message}`, {
          cause: error,
        }),
      );
    });
    this.exited = new Promise((resolve) => {
      this.worker.once('exit', () => {
        this.fail(new StoreUnavailableError('SQLite writer thread exited'));
        resolve();
      });
    });
  }

  begin(lastPosition: number, assumedHeads: ReadonlyMap<string, StreamHead | undefined>): number {
    const id = this.nextId;
    this.nextId += 1;
    const heads = [...assumedHeads].map(([stream, head]) => [
      stream,
      head?.revision ?? -1,
      head?.hash ?? '',
    ]);
    this.worker.postMessage({ kind: 'begin', id, lastPosition, heads });
    return id;
  }

  rows(id: number, rows: readonly StoredEvent[]): void {
    this.worker.postMessage({ kind: 'rows', id, rows: rows.flatMap(storedEventColumns) });
  }

  commit(id: number, newHeads: Iterable<StreamHead>): Promise<WriterOutcome> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    const heads = [...newHeads].map((head) => [
      head.stream,
      head.revision,
      head.hash,
      head.position,
    ]);
    return new Promise<WriterOutcome>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ kind: 'commit', id, heads });
    });
  }

  async close(): Promise<void> {
    this.worker.postMessage({ kind: 'close' });
    await this.exited;
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiter of this.waiting.values()) waiter.reject(error);
    this.waiting.clear();
  }
}
