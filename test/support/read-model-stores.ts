import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  PostgresReadModelStore,
  SqliteReadModelStore,
  type ReadModelStore,
} from '@ledger/read-models';
import { postgresUrl } from './stores';

let schemaCounter = 0;

/** A fresh read-model store on a real backend, isolated per test. */
export async function freshReadModelStore(kind: 'sqlite' | 'postgres'): Promise<ReadModelStore> {
  if (kind === 'sqlite') {
    return new SqliteReadModelStore(
      join(mkdtempSync(join(tmpdir(), 'ledger-rm-')), 'read-models.sqlite'),
    );
  }
  const url = postgresUrl();
  if (url === undefined) throw new Error('TEST_DATABASE_URL is not set');
  schemaCounter += 1;
  return PostgresReadModelStore.connect({
    connectionString: url,
    schema: `rm_${String(process.pid)}_${Date.now().toString(36)}_${String(schemaCounter)}`,
  });
}
