import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  LedgerEventStore,
  PostgresEventStoreAdapter,
  SqliteEventStoreAdapter,
} from '@ledger/event-store';

/** Opens fresh, isolated stores on real backends for a test. */
/** readAheadFrom 0 sends every read of the log or of a stream to a read-ahead thread. */
export function freshSqliteStore(options: { readAheadFrom?: number } = {}): {
  store: LedgerEventStore;
  path: string;
} {
  const path = join(mkdtempSync(join(tmpdir(), 'ledger-sqlite-')), 'ledger.sqlite');
  return { store: freshSqliteStoreAt(path, options), path };
}

export function freshSqliteStoreAt(
  path: string,
  options: { readAheadFrom?: number; pollIntervalMs?: number } = {},
): LedgerEventStore {
  return new LedgerEventStore(
    new SqliteEventStoreAdapter({ path, pollIntervalMs: 50, ...options }),
  );
}

let schemaCounter = 0;

export function postgresUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL;
}

export async function freshPostgresStore(): Promise<{ store: LedgerEventStore; schema: string }> {
  const url = postgresUrl();
  if (url === undefined) throw new Error('TEST_DATABASE_URL is not set');
  schemaCounter += 1;
  const schema = `t_${process.pid}_${Date.now().toString(36)}_${schemaCounter}`;
  const adapter = await PostgresEventStoreAdapter.connect({
    connectionString: url,
    schema,
    pollIntervalMs: 100,
  });
  return { store: new LedgerEventStore(adapter), schema };
}

/** describe for PostgreSQL suites: skipped, with a printed reason, when no server is available. */
export const describeIfPostgres: jest.Describe =
  postgresUrl() === undefined
    ? (((name: string, fn: () => void) => {
        process.stdout.write(`[ledger tests] skipping "${name}": no PostgreSQL server\n`);
        describe.skip(name, fn);
      }) as jest.Describe)
    : describe;
