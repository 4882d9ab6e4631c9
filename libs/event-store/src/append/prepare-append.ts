import { validate as isUuid } from 'uuid';
import { canonicalJson } from '../chain/event-hash';
import { InvalidAppendError } from '../port/errors';
import type { AppendOptions, EventToAppend, ExpectedRevision } from '../port/types';

/** An event validated and serialised outside the write lock: only chaining is left to do. */
export interface PreparedEvent {
  readonly id: string;
  readonly type: string;
  /** Canonical JSON of data. */
  readonly data: string;
  /** Canonical JSON fragment `{"actor":…,"causationId":…,"correlationId":…,` (keys sorted). */
  readonly metadataPrefix: string;
  readonly schemaVersion: number;
}

export interface PreparedAppend {
  readonly stream: string;
  readonly expectedRevision: ExpectedRevision;
  readonly events: readonly PreparedEvent[];
}

export const MAX_EVENTS_PER_APPEND = 10_000;
const EVENT_TYPE = /^[A-Za-z][A-Za-z0-9_.-]{0,127}$/;
const MAX_JSON_DEPTH = 64;

/**
 * A lone UTF-16 surrogate has no UTF-8 form: the driver would store other bytes than were hashed
 * (JSON texts escape it; stream names are stored raw).
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

export function validateStreamName(stream: unknown, field = 'stream'): string {
  if (
    typeof stream !== 'string' ||
    stream.length === 0 ||
    stream.length > 256 ||
    stream.startsWith('$') ||
    hasControlCharacter(stream) ||
    LONE_SURROGATE.test(stream)
  ) {
    throw new InvalidAppendError(
      field,
      'must be 1..256 characters of well-formed Unicode, without control characters, not starting with $',
    );
  }
  return stream;
}

export function validateExpectedRevision(value: unknown): ExpectedRevision {
  if (value === undefined) return 'any';
  if (value === 'any' || value === 'no_stream' || value === 'stream_exists') return value;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
  throw new InvalidAppendError(
    'expectedRevision',
    'must be any, no_stream, stream_exists or a non-negative integer',
  );
}

/** Rejects what RFC 8785 cannot serialise faithfully: non-finite numbers, undefined, class instances. */
function assertJson(value: unknown, field: string, depth: number): void {
  if (depth > MAX_JSON_DEPTH) throw new InvalidAppendError(field, 'is nested too deeply');
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new InvalidAppendError(field, 'must be a finite number');
    return;
  }
  if (Array.isArray(value)) {
    // An index loop, not forEach: holes in sparse arrays must be seen to be rejected.
    for (let index = 0; index < value.length; index += 1) {
      if (!(index in value))
        throw new InvalidAppendError(`${field}[${index}]`, 'is a hole in a sparse array');
      assertJson(value[index], `${field}[${index}]`, depth + 1);
    }
    return;
  }
  if (typeof value === 'object') {
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== Object.prototype && proto !== null) {
      throw new InvalidAppendError(field, 'must be a plain JSON object');
    }
    for (const [key, item] of Object.entries(value)) assertJson(item, `${field}.${key}`, depth + 1);
    return;
  }
  throw new InvalidAppendError(field, `has a ${typeof value}, which is not JSON`);
}

function nonEmptyString(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 512) {
    throw new InvalidAppendError(field, 'must be a non-empty string of at most 512 characters');
  }
  return value;
}

