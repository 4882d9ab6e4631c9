import {
  ANY,
  END,
  MaxAppendSizeExceededError,
  NO_STREAM,
  START,
  STREAM_EXISTS,
  UnavailableError,
  WrongExpectedVersionError,
  type Position,
  type ReadPosition,
  type ResolvedEvent,
} from '@eventstore/db-client';
// The client's own decoder for what the server sends: the exact bytes must survive it.
import { convertGrpcEvent } from '@eventstore/db-client/dist/utils/convertGrpcEvent';
import { ReadResp } from '@eventstore/db-client/generated/streams_pb';
import { StreamIdentifier, UUID } from '@eventstore/db-client/generated/shared_pb';
import { v4 as uuidv4 } from 'uuid';
import { planBatch } from '../append/plan-batch';
import { prepareAppend } from '../append/prepare-append';
import { computeEventHash } from '../chain/event-hash';
import { LedgerEventStore } from '../ledger-event-store';
import {
  InvalidAppendError,
  StoreUnavailableError,
  WrongExpectedRevisionError,
} from '../port/errors';
import type { StoredEvent } from '../port/types';
import { EsdbEventStoreAdapter } from './esdb-event-store-adapter';
import {
  backwardsReadPlan,
  comparePositions,
  decodeMetadata,
  encodeMetadata,
  forwardsReadPlan,
  isPastBound,
  isSystemEvent,
  toActualRevision,
  toClientExpectedRevision,
  toClientFilter,
  toEventData,
  toLedgerPosition,
  toStoredEvent,
  toStoreError,
  toWrongExpectedRevisionError,
} from './esdb-mapping';

const at = (offset: bigint): Position => ({ commit: offset, prepare: offset });

describe('expected and actual revisions', () => {
  it('maps the port expectation to the client constants', () => {
    expect(toClientExpectedRevision('any')).toBe(ANY);
    expect(toClientExpectedRevision('no_stream')).toBe(NO_STREAM);
    expect(toClientExpectedRevision('stream_exists')).toBe(STREAM_EXISTS);
    expect(toClientExpectedRevision(0)).toBe(0n);
    expect(toClientExpectedRevision(41)).toBe(41n);
  });

  it('reads the actual revision the server reports, -1 meaning no stream', () => {
    expect(toActualRevision(NO_STREAM)).toBe('no_stream');
    expect(toActualRevision(-1n)).toBe('no_stream');
    expect(toActualRevision(0n)).toBe(0);
    expect(toActualRevision(99_999n)).toBe(99_999);
    expect(() => toActualRevision(2n ** 60n)).toThrow(RangeError);
  });

  it("turns the client's WrongExpectedVersionError into the caller's WrongExpectedRevisionError", () => {
    const moved = new WrongExpectedVersionError(undefined, {
      streamName: 'platformyear-p1_2025',
      expected: 3n,
      current: 5n,
    });
    const error = toWrongExpectedRevisionError(moved, 'platformyear-p1_2025', 3);
    expect(error).toBeInstanceOf(WrongExpectedRevisionError);
    expect(error).toMatchObject({
      code: 'WRONG_EXPECTED_REVISION',
      stream: 'platformyear-p1_2025',
      expected: 3,
      actual: 5,
    });
    const gone = new WrongExpectedVersionError(undefined, {
      streamName: 's',
      expected: 0n,
      current: NO_STREAM,
    });
    expect(toWrongExpectedRevisionError(gone, 's', 0)).toMatchObject({
      expected: 0,
      actual: 'no_stream',
    });
  });
});

