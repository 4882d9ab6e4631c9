/**
 * ledger_head is one row holding the last position: every append locks it (FOR UPDATE) before
 * reading heads and holds the lock to commit, so positions are gap-free and become visible in
 * order. That closes the sequence-gap problem: a subscriber that has seen position n can never
 * later find an n' < n committing (as happens with a bare sequence and concurrent transactions).
 */
export function postgresSchemaSql(schema: string): string {
  const s = quoteIdentifier(schema);
  return `
CREATE SCHEMA IF NOT EXISTS ${s};
CREATE TABLE IF NOT EXISTS ${s}.ledger_events (
  position BIGINT PRIMARY KEY,
  stream   TEXT   NOT NULL,
  revision BIGINT NOT NULL,
  event_id UUID   NOT NULL,
  type     TEXT   NOT NULL,
  data     TEXT   NOT NULL,
  metadata TEXT   NOT NULL,
  hash     TEXT   NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS ledger_events_stream_revision ON ${s}.ledger_events (stream, revision);
CREATE UNIQUE INDEX IF NOT EXISTS ledger_events_event_id ON ${s}.ledger_events (event_id);
CREATE TABLE IF NOT EXISTS ${s}.ledger_streams (
  stream   TEXT   PRIMARY KEY,
  revision BIGINT NOT NULL,
  hash     TEXT   NOT NULL,
  position BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS ${s}.ledger_head (
  singleton      BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (singleton),
  position       BIGINT  NOT NULL,
  recorded_at_ms BIGINT  NOT NULL
);
INSERT INTO ${s}.ledger_head (singleton, position, recorded_at_ms) VALUES (TRUE, 0, 0) ON CONFLICT DO NOTHING;
`;
}

export function quoteIdentifier(identifier: string): string {
  // 47 = 63 (PostgreSQL's identifier limit) − "ledger_appended_", the NOTIFY channel built from it.
  if (!/^[a-z_][a-z0-9_]{0,46}$/.test(identifier)) {
    throw new Error(`PostgreSQL schema name must match [a-z_][a-z0-9_]{0,46}: ${identifier}`);
  }
  return `"${identifier}"`;
}

export const PG_STORED_COLUMNS =
  'position, stream, revision, event_id::text AS id, type, data, metadata, hash';
