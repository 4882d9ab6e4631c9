import { randomUUID } from 'node:crypto';
import type { EventStore, EventToAppend } from '@ledger/event-store';
import {
  foldEvents,
  viewsOf,
  type ProjectedEvent,
  type Projection,
} from '@ledger/projections/shared/projection';
import type { ReadModelStore } from '@ledger/read-models';
import {
  describeIfPostgres,
  freshPostgresStore,
  freshSqliteStore,
} from '../../../test/support/stores';
import { freshReadModelStore } from '../../../test/support/read-model-stores';
import { DEFAULT_PROJECTOR_OPTIONS, Projector } from './projector';

/** A small projection with the shape of the real ones: per-key counters and a derived view. */
interface Tally {
  count: number;
  sum: number;
  lastPosition: number;
}
const tallies: Projection<Tally, { count: number; mean: number | null }> = {
  name: 'test-tallies',
  version: 1,
  eventTypes: new Set(['Added']),
  keysOf: (event) => [event.stream],
  initialDoc: () => ({ count: 0, sum: 0, lastPosition: -1 }),
  evolve: (doc, event) => {
    doc.count += 1;
    doc.sum += Number(event.data.amount);
    doc.lastPosition = event.position;
    return doc;
  },
  view: (doc) => ({ count: doc.count, mean: doc.count === 0 ? null : doc.sum / doc.count }),
};
const tallyV2: Projection<Tally, { count: number; mean: number | null }> = {
  ...tallies,
  version: 2,
};

function added(amount: number): EventToAppend {
  return {
    id: randomUUID(),
    type: 'Added',
    data: { amount },
    metadata: {
      actor: { subject: 'test', role: 'system' },
      correlationId: randomUUID(),
      causationId: null,
      schemaVersion: 1,
    },
  };
}

async function appendMany(events: EventStore, streams: number, perStream: number): Promise<number> {
  let head = -1;
  for (let s = 0; s < streams; s += 1) {
    const batch = Array.from({ length: perStream }, (_, i) => added(s * 1000 + i));
    head = (await events.append(`tally-${String(s)}`, batch)).lastPosition;
  }
  // Other streams and types only advance positions.
  head = (await events.append('noise-1', [{ ...added(1), type: 'Ignored' }])).lastPosition;
  return head;
}

async function expectedViews(events: EventStore): Promise<Map<string, unknown>> {
  const all: ProjectedEvent[] = [];
  for await (const event of events.readAll()) all.push(event);
  return viewsOf(tallies, foldEvents(tallies, all));
}

async function storedViews(readModels: ReadModelStore): Promise<Map<string, unknown>> {
  return readModels.reader().snapshot((snapshot) => snapshot.viewsWithPrefix('test-tallies', ''));
}

const options = { ...DEFAULT_PROJECTOR_OPTIONS, maxPendingEvents: 7, commitIntervalMs: 10 };

