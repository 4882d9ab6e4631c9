import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import {
  exportStreams,
  exportText,
  LedgerEventStore,
  PostgresEventStoreAdapter,
  verifyExport,
  type EventStore,
} from '@ledger/event-store';
import { ACTOR, event, events } from '../contract/contract-fixtures';
import {
  describeIfPostgres,
  freshPostgresStore,
  freshSqliteStoreAt,
  postgresUrl,
} from '../support/stores';
import { REPO_ROOT, typeScriptEntry } from '../support/typescript-entry';

const run = promisify(execFile);
const PLATFORM = 'platform-cq001';
const YEAR = 'platformyear-cq001_2025';
/** Enough events for several read pages and several chunks of export text. */
const YEAR_EVENTS = 3_000;

interface Outcome {
  readonly code: number;
  readonly stdout: string;
}

async function ledger(env: NodeJS.ProcessEnv, ...args: string[]): Promise<Outcome> {
  try {
    const { stdout } = await run(
      process.execPath,
      typeScriptEntry('apps/ledger-cli/src/main.ts', ...args),
      { cwd: REPO_ROOT, env: { ...process.env, ...env }, maxBuffer: 16 * 1024 * 1024 },
    );
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: `${failed.stdout}${failed.stderr}` };
  }
}

/** No store can be opened with this environment: `verify --file` must not try. */
const OFFLINE = { LEDGER_STORE: 'none-offline', DATABASE_URL: '', LEDGER_DATA_DIR: '/nonexistent' };

/** Two platforms' 2025 years and a program enrolling both, written through the store. */
async function seed(store: EventStore): Promise<void> {
  await store.append(PLATFORM, [
    event('PlatformFiled', { platformId: 'cq001', name: '万州区窗口平台' }),
  ]);
  await store.append('platform-cq002', [event('PlatformFiled', { platformId: 'cq002' })]);
  for (let batch = 0; batch < YEAR_EVENTS / 500; batch += 1) {
    await store.append(YEAR, events(500, 'ServiceRecorded', { amountFen: 1000, batch }));
    await store.append('platformyear-cq002_2025', events(3, 'ServiceRecorded'));
  }
  await store.append('program-p2025', [
    event('ProgramOpened', { programId: 'p2025', year: 2025, packId: 'cq-window' }),
    event('PlatformsEnrolled', { platformIds: ['cq001', 'cq002'] }),
  ]);
}

/** A real store the CLI reaches through `env`, and the test through `open`. */
interface Backend {
  readonly env: NodeJS.ProcessEnv;
  open(): Promise<LedgerEventStore>;
  /** Removes the store entirely: the export must verify without it. */
  destroy(): Promise<void>;
}

