import type { EventStore, RecordedEvent, VerifyReport } from '@ledger/event-store';

/** Streams read at once: PostgreSQL answers them in parallel; SQLite does not mind. */
const READS_AT_ONCE = 8;

export interface StreamsRead {
  /** Every event of each stream, by stream; a stream never written reads as no events. */
  readonly events: Map<string, RecordedEvent[]>;
  /** The chain verification of each stream asked for, from the same read as its events. */
  readonly verifications: Map<string, VerifyReport>;
}

/** Every event of each stream; the streams in `verified` are verified as they are read. */
export async function readStreams(
  store: EventStore,
  streams: readonly string[],
  verified: ReadonlySet<string> = new Set(),
): Promise<StreamsRead> {
  const read: StreamsRead = { events: new Map(), verifications: new Map() };
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let index = next++; index < streams.length; index = next++) {
      const stream = streams[index] as string;
      if (verified.has(stream)) {
        const { events, verification } = await store.readVerifiedStream(stream);
        read.events.set(stream, events);
        read.verifications.set(stream, verification);
        continue;
      }
      const events: RecordedEvent[] = [];
      for await (const event of store.readStream(stream)) events.push(event);
      read.events.set(stream, events);
    }
  };
  await Promise.all(Array.from({ length: Math.min(READS_AT_ONCE, streams.length) }, worker));
  return read;
}