function projectorSuite(
  name: string,
  open: () => Promise<{ events: EventStore; readModels: ReadModelStore }>,
): void {
  describe(name, () => {
    let events: EventStore;
    let readModels: ReadModelStore;
    beforeEach(async () => {
      ({ events, readModels } = await open());
    });
    afterEach(async () => {
      await readModels.close();
      await events.close();
    });

    it('builds views equal to the in-memory fold, live, with the position in the same commit', async () => {
      const projector = new Projector(events, readModels, [tallies], options);
      await projector.start();
      const head = await appendMany(events, 5, 9);
      await readModels.reader().waitFor(head);
      expect(await storedViews(readModels)).toEqual(await expectedViews(events));
      const more = await appendMany(events, 2, 3);
      await readModels.reader().waitFor(more);
      expect(await storedViews(readModels)).toEqual(await expectedViews(events));
      const [status] = await projector.status();
      expect(status).toMatchObject({ model: 'test-tallies', position: more, lag: 0 });
      await projector.stop();
    });

    it('writes views at every commit and documents only at checkpoints, sooner when more documents changed than its cache holds', async () => {
      const documented = async (): Promise<number> => {
        const [generation] = await readModels.generations();
        return generation === undefined
          ? 0
          : (await readModels.documentKeys('test-tallies', generation.generation)).length;
      };
      const rare = { ...options, checkpointEvents: 1_000_000, checkpointIntervalMs: 3_600_000 };
      const first = new Projector(events, readModels, [tallies], { ...rare, maxCachedDocs: 100 });
      await first.start();
      await readModels.reader().waitFor(await appendMany(events, 3, 10));
      // Views are served; no checkpoint is due, so no document is stored yet.
      expect(await storedViews(readModels)).toEqual(await expectedViews(events));
      expect(await documented()).toBe(0);
      await first.stop();
      // The stop wrote the checkpoint.
      expect(await documented()).toBe(3);
      const second = new Projector(events, readModels, [tallies], { ...rare, maxCachedDocs: 2 });
      await second.start();
      // Five new keys, more than the cache's two, bring checkpoints forward before any is due.
      await readModels.reader().waitFor(await appendMany(events, 8, 2));
      const deadline = Date.now() + 10_000;
      while ((await documented()) <= 3 && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 20));
      expect(await documented()).toBeGreaterThan(3);
      expect(await storedViews(readModels)).toEqual(await expectedViews(events));
      await second.stop();
      expect(await documented()).toBe(8);
    });

    it('resumes after a restart without double-applying or skipping', async () => {
      const first = new Projector(events, readModels, [tallies], options);
      await first.start();
      await readModels.reader().waitFor(await appendMany(events, 3, 10));
      await first.stop();
      const head = await appendMany(events, 4, 6);
      const second = new Projector(events, readModels, [tallies], options);
      await second.start();
      await readModels.reader().waitFor(head);
      expect(await storedViews(readModels)).toEqual(await expectedViews(events));
      await second.stop();
    });

    it('rebuilds into a fresh generation and swaps it in while the old one serves', async () => {
      const live = new Projector(events, readModels, [tallies], options);
      await live.start();
      const head = await appendMany(events, 6, 8);
      await readModels.reader().waitFor(head);
      const before = await readModels.generations();
      // What readers would see at each intermediate commit of the rebuild.
      const during: Promise<unknown>[] = [];
      const [rebuilt] = await new Projector(events, readModels, [tallies], options).rebuild(
        ['test-tallies'],
        () => {
          during.push(readModels.generations(), storedViews(readModels));
        },
      );
      if (rebuilt === undefined) throw new Error('the rebuild reported no model');
      expect(rebuilt.generation).toBeGreaterThan(before[0]?.generation ?? 0);
      // Until the swap the old generation served, whole, beside the one being built.
      const seen = await Promise.all(during);
      expect(seen.length).toBeGreaterThan(4);
      const beforeViews = await expectedViews(events);
      for (let at = 0; at + 2 < seen.length; at += 2) {
        expect(seen[at]).toEqual([
          expect.objectContaining({ generation: before[0]?.generation, status: 'active' }),
          expect.objectContaining({ generation: rebuilt.generation, status: 'building' }),
        ]);
        expect(seen[at + 1]).toEqual(beforeViews);
      }
      expect(await readModels.generations()).toEqual([
        expect.objectContaining({
          model: 'test-tallies',
          generation: rebuilt.generation,
          status: 'active',
          position: head,
        }),
      ]);
      // The live projector picks up the swapped-in generation and keeps it current.
      const more = await appendMany(events, 2, 2);
      await readModels.reader().waitFor(more);
      expect(await storedViews(readModels)).toEqual(await expectedViews(events));
      await live.stop();
    });

    it('builds a new projection version beside the old one and swaps it in once caught up', async () => {
      const v1 = new Projector(events, readModels, [tallies], options);
      await v1.start();
      await readModels.reader().waitFor(await appendMany(events, 3, 5));
      await v1.stop();
      const v2 = new Projector(events, readModels, [tallyV2], options);
      await v2.start();
      const head = await appendMany(events, 1, 4);
      await readModels.reader().waitFor(head);
      const generations = await readModels.generations();
      expect(generations).toEqual([expect.objectContaining({ version: 2, status: 'active' })]);
      expect(await storedViews(readModels)).toEqual(await expectedViews(events));
      await v2.stop();
    });
  });
}

projectorSuite('projector on SQLite', async () => ({
  events: freshSqliteStore().store,
  readModels: await freshReadModelStore('sqlite'),
}));

describeIfPostgres('PostgreSQL', () => {
  projectorSuite('projector on PostgreSQL', async () => ({
    events: (await freshPostgresStore()).store,
    readModels: await freshReadModelStore('postgres'),
  }));
});
