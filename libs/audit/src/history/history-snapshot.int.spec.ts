import { beijingYearOf, platformStream, platformYearStream, programStream } from '@ledger/domain';
import type { EventStore, ReadAllOptions } from '@ledger/event-store';
import type { ReadModelStore } from '@ledger/read-models';
import { createProjector, PROJECTIONS } from '../../../../apps/projector/src/open-projector';
import { freshReadModelStore } from '../../../../test/support/read-model-stores';
import {
  describeIfPostgres,
  freshPostgresStore,
  freshSqliteStore,
} from '../../../../test/support/stores';
import { AuditError } from '../audit-error';
import {
  OTHER_PROGRAM,
  PROGRAM,
  service,
  writePhaseOne,
  writePhaseTwo,
} from '../testing/history-fixtures';
import { historySnapshot, type HistorySnapshot } from './history-snapshot';

type Models = Record<string, Record<string, unknown>>;

/** Every view of every model the projector built, as JSON values. */
async function projectedModels(readModels: ReadModelStore): Promise<Models> {
  const models: Models = {};
  await readModels.reader().snapshot(async (snapshot) => {
    for (const projection of PROJECTIONS) {
      const views = await snapshot.viewsWithPrefix<unknown>(projection.name, '');
      models[projection.name] = Object.fromEntries(views);
    }
  });
  return models;
}

const json = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown;

const ownedBy = (key: string, platformIds: readonly string[]): boolean =>
  platformIds.some((id) => key === id || key.startsWith(`${id}/`));

/**
 * The fold equals the projector: every document the snapshot keeps is the projector's, and every
 * projector document keyed by a platform in scope is kept.
 */
function expectEqualToProjector(
  history: HistorySnapshot,
  projected: Models,
  platformIds: readonly string[],
): void {
  for (const projection of PROJECTIONS) {
    const mine = Object.fromEntries(
      history.views.get(projection.name) ?? new Map<string, unknown>(),
    );
    const live = projected[projection.name] ?? {};
    const expected = Object.fromEntries(
      Object.entries(live).filter(([key]) => key in mine || ownedBy(key, platformIds)),
    );
    expect({ model: projection.name, views: json(mine) }).toEqual({
      model: projection.name,
      views: expected,
    });
  }
}

/** A store that records which streams and which log reads it answered. */
function spied(store: EventStore): {
  store: EventStore;
  streams: string[];
  readAlls: ReadAllOptions[];
} {
  const streams: string[] = [];
  const readAlls: ReadAllOptions[] = [];
  const spy = Object.create(store) as EventStore;
  Object.assign(spy, {
    readStream: (stream: string, options?: Parameters<EventStore['readStream']>[1]) => {
      streams.push(stream);
      return store.readStream(stream, options);
    },
    readAll: (options: ReadAllOptions = {}) => {
      readAlls.push(options);
      return store.readAll(options);
    },
  });
  return { store: spy, streams, readAlls };
}

