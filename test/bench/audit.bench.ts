/**
 * npm run bench:audit [-- --json] [--events 100000] [--runs 5]
 * The auditor's work on one 100,000-event platform-year (SQLite): replay as of now + verification
 * of its hash chain (target ≤ 0.5 s), and explain of a metric on it (target ≤ 50 ms, with the
 * metrics document kept between calls; the first, cold call is reported beside it). The raw
 * readStream + parse of the same stream is printed as the floor a replay must read through.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { explain, LiveMetricsDocs, replayPlatformYear } from '@ledger/audit';
import { platformYearStream } from '@ledger/domain';
import { LedgerEventStore, SqliteEventStoreAdapter } from '@ledger/event-store';
import { appendBenchNetwork } from './projection-bench-events';

const args = process.argv.slice(2);
const json = args.includes('--json');
const argValue = (name: string): string | undefined => {
  const index = args.indexOf(name);
  return index === -1 ? undefined : args[index + 1];
};
const eventsPerYear = Number(argValue('--events') ?? '100000');
const runs = Number(argValue('--runs') ?? '5');
/** Next year: recorded now, before its S1-1 evidence deadline, as a platform would. */
const YEAR = new Date().getUTCFullYear() + 1;
const PLATFORM = 'bench-0';
const METRICS = [
  'calendarYear.enterprisesServed',
  'implementationPeriod.ratings',
  'implementationPeriod.byArea.financing.services',
];
const log = (line: string): void => {
  if (!json) process.stdout.write(`${line}\n`);
};

async function timed<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = process.hrtime.bigint();
  const value = await run();
  return { value, ms: Number(process.hrtime.bigint() - start) / 1e6 };
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};
const round = (ms: number): number => Math.round(ms * 10) / 10;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-audit-'));
  const store = new LedgerEventStore(
    new SqliteEventStoreAdapter({ path: join(dir, 'ledger.sqlite') }),
  );
  try {
    log(`bench:audit — one platform-year of ${String(eventsPerYear)} events (SQLite)`);
    await appendBenchNetwork(store, 1, eventsPerYear, YEAR);
    await store.anchor({ subject: 'bench', role: 'admin' });
    const stream = platformYearStream(PLATFORM, YEAR);

    const raw: number[] = [];
    const replay: number[] = [];
    const verify: number[] = [];
    const replayAndVerify: number[] = [];
    let events = 0;
    for (let run = 0; run < runs; run += 1) {
      raw.push(
        (
          await timed(async () => {
            let read = 0;
            for await (const event of store.readStream(stream)) if (event.revision >= 0) read += 1;
            events = read;
          })
        ).ms,
      );
      replay.push(
        (
          await timed(() =>
            replayPlatformYear(store, PLATFORM, YEAR, { kind: 'now' }, { offset: 0, limit: 100 }),
          )
        ).ms,
      );
      verify.push((await timed(() => store.verify({ stream }))).ms);
      const both = await timed(() =>
        replayPlatformYear(
          store,
          PLATFORM,
          YEAR,
          { kind: 'now' },
          { offset: 0, limit: 100 },
          { verify: true },
        ),
      );
      if (both.value.verification?.ok !== true) throw new Error('the chain does not verify');
      replayAndVerify.push(both.ms);
    }
    log(
      `  raw readStream + parse   ${round(median(raw)).toFixed(1).padStart(8)} ms (${String(events)} events)`,
    );
    log(`  replay (as of now)       ${round(median(replay)).toFixed(1).padStart(8)} ms`);
    log(`  verify (the stream)      ${round(median(verify)).toFixed(1).padStart(8)} ms`);
    log(
      `  replay + verify          ${round(median(replayAndVerify)).toFixed(1).padStart(8)} ms  target ≤ 500 ms  (${(median(replayAndVerify) / median(raw)).toFixed(2)}× the raw read)`,
    );

    const docs = new LiveMetricsDocs(store);
    const cold = await timed(() => docs.current(PLATFORM, YEAR));
    const warm: number[] = [];
    let counted = 0;
    for (let run = 0; run < runs * 4; run += 1) {
      const metric = METRICS[run % METRICS.length] ?? 'services';
      const answer = await timed(async () => {
        const live = await docs.current(PLATFORM, YEAR);
        if (live === null) throw new Error('no metrics document');
        return explain(
          {
            platformId: PLATFORM,
            year: YEAR,
            metricsDoc: live.doc,
            metrics: live.view,
            programEvents: [],
            eligibility: null,
            funding: null,
          },
          metric,
        );
      });
      counted = Math.max(counted, answer.value.eventCount);
      warm.push(answer.ms);
    }
    log(
      `  explain, first call      ${round(cold.ms).toFixed(1).padStart(8)} ms (folds the year once)`,
    );
    log(
      `  explain (median of ${String(warm.length)})    ${round(median(warm)).toFixed(1).padStart(8)} ms  target ≤ 50 ms  (up to ${String(counted)} events named)`,
    );
    const rssMb = Math.round(process.memoryUsage().rss / 1024 / 1024);
    if (json) {
      process.stdout.write(
        `${JSON.stringify({
          events,
          rawReadMs: round(median(raw)),
          replayMs: round(median(replay)),
          verifyMs: round(median(verify)),
          replayAndVerifyMs: round(median(replayAndVerify)),
          replayAndVerifyRatioToRawRead:
            Math.round((median(replayAndVerify) / median(raw)) * 100) / 100,
          explainColdMs: round(cold.ms),
          explainMs: round(median(warm)),
          rssMb,
        })}\n`,
      );
    } else log(`  rss ${String(rssMb)} MB`);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
