import { canonicalJson } from '../chain/event-hash';
import type { RecordedEvent, StoredEvent } from '../port/types';

/**
 * An event as stored, from the event as read (toRecordedEvent's inverse): the stored data and
 * metadata are canonical JSON, and canonical JSON re-serialised from its parse is itself, so
 * the hash is recomputed over the very text the store hashed.
 */
export function storedFormOf(event: RecordedEvent): StoredEvent {
  const { hash, ...metadata } = event.metadata;
  return {
    position: event.position,
    stream: event.stream,
    revision: event.revision,
    id: event.id,
    type: event.type,
    data: canonicalJson(event.data),
    metadata: canonicalJson(metadata),
    hash,
  };
}
