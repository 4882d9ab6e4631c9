// @ts-check
'use strict';
/**
 * The read-model writer thread: SqliteReadModelStore.commit's transactions (documents, views and
 * positions together), applied in the order they arrive. Writing a batch of documents — hundreds
 * of kilobytes each for platform-years — then overlaps the projector's fold of the next events
 * on another core instead of stopping it.
 *
 * Plain JavaScript checked by TypeScript (allowJs + @ts-check) so that ts-jest, ts-node and the
 * compiled build all start the same file without a loader.
 */
const { parentPort, workerData } = require('node:worker_threads');
const Database = require('better-sqlite3');

/**
 * @typedef {{ kind: 'commit'; id: number; writes: Array<string | number>; positions: Array<string | number> }} CommitMessage
 *   writes: 5 values per document (model, generation, key, view, doc);
 *   positions: 3 values per generation (position, model, generation).
 * @typedef {{ kind: 'close' }} CloseMessage
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
const upsertDoc = db.prepare(
  'INSERT INTO rm_docs (model, generation, key, view, doc) VALUES (?, ?, ?, ?, ?) ' +
    'ON CONFLICT (model, generation, key) DO UPDATE SET view = excluded.view, doc = excluded.doc',
);
const setPosition = db.prepare(
  'UPDATE rm_generations SET position = ? WHERE model = ? AND generation = ?',
);

/** A position named a generation that is gone: the whole transaction is rolled back. */
class Stale extends Error {
  /** @param {string} model @param {number} generation */
  constructor(model, generation) {
    super('stale generation');
    this.model = model;
    this.generation = generation;
  }
}

const commit = db.transaction(
  (
    /** @type {Array<string | number>} */ writes,
    /** @type {Array<string | number>} */ positions,
  ) => {
    for (let at = 0; at < writes.length; at += 5) {
      upsertDoc.run(writes[at], writes[at + 1], writes[at + 2], writes[at + 3], writes[at + 4]);
    }
    for (let at = 0; at < positions.length; at += 3) {
      const model = /** @type {string} */ (positions[at + 1]);
      const generation = /** @type {number} */ (positions[at + 2]);
      if (setPosition.run(positions[at], model, generation).changes === 0) {
        throw new Stale(model, generation);
      }
    }
  },
);

port.on('message', (/** @type {CommitMessage | CloseMessage} */ message) => {
  if (message.kind === 'close') {
    db.close();
    port.close();
    return;
  }
  /** @type {WriterReply} */
  let reply;
  try {
    commit(message.writes, message.positions);
    reply = { id: message.id, outcome: 'committed' };
  } catch (error) {
    reply =
      error instanceof Stale
        ? { id: message.id, outcome: 'stale', model: error.model, generation: error.generation }
        : {
            id: message.id,
            outcome: 'failed',
            message: error instanceof Error ? error.message : String(error),
          };
  }
  port.postMessage(reply);
});
