/**
 * npm run bench:api [-- --json] [--duration 10] [--connections 50] [--platforms 20] [--batch-size 1000]
 *
 * Single POST …/services (distinct enterprises) through the ledger on the embedded SQLite store,
 * beside the same NestJS + Fastify + ValidationPipe route that stores nothing (the HTTP
 * ceiling), as a ratio; then POST …/batch in records/s. Servers run as child processes so the
 * load generator does not share their event loop.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { v7 as uuidv7 } from 'uuid';
import { LedgerEventStore, SqliteEventStoreAdapter } from '@ledger/event-store';
import { serviceBody as fixtureServiceBody, uscc } from '../e2e/ledger-fixtures';
import { TokenService } from '../../apps/ledger-api/src/tokens/token.service';

const args = process.argv.slice(2);
const json = args.includes('--json');
const argValue = (name: string, fallback: string): string => {
  const index = args.indexOf(name);
  return index === -1 ? fallback : (args[index + 1] ?? fallback);
};
const duration = Number(argValue('--duration', '10'));
const connections = Number(argValue('--connections', '50'));
const platformCount = Number(argValue('--platforms', '20'));
const batchSize = Number(argValue('--batch-size', '1000'));
const log = (line: string): void => {
  if (!json) process.stdout.write(`${line}\n`);
};

let enterpriseSerial = 0;
/** A distinct, valid enterprise USCC per record. */
function nextUscc(): string {
  enterpriseSerial += 1;
  return uscc(enterpriseSerial);
}

function serviceBody(): Record<string, unknown> {
  return fixtureServiceBody({ recordId: uuidv7(), enterpriseUscc: nextUscc() });
}

/** BENCH_CPU_PROF=1 writes a V8 CPU profile of each server to /tmp/bench-prof when it exits. */
function profileFlags(): string[] {
  return process.env.BENCH_CPU_PROF === '1'
    ? ['--cpu-prof', '--cpu-prof-dir=/tmp/bench-prof', '-r', './test/bench/exit-on-sigusr2.js']
    : [];
}

function startServer(
  script: string,
  env: NodeJS.ProcessEnv,
): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [...profileFlags(), '-r', 'ts-node/register', '-r', 'tsconfig-paths/register', script],
    {
      env: { ...process.env, TS_NODE_TRANSPILE_ONLY: '1', HOST: '127.0.0.1', PORT: '0', ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(?:listening|listening on) (http:\/\/[^\s]+)/.exec(output);
      if (match?.[1] !== undefined) resolve({ child, url: match[1] });
    });
    child.once('exit', (code) => {
      reject(new Error(`${script} exited with ${String(code)}: ${output}`));
    });
  });
}

async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  // SIGINT lets the server close its store; a profiled server must exit normally to write it.
  child.kill(process.env.BENCH_CPU_PROF === '1' ? 'SIGUSR2' : 'SIGINT');
  await exited;
}

interface Load {
  readonly requestsPerSecond: number;
  readonly p99Ms: number;
  readonly non2xx: number;
  readonly errors: number;
}

async function load(
  url: string,
  options: {
    connections: number;
    duration: number;
    path: (i: number) => string;
    headers: (i: number) => Record<string, string>;
    body: () => string;
  },
): Promise<Load> {
  let counter = 0;
  const result = await autocannon({
    url,
    connections: options.connections,
    duration: options.duration,
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          const i = counter++;
          return {
            ...request,
            path: options.path(i),
            headers: { 'content-type': 'application/json', ...options.headers(i) },
            body: options.body(),
          };
        },
      },
    ],
  });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

/**
 * Bodies made before a run, so that the load generator spends its CPU sending, not building
 * JSON (it shares the 2 cores with the server); once used up, more are made on the fly.
 */
function pool(size: number, make: () => string): () => string {
  const made = Array.from({ length: size }, make);
  let next = 0;
  return () => made[next++] ?? make();
}

const phases = argValue('--phases', 'services,batch').split(',');

/** How the server's appends went, from its own Prometheus metrics. */
async function appendFigures(url: string): Promise<string> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const value = (pattern: RegExp): number => Number(pattern.exec(text)?.[1] ?? 'NaN');
  const appends = value(/^ledger_appends_total\{outcome="ok"\} (\S+)$/m);
  const events = value(/^ledger_appended_events_total (\S+)$/m);
  const seconds = value(/^ledger_append_duration_seconds_sum (\S+)$/m);
  return `server: ${String(appends)} appends, ${(events / appends).toFixed(1)} events per append, mean append ${((seconds / appends) * 1000).toFixed(2)} ms`;
}

/**
 * The embedded projector yields the cores to requests under load: how far the read models were
 * behind when a load ended, and how long they took to catch up (from /ready).
 */
async function projectorCatchUp(url: string): Promise<{ lagEvents: number; catchUpMs: number }> {
  const started = performance.now();
  const maxLag = async (): Promise<number> => {
    const ready = (await (await fetch(`${url}/ready`)).json()) as {
      readModels?: { lag: number }[];
    };
    return Math.max(0, ...(ready.readModels ?? []).map((m) => m.lag));
  };
  const lagEvents = await maxLag();
  let lag = lagEvents;
  while (lag > 0 && performance.now() - started < 300_000) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    lag = await maxLag();
  }
  if (lag > 0) throw new Error(`read models still ${String(lag)} events behind after 300 s`);
  return { lagEvents, catchUpMs: Math.round(performance.now() - started) };
}

