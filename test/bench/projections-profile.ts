/**
 * Profiling aid for bench:projections: builds the bench log once into a directory and reuses it,
 * so a rebuild or an evaluation can be timed (or run under `node --cpu-prof`) without the ~50 s
 * of appends each time.
 *
 *   ts-node test/bench/projections-profile.ts --dir /tmp/perf [--platforms 1000]
 *     [--events-per-year 1000] [--skip-rebuild] [--skip-evaluate] [--repeat 3]
 *
 * The log is kept in <dir>/ledger.sqlite (built when missing); read models go to a fresh
 * <dir>/read-models.sqlite unless --skip-rebuild reuses the last one.
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { LedgerEventStore, SqliteEventStoreAdapter } from '@ledger/event-store';
import { SqliteReadModelStore } from '@ledger/read-models';
import { createProjector, PROJECTIONS } from '../../apps/projector/src/open-projector';
import { appendBenchNetwork } from './projection-bench-events';
import { evaluateBenchProgram } from './projection-bench-evaluation';

const args = process.argv.slice(2);
const argValue = (name: string): string | undefined => {
  const index = args.indexOf(name);
  return index === -1 ? undefined : args[index + 1];
};
const dir = argValue('--dir') ?? '/tmp/perf';
const platforms = Number(argValue('--platforms') ?? '1000');
const eventsPerYear = Number(argValue('--events-per-year') ?? '1000');
const repeat = Number(argValue('--repeat') ?? '1');
const YEAR = new Date().getUTCFullYear() + 1;

function seconds(startNs: bigint): number {
  return Number(process.hrtime.bigint() - startNs) / 1e9;
}

async function main(): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const logPath = join(dir, 'ledger.sqlite');
  const fresh = !existsSync(logPath);
  const events = new LedgerEventStore(new SqliteEventStoreAdapter({ path: logPath }));
  if (fresh) {
    const t = process.hrtime.bigint();
    await appendBenchNetwork(events, platforms, eventsPerYear, YEAR);
    process.stdout.write(`log built in ${seconds(t).toFixed(1)} s\n`);
  }
  const total = await events.headPosition();
  const modelsPath = join(dir, 'read-models.sqlite');
  for (let run = 0; run < repeat; run += 1) {
    if (!args.includes('--skip-rebuild')) {
      for (const suffix of ['', '-wal', '-shm']) rmSync(modelsPath + suffix, { force: true });
      const readModels = new SqliteReadModelStore(modelsPath);
      const t = process.hrtime.bigint();
      const cpu = process.cpuUsage();
      await createProjector(events, readModels).rebuild(PROJECTIONS.map((p) => p.name));
      const s = seconds(t);
      const used = process.cpuUsage(cpu);
      // CPU time of the process (all threads) is steadier than wall time on a shared machine.
      process.stdout.write(
        `rebuild ${String(total)} events: ${s.toFixed(2)} s, ${String(Math.round(total / s))} events/s, cpu user ${(used.user / 1e6).toFixed(2)} s sys ${(used.system / 1e6).toFixed(2)} s\n`,
      );
      await readModels.close();
    }
    if (!args.includes('--skip-evaluate')) {
      const readModels = new SqliteReadModelStore(modelsPath);
      const evaluation = await evaluateBenchProgram(readModels.reader(), platforms, YEAR);
      process.stdout.write(
        `evaluate ${String(platforms)}: ${evaluation.seconds.toFixed(3)} s (${String(evaluation.graded)} graded)\n`,
      );
      await readModels.close();
    }
  }
  await events.close();
}

void main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
