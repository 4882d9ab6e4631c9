import fc from 'fast-check';
import { chainedMetadata, prepareAppend } from '../append/prepare-append';
import { computeEventHash } from '../chain/event-hash';
import type { JsonObject, StoredEvent } from '../port/types';
import { toRecordedEvent } from '../stored-event';
import { storedFormOf } from './stored-form';

/** A stored event as the store writes it, for arbitrary data and caller metadata. */
function stored(data: JsonObject, subject: string, correlationId: string): StoredEvent | undefined {
  let prepared;
  try {
    [prepared] = prepareAppend('s-1', [
      {
        id: '0b9f3c2e-8d5a-4f7e-9a1b-2c3d4e5f6a7b',
        type: 'T',
        data,
        metadata: {
          actor: { subject, role: 'r' },
          correlationId,
          causationId: null,
          schemaVersion: 1,
        },
      },
    ]).events;
  } catch {
    return undefined; // data the store refuses (lone surrogates, too deep) is never stored
  }
  if (prepared === undefined) return undefined;
  const metadata = chainedMetadata(prepared, 'a'.repeat(64), '2025-03-01T08:00:00.000Z', 7);
  const event = { position: 7, stream: 's-1', revision: 3, id: prepared.id, type: 'T' };
  const withTexts = { ...event, data: prepared.data, metadata };
  return { ...withTexts, hash: computeEventHash(withTexts) };
}

describe('storedFormOf', () => {
  it('gives back the exact stored texts and hash of any event the store writes, as read', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), fc.jsonValue()),
        fc.string(),
        fc.string(),
        (data, subject, correlationId) => {
          const event = stored(data as JsonObject, subject, correlationId);
          if (event === undefined) return;
          const readBack = toRecordedEvent(event);
          const afterFile = JSON.parse(JSON.stringify(readBack)) as typeof readBack;
          expect(storedFormOf(afterFile)).toEqual(event);
          expect(computeEventHash(storedFormOf(afterFile))).toBe(event.hash);
        },
      ),
      { numRuns: 500 },
    );
  });
});
