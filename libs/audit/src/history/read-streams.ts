import type { EventStore, RecordedEvent } from '@ledger/event-store';

/** Streams read at once: PostgreSQL answers them in parallel; SQLite does not mind. */
const READS_AT_ONCE = 8;

/** Every event of each stream, by stream; a stream never written reads as no events. */
export async function readStreams(
  store: EventStore,
  streams: readonly string[],
): Promise<Map<string, RecordedEvent[]>> {
  const read = new Map<string, RecordedEvent[]>();
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let index = next++; index < streams.length; index = next++) {
      const stream = streams[index] as string;
      const events: RecordedEvent[] = [];
      for await (const event of store.readStream(stream)) events.push(event);
      read.set(stream, events);
    }
  };
  await Promise.all(Array.from({ length: Math.min(READS_AT_ONCE, streams.length) }, worker));
  return read;
}
