import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { freshSqliteStoreAt } from '../support/stores';
import { collect, events, take } from './contract-fixtures';

/**
 * Two processes on one SQLite file (the API and `ledger anchor`, say): each plans from its own
 * cache of heads, the writer thread finds the cache stale when the other wrote, and the append is
 * planned again from disk — nothing is lost, forked or refused.
 */
describe('sqlite: two stores sharing one file', () => {
  it('keeps appending, chaining and numbering correctly when both write in turn and at once', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'ledger-shared-')), 'ledger.sqlite');
    const api = freshSqliteStoreAt(path);
    const cli = freshSqliteStoreAt(path);
    try {
      await api.append('platformyear-cq001_2025', events(3));
      await cli.append('platformyear-cq001_2025', events(2), { expectedRevision: 2 });
      await api.append('platformyear-cq001_2025', events(1), { expectedRevision: 4 });
      await cli.anchor({ subject: 'ledger-cli', role: 'admin' });
      await api.append('platformyear-cq002_2025', events(1));
      await Promise.all([
        ...Array.from({ length: 20 }, (_, i) =>
          api.append(`platformyear-cq1${i % 4}_2025`, events(3)),
        ),
        ...Array.from({ length: 20 }, (_, i) =>
          cli.append(`platformyear-cq1${i % 4}_2025`, events(2)),
        ),
      ]);
      const all = await collect(api.readAll());
      expect(all.map((e) => e.position)).toEqual(all.map((_, i) => i + 1));
      expect(all).toHaveLength(3 + 2 + 1 + 1 + 1 + 60 + 40);
      await expect(api.verify()).resolves.toMatchObject({ ok: true, anchorsChecked: 1 });
      await expect(cli.verify()).resolves.toMatchObject({ ok: true });
    } finally {
      await api.close();
      await cli.close();
    }
  });

  it("wakes a live subscriber on another store of the file in this process (the projector's thread) without waiting for its poll", async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'ledger-shared-')), 'ledger.sqlite');
    const writer = freshSqliteStoreAt(path);
    // A poll this slow would deliver nothing within the test's time: only the wake can.
    const reader = freshSqliteStoreAt(path, { pollIntervalMs: 600_000 });
    const subscription = reader.subscribeToAll({ fromPosition: 'start' });
    try {
      const delivered = take(subscription, 3, 60_000);
      // Let the subscription drain the empty log and start waiting for appends.
      await new Promise((resolve) => setTimeout(resolve, 100));
      await writer.append('platformyear-cq001_2025', events(3));
      const live = await Promise.race([
        delivered,
        new Promise<'not woken'>((resolve) => {
          setTimeout(() => {
            resolve('not woken');
          }, 30_000);
        }),
      ]);
      expect(live).not.toBe('not woken');
      expect(live === 'not woken' ? [] : live.map((e) => e.position)).toEqual([1, 2, 3]);
    } finally {
      subscription.close();
      await reader.close();
      await writer.close();
    }
  });
});
