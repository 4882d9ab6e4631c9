import type { ProjectedEvent, Projection } from '@ledger/projections/shared/projection';
import type { ReadModelStore } from '@ledger/read-models';
import { freshReadModelStore } from '../../../test/support/read-model-stores';
import { ModelRunner } from './model-runner';

/** One counter per key: the key is the event's stream. */
const counters: Projection<{ count: number }, { count: number }> = {
  name: 'test-counters',
  version: 1,
  eventTypes: new Set(['Counted']),
  keysOf: (event) => [event.stream],
  initialDoc: () => ({ count: 0 }),
  evolve: (doc) => ({ count: doc.count + 1 }),
  view: (doc) => doc,
};

let position = 0;
function counted(stream: string): ProjectedEvent {
  position += 1;
  return {
    id: `event-${String(position)}`,
    stream,
    revision: 0,
    position,
    type: 'Counted',
    data: {},
    metadata: { recordedAt: '2026-12-07T00:00:00.000Z' },
  };
}

/** Applies the events and commits them to the store, as the projector does. */
async function applyAndCommit(
  runner: ModelRunner,
  store: ReadModelStore,
  events: readonly ProjectedEvent[],
  maxCachedDocs: number,
): Promise<void> {
  for (const event of events) await runner.apply(event);
  const commit = runner.takeCommit(true);
  if (commit === null) return;
  await store.commit(commit.writes, [commit.position]);
  runner.committed(commit.position, maxCachedDocs);
}

describe('ModelRunner document cache (real SQLite read models)', () => {
  let store: ReadModelStore;
  let reads: jest.SpiedFunction<ReadModelStore['loadDoc']>;

  beforeEach(async () => {
    store = await freshReadModelStore('sqlite');
    reads = jest.spyOn(store, 'loadDoc');
  });
  afterEach(async () => {
    await store.close();
  });

  async function activeRunner(): Promise<ModelRunner> {
    const created = await store.createGeneration(counters.name, counters.version);
    await store.activate(counters.name, created.generation);
    const keys = await store.documentKeys(counters.name, created.generation);
    return new ModelRunner(counters, { ...created, status: 'active' }, store, keys);
  }

  it('reads no document for a key the generation does not hold, and reads one it does', async () => {
    const first = await activeRunner();
    await applyAndCommit(first, store, [counted('a'), counted('b')], 100);
    expect(reads).not.toHaveBeenCalled();

    // A second runner on the same generation (a restart) learns the stored keys once.
    const generation = (await store.generations())[0];
    if (generation === undefined) throw new Error('no generation');
    const keys = await store.documentKeys(counters.name, generation.generation);
    expect([...keys].sort()).toEqual(['a', 'b']);
    const restarted = new ModelRunner(counters, generation, store, keys);
    await applyAndCommit(restarted, store, [counted('a'), counted('new')], 100);
    expect(reads.mock.calls.map(([, , key]) => key)).toEqual(['a']);
    expect(await store.loadDoc(counters.name, generation.generation, 'a')).toBe('{"count":2}');
  });

  it('past the bound, drops the documents not updated since the last drop and keeps the busy ones', async () => {
    const runner = await activeRunner();
    // Ten quiet keys once, then a busy key on every commit: the bound is 5 documents.
    await applyAndCommit(
      runner,
      store,
      Array.from({ length: 10 }, (_, i) => counted(`quiet-${String(i)}`)),
      5,
    );
    await applyAndCommit(runner, store, [counted('busy')], 5);
    await applyAndCommit(runner, store, [counted('busy')], 5);
    reads.mockClear();
    // The busy key was updated since the last drop: still cached, no read.
    await applyAndCommit(runner, store, [counted('busy')], 5);
    expect(reads).not.toHaveBeenCalled();
    // A quiet key was dropped: it is read back from the store, with its count intact.
    await applyAndCommit(runner, store, [counted('quiet-3')], 5);
    expect(reads.mock.calls.map(([, , key]) => key)).toEqual(['quiet-3']);
    const generation = runner.generation.generation;
    expect(await store.loadDoc(counters.name, generation, 'quiet-3')).toBe('{"count":2}');
    expect(await store.loadDoc(counters.name, generation, 'busy')).toBe('{"count":3}');
  });
});
