import { InvalidAppendError } from '../port/errors';
import type { AppendOptions, EventToAppend } from '../port/types';
import { MAX_EVENTS_PER_APPEND, prepareAppend, validateStreamName } from './prepare-append';

const IDS = [
  '0f8fad5b-d9cb-469f-a165-70867728950e',
  '7c9e6679-7425-40de-944b-e07fc1f90ae7',
  '1b4e28ba-2fa1-41d2-883f-0016d3cca427',
];

const VALID_METADATA = {
  actor: { subject: 'operator-1', role: 'platform' },
  correlationId: 'corr-1',
  causationId: null,
  schemaVersion: 1,
};

/** A valid event with fields overridden; `unknown` overrides model untyped input from the edge. */
function event(overrides: Record<string, unknown> = {}, index = 0): EventToAppend {
  return {
    id: IDS[index]!,
    type: 'ServiceRecorded',
    data: { enterprises: 3 },
    metadata: VALID_METADATA,
    ...overrides,
  };
}

function metadata(overrides: Record<string, unknown>): Record<string, unknown> {
  return { ...VALID_METADATA, ...overrides };
}

function rejectionOf(action: () => unknown): InvalidAppendError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidAppendError);
    return error as InvalidAppendError;
  }
  throw new Error('expected an InvalidAppendError, but nothing was thrown');
}

function fieldOf(stream: unknown, events: unknown, options: Record<string, unknown> = {}): string {
  const error = rejectionOf(() =>
    prepareAppend(stream as string, events as EventToAppend[], options),
  );
  expect(error.code).toBe('INVALID_APPEND');
  expect(error.message).toContain(error.field);
  return error.field;
}

function nested(depth: number, wrap: (inner: unknown) => unknown): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i += 1) value = wrap(value);
  return value;
}

class Money {
  constructor(readonly cents: number) {}
}

describe('prepareAppend: a valid append', () => {
  it('given a valid append, when prepared, then data is canonical and expectedRevision defaults to any', () => {
    const prepared = prepareAppend('platform-1', [
      event({ data: { 9: 'b', 10: 'a', nested: { z: 1, a: [0.1, -0] } } }),
    ]);
    expect(prepared.stream).toBe('platform-1');
    expect(prepared.expectedRevision).toBe('any');
    expect(prepared.events).toHaveLength(1);
    const [first] = prepared.events;
    expect(first!.data).toBe('{"10":"a","9":"b","nested":{"a":[0.1,0],"z":1}}');
    expect(first!.type).toBe('ServiceRecorded');
    expect(first!.schemaVersion).toBe(1);
    expect(first!.metadataPrefix).toBe(
      '{"actor":{"role":"platform","subject":"operator-1"},"causationId":null,"correlationId":"corr-1",',
    );
  });

  it('given an upper-case id, when prepared, then the id is lower-cased', () => {
    const prepared = prepareAppend('s', [event({ id: IDS[0]!.toUpperCase() })]);
    expect(prepared.events[0]!.id).toBe(IDS[0]);
  });

  it.each([['any'], ['no_stream'], ['stream_exists'], [0], [41], [Number.MAX_SAFE_INTEGER]])(
    'given expectedRevision %p, when prepared, then it is kept',
    (expectedRevision) => {
      const prepared = prepareAppend('s', [event()], {
        expectedRevision: expectedRevision as AppendOptions['expectedRevision'],
      });
      expect(prepared.expectedRevision).toBe(expectedRevision);
    },
  );

  it('given boundary sizes (256-character stream, 128-character type, depth 64, a string causationId), when prepared, then they are accepted', () => {
    const prepared = prepareAppend('a'.repeat(256), [
      event({
        type: `T${'a'.repeat(127)}`,
        data: { deep: nested(63, (inner) => ({ a: inner })) },
        metadata: metadata({ causationId: 'cause-1' }),
      }),
    ]);
    expect(prepared.events[0]!.metadataPrefix).toContain('"causationId":"cause-1"');
  });

  it('given exactly MAX_EVENTS_PER_APPEND events, when prepared, then all are accepted', () => {
    const events = Array.from({ length: MAX_EVENTS_PER_APPEND }, (_, i) =>
      event({ id: `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}` }),
    );
    expect(prepareAppend('s', events).events).toHaveLength(MAX_EVENTS_PER_APPEND);
  });

  it('given a stream name with Chinese characters and quotes, when validated, then it is returned', () => {
    expect(validateStreamName('platform-重庆"1"')).toBe('platform-重庆"1"');
  });
});

describe('prepareAppend: the stream name', () => {
  it.each<[string, unknown]>([
    ['empty', ''],
    ['257 characters', 'a'.repeat(257)],
    ['starting with $', '$all'],
    ['with a NUL', 'a\u0000b'],
    ['with a newline', 'platform-1\n'],
    ['with DEL', 'a\u007f'],
    ['a number', 42],
    ['undefined', undefined],
  ])('given a stream name %s, when prepared, then field is "stream"', (_label, stream) => {
    expect(fieldOf(stream, [event()])).toBe('stream');
  });

  it('given a custom field name, when validated, then the error names it', () => {
    expect(rejectionOf(() => validateStreamName('', 'filter.stream')).field).toBe('filter.stream');
  });
});

