import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { StaleGenerationError, type DocumentWrite, type PositionWrite } from '../read-model-store';

type WriterReply =
  | { readonly id: number; readonly outcome: 'committed' }
  | {
      readonly id: number;
      readonly outcome: 'stale';
      readonly model: string;
      readonly generation: number;
    }
  | { readonly id: number; readonly outcome: 'failed'; readonly message: string };

interface WriterThread {
  readonly worker: Worker;
  alive: boolean;
  readonly waiting: Map<number, { resolve(): void; reject(error: Error): void }>;
  readonly exited: Promise<void>;
}

/**
 * Documents go to the thread in chunks of about this many characters (or this many values, five a
 * document): one message per document cost more in postMessage than the documents' texts did, and
 * a chunk still bounds what a commit holds before the thread has it.
 */
const CHUNK_CHARS = 1 << 20;
const CHUNK_VALUES = 5 * 1024;

/**
 * The main-thread side of sqlite-read-model-writer.worker.js: a commit goes to the thread as
 * `begin`, its documents in chunks as the caller's iterable yields them (so a document's text is
 * garbage soon after it is handed over, instead of a batch of them living until the last is
 * serialised), and
 * `commit` with the positions; it settles when that transaction has committed (or rolled back).
 * Commits apply in the order they were made. The thread starts with the first commit, starts
 * again after a crash, and holds the process open only while a commit is under way.
 */
export class SqliteReadModelWriter {
  private thread: WriterThread | undefined;
  private nextId = 1;
  private closing = false;

  constructor(private readonly path: string) {}

  commit(writes: Iterable<DocumentWrite>, positions: readonly PositionWrite[]): Promise<void> {
    if (this.closing) return Promise.reject(new Error('the read-model store is closed'));
    const thread = this.current();
    const id = this.nextId;
    this.nextId += 1;
    const { worker } = thread;
    worker.postMessage({ kind: 'begin', id });
    try {
      let values: (string | number | null)[] = [];
      let chars = 0;
      for (const write of writes) {
        values.push(write.model, write.generation, write.key, write.view, write.doc);
        chars += (write.view?.length ?? 0) + (write.doc?.length ?? 0);
        if (chars >= CHUNK_CHARS || values.length >= CHUNK_VALUES) {
          worker.postMessage({ kind: 'documents', id, values });
          values = [];
          chars = 0;
        }
      }
      if (values.length > 0) worker.postMessage({ kind: 'documents', id, values });
    } catch (error) {
      // The documents could not all be produced: nothing of this commit may land.
      worker.postMessage({ kind: 'abort', id });
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    const applied = positions.flatMap((p) => [p.position, p.docPosition, p.model, p.generation]);
    return new Promise<void>((resolve, reject) => {
      thread.waiting.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ kind: 'commit', id, positions: applied });
    });
  }

  /** Lets the commits already made finish, then stops the thread. */
  async close(): Promise<void> {
    this.closing = true;
    const thread = this.thread;
    if (thread?.alive !== true) return;
    thread.worker.ref();
    thread.worker.postMessage({ kind: 'close' });
    await thread.exited;
  }

  private current(): WriterThread {
    if (this.thread?.alive !== true) this.thread = this.spawn();
    return this.thread;
  }

  private spawn(): WriterThread {
    const worker = new Worker(join(__dirname, 'sqlite-read-model-writer.worker.js'), {
      workerData: { path: this.path },
    });
    worker.unref();
    let markExited: () => void = () => undefined;
    const thread: WriterThread = {
      worker,
      alive: true,
      waiting: new Map(),
      exited: new Promise<void>((resolve) => {
        markExited = resolve;
      }),
    };
    worker.on('message', (reply: WriterReply) => {
      const waiter = thread.waiting.get(reply.id);
      thread.waiting.delete(reply.id);
      if (thread.waiting.size === 0 && !this.closing) worker.unref();
      if (waiter === undefined) return;
      if (reply.outcome === 'committed') waiter.resolve();
      else if (reply.outcome === 'stale')
        waiter.reject(new StaleGenerationError(reply.model, reply.generation));
      else waiter.reject(new Error(`read-model commit failed: ${reply.message}`));
    });
    worker.on('error', (error) => {
      this.retire(thread, new Error(`read-model writer thread failed: ${error.message}`));
    });
    worker.once('exit', () => {
      this.retire(thread, new Error('read-model writer thread exited'));
      markExited();
    });
    return thread;
  }

  /** Commits on a dead thread never committed (SQLite rolled them back). */
  private retire(thread: WriterThread, error: Error): void {
    thread.alive = false;
    for (const waiter of thread.waiting.values()) waiter.reject(error);
    thread.waiting.clear();
  }
}
