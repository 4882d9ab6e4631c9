import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { LedgerEventStore, SqliteEventStoreAdapter } from '@ledger/event-store';
import { serviceBatch } from './test/bench/bench-events';
async function main() {
  const store = new LedgerEventStore(
    new SqliteEventStoreAdapter({ path: join(mkdtempSync(join(tmpdir(), 'p-')), 'x.sqlite') }),
  );
  const batches = Array.from({ length: 200 }, (_, b) => serviceBatch(b * 1000, 1000));
  const t = process.hrtime.bigint();
  for (const b of batches) await store.append('bulk', b);
  console.log(
    process.execArgv.join(' ').slice(0, 40),
    'ev/s',
    Math.round(200000 / (Number(process.hrtime.bigint() - t) / 1e9)),
  );
  await store.close();
}
main();
