import type { HashedPage, StoredEvent } from '../port/types';
import { computeEventHash } from './event-hash';

/** EventStoreAdapter's hashed reads over its plain ones: hashes recomputed on this thread. */
export async function* hashedPagesOf(
  pages: AsyncIterable<readonly StoredEvent[]>,
): AsyncGenerator<HashedPage> {
  for await (const events of pages) {
    const mismatches = new Map<number, string>();
    events.forEach((event, index) => {
      const recomputed = computeEventHash(event);
      if (recomputed !== event.hash) mismatches.set(index, recomputed);
    });
    yield { events, mismatches };
  }
}

/** The hash the event at `index` of the page was found to have. */
export function recomputedHash(page: HashedPage, index: number): string {
  return page.mismatches.get(index) ?? (page.events[index] as StoredEvent).hash;
}
