import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { StoreUnavailableError } from '../port/errors';
import type { Direction, HashedPage, StoredEvent, StoredProjectionEvent } from '../port/types';

/** What sqlite-reader.worker.js reads: see its ReaderData. */
export interface ReadAheadQuery {
  readonly path: string;
  /** A SELECT of the page kind's columns; parameters: the cursor, `params`, the page's LIMIT. */
  readonly sql: string;
  readonly params: readonly unknown[];
  /** The cursor's first value: a position, or a revision where `keyColumn` is the revision's. */
  readonly from: number;
  readonly keyColumn: number;
  readonly direction: Direction;
  readonly maxCount: number;
  readonly pageSize: number;
}

/** How the flat values the reader thread posts become a page, and what it must compute for it. */
export interface ReadAheadPageKind<Page> {
  readonly columns: number;
  readonly hashed: boolean;
  pageOf(values: readonly unknown[], mismatches: readonly (number | string)[]): Page;
}

/** StoredProjectionEvent's fields in column order; recordedAt comes out of the metadata in SQL. */
export const PROJECTION_COLUMNS =
  "position, stream, revision, event_id, type, data, json_extract(metadata, '$.recordedAt')";
const PROJECTION_COLUMN_COUNT = 7;
/** STORED_COLUMNS (sqlite-schema.ts): position, stream, revision, event_id, type, data, metadata, hash. */
const STORED_COLUMN_COUNT = 8;

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
  | {
      readonly kind: 'page';
      readonly values: unknown[];
      readonly mismatches: (number | string)[];
    }
  | { readonly kind: 'end' }
  | { readonly kind: 'failed'; readonly message: string };

/** The rows of a page the thread posted flat, `columns` values per row, each built by `rowAt`. */
function rowsOf<Row>(
  values: readonly unknown[],
  columns: number,
  rowAt: (values: readonly unknown[], at: number) => Row,
): Row[] {
  const rows = new Array<Row>(values.length / columns);
  for (let index = 0, at = 0; at < values.length; index += 1, at += columns)
    rows[index] = rowAt(values, at);
  return rows;
}

const projectionEventAt = (values: readonly unknown[], at: number): StoredProjectionEvent => ({
  position: values[at] as number,
  stream: values[at + 1] as string,
  revision: values[at + 2] as number,
  id: values[at + 3] as string,
  type: values[at + 4] as string,
  data: values[at + 5] as string,
  recordedAt: values[at + 6] as string,
});

const storedEventAt = (values: readonly unknown[], at: number): StoredEvent => ({
  position: values[at] as number,
  stream: values[at + 1] as string,
  revision: values[at + 2] as number,
  id: values[at + 3] as string,
  type: values[at + 4] as string,
  data: values[at + 5] as string,
  metadata: values[at + 6] as string,
  hash: values[at + 7] as string,
});

const storedEventsOf = (values: readonly unknown[]): StoredEvent[] =>
  rowsOf(values, STORED_COLUMN_COUNT, storedEventAt);

/** Pages of PROJECTION_COLUMNS: what a fold reads. */
export const PROJECTION_PAGES: ReadAheadPageKind<readonly StoredProjectionEvent[]> = {
  columns: PROJECTION_COLUMN_COUNT,
  hashed: false,
  pageOf: (values) => rowsOf(values, PROJECTION_COLUMN_COUNT, projectionEventAt),
};

/** Pages of STORED_COLUMNS. */
export const STORED_PAGES: ReadAheadPageKind<readonly StoredEvent[]> = {
  columns: STORED_COLUMN_COUNT,
  hashed: false,
  pageOf: storedEventsOf,
};

/** Pages of STORED_COLUMNS whose hashes the reader thread recomputed. */
export const HASHED_PAGES: ReadAheadPageKind<HashedPage> = {
  columns: STORED_COLUMN_COUNT,
  hashed: true,
  pageOf: (values, mismatches) => {
    const found = new Map<number, string>();
    for (let at = 0; at < mismatches.length; at += 2)
      found.set(mismatches[at] as number, mismatches[at + 1] as string);
    return { events: storedEventsOf(values), mismatches: found };
  },
};

/**
 * One long read of the log or of a stream on a thread of its own (sqlite-reader.worker.js), which reads up to
 * PAGES_AHEAD pages ahead of the consumer: reading overlaps the fold on a second core. The thread
 * starts on the first next() and stops at the end, on return() (a loop left early) and when the
 * store closes (`running`). It holds the process open only while the consumer waits for a page.
 */
export function readAhead<Page>(
  query: ReadAheadQuery,
  kind: ReadAheadPageKind<Page>,
  running: Set<Worker>,
): AsyncIterable<Page> {
  return {
    [Symbol.asyncIterator](): AsyncIterator<Page> {
      const pages: { values: unknown[]; mismatches: (number | string)[] }[] = [];
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
          workerData: {
            ...query,
            params: [...query.params],
            columns: kind.columns,
            hashed: kind.hashed,
          },
        });
        started.unref();
        running.add(started);
        started.on('message', (reply: ReaderReply) => {
          if (reply.kind === 'page') pages.push(reply);
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
        next: async (): Promise<IteratorResult<Page>> => {
          worker ??= start();
          for (;;) {
            const page = pages.shift();
            if (page !== undefined) {
              if (!ended) worker.postMessage({ kind: 'more', pages: 1 });
              return { done: false, value: kind.pageOf(page.values, page.mismatches) };
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
        return: async (): Promise<IteratorResult<Page>> => {
          ended = true;
          await stop();
          return { done: true, value: undefined };
        },
      };
    },
  };
}
