import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  LedgerEventStore,
  PostgresEventStoreAdapter,
  SqliteEventStoreAdapter,
} from '@ledger/event-store';

/** Opens fresh, isolated stores on real backends for a test. */
export function freshSqliteStore(): { store: LedgerEventStore; path: string } {
  const path = join(mkdtempSync(join(tmpdir(), 'ledger-sqlite-')), 'ledger.sqlite');
  return { store: freshSqliteStoreAt(path), path };
}

export function freshSqliteStoreAt(path: string): LedgerEventStore {
  return new LedgerEventStore(new SqliteEventStoreAdapter({ path, pollIntervalMs: 50 }));
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
