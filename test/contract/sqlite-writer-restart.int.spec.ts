import { freshSqliteStore } from '../support/stores';
import { SqliteEventStoreAdapter } from '@ledger/event-store';
import { collect, events } from './contract-fixtures';

describe('sqlite: the writer thread dies', () => {
  it('fails only what was in flight, then starts a new writer and keeps every chain intact', async () => {
    const { store } = freshSqliteStore();
    try {
      await store.append('platformyear-cq001_2025', events(5));
      const adapter = store.adapter;
      if (!(adapter instanceof SqliteEventStoreAdapter))
        throw new Error('expected the SQLite adapter');
      const inFlight = store.append('platformyear-cq001_2025', events(3));
      await adapter['writer'].terminate();
      const outcome = await inFlight.then(
        () => 'committed',
        (error: unknown) => (error as { code?: string }).code,
      );
      expect(['committed', 'STORE_UNAVAILABLE']).toContain(outcome);
      await store.append('platformyear-cq001_2025', events(2));
      await store.append('platformyear-cq002_2025', events(1));
      const stream = await collect(store.readStream('platformyear-cq001_2025'));
      expect(stream.length).toBe(outcome === 'committed' ? 10 : 7);
      await expect(store.verify()).resolves.toMatchObject({ ok: true });
    } finally {
      await store.close();
    }
  });
});
