import type { JsonObject, RecordedEvent, RecordedMetadata, StoredEvent } from './port/types';

export function toRecordedEvent(event: StoredEvent): RecordedEvent {
  const metadata = JSON.parse(event.metadata) as Omit<RecordedMetadata, 'hash'>;
  return {
    id: event.id,
    stream: event.stream,
    revision: event.revision,
    position: event.position,
    type: event.type,
    data: JSON.parse(event.data) as JsonObject,
    metadata: { ...metadata, hash: event.hash },
  };
}
