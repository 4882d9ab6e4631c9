import { computeEventHash, GENESIS_HASH } from '../chain/event-hash';
import { DuplicateEventIdError, WrongExpectedRevisionError } from '../port/errors';
import type { AppendResult, ExpectedRevision, StoredEvent, StreamHead } from '../port/types';
import {
  idsOfRevisionRejections,
  planBatch,
  type AppendOutcome,
  type BatchContext,
  type ChunkSink,
  type StoredEventRef,
} from './plan-batch';
import { chainedMetadata, prepareAppend, type PreparedAppend } from './prepare-append';

const RECORDED_AT = '2024-10-17T08:30:00.000Z';
const HEAD_HASH = 'c0ffee'.padEnd(64, '0');

/** A deterministic UUID per number, so tests can name events id(1), id(2), … */
function id(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

function append(
  stream: string,
  ids: readonly number[],
  expectedRevision: ExpectedRevision = 'any',
): PreparedAppend {
  return prepareAppend(
    stream,
    ids.map((n) => ({
      id: id(n),
      type: 'ServiceRecorded',
      data: { n },
      metadata: {
        actor: { subject: 'operator-1', role: 'platform' },
        correlationId: `corr-${n}`,
        causationId: null,
        schemaVersion: 1,
      },
    })),
    { expectedRevision },
  );
}

function head(stream: string, revision: number, position: number, hash = HEAD_HASH): StreamHead {
  return { stream, revision, position, hash };
}

function context(
  options: {
    heads?: readonly StreamHead[];
    existing?: readonly (StoredEventRef & { id: number })[];
    firstPosition?: number;
  } = {},
): BatchContext {
  return {
    heads: new Map((options.heads ?? []).map((h) => [h.stream, h])),
    existingIds: new Map(
      (options.existing ?? []).map(({ id: n, ...ref }) => [id(n), ref] as const),
    ),
    firstPosition: options.firstPosition ?? 1,
    positionsHashed: true,
    recordedAt: RECORDED_AT,
  };
}

function resultOf(outcome: AppendOutcome | undefined): AppendResult {
  if (outcome?.ok !== true)
    throw new Error(`expected an ok outcome, got ${JSON.stringify(outcome)}`);
  return outcome.result;
}

function errorOf(outcome: AppendOutcome | undefined): unknown {
  if (outcome === undefined || outcome.ok) {
    throw new Error(`expected a rejected outcome, got ${JSON.stringify(outcome)}`);
  }
  return outcome.error;
}

function expectWrongRevision(
  outcome: AppendOutcome | undefined,
  stream: string,
  expected: ExpectedRevision,
  actual: 'no_stream' | number,
): void {
  const error = errorOf(outcome);
  expect(error).toBeInstanceOf(WrongExpectedRevisionError);
  expect(error).toMatchObject({ stream, expected, actual, code: 'WRONG_EXPECTED_REVISION' });
}

function expectDuplicate(
  outcome: AppendOutcome | undefined,
  eventId: string,
  existingStream: string,
  existingRevision: number,
): void {
  const error = errorOf(outcome);
  expect(error).toBeInstanceOf(DuplicateEventIdError);
  expect(error).toMatchObject({ eventId, existingStream, existingRevision });
}

/** Stored ids of an earlier append: stream `s`, revisions from `revision`, positions from `position`. */
function stored(
  stream: string,
  ids: readonly number[],
  revision: number,
  position: number,
): (StoredEventRef & { id: number })[] {
  return ids.map((n, i) => ({ id: n, stream, revision: revision + i, position: position + i }));
}

describe('planBatch: rows and chaining', () => {
  it('given a new stream, when planned, then rows chain from genesis with hashes over the chained metadata', () => {
    const prepared = append('a', [1, 2, 3], 'no_stream');
    const plan = planBatch([prepared], context({ firstPosition: 10 }));

    expect(plan.rows.map((row) => [row.position, row.revision, row.id])).toEqual([
      [10, 0, id(1)],
      [11, 1, id(2)],
      [12, 2, id(3)],
    ]);
    let prevHash = GENESIS_HASH;
    plan.rows.forEach((row, i) => {
      expect(row.stream).toBe('a');
      expect(row.type).toBe('ServiceRecorded');
      expect(row.data).toBe(`{"n":${i + 1}}`);
      expect(row.metadata).toBe(
        chainedMetadata(prepared.events[i]!, prevHash, RECORDED_AT, row.position),
      );
      expect(row.hash).toBe(computeEventHash(row));
      prevHash = row.hash;
    });
    expect(resultOf(plan.outcomes[0])).toEqual({
      stream: 'a',
      firstRevision: 0,
      nextExpectedRevision: 2,
      firstPosition: 10,
      lastPosition: 12,
      eventIds: [id(1), id(2), id(3)],
      idempotent: false,
    });
    expect([...plan.newHeads.values()]).toEqual([head('a', 2, 12, prevHash)]);
  });

  it('given an existing stream, when planned, then the first row chains from the stored head hash', () => {
    const plan = planBatch([append('a', [1], 4)], context({ heads: [head('a', 4, 9)] }));
    expect(plan.rows[0]!.revision).toBe(5);
    expect(JSON.parse(plan.rows[0]!.metadata)).toMatchObject({ prevHash: HEAD_HASH });
    expect(resultOf(plan.outcomes[0])).toMatchObject({ firstRevision: 5, nextExpectedRevision: 5 });
  });

  it('given several appends in one batch, when planned, then positions are contiguous across them', () => {
    const plan = planBatch(
      [append('a', [1, 2]), append('b', [3]), append('c', [4, 5, 6])],
      context({ firstPosition: 11 }),
    );
    expect(plan.rows.map((row) => row.position)).toEqual([11, 12, 13, 14, 15, 16]);
    expect(plan.outcomes.map((o) => [resultOf(o).firstPosition, resultOf(o).lastPosition])).toEqual(
      [
        [11, 12],
        [13, 13],
        [14, 16],
      ],
    );
  });

  it('given a rejected append in the middle, when planned, then it consumes no positions and writes nothing', () => {
    const plan = planBatch(
      [append('a', [1], 'no_stream'), append('b', [2, 3], 5), append('c', [4], 'no_stream')],
      context({ firstPosition: 1 }),
    );
    expect(plan.rows.map((row) => [row.stream, row.position])).toEqual([
      ['a', 1],
      ['c', 2],
    ]);
    expectWrongRevision(plan.outcomes[1], 'b', 5, 'no_stream');
    expect(resultOf(plan.outcomes[2])).toMatchObject({ firstPosition: 2, lastPosition: 2 });
    expect([...plan.newHeads.keys()]).toEqual(['a', 'c']);
  });

  it('given two appends to the same stream in one batch, when planned, then the second chains on the first', () => {
    const plan = planBatch(
      [append('a', [1, 2], 'no_stream'), append('a', [3, 4], 1)],
      context({ firstPosition: 5 }),
    );
    const [r0, r1, r2, r3] = plan.rows;
    expect(JSON.parse(r2!.metadata)).toMatchObject({ prevHash: r1!.hash });
    expect(JSON.parse(r0!.metadata)).toMatchObject({ prevHash: GENESIS_HASH });
    expect(plan.rows.map((row) => row.revision)).toEqual([0, 1, 2, 3]);
    expect(resultOf(plan.outcomes[1])).toMatchObject({
      firstRevision: 2,
      nextExpectedRevision: 3,
      firstPosition: 7,
      lastPosition: 8,
    });
    expect(plan.newHeads.get('a')).toEqual(head('a', 3, 8, r3!.hash));
  });

  it('given a second append to the same stream expecting no_stream, when planned, then it sees the head left by the first', () => {
    const plan = planBatch(
      [append('a', [1, 2], 'no_stream'), append('a', [3], 'no_stream')],
      context(),
    );
    expectWrongRevision(plan.outcomes[1], 'a', 'no_stream', 1);
    expect(plan.rows).toHaveLength(2);
  });
});

describe('planBatch: expected revisions', () => {
  const existing = head('s', 4, 9);
  const cases: [ExpectedRevision, StreamHead | undefined, 'no_stream' | number | null][] = [
    ['any', undefined, null],
    ['any', existing, null],
    ['no_stream', undefined, null],
    ['no_stream', existing, 4],
    ['stream_exists', existing, null],
    ['stream_exists', undefined, 'no_stream'],
    [4, existing, null],
    [3, existing, 4],
    [5, existing, 4],
    [0, undefined, 'no_stream'],
  ];

  it.each(cases)(
    'given expectedRevision %p and head %j, when planned, then it fails with actual %p (null: passes)',
    (expected, stored, actual) => {
      const plan = planBatch(
        [append('s', [1], expected)],
        context({ heads: stored === undefined ? [] : [stored] }),
      );
      if (actual === null) {
        expect(resultOf(plan.outcomes[0]).firstRevision).toBe(stored === undefined ? 0 : 5);
        expect(plan.rows).toHaveLength(1);
      } else {
        expectWrongRevision(plan.outcomes[0], 's', expected, actual);
        expect(plan.rows).toHaveLength(0);
        expect(plan.newHeads.size).toBe(0);
      }
    },
  );
});

describe('planBatch: idempotent retries and duplicate ids', () => {
  // An earlier append wrote ids 1, 2, 3 to stream s at revisions 0..2, positions 5..7.
  const earlier = stored('s', [1, 2, 3], 0, 5);
  const sHead = head('s', 2, 7);

  it.each<[ExpectedRevision]>([['no_stream'], ['any'], ['stream_exists']])(
    'given every id stored consecutively at the same place, when retried with %p, then ok idempotent with the stored positions and no rows',
    (expected) => {
      const plan = planBatch(
        [append('s', [1, 2, 3], expected)],
        context({ heads: [sHead], existing: earlier, firstPosition: 8 }),
      );
      expect(resultOf(plan.outcomes[0])).toEqual({
        stream: 's',
        firstRevision: 0,
        nextExpectedRevision: 2,
        firstPosition: 5,
        lastPosition: 7,
        eventIds: [id(1), id(2), id(3)],
        idempotent: true,
      });
      expect(plan.rows).toEqual([]);
      expect(plan.newHeads.size).toBe(0);
    },
  );

  it('given ids first written after revision 3, when retried expecting 3, then ok idempotent', () => {
    const plan = planBatch(
      [append('s', [7, 8], 3)],
      context({ heads: [head('s', 9, 30)], existing: stored('s', [7, 8], 4, 20) }),
    );
    expect(resultOf(plan.outcomes[0])).toMatchObject({
      idempotent: true,
      firstRevision: 4,
      nextExpectedRevision: 5,
      firstPosition: 20,
      lastPosition: 21,
    });
  });

  it('given a retry that is a consecutive prefix of the stored append, when retried, then ok idempotent', () => {
    const plan = planBatch(
      [append('s', [1, 2], 'no_stream')],
      context({ heads: [sHead], existing: earlier }),
    );
    expect(resultOf(plan.outcomes[0])).toMatchObject({ idempotent: true, lastPosition: 6 });
  });

  it('given the same ids with a different numeric expectation, when retried, then DuplicateEventIdError', () => {
    const plan = planBatch(
      [append('s', [1, 2, 3], 0)],
      context({ heads: [sHead], existing: earlier }),
    );
    expectDuplicate(plan.outcomes[0], id(1), 's', 0);
    expect(plan.rows).toEqual([]);
  });

  it('given ids stored at revision 1, when retried with no_stream, then DuplicateEventIdError', () => {
    const plan = planBatch(
      [append('s', [2, 3], 'no_stream')],
      context({ heads: [sHead], existing: earlier }),
    );
    expectDuplicate(plan.outcomes[0], id(2), 's', 1);
  });

  it('given a partial overlap (known id first), when planned, then DuplicateEventIdError names the known id', () => {
    const plan = planBatch(
      [append('s', [3, 4], 'any')],
      context({ heads: [sHead], existing: earlier }),
    );
    expectDuplicate(plan.outcomes[0], id(3), 's', 2);
    expect(plan.rows).toEqual([]);
  });

  it('given a partial overlap (new id first), when planned, then DuplicateEventIdError names the first known id', () => {
    const plan = planBatch(
      [append('s', [4, 2], 'any')],
      context({ heads: [sHead], existing: earlier }),
    );
    expectDuplicate(plan.outcomes[0], id(2), 's', 1);
  });

  it('given stored ids in another order, when retried, then DuplicateEventIdError', () => {
    const plan = planBatch(
      [append('s', [2, 1], 'any')],
      context({ heads: [sHead], existing: earlier }),
    );
    expectDuplicate(plan.outcomes[0], id(2), 's', 1);
  });

  it('given the same ids in another stream, when appended, then DuplicateEventIdError names the stored stream', () => {
    const plan = planBatch(
      [append('t', [1, 2, 3], 'any')],
      context({ heads: [sHead], existing: earlier }),
    );
    expectDuplicate(plan.outcomes[0], id(1), 's', 0);
    expect(plan.newHeads.size).toBe(0);
  });

  it('given an id first written earlier in the same batch, when a later append reuses it elsewhere, then DuplicateEventIdError', () => {
    const plan = planBatch(
      [append('a', [1]), append('b', [2, 1]), append('c', [3])],
      context({ firstPosition: 1 }),
    );
    resultOf(plan.outcomes[0]);
    expectDuplicate(plan.outcomes[1], id(1), 'a', 0);
    expect(resultOf(plan.outcomes[2])).toMatchObject({ firstPosition: 2 });
    expect(plan.rows.map((row) => row.id)).toEqual([id(1), id(3)]);
  });

  it('given the same append twice in one batch, when planned, then the second is an idempotent success', () => {
    const plan = planBatch(
      [append('a', [1, 2], 'no_stream'), append('a', [1, 2], 'no_stream')],
      context(),
    );
    expect(resultOf(plan.outcomes[1])).toMatchObject({
      idempotent: true,
      firstPosition: 1,
      lastPosition: 2,
    });
    expect(plan.rows).toHaveLength(2);
  });

  it('given a rejected append, when a later append in the batch uses its ids, then they are free', () => {
    const plan = planBatch(
      [append('a', [1], 'stream_exists'), append('b', [1], 'no_stream')],
      context(),
    );
    expectWrongRevision(plan.outcomes[0], 'a', 'stream_exists', 'no_stream');
    expect(resultOf(plan.outcomes[1])).toMatchObject({ stream: 'b', firstPosition: 1 });
  });
});

describe('idsOfRevisionRejections', () => {
  it('given outcomes, when asked, then it lists the ids of revision rejections only, in order', () => {
    const appends = [
      append('a', [1, 2], 'no_stream'),
      append('b', [3], 7),
      append('c', [4]),
      append('d', [5, 6], 'stream_exists'),
    ];
    const plan = planBatch(
      appends,
      context({ existing: stored('z', [4], 0, 1), heads: [head('z', 0, 1)], firstPosition: 2 }),
    );
    expect(errorOf(plan.outcomes[2])).toBeInstanceOf(DuplicateEventIdError);
    expect(idsOfRevisionRejections(appends, plan.outcomes)).toEqual([id(3), id(5), id(6)]);
  });

  it('given a retry rejected for its revision when ids were not looked up, when replanned with the ids, then it is idempotent', () => {
    const retry = [append('s', [1, 2, 3], 'no_stream')];
    const withoutIds = planBatch(retry, context({ heads: [head('s', 2, 7)] }));
    expectWrongRevision(withoutIds.outcomes[0], 's', 'no_stream', 2);
    expect(idsOfRevisionRejections(retry, withoutIds.outcomes)).toEqual([id(1), id(2), id(3)]);

    const withIds = planBatch(
      retry,
      context({ heads: [head('s', 2, 7)], existing: stored('s', [1, 2, 3], 0, 5) }),
    );
    expect(resultOf(withIds.outcomes[0]).idempotent).toBe(true);
  });

  it('given only successes, when asked, then it is empty', () => {
    const appends = [append('a', [1])];
    expect(idsOfRevisionRejections(appends, planBatch(appends, context()).outcomes)).toEqual([]);
  });
});

describe('planBatch: chunk sink', () => {
  function recordingSink(chunkSize: number): ChunkSink & { readonly chunks: string[][] } {
    const chunks: string[][] = [];
    return {
      chunkSize,
      chunks,
      onChunk: (rows: readonly StoredEvent[]) => {
        chunks.push(rows.map((row) => `${row.stream}@${row.revision}`));
      },
    };
  }

  const batch = (): PreparedAppend[] => [
    append('a', [1, 2, 3], 'no_stream'),
    append('b', [4, 5], 9),
    append('c', [6, 7], 'no_stream'),
  ];

  it('given a chunk size, when planned, then rows reach the sink in order, chunkSize at a time, the rest at the end', () => {
    const sink = recordingSink(2);
    const plan = planBatch(batch(), context(), sink);
    expect(sink.chunks).toEqual([['a@0', 'a@1'], ['a@2', 'c@0'], ['c@1']]);
    expect(sink.chunks.flat()).toEqual(plan.rows.map((row) => `${row.stream}@${row.revision}`));
  });

  it('given a chunk size larger than the batch, when planned, then the sink gets one chunk at the end', () => {
    const sink = recordingSink(100);
    planBatch(batch(), context(), sink);
    expect(sink.chunks).toEqual([['a@0', 'a@1', 'a@2', 'c@0', 'c@1']]);
  });

  it('given a sink, when planned, then the plan is the same as without one', () => {
    expect(planBatch(batch(), context(), recordingSink(1))).toEqual(planBatch(batch(), context()));
  });

  it('given only rejections and idempotent retries, when planned, then the sink is never called', () => {
    const sink = recordingSink(1);
    const plan = planBatch(
      [append('s', [1, 2], 'no_stream'), append('t', [3], 5)],
      context({ heads: [head('s', 1, 2)], existing: stored('s', [1, 2], 0, 1) }),
      sink,
    );
    expect(resultOf(plan.outcomes[0]).idempotent).toBe(true);
    expectWrongRevision(plan.outcomes[1], 't', 5, 'no_stream');
    expect(sink.chunks).toEqual([]);
  });
});