function catchUpLine(catchUp: { lagEvents: number; catchUpMs: number }): string {
  return `    read models: ${String(catchUp.lagEvents)} events behind when the load ended, caught up ${String(catchUp.catchUpMs)} ms later`;
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-bench-api-'));
  // Tokens are issued straight into the store, as `ledger token create` does, before the server starts.
  const setupStore = new LedgerEventStore(
    new SqliteEventStoreAdapter({ path: join(dataDir, 'ledger.sqlite') }),
  );
  const tokens = new TokenService(setupStore);
  const actor = { subject: 'bench', role: 'admin' };
  const admin = (
    await tokens.issue(
      {
        role: 'admin',
        scope: { platformId: null, district: null },
        label: 'bench',
        expiresAt: null,
      },
      actor,
    )
  ).token;
  const platforms = Array.from({ length: platformCount }, (_, i) => `bench-${String(i)}`);
  const platformTokens: string[] = [];
  for (const platformId of platforms) {
    platformTokens.push(
      (
        await tokens.issue(
          {
            role: 'platform',
            scope: { platformId, district: null },
            label: 'bench',
            expiresAt: null,
          },
          actor,
        )
      ).token,
    );
  }
  await setupStore.close();

  log(
    `bench:api — ${String(connections)} connections, ${String(duration)} s, ${String(platformCount)} platforms`,
  );
  const ceiling = await startServer('test/bench/http-ceiling-server.ts', {});
  const servicePath = (i: number) =>
    `/v1/platforms/${platforms[i % platformCount] ?? ''}/years/2025/services`;
  const auth = (i: number) => ({
    authorization: `Bearer ${platformTokens[i % platformCount] ?? ''}`,
  });
  const single = {
    connections,
    duration,
    path: servicePath,
    headers: auth,
    body: () => JSON.stringify(serviceBody()),
  };
  const expected = 15_000 * duration;
  const servicesRun = (seconds: number) => ({
    ...single,
    duration: seconds,
    body: pool(Math.min(expected, 300_000), () => JSON.stringify(serviceBody())),
  });
  await load(ceiling.url, servicesRun(2));
  const ceilingLoad = await load(ceiling.url, servicesRun(duration));
  await stop(ceiling.child);
  log(
    `  HTTP ceiling (Nest+Fastify+ValidationPipe, no store)  ${String(ceilingLoad.requestsPerSecond).padStart(7)} req/s  p99 ${String(ceilingLoad.p99Ms)} ms`,
  );

  const ledger = await startServer('apps/ledger-api/src/main.ts', {
    LEDGER_DATA_DIR: dataDir,
    LEDGER_ANCHOR_INTERVAL_MS: '0',
  });
  for (const platformId of platforms) {
    const response = await fetch(`${ledger.url}/v1/platforms`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
      body: JSON.stringify({
        platformId,
        name: `万州区窗口平台${platformId}`,
        kind: 'district_window',
        level: null,
        province: '重庆市',
        district: '万州区',
        operatorUscc: nextUscc(),
        operatorName: '运营公司',
        filedAt: '2024-03-01',
        underConstruction: false,
        planned: true,
      }),
    });
    if (response.status !== 201)
      throw new Error(`filing ${platformId}: ${String(response.status)} ${await response.text()}`);
  }
  const skipped: Load = { requestsPerSecond: 0, p99Ms: 0, non2xx: 0, errors: 0 };
  const runServices = phases.includes('services');
  if (runServices) await load(ledger.url, servicesRun(2));
  const ledgerLoad = runServices ? await load(ledger.url, servicesRun(duration)) : skipped;
  const ratio =
    Math.round((ledgerLoad.requestsPerSecond / ceilingLoad.requestsPerSecond) * 100) / 100;
  log(
    `  ledger POST …/services (SQLite, durable)            ${String(ledgerLoad.requestsPerSecond).padStart(7)} req/s  p99 ${String(ledgerLoad.p99Ms)} ms  ratio ${ratio.toFixed(2)}  non-2xx ${String(ledgerLoad.non2xx)}`,
  );
  const servicesCatchUp = await projectorCatchUp(ledger.url);
  if (runServices) log(catchUpLine(servicesCatchUp));

  const batchConnections = 4;
  const batchBody = () =>
    JSON.stringify({
      items: Array.from({ length: batchSize }, () => ({
        type: 'RecordService',
        data: serviceBody(),
      })),
    });
  const batchLoad = phases.includes('batch')
    ? await load(ledger.url, {
        connections: batchConnections,
        duration,
        path: (i) => `/v1/platforms/${platforms[i % platformCount] ?? ''}/years/2025/batch`,
        headers: auth,
        body: pool(Math.min(Math.ceil((60_000 * duration) / batchSize), 150), batchBody),
      })
    : skipped;
  const recordsPerSecond = batchLoad.requestsPerSecond * batchSize;
  log(
    `  ledger POST …/batch (${String(batchSize)} records, ${String(batchConnections)} connections)     ${String(recordsPerSecond).padStart(7)} records/s  p99 ${String(batchLoad.p99Ms)} ms  non-2xx ${String(batchLoad.non2xx)}`,
  );
  const batchCatchUp = await projectorCatchUp(ledger.url);
  if (phases.includes('batch')) log(catchUpLine(batchCatchUp));
  log(`  ${await appendFigures(ledger.url)}`);
  await stop(ledger.child);
  rmSync(dataDir, { recursive: true, force: true });

  if (json) {
    process.stdout.write(
      `${JSON.stringify({
        connections,
        durationSeconds: duration,
        ceiling: ceilingLoad,
        services: { ...ledgerLoad, ratioToCeiling: ratio, readModels: servicesCatchUp },
        batch: {
          ...batchLoad,
          batchSize,
          connections: batchConnections,
          recordsPerSecond,
          readModels: batchCatchUp,
        },
      })}\n`,
    );
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench:api failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
