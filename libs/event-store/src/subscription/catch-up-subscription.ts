import type { AllSubscription } from '../port/event-store';
import type { EventStoreAdapter } from '../port/event-store-adapter';
import type { EventFilter, RecordedEvent, StoredEvent } from '../port/types';
import { toRecordedEvent } from '../stored-event';

const PAGE_SIZE = 1_000;

export function matchesFilter(
  event: Pick<StoredEvent, 'stream' | 'type'>,
  filter: EventFilter | undefined,
): boolean {
  if (filter === undefined) return true;
  if (filter.eventTypes !== undefined && !filter.eventTypes.includes(event.type)) return false;
  if (
    filter.streamPrefixes !== undefined &&
    !filter.streamPrefixes.some((prefix) => event.stream.startsWith(prefix))
  ) {
    return false;
  }
  return true;
}

/**
 * Reads pages of the global log after the checkpoint, then waits for the adapter's append signal
 * and reads again. Gap-free because adapters make positions visible in order (SQLite: one writer;
 * PostgreSQL: positions taken under a row lock held to commit). The filter runs here, on the
 * unfiltered page, so the checkpoint advances past filtered-out events too.
 */
export class CatchUpSubscription implements AllSubscription {
  private position: number;
  private readonly abort = new AbortController();

  constructor(
    private readonly adapter: EventStoreAdapter,
    checkpoint: number,
    private readonly filter: EventFilter | undefined,
  ) {
    this.position = checkpoint;
  }

  get checkpoint(): number {
    return this.position;
  }

  close(): void {
    this.abort.abort();
  }

  onClose(listener: () => void): void {
    this.abort.signal.addEventListener('abort', listener, { once: true });
  }

  private isClosed(): boolean {
    return this.abort.signal.aborted;
  }

  async *[Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    const signal = this.abort.signal;
    while (!signal.aborted) {
      let read = 0;
      let lastScanned = this.position;
      const page: StoredEvent[] = [];
      try {
        for await (const rows of this.adapter.readAllPages({
          fromPosition: this.position + 1,
          direction: 'forwards',
          maxCount: PAGE_SIZE,
          filter: undefined,
        })) {
          page.push(...rows);
        }
      } catch (error) {
        // Closed while a read was under way (the store is shutting down): the iteration ends.
        if (this.isClosed()) return;
        throw error;
      }
      for (const event of page) {
        read += 1;
        lastScanned = event.position;
        if (!matchesFilter(event, this.filter)) continue;
        this.position = event.position;
        yield toRecordedEvent(event);
        if (this.isClosed()) return;
      }
      this.position = lastScanned;
      if (read < PAGE_SIZE) await this.adapter.waitForAppend(this.position, signal);
    }
  }
}
