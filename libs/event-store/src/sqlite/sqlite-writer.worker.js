// @ts-check
'use strict';
/**
 * The SQLite writer thread: owns the only write connection (WAL, synchronous=FULL) and applies
 * batches the main thread has already validated, hashed and planned. It re-checks, inside
 * BEGIN IMMEDIATE, that the heads and last position the plan was built on are still current (another
 * process may share the file) and answers "stale" otherwise. Rows arrive in chunks while the main
 * thread is still hashing later ones, so hashing and inserting overlap on two cores, and the
 * main thread never blocks on fsync.
 *
 * Plain JavaScript checked by TypeScript (allowJs + @ts-check) so that ts-jest, ts-node and the
 * compiled build all start the same file without a loader.
 */
const { parentPort, workerData } = require('node:worker_threads');
const Database = require('better-sqlite3');

/**
 * @typedef {{ kind: 'begin'; id: number; lastPosition: number; lastHash: string; heads: Array<[string, number, string]> }} BeginMessage
 *   lastHash: the hash of the event at lastPosition ('' for an empty log): the position alone
 *   would accept another process's rows of the same count in place of the ones the plan assumed.
 *   heads: [stream, revision or -1 for no stream, hash or ''] as the plan assumed them.
 * @typedef {{ kind: 'rows'; id: number; rows: Array<string | number> }} RowsMessage
 *   rows: 8 values per row in column order (position, stream, revision, event_id, type, data, metadata, hash).
 * @typedef {{ kind: 'commit'; id: number; heads: Array<[string, number, string, number]> }} CommitMessage
 * @typedef {{ kind: 'close' }} CloseMessage
 * @typedef {{ kind: 'steps'; steps: Array<BeginMessage | RowsMessage | CommitMessage> }} StepsMessage
 *   several of the above in one message, handled in order (a small batch is one message).
 * @typedef {BeginMessage | RowsMessage | CommitMessage | CloseMessage | StepsMessage} WriterMessage
 * @typedef {{ id: number; outcome: 'committed' | 'stale' | 'id_clash' | 'failed'; message?: string }} WriterReply
 */

if (parentPort === null) throw new Error('sqlite-writer.worker.js must run as a worker thread');
const port = parentPort;
const { path } = /** @type {{ path: string }} */ (workerData);

const db = new Database(path);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.pragma('busy_timeout = 10000');
db.pragma('cache_size = -65536');

const insert = db.prepare(
  'INSERT INTO ledger_events (position, stream, revision, event_id, type, data, metadata, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
);
const upsertHead = db.prepare(
  'INSERT INTO ledger_streams (stream, revision, hash, position) VALUES (?, ?, ?, ?) ON CONFLICT (stream) DO UPDATE SET revision = excluded.revision, hash = excluded.hash, position = excluded.position',
);
const headOf = db.prepare('SELECT revision, hash FROM ledger_streams WHERE stream = ?');
const lastEvent = db.prepare(
  'SELECT MAX(position) AS position, (SELECT hash FROM ledger_events ORDER BY position DESC LIMIT 1) AS hash FROM ledger_events',
);

/** @type {{ id: number; state: 'open' | 'stale' | 'id_clash' | 'failed'; message: string } | undefined} */
let batch;

/** @param {WriterReply} reply */
function reply(reply) {
  port.postMessage(reply);
}

/** @param {unknown} error */
function isEventIdClash(error) {
  return (
    error instanceof Database.SqliteError &&
    error.code === 'SQLITE_CONSTRAINT_UNIQUE' &&
    error.message.includes('event_id')
  );
}

/** @param {BeginMessage} message */
function begin(message) {
  // A batch begun and never committed (its planning failed on the main thread) is abandoned.
  if (db.inTransaction) db.exec('ROLLBACK');
  db.exec('BEGIN IMMEDIATE');
  batch = { id: message.id, state: 'open', message: '' };
  const row = /** @type {{ position: number | null; hash: string | null }} */ (lastEvent.get());
  if ((row.position ?? 0) !== message.lastPosition || (row.hash ?? '') !== message.lastHash) {
    batch.state = 'stale';
    return;
  }
  for (const [stream, revision, hash] of message.heads) {
    const head = /** @type {{ revision: number; hash: string } | undefined} */ (headOf.get(stream));
    const current = head === undefined ? -1 : head.revision;
    if (current !== revision || (head !== undefined && head.hash !== hash)) {
      batch.state = 'stale';
      return;
    }
  }
}

/** @param {RowsMessage} message */
function rows(message) {
  if (batch === undefined || batch.id !== message.id || batch.state !== 'open') return;
  const values = message.rows;
  try {
    for (let i = 0; i < values.length; i += 8) {
      insert.run(
        values[i],
        values[i + 1],
        values[i + 2],
        values[i + 3],
        values[i + 4],
        values[i + 5],
        values[i + 6],
        values[i + 7],
      );
    }
  } catch (error) {
    batch.state = isEventIdClash(error) ? 'id_clash' : 'failed';
    batch.message = String(error);
  }
}

/** @param {CommitMessage} message */
function commit(message) {
  if (batch === undefined || batch.id !== message.id) {
    reply({ id: message.id, outcome: 'failed', message: 'commit without begin' });
    return;
  }
  const finished = batch;
  batch = undefined;
  if (finished.state !== 'open') {
    db.exec('ROLLBACK');
    reply({ id: finished.id, outcome: finished.state, message: finished.message });
    return;
  }
  try {
    for (const [stream, revision, hash, position] of message.heads)
      upsertHead.run(stream, revision, hash, position);
    db.exec('COMMIT');
    reply({ id: finished.id, outcome: 'committed' });
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    reply({ id: finished.id, outcome: 'failed', message: String(error) });
  }
}

/** @param {BeginMessage | RowsMessage | CommitMessage | CloseMessage} message */
function handle(message) {
  switch (message.kind) {
    case 'begin':
      begin(message);
      break;
    case 'rows':
      rows(message);
      break;
    case 'commit':
      commit(message);
      break;
    case 'close':
      db.close();
      port.close();
      break;
  }
}

/**
 * One step, its failure answered to its own batch: a failed step of one batch never swallows the
 * steps of another that came in the same message.
 * @param {BeginMessage | RowsMessage | CommitMessage | CloseMessage} message
 */
function handleSafely(message) {
  try {
    handle(message);
  } catch (error) {
    if (db.open && db.inTransaction) db.exec('ROLLBACK');
    batch = undefined;
    reply({ id: 'id' in message ? message.id : -1, outcome: 'failed', message: String(error) });
  }
}

port.on('message', (/** @type {WriterMessage} */ message) => {
  if (message.kind === 'steps') for (const step of message.steps) handleSafely(step);
  else handleSafely(message);
});
