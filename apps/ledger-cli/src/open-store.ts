import { eventStoreConfigFromEnv, openEventStore, type EventStore } from '@ledger/event-store';

/** Opens the store the environment names (API.md "Running"), runs `work`, always closes it. */
export async function withStore<T>(work: (store: EventStore) => Promise<T>): Promise<T> {
  const store = await openEventStore(eventStoreConfigFromEnv());
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

export function print(text: string): void {
  process.stdout.write(`${text}\n`);
}