function historySuite(open: () => Promise<{ events: EventStore; readModels: ReadModelStore }>) {
  let events: EventStore;
  let readModels: ReadModelStore;
  let phaseOne: number;
  let atPhaseOne: Models;
  let atEnd: Models;
  const scope = { platformIds: ['hs-a', 'hs-b'] };

  beforeAll(async () => {
    ({ events, readModels } = await open());
    const projector = createProjector(events, readModels, { commitIntervalMs: 5 });
    await projector.start();
    phaseOne = await writePhaseOne(events);
    await readModels.reader().waitFor(phaseOne, 30_000);
    atPhaseOne = await projectedModels(readModels);
    await writePhaseTwo(events);
    await readModels.reader().waitFor(await events.headPosition(), 30_000);
    atEnd = await projectedModels(readModels);
    await projector.stop();
  });
  afterAll(async () => {
    await readModels.close();
    await events.close();
  });

  it('as of now, the fold of the scope equals the read models the projector built', async () => {
    const history = await historySnapshot(events, scope, { kind: 'now' });
    expect(history.head).toBe(await events.headPosition());
    expect(history.asOf).toBe(history.head);
    expectEqualToProjector(history, atEnd, scope.platformIds);
    // The publication also names hs-c: its partial funding and eligibility documents are left out.
    expect(history.views.get('funding-ledger')?.has('hs-c')).toBe(false);
    expect(history.views.get('funding-ledger')?.has('hs-a')).toBe(true);
    expect(await history.snapshot.view('platforms', 'hs-a')).toMatchObject({ platformId: 'hs-a' });
  });

  it('as of a position, it equals the read models at that position; later events are not there', async () => {
    const history = await historySnapshot(events, scope, { kind: 'position', position: phaseOne });
    expect(history.position).toBeLessThanOrEqual(phaseOne);
    expect(history.asOf).toBe(phaseOne);
    expect(history.events.every((event) => event.position <= phaseOne)).toBe(true);
    expectEqualToProjector(history, atPhaseOne, scope.platformIds);
    expect(history.snapshot.position).toBe(history.position);
  });

  it('reads only the streams in scope, and the log only for the programs enrolling them', async () => {
    const spy = spied(events);
    const history = await historySnapshot(spy.store, scope, { kind: 'now' });
    const thisYear = beijingYearOf(Date.now());
    const years = Array.from({ length: thisYear + 1 - 2024 + 1 }, (_, i) => 2024 + i);
    const expected = [
      platformStream('hs-a'),
      platformStream('hs-b'),
      ...years.flatMap((year) => [
        platformYearStream('hs-a', year),
        platformYearStream('hs-b', year),
      ]),
      programStream(PROGRAM),
    ].sort();
    expect([...spy.streams].sort()).toEqual(expected);
    expect(history.streams).toEqual(expected);
    expect(history.streams).not.toContain(programStream(OTHER_PROGRAM));
    expect(spy.readAlls.map((options) => options.filter)).toEqual([
      { streamPrefixes: ['program-'], eventTypes: ['PlatformsEnrolled'] },
    ]);
    // The index is kept per store: the next call reads only the log after what it saw, and
    // nothing when nothing was appended.
    await historySnapshot(spy.store, scope, { kind: 'now' });
    expect(spy.readAlls).toHaveLength(1);
    await events.append(platformYearStream('hs-c', 2025), [service('2025-05-05', 600)]);
    await historySnapshot(spy.store, scope, { kind: 'now' });
    expect(spy.readAlls[1]?.fromPosition).toBe(history.head + 1);
    // Without discovery, no log read at all; given programs and years are read as named.
    const quiet = spied(events);
    const named = await historySnapshot(
      quiet.store,
      { platformIds: ['hs-b'], years: [2025], programIds: [OTHER_PROGRAM] },
      { kind: 'now' },
      { discoverPrograms: false },
    );
    expect(quiet.readAlls).toEqual([]);
    expect(named.streams).toEqual([
      platformStream('hs-b'),
      platformYearStream('hs-b', 2025),
      programStream(OTHER_PROGRAM),
    ]);
  });

  it('a recorded cut before the backdated record leaves it out; an occurred cut takes it in', async () => {
    const all = await historySnapshot(events, scope, { kind: 'now' });
    const backdated = all.events.at(-1);
    const before = all.events.at(-2);
    if (backdated === undefined || before === undefined) throw new Error('no events');
    expect(backdated.data.occurredAt).toBe('2025-01-15');
    expect(backdated.metadata.recordedAt > before.metadata.recordedAt).toBe(true);

    const known = await historySnapshot(events, scope, {
      kind: 'recorded',
      at: before.metadata.recordedAt,
    });
    expect(known.events.map((event) => event.id)).toEqual(
      all.events.slice(0, -1).map((event) => event.id),
    );
    expect(known.asOf).toBe(known.head);

    // By 2025-02-01 (Beijing midnight) only the plans (01-10), the 2024 service and the backdated
    // service had happened; the filings and programs, recorded now, had not.
    const happened = await historySnapshot(events, scope, { kind: 'occurred', at: '2025-02-01' });
    expect(happened.events.map((event) => [event.type, event.data.occurredAt])).toEqual([
      ['WorkPlanSubmitted', '2025-01-10'],
      ['WorkPlanSubmitted', '2025-01-10'],
      ['ServiceRecorded', '2024-05-01'],
      ['ServiceRecorded', '2025-01-15'],
    ]);
    // Folded in log order although the service at 06-20 (excluded) has a smaller position.
    const excluded = all.events.find((event) => event.data.occurredAt === '2025-06-20');
    expect((excluded?.position ?? Infinity) < backdated.position).toBe(true);
    const metrics = await happened.snapshot.view<{ calendarYear: { services: number } }>(
      'platform-year-metrics',
      'hs-a/2025',
    );
    expect(metrics?.calendarYear.services).toBe(1);
    expect(await happened.snapshot.view('platforms', 'hs-a')).toBeNull();
    // A date with an offset is the same instant as its Beijing reading.
    const offset = await historySnapshot(events, scope, {
      kind: 'occurred',
      at: '2025-01-31T16:00:00Z',
    });
    expect(offset.events.map((event) => event.id)).toEqual(happened.events.map((e) => e.id));
  });

  it('a revision cut: that stream up to the revision, every other up to its position', async () => {
    const stream = platformYearStream('hs-b', 2025);
    const history = await historySnapshot(events, scope, { kind: 'revision', stream, revision: 1 });
    const named = history.events.filter((event) => event.stream === stream);
    expect(named.map((event) => event.revision)).toEqual([0, 1]);
    const cutAt = named[1]?.position ?? -1;
    expect(history.asOf).toBe(cutAt);
    const byPosition = await historySnapshot(events, scope, { kind: 'position', position: cutAt });
    expect(history.events).toEqual(byPosition.events);
    expect(json(Object.fromEntries(history.views))).toEqual(
      json(Object.fromEntries(byPosition.views)),
    );
    // A program stream named by the cut is read too.
    const program = await historySnapshot(
      events,
      { platformIds: ['hs-c'] },
      { kind: 'revision', stream: programStream(OTHER_PROGRAM), revision: 0 },
      { discoverPrograms: false },
    );
    expect(program.events.at(-1)).toMatchObject({ stream: programStream(OTHER_PROGRAM) });
  });

  it.each<{
    name: string;
    cut: Parameters<typeof historySnapshot>[2];
    field: string;
    code: string;
  }>([
    {
      name: 'an unreadable instant',
      cut: { kind: 'recorded', at: '2025-13-01' },
      field: 'at',
      code: 'VALIDATION_FAILED',
    },
    {
      name: 'a negative position',
      cut: { kind: 'position', position: -1 },
      field: 'position',
      code: 'VALIDATION_FAILED',
    },
    {
      name: 'a revision the stream does not have',
      cut: { kind: 'revision', stream: platformStream('hs-a'), revision: 99 },
      field: 'revision',
      code: 'NOT_FOUND',
    },
  ])('$name is an AuditError $code naming $field', async ({ cut, field, code }) => {
    const error: unknown = await historySnapshot(events, scope, cut).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuditError);
    expect(error).toMatchObject({ code, details: [{ field }] });
  });

  it('an id that is no platform id is refused before anything is read', async () => {
    const spy = spied(events);
    const error: unknown = await historySnapshot(
      spy.store,
      { platformIds: ['hs-a', 'no such'] },
      { kind: 'now' },
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'platformIds[1]' }],
    });
    expect(spy.streams).toEqual([]);
  });
}

describe('history snapshots on SQLite', () => {
  historySuite(async () => ({
    events: freshSqliteStore().store,
    readModels: await freshReadModelStore('sqlite'),
  }));
});

describeIfPostgres('history snapshots on PostgreSQL', () => {
  historySuite(async () => ({
    events: (await freshPostgresStore()).store,
    readModels: await freshReadModelStore('postgres'),
  }));
});
