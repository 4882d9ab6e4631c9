import {
  ANCHOR_STREAM,
  canonicalJson,
  computeEventHash,
  DuplicateEventIdError,
  GENESIS_HASH,
  InvalidAppendError,
  toObservable,
  verifyInclusionProof,
  WrongExpectedRevisionError,
  type LedgerEventStore,
  type ReadAllForProjectionOptions,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
} from '@ledger/event-store';
import { firstValueFrom, take as takeFirst, toArray } from 'rxjs';
import { ACTOR, collect, event, events, namespace, take } from './contract-fixtures';

/**
 * The one contract every adapter passes unchanged (DESIGN.md "The event store"). Each test uses
 * its own stream namespace and filters reads of $all by it, so it holds on a shared server too.
 */
export function eventStoreContract(openStore: () => Promise<LedgerEventStore>): void {
  let store: LedgerEventStore;
  let ns: string;

  beforeEach(async () => {
    store = await openStore();
    ns = namespace();
  });
  afterEach(async () => {
    await store.close();
  });

  const readStream = (stream: string, options?: ReadStreamOptions) =>
    collect(store.readStream(stream, options));
  const readMine = (options: ReadAllOptions = {}) =>
    collect(store.readAll({ ...options, filter: { streamPrefixes: [ns], ...options.filter } }));

  describe('append and read back', () => {
    it('stores data and metadata, numbers revisions from 0 and stamps recordedAt, prevHash and hash', async () => {
      const before = Date.now();
      const result = await store.append(`${ns}a`, [
        event('ServiceRecorded', { enterprise: '91500000MA5U000000', amountFen: 120_00 }),
        event('SatisfactionRated', { rating: '很满意' }),
      ]);
      expect(result).toMatchObject({
        stream: `${ns}a`,
        firstRevision: 0,
        nextExpectedRevision: 1,
        idempotent: false,
      });
      const read = await readStream(`${ns}a`);
      expect(read.map((e) => [e.revision, e.type])).toEqual([
        [0, 'ServiceRecorded'],
        [1, 'SatisfactionRated'],
      ]);
      expect(read[0]?.data).toEqual({ enterprise: '91500000MA5U000000', amountFen: 12000 });
      expect(read[1]?.data).toEqual({ rating: '很满意' });
      expect(read[0]?.metadata).toMatchObject({
        actor: ACTOR,
        causationId: null,
        schemaVersion: 1,
        prevHash: GENESIS_HASH,
      });
      expect(read[1]?.metadata.prevHash).toBe(read[0]?.metadata.hash);
      expect(read[0]?.metadata.hash).toMatch(/^[0-9a-f]{64}$/);
      const recordedAt = Date.parse(read[0]?.metadata.recordedAt ?? '');
      expect(recordedAt).toBeGreaterThanOrEqual(before - 1_000);
      expect(read[0]?.position).toBe(result.firstPosition);
      expect(read[1]?.position).toBe(result.lastPosition);
    });

    it('hashes the RFC 8785 canonical JSON of {stream, revision, type, data, metadata without hash}', async () => {
      await store.append(`${ns}h`, [
        event('T', { z: 1, a: [1.5, 'x', { b: true, '10': null, '9': 'n' }], m: 'ü€' }),
      ]);
      const [recorded] = await readStream(`${ns}h`);
      if (recorded === undefined) throw new Error('missing');
      const { hash, ...metadataWithoutHash } = recorded.metadata;
      const whole = canonicalJson({
        stream: recorded.stream,
        revision: recorded.revision,
        type: recorded.type,
        data: recorded.data,
        metadata: metadataWithoutHash,
      });
      const { createHash } = await import('node:crypto');
      expect(createHash('sha256').update(whole).digest('hex')).toBe(hash);
    });

    it('keeps an idempotency record in the hashed metadata, and refuses a malformed one', async () => {
      const idempotency = { key: 'import-7 请求', requestSha256: 'ab'.repeat(32) };
      const withKey = event('T', { n: 1 });
      await store.append(`${ns}i`, [
        { ...withKey, metadata: { ...withKey.metadata, idempotency } },
      ]);
      const [recorded] = await readStream(`${ns}i`);
      expect(recorded?.metadata.idempotency).toEqual(idempotency);
      expect((await store.verify({ stream: `${ns}i` })).ok).toBe(true);
      const malformed = { ...withKey.metadata, idempotency: { key: 'k', requestSha256: 'nope' } };
      await expect(
        store.append(`${ns}i`, [{ ...event('T'), metadata: malformed }]),
      ).rejects.toMatchObject({
        code: 'INVALID_APPEND',
        field: 'events[0].metadata.idempotency.requestSha256',
      });
    });

    it('reads nothing from a stream that does not exist', async () => {
      expect(await readStream(`${ns}missing`)).toEqual([]);
    });
  });

  describe('expected revision', () => {
    it('no_stream succeeds only on a new stream', async () => {
      await store.append(`${ns}s`, [event('A')], { expectedRevision: 'no_stream' });
      const failure = store.append(`${ns}s`, [event('B')], { expectedRevision: 'no_stream' });
      await expect(failure).rejects.toBeInstanceOf(WrongExpectedRevisionError);
      await expect(failure).rejects.toMatchObject({
        expected: 'no_stream',
        actual: 0,
        stream: `${ns}s`,
      });
    });

    it('stream_exists fails on a new stream and succeeds on an existing one', async () => {
      await expect(
        store.append(`${ns}s`, [event('A')], { expectedRevision: 'stream_exists' }),
      ).rejects.toMatchObject({
        code: 'WRONG_EXPECTED_REVISION',
        expected: 'stream_exists',
        actual: 'no_stream',
      });
      await store.append(`${ns}s`, [event('A')]);
      await expect(
        store.append(`${ns}s`, [event('B')], { expectedRevision: 'stream_exists' }),
      ).resolves.toMatchObject({ nextExpectedRevision: 1 });
    });

    it('a number must equal the current revision, and a wrong one writes nothing', async () => {
      await store.append(`${ns}s`, events(2), { expectedRevision: 'no_stream' });
      await store.append(`${ns}s`, [event('C')], { expectedRevision: 1 });
      await expect(
        store.append(`${ns}s`, events(3), { expectedRevision: 1 }),
      ).rejects.toMatchObject({ expected: 1, actual: 2 });
      await expect(
        store.append(`${ns}new`, [event('X')], { expectedRevision: 0 }),
      ).rejects.toMatchObject({ expected: 0, actual: 'no_stream' });
      expect((await readStream(`${ns}s`)).length).toBe(3);
      expect(await readStream(`${ns}new`)).toEqual([]);
    });

    it('any always appends at the end', async () => {
      await store.append(`${ns}s`, [event('A')], { expectedRevision: 'any' });
      const second = await store.append(`${ns}s`, [event('B')], { expectedRevision: 'any' });
      expect(second.nextExpectedRevision).toBe(1);
    });

    it('of concurrent appends with the same expected revision exactly one wins', async () => {
      await store.append(`${ns}race`, [event('Opened')]);
      const attempts = await Promise.allSettled(
        Array.from({ length: 20 }, () =>
          store.append(`${ns}race`, [event('Raced')], { expectedRevision: 0 }),
        ),
      );
      expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
      const rejected = attempts.filter((a): a is PromiseRejectedResult => a.status === 'rejected');
      expect(rejected).toHaveLength(19);
      for (const r of rejected) expect(r.reason).toBeInstanceOf(WrongExpectedRevisionError);
      expect((await readStream(`${ns}race`)).length).toBe(2);
    });
  });

  describe('idempotency by event id', () => {
    it('re-appending the same ids at the same place succeeds once, without duplicates', async () => {
      const batch = events(2);
      const first = await store.append(`${ns}i`, batch, { expectedRevision: 'no_stream' });
      const retry = await store.append(`${ns}i`, batch, { expectedRevision: 'no_stream' });
      expect(retry).toMatchObject({
        idempotent: true,
        firstRevision: 0,
        nextExpectedRevision: 1,
        firstPosition: first.firstPosition,
        lastPosition: first.lastPosition,
      });
      const retryAny = await store.append(`${ns}i`, batch, { expectedRevision: 'any' });
      expect(retryAny.idempotent).toBe(true);
      await store.append(`${ns}i`, [event('Next')], { expectedRevision: 1 });
      const numericRetry = await store.append(`${ns}i`, batch, { expectedRevision: 'no_stream' });
      expect(numericRetry.idempotent).toBe(true);
      expect((await readStream(`${ns}i`)).length).toBe(3);
    });

    it('the same id at a different position is a conflict and writes nothing', async () => {
      const [a, b] = events(2);
      if (a === undefined || b === undefined) throw new Error('fixture');
      await store.append(`${ns}i`, [a, b]);
      if (store.adapter.uniqueEventIdsAcrossStreams) {
        await expect(store.append(`${ns}other`, [a])).rejects.toBeInstanceOf(DuplicateEventIdError);
      }
      await expect(store.append(`${ns}i`, [a], { expectedRevision: 1 })).rejects.toMatchObject({
        code: 'DUPLICATE_EVENT_ID',
        eventId: a.id,
        existingStream: `${ns}i`,
        existingRevision: 0,
      });
      await expect(store.append(`${ns}i`, [b, event('New')])).rejects.toBeInstanceOf(
        DuplicateEventIdError,
      );
      expect((await readStream(`${ns}i`)).length).toBe(2);
      expect(await readStream(`${ns}other`)).toEqual([]);
    });
  });

  describe('atomic batches', () => {
    it('an invalid event anywhere in a batch rejects the whole batch', async () => {
      const batch = events(3);
      const broken = [batch[0], { ...batch[1], id: 'not-a-uuid' }, batch[2]] as typeof batch;
      await expect(store.append(`${ns}b`, broken)).rejects.toMatchObject({
        code: 'INVALID_APPEND',
        field: 'events[1].id',
      });
      const nonFinite = [
        batch[0],
        { ...batch[1], data: { amountFen: Number.NaN } },
      ] as typeof batch;
      await expect(store.append(`${ns}b`, nonFinite)).rejects.toMatchObject({
        field: 'events[1].data.amountFen',
      });
      const duplicated = [batch[0], batch[0]] as typeof batch;
      await expect(store.append(`${ns}b`, duplicated)).rejects.toBeInstanceOf(InvalidAppendError);
      await expect(store.append(`$system`, batch)).rejects.toMatchObject({ field: 'stream' });
      expect(await readStream(`${ns}b`)).toEqual([]);
    });

    it('a batch becomes visible all at once, in order, at consecutive revisions', async () => {
      await store.append(`${ns}b`, events(500));
      const read = await readStream(`${ns}b`);
      expect(read.map((e) => e.revision)).toEqual(Array.from({ length: 500 }, (_, i) => i));
      expect(read.map((e) => e.data.index)).toEqual(Array.from({ length: 500 }, (_, i) => i));
    });
  });

  describe('large appends', () => {
    it('commits the largest append allowed (10,000 events) and a group commit of 100 concurrent 100-event appends', async () => {
      const largest = await store.append(
        `${ns}max`,
        events(10_000, 'ServiceRecorded', { note: 'x'.repeat(100) }),
      );
      expect(largest.nextExpectedRevision).toBe(9_999);
      const concurrent = await Promise.all(
        Array.from({ length: 100 }, (_, i) => store.append(`${ns}many-${i}`, events(100))),
      );
      expect(concurrent.every((result) => result.nextExpectedRevision === 99)).toBe(true);
      expect((await readMine({ filter: { streamPrefixes: [`${ns}many-`] } })).length).toBe(10_000);
      await expect(store.verify({ stream: `${ns}max` })).resolves.toMatchObject({
        ok: true,
        eventsChecked: 10_000,
      });
    });
  });

  describe('reading streams', () => {
    beforeEach(async () => {
      await store.append(`${ns}r`, events(10));
    });

    it('reads forwards from a revision with a maximum count', async () => {
      expect(
        (await readStream(`${ns}r`, { fromRevision: 3, maxCount: 2 })).map((e) => e.revision),
      ).toEqual([3, 4]);
      expect((await readStream(`${ns}r`, { fromRevision: 8 })).map((e) => e.revision)).toEqual([
        8, 9,
      ]);
      expect(await readStream(`${ns}r`, { fromRevision: 10 })).toEqual([]);
    });

    it('reads backwards from the end or from a revision', async () => {
      expect(
        (await readStream(`${ns}r`, { direction: 'backwards', maxCount: 3 })).map(
          (e) => e.revision,
        ),
      ).toEqual([9, 8, 7]);
      expect(
        (await readStream(`${ns}r`, { direction: 'backwards', fromRevision: 2 })).map(
          (e) => e.revision,
        ),
      ).toEqual([2, 1, 0]);
      expect(
        (
          await readStream(`${ns}r`, { direction: 'backwards', fromRevision: 'end', maxCount: 1 })
        )[0]?.revision,
      ).toBe(9);
    });
  });

  describe('reading all', () => {
    beforeEach(async () => {
      await store.append(`${ns}x-1`, [event('ServiceRecorded'), event('SatisfactionRated')]);
      await store.append(`${ns}y-1`, [event('FinancingDealRecorded')]);
      await store.append(`${ns}x-2`, [event('ServiceRecorded')]);
    });

    it('reads in global order forwards and backwards, from an inclusive position, with a maximum count', async () => {
      const all = await readMine();
      expect(all.map((e) => e.type)).toEqual([
        'ServiceRecorded',
        'SatisfactionRated',
        'FinancingDealRecorded',
        'ServiceRecorded',
      ]);
      const positions = all.map((e) => e.position);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      const backwards = await readMine({ direction: 'backwards' });
      expect(backwards.map((e) => e.id)).toEqual([...all].reverse().map((e) => e.id));
      const fromThird = await readMine({ fromPosition: positions[2] });
      expect(fromThird.map((e) => e.id)).toEqual(all.slice(2).map((e) => e.id));
      const two = await readMine({ fromPosition: positions[1], maxCount: 2 });
      expect(two.map((e) => e.id)).toEqual(all.slice(1, 3).map((e) => e.id));
      const backFromSecond = await readMine({ direction: 'backwards', fromPosition: positions[1] });
      expect(backFromSecond.map((e) => e.id)).toEqual([all[1]?.id, all[0]?.id]);
    });

    it('filters by event type and by stream prefix', async () => {
      const services = await readMine({ filter: { eventTypes: ['ServiceRecorded'] } });
      expect(services.map((e) => e.stream)).toEqual([`${ns}x-1`, `${ns}x-2`]);
      const ys = await collect(store.readAll({ filter: { streamPrefixes: [`${ns}y-`] } }));
      expect(ys.map((e) => e.type)).toEqual(['FinancingDealRecorded']);
      const both = await collect(
        store.readAll({
          filter: {
            streamPrefixes: [`${ns}x-`, `${ns}y-`],
            eventTypes: ['SatisfactionRated', 'FinancingDealRecorded'],
          },
        }),
      );
      expect(both.map((e) => e.type)).toEqual(['SatisfactionRated', 'FinancingDealRecorded']);
    });

    it('reads the same events for projections, in non-empty pages, with recordedAt alone as metadata', async () => {
      const readForProjection = async (options: ReadAllForProjectionOptions = {}) => {
        const pages = await collect(
          store.readAllForProjection({
            ...options,
            filter: { streamPrefixes: [ns], ...options.filter },
          }),
        );
        expect(pages.every((page) => page.length > 0)).toBe(true);
        return pages.flat();
      };
      const asFolded = (recorded: readonly RecordedEvent[]) =>
        recorded.map(({ metadata, ...rest }) => ({
          ...rest,
          metadata: { recordedAt: metadata.recordedAt },
        }));
      const all = await readMine();
      expect(await readForProjection()).toEqual(asFolded(all));
      const positions = all.map((e) => e.position);
      for (const options of [
        { fromPosition: positions[1], maxCount: 2 },
        { direction: 'backwards' as const },
        { direction: 'backwards' as const, fromPosition: positions[2] },
        { filter: { eventTypes: ['ServiceRecorded'] } },
      ]) {
        expect(await readForProjection(options)).toEqual(asFolded(await readMine(options)));
      }
      const withHashes = { verifyHashes: true } as unknown as ReadAllForProjectionOptions;
      expect(() => store.readAllForProjection(withHashes)).toThrow(
        expect.objectContaining({ code: 'INVALID_OPTION', field: 'options.verifyHashes' }) as Error,
      );
    });

    it('verifies each hash while reading when asked', async () => {
      const verified = await collect(
        store.readAll({ verifyHashes: true, filter: { streamPrefixes: [ns] } }),
      );
      expect(verified).toHaveLength(4);
    });
  });

  describe('catch-up subscription', () => {
    it('delivers history then live events in global order, and resumes from a checkpoint without gaps or duplicates', async () => {
      await store.append(`${ns}sub-1`, events(3));
      await store.append(`${ns}other-1`, events(2), { expectedRevision: 'no_stream' });
      const filter = { streamPrefixes: [`${ns}sub-`] };
      const subscription = store.subscribeToAll({ filter });
      const iterator = subscription[Symbol.asyncIterator]();
      const received: RecordedEvent[] = [];
      const next = async (): Promise<RecordedEvent> => {
        const result = await iterator.next();
        if (result.done === true) throw new Error('subscription ended');
        received.push(result.value);
        return result.value;
      };
      for (let i = 0; i < 3; i += 1) await next();
      const live = store.append(`${ns}sub-2`, events(2));
      await next();
      await next();
      await live;
      expect(received.map((e) => [e.stream, e.revision])).toEqual([
        [`${ns}sub-1`, 0],
        [`${ns}sub-1`, 1],
        [`${ns}sub-1`, 2],
        [`${ns}sub-2`, 0],
        [`${ns}sub-2`, 1],
      ]);
      const checkpoint = subscription.checkpoint;
      expect(checkpoint).toBe(received[4]?.position);
      subscription.close();
      await iterator.return?.();

      await store.append(`${ns}sub-3`, events(2));
      const resumed = store.subscribeToAll({ fromPosition: checkpoint, filter });
      const after = await take(resumed, 2);
      resumed.close();
      expect(after.map((e) => [e.stream, e.revision])).toEqual([
        [`${ns}sub-3`, 0],
        [`${ns}sub-3`, 1],
      ]);
      expect(new Set([...received, ...after].map((e) => e.id)).size).toBe(7);
    });

    it('advances its checkpoint past filtered-out events', async () => {
      await store.append(`${ns}keep`, [event('Kept')]);
      await store.append(`${ns}skip`, events(5, 'Skipped'));
      const subscription = store.subscribeToAll({
        filter: { eventTypes: ['Kept'], streamPrefixes: [ns] },
      });
      const iterator = subscription[Symbol.asyncIterator]();
      const first = await iterator.next();
      expect(first.value).toMatchObject({ type: 'Kept' });
      const pending = iterator.next();
      await store.append(`${ns}keep`, [event('Kept')]);
      const second = await pending;
      expect(second.value).toMatchObject({ type: 'Kept', revision: 1 });
      expect(subscription.checkpoint).toBe((second.value as RecordedEvent).position);
      subscription.close();
      await iterator.return?.();
    });
  });

  describe('rxjs', () => {
    it('toObservable delivers the subscription as an Observable and unsubscribing closes it', async () => {
      await store.append(`${ns}rx`, events(3));
      const subscription = store.subscribeToAll({ filter: { streamPrefixes: [ns] } });
      const received = await firstValueFrom(
        toObservable(subscription).pipe(takeFirst(3), toArray()),
      );
      expect(received.map((e) => e.revision)).toEqual([0, 1, 2]);
      await store.append(`${ns}rx`, events(1));
      await new Promise((resolve) => setTimeout(resolve, 50));
      await expect(subscription[Symbol.asyncIterator]().next()).resolves.toMatchObject({
        done: true,
      });
    });
  });

  describe('bad read options', () => {
    it('are refused with the option at fault, never read as something else', async () => {
      const checkpointFromText = { fromPosition: '5' } as unknown as { fromPosition: number };
      expect(() => store.subscribeToAll(checkpointFromText)).toThrow(
        expect.objectContaining({ code: 'INVALID_OPTION', field: 'fromPosition' }) as Error,
      );
      expect(() => store.readAll({ fromPosition: Number.NaN })).toThrow(
        expect.objectContaining({ field: 'fromPosition' }) as Error,
      );
      expect(() => store.readStream(`${ns}s`, { fromRevision: 1.5 })).toThrow(
        expect.objectContaining({ field: 'fromRevision' }) as Error,
      );
      expect(() => store.readAll({ maxCount: -1 })).toThrow(
        expect.objectContaining({ field: 'maxCount' }) as Error,
      );
      const typesAsText = { filter: { eventTypes: 'T' } } as unknown as ReadAllOptions;
      expect(() => store.readAll(typesAsText)).toThrow(
        expect.objectContaining({ field: 'filter.eventTypes' }) as Error,
      );
      const sideways = { direction: 'sideways' } as unknown as ReadAllOptions;
      expect(() => store.readAll(sideways)).toThrow(
        expect.objectContaining({ field: 'direction' }) as Error,
      );
      expect(() => store.readAll(null)).not.toThrow();
      const misspelt = { filter: { streamPrefix: [ns] } } as unknown as ReadAllOptions;
      expect(() => store.readAll(misspelt)).toThrow(
        expect.objectContaining({ field: 'filter.streamPrefix' }) as Error,
      );
      const oldName = { afterPosition: 2 } as unknown as { fromPosition: number };
      expect(() => store.subscribeToAll(oldName)).toThrow(
        expect.objectContaining({ field: 'options.afterPosition' }) as Error,
      );
      const textFlag = { verifyHashes: 'true' } as unknown as ReadAllOptions;
      expect(() => store.readAll(textFlag)).toThrow(
        expect.objectContaining({ field: 'verifyHashes' }) as Error,
      );
      await expect(
        store.verify({ stream: 5 } as unknown as { stream: string }),
      ).rejects.toMatchObject({ field: 'stream' });
      await expect(store.append('bad\uD800', events(1))).rejects.toMatchObject({
        code: 'INVALID_APPEND',
        field: 'stream',
      });
    });
  });

  describe('closing the store', () => {
    it('ends live subscriptions cleanly instead of failing them', async () => {
      await store.append(`${ns}live`, events(1));
      const subscription = store.subscribeToAll({ filter: { streamPrefixes: [ns] } });
      const iterator = subscription[Symbol.asyncIterator]();
      expect((await iterator.next()).done).toBe(false);
      const waiting = iterator.next();
      await store.close();
      await expect(waiting).resolves.toMatchObject({ done: true });
      store = await openStore();
    });
  });

  describe('global order under concurrency', () => {
    it('keeps positions increasing and every stream contiguous when 20 callers append at once', async () => {
      const callers = Array.from({ length: 20 }, (_, caller) =>
        (async () => {
          for (let i = 0; i < 10; i += 1) {
            await store.append(`${ns}p-${caller}`, events(1 + (i % 3)));
            await store.append(`${ns}shared`, [event('Shared', { caller, i })], {
              expectedRevision: 'any',
            });
          }
        })(),
      );
      await Promise.all(callers);
      const all = await readMine();
      expect(all.length).toBe(20 * (1 + 2 + 3) * 3 + 20 * 1 + 200);
      const positions = all.map((e) => e.position);
      for (let i = 1; i < positions.length; i += 1)
        expect(positions[i]).toBeGreaterThan(positions[i - 1] ?? 0);
      const revisions = new Map<string, number[]>();
      for (const e of all)
        revisions.set(e.stream, [...(revisions.get(e.stream) ?? []), e.revision]);
      for (const list of revisions.values()) expect(list).toEqual(list.map((_, i) => i));
      if (store.adapter.gapFreePositions) {
        const everything = await collect(store.readAll());
        expect(everything.map((e) => e.position)).toEqual(everything.map((_, i) => i + 1));
      }
    });
  });

  describe('a 100,000-event stream', () => {
    it('appends in batches, reads forwards and backwards, and verifies', async () => {
      const stream = `${ns}big`;
      for (let batch = 0; batch < 100; batch += 1) {
        await store.append(
          stream,
          events(1_000, 'ServiceRecorded', { batch, note: 'x'.repeat(200) }),
          { expectedRevision: batch === 0 ? 'no_stream' : batch * 1_000 - 1 },
        );
      }
      let count = 0;
      for await (const e of store.readStream(stream)) {
        if (e.revision !== count) throw new Error(`revision ${e.revision} at ${count}`);
        count += 1;
      }
      expect(count).toBe(100_000);
      const [last] = await readStream(stream, { direction: 'backwards', maxCount: 1 });
      expect(last?.revision).toBe(99_999);
      expect(
        (await readStream(stream, { fromRevision: 54_321, maxCount: 1 }))[0]?.data,
      ).toMatchObject({ batch: 54, index: 321 });
      await expect(store.verify({ stream })).resolves.toMatchObject({
        ok: true,
        eventsChecked: 100_000,
      });
    });
  });

  describe('hash chain and anchors', () => {
    it('chains every stream from the genesis hash and verifies it', async () => {
      await store.append(`${ns}c-1`, events(5));
      await store.append(`${ns}c-2`, events(3));
      await store.append(`${ns}c-1`, events(2));
      const stream = await readStream(`${ns}c-1`);
      stream.forEach((e, i) => {
        expect(e.metadata.prevHash).toBe(i === 0 ? GENESIS_HASH : stream[i - 1]?.metadata.hash);
        const { hash, prevHash } = e.metadata;
        expect(hash).not.toBe(prevHash);
      });
      const recorded = stream.map((e) => Date.parse(e.metadata.recordedAt));
      expect([...recorded].sort((a, b) => a - b)).toEqual(recorded);
      await expect(store.verify({ stream: `${ns}c-1` })).resolves.toMatchObject({
        ok: true,
        eventsChecked: 7,
      });
      await expect(store.verify()).resolves.toMatchObject({ ok: true });
      expect(computeEventHash).toBeDefined();
    });

    it('anchors a Merkle root over all stream heads and proves a head is included under it', async () => {
      await store.append(`${ns}m-1`, events(3));
      await store.append(`${ns}m-2`, events(1));
      await store.append(`${ns}m-3`, events(2));
      const anchor = await store.anchor(ACTOR);
      expect(anchor.root).toMatch(/^[0-9a-f]{64}$/);
      expect(anchor.streamCount).toBeGreaterThanOrEqual(3);
      expect(anchor.eventPosition).toBeGreaterThan(anchor.anchoredPosition);
      await store.append(`${ns}m-2`, events(4));

      const proof = await store.proveInclusion(`${ns}m-2`, anchor.anchoredPosition);
      expect(proof.head.revision).toBe(0);
      expect(verifyInclusionProof(proof, anchor.root)).toBe(true);
      expect(
        verifyInclusionProof({ ...proof, head: { ...proof.head, revision: 4 } }, anchor.root),
      ).toBe(false);
      expect(verifyInclusionProof(proof, 'f'.repeat(64))).toBe(false);

      const anchors = await store.anchors();
      expect(anchors.map((a) => a.root)).toContain(anchor.root);
      const anchorStream = await readStream(ANCHOR_STREAM);
      expect(anchorStream.length).toBeGreaterThanOrEqual(1);
      const report = await store.verify();
      expect(report).toMatchObject({ ok: true });
      if (report.ok) expect(report.anchorsChecked).toBeGreaterThanOrEqual(1);
    });
  });
}
