import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { StoreUnavailableError } from '../port/errors';
import type { Direction, StoredProjectionEvent } from '../port/types';

/** What sqlite-reader.worker.js reads: see its ReaderData. */
export interface ReadAheadQuery {
  readonly path: string;
  /** A SELECT of PROJECTION_COLUMNS; parameters: the cursor, `params`, the page's LIMIT. */
  readonly sql: string;
  readonly params: readonly unknown[];
  readonly fromPosition: number;
  readonly direction: Direction;
  readonly maxCount: number;
  readonly pageSize: number;
}

/** StoredProjectionEvent's fields in column order; recordedAt comes out of the metadata in SQL. */
export const PROJECTION_COLUMNS =
  "position, stream, revision, event_id, type, data, json_extract(metadata, '$.recordedAt')";
const COLUMN_COUNT = 7;

/** A row of PROJECTION_COLUMNS in better-sqlite3's raw (array) mode. */
export type ProjectionRow = [number, string, number, string, string, string, string];

export function projectionEventOf(row: ProjectionRow): StoredProjectionEvent {
  return {
    position: row[0],
    stream: row[1],
    revision: row[2],
    id: row[3],
    type: row[4],
    data: row[5],
    recordedAt: row[6],
  };
}

/**
 * Rows per page and pages the reader thread may read before the consumer has taken them. The
 * thread reads a page several times faster than a fold consumes it, so two keep it ahead, and
 * what waits in the queue stays small: a rebuild allocates ~6 kB per event, so a young-generation
 * collection comes every few thousand events, and rows still queued then are copied for nothing.
 */
export const READ_AHEAD_PAGE_SIZE = 1_000;
const PAGES_AHEAD = 2;

type ReaderReply =
  | { readonly kind: 'page'; readonly values: unknown[] }
  | { readonly kind: 'end' }
  | { readonly kind: 'failed'; readonly message: string };

function eventsOf(values: readonly unknown[]): StoredProjectionEvent[] {
  const events = new Array<StoredProjectionEvent>(values.length / COLUMN_COUNT);
  for (let index = 0, at = 0; at < values.length; index += 1, at += COLUMN_COUNT) {
    events[index] = {
      position: values[at] as number,
      stream: values[at + 1] as string,
      revision: values[at + 2] as number,
      id: values[at + 3] as string,
      type: values[at + 4] as string,
      data: values[at + 5] as string,
      recordedAt: values[at + 6] as string,
    };
  }
  return events;
}

/**
 * One long read of the log on a thread of its own (sqlite-reader.worker.js), which reads up to
 * PAGES_AHEAD pages ahead of the consumer: reading overlaps the fold on a second core. The thread
 * starts on the first next() and stops at the end, on return() (a loop left early) and when the
 * store closes (`running`). It holds the process open only while the consumer waits for a page.
 */
export function readAhead(
  query: ReadAheadQuery,
  running: Set<Worker>,
): AsyncIterable<readonly StoredProjectionEvent[]> {
  return {
    [Symbol.asyncIterator](): AsyncIterator<readonly StoredProjectionEvent[]> {
      const pages: unknown[][] = [];
      let worker: Worker | undefined;
      let ended = false;
      let failure: Error | undefined;
      let wake: (() => void) | undefined;

      const stop = async (): Promise<void> => {
        if (worker === undefined) return;
        const stopping = worker;
        running.delete(stopping);
        await stopping.terminate();
      };
      const start = (): Worker => {
        const started = new Worker(join(__dirname, 'sqlite-reader.worker.js'), {
          workerData: { ...query, params: [...query.params], columns: COLUMN_COUNT },
        });
        started.unref();
        running.add(started);
        started.on('message', (reply: ReaderReply) => {
          if (reply.kind === 'page') pages.push(reply.values);
          else if (reply.kind === 'end') {
            ended = true;
            void stop();
          } else {
            failure = new StoreUnavailableError(`SQLite read failed: ${reply.message}`);
            void stop();
          }
          wake?.();
        });
        started.on('error', (error) => {
          failure ??= new StoreUnavailableError(`SQLite reader thread failed: ${error.message}`, {
            cause: error,
          });
          wake?.();
        });
        started.once('exit', () => {
          running.delete(started);
          if (!ended) failure ??= new StoreUnavailableError('SQLite reader thread stopped');
          wake?.();
        });
        started.postMessage({ kind: 'more', pages: PAGES_AHEAD });
        return started;
      };

      return {
        next: async (): Promise<IteratorResult<readonly StoredProjectionEvent[]>> => {
          worker ??= start();
          for (;;) {
            const values = pages.shift();
            if (values !== undefined) {
              if (!ended) worker.postMessage({ kind: 'more', pages: 1 });
              return { done: false, value: eventsOf(values) };
            }
            if (failure !== undefined) throw failure;
            if (ended) return { done: true, value: undefined };
            // Waiting for the thread is the one time it must keep the process alive.
            worker.ref();
            await new Promise<void>((resolve) => {
              wake = resolve;
            });
            wake = undefined;
            worker.unref();
          }
        },
        return: async (): Promise<IteratorResult<readonly StoredProjectionEvent[]>> => {
          ended = true;
          await stop();
          return { done: true, value: undefined };
        },
      };
    },
  };
}
