import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { chainedMetadata, prepareAppend } from '../append/prepare-append';
import type { EventMetadataInput, JsonObject, JsonValue } from '../port/types';
import { canonicalJson, computeEventHash, GENESIS_HASH, hashInput, sha256Hex } from './event-hash';

/** mulberry32: a tiny seeded generator, so every run checks the same values. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TRICKY_CHARACTERS = [
  'a',
  'Z',
  '0',
  '9',
  ' ',
  '"',
  '\\',
  '/',
  '\b',
  '\f',
  '\n',
  '\r',
  '\t',
  '\u0000',
  '\u001f',
  '\u007f',
  '\u0080',
  'é',
  'ß',
  '中',
  '文',
  '窗口平台',
  '😀',
  '🀄',
  '\u2028',
  '\u2029',
  '\ufeff',
  '\uffff',
];

const TRICKY_NUMBERS = [
  0,
  -0,
  1,
  -1,
  0.1,
  0.5,
  1e21,
  1e20,
  1.5e-7,
  1e-7,
  -1e-300,
  Number.MIN_VALUE,
  Number.MAX_VALUE,
  Number.MAX_SAFE_INTEGER,
  -Number.MAX_SAFE_INTEGER,
  333333333.3333333,
  123456789012345680000,
  4.35,
  2 ** 60,
];

const INTEGER_LIKE_KEYS = ['0', '1', '9', '10', '01', '-1', '1e3', '100', ''];

class JsonGenerator {
  private readonly random: () => number;

  constructor(seed: number) {
    this.random = seededRandom(seed);
  }

  int(below: number): number {
    return Math.floor(this.random() * below);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  string(maxLength = 8): string {
    let text = '';
    const length = this.int(maxLength + 1);
    for (let i = 0; i < length; i += 1) text += this.pick(TRICKY_CHARACTERS);
    return text;
  }

  number(): number {
    switch (this.int(3)) {
      case 0:
        return this.pick(TRICKY_NUMBERS);
      case 1:
        return this.int(2_000_001) - 1_000_000;
      default:
        return (this.random() - 0.5) * 10 ** (this.int(60) - 30);
    }
  }

  key(): string {
    return this.random() < 0.3 ? this.pick(INTEGER_LIKE_KEYS) : this.string(5);
  }

  object(depth: number): JsonObject {
    const result: JsonObject = {};
    const size = this.int(6);
    for (let i = 0; i < size; i += 1) result[this.key()] = this.value(depth + 1);
    return result;
  }

  value(depth: number): JsonValue {
    const kind = this.int(depth >= 4 ? 5 : 7);
    switch (kind) {
      case 0:
        return null;
      case 1:
        return this.random() < 0.5;
      case 2:
        return this.number();
      case 3:
      case 4:
        return this.string();
      case 5:
        return Array.from({ length: this.int(5) }, () => this.value(depth + 1));
      default:
        return this.object(depth);
    }
  }
}

const ACTOR = { subject: 'operator-1', role: 'platform' };
const EVENT_ID = '0f8fad5b-d9cb-469f-a165-70867728950e';

function preparedWith(metadata: EventMetadataInput) {
  return prepareAppend('platform-1', [
    { id: EVENT_ID, type: 'ServiceRecorded', data: {}, metadata },
  ]).events[0]!;
}

describe('canonical JSON (RFC 8785)', () => {
  it('given integer-like keys, when serialised, then keys are in code-unit order ("10" before "9")', () => {
    expect(canonicalJson({ 9: 'nine', 10: 'ten', b: 1, a: 2, 1: 'one' })).toBe(
      '{"1":"one","10":"ten","9":"nine","a":2,"b":1}',
    );
  });

  it('given numbers, when serialised, then they use the ECMAScript shortest form', () => {
    expect(canonicalJson([1e21, 1e20, 0.1, -0, 1.5e-7, 1e-7, 333333333.3333333, 4.5])).toBe(
      '[1e+21,100000000000000000000,0.1,0,1.5e-7,1e-7,333333333.3333333,4.5]',
    );
  });

  it('given escapes and non-ASCII, when serialised, then only the mandatory escapes are used', () => {
    expect(canonicalJson({ s: 'q"b\\s/\b\f\n\r\t\u0000\u001f\u007f中文😀\u2028' })).toBe(
      '{"s":"q\\"b\\\\s/\\b\\f\\n\\r\\t\\u0000\\u001f\u007f中文😀\u2028"}',
    );
  });

  it('given keys that differ beyond the BMP, when serialised, then they sort by UTF-16 code units', () => {
    // By code point U+FF61 comes first; by UTF-16 code unit (RFC 8785) U+1F600's surrogate pair does.
    expect(canonicalJson({ '😀': 1, '\uff61': 2 })).toBe('{"😀":1,"\uff61":2}');
  });

  it('given a value without JSON form, when serialised, then it throws a TypeError', () => {
    expect(() => canonicalJson(undefined)).toThrow(TypeError);
  });

  // canonicalJson has its own fast path: stored texts (and so every hash) must stay exactly what
  // the reference package writes, for any value, including the ones the fast path hands over.
  const keyArbitrary = fc.oneof(
    fc.string(),
    fc.string({ unit: 'binary' }),
    fc.constantFrom('__proto__', 'toJSON', '0', '9', '10', '01', '-1', '1e3', '4294967295', ''),
  );
  const valueArbitrary = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      fc.constantFrom(null, true, false, -0, 0, 1e21, 1e-7, Number.MAX_SAFE_INTEGER),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.integer(),
      fc.string({ unit: 'binary' }),
      fc.string({ unit: 'grapheme' }),
      fc.array(tie('value')),
      fc.dictionary(keyArbitrary, tie('value')),
    ),
  })).value;

  it('given any JSON value, when serialised, then the text is byte-identical to the canonicalize package', () => {
    fc.assert(
      fc.property(valueArbitrary, (value) => {
        expect(canonicalJson(value)).toBe(canonicalize(value));
      }),
      { numRuns: 3000 },
    );
  });

  it('given JSON.parse output (own __proto__ members, index-like keys), when serialised, then it matches canonicalize', () => {
    fc.assert(
      fc.property(valueArbitrary, (value) => {
        const parsed: unknown = JSON.parse(JSON.stringify(value));
        expect(canonicalJson(parsed)).toBe(canonicalize(parsed));
      }),
      { numRuns: 1000 },
    );
  });

  it('given values the fast path hands over (holes, undefined, toJSON, class instances), when serialised, then it matches canonicalize', () => {
    class Point {
      constructor(readonly x: number) {}
    }
    const unusual: unknown[] = [
      // eslint-disable-next-line no-sparse-arrays -- a hole is the point of this case
      [1, , 2],
      [undefined, 1],
      { a: undefined, b: 1 },
      { toJSON: () => ({ z: 1, a: 2 }) },
      { date: new Date(0) },
      { p: new Point(1) },
      Object.assign(Object.create(null) as object, { b: 1, a: { d: 2, c: 3 } }),
      { 10: 'ten', 9: 'nine', x: [{ 2: 'b', 1: 'a' }] },
      JSON.parse('{"__proto__":{"b":1,"a":2},"x":1}') as unknown,
    ];
    for (const value of unusual) expect(canonicalJson(value)).toBe(canonicalize(value));
  });
});

describe('sha256Hex and GENESIS_HASH', () => {
  it('given the genesis value, then it is 64 zeros', () => {
    expect(GENESIS_HASH).toBe('0'.repeat(64));
  });

  it('given known inputs, when hashed, then they match SHA-256 test vectors', () => {
    expect(sha256Hex('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex(Buffer.from('中文', 'utf8'))).toBe(sha256Hex('中文'));
  });
});

describe('hashInput', () => {
  const cases: [string, JsonObject, JsonObject][] = [
    ['integer-like keys', { 9: 'a', 10: 'b', '01': 'c', '-1': 'd' }, { 10: { 9: [] } }],
    [
      'non-ASCII',
      { 名称: '中小企业公共服务平台', emoji: '😀🀄', mixed: 'é\u2028\u2029\ufeff' },
      { subject: '张三' },
    ],
    [
      'escapes',
      { quote: '"', backslash: '\\', controls: '\u0000\u0001\b\t\n\f\r\u001f\u007f', slash: '/' },
      { 'key "with" quotes\\': 'v' },
    ],
    [
      'numbers',
      { big: 1e21, tenth: 0.1, negativeZero: -0, small: 1.5e-7, max: Number.MAX_VALUE },
      { n: [Number.MIN_VALUE, -1e-300, 123456789012345680000] },
    ],
    [
      'nesting',
      {
        a: [[[]], [{}], [{ b: [1, [2, [3, { c: null }]]] }]],
        d: { e: { f: { g: [true, false] } } },
      },
      { nested: { '': { ' ': [null] } } },
    ],
  ];

  it.each(cases)(
    'given %s in canonical data and metadata texts, when composed, then it equals the canonical JSON of the whole event',
    (_label, data, metadata) => {
      const stream = 'platformyear-甲"\\_2024';
      const type = 'ServiceRecorded';
      const revision = 7;
      const composed = hashInput({
        stream,
        revision,
        type,
        data: canonicalJson(data),
        metadata: canonicalJson(metadata),
      });
      expect(composed).toBe(canonicalJson({ stream, revision, type, data, metadata }));
      expect(JSON.parse(composed)).toEqual(
        JSON.parse(JSON.stringify({ stream, revision, type, data, metadata })),
      );
    },
  );

  it('given a few hundred seeded random events, when composed, then each equals the canonical JSON of the whole event', () => {
    const generate = new JsonGenerator(20240917);
    for (let i = 0; i < 400; i += 1) {
      const data = generate.object(0);
      const metadata = generate.object(0);
      const stream = `s-${generate.string(6)}`;
      const type = generate.string(6);
      const revision = generate.int(1_000_000);
      const expected = canonicalJson({ stream, revision, type, data, metadata });
      const event = {
        stream,
        revision,
        type,
        data: canonicalJson(data),
        metadata: canonicalJson(metadata),
      };
      expect(hashInput(event)).toBe(expected);
      expect(computeEventHash(event)).toBe(
        createHash('sha256').update(expected, 'utf8').digest('hex'),
      );
    }
  });

  it('given the canonical text of a random value, when re-canonicalised after parsing, then it is unchanged', () => {
    const generate = new JsonGenerator(7);
    for (let i = 0; i < 300; i += 1) {
      const text = canonicalJson(generate.value(0));
      expect(canonicalJson(JSON.parse(text))).toBe(text);
    }
  });

  it('given any field changes, when hashed, then the hash changes', () => {
    const event = { stream: 's', revision: 0, type: 'T', data: '{"a":1}', metadata: '{}' };
    const hash = computeEventHash(event);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(computeEventHash({ ...event, stream: 't' })).not.toBe(hash);
    expect(computeEventHash({ ...event, revision: 1 })).not.toBe(hash);
    expect(computeEventHash({ ...event, type: 'U' })).not.toBe(hash);
    expect(computeEventHash({ ...event, data: '{"a":2}' })).not.toBe(hash);
    expect(computeEventHash({ ...event, metadata: '{"b":1}' })).not.toBe(hash);
  });
});

describe('chainedMetadata', () => {
  const prevHash = 'ab'.repeat(32);
  const recordedAt = '2024-10-17T08:30:00.123Z';

  const subjects = [
    'operator-1',
    'say "hi"',
    'back\\slash',
    '张三@重庆市',
    '😀 emoji',
    'tab\tand\nnewline',
    '\u2028',
  ];

  it.each(subjects)(
    'given the subject %j, when chained, then the text is the canonical JSON of the explicit metadata object',
    (subject) => {
      for (const causationId of [null, 'cause-"1"-原因']) {
        const metadata = {
          actor: { subject, role: 'district "admin"' },
          correlationId: 'corr-中文',
          causationId,
          schemaVersion: 3,
        };
        const text = chainedMetadata(preparedWith(metadata), prevHash, recordedAt);
        expect(text).toBe(
          canonicalJson({
            actor: { role: metadata.actor.role, subject },
            causationId,
            correlationId: metadata.correlationId,
            prevHash,
            recordedAt,
            schemaVersion: 3,
          }),
        );
      }
    },
  );

  it('given the genesis prevHash, when chained, then it is embedded verbatim', () => {
    const text = chainedMetadata(
      preparedWith({ actor: ACTOR, correlationId: 'c', causationId: null, schemaVersion: 1 }),
      GENESIS_HASH,
      recordedAt,
    );
    expect(JSON.parse(text)).toEqual({
      actor: { role: 'platform', subject: 'operator-1' },
      causationId: null,
      correlationId: 'c',
      prevHash: GENESIS_HASH,
      recordedAt,
      schemaVersion: 1,
    });
  });

  it('given seeded random actors and ids, when chained, then the text is always canonical', () => {
    const generate = new JsonGenerator(99);
    for (let i = 0; i < 300; i += 1) {
      const nonEmpty = (): string => `x${generate.string(10)}`;
      const metadata = {
        actor: { subject: nonEmpty(), role: nonEmpty() },
        correlationId: nonEmpty(),
        causationId: generate.int(2) === 0 ? null : nonEmpty(),
        schemaVersion: 1 + generate.int(1000),
      };
      const text = chainedMetadata(preparedWith(metadata), prevHash, recordedAt);
      expect(text).toBe(
        canonicalJson({
          actor: { role: metadata.actor.role, subject: metadata.actor.subject },
          causationId: metadata.causationId,
          correlationId: metadata.correlationId,
          prevHash,
          recordedAt,
          schemaVersion: metadata.schemaVersion,
        }),
      );
    }
  });

  it('given an actor with extra fields, when chained, then only role and subject are recorded', () => {
    const actor = { subject: 's', role: 'r', token: 'secret' };
    const text = chainedMetadata(
      preparedWith({ actor, correlationId: 'c', causationId: null, schemaVersion: 1 }),
      prevHash,
      recordedAt,
    );
    expect(text).not.toContain('secret');
  });
});
