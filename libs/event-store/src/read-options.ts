import { InvalidOptionError } from './port/errors';
import type { Direction, EventFilter } from './port/types';

/**
 * Read options arrive from HTTP query strings and database checkpoint columns (pg returns int8 as
 * a string): a '5' taken for 5 would make a subscription resume at '5' + 1 = '51'. Every value is
 * checked here and refused with the option at fault.
 */
export const END = Number.MAX_SAFE_INTEGER;

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** An options object with only the named keys: a misspelt option must not be silently ignored. */
export function optionsObject<T extends object>(
  options: T | null | undefined,
  known: readonly string[],
  field = 'options',
): Partial<T> {
  if (options === undefined || options === null) return {};
  if (typeof options !== 'object') throw new InvalidOptionError(field, 'must be an object');
  const unknown = Object.keys(options).find((key) => !known.includes(key));
  if (unknown !== undefined) {
    throw new InvalidOptionError(`${field}.${unknown}`, `is not an option (${known.join(', ')})`);
  }
  return options;
}

export function flagOf(value: unknown, field: string): boolean {
  if (value === undefined) return false;
  if (typeof value !== 'boolean') throw new InvalidOptionError(field, 'must be true or false');
  return value;
}

export function directionOf(value: unknown): Direction {
  if (value === undefined) return 'forwards';
  if (value === 'forwards' || value === 'backwards') return value;
  throw new InvalidOptionError('direction', 'must be forwards or backwards');
}

export function maxCountOf(value: unknown): number {
  if (value === undefined) return END;
  if (!isCount(value)) throw new InvalidOptionError('maxCount', 'must be a non-negative integer');
  return value;
}

/** 'start', 'end' or an inclusive revision / position; the default depends on the direction. */
export function startOf(
  value: unknown,
  field: string,
  direction: Direction,
  first: number,
): number {
  if (value === 'end' || (value === undefined && direction === 'backwards')) return END;
  if (value === 'start' || value === undefined) return first;
  if (!isCount(value))
    throw new InvalidOptionError(field, "must be 'start', 'end' or a non-negative integer");
  return value;
}

/** A subscription's checkpoint: events strictly after it are delivered. */
export function checkpointOf(value: unknown): number {
  if (value === undefined || value === 'start') return 0;
  if (!isCount(value)) {
    throw new InvalidOptionError('fromPosition', "must be 'start' or a non-negative integer");
  }
  return value;
}

function stringList(value: unknown, field: string): readonly string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    throw new InvalidOptionError(field, 'must be an array of strings');
  }
  return value;
}

export function filterOf(value: unknown): EventFilter | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null)
    throw new InvalidOptionError('filter', 'must be an object');
  const filter = optionsObject(
    value as { eventTypes?: unknown; streamPrefixes?: unknown },
    ['eventTypes', 'streamPrefixes'],
    'filter',
  );
  const eventTypes = stringList(filter.eventTypes, 'filter.eventTypes');
  const streamPrefixes = stringList(filter.streamPrefixes, 'filter.streamPrefixes');
  return {
    ...(eventTypes === undefined ? {} : { eventTypes }),
    ...(streamPrefixes === undefined ? {} : { streamPrefixes }),
  };
}
