// @ts-check
'use strict';
/**
 * The read-model writer thread: SqliteReadModelStore.commit's transactions (views, documents and
 * positions together), applied in the order they arrive. Writing a batch of documents — hundreds
 * of kilobytes each for platform-years — then overlaps the projector's fold of the next events
 * on another core instead of stopping it.
 *
 * A commit arrives as `begin`, `documents` messages (five values a document), then `commit` (or `abort`
 * when the main thread could not produce them all). The main thread posts them in one go, so a
 * transaction stays open only while its messages are worked through.
 *
 * Plain JavaScript checked by TypeScript (allowJs + @ts-check) so that ts-jest, ts-node and the
 * compiled build all start the same file without a loader.
 */
const { parentPort, workerData } = require('node:worker_threads');
const Database = require('better-sqlite3');

/**
 * @typedef {{ kind: 'begin'; id: number }} BeginMessage
 * @typedef {{ kind: 'documents'; id: number; values: Array<string | number | null> }} DocumentsMessage
 *   values: model, generation, key, view, doc of each document in turn; a null view or doc is
 *   left as stored.
 * @typedef {{ kind: 'commit'; id: number; positions: Array<string | number> }} CommitMessage
 *   positions: 4 values per generation (position, docPosition, model, generation).
 * @typedef {{ kind: 'abort'; id: number }} AbortMessage
 * @typedef {{ kind: 'close' }} CloseMessage
 * @typedef {BeginMessage | DocumentsMessage | CommitMessage | AbortMessage | CloseMessage} WriterMessage
 * @typedef {{ id: number; outcome: 'committed' } | { id: number; outcome: 'stale'; model: string; generation: number } | { id: number; outcome: 'failed'; message: string }} WriterReply
 */

if (parentPort === null) {
  throw new Error('sqlite-read-model-writer.worker.js must run as a worker thread');
}
const port = parentPort;
const { path } = /** @type {{ path: string }} */ (workerData);

const db = new Database(path, { fileMustExist: true });
db.pragma('busy_timeout = 10000');
db.pragma('cache_size = -65536');
const begin = db.prepare('BEGIN IMMEDIATE');
const commit = db.prepare('COMMIT');
const rollback = db.prepare('ROLLBACK');
const upsertView = db.prepare(
  'INSERT INTO rm_views (model, generation, key, view) VALUES (?, ?, ?, ?) ' +
    'ON CONFLICT (model, generation, key) DO UPDATE SET view = excluded.view',
);
const upsertDoc = db.prepare(
  'INSERT INTO rm_docs (model, generation, key, doc) VALUES (?, ?, ?, ?) ' +
    'ON CONFLICT (model, generation, key) DO UPDATE SET doc = excluded.doc',
);
const setPositions = db.prepare(
  'UPDATE rm_generations SET position = ?, doc_position = ? WHERE model = ? AND generation = ?',
);

/** The commit under way and the first failure in it (answered at its `commit`). */
let current = { id: 0, open: false, failure: /** @type {WriterReply | null} */ (null) };

/** @param {number} id @param {unknown} error @returns {WriterReply} */
function failed(id, error) {
  return { id, outcome: 'failed', message: error instanceof Error ? error.message : String(error) };
}

function rollbackIfOpen() {
  if (current.open) rollback.run();
  current.open = false;
}

/** @param {CommitMessage} message @returns {WriterReply} */
function finish(message) {
  if (current.id !== message.id) return failed(message.id, new Error('commit without begin'));
  if (current.failure !== null) {
    rollbackIfOpen();
    return current.failure;
  }
  const { positions } = message;
  for (let at = 0; at < positions.length; at += 4) {
    const model = /** @type {string} */ (positions[at + 2]);
    const generation = /** @type {number} */ (positions[at + 3]);
    if (setPositions.run(positions[at], positions[at + 1], model, generation).changes === 0) {
      // A generation is gone (another process swapped a rebuild in): nothing lands.
      rollbackIfOpen();
      return { id: message.id, outcome: 'stale', model, generation };
    }
  }
  commit.run();
  current.open = false;
  return { id: message.id, outcome: 'committed' };
}

port.on('message', (/** @type {WriterMessage} */ message) => {
  switch (message.kind) {
    case 'begin':
      rollbackIfOpen();
      current = { id: message.id, open: false, failure: null };
      try {
        begin.run();
        current.open = true;
      } catch (error) {
        current.failure = failed(message.id, error);
      }
      return;
    case 'documents':
      if (message.id !== current.id || current.failure !== null) return;
      try {
        const { values } = message;
        for (let at = 0; at < values.length; at += 5) {
          const view = values[at + 3];
          const doc = values[at + 4];
          if (view !== null) upsertView.run(values[at], values[at + 1], values[at + 2], view);
          if (doc !== null) upsertDoc.run(values[at], values[at + 1], values[at + 2], doc);
        }
      } catch (error) {
        current.failure = failed(message.id, error);
      }
      return;
    case 'abort':
      if (message.id === current.id) rollbackIfOpen();
      return;
    case 'commit': {
      /** @type {WriterReply} */
      let reply;
      try {
        reply = finish(message);
      } catch (error) {
        try {
          rollbackIfOpen();
        } catch {
          current.open = false;
        }
        reply = failed(message.id, error);
      }
      port.postMessage(reply);
      return;
    }
    case 'close':
      rollbackIfOpen();
      db.close();
      port.close();
      return;
  }
});
