import { join } from 'node:path';
import { eventStoreConfigFromEnv, type EventStoreConfig } from '@ledger/event-store';
import { readModelStoreConfigFromEnv, type ReadModelStoreConfig } from '@ledger/read-models';

/** API.md "Running": PORT, HOST, LEDGER_STORE, LEDGER_DATA_DIR, DATABASE_URL, ESDB_CONNECTION_STRING. */
export interface LedgerApiConfig {
  readonly port: number;
  readonly host: string;
  readonly store: EventStoreConfig;
  /** Where projected read models live (LEDGER_READ_MODELS, libs/read-models). */
  readonly readModels: ReadModelStoreConfig;
  /**
   * LEDGER_PROJECTOR: `embedded` runs the projector in this process (default with SQLite);
   * `external` leaves it to `apps/projector` (default with PostgreSQL).
   */
  readonly projector: 'embedded' | 'external';
  /** Merkle anchors over all stream heads are appended this often when the log has moved. */
  readonly anchorIntervalMs: number;
  /** Content-addressed evidence files (LEDGER_BLOB_DIR, default `<LEDGER_DATA_DIR>/blobs`). */
  readonly blobDir: string;
  /** Largest evidence upload accepted (LEDGER_MAX_UPLOAD_BYTES, default 20 MiB). */
  readonly maxUploadBytes: number;
  /** Largest JSON body accepted (LEDGER_MAX_BODY_BYTES, default 16 MiB: a 5,000-record batch). */
  readonly maxBodyBytes: number;
}

function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isSafeInteger(value) || value <= 0)
    throw new Error(`${name} must be a positive integer`);
  return value;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): LedgerApiConfig {
  const port = Number(env.PORT ?? '3000');
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be 0..65535, not ${String(env.PORT)}`);
  const anchorIntervalMs = Number(env.LEDGER_ANCHOR_INTERVAL_MS ?? String(60 * 60 * 1000));
  if (!Number.isInteger(anchorIntervalMs) || anchorIntervalMs < 0) {
    throw new Error(
      'LEDGER_ANCHOR_INTERVAL_MS must be a non-negative integer (0 disables scheduled anchors)',
    );
  }
  const store = eventStoreConfigFromEnv(env);
  const projector = env.LEDGER_PROJECTOR ?? (store.kind === 'postgres' ? 'external' : 'embedded');
  if (projector !== 'embedded' && projector !== 'external')
    throw new Error(`LEDGER_PROJECTOR must be embedded or external, not ${projector}`);
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    store,
    readModels: readModelStoreConfigFromEnv(env),
    projector,
    anchorIntervalMs,
    blobDir: env.LEDGER_BLOB_DIR ?? join(env.LEDGER_DATA_DIR ?? './data', 'blobs'),
    maxUploadBytes: positiveInteger(env, 'LEDGER_MAX_UPLOAD_BYTES', 20 * 1024 * 1024),
    maxBodyBytes: positiveInteger(env, 'LEDGER_MAX_BODY_BYTES', 16 * 1024 * 1024),
  };
}
