/**
 * npm run bench:store [-- --json] [--adapters sqlite,postgres] [--scale 1]
 * Per adapter: events/s through our layer beside the raw driver doing the same writes/reads.
 */
import { hash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Pool } from 'pg';
import {
  LedgerEventStore,
  PostgresEventStoreAdapter,
  SqliteEventStoreAdapter,
  type EventStore,
} from '@ledger/event-store';
import { SQLITE_SCHEMA } from '../../libs/event-store/src/sqlite/sqlite-schema';
import { postgresSchemaSql } from '../../libs/event-store/src/postgres/postgres-schema';
import { startThrowawayPostgres } from '../support/throwaway-postgres';
import { rawRow, serviceBatch, serviceRecorded } from './bench-events';

const args = process.argv.slice(2);
const json = args.includes('--json');
const argValue = (name: string): string | undefined => {
  const index = args.indexOf(name);
  return index === -1 ? undefined : args[index + 1];
};
const scale = Number(argValue('--scale') ?? '1');
const adapters = (argValue('--adapters') ?? 'sqlite,postgres').split(',');
const runCount = Number(argValue('--runs') ?? '3');
const log = (line: string): void => {
  if (!json) process.stdout.write(`${line}\n`);
};

interface Figure {
  readonly ours: number;
  readonly raw: number;
  readonly ratio: number;
  readonly events: number;
}

function rate(events: number, startNs: bigint): number {
  return Math.round((events / Number(process.hrtime.bigint() - startNs)) * 1e9);
}

function figure(name: string, events: number, ours: number, raw: number): Figure {
  const ratio = Math.round((ours / raw) * 100) / 100;
  log(
    `  ${name.padEnd(44)} ${String(ours).padStart(9)} ev/s   raw ${String(raw).padStart(9)} ev/s   ratio ${ratio.toFixed(2)}`,
  );
  return { ours, raw, ratio, events };
}

/** The operations measured through our layer; the same for every adapter. */
async function measureOurs(
  store: EventStore,
  n: { single: number; concurrent: number; batches100: number; batches1000: number },
) {
  let serial = 0;
  let t = process.hrtime.bigint();
  for (let i = 0; i < n.single; i += 1)
    await store.append(`platformyear-single_${i % 500}`, [serviceRecorded(serial++)]);
  const single = rate(n.single, t);

  t = process.hrtime.bigint();
  const perCaller = Math.floor(n.concurrent / 50);
  await Promise.all(
    Array.from({ length: 50 }, async (_, caller) => {
      for (let i = 0; i < perCaller; i += 1)
        await store.append(`platformyear-c${caller}_${i % 40}`, [serviceRecorded(serial++)]);
    }),
  );
  const concurrent = rate(perCaller * 50, t);

  const batches100 = Array.from({ length: n.batches100 }, () => serviceBatch((serial += 100), 100));
  t = process.hrtime.bigint();
  for (const [i, batch] of batches100.entries())
    await store.append(`platformyear-b100_${i % 1000}`, batch);
  const batch100 = rate(n.batches100 * 100, t);

  const concurrentBatches = Array.from({ length: n.batches100 }, () =>
    serviceBatch((serial += 100), 100),
  );
  t = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: 8 }, async (_, caller) => {
      for (let i = caller; i < concurrentBatches.length; i += 8) {
        const batch = concurrentBatches[i];
        if (batch !== undefined) await store.append(`platformyear-cb100_${i % 1000}`, batch);
      }
    }),
  );
  const batch100Concurrent = rate(n.batches100 * 100, t);

  const batches1000 = Array.from({ length: n.batches1000 }, () =>
    serviceBatch((serial += 1000), 1000),
  );
  t = process.hrtime.bigint();
  for (const batch of batches1000) await store.append('platformyear-bulk_2025', batch);
  const batch1000 = rate(n.batches1000 * 1000, t);

  const total = await store.headPosition();
  t = process.hrtime.bigint();
  let read = 0;
  for await (const event of store.readAll({ verifyHashes: true }))
    if (event.position > 0) read += 1;
  const readVerify = rate(read, t);
  return { single, concurrent, batch100, batch100Concurrent, batch1000, readVerify, total, read };
}