describe('positions', () => {
  it('doubles the commit position, refusing what is missing or unsafe', () => {
    expect(toLedgerPosition(at(1234n))).toBe(2468);
    expect(() => toLedgerPosition(undefined)).toThrow(/22\.6/);
    expect(() => toLedgerPosition(at(0n))).toThrow(/22\.6/);
    expect(() => toLedgerPosition(at(2n ** 64n - 1n))).toThrow(/22\.6/);
    expect(() => toLedgerPosition(at(2n ** 52n))).toThrow(RangeError);
  });

  it('orders positions by commit, then prepare', () => {
    expect(comparePositions(at(5n), at(7n))).toBe(-1);
    expect(comparePositions({ commit: 7n, prepare: 3n }, { commit: 7n, prepare: 2n })).toBe(1);
    expect(comparePositions(at(7n), at(7n))).toBe(0);
    expect(isPastBound(at(7n), { position: at(7n), inclusive: true })).toBe(true);
    expect(isPastBound(at(7n), { position: at(7n), inclusive: false })).toBe(false);
    expect(isPastBound(at(8n), { position: at(7n), inclusive: false })).toBe(true);
    expect(isPastBound(at(1n), undefined)).toBe(true);
  });

  it('plans reads: even positions are events, odd ones the gap next to them', () => {
    expect(forwardsReadPlan(0)).toEqual({ from: START, lowerBound: undefined });
    expect(forwardsReadPlan(1)).toEqual({
      from: START,
      lowerBound: { position: at(0n), inclusive: false },
    });
    expect(forwardsReadPlan(2468)).toEqual({
      from: at(1234n),
      lowerBound: { position: at(1234n), inclusive: true },
    });
    expect(forwardsReadPlan(2469)).toEqual({
      from: at(1234n),
      lowerBound: { position: at(1234n), inclusive: false },
    });
    expect(forwardsReadPlan(Number.MAX_SAFE_INTEGER)).toEqual({ from: END, lowerBound: undefined });
    expect(backwardsReadPlan(0)).toBeUndefined();
    expect(backwardsReadPlan(2468)).toEqual({ from: at(1234n), includeAt: at(1234n) });
    expect(backwardsReadPlan(2467)).toEqual({ from: at(1234n), includeAt: undefined });
    expect(backwardsReadPlan(Number.MAX_SAFE_INTEGER)).toEqual({ from: END, includeAt: undefined });
  });

  /**
   * A model of ESDB's $all: records at byte offsets, a read may only start at a record boundary
   * ("invalid position" otherwise), forwards includes the record at the start, backwards returns
   * the records that end before it.
   */
  describe('against a model of the transaction log', () => {
    const records = [
      { offset: 0n, system: true }, // epoch record
      { offset: 117n, system: false },
      { offset: 301n, system: true }, // e.g. $stats
      { offset: 480n, system: false },
      { offset: 655n, system: false },
      { offset: 1031n, system: false },
    ];
    const endOfLog = 1400n;
    const boundary = (position: ReadPosition): bigint => {
      if (position === START) return 0n;
      if (position === END) return endOfLog;
      if (position.commit !== endOfLog && !records.some((r) => r.offset === position.commit)) {
        throw new Error(`invalid position ${position.commit.toString()}`);
      }
      return position.commit;
    };
    const serverForwards = (from: ReadPosition) =>
      records.filter((r) => r.offset >= boundary(from));
    const serverBackwards = (from: ReadPosition) =>
      records.filter((r) => r.offset < boundary(from)).reverse();
    const ledger = records.filter((r) => !r.system).map((r) => Number(r.offset) * 2);

    const readForwards = (position: number): number[] => {
      const plan = forwardsReadPlan(position);
      return serverForwards(plan.from)
        .filter((r) => isPastBound(at(r.offset), plan.lowerBound) && !r.system)
        .map((r) => Number(r.offset) * 2);
    };
    const readBackwards = (position: number): number[] => {
      const plan = backwardsReadPlan(position);
      if (plan === undefined) return [];
      const first = plan.includeAt === undefined ? [] : serverForwards(plan.includeAt).slice(0, 1);
      return [
        ...first.filter((r) => r.offset === plan.includeAt?.commit),
        ...serverBackwards(plan.from),
      ]
        .filter((r) => !r.system)
        .map((r) => Number(r.offset) * 2);
    };

    // The starts the ledger produces: 0 / 1 for "from the beginning", an event's position, the
    // gap after it (a checkpoint + 1, a forwards cursor) or before it (a backwards cursor), the end.
    const forwardsStarts = [0, 1, Number.MAX_SAFE_INTEGER, ...ledger, ...ledger.map((p) => p + 1)];
    const backwardsStarts = [0, Number.MAX_SAFE_INTEGER, ...ledger, ...ledger.map((p) => p - 1)];

    it.each(forwardsStarts)(
      'forwards from %d reads exactly the events at or after it',
      (position) => {
        expect(readForwards(position)).toEqual(ledger.filter((p) => p >= position));
      },
    );

    it.each(backwardsStarts)(
      'backwards from %d reads exactly the events at or before it',
      (position) => {
        expect(readBackwards(position)).toEqual(ledger.filter((p) => p <= position).reverse());
      },
    );
  });
});