function prepareEvent(candidate: unknown, field: string): PreparedEvent {
  // Callers may be untyped (JSON from HTTP, CSV imports): anything that is not an object is refused here.
  if (typeof candidate !== 'object' || candidate === null) {
    throw new InvalidAppendError(field, 'must be an event object');
  }
  const event = candidate as { id?: unknown; type?: unknown; data?: unknown; metadata?: unknown };
  const id = typeof event.id === 'string' ? event.id.toLowerCase() : event.id;
  if (typeof id !== 'string' || !isUuid(id))
    throw new InvalidAppendError(`${field}.id`, 'must be a UUID');
  if (typeof event.type !== 'string' || !EVENT_TYPE.test(event.type)) {
    throw new InvalidAppendError(`${field}.type`, 'must match [A-Za-z][A-Za-z0-9_.-]{0,127}');
  }
  if (typeof event.data !== 'object' || event.data === null || Array.isArray(event.data)) {
    throw new InvalidAppendError(`${field}.data`, 'must be a JSON object');
  }
  assertJson(event.data, `${field}.data`, 0);
  const metadata = event.metadata as Partial<EventToAppend['metadata']> | null | undefined;
  if (typeof metadata !== 'object' || metadata === null) {
    throw new InvalidAppendError(`${field}.metadata`, 'is required');
  }
  const actor = metadata.actor as Partial<EventToAppend['metadata']['actor']> | undefined;
  const subject = nonEmptyString(actor?.subject, `${field}.metadata.actor.subject`);
  const role = nonEmptyString(actor?.role, `${field}.metadata.actor.role`);
  const correlationId = nonEmptyString(metadata.correlationId, `${field}.metadata.correlationId`);
  const causationId =
    metadata.causationId === null
      ? null
      : nonEmptyString(metadata.causationId, `${field}.metadata.causationId`);
  const schemaVersion = metadata.schemaVersion;
  if (
    typeof schemaVersion !== 'number' ||
    !Number.isSafeInteger(schemaVersion) ||
    schemaVersion < 1
  ) {
    throw new InvalidAppendError(`${field}.metadata.schemaVersion`, 'must be a positive integer');
  }
  const idempotency = idempotencyField(metadata.idempotency, `${field}.metadata.idempotency`);
  return {
    id,
    type: event.type,
    data: canonicalJson(event.data),
    metadataPrefix: `{"actor":{"role":${JSON.stringify(role)},"subject":${JSON.stringify(subject)}},"causationId":${causationId === null ? 'null' : JSON.stringify(causationId)},"correlationId":${JSON.stringify(correlationId)},${idempotency}`,
    schemaVersion,
  };
}

/**
 * The canonical `"idempotency":{…},` member (keys sorted: key < requestSha256), or nothing:
 * it sorts between correlationId and position, so it slots into the metadata prefix as is.
 */
function idempotencyField(value: unknown, field: string): string {
  if (value === undefined) return '';
  if (typeof value !== 'object' || value === null) {
    throw new InvalidAppendError(field, 'must be an object with key and requestSha256');
  }
  const candidate = value as { key?: unknown; requestSha256?: unknown };
  const key = nonEmptyString(candidate.key, `${field}.key`);
  if (key.length > 255)
    throw new InvalidAppendError(`${field}.key`, 'must be at most 255 characters');
  if (
    typeof candidate.requestSha256 !== 'string' ||
    !/^[0-9a-f]{64}$/.test(candidate.requestSha256)
  ) {
    throw new InvalidAppendError(`${field}.requestSha256`, 'must be 64 lowercase hex digits');
  }
  return `"idempotency":{"key":${JSON.stringify(key)},"requestSha256":"${candidate.requestSha256}"},`;
}

/** Validates and serialises an append; throws InvalidAppendError naming the field at fault. */
export function prepareAppend(
  stream: string,
  events: readonly EventToAppend[],
  options: AppendOptions = {},
): PreparedAppend {
  validateStreamName(stream);
  const expectedRevision = validateExpectedRevision(options.expectedRevision);
  if (!Array.isArray(events) || events.length === 0) {
    throw new InvalidAppendError('events', 'must be a non-empty array');
  }
  if (events.length > MAX_EVENTS_PER_APPEND) {
    throw new InvalidAppendError('events', `must hold at most ${MAX_EVENTS_PER_APPEND} events`);
  }
  const list: readonly EventToAppend[] = events;
  const prepared = list.map((event, index) => prepareEvent(event, `events[${index}]`));
  const seen = new Map<string, number>();
  prepared.forEach((event, index) => {
    const earlier = seen.get(event.id);
    if (earlier !== undefined) {
      throw new InvalidAppendError(`events[${index}].id`, `duplicates events[${earlier}].id`);
    }
    seen.set(event.id, index);
  });
  return { stream, expectedRevision, events: prepared };
}

/**
 * The canonical metadata text; keys sorted: actor, causationId, correlationId, position (where
 * the store hashes it), prevHash, recordedAt, schemaVersion.
 */
export function chainedMetadata(
  event: PreparedEvent,
  prevHash: string,
  recordedAt: string,
  position?: number,
): string {
  const positionField = position === undefined ? '' : `"position":${position},`;
  return `${event.metadataPrefix}${positionField}"prevHash":"${prevHash}","recordedAt":"${recordedAt}","schemaVersion":${event.schemaVersion}}`;
}
