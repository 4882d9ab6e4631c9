import { Pool, TypeOverrides, types, type PoolClient } from 'pg';
import type { ReadModelReader, ReadModelSnapshot } from '../read-model-reader';
import {
  StaleGenerationError,
  type DocumentWrite,
  type ModelGeneration,
  type PositionWrite,
  type ReadModelStore,
} from '../read-model-store';
import { waitForPosition } from '../wait-for-position';

function schemaSql(schema: string): string {
  return `
CREATE SCHEMA IF NOT EXISTS "${schema}";
CREATE TABLE IF NOT EXISTS "${schema}".rm_generations (
  model text NOT NULL, generation integer NOT NULL, version integer NOT NULL,
  position bigint NOT NULL, status text NOT NULL CHECK (status IN ('active', 'building')),
  doc_position bigint,
  PRIMARY KEY (model, generation));
CREATE TABLE IF NOT EXISTS "${schema}".rm_docs (
  model text NOT NULL, generation integer NOT NULL, key text COLLATE "C" NOT NULL,
  doc text, view text, PRIMARY KEY (model, generation, key));
CREATE TABLE IF NOT EXISTS "${schema}".rm_meta (name text PRIMARY KEY, value bigint NOT NULL);
INSERT INTO "${schema}".rm_meta (name, value) VALUES ('epoch', 0) ON CONFLICT DO NOTHING;
-- A schema from before checkpoints (read-model-store.ts), moved over once: documents are written
-- at checkpoints and views at every commit, so a key may have either one first. A null
-- doc_position (never written, as by code from before checkpoints) reads as position.
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = '${schema}'
      AND table_name = 'rm_generations' AND column_name = 'doc_position') THEN
    ALTER TABLE "${schema}".rm_generations ADD COLUMN doc_position bigint;
    ALTER TABLE "${schema}".rm_docs ALTER COLUMN doc DROP NOT NULL;
    ALTER TABLE "${schema}".rm_docs ALTER COLUMN view DROP NOT NULL;
  END IF;
END $$;`;
}

// Positions fit in a double (the store's positions are safe integers): read int8 as a number.
const parsers = new TypeOverrides();
parsers.setTypeParser(types.builtins.INT8, (value: string) => Number(value));

interface GenerationRow {
  model: string;
  generation: number;
  version: number;
  position: number;
  docPosition: number;
  status: 'active' | 'building';
}

/**
 * Read models in PostgreSQL (a server setup; the projector runs as its own process). Views and
 * documents share a row: an update that leaves the document as it is keeps its TOASTed value in
 * place (only the view is rewritten). Views, documents and positions are written in one
 * transaction; snapshots for readers run in a REPEATABLE READ
 * transaction, so every model is seen at one position.
 */
export class PostgresReadModelStore implements ReadModelStore {
  readonly kind = 'postgres' as const;

  private constructor(private readonly pool: Pool) {}

