import { join } from 'node:path';
import type { ReadModelStore } from './read-model-store';
import { PostgresReadModelStore } from './postgres/postgres-read-model-store';
import { SqliteReadModelStore } from './sqlite/sqlite-read-model-store';

export type ReadModelStoreConfig =
  | { readonly kind: 'sqlite'; readonly path: string }
  | { readonly kind: 'postgres'; readonly connectionString: string; readonly schema?: string };

/**
 * LEDGER_READ_MODELS=sqlite|postgres (default: postgres when LEDGER_STORE=postgres, else sqlite);
 * sqlite lives in `<LEDGER_DATA_DIR>/read-models.sqlite`, postgres in DATABASE_URL's schema
 * LEDGER_READ_MODEL_SCHEMA (default ledger_read_models).
 */
export function readModelStoreConfigFromEnv(
  env: NodeJS.ProcessEnv = process.env,
): ReadModelStoreConfig {
  const kind = env.LEDGER_READ_MODELS ?? (env.LEDGER_STORE === 'postgres' ? 'postgres' : 'sqlite');
  if (kind === 'sqlite')
    return { kind, path: join(env.LEDGER_DATA_DIR ?? './data', 'read-models.sqlite') };
  if (kind === 'postgres') {
    if (env.DATABASE_URL === undefined)
      throw new Error('LEDGER_READ_MODELS=postgres needs DATABASE_URL');
    return {
      kind,
      connectionString: env.DATABASE_URL,
      ...(env.LEDGER_READ_MODEL_SCHEMA !== undefined && { schema: env.LEDGER_READ_MODEL_SCHEMA }),
    };
  }
  throw new Error(`LEDGER_READ_MODELS must be sqlite or postgres, not ${kind}`);
}

export async function openReadModelStore(config: ReadModelStoreConfig): Promise<ReadModelStore> {
  return config.kind === 'sqlite'
    ? new SqliteReadModelStore(config.path)
    : PostgresReadModelStore.connect(config);
}
