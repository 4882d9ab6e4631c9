import { Set as ImmutableSet } from 'immutable';
import { v4 as uuidv4 } from 'uuid';
import { reject, accept, type Decider } from '@ledger/domain';
import { DuplicateEventIdError, type EventStore } from '@ledger/event-store';
import { freshSqliteStore } from '../../../../test/support/stores';
import { DomainRejection } from './domain-rejection';
import { StreamCommandProcessor } from './stream-command-processor';

/** A toy aggregate: a set of tags, each added once. */
type AddTag = {
  readonly type: 'AddTag';
  readonly tag: string;
  readonly eventId?: string;
  /** Add `${tag}-0` … `${tag}-(copies-1)` instead of one tag. */
  readonly copies?: number;
};
type TagAdded = {
  readonly type: 'TagAdded';
  readonly data: { readonly tag: string; readonly eventId: string };
};
type Tags = ImmutableSet<string>;

function added(tag: string, eventId: string = uuidv4()): TagAdded {
  return { type: 'TagAdded', data: { tag, eventId } };
}

const tags: Decider<AddTag, TagAdded, Tags> = {
  initialState: () => ImmutableSet<string>(),
  evolve: (state, event) => state.add(event.data.tag),
  decide: (command, state) => {
    if (state.has(command.tag))
      return reject('CONFLICT', 'T-ONCE', `tag ${command.tag} exists`, 'tag');
    if (command.copies === undefined) return accept(added(command.tag, command.eventId));
    return accept(
      ...Array.from({ length: command.copies }, (_, i) => added(`${command.tag}-${String(i)}`)),
    );
  },
};

const actor = { subject: 'spec', role: 'system' };

function processorOn(store: EventStore) {
  return new StreamCommandProcessor(store, tags, (event) => event.data.eventId);
}

function add(
  processor: StreamCommandProcessor<AddTag, TagAdded, Tags, undefined>,
  stream: string,
  tag: string,
  eventId?: string,
) {
  return processor.submit({
    stream,
    command: { type: 'AddTag', tag, ...(eventId !== undefined && { eventId }) },
    context: () => Promise.resolve(undefined),
    actor,
    correlationId: uuidv4(),
  });
}

describe('StreamCommandProcessor on a real SQLite store', () => {
  let store: EventStore;
  beforeEach(() => {
    store = freshSqliteStore().store;
  });
  afterEach(async () => {
    await store.close();
  });

  async function stored(stream: string) {
    const events = [];
    for await (const event of store.readStream(stream)) events.push(event);
    return events;
  }

  it('decides many concurrent commands on one stream in turns: every answer matches what is stored', async () => {
    const processor = processorOn(store);
    const answers = await Promise.all(
      Array.from({ length: 300 }, (_, i) => add(processor, 's-1', `t${String(i)}`)),
    );
    const events = await stored('s-1');
    expect(events).toHaveLength(300);
    for (const answer of answers) {
      const event = events[answer.revision];
      expect(event?.id).toBe(answer.eventIds[0]);
      expect(event?.position).toBe(answer.position);
    }
    expect(new Set(answers.map((answer) => answer.revision)).size).toBe(300);
  });

  it('sees an append by another writer through the expected revision, and decides again on it (never commits a turn decided on a state that failed to commit)', async () => {
    const processor = processorOn(store);
    await add(processor, 's-2', 'a');
    // Another process (here: the store directly) appends to the stream the processor has cached.
    await store.append('s-2', [
      {
        id: uuidv4(),
        type: 'TagAdded',
        data: { tag: 'b', eventId: 'x' },
        metadata: { actor, correlationId: 'c', causationId: null, schemaVersion: 1 },
      },
    ]);
    const [first, second] = await Promise.allSettled([
      add(processor, 's-2', 'b'),
      add(processor, 's-2', 'c'),
    ]);
    expect(first.status).toBe('rejected');
    expect((first as PromiseRejectedResult).reason).toBeInstanceOf(DomainRejection);
    if (second.status === 'rejected') throw second.reason;
    expect(second).toMatchObject({ status: 'fulfilled', value: { revision: 2 } });
    expect((await stored('s-2')).map((event) => event.data.tag)).toEqual(['a', 'b', 'c']);
  });

  it('a command whose event id is stored elsewhere is refused alone; the commands queued with it land', async () => {
    const processor = processorOn(store);
    const taken = uuidv4();
    await add(processor, 'elsewhere', 'z', taken);
    const results = await Promise.allSettled([
      add(processor, 's-3', 'a'),
      add(processor, 's-3', 'b', taken),
      add(processor, 's-3', 'c'),
      add(processor, 's-3', 'd'),
    ]);
    expect(results.map((result) => result.status)).toEqual([
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
    ]);
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(DuplicateEventIdError);
    expect((await stored('s-3')).map((event) => event.data.tag)).toEqual(['a', 'c', 'd']);
  });

  it('If-Match: of concurrent commands expecting the same revision exactly one lands', async () => {
    const processor = processorOn(store);
    await add(processor, 's-4', 'a');
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        processor.submit({
          stream: 's-4',
          command: { type: 'AddTag', tag: `t${String(i)}` },
          context: () => Promise.resolve(undefined),
          expectedRevision: 0,
          actor,
          correlationId: 'c',
        }),
      ),
    );
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    expect(await stored('s-4')).toHaveLength(2);
  });

  it('a failure before the append (the context cannot be read) refuses the commands taken, and the stream goes on', async () => {
    const processor = processorOn(store);
    const broken = processor.submit({
      stream: 's-5',
      command: { type: 'AddTag', tag: 'a' },
      context: () => Promise.reject(new Error('store blip')),
      actor,
      correlationId: 'c',
    });
    await expect(broken).rejects.toThrow('store blip');
    await expect(add(processor, 's-5', 'b')).resolves.toMatchObject({ revision: 0 });
  });

  it('commands queued together never make an append larger than the store accepts', async () => {
    const processor = processorOn(store);
    const big = (tag: string) =>
      processor.submit({
        stream: 's-6',
        command: { type: 'AddTag', tag, copies: 4_000 },
        context: () => Promise.resolve(undefined),
        actor,
        correlationId: 'c',
      });
    const answers = await Promise.all([big('x'), big('y'), big('z')]);
    expect(answers.map((answer) => answer.eventIds.length)).toEqual([4_000, 4_000, 4_000]);
    expect(await stored('s-6')).toHaveLength(12_000);
  });

  it('an append the store reports as already stored (written by another instance) is not taken as ours', async () => {
    const first = processorOn(store);
    const second = processorOn(store);
    await add(second, 's-7', 'seed');
    const eventId = uuidv4();
    // The first instance writes X; the second, one event behind, tries to write X for another tag.
    await add(first, 's-7', 'a', eventId);
    await expect(add(second, 's-7', 'b', eventId)).rejects.toBeInstanceOf(DuplicateEventIdError);
    expect((await stored('s-7')).map((event) => event.data.tag)).toEqual(['seed', 'a']);
  });

  it('an If-Match ahead of the cache (from another instance) is checked against the store', async () => {
    const first = processorOn(store);
    const second = processorOn(store);
    await add(second, 's-8', 'a');
    await add(first, 's-8', 'b');
    await expect(
      second.submit({
        stream: 's-8',
        command: { type: 'AddTag', tag: 'c' },
        context: () => Promise.resolve(undefined),
        expectedRevision: 1,
        actor,
        correlationId: 'c',
      }),
    ).resolves.toMatchObject({ revision: 2 });
  });
});