describe('event bytes', () => {
  const actor = { subject: 'district-500112-clerk-07', role: 'district' };
  const stream = 'platformyear-cq500112-0047_2025';

  function plannedRow(data: Record<string, unknown>): StoredEvent {
    const append = prepareAppend(stream, [
      {
        id: uuidv4(),
        type: 'ServiceRecorded',
        data: data as never,
        metadata: { actor, correlationId: uuidv4(), causationId: null, schemaVersion: 1 },
      },
    ]);
    const plan = planBatch([append], {
      heads: new Map(),
      existingIds: new Map(),
      firstPosition: 0,
      recordedAt: '2025-06-30T08:00:00.000Z',
      positionsHashed: false,
    });
    const [row] = plan.rows;
    if (row === undefined) throw new Error('fixture');
    return row;
  }

  /** What the server sends back for a stored event, decoded by the client's own code. */
  function asReadByTheClient(row: StoredEvent, offset: bigint, revision: number): ResolvedEvent {
    const sent = toEventData(row);
    const recorded = new ReadResp.ReadEvent.RecordedEvent();
    const id = new UUID();
    id.setString(row.id);
    const identifier = new StreamIdentifier();
    identifier.setStreamName(Uint8Array.from(Buffer.from(row.stream, 'utf8')));
    recorded.setId(id);
    recorded.setStreamIdentifier(identifier);
    recorded.setStreamRevision(String(revision));
    recorded.setCommitPosition(offset.toString());
    recorded.setPreparePosition(offset.toString());
    recorded.getMetadataMap().set('type', sent.type);
    recorded.getMetadataMap().set('content-type', sent.contentType);
    recorded.getMetadataMap().set('created', '638555328000000000');
    recorded.setData(sent.data);
    if (!(sent.metadata instanceof Uint8Array)) throw new Error('metadata must travel as bytes');
    recorded.setCustomMetadata(sent.metadata);
    // Through the wire format, as the server's bytes arrive.
    const event = new ReadResp.ReadEvent();
    event.setEvent(recorded);
    event.setCommitPosition(offset.toString());
    return convertGrpcEvent(ReadResp.ReadEvent.deserializeBinary(event.serializeBinary()));
  }

  it('sends binary data and raw metadata bytes, which the client passes through untouched', () => {
    const row = plannedRow({ amountFen: 1_250_000 });
    const sent = toEventData(row);
    expect(sent.contentType).toBe('application/octet-stream');
    expect(sent.id).toBe(row.id);
    expect(Buffer.from(sent.data).toString('utf8')).toBe(row.data);
    // The client writes metadata raw only for a plain Uint8Array; anything else it JSON.stringify's.
    expect(sent.metadata?.constructor).toBe(Uint8Array);
    expect(JSON.parse(Buffer.from(sent.metadata as Uint8Array).toString('utf8'))).toEqual({
      ledger: 1,
      hash: row.hash,
      metadata: row.metadata,
    });
  });

  it('recovers the exact hashed texts through the client, so the hash still verifies', () => {
    const row = plannedRow({
      z: 1,
      a: [1.5, 'x', { b: true, '10': null, '9': 'n' }],
      m: 'ü€ 很满意',
      q: 'quote " backslash \\ line\u2028sep',
      big: 1e21,
      small: 1e-7,
    });
    const stored = toStoredEvent(asReadByTheClient(row, 4242n, 0));
    expect(stored).toEqual({ ...row, position: 8484 });
    if (stored === undefined) throw new Error('unreachable');
    expect(computeEventHash(stored)).toBe(row.hash);
  });

  it('keeps what is not in the ledger layout visible instead of failing the read', () => {
    expect(decodeMetadata({ $correlationId: 'x' })).toEqual({
      metadata: '{"$correlationId":"x"}',
      hash: '',
    });
    expect(decodeMetadata(Uint8Array.from(Buffer.from('not json')))).toEqual({
      metadata: 'not json',
      hash: '',
    });
    expect(decodeMetadata(Buffer.from('host-realm bytes'))).toEqual({
      metadata: 'host-realm bytes',
      hash: '',
    });
    expect(decodeMetadata(undefined)).toEqual({ metadata: '', hash: '' });
    const wrapped = JSON.parse(
      Buffer.from(encodeMetadata('{"a":1}', 'f'.repeat(64))).toString('utf8'),
    ) as unknown;
    expect(decodeMetadata(wrapped)).toEqual({ metadata: '{"a":1}', hash: 'f'.repeat(64) });
  });

  it("skips ESDB's own streams and events", () => {
    expect(isSystemEvent('$stats-127.0.0.1:2113', 'StatsCollected')).toBe(true);
    expect(isSystemEvent('$$platform-1', '$metadata')).toBe(true);
    expect(isSystemEvent('platform-1', '$>')).toBe(true);
    expect(isSystemEvent('platform-1', 'PlatformFiled')).toBe(false);
    expect(toStoredEvent({})).toBeUndefined();
    const row = plannedRow({});
    const read = asReadByTheClient(row, 900n, 3);
    if (read.event === undefined) throw new Error('fixture');
    expect(toStoredEvent({ event: { ...read.event, streamId: '$settings' } })).toBeUndefined();
    expect(toStoredEvent(read)).toMatchObject({ revision: 3, position: 1800 });
  });
});

