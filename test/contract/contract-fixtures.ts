import { v4 as uuidv4 } from 'uuid';
import type { EventToAppend, JsonObject, RecordedEvent } from '@ledger/event-store';

export const ACTOR = { subject: 'contract-suite', role: 'system' } as const;

export function event(type: string, data: JsonObject = {}, id = uuidv4()): EventToAppend {
  return {
    id,
    type,
    data,
    metadata: { actor: ACTOR, correlationId: uuidv4(), causationId: null, schemaVersion: 1 },
  };
}

export function events(
  count: number,
  type = 'ServiceRecorded',
  extra: JsonObject = {},
): EventToAppend[] {
  return Array.from({ length: count }, (_, index) => event(type, { index, ...extra }));
}

/** A unique stream-name prefix per test, so the suite also runs on a shared server (ESDB). */
export function namespace(): string {
  return `c${uuidv4().replaceAll('-', '').slice(0, 12)}-`;
}

export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

export async function take(
  iterable: AsyncIterable<RecordedEvent>,
  count: number,
  timeoutMs = 20_000,
): Promise<RecordedEvent[]> {
  const items: RecordedEvent[] = [];
  const deadline = Date.now() + timeoutMs;
  for await (const item of iterable) {
    items.push(item);
    if (items.length >= count) break;
    if (Date.now() > deadline)
      throw new Error(`timed out after ${items.length} of ${count} events`);
  }
  return items;
}
