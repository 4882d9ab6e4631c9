/**
 * Child process for the kill -9 test (test/contract/sqlite-kill9.int.spec.ts): appends to a SQLite
 * store from 20 concurrent appenders until it is killed, and after each append resolves writes the
 * acknowledged event ids to stdout, one per line, synchronously, so the parent only ever sees ids
 * the store has acknowledged.
 *
 *   node -r ts-node/register/transpile-only -r tsconfig-paths/register \
 *     test/support/append-until-killed.ts <dbPath>
 */
import { writeSync } from 'node:fs';
import { v4 as uuidv4 } from 'uuid';
import { LedgerEventStore, SqliteEventStoreAdapter, type EventToAppend } from '@ledger/event-store';

const APPENDERS = 20;
const STREAMS = 50;
const ACTOR = { subject: 'kill9-child', role: 'system' } as const;

/** Writes all of text to fd 1, retrying partial writes and EAGAIN on a non-blocking pipe. */
function writeAllSync(text: string): void {
  let buffer = Buffer.from(text, 'utf8');
  while (buffer.length > 0) {
    try {
      const written = writeSync(1, buffer);
      buffer = buffer.subarray(written);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
    }
  }
}

function serviceRecorded(appender: number, sequence: number, index: number): EventToAppend {
  return {
    id: uuidv4(),
    type: 'ServiceRecorded',
    data: {
      enterprise: `91500112MA60${String(appender).padStart(2, '0')}${String(sequence % 10_000).padStart(4, '0')}`,
      serviceArea: index % 2 === 0 ? 'financing' : 'training',
      amountFen: 10_000 + ((appender * 7_919 + sequence * 104_729 + index) % 5_000_000),
      servedOn: '2025-09-30',
      note: '企业服务记录',
    },
    metadata: { actor: ACTOR, correlationId: uuidv4(), causationId: null, schemaVersion: 1 },
  };
}

async function appender(store: LedgerEventStore, id: number): Promise<never> {
  for (let sequence = 0; ; sequence += 1) {
    const stream = `platformyear-kill9-${String(Math.floor(Math.random() * STREAMS)).padStart(2, '0')}_2025`;
    const size = Math.random() < 0.5 ? 1 : 10;
    const batch = Array.from({ length: size }, (_, index) => serviceRecorded(id, sequence, index));
    const result = await store.append(stream, batch, { expectedRevision: 'any' });
    writeAllSync(`${result.eventIds.join('\n')}\n`);
  }
}

async function main(): Promise<void> {
  const path = process.argv[2];
  if (path === undefined) throw new Error('usage: append-until-killed.ts <dbPath>');
  const store = new LedgerEventStore(new SqliteEventStoreAdapter({ path }));
  await Promise.all(Array.from({ length: APPENDERS }, (_, id) => appender(store, id)));
}

main().catch((error: unknown) => {
  process.stderr.write(
    `append-until-killed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