describe('filters', () => {
  it('pre-filters subscriptions on the server, stream prefixes first, system events never', () => {
    expect(toClientFilter(undefined)).toMatchObject({ filterOn: 'eventType', regex: '^[^$].*' });
    expect(toClientFilter({ streamPrefixes: [], eventTypes: [] })).toMatchObject({
      regex: '^[^$].*',
    });
    expect(
      toClientFilter({ streamPrefixes: ['platform-', 'program-'], eventTypes: ['X'] }),
    ).toMatchObject({
      filterOn: 'streamName',
      prefixes: ['platform-', 'program-'],
    });
    const byType = toClientFilter({ eventTypes: ['ServiceRecorded', 'Rated.v2'] });
    expect(byType).toMatchObject({ filterOn: 'eventType' });
    const regex = new RegExp('regex' in byType ? byType.regex : '');
    expect(['ServiceRecorded', 'Rated.v2'].every((type) => regex.test(type))).toBe(true);
    expect(['ServiceRecordedLate', 'RatedXv2', 'Service'].some((type) => regex.test(type))).toBe(
      false,
    );
  });
});

describe('errors', () => {
  it('maps an unreachable cluster to StoreUnavailableError, keeping the cause', () => {
    const unavailable = new UnavailableError(
      undefined,
      '14 UNAVAILABLE: No connection established',
    );
    const mapped = toStoreError(unavailable);
    expect(mapped).toBeInstanceOf(StoreUnavailableError);
    expect((mapped as StoreUnavailableError).cause).toBe(unavailable);
    const raw = Object.assign(new Error('14 UNAVAILABLE: connect ECONNREFUSED'), { code: 14 });
    expect(toStoreError(raw)).toBeInstanceOf(StoreUnavailableError);
    expect(toStoreError(new Error('Failed to discover after 10 attempts.'))).toBeInstanceOf(
      StoreUnavailableError,
    );
  });

  it("maps the server's append size limit to the caller's InvalidAppendError", () => {
    expect(toStoreError(MaxAppendSizeExceededError.fromMaxAppendSize(1_048_576))).toMatchObject({
      code: 'INVALID_APPEND',
      field: 'events',
    });
    expect(toStoreError(MaxAppendSizeExceededError.fromMaxAppendSize(1))).toBeInstanceOf(
      InvalidAppendError,
    );
  });

  it('leaves other errors alone', () => {
    const ours = new WrongExpectedRevisionError('s', 1, 2);
    expect(toStoreError(ours)).toBe(ours);
    const plain = new TypeError('bug');
    expect(toStoreError(plain)).toBe(plain);
  });
});

describe('against the real client with no server', () => {
  // Port 1 refuses connections at once; the deadline bounds the calls that carry one.
  const nowhere = 'esdb://127.0.0.1:1?tls=false&defaultDeadline=2000';

  it('connect() fails fast with StoreUnavailableError', async () => {
    await expect(
      EsdbEventStoreAdapter.connect({ connectionString: nowhere }),
    ).rejects.toBeInstanceOf(StoreUnavailableError);
  }, 10_000);

  it('an append rejects with StoreUnavailableError and writes nothing', async () => {
    const adapter = await EsdbEventStoreAdapter.connect({
      connectionString: nowhere,
      verifyConnection: false,
    });
    const store = new LedgerEventStore(adapter);
    try {
      const append = store.append('platform-cq500112-0047', [
        {
          id: uuidv4(),
          type: 'PlatformFiled',
          data: { name: '渝北区中小企业公共服务平台' },
          metadata: {
            actor: { subject: 'cli', role: 'admin' },
            correlationId: uuidv4(),
            causationId: null,
            schemaVersion: 1,
          },
        },
      ]);
      await expect(append).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(append).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
      await expect(store.headPosition()).rejects.toBeInstanceOf(StoreUnavailableError);
    } finally {
      await store.close();
    }
  }, 10_000);
});
