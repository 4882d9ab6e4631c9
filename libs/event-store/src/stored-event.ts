import type { JsonObject, RecordedEvent, RecordedMetadata, StoredEvent } from './port/types';

export function toRecordedEvent(event: StoredEvent): RecordedEvent {
  // The parsed object is fresh, so adding the hash to it is cheaper than copying it.
  const metadata = JSON.parse(event.metadata) as {
    -readonly [K in keyof RecordedMetadata]: RecordedMetadata[K];
  };
  metadata.hash = event.hash;
  return {
    id: event.id,
    stream: event.stream,
    revision: event.revision,
    position: event.position,
    type: event.type,
    data: JSON.parse(event.data) as JsonObject,
    metadata,
  };
}

/** A stored event's values in the column order of ledger_events (SQLite and PostgreSQL alike). */
export function storedEventColumns(
  event: StoredEvent,
): [number, string, number, string, string, string, string, string] {
  return [
    event.position,
    event.stream,
    event.revision,
    event.id,
    event.type,
    event.data,
    event.metadata,
    event.hash,
  ];
}
