import { mkdtempSync } from 'node:fs'; import { join } from 'node:path'; import { tmpdir } from 'node:os';
import { LedgerEventStore, SqliteEventStoreAdapter } from '@ledger/event-store';
import { serviceBatch, serviceRecorded } from './test/bench/bench-events';
async function main() {
  const store = new LedgerEventStore(new SqliteEventStoreAdapter({ path: join(mkdtempSync(join(tmpdir(), 'p-')), 'x.sqlite') }));
  const batches = Array.from({ length: 200 }, (_, b) => serviceBatch(b * 1000, 1000));
  let t = process.hrtime.bigint();
  for (const b of batches) await store.append('platformyear-bulk_2025', b);
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  let serial = 0;
  t = process.hrtime.bigint();
  await Promise.all(Array.from({ length: 50 }, async (_, c) => { for (let i = 0; i < 600; i++) await store.append(`platformyear-c${c}_${i % 40}`, [serviceRecorded(serial++)]); }));
  const ms2 = Number(process.hrtime.bigint() - t) / 1e6;
  console.log(process.env.CK ?? 'default', '1000-batches ev/s', Math.round(200000 / ms * 1000), '50-concurrent ev/s', Math.round(30000 / ms2 * 1000));
  await store.close();
}
main();