async function benchSqlite(n: Parameters<typeof measureOurs>[1]) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-sqlite-'));
  try {
    const store = new LedgerEventStore(
      new SqliteEventStoreAdapter({ path: join(dir, 'ours.sqlite') }),
    );
    const ours = await measureOurs(store, n);
    await store.close();

    const db = new Database(join(dir, 'raw.sqlite'));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec(SQLITE_SCHEMA);
    const insert = db.prepare(
      'INSERT INTO ledger_events (position, stream, revision, event_id, type, data, metadata, hash) VALUES (@position, @stream, @revision, @id, @type, @data, @metadata, @hash)',
    );
    const insertMany = db.transaction((rows: ReturnType<typeof rawRow>[]) => {
      for (const row of rows) insert.run(row);
    });
    let position = 0;
    const singleRows = Array.from({ length: n.single }, (_, i) =>
      rawRow(++position, `s-${i % 500}`, position),
    );
    let t = process.hrtime.bigint();
    for (const row of singleRows) insertMany([row]);
    const rawSingle = rate(n.single, t);
    const rows100 = Array.from({ length: n.batches100 }, (_, b) =>
      Array.from({ length: 100 }, () => rawRow(++position, `b100-${b % 1000}`, position)),
    );
    t = process.hrtime.bigint();
    for (const rows of rows100) insertMany(rows);
    const raw100 = rate(n.batches100 * 100, t);
    const rows1000 = Array.from({ length: n.batches1000 }, () =>
      Array.from({ length: 1000 }, () => rawRow(++position, 'bulk', position)),
    );
    t = process.hrtime.bigint();
    for (const rows of rows1000) insertMany(rows);
    const raw1000 = rate(n.batches1000 * 1000, t);
    // Raw read floor: the same number of rows as ours read, with parse + sha256 per row.
    // The floor uses the driver's fastest mode (raw arrays) and one-shot hashing.
    const page = db
      .prepare<[number, number], [number, string, number, string, string, string, string]>(
        'SELECT position, stream, revision, type, data, metadata, hash FROM ledger_events WHERE position >= ? ORDER BY position LIMIT ?',
      )
      .raw(true);
    const readRows = Math.min(ours.read, position);
    t = process.hrtime.bigint();
    let seen = 0;
    for (let from = 1; seen < readRows;) {
      const rows = page.all(from, 2000);
      if (rows.length === 0) break;
      for (const row of rows) {
        JSON.parse(row[4]);
        JSON.parse(row[5]);
        hash('sha256', `${row[4]}${row[5]}${row[2]}${row[1]}${row[3]}`, 'hex');
      }
      seen += rows.length;
      from = (rows[rows.length - 1]?.[0] ?? from) + 1;
    }
    const rawRead = rate(seen, t);
    db.close();
    return {
      ours,
      // SQLite has one writer: without our group commit, 50 callers get one insert per transaction.
      raw: {
        single: rawSingle,
        concurrent: rawSingle,
        batch100: raw100,
        batch1000: raw1000,
        read: rawRead,
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function benchPostgres(n: Parameters<typeof measureOurs>[1]) {
  const external = process.env.BENCH_DATABASE_URL;
  const server =
    external === undefined
      ? await startThrowawayPostgres()
      : { url: external, stop: () => undefined };
  if ('skipped' in server) {
    log(`postgres: SKIPPED (${server.skipped})`);
    return undefined;
  }
  try {
    const store = new LedgerEventStore(
      await PostgresEventStoreAdapter.connect({
        connectionString: server.url,
        schema: 'bench_ours',
      }),
    );
    const ours = await measureOurs(store, n);
    await store.close();

    const pool = new Pool({
      connectionString: server.url,
      max: 50,
      options: '-c search_path=bench_raw',
    });
    await pool.query(postgresSchemaSql('bench_raw'));
    let position = 0;
    const insertRows = async (rows: ReturnType<typeof rawRow>[]): Promise<void> => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query(
          'INSERT INTO ledger_events SELECT * FROM unnest($1::int8[], $2::text[], $3::int8[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::text[])',
          [
            rows.map((r) => r.position),
            rows.map((r) => r.stream),
            rows.map((r) => r.revision),
            rows.map((r) => r.id),
            rows.map((r) => r.type),
            rows.map((r) => r.data),
            rows.map((r) => r.metadata),
            rows.map((r) => r.hash),
          ],
        );
        await client.query('COMMIT');
      } finally {
        client.release();
      }
    };
    const singleRows = Array.from({ length: n.single }, (_, i) =>
      rawRow(++position, `s-${i % 500}`, position),
    );
    let t = process.hrtime.bigint();
    for (const row of singleRows) await insertRows([row]);
    const rawSingle = rate(n.single, t);
    const concurrentRows = Array.from({ length: n.concurrent }, (_, i) =>
      rawRow(++position, `c-${i % 2000}`, position),
    );
    t = process.hrtime.bigint();
    await Promise.all(
      Array.from({ length: 50 }, async (_, caller) => {
        for (let i = caller; i < concurrentRows.length; i += 50) {
          const row = concurrentRows[i];
          if (row !== undefined) await insertRows([row]);
        }
      }),
    );
    const rawConcurrent = rate(n.concurrent, t);
    const rows100 = Array.from({ length: n.batches100 }, (_, b) =>
      Array.from({ length: 100 }, () => rawRow(++position, `b100-${b % 1000}`, position)),
    );
    t = process.hrtime.bigint();
    for (const rows of rows100) await insertRows(rows);
    const raw100 = rate(n.batches100 * 100, t);
    const rows1000 = Array.from({ length: n.batches1000 }, () =>
      Array.from({ length: 1000 }, () => rawRow(++position, 'bulk', position)),
    );
    t = process.hrtime.bigint();
    for (const rows of rows1000) await insertRows(rows);
    const raw1000 = rate(n.batches1000 * 1000, t);
    t = process.hrtime.bigint();
    let seen = 0;
    for (let from = 1; seen < Math.min(ours.read, position);) {
      const { rows } = await pool.query<{
        position: string;
        stream: string;
        type: string;
        data: string;
        metadata: string;
      }>(
        'SELECT position, stream, revision, type, data, metadata, hash FROM ledger_events WHERE position >= $1 ORDER BY position LIMIT 2000',
        [from],
      );
      if (rows.length === 0) break;
      for (const row of rows) {
        JSON.parse(row.data);
        JSON.parse(row.metadata);
        hash('sha256', `${row.data}${row.metadata}${row.stream}${row.type}`, 'hex');
      }
      seen += rows.length;
      from = Number(rows[rows.length - 1]?.position ?? from) + 1;
    }
    const rawRead = rate(seen, t);
    await pool.end();
    return {
      ours,
      raw: {
        single: rawSingle,
        concurrent: rawConcurrent,
        batch100: raw100,
        batch1000: raw1000,
        read: rawRead,
      },
    };
  } finally {
    server.stop();
  }
}

function report(
  adapter: string,
  n: Parameters<typeof measureOurs>[1],
  ours: Awaited<ReturnType<typeof measureOurs>>,
  raw: { single: number; concurrent: number; batch100: number; batch1000: number; read: number },
) {
  log(
    `${adapter} (~400-byte events; raw = the driver's own inserts/reads on the same schema, no hashing)`,
  );
  return {
    singleAppend: figure('(a) 1 event/append, 1 caller', n.single, ours.single, raw.single),
    concurrentSingleAppends: figure(
      '(b) 1 event/append, 50 concurrent callers',
      n.concurrent,
      ours.concurrent,
      raw.concurrent,
    ),
    batch100: figure(
      '(c) 100-event batches, 1 caller, many streams',
      n.batches100 * 100,
      ours.batch100,
      raw.batch100,
    ),
    batch100Concurrent: figure(
      '(c) 100-event batches, 8 concurrent callers',
      n.batches100 * 100,
      ours.batch100Concurrent,
      raw.batch100,
    ),
    batch1000: figure(
      '(c) 1,000-event batches into one stream',
      n.batches1000 * 1000,
      ours.batch1000,
      raw.batch1000,
    ),
    readAllVerify: figure(
      `(d) readAll + hash verification (${ours.read} events)`,
      ours.read,
      ours.readVerify,
      raw.read,
    ),
  };
}

type Measured = NonNullable<Awaited<ReturnType<typeof benchPostgres>>>;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : Math.round(((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2);
}

/** This VM's disk and CPU vary by ±20% run to run: every figure is the median of --runs runs. */
function medianOf(runs: readonly Measured[]): Measured {
  const pick = <T extends object>(select: (run: Measured) => T): T => {
    const first = runs[0] === undefined ? undefined : select(runs[0]);
    if (first === undefined) throw new Error('no runs');
    return Object.fromEntries(
      Object.keys(first).map((key) => [
        key,
        median(runs.map((run) => (select(run) as Record<string, number>)[key] ?? 0)),
      ]),
    ) as T;
  };
  return { ours: pick((run) => run.ours), raw: pick((run) => run.raw) };
}

async function repeat(
  label: string,
  runOnce: () => Promise<Measured | undefined>,
): Promise<Measured | undefined> {
  const runs: Measured[] = [];
  for (let run = 1; run <= runCount; run += 1) {
    log(`${label}: run ${run} of ${runCount} …`);
    const measured = await runOnce();
    if (measured === undefined) return undefined;
    runs.push(measured);
  }
  return medianOf(runs);
}

async function main(): Promise<void> {
  const n = {
    single: Math.round(2_000 * scale),
    concurrent: Math.round(50_000 * scale),
    batches100: Math.round(500 * scale),
    batches1000: Math.round(100 * scale),
  };
  const results: Record<string, unknown> = {
    machine: { cpus: (await import('node:os')).cpus().length, node: process.version },
    scale,
    runs: runCount,
    statistic: 'median',
  };
  if (adapters.includes('sqlite')) {
    const measured = await repeat('sqlite', () => benchSqlite(n));
    if (measured !== undefined) results.sqlite = report('sqlite', n, measured.ours, measured.raw);
  }
  if (adapters.includes('postgres')) {
    const measured = await repeat('postgres', () => benchPostgres(n));
    results.postgres =
      measured === undefined
        ? { skipped: true }
        : report('postgres', n, measured.ours, measured.raw);
  }
  if (json) process.stdout.write(`${JSON.stringify(results)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
