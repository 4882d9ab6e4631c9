import type {
  JsonObject,
  ProjectionEvent,
  RecordedEvent,
  RecordedMetadata,
  StoredEvent,
  StoredProjectionEvent,
} from './port/types';

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

/** What a fold reads of a stored event: data parsed, metadata reduced to recordedAt. */
export function toProjectionEvent(event: StoredProjectionEvent): ProjectionEvent {
  return {
    id: event.id,
    stream: event.stream,
    revision: event.revision,
    position: event.position,
    type: event.type,
    data: JSON.parse(event.data) as JsonObject,
    metadata: { recordedAt: event.recordedAt },
  };
}

/** A stored event without its hashes and with recordedAt alone of its metadata. */
export function toStoredProjectionEvent(event: StoredEvent): StoredProjectionEvent {
  return {
    position: event.position,
    stream: event.stream,
    revision: event.revision,
    id: event.id,
    type: event.type,
    data: event.data,
    recordedAt: recordedAtOf(event.metadata),
  };
}

/** EventStoreAdapter.readAllProjectionPages over readAllPages: right for every adapter. */
export async function* projectionPagesOf(
  pages: AsyncIterable<readonly StoredEvent[]>,
): AsyncGenerator<readonly StoredProjectionEvent[]> {
  for await (const page of pages) yield page.map(toStoredProjectionEvent);
}

const RECORDED_AT_KEY = '"recordedAt":"';

/**
 * recordedAt from a stored metadata text without parsing it. The store writes that text itself
 * (chainedMetadata): canonical JSON whose only member named recordedAt is the top-level one (the
 * caller's part is a fixed set of validated fields), and a quote inside a JSON string is always
 * escaped, so the key's text occurs exactly once and its value is an ISO instant. Anything else —
 * no such key, two of them, an escape in the value — is read by JSON.parse instead.
 */
export function recordedAtOf(metadata: string): string {
  const key = metadata.indexOf(RECORDED_AT_KEY);
  if (key !== -1 && metadata.indexOf(RECORDED_AT_KEY, key + 1) === -1) {
    const start = key + RECORDED_AT_KEY.length;
    const end = metadata.indexOf('"', start);
    const value = end === -1 ? '' : metadata.slice(start, end);
    if (value !== '' && !value.includes('\\')) return value;
  }
  return (JSON.parse(metadata) as { recordedAt: string }).recordedAt;
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