function exportScenario(create: () => Promise<Backend>): void {
  const work = mkdtempSync(join(tmpdir(), 'ledger-export-'));
  const file = join(work, 'cq001-2025.json');
  let backend: Backend;
  let firstRoot = '';

  beforeAll(async () => {
    backend = await create();
    const store = await backend.open();
    await seed(store);
    await store.close();
  });

  it('exports an anchored platform-year through the CLI', async () => {
    // Anchored in-process (`ledger anchor` itself is covered by cli.e2e.spec.ts).
    const store = await backend.open();
    try {
      firstRoot = (await store.anchor(ACTOR)).root;
      await store.append(YEAR, events(2, 'SatisfactionRated', { rating: '满意' }));
      await store.anchor(ACTOR);
    } finally {
      await store.close();
    }
    const exported = await ledger(
      backend.env,
      ...['export', '--platform', 'cq001', '--year', '2025', '--out', file, '--json'],
    );
    expect(exported.code).toBe(0);
    expect(JSON.parse(exported.stdout)).toEqual({
      file,
      streams: 2,
      events: YEAR_EVENTS + 3,
      anchors: 2,
      proofs: 4,
    });
    const onlyFirst = await ledger(
      backend.env,
      ...['export', '--platform', 'cq001', '--year', '2025', '--root', firstRoot.toUpperCase()],
      ...['--out', join(work, 'first-anchor.json')],
    );
    expect(onlyFirst.stdout).toContain('2 streams, 1 anchors (2 inclusion proofs)');
  });

  it('exports a program with its enrolled platform-years, and refuses an export of nothing', async () => {
    const program = await ledger(
      backend.env,
      ...['export', '--program', 'p2025', '--out', join(work, 'program.json')],
    );
    expect(program).toMatchObject({ code: 0 });
    expect(program.stdout).toContain(
      `exported ${YEAR_EVENTS + 3 + 2 + 1 + 3 * 6} events in 5 streams`,
    );
    const programFile: unknown = JSON.parse(readFileSync(join(work, 'program.json'), 'utf8'));
    expect(verifyExport(programFile)).toMatchObject({ ok: true, streams: 5, proofsChecked: 10 });
    const missing = await ledger(
      backend.env,
      ...['export', '--platform', 'nobody', '--year', '2025', '--out', join(work, 'none.json')],
    );
    expect(missing.code).toBe(2);
    expect(missing.stdout).toContain('no events in platform-nobody');
  });

  it('writes, as text, exactly the export object, and both verify', async () => {
    const store = await backend.open();
    try {
      const now = () => new Date('2026-01-15T00:00:00.000Z');
      const subject = { kind: 'platform-year', platformId: 'cq001', year: 2025 } as const;
      const object = await exportStreams(store, subject, [PLATFORM, YEAR], { now });
      let text = '';
      for await (const chunk of exportText(store, subject, [PLATFORM, YEAR], { now }))
        text += chunk;
      expect(JSON.parse(text)).toEqual(object);
      expect(verifyExport(object)).toMatchObject({ ok: true, anchorsChecked: 2 });
    } finally {
      await store.close();
    }
  });

  it('verifies the export offline with the store gone, with and without a published root', async () => {
    await backend.destroy();
    const verified = await ledger(OFFLINE, 'verify', '--file', file);
    expect(verified.stdout).toContain(
      `ok: ${YEAR_EVENTS + 3} events in 2 streams, 2 anchors and 4 inclusion proofs verified offline`,
    );
    expect(verified.code).toBe(0);
    const rooted = await ledger(OFFLINE, 'verify', '--file', file, '--root', firstRoot);
    expect(rooted.code).toBe(0);
    expect(rooted.stdout).toContain(`published root ${firstRoot} is the anchor at position`);
    const otherRoot = await ledger(OFFLINE, 'verify', '--file', file, '--root', 'a'.repeat(64));
    expect(otherRoot.code).toBe(1);
    expect(otherRoot.stdout).toContain('BROKEN at ledger-anchors@-1');
    expect(otherRoot.stdout).toContain('anchor_mismatch');
  });

  it('names the event whose data was edited in the exported file', async () => {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as {
      streams: { stream: string; events: { id: string; position: number; data: object }[] }[];
    };
    const target = parsed.streams[1]!.events[1234]!;
    target.data = { ...target.data, amountFen: 9000 };
    const edited = join(work, 'edited.json');
    writeFileSync(edited, JSON.stringify(parsed));
    const broken = await ledger(OFFLINE, 'verify', '--file', edited);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain(
      `BROKEN at ${YEAR}@1234 (position ${target.position}, event ${target.id}): hash_mismatch`,
    );
    writeFileSync(edited, readFileSync(file, 'utf8').slice(0, 5_000));
    const truncated = await ledger(OFFLINE, 'verify', '--file', edited);
    expect(truncated.code).toBe(1);
    expect(truncated.stdout).toContain('malformed');
  });
}

describe('ledger export and verify --file: sqlite', () => {
  exportScenario(() => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ledger-export-sqlite-'));
    return Promise.resolve({
      env: { LEDGER_STORE: 'sqlite', LEDGER_DATA_DIR: dataDir },
      open: () => Promise.resolve(freshSqliteStoreAt(join(dataDir, 'ledger.sqlite'))),
      destroy: () => {
        rmSync(dataDir, { recursive: true, force: true });
        return Promise.resolve();
      },
    });
  });
});

describeIfPostgres('ledger export and verify --file: postgres', () => {
  exportScenario(async () => {
    const { store, schema } = await freshPostgresStore();
    await store.close();
    const connectionString = postgresUrl() ?? '';
    return {
      env: { LEDGER_STORE: 'postgres', DATABASE_URL: connectionString, LEDGER_PG_SCHEMA: schema },
      open: async () =>
        new LedgerEventStore(await PostgresEventStoreAdapter.connect({ connectionString, schema })),
      destroy: async () => {
        const client = new Client({ connectionString });
        await client.connect();
        // freshPostgresStore's schema names match [a-z0-9_]+, so quoting the identifier is enough.
        await client.query(`DROP SCHEMA "${schema}" CASCADE`);
        await client.end();
      },
    };
  });
});
