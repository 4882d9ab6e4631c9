import fc from 'fast-check';
import { chainedMetadata, prepareAppend } from './append/prepare-append';
import type { JsonObject, StoredEvent } from './port/types';
import {
  recordedAtOf,
  toProjectionEvent,
  toRecordedEvent,
  toStoredProjectionEvent,
} from './stored-event';

const KEY = '"recordedAt":"';
/** Text that tries to look like the key from inside the caller's own metadata fields. */
const lookalike = fc
  .array(
    fc.constantFrom('"recordedAt":"', 'recordedAt', '"', '\\', ':', ',', '{', '}', 'x', '中'),
    {
      maxLength: 8,
    },
  )
  .map((parts) => parts.join(''));
const field = fc.oneof(
  lookalike.filter((text) => text.length > 0),
  fc.string({ minLength: 1 }),
);

function storedMetadata(
  subject: string,
  role: string,
  correlationId: string,
  idempotencyKey: string | null,
  recordedAt: string,
  position: number | undefined,
): string {
  const [prepared] = prepareAppend('s-1', [
    {
      id: '0b9f3c2e-8d5a-4f7e-9a1b-2c3d4e5f6a7b',
      type: 'T',
      data: {},
      metadata: {
        actor: { subject, role },
        correlationId,
        causationId: null,
        schemaVersion: 1,
        ...(idempotencyKey === null
          ? {}
          : { idempotency: { key: idempotencyKey, requestSha256: 'a'.repeat(64) } }),
      },
    },
  ]).events;
  if (prepared === undefined) throw new Error('nothing prepared');
  return chainedMetadata(prepared, 'b'.repeat(64), recordedAt, position);
}

describe('recordedAtOf', () => {
  it('equals JSON.parse(metadata).recordedAt for every metadata text the store writes', () => {
    fc.assert(
      fc.property(
        field,
        field,
        field,
        fc.option(field.filter((key) => key.length <= 255)),
        fc.date({ min: new Date(0), max: new Date(4_102_444_800_000), noInvalidDate: true }),
        fc.option(fc.nat(), { nil: undefined }),
        (subject, role, correlationId, idempotencyKey, date, position) => {
          const text = storedMetadata(
            subject.slice(0, 512),
            role.slice(0, 512),
            correlationId.slice(0, 512),
            idempotencyKey,
            date.toISOString(),
            position,
          );
          expect(recordedAtOf(text)).toBe((JSON.parse(text) as { recordedAt: string }).recordedAt);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('finds the key once in store-written text even when a caller field spells it', () => {
    const text = storedMetadata(KEY, KEY, KEY, KEY, '2025-03-01T02:03:04.005Z', 7);
    expect(text.split(KEY)).toHaveLength(2);
    expect(recordedAtOf(text)).toBe('2025-03-01T02:03:04.005Z');
  });

  it('parses any other text', () => {
    expect(recordedAtOf('{"a":{"recordedAt":"x"},"recordedAt":"y"}')).toBe('y');
    expect(recordedAtOf('{"recordedAt" : "2025-01-01T00:00:00.000Z"}')).toBe(
      '2025-01-01T00:00:00.000Z',
    );
    expect(recordedAtOf('{"recordedAt":"a\\u0022b"}')).toBe('a"b');
  });
});

describe('toProjectionEvent', () => {
  it('of toStoredProjectionEvent is toRecordedEvent with the metadata reduced to recordedAt', () => {
    const data: JsonObject = { recordId: 'r', n: 1.5, nested: { list: ['中', null] } };
    const stored: StoredEvent = {
      position: 12,
      stream: 'platformyear-p_2025',
      revision: 3,
      id: '0b9f3c2e-8d5a-4f7e-9a1b-2c3d4e5f6a7b',
      type: 'ServiceRecorded',
      data: JSON.stringify(data),
      metadata: storedMetadata('u', 'platform', 'c', null, '2025-05-06T07:08:09.010Z', 12),
      hash: 'c'.repeat(64),
    };
    const { metadata, ...recorded } = toRecordedEvent(stored);
    expect(toProjectionEvent(toStoredProjectionEvent(stored))).toEqual({
      ...recorded,
      metadata: { recordedAt: metadata.recordedAt },
    });
  });
});