describe('prepareAppend: the expected revision', () => {
  it.each<[unknown]>([[-1], [1.5], ['latest'], [Number.NaN], [2 ** 53], ['0'], [null]])(
    'given expectedRevision %p, when prepared, then field is "expectedRevision"',
    (expectedRevision) => {
      expect(fieldOf('s', [event()], { expectedRevision })).toBe('expectedRevision');
    },
  );
});

describe('prepareAppend: the events array', () => {
  it.each<[string, unknown]>([
    ['empty', []],
    ['not an array', { 0: event(), length: 1 }],
    ['undefined', undefined],
  ])('given events %s, when prepared, then field is "events"', (_label, events) => {
    expect(fieldOf('s', events)).toBe('events');
  });

  it('given more than MAX_EVENTS_PER_APPEND events, when prepared, then field is "events"', () => {
    const events = new Array<EventToAppend>(MAX_EVENTS_PER_APPEND + 1).fill(event());
    const error = rejectionOf(() => prepareAppend('s', events));
    expect(error.field).toBe('events');
    expect(error.reason).toContain(String(MAX_EVENTS_PER_APPEND));
  });
});

describe('prepareAppend: id and type', () => {
  it.each<[string, unknown]>([
    ['not a UUID', 'not-a-uuid'],
    ['empty', ''],
    ['a number', 42],
    ['missing', undefined],
    ['a UUID with braces', `{${IDS[0]!}}`],
  ])('given an id %s, when prepared, then field is "events[0].id"', (_label, id) => {
    expect(fieldOf('s', [event({ id })])).toBe('events[0].id');
  });

  it('given a bad id in the second event, when prepared, then the field names index 1', () => {
    expect(fieldOf('s', [event(), event({ id: 'nope' }, 1)])).toBe('events[1].id');
  });

  it.each<[string, unknown]>([
    ['starting with a digit', '9abc'],
    ['empty', ''],
    ['129 characters', `T${'a'.repeat(128)}`],
    ['with a space', 'Service Recorded'],
    ['Chinese', '服务记录'],
    ['a number', 7],
  ])('given a type %s, when prepared, then field is "events[0].type"', (_label, type) => {
    expect(fieldOf('s', [event({ type })])).toBe('events[0].type');
  });
});

describe('prepareAppend: data', () => {
  it.each<[string, unknown, string]>([
    ['a string', 'text', 'events[0].data'],
    ['a number', 42, 'events[0].data'],
    ['an array', [1, 2], 'events[0].data'],
    ['undefined', undefined, 'events[0].data'],
    ['NaN inside', { score: Number.NaN }, 'events[0].data.score'],
    ['Infinity inside an array', { list: [1, Number.POSITIVE_INFINITY] }, 'events[0].data.list[1]'],
    ['-Infinity deep inside', { a: { b: [{ c: -Infinity }] } }, 'events[0].data.a.b[0].c'],
    ['undefined inside an array', { list: [undefined] }, 'events[0].data.list[0]'],
    ['an undefined property', { missing: undefined }, 'events[0].data.missing'],
    ['a Date', { when: new Date(0) }, 'events[0].data.when'],
    ['a class instance', { amount: new Money(5) }, 'events[0].data.amount'],
    ['a Map', { index: new Map() }, 'events[0].data.index'],
    ['a function', { callback: () => 1 }, 'events[0].data.callback'],
    ['a bigint', { big: 10n }, 'events[0].data.big'],
    ['a symbol', { sym: Symbol('x') }, 'events[0].data.sym'],
    ['a toJSON method', { v: { toJSON: () => 'x' } }, 'events[0].data.v.toJSON'],
  ])('given data with %s, when prepared, then field is %p', (_label, data, field) => {
    expect(fieldOf('s', [event({ data })])).toBe(field);
  });

  it('given data that is a class instance itself, when prepared, then field is "events[0].data"', () => {
    expect(fieldOf('s', [event({ data: new Money(1) })])).toBe('events[0].data');
  });

  it('given an object with a null prototype, when prepared, then it is accepted', () => {
    const data = Object.assign(Object.create(null) as Record<string, unknown>, { a: 1 });
    expect(prepareAppend('s', [event({ data })]).events[0]!.data).toBe('{"a":1}');
  });

  it('given objects nested deeper than 64, when prepared, then the field names the value at depth 65', () => {
    const data = nested(65, (inner) => ({ a: inner }));
    expect(fieldOf('s', [event({ data })])).toBe(`events[0].data${'.a'.repeat(65)}`);
  });

  it('given arrays nested deeper than 64, when prepared, then the field names the value at depth 65', () => {
    const data = { list: nested(64, (inner) => [inner]) };
    expect(fieldOf('s', [event({ data })])).toBe(`events[0].data.list${'[0]'.repeat(64)}`);
  });

  it('given nesting of exactly 64, when prepared, then it is accepted', () => {
    const data = nested(64, (inner) => ({ a: inner }));
    expect(() => prepareAppend('s', [event({ data })])).not.toThrow();
  });

  // Regression: null data is rejected, not stored as the text "null".
  it('given data null, when prepared, then field is "events[0].data"', () => {
    expect(fieldOf('s', [event({ data: null })])).toBe('events[0].data');
  });

  // Regression: holes in sparse arrays are rejected (forEach and canonicalize would skip them and corrupt the stored JSON).
  it('given a sparse array in data, when prepared, then it is rejected', () => {
    // eslint-disable-next-line no-sparse-arrays -- the hole is the point of this test
    expect(fieldOf('s', [event({ data: { list: [1, , 3] } })])).toBe('events[0].data.list[1]');
  });
});

