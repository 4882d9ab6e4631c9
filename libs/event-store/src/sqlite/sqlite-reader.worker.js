// @ts-check
'use strict';
/**
 * A read-ahead thread for one long read of the log (sqlite-read-ahead.ts): it runs the keyset
 * pagination of pagedRead on a read-only connection of its own and posts each page as one flat
 * array, a few pages ahead of the consumer and never more than it has been granted. Reading the
 * rows (SQLite stepping, UTF-8 decoding) then overlaps the consumer's work on another core, and
 * the main thread only copies the page in.
 *
 * Plain JavaScript checked by TypeScript (allowJs + @ts-check) so that ts-jest, ts-node and the
 * compiled build all start the same file without a loader.
 */
const { parentPort, workerData } = require('node:worker_threads');
const Database = require('better-sqlite3');

/**
 * @typedef {{ path: string; sql: string; params: unknown[]; fromPosition: number; direction: 'forwards' | 'backwards'; maxCount: number; pageSize: number; columns: number }} ReaderData
 *   sql: a SELECT of `columns` columns, position first, whose parameters are the cursor, then
 *   `params`, then the page's LIMIT.
 * @typedef {{ kind: 'more'; pages: number }} MoreMessage
 *   the consumer grants this many more pages.
 * @typedef {{ kind: 'page'; values: unknown[] } | { kind: 'end' } | { kind: 'failed'; message: string }} ReaderReply
 *   values: `columns` values per row, rows in read order.
 */

if (parentPort === null) throw new Error('sqlite-reader.worker.js must run as a worker thread');
const port = parentPort;
const { path, sql, params, fromPosition, direction, maxCount, pageSize, columns } =
  /** @type {ReaderData} */ (workerData);

const db = new Database(path, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 10000');
db.pragma('cache_size = -65536');
db.pragma('mmap_size = 268435456');
const statement = db.prepare(sql).raw(true);

let granted = 0;
let cursor = fromPosition;
let remaining = maxCount;
let finished = false;

/** @param {ReaderReply} reply */
function reply(reply) {
  port.postMessage(reply);
}

function finish() {
  finished = true;
  db.close();
  reply({ kind: 'end' });
}

/** Reads and posts pages while the consumer has granted some. */
function pump() {
  while (granted > 0 && !finished) {
    if (remaining <= 0) {
      finish();
      return;
    }
    const limit = Math.min(pageSize, remaining);
    const rows = /** @type {unknown[][]} */ (statement.all(cursor, ...params, limit));
    const values = new Array(rows.length * columns);
    let at = 0;
    for (const row of rows) {
      for (let column = 0; column < columns; column += 1) values[at + column] = row[column];
      at += columns;
    }
    remaining -= rows.length;
    const last = rows[rows.length - 1];
    if (rows.length > 0) {
      granted -= 1;
      reply({ kind: 'page', values });
    }
    if (rows.length < limit || last === undefined) {
      finish();
      return;
    }
    const position = /** @type {number} */ (last[0]);
    cursor = direction === 'forwards' ? position + 1 : position - 1;
  }
}

port.on('message', (/** @type {MoreMessage} */ message) => {
  granted += message.pages;
  try {
    pump();
  } catch (error) {
    finished = true;
    reply({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
});
