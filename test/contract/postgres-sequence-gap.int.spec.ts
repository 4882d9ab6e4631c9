import { v4 as uuidv4 } from 'uuid';
import {
  LedgerEventStore,
  PostgresEventStoreAdapter,
  type EventToAppend,
  type RecordedEvent,
} from '@ledger/event-store';
import { describeIfPostgres, freshPostgresStore, postgresUrl } from '../support/stores';

const WRITERS = 4;
const APPENDERS_PER_WRITER = 10;
const APPENDS_PER_APPENDER = 50;
const STREAMS = 30;
const ACTOR = { subject: 'sequence-gap-proof', role: 'system' } as const;

function activity(
  writer: number,
  appender: number,
  sequence: number,
  index: number,
): EventToAppend {
  return {
    id: uuidv4(),
    type: index === 0 ? 'ServiceRecorded' : 'MaterialUploaded',
    data: {
      writer,
      appender,
      sequence,
      index,
      amountFen: 1_000 * (sequence + 1),
      note: '并发写入',
    },
    metadata: { actor: ACTOR, correlationId: uuidv4(), causationId: null, schemaVersion: 1 },
  };
}

/** One "process": its own adapter and pool, 10 concurrent appenders, 50 appends of 1-3 events each. */
async function runWriter(store: LedgerEventStore, writer: number): Promise<number> {
  let appended = 0;
  await Promise.all(
    Array.from({ length: APPENDERS_PER_WRITER }, async (_, appender) => {
      for (let sequence = 0; sequence < APPENDS_PER_APPENDER; sequence += 1) {
        const stream = `platformyear-gap-${String(Math.floor(Math.random() * STREAMS)).padStart(2, '0')}_2025`;
        const size = 1 + Math.floor(Math.random() * 3);
        const batch = Array.from({ length: size }, (_, index) =>
          activity(writer, appender, sequence, index),
        );
        await store.append(stream, batch, { expectedRevision: 'any' });
        appended += size;
      }
    }),
  );
  return appended;
}

describeIfPostgres(
  'postgres: no catch-up subscriber skips an event (the sequence-gap problem)',
  () => {
    it('a live subscriber sees exactly the log, gap-free, while 4 processes append concurrently', async () => {
      const { store: subscriberStore, schema } = await freshPostgresStore();
      const writers: LedgerEventStore[] = [];
      const subscription = subscriberStore.subscribeToAll();
      const received: { position: number; id: string }[] = [];
      let subscriberError: unknown;
      const consuming = (async () => {
        try {
          for await (const event of subscription)
            received.push({ position: event.position, id: event.id });
        } catch (error) {
          subscriberError = error;
        }
      })();
      try {
        for (let writer = 0; writer < WRITERS; writer += 1) {
          const adapter = await PostgresEventStoreAdapter.connect({
            connectionString: postgresUrl()!,
            schema,
          });
          writers.push(new LedgerEventStore(adapter));
        }
        const started = Date.now();
        const appended = await Promise.all(
          writers.map((store, writer) => runWriter(store, writer)),
        );
        const total = appended.reduce((sum, count) => sum + count, 0);
        const appendMs = Date.now() - started;
        const liveWhenWritersDone = received.length;

        const log: RecordedEvent[] = [];
        for await (const event of subscriberStore.readAll()) log.push(event);
        expect(log.length).toBe(total);

        const deadline = Date.now() + 30_000;
        while (
          received.length < log.length &&
          subscriberError === undefined &&
          Date.now() < deadline
        ) {
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        console.log(
          `sequence gap: ${WRITERS * APPENDERS_PER_WRITER * APPENDS_PER_APPENDER} appends, ${total} events in ${appendMs} ms ` +
            `from ${WRITERS} adapters; subscriber had ${liveWhenWritersDone} live when the writers finished, ` +
            `${received.length} in the end; readAll returned ${log.length}`,
        );
        expect(subscriberError).toBeUndefined();
        expect(received.length).toBe(log.length);

        const expected = log.map((event) => ({ position: event.position, id: event.id }));
        expect(received).toEqual(expected);
        expect(expected.map((event) => event.position)).toEqual(
          expected.map((_, index) => index + 1),
        );
        expect(new Set(received.map((event) => event.id)).size).toBe(received.length);
        expect(new Set(received.map((event) => event.position)).size).toBe(received.length);
        await expect(subscriberStore.verify()).resolves.toMatchObject({
          ok: true,
          eventsChecked: total,
        });
      } finally {
        subscription.close();
        await consuming;
        await Promise.all(writers.map((store) => store.close()));
        await subscriberStore.close();
      }
    }, 120_000);
  },
);