describe('prepareAppend: metadata', () => {
  it.each<[string, unknown, string]>([
    ['missing', undefined, 'events[0].metadata'],
    ['a string', 'meta', 'events[0].metadata'],
    ['without actor', metadata({ actor: undefined }), 'events[0].metadata.actor.subject'],
    ['with actor null', metadata({ actor: null }), 'events[0].metadata.actor.subject'],
    [
      'with an empty actor.subject',
      metadata({ actor: { subject: '', role: 'platform' } }),
      'events[0].metadata.actor.subject',
    ],
    [
      'with a 513-character actor.subject',
      metadata({ actor: { subject: 'x'.repeat(513), role: 'platform' } }),
      'events[0].metadata.actor.subject',
    ],
    [
      'with a numeric actor.subject',
      metadata({ actor: { subject: 1, role: 'platform' } }),
      'events[0].metadata.actor.subject',
    ],
    [
      'with an empty actor.role',
      metadata({ actor: { subject: 's', role: '' } }),
      'events[0].metadata.actor.role',
    ],
    [
      'without correlationId',
      metadata({ correlationId: undefined }),
      'events[0].metadata.correlationId',
    ],
    [
      'with an empty correlationId',
      metadata({ correlationId: '' }),
      'events[0].metadata.correlationId',
    ],
    [
      'with causationId undefined',
      metadata({ causationId: undefined }),
      'events[0].metadata.causationId',
    ],
    ['with an empty causationId', metadata({ causationId: '' }), 'events[0].metadata.causationId'],
    ['with a numeric causationId', metadata({ causationId: 5 }), 'events[0].metadata.causationId'],
    ['with schemaVersion 0', metadata({ schemaVersion: 0 }), 'events[0].metadata.schemaVersion'],
    [
      'with schemaVersion 1.5',
      metadata({ schemaVersion: 1.5 }),
      'events[0].metadata.schemaVersion',
    ],
    ['with schemaVersion -1', metadata({ schemaVersion: -1 }), 'events[0].metadata.schemaVersion'],
    [
      'with schemaVersion "1"',
      metadata({ schemaVersion: '1' }),
      'events[0].metadata.schemaVersion',
    ],
    [
      'without schemaVersion',
      metadata({ schemaVersion: undefined }),
      'events[0].metadata.schemaVersion',
    ],
  ])('given metadata %s, when prepared, then field is %p', (_label, value, field) => {
    expect(fieldOf('s', [event({ metadata: value })])).toBe(field);
  });

  it('given a 512-character subject, when prepared, then it is accepted', () => {
    const value = metadata({ actor: { subject: 'x'.repeat(512), role: 'platform' } });
    expect(() => prepareAppend('s', [event({ metadata: value })])).not.toThrow();
  });

  // Regression: null metadata is a 400 naming the field, not a TypeError.
  it('given metadata null, when prepared, then field is "events[0].metadata"', () => {
    expect(fieldOf('s', [event({ metadata: null })])).toBe('events[0].metadata');
  });
});

describe('prepareAppend: duplicate ids and ordering of checks', () => {
  it('given the same id twice, when prepared, then the field names the second index', () => {
    const error = rejectionOf(() =>
      prepareAppend('s', [event({}, 0), event({}, 1), event({ id: IDS[0] }, 2)]),
    );
    expect(error.field).toBe('events[2].id');
    expect(error.reason).toBe('duplicates events[0].id');
  });

  it('given ids that differ only in case, when prepared, then they are duplicates', () => {
    expect(fieldOf('s', [event(), event({ id: IDS[0]!.toUpperCase() })])).toBe('events[1].id');
  });

  it('given a bad stream and a bad event, when prepared, then the stream is reported first', () => {
    expect(fieldOf('', [event({ id: 'x' })], { expectedRevision: -1 })).toBe('stream');
  });

  it('given a bad expectedRevision and no events, when prepared, then the revision is reported first', () => {
    expect(fieldOf('s', [], { expectedRevision: -1 })).toBe('expectedRevision');
  });

  it('given two bad events, when prepared, then the first is reported', () => {
    expect(fieldOf('s', [event({ type: '' }), event({ id: 'x' }, 1)])).toBe('events[0].type');
  });

  it('given a bad id and a bad type in one event, when prepared, then the id is reported first', () => {
    expect(fieldOf('s', [event({ id: 'x', type: '' })])).toBe('events[0].id');
  });
});
