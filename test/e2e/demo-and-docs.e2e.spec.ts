import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestApi } from '../support/ledger-api';
import { WRITE_ROUTES } from './ledger-fixtures';
import { REPO_ROOT, typeScriptEntry } from '../support/typescript-entry';

/** Starts apps/ledger-api/src/main.ts as `npm start` does, returns its first lines of output. */
async function startMain(
  dataDir: string,
  args: string[],
): Promise<{ output: string; url: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, typeScriptEntry('apps/ledger-api/src/main.ts', ...args), {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      LEDGER_DATA_DIR: dataDir,
      PORT: '0',
      LEDGER_ANCHOR_INTERVAL_MS: '0',
      LEDGER_DEMO: '',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      const complete = !args.includes('--demo') || output.includes('API docs:');
      if (match?.[1] !== undefined && complete) resolve(match[1]);
    });
    child.once('exit', (code) => {
      reject(new Error(`main.ts exited with ${String(code)}: ${output}`));
    });
  });
  return {
    output,
    url,
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGINT');
      await exited;
    },
  };
}

describe('npm start (demo mode) and a production start', () => {
  it('demo mode loads the demo data once into an empty data dir and prints an admin token each start', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ledger-demo-'));
    const first = await startMain(dataDir, ['--demo']);
    try {
      expect(first.output).toMatch(/demo data: loaded (\d+) platforms and (\d+) records/);
      const token = /LEDGER_DEMO_TOKEN=(\S+)/.exec(first.output)?.[1] ?? '';
      const year = await fetch(`${first.url}/v1/platforms/cq-wanzhou-window/years/2025`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(year.status).toBe(200);
      expect(((await year.json()) as { records: number }).records).toBeGreaterThan(50);
    } finally {
      await first.stop();
    }
    const again = await startMain(dataDir, ['--demo']);
    try {
      expect(again.output).toContain('the store already holds data, nothing loaded');
      expect(again.output).toMatch(/LEDGER_DEMO_TOKEN=lgr_/);
    } finally {
      await again.stop();
    }
  });

  it('a production start never seeds and never prints a token', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ledger-prod-'));
    const started = await startMain(dataDir, []);
    try {
      expect(started.output).not.toContain('LEDGER_DEMO_TOKEN');
      expect(started.output).not.toContain('lgr_');
      const ready = (await (await fetch(`${started.url}/ready`)).json()) as {
        headPosition: number;
      };
      expect(ready.headPosition).toBe(0);
    } finally {
      await started.stop();
    }
  });
});

describe('OpenAPI generated from the code', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start('sqlite');
  });
  afterAll(async () => {
    await api.close();
  });

  it('documents every write route with its request body, bearer auth and the write headers', async () => {
    const document = (await (await fetch(`${api.baseUrl}/docs-json`)).json()) as {
      paths: Record<
        string,
        Record<
          string,
          { requestBody?: unknown; parameters?: { name: string }[]; security?: unknown[] }
        >
      >;
    };
    for (const route of WRITE_ROUTES) {
      const path = route
        .path('{platformId}')
        .replace('/2025/', '/{year}/')
        .replace(/clawbacks\/[0-9a-f-]{36}\//, 'clawbacks/{clawbackId}/')
        .replace(/fraud-signals\/[^/]+\//, 'fraud-signals/{signalId}/');
      const operation = document.paths[path]?.post;
      expect({ path, documented: operation !== undefined }).toEqual({ path, documented: true });
      expect(operation?.requestBody).toBeDefined();
      expect(operation?.parameters?.map((parameter) => parameter.name)).toEqual(
        expect.arrayContaining(['Idempotency-Key', 'If-Match']),
      );
      expect(operation?.security).toEqual([{ bearer: [] }]);
    }
    expect((await fetch(`${api.baseUrl}/docs`)).status).toBe(200);
  });
});
