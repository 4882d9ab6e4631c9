import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { EventStoreConfig } from '@ledger/event-store';
import type { ReadModelStoreConfig } from '@ledger/read-models';

/** What the thread opens: the same stores as the process that starts it, by their configuration. */
export interface ProjectorThreadData {
  readonly events: EventStoreConfig;
  readonly readModels: ReadModelStoreConfig;
}

export type ProjectorThreadRequest = { readonly kind: 'stop' };

export type ProjectorThreadReply =
  | { readonly kind: 'started' }
  | { readonly kind: 'stopped' }
  /** The projector reported an error and carries on (it reloads and resubscribes). */
  | { readonly kind: 'error'; readonly message: string }
  /** The thread could not start, or could not stop cleanly. */
  | { readonly kind: 'failed'; readonly message: string };

/** Pause before a thread that died on its own is started again. */
const RESTART_AFTER_MS = 1_000;
/**
 * A thread that has not written its last checkpoint and closed its stores by then is terminated
 * (crash-safe: the next start folds again from the checkpoint before it).
 */
const STOP_TIMEOUT_MS = 60_000;

/**
 * The embedded projector on a thread of the API process: folding events and serialising read
 * models takes a core of its own instead of turns of the thread that answers requests. The
 * thread opens its own connections to the event store and the read models; it learns of appends
 * from this process at once (SameFileAppends for SQLite, LISTEN/NOTIFY for PostgreSQL).
 */
export class ProjectorThread {
  private worker: Worker | null = null;
  private stopping = false;
  private restartTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly data: ProjectorThreadData,
    private readonly onError: (message: string) => void,
  ) {}

  /** Resolves once the projector has loaded its models and subscribed; rejects if it could not. */
  async start(): Promise<void> {
    // libuv's thread pool (file I/O, DNS, crypto) is process-wide and started by its first user,
    // whose priority its threads inherit: this thread starts it, not the projector's lowered one.
    await access(__filename);
    // A restart that a stop overtook meanwhile starts nothing.
    if (this.stopping) return;
    return new Promise<void>((resolve, reject) => {
      const worker = new Worker(join(__dirname, 'projector-thread.worker.js'), {
        workerData: this.data,
      });
      this.worker = worker;
      let started = false;
      worker.on('message', (reply: ProjectorThreadReply) => {
        switch (reply.kind) {
          case 'started':
            started = true;
            resolve();
            break;
          case 'error':
            this.onError(reply.message);
            break;
          case 'failed':
            if (started) this.onError(reply.message);
            else {
              reject(new Error(`projector thread: ${reply.message}`));
              void worker.terminate();
            }
            break;
          case 'stopped':
            break;
          default:
            reply satisfies never;
        }
      });
      worker.on('error', (error) => {
        if (started) this.onError(`projector thread failed: ${error.message}`);
        else reject(error);
      });
      worker.once('exit', (code) => {
        if (this.worker === worker) this.worker = null;
        if (!started)
          reject(new Error(`projector thread exited (${String(code)}) before it started`));
        else if (!this.stopping) this.restartLater();
      });
    });
  }

  private restartLater(): void {
    this.onError(
      `projector thread stopped unexpectedly; restarting in ${String(RESTART_AFTER_MS)} ms`,
    );
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      if (this.stopping) return;
      this.start().catch((error: unknown) => {
        this.onError(error instanceof Error ? error.message : String(error));
        // The failed thread may not have exited yet: its exit does not restart (it never started).
        if (!this.stopping) this.restartLater();
      });
    }, RESTART_AFTER_MS);
  }

  /** The projector's last commit lands and its stores close before this resolves. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.restartTimer !== null) clearTimeout(this.restartTimer);
    const worker = this.worker;
    if (worker === null) return;
    const exited = new Promise<void>((resolve) => {
      worker.once('exit', () => {
        resolve();
      });
    });
    worker.postMessage({ kind: 'stop' } satisfies ProjectorThreadRequest);
    const timeout = setTimeout(() => {
      void worker.terminate();
    }, STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timeout);
  }
}
