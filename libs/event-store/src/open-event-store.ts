import { join } from 'node:path';
import { LedgerEventStore } from './ledger-event-store';
import type { EventStoreAdapter } from './port/event-store-adapter';
import { SqliteEventStoreAdapter } from './sqlite/sqlite-event-store-adapter';
import { PostgresEventStoreAdapter } from './postgres/postgres-event-store-adapter';

export type EventStoreConfig =
  | { readonly kind: 'sqlite'; readonly path: string }
  | { readonly kind: 'postgres'; readonly connectionString: string; readonly schema?: string }
  | { readonly kind: 'esdb'; readonly connectionString: string };

/** Reads API.md's environment: LEDGER_STORE, LEDGER_DATA_DIR, DATABASE_URL, ESDB_CONNECTION_STRING. */
export function eventStoreConfigFromEnv(env: NodeJS.ProcessEnv = process.env): EventStoreConfig {
  const kind = env.LEDGER_STORE ?? 'sqlite';
  switch (kind) {
    case 'sqlite':
      return { kind, path: join(env.LEDGER_DATA_DIR ?? './data', 'ledger.sqlite') };
    case 'postgres':
      if (env.DATABASE_URL === undefined)
        throw new Error('LEDGER_STORE=postgres needs DATABASE_URL');
      return {
        kind,
        connectionString: env.DATABASE_URL,
        ...(env.LEDGER_PG_SCHEMA !== undefined && { schema: env.LEDGER_PG_SCHEMA }),
      };
    case 'esdb':
      if (env.ESDB_CONNECTION_STRING === undefined)
        throw new Error('LEDGER_STORE=esdb needs ESDB_CONNECTION_STRING');
      return { kind, connectionString: env.ESDB_CONNECTION_STRING };
    default:
      throw new Error(`LEDGER_STORE must be sqlite, postgres or esdb, not ${kind}`);
  }
}

export async function openEventStore(config: EventStoreConfig): Promise<LedgerEventStore> {
  let adapter: EventStoreAdapter;
  switch (config.kind) {
    case 'sqlite':
      adapter = new SqliteEventStoreAdapter({ path: config.path });
      break;
    case 'postgres':
      adapter = await PostgresEventStoreAdapter.connect({
        connectionString: config.connectionString,
        ...(config.schema !== undefined && { schema: config.schema }),
      });
      break;
    case 'esdb': {
      // Loaded on demand: the gRPC client is only paid for by deployments that use it.
      const { EsdbEventStoreAdapter } = await import('./esdb/esdb-event-store-adapter');
      adapter = await EsdbEventStoreAdapter.connect({ connectionString: config.connectionString });
      break;
    }
  }
  return new LedgerEventStore(adapter);
}
