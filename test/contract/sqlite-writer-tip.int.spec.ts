import { SqliteWriter } from '../../libs/event-store/src/sqlite/sqlite-writer';
import { collect, events } from './contract-fixtures';
import { freshSqliteStore } from '../support/stores';

/**
 * The writer accepts a batch only if the log's tip is exactly the one it was planned on: the
 * same last position with another event there (another process's rows of the same count) is stale.
 */
describe('sqlite writer: the planned tip must be the actual tip', () => {
  it('refuses a batch planned on the right position but another last event, and accepts the true tip', async () => {
    const { store, path } = freshSqliteStore();
    await store.append('platformyear-cq001_2025', events(2));
    const [, tip] = await collect(store.readAll());
    await store.close();
    if (tip === undefined) throw new Error('fixture');

    const writer = new SqliteWriter(path);
    try {
      const assumed = new Map([['platformyear-cq001_2025', undefined]]);
      const wrongTip = writer.begin(2, 'f'.repeat(64), new Map());
      await expect(writer.commit(wrongTip, [])).resolves.toBe('stale');
      const rightTip = writer.begin(2, tip.metadata.hash, new Map());
      await expect(writer.commit(rightTip, [])).resolves.toBe('committed');
      const wrongHead = writer.begin(2, tip.metadata.hash, assumed);
      await expect(writer.commit(wrongHead, [])).resolves.toBe('stale');
    } finally {
      await writer.close();
    }
  });
});
