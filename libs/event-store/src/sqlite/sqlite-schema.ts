import type { StoredEvent } from '../port/types';

/**
 * Positions are the rowid and are assigned max+1 inside the write transaction, so they are gap-free
 * and a reader can never see position n+1 without n (SQLite has one writer at a time).
 * data/metadata hold the exact canonical JSON that was hashed; ledger_streams holds each head.
 */
export const SQLITE_SCHEMA = `
CREATE TABLE IF NOT EXISTS ledger_events (
  position INTEGER PRIMARY KEY,
  stream   TEXT    NOT NULL,
  revision INTEGER NOT NULL,
  event_id TEXT    NOT NULL,
  type     TEXT    NOT NULL,
  data     TEXT    NOT NULL,
  metadata TEXT    NOT NULL,
  hash     TEXT    NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS ledger_events_stream_revision ON ledger_events (stream, revision);
CREATE UNIQUE INDEX IF NOT EXISTS ledger_events_event_id ON ledger_events (event_id);
CREATE TABLE IF NOT EXISTS ledger_streams (
  stream   TEXT    PRIMARY KEY,
  revision INTEGER NOT NULL,
  hash     TEXT    NOT NULL,
  position INTEGER NOT NULL
) WITHOUT ROWID;
`;

export const STORED_COLUMNS = 'position, stream, revision, event_id, type, data, metadata, hash';

/** A row read in better-sqlite3's raw (array) mode, in STORED_COLUMNS order. */
export type StoredRow = [number, string, number, string, string, string, string, string];

/** Arrays plus one fixed-shape literal are markedly cheaper than the driver's per-row objects. */
export function storedEventsOf(rows: readonly StoredRow[]): StoredEvent[] {
  return rows.map((row) => ({
    position: row[0],
    stream: row[1],
    revision: row[2],
    id: row[3],
    type: row[4],
    data: row[5],
    metadata: row[6],
    hash: row[7],
  }));
}
