// @ts-check
'use strict';
/**
 * A read-ahead thread for one long read of the log or of a stream (sqlite-read-ahead.ts): it
 * runs the keyset pagination of pagedRead on a read-only connection of its own and posts each
 * page as one flat array, a few pages ahead of the consumer and never more than it has been
 * granted. Reading the rows (SQLite stepping, UTF-8 decoding) and, for a verifying read,
 * recomputing their hashes then overlap the consumer's work on another core, and the main thread
 * only copies the page in.
 *
 * Plain JavaScript checked by TypeScript (allowJs + @ts-check) so that ts-jest, ts-node and the
 * compiled build all start the same file without a loader.
 */
const { parentPort, workerData } = require('node:worker_threads');
const Database = require('better-sqlite3');
const { eventHashOf } = require('../chain/event-hash-core');

/**
 * @typedef {{ path: string; sql: string; params: unknown[]; from: number; keyColumn: number; direction: 'forwards' | 'backwards'; maxCount: number; pageSize: number; columns: number; hashed: boolean }} ReaderData
 *   sql: a SELECT of `columns` columns whose parameters are the cursor (starting at `from`), then
 *   `params`, then the page's LIMIT; the cursor moves on from the value of column `keyColumn`
 *   (the position for the log, the revision for a stream).
 *   hashed: the columns are STORED_COLUMNS (sqlite-schema.ts) and each row's hash is recomputed.
 * @typedef {{ kind: 'more'; pages: number }} MoreMessage
 *   the consumer grants this many more pages.
 * @typedef {{ kind: 'page'; values: unknown[]; mismatches: Array<number | string> } | { kind: 'end' } | { kind: 'failed'; message: string }} ReaderReply
 *   values: `columns` values per row, rows in read order.
 *   mismatches: when hashed, [row index, recomputed hash] pairs, flat, for the rows whose stored
 *   hash differs (almost always none, so the hashes themselves are not copied back).
 */

if (parentPort === null) throw new Error('sqlite-reader.worker.js must run as a worker thread');
const port = parentPort;
const { path, sql, params, from, keyColumn, direction, maxCount, pageSize, columns, hashed } =
  /** @type {ReaderData} */ (workerData);

const db = new Database(path, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 10000');
db.pragma('cache_size = -65536');
db.pragma('mmap_size = 268435456');
const statement = db.prepare(sql).raw(true);

let granted = 0;
let cursor = from;
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
    /** @type {Array<number | string>} */
    const mismatches = [];
    let at = 0;
    for (let index = 0; index < rows.length; index += 1) {
      const row = /** @type {unknown[]} */ (rows[index]);
      for (let column = 0; column < columns; column += 1) values[at + column] = row[column];
      if (hashed) {
        // STORED_COLUMNS: position, stream, revision, event_id, type, data, metadata, hash.
        const recomputed = eventHashOf(
          /** @type {string} */ (row[1]),
          /** @type {number} */ (row[2]),
          /** @type {string} */ (row[4]),
          /** @type {string} */ (row[5]),
          /** @type {string} */ (row[6]),
        );
        if (recomputed !== row[7]) mismatches.push(index, recomputed);
      }
      at += columns;
    }
    remaining -= rows.length;
    const last = rows[rows.length - 1];
    if (rows.length > 0) {
      granted -= 1;
      reply({ kind: 'page', values, mismatches });
    }
    if (rows.length < limit || last === undefined) {
      finish();
      return;
    }
    const key = /** @type {number} */ (last[keyColumn]);
    cursor = direction === 'forwards' ? key + 1 : key - 1;
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