  static async connect(options: {
    connectionString: string;
    schema?: string;
    poolSize?: number;
  }): Promise<PostgresReadModelStore> {
    const schema = options.schema ?? 'ledger_read_models';
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema))
      throw new Error(`read-model schema must match [a-z_][a-z0-9_]{0,62}: ${schema}`);
    const pool = new Pool({
      connectionString: options.connectionString,
      max: options.poolSize ?? 5,
      options: `-c search_path="${schema}"`,
      types: parsers,
    });
    pool.on('error', () => undefined);
    const client = await pool.connect();
    try {
      await client.query("SELECT pg_advisory_lock(hashtext('ledger_read_models_schema'))");
      await client.query(schemaSql(schema));
      await client.query("SELECT pg_advisory_unlock(hashtext('ledger_read_models_schema'))");
    } finally {
      client.release();
    }
    return new PostgresReadModelStore(pool);
  }

  async generations(): Promise<ModelGeneration[]> {
    const { rows } = await this.pool.query<GenerationRow>(
      'SELECT model, generation, version, position, COALESCE(doc_position, position) AS "docPosition", status FROM rm_generations ORDER BY model, generation',
    );
    return rows;
  }

  async createGeneration(model: string, version: number): Promise<ModelGeneration> {
    return this.transaction(async (client) => {
      await client.query('LOCK TABLE rm_generations IN SHARE ROW EXCLUSIVE MODE');
      const { rows } = await client.query<{ next: number }>(
        'SELECT COALESCE(MAX(generation), 0) + 1 AS next FROM rm_generations WHERE model = $1',
        [model],
      );
      const generation = rows[0]?.next ?? 1;
      await client.query(
        "INSERT INTO rm_generations (model, generation, version, position, doc_position, status) VALUES ($1, $2, $3, -1, -1, 'building')",
        [model, generation, version],
      );
      return {
        model,
        generation,
        version,
        position: -1,
        docPosition: -1,
        status: 'building' as const,
      };
    });
  }

  async activate(model: string, generation: number): Promise<void> {
    await this.transaction(async (client) => {
      const { rows } = await client.query<{ generation: number }>(
        "SELECT generation FROM rm_generations WHERE model = $1 AND status = 'active' AND generation <> $2",
        [model, generation],
      );
      for (const row of rows) await deleteGeneration(client, model, row.generation);
      await client.query(
        "UPDATE rm_generations SET status = 'active' WHERE model = $1 AND generation = $2",
        [model, generation],
      );
      await client.query("UPDATE rm_meta SET value = value + 1 WHERE name = 'epoch'");
    });
  }

  async dropGeneration(model: string, generation: number): Promise<void> {
    await this.transaction((client) => deleteGeneration(client, model, generation));
  }

  async loadDoc(model: string, generation: number, key: string): Promise<string | null> {
    const { rows } = await this.pool.query<{ doc: string }>(
      'SELECT doc FROM rm_docs WHERE model = $1 AND generation = $2 AND key = $3',
      [model, generation, key],
    );
    return rows[0]?.doc ?? null;
  }

  async documentKeys(model: string, generation: number): Promise<string[]> {
    const { rows } = await this.pool.query<{ key: string }>(
      'SELECT key FROM rm_docs WHERE model = $1 AND generation = $2 AND doc IS NOT NULL',
      [model, generation],
    );
    return rows.map((row) => row.key);
  }

  async commit(
    writes: Iterable<DocumentWrite>,
    positions: readonly PositionWrite[],
  ): Promise<void> {
    // Read before the first await, as the port requires (the documents are a snapshot).
    const documents = [...writes];
    await this.transaction(async (client) => {
      // One statement for all documents: unnest keeps a 5,000-document flush to one round trip.
      // A null doc or view leaves the stored one.
      if (documents.length > 0) {
        await client.query(
          'INSERT INTO rm_docs (model, generation, key, doc, view) ' +
            'SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[]) ' +
            'ON CONFLICT (model, generation, key) DO UPDATE SET ' +
            'doc = COALESCE(excluded.doc, rm_docs.doc), view = COALESCE(excluded.view, rm_docs.view)',
          [
            documents.map((w) => w.model),
            documents.map((w) => w.generation),
            documents.map((w) => w.key),
            documents.map((w) => w.doc),
            documents.map((w) => w.view),
          ],
        );
      }
      for (const p of positions) {
        const { rowCount } = await client.query(
          'UPDATE rm_generations SET position = $1, doc_position = $2 WHERE model = $3 AND generation = $4',
          [p.position, p.docPosition, p.model, p.generation],
        );
        if (rowCount === 0) throw new StaleGenerationError(p.model, p.generation);
      }
    });
  }

  async epoch(): Promise<number> {
    const { rows } = await this.pool.query<{ value: number }>(
      "SELECT value FROM rm_meta WHERE name = 'epoch'",
    );
    return rows[0]?.value ?? 0;
  }

  reader(): ReadModelReader {
    const position = async (): Promise<number> => activePosition(this.pool);
    return {
      position,
      waitFor: (target, timeoutMs = 10_000) => waitForPosition(position, target, timeoutMs),
      snapshot: async (read) => {
        const client = await this.pool.connect();
        try {
          await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
          const result = await read(postgresSnapshot(client, await activePosition(client)));
          await client.query('COMMIT');
          return result;
        } catch (error) {
          await client.query('ROLLBACK');
          throw error;
        } finally {
          client.release();
        }
      },
    };
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  private async transaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  }
}

async function deleteGeneration(
  client: PoolClient,
  model: string,
  generation: number,
): Promise<void> {
  await client.query('DELETE FROM rm_docs WHERE model = $1 AND generation = $2', [
    model,
    generation,
  ]);
  await client.query('DELETE FROM rm_generations WHERE model = $1 AND generation = $2', [
    model,
    generation,
  ]);
}

async function activePosition(queryable: Pool | PoolClient): Promise<number> {
  const { rows } = await queryable.query<{ position: number | null }>(
    "SELECT MIN(position) AS position FROM rm_generations WHERE status = 'active'",
  );
  return rows[0]?.position ?? -1;
}

const ACTIVE_VIEW =
  'SELECT d.key AS key, d.view AS view FROM rm_docs d JOIN rm_generations g ' +
  "ON g.model = d.model AND g.generation = d.generation AND g.status = 'active' " +
  'WHERE d.view IS NOT NULL AND d.model = $1';

function postgresSnapshot(client: PoolClient, position: number): ReadModelSnapshot {
  return {
    position,
    async view<V>(model: string, key: string): Promise<V | null> {
      const { rows } = await client.query<{ view: string }>(`${ACTIVE_VIEW} AND d.key = $2`, [
        model,
        key,
      ]);
      return rows[0] === undefined ? null : (JSON.parse(rows[0].view) as V);
    },
    async views<V>(model: string, keys: readonly string[]): Promise<Map<string, V>> {
      const { rows } = await client.query<{ key: string; view: string }>(
        `${ACTIVE_VIEW} AND d.key = ANY($2::text[])`,
        [model, keys],
      );
      return new Map(rows.map((row) => [row.key, JSON.parse(row.view) as V]));
    },
    async viewsWithPrefix<V>(model: string, prefix: string): Promise<Map<string, V>> {
      const { rows } = await client.query<{ key: string; view: string }>(
        `${ACTIVE_VIEW} AND starts_with(d.key, $2) ORDER BY d.key`,
        [model, prefix],
      );
      return new Map(rows.map((row) => [row.key, JSON.parse(row.view) as V]));
    },
  };
}
