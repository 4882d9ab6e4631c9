import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import Database from 'better-sqlite3';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LedgerEventStore, SqliteEventStoreAdapter, type EventStore } from '@ledger/event-store';
import {
  foldEvents,
  stringifyDocument,
  type ProjectedEvent,
} from '@ledger/projections/shared/projection';
import {
  PostgresReadModelStore,
  SqliteReadModelStore,
  type ReadModelStore,
} from '@ledger/read-models';
import { DEFAULT_DEMO_SEED, DEFAULT_DEMO_YEAR, generateDemoDataset } from '@ledger/demo-data';
import { LedgerProcessors } from '../../ledger-api/src/commands/ledger-processors';
import { seedDemo } from '../../ledger-api/src/demo/seed-demo';
import { appendBenchNetwork } from '../../../test/bench/projection-bench-events';
import {
  describeIfPostgres,
  freshPostgresStore,
  freshSqliteStore,
  freshSqliteStoreAt,
  postgresUrl,
} from '../../../test/support/stores';
import { createProjector, PROJECTIONS } from './open-projector';
import { DEFAULT_PROJECTOR_OPTIONS } from './projector';
import { REPO_ROOT, typeScriptEntry } from '../../../test/support/typescript-entry';

/** `npm run projector` as a child process with these settings; its stderr is collected. */
function spawnProjector(env: NodeJS.ProcessEnv): { child: ChildProcess; stderr: () => string } {
  const child = spawn(process.execPath, typeScriptEntry('apps/projector/src/main.ts'), {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return { child, stderr: () => stderr };
}

/**
 * The child's committed positions, read without writing (-1 before its first commit): the views'
 * and the documents' (its last checkpoint).
 */
function committedPositions(path: string): { position: number; docPosition: number } {
  const none = { position: -1, docPosition: -1 };
  if (!existsSync(path)) return none;
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const row = db
      .prepare<[], { position: number | null; docPosition: number | null }>(
        "SELECT MIN(position) AS position, MIN(doc_position) AS docPosition FROM rm_generations WHERE status = 'active'",
      )
      .get();
    return { position: row?.position ?? -1, docPosition: row?.docPosition ?? -1 };
  } catch {
    return none; // the schema is being created
  } finally {
    db.close();
  }
}

async function allEvents(events: EventStore): Promise<ProjectedEvent[]> {
  const all: ProjectedEvent[] = [];
  for await (const event of events.readAll()) all.push(event);
  return all;
}

/** Every model's stored documents and views, as plain JSON values, by model and key. */
async function storedModels(readModels: ReadModelStore): Promise<Record<string, unknown>> {
  const generations = (await readModels.generations()).filter((g) => g.status === 'active');
  const models: Record<string, unknown> = {};
  for (const projection of PROJECTIONS) {
    const generation = generations.find((g) => g.model === projection.name);
    if (generation === undefined) throw new Error(`no active generation of ${projection.name}`);
    const views = await readModels
      .reader()
      .snapshot((snapshot) => snapshot.viewsWithPrefix(projection.name, ''));
    const docs: Record<string, unknown> = {};
    for (const key of views.keys()) {
      docs[key] = JSON.parse(
        (await readModels.loadDoc(projection.name, generation.generation, key)) ?? 'null',
      );
    }
    models[projection.name] = { docs, views: Object.fromEntries(views) };
  }
  return models;
}

/** The same models folded in memory from the log (the audit replay's code path). */
function foldedModels(events: readonly ProjectedEvent[]): Record<string, unknown> {
  const models: Record<string, unknown> = {};
  for (const projection of PROJECTIONS) {
    const folded = foldEvents(projection, events);
    const docs: Record<string, unknown> = {};
    const views: Record<string, unknown> = {};
    for (const [key, doc] of [...folded].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      docs[key] = JSON.parse(stringifyDocument(projection, doc));
      views[key] = JSON.parse(JSON.stringify(projection.view(doc, key)));
    }
    models[projection.name] = { docs, views };
  }
  return models;
}

describe('replay equals live (every projection, generated histories, SQLite)', () => {
  it('folding the log in memory gives exactly what the projector built live, and a rebuild gives the same', async () => {
    const { store: events, path } = freshSqliteStore();
    const readModels = new SqliteReadModelStore(
      join(mkdtempSync(join(tmpdir(), 'ledger-rm-')), 'rm.sqlite'),
    );
    const projector = createProjector(events, readModels, {
      maxPendingEvents: 500,
      commitIntervalMs: 5,
    });
    await projector.start();
    // Appended while the projector runs: live, incremental, many commits.
    let head = await appendBenchNetwork(events, 12, 700, 2024);
    head = Math.max(head, await appendBenchNetwork(events, 12, 300, 2025));
    await readModels.reader().waitFor(head, 30_000);
    await projector.stop();
    const live = await storedModels(readModels);
    expect(live).toEqual(foldedModels(await allEvents(events)));

    await createProjector(events, readModels).rebuild(PROJECTIONS.map((p) => p.name));
    expect(await storedModels(readModels)).toEqual(live);
    // Again with the log read on SQLite's read-ahead thread, as a rebuild of a long log reads it.
    const readAhead = new LedgerEventStore(new SqliteEventStoreAdapter({ path, readAheadFrom: 0 }));
    await createProjector(readAhead, readModels).rebuild(PROJECTIONS.map((p) => p.name));
    expect(await storedModels(readModels)).toEqual(live);
    await readAhead.close();
    await readModels.close();
    await events.close();
  });

  it('the same holds for the demo network written through the deciders (work plans, services, ratings, deals, trainings, items)', async () => {
    const { store: events } = freshSqliteStore();
    const readModels = new SqliteReadModelStore(
      join(mkdtempSync(join(tmpdir(), 'ledger-rm-')), 'rm.sqlite'),
    );
    const projector = createProjector(events, readModels, {
      maxPendingEvents: 2_000,
      commitIntervalMs: 20,
    });
    await projector.start();
    const dataset = generateDemoDataset({ seed: DEFAULT_DEMO_SEED, year: DEFAULT_DEMO_YEAR });
    await seedDemo(new LedgerProcessors(events), {
      platforms: dataset.platforms.slice(0, 12),
      years: dataset.years.filter((y) =>
        dataset.platforms.slice(0, 12).some((p) => p.filing.platformId === y.platformId),
      ),
    });
    await readModels.reader().waitFor(await events.headPosition(), 60_000);
    await projector.stop();
    expect(await storedModels(readModels)).toEqual(foldedModels(await allEvents(events)));
    await readModels.close();
    await events.close();
  });

  it.each([
    { checkpoint: 'before its first checkpoint', checkpointEvents: '1000000' },
    { checkpoint: 'after a checkpoint', checkpointEvents: '15000' },
  ])(
    'a projector killed with SIGKILL mid-run ($checkpoint) and restarted ends identical to the in-memory fold, its views never going back',
    async ({ checkpointEvents }) => {
      const dataDir = mkdtempSync(join(tmpdir(), 'ledger-projector-kill9-'));
      const events = freshSqliteStoreAt(join(dataDir, 'ledger.sqlite'));
      const head = await appendBenchNetwork(events, 40, 2_500, 2025);
      const readModelsPath = join(dataDir, 'read-models.sqlite');

      const { child, stderr } = spawnProjector({
        LEDGER_STORE: 'sqlite',
        LEDGER_DATA_DIR: dataDir,
        LEDGER_PROJECTOR_COMMIT_EVENTS: '5000',
        LEDGER_PROJECTOR_CHECKPOINT_EVENTS: checkpointEvents,
      });
      const exited = new Promise<NodeJS.Signals | null>((done) =>
        child.on('exit', (_code, signal) => {
          done(signal);
        }),
      );
      // Kill once views (and, in the second case, documents) have been committed and before the
      // end: mid-run by construction.
      const checkpointFirst = Number(checkpointEvents) < head;
      let killedAt = { position: -1, docPosition: -1 };
      for (let tries = 0; tries < 6_000 && killedAt.position < 0; tries += 1) {
        await new Promise((done) => setTimeout(done, 10));
        const committed = committedPositions(readModelsPath);
        if (committed.position >= head)
          throw new Error(`the projector finished before the kill; stderr: ${stderr()}`);
        const viewsAheadOfCheckpoint =
          committed.docPosition > 0 && committed.position > committed.docPosition;
        if (committed.position > 0 && (!checkpointFirst || viewsAheadOfCheckpoint)) {
          child.kill('SIGKILL');
          killedAt = committedPositions(readModelsPath);
        }
      }
      expect(await exited).toBe('SIGKILL');
      expect(killedAt.position).toBeGreaterThan(0);
      if (checkpointFirst) {
        expect(killedAt.docPosition).toBeGreaterThan(0);
        expect(killedAt.position).toBeGreaterThan(killedAt.docPosition);
      } else expect(killedAt.docPosition).toBe(-1);

      const readModels = new SqliteReadModelStore(readModelsPath);
      // The restart folds again from the documents' position, committing often (so several
      // times before it passes the stored views again); readers keep the views they had meanwhile.
      const restarted = createProjector(events, readModels, {
        ...DEFAULT_PROJECTOR_OPTIONS,
        maxPendingEvents: 1_000,
        commitIntervalMs: 5,
      });
      const seen: number[] = [];
      const watching = setInterval(() => {
        void readModels
          .reader()
          .position()
          .then((position) => seen.push(position));
      }, 5);
      try {
        await restarted.start();
        await readModels.reader().waitFor(head, 60_000);
      } finally {
        clearInterval(watching);
        await restarted.stop();
      }
      expect(seen.length).toBeGreaterThan(0);
      expect(Math.min(...seen)).toBeGreaterThanOrEqual(killedAt.position);
      expect(seen).toEqual([...seen].sort((a, b) => a - b));
      expect(await storedModels(readModels)).toEqual(foldedModels(await allEvents(events)));
      await readModels.close();
      await events.close();
    },
  );
});

describeIfPostgres('the projector as its own process against PostgreSQL', () => {
  it('projects a PostgreSQL log into PostgreSQL read models equal to the in-memory fold', async () => {
    const { store: events, schema } = await freshPostgresStore();
    const head = await appendBenchNetwork(events, 6, 500, 2025);
    const readModelSchema = `${schema}_rm`;
    const { child, stderr } = spawnProjector({
      LEDGER_STORE: 'postgres',
      DATABASE_URL: postgresUrl(),
      LEDGER_PG_SCHEMA: schema,
      LEDGER_READ_MODEL_SCHEMA: readModelSchema,
    });
    const exited = new Promise<number | null>((done) =>
      child.on('exit', (code) => {
        done(code);
      }),
    );
    const readModels = await PostgresReadModelStore.connect({
      connectionString: postgresUrl() ?? '',
      schema: readModelSchema,
    });
    try {
      await readModels.reader().waitFor(head, 60_000);
    } catch (error) {
      throw new Error(`${String(error)}; projector stderr: ${stderr()}`);
    }
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(await storedModels(readModels)).toEqual(foldedModels(await allEvents(events)));
    await readModels.close();
    await events.close();
  });
});
