import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  LedgerEventStore,
  SqliteEventStoreAdapter,
  type ReadAllForProjectionOptions,
  type RecordedEvent,
} from '@ledger/event-store';
import { collect, events } from './contract-fixtures';

/**
 * readAllForProjection on SQLite's read-ahead thread (readAheadFrom 0 sends every read there; the
 * contract covers the inline path): the same events as readAll, for every read option, across
 * several pages.
 */
describe('sqlite read-ahead thread for readAllForProjection', () => {
  let store: LedgerEventStore;
  let all: RecordedEvent[];

  beforeAll(async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'ledger-read-ahead-')), 'ledger.sqlite');
    store = new LedgerEventStore(new SqliteEventStoreAdapter({ path, readAheadFrom: 0 }));
    // 4,500 events: five pages of 1,000, more than the two read ahead before the first is taken.
    for (let batch = 0; batch < 9; batch += 1) {
      await store.append(`a-${String(batch % 3)}`, events(300, 'ServiceRecorded', { batch }));
      await store.append(`b-${String(batch % 2)}`, events(200, 'SatisfactionRated', { 中: '文' }));
    }
    all = await collect(store.readAll());
  });
  afterAll(async () => {
    await store.close();
  });

  const asFolded = (recorded: readonly RecordedEvent[]) =>
    recorded.map(({ metadata, ...rest }) => ({
      ...rest,
      metadata: { recordedAt: metadata.recordedAt },
    }));

  it.each<[string, ReadAllForProjectionOptions]>([
    ['everything', {}],
    ['from a position, at most a count', { fromPosition: 1_500, maxCount: 2_600 }],
    ['backwards from the end', { direction: 'backwards' }],
    ['backwards from a position', { direction: 'backwards', fromPosition: 3_001 }],
    ['by event type', { filter: { eventTypes: ['SatisfactionRated'] } }],
    ['by stream prefix', { filter: { streamPrefixes: ['a-1', 'b-0'] } }],
    ['past the end', { fromPosition: 10_000 }],
  ])('reads what readAll reads: %s', async (_, options) => {
    const pages = await collect(store.readAllForProjection(options));
    expect(pages.every((page) => page.length > 0)).toBe(true);
    expect(pages.flat()).toEqual(asFolded(await collect(store.readAll(options))));
  });

  it('reads everything', () => {
    expect(all).toHaveLength(4_500);
  });

  it('stops its thread when a loop leaves early, and reads again afterwards', async () => {
    let seen = 0;
    for await (const page of store.readAllForProjection()) {
      seen += page.length;
      break;
    }
    expect(seen).toBe(1_000);
    const again = await collect(store.readAllForProjection({ maxCount: 10 }));
    expect(again.flat().map((event) => event.id)).toEqual(all.slice(0, 10).map((e) => e.id));
  });

  it('ends a read under way with StoreUnavailableError when the store closes', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'ledger-read-ahead-')), 'ledger.sqlite');
    const closing = new LedgerEventStore(new SqliteEventStoreAdapter({ path, readAheadFrom: 0 }));
    // More pages than the thread may read ahead of a consumer that took one: it cannot have ended.
    await closing.append('c-1', events(6_000));
    const iterator = closing.readAllForProjection()[Symbol.asyncIterator]();
    await iterator.next();
    await closing.close();
    await expect(
      (async () => {
        for (;;) if ((await iterator.next()).done === true) return;
      })(),
    ).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
  });
});
